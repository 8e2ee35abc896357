"""Scoring against gold, field by field. Pure functions over Pydantic models.

Template-filling practice (MUC/ACE) with the gold format's own rules:
- scalars (event_type, country, admin1, location): exact, or close (one name contains
  the other) for places; aliases compared accent-, case- and punctuation-insensitively;
- dates: exact day, or close within a day;
- counts: `min` against the brief's headline (best), `max` against its high; close within
  10 %;
- actors: one-to-one matching of entities on any shared alias; precision, recall, F1;
- must_mention: share of stem groups found in the brief's text;
- conflicts: recall of the gold conflict keys in the brief's conflict report.
A value where gold says none exists is "invented", counted apart: the worst error.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from summarizer.evaluate.gold import COUNT_KEYS, GoldCase, GoldCount
from summarizer.normalize.text import name_key
from summarizer.schemas import ArticleReport, DateValue, IncidentBrief
from summarizer.schemas.facts import FactBrief, ReconciledFact

if TYPE_CHECKING:
    from summarizer.kinds.model import Kind

SCALARS = ("event_type", "country", "admin1", "location")
SETS = ("perpetrators", "targets")
FIELDS = ("event_type", "date", "country", "admin1", "location", *SETS, *COUNT_KEYS,
          "must_mention", "conflicts")  # fmt: skip
_ABSENT = object()


@dataclass
class FieldResult:
    """One field of one case. `scored` is 0 or 1 except where noted."""

    scored: int = 0
    exact: int = 0
    close: int = 0
    invented: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    coverage: float | None = None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


@dataclass
class Flat:
    """What a brief (or one article's report) says, in the shape gold is written in."""

    event_type: str | None = None
    date: DateValue | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    perpetrators: list[list[str]] = field(default_factory=list)
    targets: list[list[str]] = field(default_factory=list)
    counts: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    text: str = ""
    conflicts: set[str] = field(default_factory=set)


def flat_brief(brief: IncidentBrief) -> Flat:
    return Flat(
        event_type=brief.event_type,
        date=brief.date,
        country=brief.country.name if brief.country else None,
        admin1=brief.admin1.name if brief.admin1 else None,
        location=brief.location.name if brief.location else None,
        perpetrators=[[a.name, *a.aliases] for a in brief.perpetrators],
        targets=[[a.name, *a.aliases] for a in brief.targets],
        counts={
            k: (c.best, c.high)
            for k in COUNT_KEYS
            if (c := getattr(brief, k)) and c.best is not None
        },
        text=brief.text(),
        conflicts={c.field for c in brief.conflicts},
    )


def flat_facts(brief: FactBrief, kind: "Kind") -> Flat:
    """A brief settled by the fact types' own rules, in the gold format's shape: each
    fact in the field its type fills (kinds.report.acled_slot; the first of the schema's
    fields for each), the event type by its name. For a kind whose facts are the gold
    format's (ACLED's roles, casualty counts, the three place levels), whatever its rules."""
    from summarizer.kinds.report import acled_slot

    slots = {n: s for n, f in kind.facts.items() if (s := acled_slot(f))} | {
        "event_type": "event_type"
    }
    found: dict[str, ReconciledFact] = {}
    for fact in brief.facts:
        if fact.field in slots:
            found.setdefault(slots[fact.field], fact)

    def place(slot: str) -> str | None:
        return p.name if (f := found.get(slot)) and (p := f.place) else None

    def actors(slot: str) -> list[list[str]]:
        return [[a.name, *a.aliases] for a in (found[slot].actors if slot in found else [])]

    return Flat(
        event_type=found["event_type"].value if "event_type" in found else None,
        date=found["date"].date if "date" in found else None,
        country=place("country"),
        admin1=place("admin1"),
        location=place("location"),
        perpetrators=actors("perpetrators"),
        targets=actors("targets"),
        counts={
            k: (c.best, c.high)
            for k in COUNT_KEYS
            if k in found and (c := found[k].count) and c.best is not None
        },
        text=brief.text(),
        conflicts={slots.get(c.field, c.field) for c in brief.conflicts},
    )


def flat_report(report: ArticleReport) -> Flat:
    return Flat(
        event_type=report.event_type,
        date=report.date.value if report.date else None,
        country=report.country.name if report.country else None,
        admin1=report.admin1.name if report.admin1 else None,
        location=report.location.name if report.location else None,
        perpetrators=[[a.name, *a.aliases] for a in report.perpetrators],
        targets=[[a.name, *a.aliases] for a in report.targets],
        # FORMAT.md: max is null when the article gives no more than min ("14 killed").
        counts={
            k: (c.min, None if c.max == c.min else c.max)
            for k in COUNT_KEYS
            if (c := report.count(k))
        },
        text=" ".join(p for p in (report.title, report.summary) if p),
    )


def rate(num: float, den: float) -> float | None:
    """A share rounded for reports; None where nothing was counted."""
    return round(num / den, 4) if den else None


def f1_score(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return rate(2 * precision * recall, precision + recall) or 0.0


def _names_match(value: str, aliases: list[str]) -> bool:
    key = name_key(value)
    return any(key == name_key(a) for a in aliases)


def score_scalar(gold: Any, value: str | None, *, place: bool) -> FieldResult:
    """Exact when a gold alias names the value; for a place below the country, "close"
    when one name holds the other ("Kasese district" for "Kasese")."""
    aliases = [gold] if isinstance(gold, str) else list(gold or [])
    if not aliases:  # gold says there is none
        return FieldResult(scored=1, exact=int(value is None), invented=int(value is not None))
    if value is None:
        return FieldResult(scored=1, note="missing")
    if _names_match(value, aliases):
        return FieldResult(scored=1, exact=1)
    key = name_key(value)
    near = place and any(key and (key in name_key(a) or name_key(a) in key) for a in aliases)
    return FieldResult(scored=1, close=int(near), note="" if near else f"got {value!r}")


def score_date(gold: Any, value: DateValue | None) -> FieldResult:
    if gold is None:
        return FieldResult(scored=1, exact=int(value is None), invented=int(value is not None))
    if value is None:
        return FieldResult(scored=1, note="missing")
    if value.start == value.end == gold:
        return FieldResult(scored=1, exact=1)
    one = timedelta(days=1)
    near = value.precision == "day" and abs(value.start - gold) <= one
    return FieldResult(scored=1, close=int(near), note=f"got {value.label()}")


def _close_number(gold: int | None, got: int | None) -> tuple[bool, bool]:
    """(exact, close) for one bound; close is within 10 %."""
    if gold == got:
        return True, True
    if gold is None or got is None:
        return False, False
    return False, abs(got - gold) <= 0.1 * abs(gold)


def score_count(gold: GoldCount, value: tuple[int | None, int | None] | None) -> FieldResult:
    if gold.min is None and gold.max is None:
        return FieldResult(scored=1, exact=int(value is None), invented=int(value is not None))
    if value is None:
        return FieldResult(scored=1, note="missing")
    lo_exact, lo_close = _close_number(gold.min, value[0])
    hi_exact, hi_close = _close_number(gold.max, value[1])
    if lo_exact and hi_exact:
        return FieldResult(scored=1, exact=1)
    close = lo_close and hi_close
    return FieldResult(scored=1, close=int(close), note=f"got min {value[0]}, max {value[1]}")


def score_set(gold: list[list[str]], got: list[list[str]]) -> FieldResult:
    """One-to-one matching: each gold entity may absorb one output entity."""
    unmatched = list(range(len(gold)))
    tp = 0
    for names in got:
        hit = next((g for g in unmatched if any(_names_match(n, gold[g]) for n in names)), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    fp, fn = len(got) - tp, len(unmatched)
    result = FieldResult(scored=1, tp=tp, fp=fp, fn=fn, exact=int(fp == fn == 0))
    if not gold and got:
        result.invented = 1
    return result


def score_mentions(groups: list[list[str]], text: str) -> FieldResult:
    haystack = name_key(text)
    covered = sum(any(name_key(stem) in haystack for stem in group) for group in groups)
    share = covered / len(groups) if groups else 1.0
    return FieldResult(scored=1, exact=int(covered == len(groups)), coverage=share)


def score_conflicts(gold: list[str], got: set[str]) -> FieldResult:
    found = sum(1 for key in gold if key in got)
    return FieldResult(scored=1, tp=found, fn=len(gold) - found, exact=int(found == len(gold)))


def incident_gold(case: GoldCase) -> dict[str, Any]:
    """The case's incident as `score_flat` reads it. Null keys are unscored; a count with
    both bounds null is scored ("none reported")."""
    gold = {k: v for k, v in case.incident.model_dump().items() if v is not None}
    if case.conflicts:
        gold["conflicts"] = list(case.conflicts)
    return gold


def score_flat(
    gold: Mapping[str, Any], flat: Flat, *, nulls_scored: bool
) -> dict[str, FieldResult]:
    """Score every gold key present. With `nulls_scored`, a null key means "none exists"."""
    results: dict[str, FieldResult] = {}
    for key in FIELDS:
        value = gold.get(key, _ABSENT)
        if value is _ABSENT or (value is None and not nulls_scored):
            continue
        if key in SCALARS:
            place = key in ("admin1", "location")
            results[key] = score_scalar(value, getattr(flat, key), place=place)
        elif key == "date":
            results[key] = score_date(value, flat.date)
        elif key in SETS:
            results[key] = score_set(value or [], getattr(flat, key))
        elif key in COUNT_KEYS:
            count = GoldCount.model_validate(value) if value is not None else GoldCount()
            results[key] = score_count(count, flat.counts.get(key))
        elif key == "must_mention" and value:
            results[key] = score_mentions(value, flat.text)
        elif key == "conflicts" and value:
            results[key] = score_conflicts(value, flat.conflicts)
    return results
