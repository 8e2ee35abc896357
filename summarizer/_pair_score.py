"""The score of a pair of reports: agreeing facts add, disagreeing facts subtract, and a
real incompatibility vetoes. The table is in cluster.py's docstring. Pure.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from summarizer import _actor_match, _place_match
from summarizer._place_match import Relation
from summarizer.normalize.dates import BACKGROUND_DAYS, DATE_LINE_DAYS
from summarizer.normalize.text import name_key, stop_words
from summarizer.schemas import ArticleReport, DatePrecision, DateValue

SLACK = timedelta(days=1)
# Relative gap under which two tolls are one figure (reports round and revise).
TOLL_CLOSE = 0.10
# Shared distinctive words for +1, and for +2.
MIN_SHARED_WORDS = 3
MANY_SHARED_WORDS = 6
# A word is distinctive when at most this share of the day's reports use it.
WORD_SHARE = 0.10
# Shared distinctive proper names of the articles' own texts for +1, and for +2.
MIN_SHARED_NAMES = 2
MANY_SHARED_NAMES = 4


@dataclass(frozen=True, slots=True)
class Facts:
    """One report reduced to what pair scoring reads; computed once per report. Equal
    places, actor sets and dates hash alike, so their relations are worked out once."""

    where: _place_match.Where
    who: _actor_match.Who
    span: DateValue | None
    event_type: str | None
    killed: tuple[int, int | None] | None  # (low, high or open)
    words: frozenset[str]  # distinctive words of the title and summary
    prose: str  # every word of the title and summary, folded, space-separated and padded
    proper: frozenset[str]  # distinctive proper names of the article's own text
    mentions: frozenset[str]  # every word of the article's own proper names
    day: "Day"
    numbers: tuple[int, int, int]  # of (where, who, day) among the day's distinct values

    @property
    def vocabulary(self) -> frozenset[str]:
        """The words of the title, the summary and the text's names."""
        return frozenset(self.prose.split()) | self.mentions

    def names(self, key: str) -> bool:
        """Does the title, the summary or the article's text name this place key? In the
        text, every telling word of the key ("los cantaritos": "cantaritos"; "koudou falls":
        "koudou", a place's kind told in any language) is in a name ("l'axe Tin
        Akoff-Beldiabé" names Tin-Akoff)."""
        if not key:
            return False
        telling = _telling_words(key)
        return f" {key} " in self.prose or (bool(telling) and self.mentions.issuperset(telling))


@dataclass(frozen=True, slots=True)
class Verdict:
    score: int
    support: int  # the agreeing facts alone: how close a vetoed pair came
    veto: str | None
    relations: tuple[Relation, ...]

    @property
    def compatible(self) -> bool:
        return self.veto is None

    @property
    def agreed(self) -> tuple[str, ...]:
        return tuple(r.text for r in self.relations if r.weight > 0)

    @property
    def disagreed(self) -> tuple[str, ...]:
        return tuple(r.text for r in self.relations if r.weight < 0 or r.veto)


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@lru_cache(maxsize=1 << 16)
def _word(raw: str) -> str:
    """A word folded as place keys are (accents, case, apostrophes)."""
    return name_key(raw)


def _prose(r: ArticleReport) -> tuple[str, ...]:
    text = " ".join(t for t in (r.title, r.summary) if t).replace("-", " ")
    return tuple(w for raw in _WORD.findall(text) if (w := _word(raw)))


def _telling(word: str) -> bool:
    return len(word) >= 4 and word not in stop_words()


# Words that say what kind of place a name is, in the news' languages: "les chutes de
# Koudou" names "Koudou Falls", "el río Tumbes" the "Tumbes River".
_FEATURES = frozenset(
    {"falls", "river", "lake", "mount", "mountain", "mountains", "hills", "forest", "park",
     "national", "island", "valley", "chutes", "riviere", "fleuve", "mont", "foret", "parc",
     "baie", "vallee", "lago", "monte", "bosque", "parque", "isla", "bahia", "valle", "cerro"}
)  # fmt: skip


@lru_cache(maxsize=1 << 16)  # asked for every word of every report that may name a place
def _telling_words(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if _telling(w) and w not in _FEATURES)


def facts(reports: Sequence[ArticleReport]) -> list[Facts]:
    """Every report's facts; a word is kept only if it is distinctive in this day's feed."""
    prose = [_prose(r) for r in reports]
    tokens = [frozenset(w for w in p if _telling(w)) for p in prose]
    mentions = [frozenset(r.names) for r in reports]
    df = Counter(w for t in tokens for w in t)
    name_df = Counter(n for m in mentions for n in m)
    limit = max(2, int(WORD_SHARE * len(reports)))
    out = []
    numbering: tuple[dict[object, int], ...] = ({}, {}, {})
    for r, t, p, m in zip(reports, tokens, prose, mentions, strict=True):
        where, who = _place_match.where(r), _actor_match.who(r)
        span = _event_span(r)
        killed = _toll(r)
        values = (where, who, _day(span))
        n = [seen.setdefault(v, len(seen)) for seen, v in zip(numbering, values, strict=True)]
        out.append(
            Facts(
                where=where,
                who=who,
                span=span,
                event_type=r.event_type,
                killed=killed,
                words=frozenset(w for w in t if df[w] <= limit),
                prose=f" {' '.join(p)} ",
                proper=frozenset(x for x in m if name_df[x] <= limit),
                mentions=frozenset(w for name in m for w in name.split()),
                day=values[2],
                numbers=(n[0], n[1], n[2]),
            )
        )
    return out


