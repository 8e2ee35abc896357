"""Several ArticleReports about one incident -> one IncidentBrief. Pure, no model.

Reports are sorted by a stable key first, so the same reports in any order give the same
brief, byte for byte. Each field is settled by a named rule; where sources disagree (or
one is vaguer) the brief lists a Conflict with every source's value and the rule used.

Rules:
- event_type.majority, then event_type.precedence on ties (fixed order below).
- date.undated_anchor first: a source with no publication date that names a day and month
  without a year, or a weekday, is read against the other sources' publication dates (a
  weekday: the last one on or before the earliest report, which no incident follows).
- date.intersection: intersect every resolved interval (explicit dates only, when any
  source gives one); if they are disjoint: date.majority, then date.relative_support (the
  explicit date more relative ones fall on), date.precision (finest), then
  date.earliest_report. date.relative_refines: relative dates inside a coarser explicit
  one make it finer ("June 2024" and "on Wednesday" -> that Wednesday). date.line_bounds:
  a page's date line only bounds the day ("on or before"), so a line that another
  source's day falls in the week up to does not vote ("mercredi" read as January 3 over
  two pages dated January 4).
- place.majority then place.earliest_report, for country, admin1 and location (one place
  per GeoNames id, else per folded name); place.most_precise when some sources name the
  region or location and others give none (vaguer). The point is the most precise any
  supporting source gives (ACLED geo_precision).
- actors.merge: one entity per actor identity (actor dictionary, ACLED generic actors),
  else per name; unnamed attackers join the one named group the sources blame; attribution
  claimed > stated > suspected. Conflicts: actors.distinct_groups (sources name different
  groups), actors.named_over_generic (some name the group, others only describe the
  attackers), actors.most_precise (some name the attackers, others none).
  actors.role_majority: an actor named both as perpetrator and as target keeps the role
  more sources give it; on a tie, a target when the sources blame someone else.
- casualties (after UCDP; each rule named in its own conflict):
  casualties.revision_supersedes: a figure phrased as an update ("rose to", "new toll",
  "s'alourdit", "passe à", "ascendió a", or an article citing an earlier lower count)
  replaces every lower figure that is not itself an update, dated or not, and the updates
  whose figure it cites as earlier; casualties.update_carries: a report that revises one
  of another's tolls is the later report, so its higher counts of the other kinds replace
  that report's too ("the toll has risen to 36 ... 129 injured");
  casualties.revised_down: a figure phrased as a correction downward ("revised down to
  84", "revu à la baisse") replaces the higher figures it corrects, which are then no high
  either, unless a report dated after it gives more;
  casualties.fuller_count: a toll summed from groups (victims and the attackers' own
  dead, "23 soldiers ... six militants killed") replaces another source's count of one of
  those groups alone (23); casualties.provisional_replaced: a figure its source calls
  provisional or preliminary ("bilan provisoire: plus de cent morts") gives way to a higher
  one that is not; casualties.later_supersedes: a higher figure published on a
  later day replaces the lower ones of earlier days, and, when reports span several days,
  those of the latest day replace lower undated ones (undated is never the latest);
  casualties.most_conservative: best is the lowest figure nothing replaced ("over 20" +
  "at least 20" -> 20); casualties.vague_bound: a vague plural ("dozens", "hundreds",
  "decenas") only sets a floor, so another source's figure is the best over it ("dozens" +
  "312" -> 312, low 12); casualties.corroborated: but a figure more than half of those
  sources give (two at least) is the best over the lower ones the others give ("132"
  x 3 + "40" -> 132, low 40); casualties.highest_reported: high is the highest figure
  any source gave, bound or not ("about 20" + "25 bodies" -> high 25; "30" + "more than
  50" -> 51), null when none exceeds best; casualties.split_sum: groups of one toll are
  summed, parts kept ("17 soldiers and three vigilantes" -> 20); casualties.attacker_claim:
  a figure only the attackers claim is reported as `claimed`, never as a toll, low or
  high. low is the lowest toll any source gave. revised_from is the lowest figure that a
  revision, update, final or later figure replaced, or that a standing update cites as the
  earlier toll: the toll rose from it (the headline says so).
"""

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TypeVar

