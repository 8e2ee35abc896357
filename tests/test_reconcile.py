"""The reconciler: gold reproduction, named rules, and order-independence (hypothesis)."""

from datetime import date
from pathlib import Path

from conftest import SEED_GOLD
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.evaluate.gold import load_gold, oracle_reports
from summarizer.reconcile import reconcile
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    DateValue,
    PlaceFact,
)

GOLD = SEED_GOLD


def day(iso: str) -> DateValue:
    d = date.fromisoformat(iso)
    return DateValue(start=d, end=d, precision="day")


def report(aid: str, published: str | None = None, **facts: object) -> ArticleReport:
    ref = ArticleRef(id=aid, published=date.fromisoformat(published) if published else None)
    return ArticleReport(article=ref, event_type="battle", **facts)  # type: ignore[arg-type]


def killed(lo: int | None, hi: int | None = None, quote: str = "q") -> CountFact:
    return CountFact(quote=quote, min=lo, max=hi)


def test_oracle_reproduces_seed_gold() -> None:
    case = load_gold(Path(GOLD))
    brief = reconcile(oracle_reports(case))  # type: ignore[arg-type]
    gold = case.incident  # type: ignore[union-attr]
    assert brief.event_type == gold.event_type
    assert brief.date and brief.date.start == brief.date.end == gold.date
    assert brief.country and brief.country.name == gold.country
    assert brief.admin1 and brief.admin1.name in gold.admin1
    assert brief.location and brief.location.name in gold.location
    assert brief.killed and (brief.killed.best, brief.killed.high) == (
        gold.killed.min,
        gold.killed.max,
    )
    assert brief.injured is None
    assert {c.field for c in brief.conflicts} >= set(case.conflicts)  # type: ignore[union-attr]


def test_later_toll_supersedes_earlier() -> None:
    brief = reconcile(
        [
            report("a", "2025-11-08", killed=killed(12, 12)),
            report("b", "2025-11-09", killed=killed(25, None)),
            report("c", None, killed=killed(5, 5)),  # undated: never the latest
        ]
    )
    assert brief.killed and (brief.killed.low, brief.killed.best, brief.killed.high) == (
        5,
        25,
        None,
    )
    [conflict] = brief.conflicts
    assert conflict.rule == "casualties.later_supersedes" and conflict.chosen == "25"


def test_consistent_bounds_take_the_most_conservative() -> None:
    brief = reconcile([report("a", killed=killed(21)), report("b", killed=killed(20, 25))])
    assert brief.killed and (brief.killed.best, brief.killed.high) == (20, 25)


def test_disjoint_dates_majority_then_precision() -> None:
    brief = reconcile(
        [
            report("a", date=DateFact(quote="Friday", value=day("2025-11-07"))),
            report("b", date=DateFact(quote="Friday", value=day("2025-11-07"))),
            report("c", date=DateFact(quote="Thursday", value=day("2025-11-06"))),
        ]
    )
    assert brief.date and brief.date.start == date(2025, 11, 7)
    assert brief.conflicts[0].rule == "date.majority"
    week = DateValue(start=date(2025, 10, 27), end=date(2025, 11, 2), precision="week")
    brief = reconcile(
        [
            report("a", date=DateFact(quote="last week", value=week)),
            report("b", date=DateFact(quote="Thursday", value=day("2025-11-06"))),
        ]
    )
    assert (
        brief.date and brief.date.precision == "day" and brief.conflicts[0].rule == "date.precision"
    )


def test_explicit_date_wins_over_relative() -> None:
    brief = reconcile(
        [
            report("a", date=DateFact(quote="on Friday", value=day("2025-11-14"))),
            report(
                "b", date=DateFact(quote="7 November 2025", value=day("2025-11-07"), explicit=True)
            ),
        ]
    )
    assert brief.date and brief.date.start == date(2025, 11, 7)
    assert brief.conflicts[0].rule == "date.explicit_over_relative"


def test_week_and_day_intersect_to_the_day() -> None:
    week = DateValue(start=date(2025, 11, 3), end=date(2025, 11, 9), precision="week")
    brief = reconcile(
        [
            report("a", date=DateFact(quote="this week", value=week)),
            report("b", date=DateFact(quote="Friday", value=day("2025-11-07"))),
        ]
    )
    assert brief.date and brief.date.precision == "day" and brief.date.start == date(2025, 11, 7)
    assert brief.conflicts[0].rule == "date.intersection"


def test_two_named_perpetrators_are_a_conflict() -> None:
    jnim = ActorFact(name="JNIM", quote="JNIM")
    full = ActorFact(name="Jama'at Nusrat al-Islam wal-Muslimin", quote="x", attribution="claimed")
    isgs = ActorFact(name="Islamic State in the Greater Sahara", quote="ISGS")
    brief = reconcile(
        [
            report("a", perpetrators=[jnim]),
            report("b", perpetrators=[full]),
            report("c", perpetrators=[isgs]),
        ]
    )
    assert len(brief.perpetrators) == 2
    assert (
        brief.perpetrators[0].attribution == "claimed" and "JNIM" in brief.perpetrators[0].aliases
    )
    assert [c.rule for c in brief.conflicts] == ["actors.distinct_groups"]


def test_vaguer_place_keeps_the_specific_one() -> None:
    brief = reconcile(
        [
            report("a", country=PlaceFact(name="Mali", quote="Mali")),
            report(
                "b",
                country=PlaceFact(name="Mali", quote="Mali"),
                location=PlaceFact(name="Soumpi", quote="Soumpi"),
            ),
        ]
    )
    assert brief.location and brief.location.name == "Soumpi"
    assert "Soumpi" in brief.headline and "Mali" in brief.title


# ---- order-independence and idempotence -------------------------------------------
names = st.sampled_from(["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "ISGS", "Malian army"])
reports_strategy = st.lists(
    st.builds(
        lambda aid, pub, lo, span, d, who, place: report(
            aid,
            pub,
            killed=killed(lo, lo + span if span is not None else None) if lo is not None else None,
            date=DateFact(quote="q", value=day(f"2025-11-{d:02d}")) if d else None,
            perpetrators=[ActorFact(name=who, quote=who)],
            location=PlaceFact(name=place, quote=place),
        ),
        aid=st.text("abcdef", min_size=1, max_size=3),
        pub=st.sampled_from([None, "2025-11-08", "2025-11-09"]),
        lo=st.none() | st.integers(0, 50),
        span=st.none() | st.integers(0, 10),
        d=st.none() | st.integers(5, 9),
        who=names,
        place=st.sampled_from(["Soumpi", "Goundam"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(reports_strategy, st.randoms(use_true_random=False))
def test_any_order_gives_byte_identical_brief(reports: list[ArticleReport], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert reconcile(reports).model_dump_json() == reconcile(shuffled).model_dump_json()


@settings(max_examples=50, deadline=None)
@given(reports_strategy)
def test_reconcile_is_idempotent_on_duplicates(reports: list[ArticleReport]) -> None:
    once = reconcile(reports)
    assert reconcile(reports).model_dump_json() == once.model_dump_json()
    assert once.id == reconcile(list(reversed(reports))).id
