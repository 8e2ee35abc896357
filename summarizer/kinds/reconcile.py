"""FactReport[] -> FactBrief: each field settled by its fact type's rule. Pure.

The rules are the conflict kind's own (summarizer/reconcile.py), applied field by field:
each report's fact is put in the slot of an ArticleReport that rule reads (a count in
`killed`, a date in `date`, a place in `location`, actors in `targets`), so a count of
cases rises across reports exactly like a toll (`count.revision_supersedes`,
`count.later_supersedes`, `count.most_conservative`, `count.highest_reported`). Flags,
categories and spans go by majority, ties to the earliest report.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.kinds.facts import ACLED_ROLES, Fact, Where, Who
from summarizer.kinds.model import Kind
from summarizer.kinds.report import slot_value
from summarizer.normalize.roles import separate_roles
from summarizer.normalize.text import name_key
from summarizer.reconcile import (
    revisions,
    settle_actors,
    settle_casualties,
    settle_date,
    settle_place,
)
from summarizer.render import actor_label, casualty_range, place_label
from summarizer.schemas import Actor, ArticleReport, Conflict, SourceSummary, SourceValue
from summarizer.schemas.facts import FactBrief, FactReport, ReconciledFact

_SLOT = {"count": "killed", "date": "date", "place": "location", "actor": "targets"}


def _shims(
    field: str, slot: str, reports: Sequence[FactReport], country: str | None = None
) -> list[ArticleReport]:
    """Each report's fact for `field` in the ArticleReport slot its rule reads (and, for
    actors, the report's own country, the `country` field)."""
    shims = []
    for r in reports:
        fact = r.facts.get(field)
        value = slot_value(fact, slot) if fact is not None else None
        own = r.facts.get(country) if country else None
        where = {"country": own.place} if own is not None and own.place is not None else {}
        shims.append(
            ArticleReport(
                article=r.article, days=r.days, **({slot: value} if value else {}), **where
            )
        )
    return shims


def _renamed(conflict: Conflict | None, field: str) -> Conflict | None:
    if conflict is None:
        return None
    rule = conflict.rule.replace("casualties.", "count.")
    return conflict.model_copy(update={"field": field, "rule": rule})


def _spelling(group: list[tuple[str, FactReport]]) -> str:
    """The spelling most of a group's sources use, ties to the earliest report's."""
    counts: dict[str, list[FactReport]] = {}
    for label, r in group:
        counts.setdefault(label, []).append(r)
    return min(counts, key=lambda v: (-len(counts[v]), min(map(_recency, counts[v])), v))


def _majority(
    field: str, type_: str, reports: Sequence[FactReport]
) -> tuple[ReconciledFact | None, Conflict | None]:
    """The value most sources give; a tie goes to the earliest report's. Values that differ
    only in case, accents or punctuation ("Cholera", "cholera") are one value."""
    groups: dict[str, list[tuple[str, FactReport]]] = {}
    for r in reports:
        if (found := r.facts.get(field)) is not None and found.label is not None:
            groups.setdefault(name_key(found.label) or found.label, []).append((found.label, r))
    if not groups:
        return None, None
    support = {_spelling(g): [r for _, r in g] for g in groups.values()}
    ranked = sorted(support, key=lambda v: (-len(support[v]), min(map(_recency, support[v])), v))
    chosen = ranked[0]
    fact = ReconciledFact(
        field=field,
        type=type_,
        label=chosen,
        value=chosen,
        sources=sorted(r.article.id for r in support[chosen]),
    )
    if len(ranked) == 1:
        return fact, None
    tie = len(support[ranked[0]]) == len(support[ranked[1]])
    conflict = Conflict(
        field=field,
        rule=f"{type_}.{'earliest_report' if tie else 'majority'}",
        chosen=chosen,
        values=[
            SourceValue(value=v, articles=sorted(r.article.id for r in rs))
            for v, rs in sorted(support.items())
        ],
    )
    return fact, conflict


def _recency(report: FactReport) -> tuple[bool, str, str]:
    published = report.article.published
    return (published is None, published.isoformat() if published else "", report.article.id)


@dataclass(frozen=True)
class _Incident:
    """What settling one field may need of the others: the counts' revisions (a report
    that revises one count is the later report for all of them) and the incident's country
    (its field, and its settled ISO code, which identifies actors a source left unplaced)."""

    updates: frozenset[tuple[str, str]] = frozenset()
    country_field: str | None = None
    country: str | None = None


def _incident(reports: Sequence[FactReport], kind: Kind) -> _Incident:
    counts = [n for n, f in kind.facts.items() if f.type == "count"]
    updates = revisions(("killed", _shims(n, "killed", reports)) for n in counts)
    field = next(
        (n for n, f in kind.facts.items() if isinstance(f, Where) and f.level == "country"), None
    )
    place = settle_place("location", _shims(field, "location", reports))[0] if field else None
    return _Incident(updates, field, place.code if place else None)


