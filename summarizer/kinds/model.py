"""A loaded, validated kind."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from summarizer.kinds.facts import Fact

if TYPE_CHECKING:
    from summarizer.kinds.rules import AnyRules

DEFAULT_KIND = "conflict"
GROUPINGS = ("place", "event")  # kind.yaml's `grouping:` (summarizer.kinds.group)
FILE_MODULE_PREFIX = "summarizer_kind_"  # what a kind's own .py files are imported as


def _fact_rules() -> "AnyRules":
    from summarizer.kinds.rules import Rules  # it imports this module

    return Rules()


@dataclass(frozen=True)
class Gate:
    """kind.yaml's `gate:` an article whose text `test` turns away (False) is not sent to
    the model: it is answered `{"is_incident": false}`, with `reason` in its warning."""

    test: Callable[[str], bool]
    reason: str
    ref: str  # "module:function" as kind.yaml names it


@dataclass(frozen=True)
class Kind:
    name: str
    folder: Path
    description: str
    schema: type[BaseModel]
    schema_source: str  # where the schema was found: a file, for error messages
    prompt_version: str
    brief_template: Path
    gold_fields: tuple[str, ...]
    facts: dict[str, Fact] = field(hash=False)
    # Every step from the model's answer to the briefs (kind.yaml's `rules:`, else the
    # fact types' own): summarizer.kinds.rules.
    rules: "AnyRules" = field(default_factory=_fact_rules, hash=False)
    gate: Gate | None = field(default=None, hash=False)
    # What one incident is when a day's reports are grouped (summarizer.kinds.group):
    # "place", an ongoing situation at a place; "event", a happening of one day.
    grouping: str = "place"

    @property
    def system_template(self) -> Path:
        return self.folder / f"{self.prompt_version}.system.j2"

    @property
    def user_template(self) -> Path:
        return self.folder / f"{self.prompt_version}.user.j2"

    def json_schema(self) -> dict[str, object]:
        return self.schema.model_json_schema()

    def fingerprint(self) -> str:
        """What the extraction cache keys on: the kind, its prompt version and a digest of
        the prompt templates and the schema, so an edited template or field is never
        served answers to the old one, bumped version or not."""
        digest = hashlib.sha256()
        for path in (self.system_template, self.user_template):
            digest.update(path.read_bytes())
        digest.update(json.dumps(self.json_schema(), sort_keys=True).encode())
        digest.update(self.rules_name.encode())  # other rules check the answer otherwise
        return f"{self.name}:{self.prompt_version}:{digest.hexdigest()[:16]}"

    def digest(self) -> str:
        """The extraction fingerprint plus the markdown template: what a report names."""
        brief = hashlib.sha256(self.brief_template.read_bytes()).hexdigest()[:16]
        return f"{self.fingerprint()}:{brief}"

    @property
    def rules_name(self) -> str:
        """`module:Class`, or `Class` for rules in a kind's file (imported under a name
        that differs from one process to the next)."""
        cls = type(self.rules)
        module = "" if cls.__module__.startswith(FILE_MODULE_PREFIX) else f"{cls.__module__}:"
        return module + cls.__qualname__
