"""The conflict kind's reading of one article: its call (the relevance gate, then the
kind's checked call, kinds.call) and its report (ArticleReport), read from the checked
answer.

The model only copies spans; the fact types' checks (kinds.verify) keep only what stands
in the article. Code then
- recovers qualifiers the model left out ("20 people" where the article says "almost 20")
  and reads each casualty figure with its article (revision, attackers' claim, parts);
- places the country, region and town through the gazetteer;
- identifies actors (the actor dictionary, ACLED's generic actors) and their attribution;
- resolves dates against the publication date, which the model never sees.
"""

import re
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from summarizer.articles import Article
from summarizer.kinds.call import extract_facts
from summarizer.kinds.model import Kind
from summarizer.kinds.prompt import DEFAULT_MAX_CHARS, prepared_text
from summarizer.kinds.registry import load_kind
from summarizer.normalize.actors import (
    attribution,
    identify,
    merge_actors,
    merged_attribution,
    preferred,
)
from summarizer.normalize.count_spans import with_qualifier
from summarizer.normalize.dates import stated_date
from summarizer.normalize.event_type import coded_event_type
from summarizer.normalize.locate import locate as locate_places
from summarizer.normalize.names import display_name, split_name
from summarizer.normalize.numbers import Bounds, guess_language, parse_count
from summarizer.normalize.proper_names import proper_names
from summarizer.normalize.relevance import may_report_incident
from summarizer.normalize.text import name_key
from summarizer.normalize.tolls import attackers_killed, locate, read_context
from summarizer.schemas import (
    CASUALTY_KINDS,
    ActorFact,
    ArticleReport,
    CountFact,
    PlaceFact,
    Usage,
)

if TYPE_CHECKING:
    from summarizer._llm import LLMClient

__all__ = [
    "DEFAULT_MAX_CHARS",
    "IncidentAnswer",
    "count_fact",
    "extract",
    "span_bounds",
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
    """The conflict kind's call: an article with no word of violence, harm or protest (a
    budget, a harvest) is not sent; any other goes through the kind's checked call."""
    text, warnings = prepared_text(article, max_chars)
    kind = load_kind(kind)
    if not may_report_incident(text):
        note = f"{article.id}: no word of violence, harm or protest; not sent to the model"
        return kind.schema(is_incident=False), [*warnings, note], Usage()
    return await extract_facts(client, article, kind, max_chars=max_chars)


def _actors(names: list[str], article: str, country: str | None, role: str) -> list[ActorFact]:
    """Each actor once, with its identity (dictionary or ACLED's generic actors), every
    wording kept as an alias, and the attribution the article's words give it."""
    facts = []
    for raw in names:
        parts = split_name(raw)
        who = identify(raw, country, role)
        facts.append(
            ActorFact(
                name=who.name if who else display_name(parts),
                aliases=sorted({*parts, *(who.names if who else ())}, key=name_key),
                attribution=(
                    attribution([raw, *parts, *(who.names if who else ())], article)
                    if role == "perpetrators"
                    else "stated"
                ),
                quote=raw,
                identity=who.identity if who else None,
                category=who.category if who else None,
            )
        )
    merged = []
    for group in merge_actors([("", f) for f in facts], role):
        lead = preferred(group)
        aliases = {a for _, f in group for a in f.aliases}
        if lead.identity is None:
            aliases |= {f.name for _, f in group}
        merged.append(
            lead.model_copy(
                update={
                    "aliases": sorted(aliases, key=lambda a: (name_key(a), a)),
                    "attribution": merged_attribution(group),
                    "name": lead.name if lead.identity else display_name(sorted(aliases)),
                }
            )
        )
    return merged


def _places(ex: IncidentAnswer, article: str, warnings: list[str]) -> dict[str, PlaceFact | None]:
    """Country, admin1 and location, filled in and located through the gazetteer."""
    return locate_places(
        ex.country, ex.region, ex.town, [*ex.targets, *ex.perpetrators], article, warnings
    )


def to_report(article: Article, ex: IncidentAnswer, warnings: list[str]) -> ArticleReport:
    """Normalise verified spans into the article's report. Pure."""
    warnings = list(warnings)
    date = None
    if ex.date_text:
        date = stated_date(
            "date", ex.date_text, article.published, article.text, warnings, drop_background=True
        )
    places = _places(ex, article.text, warnings)
    code = places["country"].code if places["country"] else None
    counts = {kind: count_fact(kind, getattr(ex, kind), article.text) for kind in CASUALTY_KINDS}
    targets = _actors(ex.targets, article.text, code, "targets")
    event_type, note = coded_event_type(ex.event_type, targets, article.text)
    warnings += [note] if note else []
    return ArticleReport(
        article=article.ref(),
        is_incident=ex.is_incident,
        event_type=event_type if ex.is_incident else None,
        date=date,
        **places,
        perpetrators=_actors(ex.perpetrators, article.text, code, "perpetrators"),
        targets=targets,
        **counts,
        title=ex.title.strip() or None,
        summary=ex.summary.strip() or None,
        names=proper_names(article.text) if ex.is_incident else [],
        warnings=warnings,
    )


def span_bounds(span: str, article: str) -> Bounds | None:
    """A casualty span's bounds, with the qualifier before it and the groups after it."""
    return parse_count(
        with_qualifier(span, article) + _more_groups(span, article), guess_language(article)
    )


def count_fact(
    kind: str, span: str | None, article: str, category: re.Pattern[str] | None = None
) -> CountFact | None:
    """A count span read with its article: bounds, groups, revision, clause. A casualty
    count (no `category` of its own words) also reads the attackers' claim and dead."""
    if not span:
        return None
    bounds = span_bounds(span, article)
    if bounds is None:
        return None
    figure = bounds.min if bounds.min is not None else bounds.max
    context = read_context(span, article, kind, figure, category)
    casualty = category is None
    claimed = casualty and context.claimed
    if casualty and kind == "killed" and not claimed and (dead := attackers_killed(span, article)):
        bounds = _with_attackers(bounds, dead)
    return CountFact(
        quote=context.quote,
        min=bounds.min,
        max=bounds.max,
        approximate=bounds.approximate,
        figure=bounds.figure,
        parts=list(bounds.parts),
        revision=context.revision,
        earlier=list(context.earlier),
        claimed=claimed,
        provisional=context.provisional,
    )


def _with_attackers(bounds: Bounds, dead: int) -> Bounds:
    """The victims' toll plus the attackers' own dead, kept as one more part."""
    own = bounds.parts or tuple(
        v for v in (bounds.min if bounds.min is not None else bounds.max,) if v is not None
    )
    return Bounds(
        None if bounds.min is None else bounds.min + dead,
        None if bounds.max is None else bounds.max + dead,
        approximate=bounds.approximate,
        parts=(*own, dead),
        figure=None if bounds.figure is None else bounds.figure + dead,
    )


def _more_groups(span: str, article: str) -> str:
    """ " and three vigilantes" right after "17 soldiers": more groups of the same toll."""
    loc = locate(span, article)
    if loc is None:
        return ""
    m = re.match(r"\s+(?:and|et|y)\s+[^.;:!?\n]{1,60}", article[loc[1] :])
    return m[0] if m else ""