def _slot(fact: Fact) -> str:
    """The ArticleReport slot whose rule settles the fact: an actor of one of ACLED's
    roles is settled in that role (unnamed attackers join the named group, and sources
    that blame different groups are a conflict); any other actor as a target is."""
    if isinstance(fact, Who) and fact.role in ACLED_ROLES:
        return fact.role
    return _SLOT[fact.type]


def _field(
    field: str, fact_type: Fact, reports: Sequence[FactReport], incident: _Incident
) -> tuple[ReconciledFact | None, list[Conflict]]:
    type_ = fact_type.type
    if type_ not in _SLOT:
        fact, conflict = _majority(field, type_, reports)
        return fact, [conflict] if conflict else []
    slot = _slot(fact_type)
    # Actors are identified in their source's own country, the `country` field.
    shims = _shims(field, slot, reports, incident.country_field if type_ == "actor" else None)
    sources = sorted(r.article.id for r in reports if field in r.facts)
    if not sources:
        return None, []
    if type_ == "count":
        count, found = settle_casualties(slot, shims, incident.updates)
        if count is None:
            return None, []
        conflicts = [c for c in (_renamed(c, field) for c in found) if c]
        label = casualty_range(count)
        return ReconciledFact(
            field=field, type=type_, label=label, count=count, sources=sources
        ), conflicts
    if type_ == "date":
        day, conflict = settle_date(shims)
        if day is None:
            return None, []
        fact = ReconciledFact(field=field, type=type_, label=day.label(), date=day, sources=sources)
        return fact, [c for c in [_renamed(conflict, field)] if c]
    if type_ == "place":
        place, conflict = settle_place(slot, shims)
        if place is None:
            return None, []
        fact = ReconciledFact(
            field=field, type=type_, label=place_label(place), place=place, sources=sources
        )
        return fact, [c for c in [_renamed(conflict, field)] if c]
    actors, conflict = settle_actors(slot, shims, incident.country)
    label = _actors_label(actors)
    fact = ReconciledFact(field=field, type=type_, label=label, actors=actors, sources=sources)
    return fact, [c for c in [_renamed(conflict, field)] if c]


def _actors_label(actors: list[Actor]) -> str:
    return "; ".join(_attributed(a) for a in actors)


def _attributed(actor: Actor) -> str:
    """The actor's label, and how the sources attribute the act when they do not state it
    ("Boko Haram (suspected)", "JNIM (claimed)")."""
    stated = actor.attribution == "stated"
    return actor_label(actor) + ("" if stated else f" ({actor.attribution})")


def reconcile_facts(
    reports: Sequence[FactReport],
    kind: Kind,
    *,
    model: str | None = None,
) -> FactBrief:
    """Reports of one incident -> its brief. The same reports in any order give the same
    brief, byte for byte."""
    ordered = sorted(reports, key=lambda r: (r.article.id, r.model_dump_json()))
    facts: list[ReconciledFact] = []
    conflicts: list[Conflict] = []
    incident = _incident(ordered, kind)
    for name, fact in kind.facts.items():
        if fact.type == "prose" or (fact.type == "flag" and name == "is_incident"):
            continue
        found, disagreements = _field(name, fact, ordered, incident)
        if found is not None:
            facts.append(found)
        conflicts += disagreements
    facts, roles = _one_role_each(facts, kind)
    conflicts += roles
    titled = sorted((r for r in ordered if r.title), key=_recency)
    return FactBrief(
        id=_incident_id(ordered),
        kind=kind.name,
        title=titled[0].title if titled and titled[0].title else kind.name,
        facts=facts,
        conflicts=sorted(conflicts, key=lambda c: (c.field, c.rule)),
        summaries=[
            SourceSummary(article_id=r.article.id, title=r.title, summary=r.summary)
            for r in ordered
        ],
        sources=[r.article for r in ordered],
        warnings=sorted({w for r in ordered for w in r.warnings}),
        model=model,
        prompt_version=kind.prompt_version,
    )


def _one_role_each(
    facts: list[ReconciledFact], kind: Kind
) -> tuple[list[ReconciledFact], list[Conflict]]:
    """actors.role_majority between the kind's ACLED roles, as for the built-in brief."""
    field = {f.role: n for n, f in kind.facts.items() if isinstance(f, Who)}
    by_field = {f.field: f for f in facts}
    attackers, victims = (by_field.get(field[r]) if r in field else None for r in ACLED_ROLES)
    if attackers is None or victims is None:
        return facts, []
    kept_attackers, kept_victims, roles = separate_roles(attackers.actors, victims.actors)
    kept = {attackers.field: kept_attackers, victims.field: kept_victims}
    out = []
    for fact in facts:
        if fact.field not in kept:
            out.append(fact)
        elif actors := kept[fact.field]:  # a role left with no one is no fact
            label = _actors_label(actors)
            out.append(fact.model_copy(update={"actors": actors, "label": label}))
    return out, [c.model_copy(update={"field": field[c.field]}) for c in roles]


def _incident_id(reports: Sequence[FactReport]) -> str:
    ids = "\n".join(sorted(r.article.id for r in reports))
    return "inc-" + hashlib.sha256(ids.encode()).hexdigest()[:12]