from summarizer.normalize.actors import merge_actors, merged_attribution, preferred, relocate
from summarizer.normalize.dates import anchored_date, background_date, precision_of, undated_day
from summarizer.normalize.names import display_name
from summarizer.normalize.places import place_key
from summarizer.normalize.roles import separate_roles
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
    field: str,
    items: list[tuple[ArticleReport, V]],
    label: Callable[[V], str],
    key: Callable[[V], str] | None = None,
) -> tuple[V, Conflict | None]:
    """Majority of `key` (the label when none); ties go to the value of the earliest report.
    A group is shown by the label of its first value."""
    key = key or label
    supporters: dict[str, list[ArticleReport]] = {}
    first: dict[str, V] = {}
    for report, value in items:
        supporters.setdefault(key(value), []).append(report)
        first.setdefault(key(value), value)
    ranked = sorted(
        supporters, key=lambda k: (-len(supporters[k]), min(map(_recency, supporters[k])), k)
    )
    chosen = ranked[0]
    if len(ranked) == 1:
        return first[chosen], None
    tie = len(supporters[ranked[0]]) == len(supporters[ranked[1]])
    rule = "place.earliest_report" if tie else "place.majority"
    values: dict[str, list[str]] = {}
    for k, rs in supporters.items():
        values.setdefault(label(first[k]), []).extend(r.article.id for r in rs)
    return first[chosen], _conflict(field, rule, label(first[chosen]), values)


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


def _anchor_undated(reports: Sequence[ArticleReport]) -> tuple[list[ArticleReport], list[str]]:
    """date.undated_anchor: a report with no publication date whose date names a day and
    month without a year, or a weekday, is read against the others' publication dates;
    when none has one, a day and month against the pages' date lines ("date 2020-03") and
    the full days the texts write ("On June 24, 2025, the group claimed ...")."""
    days = sorted(r.article.published for r in reports if r.article.published)
    # Without publication dates: the pages' date lines and the full days the texts write.
    written = sorted(
        [r.date.value.end for r in reports if r.date and r.date.value and r.date.date_line]
        + [d for r in reports for d in r.days]
    )
    if not days and not written:
        return list(reports), []
    out, anchored = [], []
    for r in reports:
        fact = r.date
        if fact and fact.value is None and r.article.published is None:
            value = (
                anchored_date(fact.quote, days[0], days[-1])
                if days
                else undated_day(fact.quote, written[-1])
            )
            if value is not None and not background_date(value, (days or written)[-1]):
                fact = fact.model_copy(update={"value": value})
                anchored.append(r.article.id)
        out.append(r.model_copy(update={"date": fact}))
    return out, anchored


def _anchor_notes(when: ReconciledDate | None, reports: Sequence[ArticleReport]) -> list[str]:
    quotes = {r.article.id: r.date.quote for r in reports if r.date}
    return [
        f"{a}: date {quotes[a]!r} read against the other reports' publication dates "
        "(date.undated_anchor)"
        for a in (when.undated_anchor if when else [])
    ]


def settle_date(reports: Sequence[ArticleReport]) -> tuple[ReconciledDate | None, Conflict | None]:
    reports, anchored = _anchor_undated(reports)
    dated = [r for r in reports if r.date]
    values = {r.article.id: r.date.value for r in dated if r.date and r.date.value}
    if not values:
        return None, None
    explicit = [values[r.article.id] for r in dated if r.date and r.date.value and r.date.explicit]
    # Relative dates that are not a page's date line ("on or before" that day).
    relative = [
        values[r.article.id]
        for r in dated
        if r.date and r.date.value and not r.date.explicit and not r.date.date_line
    ]
    first: dict[DateValue, tuple[int, date, str]] = {}
    for r in sorted(dated, key=_recency):
        if r.article.id in values:
            first.setdefault(values[r.article.id], _recency(r))
    pool = _refined_lines(dated, values)
    chosen, rule = _choose_date(explicit, relative, pool, first)
    if len(pool) < len(values) and rule == "date.intersection":
        rule = "date.line_bounds"
    support = [r for r in dated if r.date and r.article.id in values]
    support = [r for r in support if _intersect([chosen, values[r.article.id]])]
    result = ReconciledDate(
        **chosen.model_dump(),
        evidence=[Evidence(article_id=r.article.id, quote=r.date.quote) for r in support if r.date],
        undated_anchor=anchored,
    )
    labels: dict[str, list[str]] = {}
    for r in dated:
        # A date read against others' publication days is vaguer than one stated outright.
        inferred = " (read against the other reports' publication dates)"
        label = _date_label(r) + (inferred if r.article.id in anchored else "")
        labels.setdefault(label, []).append(r.article.id)
    if anchored and len({_date_label(r) for r in dated}) == 1:
        rule = "date.undated_anchor"
    conflict = _conflict("date", rule, chosen.label(), labels) if len(labels) > 1 else None
    return result, conflict


