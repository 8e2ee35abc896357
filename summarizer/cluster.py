"""Group a day's ArticleReports into incidents, and say why. Pure, deterministic, order-independent.

After ACLED's event disaggregation (a different day, place or actor makes a different
event), read the way an analyst reads a day's news: each pair of reports gets a score from
the normalised facts that agree and disagree, and a veto only for a real incompatibility.

Scoring table (weights added per pair; any veto keeps the pair apart):

- place: same gazetteer id, same name (place_key: "X village" = X, accents, hyphens) or
  within 5 km +3; one name in two spellings or transliterations +2; a village inside the
  other's region or area, or one report vaguer in the same region +1; neighbouring places
  (within 25 km) 0; two different places 25-100 km apart, or of one region with no
  coordinates -2; one place name with regions that differ, where the gazetteer cannot
  place the name in both, +1. Veto: different countries, different first-level regions,
  more than 100 km apart, or two places that nothing links (no coordinates, no shared
  region, no close spelling). A report whose title, summary or article text names the
  other's place turns "nothing links" or "different places in one region" into +1.
  Coordinates decide when both reports have them (precision 3 coordinates, a region's,
  are not used).
- date: same day +2; overlapping intervals or within a day +1. Veto: more than a day
  apart. A report with no resolvable date is compatible on date (0). A report dated only
  by its page's date line spans the week up to it, or back to the earliest day its text
  writes out in full within 30 days (a follow-up published later).
- perpetrators: same named group +2; two groups that some report of the day names
  together +1; same state force, or the same name when identities are unknown +1; names
  that differ when identities are unknown -1; a generic descriptor and a named group 0.
  Veto: two different named groups.
- event type: same +1; two of one ACLED family (protest and riot; battle, explosion and
  violence against civilians: outlets code one event either way) 0; different -1.
- killed: the same figure +2; within 10 % or overlapping bounds +1; otherwise 0, never
  negative (a later, higher toll is the same incident).
- words: 3 or more distinctive words shared by titles and summaries +1, 6 or more +2
  (distinctive: not a stop word, and used by at most a tenth of the day's reports).
- names: 2 or more distinctive proper names shared by the articles' own texts +1, 4 or
  more +2 (normalize/proper_names.py, read without the model; distinctive as above).
  They hold when the model's fields do not: a district for a village, no date.

One more join, by elimination: a report that names its country but no place in it, and
no date, joins the only incident of that country with its event type whose articles are
all compatible with it (and agree on something); with several it stays alone.

A pair scoring at least JOIN (4) may join two clusters; clusters are joined strongest pair
first, and only when every pair across them is compatible (no veto) and scores at least
FLOOR (0) (complete linkage), so a chain of weak links cannot glue two incidents. Pairs are
scored only within blocks of one country (reports with none meet every block), among
reports whose places could be compatible (same name or gazetteer id, close spelling, one
region, neighbouring 100 km cells, or no precise place) and whose dates are within the
slack: every compatible pair is scored, and the work stays near-linear in the day.
"""

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from summarizer._cluster_blocks import candidates
from summarizer._pair_score import Facts, Scorer
from summarizer.reconcile import report_key
from summarizer.schemas import ArticleReport, Grouping, PairReason

JOIN = 4
FLOOR = 0
_MAX_SCORE = 100  # above any pair's score: orders the joins
ELIMINATION = "the only compatible incident of its country and event type (no place, no date)"


@dataclass
class Grouped:
    """The incidents (sorted lists of reports), why each was joined, and close pairs kept apart."""

    groups: list[list[ArticleReport]]
    reasons: list[Grouping | None]
    kept_apart: list[PairReason] = field(default_factory=list)


def affinity(a: ArticleReport, b: ArticleReport) -> int | None:
    """A pair's score on its own (no day around it), or None when a veto keeps it apart."""
    v = Scorer([a, b]).verdict(0, 1)
    return v.score if v.compatible else None


