"""Candidate pairs for the clusterer: every pair of one country block whose places and
dates could be compatible, without comparing every report with every other. Pure.

A pair's place relation is vetoed unless one of these holds (see _place_match.relate), so
these buckets cover every compatible pair: the same gazetteer id; both located within
FAR_KM (neighbouring cells of a FAR_KM grid); the same place key, a close spelling, one's
place named as the other's region or in the other's title, summary or text, or the same region
(these only when one of the two has no coordinates: two located reports are compared by
distance alone); or a report with no precise place, which meets every report whose
region may be its own.
"""

import math
from collections.abc import Iterator, Sequence
from itertools import product

from rapidfuzz import fuzz, process

from summarizer._pair_score import Facts, near
from summarizer._place_match import EARTH_KM, FAR_KM, close_spelling, skeleton, spellings

Pair = int  # (i, j), i < j, as i * len(facts) + j: no object per pair


def candidates(facts: Sequence[Facts], members: list[int]) -> set[Pair]:
    """Pairs (i, j), i < j, of `members` worth scoring, as i * len(facts) + j."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i in members:
        w = facts[i].where
        if w.geonameid is not None:
            buckets.setdefault(("id", str(w.geonameid)), []).append(i)
        if w.point:
            buckets.setdefault(("place", w.point), []).append(i)
            buckets.setdefault(("region", w.point), []).append(i)
        for region in {w.admin1, w.region} - {""}:  # by code and by name
            buckets.setdefault(("region", region), []).append(i)
    pairs: set[Pair] = set()
    for (kind, _), group in buckets.items():
        if kind == "id":
            pairs.update(_within_dates(facts, group))
        else:  # two located reports are compared by distance: the grid finds those pairs
            unlocated = [i for i in group if facts[i].where.coords is None]
            located = [i for i in group if facts[i].where.coords is not None]
            pairs.update(_within_dates(facts, unlocated))
            for i in unlocated:
                pairs.update(_across(facts, i, located))
    pairs.update(_close_spellings(facts, members))
    pairs.update(_mentions(facts, members))
    pairs.update(_nearby(facts, members))
    for i in members:
        w = facts[i].where
        if not w.point:
            pairs.update(_across(facts, i, _may_share_region(facts, i, members, buckets)))
    return pairs


def _may_share_region(
    facts: Sequence[Facts], i: int, members: list[int], buckets: dict[tuple[str, str], list[int]]
) -> list[int]:
    """Reports whose region is the same as i's or not known to differ: same code or name,
    no region, or a region only one of the two has an ISO code for (see same_region)."""
    w = facts[i].where
    if not w.admin1:
        return members
    coded = "-" in w.admin1
    found = [j for k in sorted({w.admin1, w.region} - {""}) for j in buckets.get(("region", k), [])]
    found += [j for j in members if not (r := facts[j].where.admin1) or (coded != ("-" in r))]
    return found


def _pair(i: int, j: int, n: int) -> Pair:
    return i * n + j if i < j else j * n + i


def _across(facts: Sequence[Facts], i: int, others: list[int]) -> Iterator[Pair]:
    span = facts[i].span
    return (_pair(i, j, len(facts)) for j in others if j != i and near(span, facts[j].span))


def _within_dates(facts: Sequence[Facts], group: list[int]) -> Iterator[Pair]:
    """Pairs of the group whose dates are within the slack: a sweep over start dates."""
    spans = {i: s for i in group if (s := facts[i].span) is not None}
    dated = sorted(spans, key=lambda i: (spans[i].start, i))
    for x, i in enumerate(dated):
        for j in dated[x + 1 :]:
            if not near(spans[i], spans[j]):  # every later one starts later still
                break
            yield _pair(i, j, len(facts))
    for i in group:
        if i not in spans:  # undated: may pair with anyone in the group
            yield from (_pair(i, j, len(facts)) for j in group if j != i)


def _close_spellings(facts: Sequence[Facts], members: list[int]) -> Iterator[Pair]:
    """Reports whose place keys are one name in two spellings. The fuzzy search runs over
    the block's distinct names (far fewer than its reports), in rapidfuzz's C code; names
    with the same consonants are looked up apart, as close_spelling takes them at any
    ratio ("Kwashabe" / "Koshebe": 67)."""
    by_key: dict[str, list[int]] = {}
    for i in members:
        if key := facts[i].where.point:
            by_key.setdefault(key, []).append(i)
    forms = sorted({(s, k) for k in by_key for s in spellings(k)})
    texts = [s for s, _ in forms]
    consonants: dict[str, set[str]] = {}
    for s, k in forms:
        consonants.setdefault(skeleton(s), set()).add(k)
    linked: set[tuple[str, str]] = set()
    for s, k in forms:
        found = process.extract(s, texts, scorer=fuzz.ratio, score_cutoff=70, limit=None)
        for other in {forms[n][1] for _, _, n in found} | consonants[skeleton(s)]:
            if other > k and close_spelling(k, other):
                linked.add((k, other))
    for a, b in sorted(linked):
        for i in by_key[a]:
            yield from (
                _pair(i, j, len(facts)) for j in by_key[b] if near(facts[i].span, facts[j].span)
            )


def _mentions(facts: Sequence[Facts], members: list[int]) -> Iterator[Pair]:
    """Reports whose title, summary or text names the other's place. Only a pair where one has
    no coordinates needs this (located pairs are compared by distance), so the reports
    without coordinates are looked up among every place, and every report among theirs."""
    unlocated = [i for i in members if facts[i].where.point and facts[i].where.coords is None]
    everywhere = _by_place(facts, [i for i in members if facts[i].where.point])
    theirs = _by_place(facts, unlocated)
    for j, index in [(j, everywhere) for j in unlocated] + [(j, theirs) for j in members]:
        own = facts[j].where.point
        for word in facts[j].vocabulary:
            for key, reports in index.get(word, {}).items():
                if key != own and facts[j].names(key):  # same place: its bucket has them
                    yield from (
                        _pair(i, j, len(facts))
                        for i in reports
                        if near(facts[i].span, facts[j].span)
                    )


def _by_place(facts: Sequence[Facts], reports: list[int]) -> dict[str, dict[str, list[int]]]:
    """Reports by place key, under each of the key's words: a text naming the place has
    its first word (in the title or summary) or its telling words (among the names)."""
    index: dict[str, dict[str, list[int]]] = {}
    for i in reports:
        key = facts[i].where.point
        for word in set(key.split()):
            index.setdefault(word, {}).setdefault(key, []).append(i)
    return index


def _cell(lat: float, lon: float) -> tuple[int, int, int]:
    """A FAR_KM cube of 3-D space holding the point: the straight-line distance never
    exceeds the great-circle one, so places within FAR_KM lie in neighbouring cubes."""
    la, lo = math.radians(lat), math.radians(lon)
    x, y, z = math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)
    return (
        math.floor(x * EARTH_KM / FAR_KM),
        math.floor(y * EARTH_KM / FAR_KM),
        math.floor(z * EARTH_KM / FAR_KM),
    )


def _nearby(facts: Sequence[Facts], members: list[int]) -> Iterator[Pair]:
    cells: dict[tuple[int, int, int], list[int]] = {}
    for i in members:
        if (c := facts[i].where.coords) is not None:
            cells.setdefault(_cell(*c), []).append(i)
    for (cx, cy, cz), group in sorted(cells.items()):
        for dx, dy, dz in product((-1, 0, 1), repeat=3):
            other = (cx + dx, cy + dy, cz + dz)
            if other < (cx, cy, cz) or other not in cells:
                continue
            yield from (
                _pair(i, j, len(facts))
                for i in group
                for j in cells[other]
                if i != j and near(facts[i].span, facts[j].span)
            )