_WEEK = timedelta(days=7)


def _refined_lines(dated: list[ArticleReport], values: dict[str, DateValue]) -> list[DateValue]:
    """The resolved dates, but a page's date line that another report's day falls in the
    week up to: the line only bounds the day ("on or before"), the other says which."""
    lines = {r.article.id for r in dated if r.date and r.date.date_line}
    events = [v for a, v in values.items() if a not in lines]

    def refined(line: DateValue) -> bool:
        return any(line.start - _WEEK <= v.start and v.end <= line.end for v in events)

    return [v for a, v in values.items() if a not in lines or not refined(v)]


def _width(v: DateValue) -> int:
    return (v.end - v.start).days


def _choose_date(
    explicit: list[DateValue],
    relative: list[DateValue],
    resolved: list[DateValue],
    first: dict[DateValue, tuple[int, date, str]],
) -> tuple[DateValue, str]:
    """Explicit dates outrank the rest; relative ones back a side when explicit ones are
    disjoint, and make a coarse explicit date finer when they fall inside it ("June 2024"
    and "on Wednesday" -> that Wednesday)."""
    pool = explicit or resolved
    chosen, rule = _intersect(pool), "date.intersection"
    if chosen is None:
        chosen, rule = _disjoint_dates(pool, relative if explicit else [], first)
    # Explicit dates that agree, which a relative one contradicts.
    if explicit and rule == "date.intersection" and _intersect([chosen, *resolved]) is None:
        rule = "date.explicit_over_relative"
    inside = [v for v in relative if chosen.start <= v.start and v.end <= chosen.end]
    finer = _intersect(inside) if explicit and inside else None
    if finer is not None and _width(finer) < _width(chosen):
        return finer, "date.relative_refines"
    return chosen, rule


def _disjoint_dates(
    pool: list[DateValue], backing: list[DateValue], first: dict[DateValue, tuple[int, date, str]]
) -> tuple[DateValue, str]:
    """Most sources first, then the most relative dates backing it, the finest, the value
    of the earliest report (`first`: each value's earliest report's recency)."""
    counts = Counter(pool)

    def backers(v: DateValue) -> int:
        return len([b for b in backing if _intersect([v, b])])

    ranked = sorted(counts, key=lambda v: (-counts[v], -backers(v), _width(v), first[v], v.start))
    best, second = ranked[0], ranked[1]
    if counts[best] > counts[second]:
        return best, "date.majority"
    if backers(best) > backers(second):
        return best, "date.relative_support"
    if _width(best) < _width(second):
        return best, "date.precision"
    return best, "date.earliest_report"


def _place_keys(facts: list[PlaceFact]) -> Callable[[PlaceFact], str]:
    """One key per place: its GeoNames id, or code, else its folded name; an unlocated name
    that some source located joins that place ("Pazigyi village" ~ "Pazigyi", id 123)."""
    located: dict[str, str] = {}
    for f in sorted(facts, key=lambda f: f.geonameid or 0):
        if f.geonameid is not None:
            located.setdefault(place_key(f.name), f"gn:{f.geonameid}")
            located.setdefault(place_key(f.quote), f"gn:{f.geonameid}")

    def key(p: PlaceFact) -> str:
        if p.geonameid is not None:
            return f"gn:{p.geonameid}"
        if p.code:
            return f"code:{p.code}"
        return located.get(place_key(p.name)) or f"name:{place_key(p.name)}"

    return key


