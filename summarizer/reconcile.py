"""Several ArticleReports about one incident -> one IncidentBrief. Pure, no model.

Reports are sorted by a stable key first, so the same reports in any order give the same
brief, byte for byte. Each field is settled by a named rule; where sources disagree (or
one is vaguer) the brief lists a Conflict with every source's value and the rule used.

Rules:
- event_type.majority, then event_type.precedence on ties (fixed order below).
- date.intersection: intersect every resolved interval (explicit dates only, when any
  source gives one); if they are disjoint: date.majority, then date.precision (finest),
  then date.earliest_report.
- place.majority then place.earliest_report, for country, admin1 and location;
  place.most_precise when some sources name the location and others give none (vaguer).
- actors.merge: one entity per actor (same name, acronym, fuzzy); attribution
  claimed > stated > suspected; actors.distinct_groups when sources name different groups.
- casualties (after UCDP; each rule named in its own conflict):
  casualties.revision_supersedes: a figure phrased as an update ("rose to", "new toll",
  "s'alourdit", "passe à", "ascendió a", or an article citing an earlier lower count)
  replaces every lower figure that is not itself an update, dated or not, and the updates
  whose figure it cites as earlier; casualties.later_supersedes: a higher figure published
  on a later day replaces the lower ones of earlier days, and, when reports span several
  days, those of the latest day replace lower undated ones (undated is never the latest);
  casualties.most_conservative: best is the lowest figure nothing replaced ("over 20" +
  "at least 20" -> 20); casualties.highest_reported: high is the highest figure any source
  gave, bound or not ("about 20" + "25 bodies" -> high 25), null when none exceeds best;
  casualties.split_sum: groups of one toll are summed, parts kept ("17 soldiers and three
  vigilantes" -> 20); casualties.attacker_claim: a figure only the attackers claim is
  reported as `claimed`, never as a toll, low or high. low is the lowest toll any source gave.
"""

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from summarizer.normalize.dates import precision_of
from summarizer.normalize.names import display_name, same_actor
from summarizer.normalize.text import name_key
from summarizer.schemas import (
    CASUALTY_KINDS,
    EVENT_TYPES,
    Actor,
    ActorFact,
    ArticleReport,
    Casualties,
    Conflict,
    CountFact,
    DateValue,
    Evidence,
    IncidentBrief,
    Place,
    PlaceFact,
    ReconciledDate,
    SourceSummary,
    SourceValue,
)

V = TypeVar("V")
_ATTRIBUTION_ORDER = {"claimed": 0, "stated": 1, "suspected": 2}
_EVENT_LABELS = {
    "battle": "Battle",
    "explosion_remote_violence": "Explosion/remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protest": "Protest",
    "riot": "Riot",
    "strategic_development": "Strategic development",
    "other": "Incident",
}


def report_key(report: ArticleReport) -> tuple[str, str]:
    return (report.article.id, report.model_dump_json())


def _recency(report: ArticleReport) -> tuple[int, date, str]:
    """Earliest report first; undated reports after every dated one, then by id."""
    published = report.article.published
    return (published is None, published or date.max, report.article.id)


def _conflict(field: str, rule: str, chosen: str | None, values: dict[str, list[str]]) -> Conflict:
    return Conflict(
        field=field,
        rule=rule,
        chosen=chosen,
        values=[SourceValue(value=v, articles=sorted(ids)) for v, ids in sorted(values.items())],
    )


def _vote(
    field: str, items: list[tuple[ArticleReport, V]], label: Callable[[V], str]
) -> tuple[V, Conflict | None]:
    """Majority; ties go to the value of the earliest report."""
    supporters: dict[str, list[ArticleReport]] = {}
    first: dict[str, V] = {}
    for report, value in items:
        supporters.setdefault(label(value), []).append(report)
        first.setdefault(label(value), value)
    ranked = sorted(
        supporters, key=lambda k: (-len(supporters[k]), min(map(_recency, supporters[k])), k)
    )
    chosen = ranked[0]
    if len(ranked) == 1:
        return first[chosen], None
    tie = len(supporters[ranked[0]]) == len(supporters[ranked[1]])
    rule = "place.earliest_report" if tie else "place.majority"
    values = {k: [r.article.id for r in rs] for k, rs in supporters.items()}
    return first[chosen], _conflict(field, rule, chosen, values)


