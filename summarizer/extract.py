"""The conflict kind's reading of one article: its call (the relevance gate, then the
kind's checked call, kinds.call) and its report (ArticleReport), read from the checked
answer.

The model only copies spans; the fact types' checks (kinds.verify) keep only what stands
in the article, and the fact types' readers (kinds.report, as for any kind) then
- recover qualifiers the model left out ("20 people" where the article says "almost 20")
  and read each casualty figure with its article (revision, attackers' claim, parts:
  normalize.counts);
- place the country, region and town through the gazetteer;
- identify actors (the actor dictionary, ACLED's generic actors) and their attribution;
- resolve dates against the publication date, which the model never sees;
- hold the event type against ACLED's definitions (its Category's check, the schema's);
- list the article's proper names (grouping compares them).
The report puts each read fact in its ArticleReport field (by fact type, not field name).
"""

from typing import TYPE_CHECKING, Protocol, cast

from pydantic import BaseModel

from summarizer.articles import Article
from summarizer.kinds.call import call_kind
from summarizer.kinds.model import Kind
from summarizer.kinds.prompt import DEFAULT_MAX_CHARS
from summarizer.kinds.registry import load_kind
from summarizer.kinds.report import acled_fields, to_fact_report
from summarizer.schemas import ArticleReport, Usage

if TYPE_CHECKING:
    from summarizer._llm import LLMClient

__all__ = [
    "DEFAULT_MAX_CHARS",
    "IncidentAnswer",
    "extract",
    "to_report",
]


class IncidentAnswer(Protocol):
    """What the conflict kind's report reads of a checked answer: the fields of its schema
    (prompts/conflict/schema.py). Any kind whose schema has them can name these rules."""

    is_incident: bool
    date_text: str | None
    country: str | None
    region: str | None
    town: str | None
    perpetrators: list[str]
    targets: list[str]
    killed: str | None
    injured: str | None
    missing: str | None
    kidnapped: str | None
    title: str
    summary: str
    event_type: str


async def extract(
    client: "LLMClient",
    article: Article,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    kind: Kind | None = None,
) -> tuple[BaseModel, list[str], Usage]:
    """One article through the (conflict) kind's call: its gate (an article with no word
    of violence, harm or protest, a budget or a harvest, is not sent), then the checked
    call every kind gets."""
    return await call_kind(client, article, load_kind(kind), max_chars=max_chars)


def to_report(
    article: Article, ex: IncidentAnswer, warnings: list[str], kind: Kind | None = None
) -> ArticleReport:
    """The answer read field by field by its fact types (kinds.report), each read fact in
    its ArticleReport field. Pure but for the gazetteer's index."""
    kind = load_kind(kind)
    read = to_fact_report(article, cast(BaseModel, ex), kind, warnings)
    fields = acled_fields(read, kind)  # the event type checked by its Category's check
    if not ex.is_incident:
        fields.pop("event_type", None)
    return ArticleReport(
        article=read.article,
        is_incident=ex.is_incident,
        **fields,
        title=read.title,
        summary=read.summary,
        names=read.names,
        days=read.days,
        warnings=read.warnings,
    )