def settle_place(
    field: str, reports: Sequence[ArticleReport]
) -> tuple[Place | None, Conflict | None]:
    items: list[tuple[ArticleReport, PlaceFact]] = [
        (r, fact) for r in reports if (fact := getattr(r, field)) is not None
    ]
    if not items:
        return None, None
    key = _place_keys([f for _, f in items])
    fact, conflict = _vote(field, items, lambda p: p.name, key)
    silent = [r.article.id for r in reports if getattr(r, field) is None]
    if conflict is None and silent and field in ("admin1", "location"):
        values = {fact.name: [r.article.id for r, _ in items], "(no place given)": silent}
        conflict = _conflict(field, "place.most_precise", fact.name, values)
    same = [(r, p) for r, p in items if key(p) == key(fact)]
    # The most precise point any supporting source gives; inferred only if none wrote it.
    best = min((p for _, p in same), key=lambda p: (p.precision or 9, p.geonameid is None))
    evidence = [Evidence(article_id=r.article.id, quote=p.quote) for r, p in same]
    return Place(
        name=fact.name,
        code=best.code or fact.code,
        geonameid=best.geonameid,
        lat=best.lat,
        lon=best.lon,
        precision=best.precision,
        inferred=all(p.inferred for _, p in same),
        evidence=evidence,
    ), conflict


def settle_actors(
    role: str, reports: Sequence[ArticleReport], country: str | None
) -> tuple[list[Actor], Conflict | None]:
    """One entity per actor across sources (actors.merge): same identity or same name;
    unnamed attackers join the one named group the sources blame. A source that located
    no country has its actors identified again in the incident's."""
    facts = [
        (r.article.id, relocate(fact, country, role) if country and not _code(r) else fact)
        for r in reports
        for fact in getattr(r, role)
    ]
    actors = []
    for group in merge_actors(facts, role):
        lead = preferred(group)
        names = {n for _, f in group for n in (f.name, *f.aliases)}
        unique = sorted(names, key=lambda n: (name_key(n), n))
        evidence = {(a, f.quote) for a, f in group}
        actors.append(
            Actor(
                name=lead.name if lead.identity else display_name(unique),
                aliases=unique,
                attribution=merged_attribution(group),
                identity=lead.identity,
                category=lead.category,
                evidence=[Evidence(article_id=a, quote=q) for a, q in sorted(evidence)],
            )
        )
    actors.sort(key=lambda a: (-len({e.article_id for e in a.evidence}), name_key(a.name), a.name))
    if role != "perpetrators":
        return actors, None
    return actors, _distinct_groups(actors, facts, [r.article.id for r in reports])


def _code(report: ArticleReport) -> str | None:
    return report.country.code if report.country else None


def _distinct_groups(
    actors: list[Actor], facts: list[tuple[str, ActorFact]], sources: list[str]
) -> Conflict | None:
    """Who did it, where sources differ: different groups each without the other's
    (actors.distinct_groups); a group some name and others only describe
    (actors.named_over_generic); some name the attackers, others say nothing
    (actors.most_precise)."""
    if not actors:
        return None
    support = [{e.article_id for e in a.evidence} for a in actors]
    chosen = "; ".join(a.name for a in actors)
    if any(
        support[i] - support[j] and support[j] - support[i]
        for i in range(len(actors))
        for j in range(i + 1, len(actors))
    ):
        values = {a.name: sorted(s) for a, s in zip(actors, support, strict=True)}
        return _conflict("perpetrators", "actors.distinct_groups", chosen, values)
    named = {a for a, f in facts if f.category in ("group", None)}
    generic = {a for a, f in facts if f.category == "unidentified"} - named
    if named and generic and any(a.category in ("group", None) for a in actors):
        values = {chosen: sorted(named), "unnamed attackers": sorted(generic)}
        return _conflict("perpetrators", "actors.named_over_generic", chosen, values)
    silent = sorted(set(sources) - set().union(*support))
    if silent:
        values = {chosen: sorted(set().union(*support)), "(no perpetrator given)": silent}
        return _conflict("perpetrators", "actors.most_precise", chosen, values)
    return None


