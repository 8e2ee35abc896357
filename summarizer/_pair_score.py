"""The score of a pair of reports: agreeing facts add, disagreeing facts subtract, and a
real incompatibility vetoes. The table is in cluster.py's docstring. Pure.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from stop_words import get_stop_words

from summarizer import _actor_match, _place_match
from summarizer._place_match import Relation
from summarizer.normalize.text import name_key
from summarizer.schemas import ArticleReport, DateValue

SLACK = timedelta(days=1)
# Relative gap under which two tolls are one figure (reports round and revise).
TOLL_CLOSE = 0.10
# Shared distinctive words for +1, and for +2.
MIN_SHARED_WORDS = 3
MANY_SHARED_WORDS = 6
# A word is distinctive when at most this share of the day's reports use it.
WORD_SHARE = 0.10


@dataclass(frozen=True)
class Facts:
    """One report reduced to what pair scoring reads; computed once per report."""

    where: _place_match.Where
    who: _actor_match.Who
    span: DateValue | None
    event_type: str | None
    killed: tuple[int, int | None] | None  # (low, high or open)
    words: frozenset[str]


@dataclass(frozen=True)
class Verdict:
    score: int
    support: int  # the agreeing facts alone: how close a vetoed pair came
    agreed: tuple[str, ...]
    disagreed: tuple[str, ...]
    veto: str | None

    @property
    def compatible(self) -> bool:
        return self.veto is None


@cache
def _stop_words() -> frozenset[str]:
    # Titles are asked for in English; summaries and quotes may be in the article's language.
    return frozenset(w for lang in ("en", "fr", "es") for w in get_stop_words(lang))


def _tokens(r: ArticleReport) -> frozenset[str]:
    text = " ".join(t for t in (r.title, r.summary) if t)
    stop = _stop_words()
    return frozenset(
        w for w in name_key(text).split() if len(w) >= 4 and not w.isdigit() and w not in stop
    )


def facts(reports: Sequence[ArticleReport]) -> list[Facts]:
    """Every report's facts; a word is kept only if it is distinctive in this day's feed."""
    tokens = [_tokens(r) for r in reports]
    df = Counter(w for t in tokens for w in t)
    limit = max(2, int(WORD_SHARE * len(reports)))
    return [
        Facts(
            where=_place_match.where(r),
            who=_actor_match.who(r),
            span=r.date.value if r.date else None,
            event_type=r.event_type,
            killed=_toll(r),
            words=frozenset(w for w in t if df[w] <= limit),
        )
        for r, t in zip(reports, tokens, strict=True)
    ]


def _toll(r: ArticleReport) -> tuple[int, int | None] | None:
    k = r.killed
    if k is None or (k.min is None and k.max is None):
        return None
    low = k.min if k.min is not None else k.max
    assert low is not None
    return (low, k.max)


def near(a: DateValue | None, b: DateValue | None) -> bool:
    """Dates within the slack; a report with no resolvable date is compatible on date."""
    return a is None or b is None or not (a.start > b.end + SLACK or b.start > a.end + SLACK)


def _date(a: DateValue | None, b: DateValue | None) -> Relation:
    if a is None or b is None:
        return Relation(0, "date: a report gives no resolvable date")
    if not near(a, b):
        return Relation(0, f"dates apart: {a.label()} / {b.label()}", veto=True)
    if a.precision == b.precision == "day" and a.start == b.start:
        return Relation(2, f"same day: {a.label()}")
    return Relation(1, f"dates within a day: {a.label()} / {b.label()}")


def _event(a: str | None, b: str | None) -> Relation:
    if a is None or b is None:
        return Relation(0, "event type: one unknown")
    if a == b:
        return Relation(1, f"same event type: {a}")
    return Relation(-1, f"event types differ: {a} / {b}")


def _killed(a: tuple[int, int | None] | None, b: tuple[int, int | None] | None) -> Relation:
    """Tolls are evidence when they agree; a different (often later, higher) toll is how
    reports of one incident evolve, so it never counts against a pair."""
    if a is None or b is None:
        return Relation(0, "killed: one report gives no toll")
    if a[0] == b[0]:
        return Relation(2, f"same toll: {a[0]} killed")
    overlap = (a[1] is None or a[1] >= b[0]) and (b[1] is None or b[1] >= a[0])
    if overlap or abs(a[0] - b[0]) <= TOLL_CLOSE * max(a[0], b[0]):
        return Relation(1, f"tolls compatible: {a[0]} / {b[0]} killed")
    return Relation(0, f"tolls differ (revisions are expected): {a[0]} / {b[0]} killed")


def _words(a: frozenset[str], b: frozenset[str]) -> Relation:
    shared = sorted(a & b)
    if len(shared) >= MIN_SHARED_WORDS:
        weight = 2 if len(shared) >= MANY_SHARED_WORDS else 1
        return Relation(weight, f"shared distinctive words: {', '.join(shared[:8])}")
    return Relation(0, "")


def score(a: Facts, b: Facts, allied: frozenset[frozenset[str]] = frozenset()) -> Verdict:
    relations = (
        _place_match.relate(a.where, b.where),
        _date(a.span, b.span),
        _actor_match.relate(a.who, b.who, allied),
        _event(a.event_type, b.event_type),
        _killed(a.killed, b.killed),
        _words(a.words, b.words),
    )
    veto = next((r.text for r in relations if r.veto), None)
    return Verdict(
        score=sum(r.weight for r in relations),
        support=sum(r.weight for r in relations if r.weight > 0),
        agreed=tuple(r.text for r in relations if r.weight > 0),
        disagreed=tuple(r.text for r in relations if r.weight < 0 or r.veto),
        veto=veto,
    )