def _toll(r: ArticleReport) -> tuple[int, int | None] | None:
    k = r.killed
    if k is None or (k.min is None and k.max is None):
        return None
    low = k.min if k.min is not None else k.max
    assert low is not None
    return (low, k.max)


def _event_span(report: ArticleReport) -> DateValue | None:
    """The report's date; a page's date line bounds the event from above only: the week
    up to it (to a stamped month's end), or back to the earliest day its text writes out
    within BACKGROUND_DAYS (a follow-up published later: "El 7 de noviembre de 2025, un
    camión..."), so a report dated by its page meets one dated by its sentences."""
    fact = report.date
    if fact is None or fact.value is None or not fact.date_line:
        return fact.value if fact else None
    end = fact.value.end  # a stamped month: any day of it, or the week before
    start = min(
        [fact.value.start - timedelta(days=DATE_LINE_DAYS)]
        + [d for d in report.days if timedelta(0) <= end - d <= timedelta(days=BACKGROUND_DAYS)]
    )
    return DateValue(start=start, end=end, precision="week")  # labelled start/end


def near(a: DateValue | None, b: DateValue | None) -> bool:
    """Dates within the slack; a report with no resolvable date is compatible on date."""
    return a is None or b is None or not (a.start > b.end + SLACK or b.start > a.end + SLACK)


Day = tuple[date, date, DatePrecision] | None  # a DateValue as a tuple: hashed on every pair


def _day(span: DateValue | None) -> Day:
    return None if span is None else (span.start, span.end, span.precision)


@lru_cache(maxsize=1 << 12)  # a feed spans a few dates: each pair's text is made once
def _dates(x: Day, y: Day) -> Relation:
    if x is None or y is None:
        return Relation(0, "date: a report gives no resolvable date")
    a = DateValue(start=x[0], end=x[1], precision=x[2])
    b = DateValue(start=y[0], end=y[1], precision=y[2])
    if not near(a, b):
        return Relation(0, f"dates apart: {a.label()} / {b.label()}", veto=True)
    if a.precision == b.precision == "day" and a.start == b.start:
        return Relation(2, f"same day: {a.label()}")
    return Relation(1, f"dates within a day: {a.label()} / {b.label()}")


# ACLED's families of event types: outlets (and the model) code one demonstration as a
# protest or a riot, one attack as a battle, an explosion or violence against civilians,
# by how violent they say the demonstrators were or what they say struck first.
_FAMILY = {
    "protest": "demonstrations", "riot": "demonstrations",
    "battle": "political violence", "explosion_remote_violence": "political violence",
    "violence_against_civilians": "political violence",
}  # fmt: skip


@lru_cache(maxsize=256)
def _event(a: str | None, b: str | None) -> Relation:
    if a is None or b is None:
        return Relation(0, "event type: one unknown")
    if a == b:
        return Relation(1, f"same event type: {a}")
    if (family := _FAMILY.get(a)) and family == _FAMILY.get(b):
        return Relation(0, f"event types of one family ({family}): {a} / {b}")
    return Relation(-1, f"event types differ: {a} / {b}")


@lru_cache(maxsize=1 << 12)
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


_NO_WORDS = Relation(0, "")


def _shared(a: frozenset[str], b: frozenset[str], least: int, many: int, what: str) -> Relation:
    """+1 for `least` shared distinctive words or names, +2 for `many`."""
    shared = a & b
    if len(shared) < least:
        return _NO_WORDS
    return Relation(2 if len(shared) >= many else 1, f"{what}: {', '.join(sorted(shared)[:8])}")


def _words(a: frozenset[str], b: frozenset[str]) -> Relation:
    return _shared(a, b, MIN_SHARED_WORDS, MANY_SHARED_WORDS, "shared distinctive words")


def _names(a: frozenset[str], b: frozenset[str]) -> Relation:
    return _shared(a, b, MIN_SHARED_NAMES, MANY_SHARED_NAMES, "the articles name the same")


class Scorer:
    """Pair verdicts for one day's reports. The relation of two places, two actor sets or
    two dates is worked out once per distinct pair, keyed by their numbers among the
    day's distinct values: a busy day repeats them."""

    def __init__(self, reports: Sequence[ArticleReport]) -> None:
        self.facts = facts(reports)
        self.allied = _actor_match.allies(reports)
        self._width = len(self.facts) + 1
        self._known: tuple[dict[int, Relation], ...] = ({}, {}, {})

    def _relation(self, kind: int, a: Facts, b: Facts) -> Relation:
        key = a.numbers[kind] * self._width + b.numbers[kind]
        found = self._known[kind].get(key)
        if found is None:
            if kind == 0:
                found = _place_match.relate(a.where, b.where)
            elif kind == 1:
                found = _actor_match.relate(a.who, b.who, self.allied)
            else:
                found = _dates(a.day, b.day)
            self._known[kind][key] = found
        return found

    def verdict(self, i: int, j: int) -> Verdict:
        a, b = self.facts[i], self.facts[j]
        place = self._relation(0, a, b)
        if place.unlinked and (a.names(b.where.point) or b.names(a.where.point)):
            names = f"{a.where.label} / {b.where.label}"
            place = _place_match.Relation(1, f"one report also names the other's place: {names}")
        return _verdict(
            (
                place,
                self._relation(2, a, b),
                self._relation(1, a, b),
                _event(a.event_type, b.event_type),
                _killed(a.killed, b.killed),
                _words(a.words, b.words),
                _names(a.proper, b.proper),
            )
        )


def _verdict(relations: tuple[Relation, ...]) -> Verdict:
    score = support = 0
    veto = None
    for r in relations:
        score += r.weight
        support += max(r.weight, 0)
        if r.veto and veto is None:
            veto = r.text
    return Verdict(score, support, veto, relations)