def _count_label(c: CountFact) -> str:
    prefix = "about " if c.approximate else ""
    if c.min is not None and c.min == c.max:
        return f"{prefix}{c.min}"
    if c.min is not None and c.max is not None:
        return f"{prefix}{c.min} to {c.max}"
    if c.min is not None:
        return f"{prefix}{c.min} or more"
    return f"{prefix}at most {c.max}"


_CORRECTED = "casualties.revised_down"


def _supersedes(
    a: tuple[ArticleReport, CountFact],
    b: tuple[ArticleReport, CountFact],
    latest: date | None,
    updates: frozenset[tuple[str, str]] = frozenset(),
) -> set[str]:
    """The rules by which figure a replaces figure b: a higher figure, or a correction
    downward ("revised down to 84") of a higher one.

    `latest` is the last publication day when the reports span several days: its figures
    also replace undated ones. `updates` holds (a, b) when report a revised a toll of b's."""
    (ra, ca), (rb, cb) = a, b
    va, vb = ca.conservative(), cb.conservative()
    rules: set[str] = set()
    pa, pb = ra.article.published, rb.article.published
    if va is None or vb is None:
        return rules
    if va < vb and ca.lowered and not cb.lowered and not (pa and pb and pb > pa):
        return {_CORRECTED}  # unless b came after the correction
    if va <= vb:
        return rules
    revises = not cb.lowered  # a higher figure does not revise the correction that lowered it
    if revises and ca.revision and (not cb.revision or vb <= max(ca.earlier, default=-1)):
        rules.add("casualties.revision_supersedes")
    elif revises and (ra.article.id, rb.article.id) in updates:
        rules.add("casualties.update_carries")
    if vb in ca.parts:
        rules.add("casualties.fuller_count")
    if cb.provisional and not ca.provisional:
        rules.add("casualties.provisional_replaced")
    if pa and ((pb and pa > pb) or (pb is None and pa == latest)):
        rules.add("casualties.later_supersedes")
    return rules


# The rules by which a figure gives way to one that came after it.
_REVISIONS = frozenset(
    {
        "casualties.revision_supersedes",
        "casualties.update_carries",
        "casualties.provisional_replaced",
        "casualties.later_supersedes",
    }
)


def _revised_from(
    tolls: list[tuple[ArticleReport, CountFact]],
    rules: list[set[str]],
    standing: list[tuple[ArticleReport, CountFact]],
    best: int,
) -> int | None:
    """The lowest figure the news moved on from: one a later or revised report replaced,
    or one a standing update cites as the earlier toll ("up from 13"). A toll summed from
    its groups (`fuller_count`) is a fuller count, not a revision."""
    replaced = [
        c.conservative() for (_, c), by in zip(tolls, rules, strict=True) if by & _REVISIONS
    ]
    cited = [e for _, c in standing if c.revision for e in c.earlier]
    return min((v for v in [*replaced, *cited] if v is not None and v < best), default=None)


def _ceiling(count: CountFact, best: int) -> int:
    """The highest figure a source gives, for `casualties.highest_reported`. An open bound
    above the best asserts its least count ("more than 50" beside a best of 30 is 51); one
    that restates the best ("over 20" beside "at least 20") adds no range."""
    top = count.highest() or 0
    if count.max is None and count.min is not None and top > best:
        return max(top, count.min)
    return top


def _corroborated(
    standing: list[tuple[ArticleReport, CountFact]],
) -> tuple[ArticleReport, CountFact] | None:
    """The figure more than half of the standing sources give (two at least) when the
    others give less: well sourced, over lower figures that are often partial counts
    ("40 dead in the village" against three reports of "132 in the three villages")."""
    values = [v for _, c in standing if (v := c.conservative()) is not None]
    value, n = Counter(values).most_common(1)[0]
    if n < 2 or 2 * n <= len(standing) or value == min(values):
        return None
    return min(
        (rc for rc in standing if rc[1].conservative() == value), key=lambda rc: _recency(rc[0])
    )


