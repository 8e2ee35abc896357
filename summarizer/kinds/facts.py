"""The kinds of fact a kind's extraction schema is made of.

Each field of an extraction schema carries exactly one of these in its `Annotated[...]`
metadata. The fact type says how the model's span is checked against the article, which
normaliser reads it and which reconcile rule settles disagreements between sources, so a
new schema built from them needs no code:

- Flag: a yes/no judgement, no span; `flag.majority`.
- Category: a closed vocabulary (a Literal), no span; `category.majority`. Its `check`
  (a function) may hold the model's value against the article's other read facts and
  text, and re-code it with a warning naming the rule (the conflict kind's event type
  against ACLED's definitions).
- Span: verbatim in the article; `span.majority`.
  A Category or Span with `key=True` tells incidents apart when a day's reports are grouped.
- Count: verbatim (its figure may be written the other way: "2" for "two"), read by
  numbers.parse_count, and its words must say what it counts; `count.revision_supersedes`
  (a later "rose to" replaces lower figures; `count.update_carries` the same report's other
  counts), else `count.most_conservative`.
- When: verbatim (a date the model reformatted is put back in the article's words), read
  by dates.resolve_date against the publication date; `date.intersection`,
  `date.majority`.
- Where: verbatim (each part; a country the model translated is put back in the
  article's spelling, a region the article omits passes when it is its country's),
  located by the gazetteer; `place.majority`.
- Who: verbatim (the name or a part of it); each actor once, every wording an alias (the
  actor dictionary for ACLED's roles); `actors.union`.
- Prose: title and summary, checked for script, truncation and unsupported numbers; the
  first source's is kept (prose is not a fact).
"""

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import StringConstraints
from pydantic.fields import FieldInfo

if TYPE_CHECKING:
    from summarizer.schemas.facts import FactValue


@dataclass(frozen=True)
class Fact:
    """Base of the fact types: put one instance in a field's `Annotated[...]`."""

    type: ClassVar[str] = "fact"
    rules: ClassVar[tuple[str, ...]] = ()


@dataclass(frozen=True)
class Flag(Fact):
    type: ClassVar[str] = "flag"
    rules: ClassVar[tuple[str, ...]] = ("flag.majority",)


# A Category's check: (the model's value, the article's other read facts with their
# types, the article's text) -> (the value to keep, a warning when it was re-coded).
CategoryCheck = Callable[[str, Sequence[tuple["Fact", "FactValue"]], str], tuple[str, str | None]]


@dataclass(frozen=True)
class Category(Fact):
    """`key=True`: what tells one incident from another (see Span). `check`: see above."""

    key: bool = False
    check: CategoryCheck | None = None
    type: ClassVar[str] = "category"
    rules: ClassVar[tuple[str, ...]] = ("category.majority",)


@dataclass(frozen=True)
class Span(Fact):
    """`key=True`: what tells one incident from another, such as an outbreak's pathogen.
    Reports stating it differently are never one incident, and a report naming no place
    joins the day's only incident when they state it alike."""

    key: bool = False
    type: ClassVar[str] = "span"
    rules: ClassVar[tuple[str, ...]] = ("span.majority",)


@dataclass(frozen=True)
class Count(Fact):
    """A phrase giving a number. `of` names what is counted; `words` (a regular expression)
    are the words that say so: the span, or the words right after it, must use them and
    not another count's. `of` one of killed, injured, missing, kidnapped brings the
    casualty words (English, French, Spanish) and the casualty-toll readers."""

    of: str = ""
    words: str = ""
    type: ClassVar[str] = "count"
    rules: ClassVar[tuple[str, ...]] = (
        "count.revision_supersedes",
        "count.update_carries",
        "count.most_conservative",
    )


@dataclass(frozen=True)
class When(Fact):
    """`drop_background=True`: a date long before the article was published (an earlier
    attack it recalls) is dropped with a warning instead of read as the event's."""

    drop_background: bool = False
    type: ClassVar[str] = "date"
    rules: ClassVar[tuple[str, ...]] = ("date.intersection", "date.majority")


@dataclass(frozen=True)
class Where(Fact):
    level: Literal["country", "region", "place"] = "place"
    type: ClassVar[str] = "place"
    rules: ClassVar[tuple[str, ...]] = ("place.majority",)


ACLED_ROLES = ("perpetrators", "targets")  # the roles the actor dictionary is written for


@dataclass(frozen=True)
class Who(Fact):
    """`role` "perpetrators" or "targets" (ACLED's actor roles) brings the actor
    dictionary, ACLED's generic actors ("Military Forces of Mali") and, for
    perpetrators, the attribution the article's words give ("suspected")."""

    role: str = "actor"
    type: ClassVar[str] = "actor"
    rules: ClassVar[tuple[str, ...]] = ("actors.union",)


@dataclass(frozen=True)
class Prose(Fact):
    type: ClassVar[str] = "prose"
    rules: ClassVar[tuple[str, ...]] = ()


FACT_TYPES: tuple[type[Fact], ...] = (Flag, Category, Span, Count, When, Where, Who, Prose)

# The capped strings a small model cannot loop in: a span, a name, a headline, a summary.
SpanText = Annotated[str, StringConstraints(max_length=100)]
NameText = Annotated[str, StringConstraints(min_length=1, max_length=80)]
TitleText = Annotated[str, StringConstraints(max_length=140)]
SummaryText = Annotated[str, StringConstraints(max_length=400)]


def fact_of(info: FieldInfo) -> Fact | None:
    """The one fact type a field is declared with, or None."""
    found = [m for m in info.metadata if isinstance(m, Fact)]
    return found[0] if len(found) == 1 else None


def incident_or_nothing(schema: dict[str, Any]) -> None:
    """A schema's `json_schema_extra` for a schema whose `is_incident` flag says whether
    the article reports anything: the grammar then allows either `{"is_incident": false}`
    and nothing else, or every field with `is_incident: true`, all of them required (so the
    grammar, not the model, decides that an answer is complete). An article about nothing
    costs a few tokens instead of a whole answer."""
    incident = copy.deepcopy(schema)
    defs = incident.pop("$defs", None)
    incident["properties"]["is_incident"] = {"const": True, "type": "boolean"}
    incident["required"] = list(incident["properties"])
    none = {
        "type": "object",
        "properties": {"is_incident": {"const": False, "type": "boolean"}},
        "required": ["is_incident"],
        "additionalProperties": False,
    }
    branched: dict[str, Any] = {"title": schema.get("title", "Answer"), "anyOf": [none, incident]}
    if defs:
        branched["$defs"] = defs
    schema.clear()
    schema.update(branched)