def cluster(reports: Sequence[ArticleReport]) -> list[list[ArticleReport]]:
    return group(reports).groups


class _Linkage:
    """Complete linkage over pair scores. A pair (i, j), i < j, is the int i * n + j, and a
    score is an int (None: vetoed): a busy day's pairs then allocate no objects for the
    garbage collector to walk."""

    def __init__(self, ordered: Sequence[ArticleReport]) -> None:
        self.ordered = ordered
        self.n = len(ordered)
        self.scorer = Scorer(ordered)
        self.facts: list[Facts] = self.scorer.facts
        self.scores: dict[int, int | None] = {}
        self.candidates: set[int] = set()
        self.group_of = list(range(self.n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(self.n)}
        self.links: dict[int, list[int]] = {}
        self.weakest: dict[int, int] = {}
        self.blocked: dict[int, str] = {}
        self.eliminated: set[int] = set()  # links made by elimination (see _by_elimination)

    def pair(self, i: int, j: int) -> int:
        return i * self.n + j if i < j else j * self.n + i

    def score(self, code: int) -> int | None:
        """The pair's score, None when vetoed. A pair the blocking left out is vetoed
        (the blocking keeps every compatible pair), so it is not scored."""
        if code not in self.scores:
            if code not in self.candidates:
                return None
            v = self.scorer.verdict(*divmod(code, self.n))
            self.scores[code] = v.score if v.compatible else None
        return self.scores[code]

    def join(self, code: int) -> None:
        i, j = divmod(code, self.n)
        gi, gj = self.group_of[i], self.group_of[j]
        if gi == gj:
            return
        weakest = min(self.weakest.get(gi, 10**6), self.weakest.get(gj, 10**6))
        for x in self.members[gi]:
            for y in self.members[gj]:
                s = self.score(self.pair(x, y))
                if s is None or s < FLOOR:
                    v = self.scorer.verdict(*divmod(self.pair(x, y), self.n))
                    why = v.veto or f"score {v.score} below {FLOOR}"
                    pair = f"{self._id(x)} with {self._id(y)}"
                    self.blocked[code] = f"joining would put {pair}: {why}"
                    return
                weakest = min(weakest, s)
        keep, drop = min(gi, gj), max(gi, gj)
        for m in self.members.pop(drop):
            self.group_of[m] = keep
            self.members[keep].append(m)
        self.links[keep] = [*self.links.get(keep, []), *self.links.pop(drop, []), code]
        self.weakest.pop(drop, None)
        self.weakest[keep] = weakest

    def _id(self, i: int) -> str:
        return self.ordered[i].article.id

    def reason(self, code: int, kept_apart_by: str | None = None) -> PairReason:
        i, j = divmod(code, self.n)
        v = self.scorer.verdict(i, j)
        agreed = list(v.agreed)
        if code in self.eliminated:
            agreed.append(ELIMINATION)
        # Built from our own typed values: validation would only cost time on a busy day.
        return PairReason.model_construct(
            articles=[self._id(i), self._id(j)],
            score=v.score,
            agreed=agreed,
            disagreed=list(v.disagreed),
            kept_apart_by=kept_apart_by,
        )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Grouping allocates many small acyclic objects next to a whole day of reports: the
    cycle collector would walk every report several times for nothing (about half the
    time on 10,000 reports). Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def group(reports: Sequence[ArticleReport]) -> Grouped:
    """Incident reports grouped into incidents; each group and the list sorted stably."""
    with _without_cycle_collection():
        return _group(reports)


def _group(reports: Sequence[ArticleReport]) -> Grouped:
    ordered = sorted((r for r in reports if r.is_incident), key=report_key)
    link = _Linkage(ordered)
    link.candidates = _blocks(link.facts)
    pairs = sorted(link.candidates)
    square = link.n * link.n
    joins = []  # strongest first, then by pair: (MAX - score) * n^2 + pair sorts that way
    for code in pairs:
        s = link.score(code)
        if s is not None and s >= JOIN:
            joins.append((_MAX_SCORE - s) * square + code)
    for key in sorted(joins):
        link.join(key % square)
    _by_elimination(link)
    order = sorted(link.members, key=lambda g: min(link.members[g]))  # ordered is sorted
    groups: list[list[ArticleReport]] = []
    reasons: list[Grouping | None] = []
    for g in order:
        groups.append([ordered[m] for m in sorted(link.members[g])])
        if len(link.members[g]) > 1:
            found = [link.reason(code) for code in sorted(link.links[g])]
            reasons.append(Grouping.model_construct(links=found, weakest=link.weakest[g]))
        else:
            reasons.append(None)
    return Grouped(groups, reasons, _kept_apart(link, pairs))


def _vague(f: Facts) -> bool:
    where = f.where
    return (
        bool(where.country) and f.span is None and not (where.point or where.area or where.admin1)
    )


def _by_elimination(link: _Linkage) -> None:
    """A report that names its country but no place in it, and no date, joins the one
    incident of that country with its event type that all of whose articles are compatible
    with it and agree with it on something (score >= 1); with none or several it stays
    alone. Decided against the grouping before any such join, then applied in the
    canonical order (each join still checked by complete linkage)."""
    facts = link.facts
    alone = [i for i in range(link.n) if len(link.members[link.group_of[i]]) == 1]
    chosen: list[int] = []
    for i in alone:
        f = facts[i]
        if not _vague(f) or f.event_type is None:
            continue
        options = set()
        for g in {
            link.group_of[m] for m in range(link.n) if facts[m].where.country == f.where.country
        }:
            members = link.members[g]
            if g == link.group_of[i] or all(_vague(facts[m]) for m in members):
                continue
            scores = [link.score(link.pair(i, m)) for m in members]
            if all(s is not None and s >= 1 for s in scores) and any(
                facts[m].event_type == f.event_type for m in members
            ):
                options.add(g)
        if len(options) == 1:
            [g] = options
            best = max(link.members[g], key=lambda m: (link.score(link.pair(i, m)) or 0, -m))
            chosen.append(link.pair(i, best))
    for code in chosen:
        link.eliminated.add(code)
        link.join(code)


def _blocks(all_facts: Sequence[Facts]) -> set[int]:
    """Candidate pairs: within each country block, with countryless reports in every block."""
    blocks: dict[str, list[int]] = {}
    for i, f in enumerate(all_facts):
        blocks.setdefault(f.where.country, []).append(i)
    loose = blocks.pop("", [])
    seen: set[int] = set()
    for members in [*blocks.values(), []]:
        seen |= candidates(all_facts, sorted(members + loose))
    return seen


def _kept_apart(link: _Linkage, pairs: Iterable[int]) -> list[PairReason]:
    """Per pair of incidents, the closest pair of their articles that was not joined:
    vetoed though its agreeing facts reach JOIN, blocked by complete linkage, or just
    under JOIN."""
    best: dict[tuple[int, int], tuple[int, int, str]] = {}
    for code in pairs:
        i, j = divmod(code, link.n)
        gi, gj = link.group_of[i], link.group_of[j]
        if gi == gj:
            continue
        s = link.score(code)
        if code in link.blocked:
            why, rank = link.blocked[code], s or 0
        elif s is None:
            v = link.scorer.verdict(i, j)
            if v.support < JOIN or v.veto is None:
                continue
            why, rank = v.veto, v.support
        elif s >= JOIN - 2:
            why, rank = f"score {s} below {JOIN}", s
        else:
            continue
        key = (min(gi, gj), max(gi, gj))
        if key not in best or (-rank, code) < (-best[key][0], best[key][1]):
            best[key] = (rank, code, why)
    reasons = [link.reason(code, why) for _, code, why in best.values()]
    return sorted(reasons, key=lambda r: r.articles)
