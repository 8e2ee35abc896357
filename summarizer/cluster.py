"""Group a day's ArticleReports into incidents. Pure, deterministic, order-independent.

After ACLED's event disaggregation: a different day, place or set of actors makes a
different event. Two reports may join only when nothing about them is incompatible
(dates overlap within a day of slack, same country, compatible places, overlapping
perpetrators when both name some) and at least two facts agree. Clusters grow by
complete linkage (every pair inside a cluster is compatible), so a chain of near matches
cannot glue two incidents together. Reports are compared only within blocks of the same
country, so the work grows with the size of the blocks, not the square of the day.
"""

from collections.abc import Iterator, Sequence
from datetime import timedelta

from summarizer.normalize.names import same_actor
from summarizer.normalize.text import name_key
from summarizer.reconcile import report_key
from summarizer.schemas import ArticleReport, DateValue

SLACK = timedelta(days=1)


def _place_keys(r: ArticleReport) -> tuple[str, str]:
    return (
        name_key(r.admin1.name) if r.admin1 else "",
        name_key(r.location.name) if r.location else "",
    )


def affinity(a: ArticleReport, b: ArticleReport) -> int | None:
    """None when the two cannot be one incident; else how many facts agree."""
    if not _near(_span(a), _span(b)):
        return None
    score = int(_span(a) is not None and _span(b) is not None)
    if a.country and b.country and name_key(a.country.name) != name_key(b.country.name):
        return None
    (admin_a, loc_a), (admin_b, loc_b) = _place_keys(a), _place_keys(b)
    if loc_a and loc_b:
        if loc_a == loc_b:
            score += 1
        elif loc_a not in (admin_b,) and loc_b not in (admin_a,):
            return None
    if admin_a and admin_b:
        if admin_a != admin_b:
            return None
        score += 1
    names_a = [n for f in a.perpetrators for n in (f.name, *f.aliases)]
    names_b = [n for f in b.perpetrators for n in (f.name, *f.aliases)]
    if names_a and names_b:
        if not same_actor(names_a, names_b):
            return None
        score += 1
    if a.event_type and a.event_type == b.event_type:
        score += 1
    return score


def _block(r: ArticleReport) -> str:
    return name_key(r.country.name) if r.country else ""


def _span(r: ArticleReport) -> DateValue | None:
    return r.date.value if r.date else None


def _near(a: DateValue | None, b: DateValue | None) -> bool:
    return a is None or b is None or not (a.start > b.end + SLACK or b.start > a.end + SLACK)


def _candidates(ordered: Sequence[ArticleReport], members: list[int]) -> set[tuple[int, int]]:
    """Pairs worth scoring inside one country block, as (i, j) with i < j.

    Only pairs that could be compatible: same location, or one's location is the other's
    region, or one gives no location; and dates within the slack. This keeps the work
    near-linear in a day's feed instead of quadratic in a busy country.
    """
    by_place: dict[str, list[int]] = {}
    unplaced: list[int] = []
    for i in members:
        _, loc = _place_keys(ordered[i])
        (by_place.setdefault(loc, []) if loc else unplaced).append(i)
    for i in members:  # a report whose region is a place's name meets that place's reports
        admin, loc = _place_keys(ordered[i])
        if admin in by_place and admin != loc:
            by_place[admin].append(i)
    pairs: set[tuple[int, int]] = set()
    for group in by_place.values():
        pairs.update(_within_dates(ordered, group))
    for u in unplaced:
        pairs.update(
            (min(u, j), max(u, j))
            for j in members
            if j != u and _near(_span(ordered[u]), _span(ordered[j]))
        )
    return pairs


def _within_dates(ordered: Sequence[ArticleReport], group: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs of the group whose dates are within the slack: a sweep over start dates."""
    spans = {i: span for i in group if (span := _span(ordered[i]))}
    dated = sorted(spans, key=lambda i: (spans[i].start, i))
    for x, i in enumerate(dated):
        limit = spans[i].end + SLACK
        for j in dated[x + 1 :]:
            if spans[j].start > limit:
                break
            yield min(i, j), max(i, j)
    for i in group:
        if i not in spans:  # undated: may pair with anyone in the group
            yield from ((min(i, j), max(i, j)) for j in group if j != i)


def cluster(
    reports: Sequence[ArticleReport], *, min_affinity: int = 2
) -> list[list[ArticleReport]]:
    """Incident reports grouped into incidents; each group and the list sorted stably."""
    ordered = sorted((r for r in reports if r.is_incident), key=report_key)
    blocks: dict[str, list[int]] = {}
    for i, r in enumerate(ordered):
        blocks.setdefault(_block(r), []).append(i)
    # Reports with no country may belong to any block.
    loose = blocks.pop("", [])
    pairs: set[tuple[int, int, int]] = set()
    for members in [*blocks.values(), []]:
        for i, j in sorted(_candidates(ordered, sorted(members + loose))):
            score = affinity(ordered[i], ordered[j])
            if score is not None and score >= min_affinity:
                pairs.add((-score, i, j))
    group_of = list(range(len(ordered)))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for _, i, j in sorted(pairs):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if all(
            affinity(ordered[x], ordered[y]) is not None
            for x in members_of[gi]
            for y in members_of[gj]
        ):
            keep, drop = min(gi, gj), max(gi, gj)
            for m in members_of.pop(drop):
                group_of[m] = keep
                members_of[keep].append(m)
    groups = [sorted((ordered[m] for m in ms), key=report_key) for ms in members_of.values()]
    return sorted(groups, key=lambda g: report_key(g[0]))