def _vague(count: CountFact) -> bool:
    """A vague plural ("dozens", "hundreds", "des dizaines"): a floor, not a figure."""
    return count.approximate and count.max is None


def _tolls(kind: str, reports: Sequence[ArticleReport]) -> list[tuple[ArticleReport, CountFact]]:
    return [(r, c) for r in reports if (c := r.count(kind)) and c.conservative() is not None]


def _updates(reports: Sequence[ArticleReport]) -> frozenset[tuple[str, str]]:
    return revisions((kind, reports) for kind in CASUALTY_KINDS)


def revisions(
    counts: Iterable[tuple[str, Sequence[ArticleReport]]],
) -> frozenset[tuple[str, str]]:
    """(a, b) when report a revises one of b's counts (each `kind` of its reports): a is
    the later report, so its other counts are the later ones too ("the toll has risen to
    36 ... 129 injured")."""
    pairs = set()
    for kind, reports in counts:
        tolls = [t for t in _tolls(kind, reports) if not t[1].claimed]
        for a in tolls:
            for b in tolls:
                if "casualties.revision_supersedes" in _supersedes(a, b, None):
                    pairs.add((a[0].article.id, b[0].article.id))
    return frozenset(pairs)


def settle_casualties(
    kind: str, reports: Sequence[ArticleReport], updates: frozenset[tuple[str, str]] = frozenset()
) -> tuple[Casualties | None, list[Conflict]]:
    items = _tolls(kind, reports)
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
    rules = [set().union(*(_supersedes(a, b, latest, updates) for a in tolls)) for b in tolls]
    standing = [t for t, by in zip(tolls, rules, strict=True) if not by]
    corroborated = _corroborated(standing)
    firm = [t for t in standing if not _vague(t[1])] or standing
    best_report, best_fact = corroborated or min(
        firm, key=lambda rc: (rc[1].conservative(), _recency(rc[0]))
    )
    best = best_fact.conservative()
    assert best is not None  # every toll has a conservative figure
    # A figure corrected downward was an error (double counting), no credible high.
    high = max(
        (
            _ceiling(c, best)
            for (_, c), by in zip(tolls, rules, strict=True)
            if _CORRECTED not in by
        ),
        default=best,
    )
    result = Casualties(
        low=min(c.conservative() or 0 for _, c in tolls),
        best=best,
        high=high if high > best else None,
        approximate=best_fact.approximate,
        parts=best_fact.parts,
        claimed=claimed,
        revised_from=_revised_from(tolls, rules, standing, best),
        evidence=[Evidence(article_id=r.article.id, quote=c.quote) for r, c in tolls],
        claim_evidence=claim_evidence,
    )
    labels: dict[str, list[str]] = {}
    for r, c in tolls:
        labels.setdefault(_count_label(c), []).append(r.article.id)
    used = sorted(set().union(*rules))
    if corroborated:
        used.append("casualties.corroborated")
    else:
        if any((c.conservative() or 0) < best for _, c in standing):
            used.append("casualties.vague_bound")
        if len({_count_label(c) for _, c in standing if (c.conservative() or 0) >= best}) > 1:
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
        + (f" (revised up from {c.revised_from})" if c.revised_from is not None else "")
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
            f"{a.name}{f' ({a.attribution})' if a.attribution != 'stated' else ''}"
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
    when, c = settle_date(incident)
    conflicts.append(c)
    places = {}
    for field in ("country", "admin1", "location"):
        places[field], c = settle_place(field, incident)
        conflicts.append(c)
    country = places["country"].code if places["country"] else None
    perpetrators, c = settle_actors("perpetrators", incident, country)
    conflicts.append(c)
    targets, _ = settle_actors("targets", incident, country)
    perpetrators, targets, found = separate_roles(perpetrators, targets)
    conflicts.extend(found)
    counts = {}
    updates = _updates(incident)
    for kind in CASUALTY_KINDS:
        counts[kind], found = settle_casualties(kind, incident, updates)
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
        + _anchor_notes(when, incident)
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
