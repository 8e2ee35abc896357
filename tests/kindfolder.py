"""A user's kind written into a folder, as the README tells a user to: industrial accidents."""

from pathlib import Path

SCHEMA = """
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from summarizer.kinds.facts import (
    Category, Count, Flag, NameText, Prose, Span, SpanText, SummaryText, TitleText, When,
    Where, Who,
)


class Accident(BaseModel):
    is_incident: Annotated[bool, Flag()] = Field(description="true for one specific accident")
    hazard: Annotated[Literal["fire", "explosion", "collapse", "spill", "other"], Category()]
    date_text: Annotated[SpanText | None, When()] = None
    site: Annotated[NameText | None, Where("place")] = None
    country: Annotated[NameText | None, Where("country")] = None
    operator: Annotated[list[NameText], Who("operator")] = Field(default_factory=list, max_length=2)
    cause: Annotated[SpanText | None, Span()] = None
    killed: Annotated[SpanText | None, Count("killed")] = None
    injured: Annotated[SpanText | None, Count("injured")] = None
    title: Annotated[TitleText, Prose()] = ""
    summary: Annotated[SummaryText, Prose()] = ""
"""

KIND = """name: accident
description: industrial accidents (hazard, site, operator, casualties)
schema: schema.py:Accident
prompt: accident-v1
brief: brief.md.j2
gold_fields: [hazard, date, site, country, operator, killed, injured]
"""

SYSTEM = """You extract facts about one industrial accident. Answer with one JSON object.
Copy every span exactly as the article writes it; null when the article does not say it.
"""

USER = """<<<ARTICLE
{% if title %}{% raw %}{{ title }}{% endraw %}
{% endif %}{% raw %}{{ article }}{% endraw %}
ARTICLE>>>"""

BRIEF = """# Accidents
{% for inc in brief.incidents %}
## {{ loop.index }}. {{ inc.title | md }}
{% for f in inc.facts %}- {{ f.field }}: {{ f.label | md }}
{% endfor %}{% endfor %}
"""


def write_kind(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "schema.py").write_text(SCHEMA)
    (folder / "kind.yaml").write_text(KIND)
    (folder / "accident-v1.system.j2").write_text(SYSTEM)
    (folder / "accident-v1.user.j2").write_text(USER)
    (folder / "brief.md.j2").write_text(BRIEF)
    return folder
