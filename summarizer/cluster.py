"""Group a day's ArticleReports into incidents. Pure, deterministic, order-independent.

After ACLED's event disaggregation: a different day, place or set of actors makes a
different event. Two reports may join only when nothing about them is incompatible
(dates overlap within a day of slack, same country, compatible places, overlapping
perpetrators when both name some) and at least two facts agree. Clusters grow by
complete linkage (every pair inside a cluster is compatible), so a chain of near matches
cannot glue two incidents together. Reports are compared only within blocks of the same
country, so the work grows with the size of the blocks, not the square of the day.
"""

from collections.abc import Sequence
from datetime import timedelta

from summarizer.normalize.names import same_actor
from summarizer.normalize.text import name_key
from summarizer.reconcile import report_key
from summarizer.schemas import ArticleReport

SLACK = timedelta(days=1)


def _place_keys(r: ArticleReport) -> tuple[str, str]:
    return (
        name_key(r.admin1.name) if r.admin1 else "",
        name_key(r.location.name) if r.location else "",
    )


def affinity(a: ArticleReport, b: ArticleReport) -> int | None:
    """None when the two cannot be one incident; else how many facts agree."""
    score = 0
    da, db = a.date.value if a.date else None, b.date.value if b.date else None
    if da and db:
        if da.start > db.end + SLACK or db.start > da.end + SLACK:
            return None
        score += 1
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
    pairs: list[tuple[int, int, int]] = []
    for members in [*blocks.values(), []]:
        candidates = sorted(members + loose)
        for x, i in enumerate(candidates):
            for j in candidates[x + 1 :]:
                score = affinity(ordered[i], ordered[j])
                if score is not None and score >= min_affinity:
                    pairs.append((-score, i, j))
    group_of = list(range(len(ordered)))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for _, i, j in sorted(set(pairs)):
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