def _event_type(reports: Sequence[ArticleReport]) -> tuple[str | None, Conflict | None]:
    counts = Counter(r.event_type for r in reports if r.event_type)
    if not counts:
        return None, None
    ranked = sorted(counts, key=lambda t: (-counts[t], EVENT_TYPES.index(t)))
    if len(ranked) == 1:
        return ranked[0], None
    rule = (
        "event_type.precedence" if counts[ranked[0]] == counts[ranked[1]] else "event_type.majority"
    )
    values: dict[str, list[str]] = {
        t: [r.article.id for r in reports if r.event_type == t] for t in counts
    }
    return ranked[0], _conflict("event_type", rule, ranked[0], values)


def _date_label(report: ArticleReport) -> str:
    assert report.date is not None
    if report.date.value is None:
        return f"{report.date.quote!r} (unresolved)"
    return report.date.value.label()


def _intersect(values: list[DateValue]) -> DateValue | None:
    start, end = max(v.start for v in values), min(v.end for v in values)
    if start > end:
        return None
    return DateValue(start=start, end=end, precision=precision_of(start, end))


def _date(reports: Sequence[ArticleReport]) -> tuple[ReconciledDate | None, Conflict | None]:
    dated = [r for r in reports if r.date]
    resolved = [r for r in dated if r.date and r.date.value]
    if not resolved:
        return None, None
    explicit = [r for r in resolved if r.date and r.date.explicit]
    pool = explicit or resolved
    chosen = _intersect([r.date.value for r in pool if r.date and r.date.value])
    rule = "date.intersection"
    if chosen is None:
        chosen, rule = _disjoint_dates(pool)
    if (
        explicit
        and len(explicit) < len(resolved)
        and _intersect([chosen, *[r.date.value for r in resolved if r.date and r.date.value]])
        is None
    ):
        rule = "date.explicit_over_relative"
    support = [
        r for r in resolved if r.date and r.date.value and _intersect([chosen, r.date.value])
    ]
    result = ReconciledDate(
        **chosen.model_dump(),
        evidence=[Evidence(article_id=r.article.id, quote=r.date.quote) for r in support if r.date],
    )
    labels: dict[str, list[str]] = {}
    for r in dated:
        labels.setdefault(_date_label(r), []).append(r.article.id)
    conflict = _conflict("date", rule, chosen.label(), labels) if len(labels) > 1 else None
    return result, conflict


def _disjoint_dates(pool: list[ArticleReport]) -> tuple[DateValue, str]:
    groups: dict[DateValue, list[ArticleReport]] = {}
    for r in pool:
        if r.date and r.date.value:
            groups.setdefault(r.date.value, []).append(r)

    def width(v: DateValue) -> int:
        return (v.end - v.start).days

    ranked = sorted(
        groups, key=lambda v: (-len(groups[v]), width(v), min(map(_recency, groups[v])), v.start)
    )
    best, second = ranked[0], ranked[1]
    if len(groups[best]) > len(groups[second]):
        return best, "date.majority"
    if width(best) < width(second):
        return best, "date.precision"
    return best, "date.earliest_report"


def _place(field: str, reports: Sequence[ArticleReport]) -> tuple[Place | None, Conflict | None]:
    items: list[tuple[ArticleReport, PlaceFact]] = [
        (r, fact) for r in reports if (fact := getattr(r, field)) is not None
    ]
    if not items:
        return None, None
    fact, conflict = _vote(field, items, lambda p: p.name)
    silent = [r.article.id for r in reports if getattr(r, field) is None]
    if conflict is None and silent and field == "location":
        values = {fact.name: [r.article.id for r, _ in items], "(no place given)": silent}
        conflict = _conflict(field, "place.most_precise", fact.name, values)
    evidence = [
        Evidence(article_id=r.article.id, quote=p.quote)
        for r, p in items
        if name_key(p.name) == name_key(fact.name)
    ]
    return Place(name=fact.name, evidence=evidence), conflict


def _actors(role: str, reports: Sequence[ArticleReport]) -> tuple[list[Actor], Conflict | None]:
    entities: list[tuple[list[str], list[tuple[str, ActorFact]]]] = []
    for r in reports:
        for fact in getattr(r, role):
            names = [fact.name, *fact.aliases]
            for entity in entities:
                if same_actor(entity[0], names):
                    entity[0].extend(n for n in names if n not in entity[0])
                    entity[1].append((r.article.id, fact))
                    break
            else:
                entities.append((names, [(r.article.id, fact)]))
    actors = []
    for names, facts in entities:
        attribution = min((f.attribution for _, f in facts), key=_ATTRIBUTION_ORDER.__getitem__)
        unique = sorted(set(names), key=lambda n: (name_key(n), n))
        actors.append(
            Actor(
                name=display_name(unique),
                aliases=unique,
                attribution=attribution,
                evidence=sorted(
                    {
                        Evidence(article_id=a, quote=f.quote).model_dump_json(): Evidence(
                            article_id=a, quote=f.quote
                        )
                        for a, f in facts
                    }.values(),
                    key=lambda e: (e.article_id, e.quote),
                ),
            )
        )
    actors.sort(key=lambda a: (-len({e.article_id for e in a.evidence}), name_key(a.name)))
    return actors, _distinct_groups(role, actors)


def _distinct_groups(role: str, actors: list[Actor]) -> Conflict | None:
    """Sources that name different groups, each without the other's: a disagreement."""
    if role != "perpetrators" or len(actors) < 2:
        return None
    support = [{e.article_id for e in a.evidence} for a in actors]
    disagree = any(
        support[i] - support[j] and support[j] - support[i]
        for i in range(len(actors))
        for j in range(i + 1, len(actors))
    )
    if not disagree:
        return None
    values = {a.name: sorted(s) for a, s in zip(actors, support, strict=True)}
    chosen = "; ".join(a.name for a in actors)
    return _conflict(role, "actors.distinct_groups", chosen, values)


def _count_label(c: CountFact) -> str:
    prefix = "about " if c.approximate else ""
    if c.min is not None and c.min == c.max:
        return f"{prefix}{c.min}"
    if c.min is not None and c.max is not None:
        return f"{prefix}{c.min} to {c.max}"
    if c.min is not None:
        return f"{prefix}{c.min} or more"
    return f"{prefix}at most {c.max}"


def _supersedes(
    a: tuple[ArticleReport, CountFact], b: tuple[ArticleReport, CountFact], latest: date | None
) -> set[str]:
    """The rules by which figure a replaces figure b (only ever a higher figure).

    `latest` is the last publication day when the reports span several days: its figures
    also replace undated ones."""
    (ra, ca), (rb, cb) = a, b
    va, vb = ca.conservative(), cb.conservative()
    rules: set[str] = set()
    if va is None or vb is None or va <= vb:
        return rules
    if ca.revision and (not cb.revision or vb <= max(ca.earlier, default=-1)):
        rules.add("casualties.revision_supersedes")
    pa, pb = ra.article.published, rb.article.published
    if pa and ((pb and pa > pb) or (pb is None and pa == latest)):
        rules.add("casualties.later_supersedes")
    return rules


def _casualties(
    kind: str, reports: Sequence[ArticleReport]
) -> tuple[Casualties | None, list[Conflict]]:
    items = [(r, c) for r in reports if (c := r.count(kind)) and c.conservative() is not None]
    if not items:
        return None, []
    claims = [(r, c) for r, c in items if c.claimed]
    tolls = [(r, c) for r, c in items if not c.claimed]
    claimed = max((c.highest() or 0 for _, c in claims), default=None)
    claim_evidence = [Evidence(article_id=r.article.id, quote=c.quote) for r, c in claims]
    if not tolls:
        result = Casualties(claimed=claimed, claim_evidence=claim_evidence)
        return result, [_claim_conflict(kind, None, claims)]
    days = {r.article.published for r, _ in tolls if r.article.published}
    latest = max(days) if len(days) > 1 else None
    rules = [set().union(*(_supersedes(a, b, latest) for a in tolls)) for b in tolls]
    standing = [t for t, by in zip(tolls, rules, strict=True) if not by]
    best_report, best_fact = min(standing, key=lambda rc: (rc[1].conservative(), _recency(rc[0])))
    best = best_fact.conservative()
    assert best is not None  # every toll has a conservative figure
    high = max(c.highest() or 0 for _, c in tolls)
    result = Casualties(
        low=min(c.conservative() or 0 for _, c in tolls),
        best=best,
        high=high if high > best else None,
        approximate=best_fact.approximate,
        parts=best_fact.parts,
        claimed=claimed,
        evidence=[Evidence(article_id=r.article.id, quote=c.quote) for r, c in tolls],
        claim_evidence=claim_evidence,
    )
    labels: dict[str, list[str]] = {}
    for r, c in tolls:
        labels.setdefault(_count_label(c), []).append(r.article.id)
    used = sorted(set().union(*rules))
    if len({_count_label(c) for _, c in standing}) > 1:
        used.append("casualties.most_conservative")
    conflicts = [_conflict(kind, rule, str(best), labels) for rule in used]
    if result.high is not None:
        conflicts.append(_conflict(kind, "casualties.highest_reported", str(high), labels))
    if best_fact.parts:
        split = " + ".join(map(str, best_fact.parts))
        conflicts.append(
            _conflict(kind, "casualties.split_sum", str(best), {split: [best_report.article.id]})
        )
    if claims:
        conflicts.append(_claim_conflict(kind, best, claims))
    return result, conflicts


def _claim_conflict(
    kind: str, best: int | None, claims: list[tuple[ArticleReport, CountFact]]
) -> Conflict:
    """The attackers' own figure, reported apart: never the toll, nor its high estimate."""
    values: dict[str, list[str]] = {}
    for r, c in claims:
        values.setdefault(f"claimed by the attackers: {_count_label(c)}", []).append(r.article.id)
    return _conflict(kind, "casualties.attacker_claim", None if best is None else str(best), values)


def _place_phrase(brief: IncidentBrief) -> str:
    parts = [p.name for p in (brief.location, brief.admin1, brief.country) if p]
    return ", ".join(parts)


def compose_title(brief: IncidentBrief) -> str:
    label = _EVENT_LABELS.get(brief.event_type or "other", "Incident")
    where = brief.location or brief.admin1 or brief.country
    title = label + (f" in {where.name}" if where else "")
    if brief.country and where is not brief.country:
        title += f", {brief.country.name}"
    if brief.killed and brief.killed.best is not None:
        title += f": {brief.killed.label()} killed"
    return title


def compose_headline(brief: IncidentBrief) -> str:
    """One sentence built from the reconciled facts only, so it cannot contradict them."""
    label = _EVENT_LABELS.get(brief.event_type or "other", "Incident")
    sentence = label
    if place := _place_phrase(brief):
        sentence += f" in {place}"
    if brief.date:
        sentence += f" on {brief.date.label()}"
    counts = [
        f"{c.label()} {kind}"
        for kind in CASUALTY_KINDS
        if (c := getattr(brief, kind)) is not None and c.best is not None
    ]
    if counts:
        sentence += ": " + ", ".join(counts)
    sentence += "."
    claims = [
        f"{c.claimed} {kind}"
        for kind in CASUALTY_KINDS
        if (c := getattr(brief, kind)) is not None and c.claimed is not None
    ]
    if claims:
        sentence += f" The attackers claim {', '.join(claims)}."
    if brief.perpetrators:
        names = ", ".join(
            f"{a.name}{' (suspected)' if a.attribution == 'suspected' else ''}"
            for a in brief.perpetrators
        )
        sentence += f" Perpetrators: {names}."
    if brief.targets:
        sentence += " Targets: " + ", ".join(a.name for a in brief.targets) + "."
    return sentence


def incident_id(reports: Sequence[ArticleReport]) -> str:
    ids = "\n".join(sorted(r.article.id for r in reports))
    return "inc-" + hashlib.sha256(ids.encode()).hexdigest()[:12]


def reconcile(
    reports: Sequence[ArticleReport],
    *,
    model: str | None = None,
    prompt_version: str | None = None,
) -> IncidentBrief:
    """Merge reports of one incident into a brief. Same reports, any order: same brief."""
    ordered = sorted(reports, key=report_key)
    incident = [r for r in ordered if r.is_incident] or []
    conflicts: list[Conflict | None] = []
    event_type, c = _event_type(incident)
    conflicts.append(c)
    when, c = _date(incident)
    conflicts.append(c)
    places = {}
    for field in ("country", "admin1", "location"):
        places[field], c = _place(field, incident)
        conflicts.append(c)
    perpetrators, c = _actors("perpetrators", incident)
    conflicts.append(c)
    targets, _ = _actors("targets", incident)
    counts = {}
    for kind in CASUALTY_KINDS:
        counts[kind], found = _casualties(kind, incident)
        conflicts.extend(found)
    brief = IncidentBrief(
        id=incident_id(ordered),
        title="",
        headline="",
        event_type=event_type,
        date=when,
        **places,
        perpetrators=perpetrators,
        targets=targets,
        **counts,
        summaries=[
            SourceSummary(article_id=r.article.id, title=r.title, summary=r.summary)
            for r in ordered
            if r.title or r.summary
        ],
        conflicts=[c for c in conflicts if c is not None],
        sources=[r.article for r in ordered],
        warnings=[f"{r.article.id}: {w}" for r in ordered for w in r.warnings]
        + ([] if incident else ["no article reports an incident"]),
        model=model,
        prompt_version=prompt_version,
    )
    if not incident:
        return brief.model_copy(
            update={"title": "No incident reported", "headline": "No incident reported."}
        )
    return brief.model_copy(
        update={"title": compose_title(brief), "headline": compose_headline(brief)}
    )
