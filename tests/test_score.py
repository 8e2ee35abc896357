"""Field scoring and grouping scores, rule by rule, on whole results (not one attribute)."""

from datetime import date

import pytest

from summarizer.evaluate.clusters import grouping_counts, pool, score_grouping
from summarizer.evaluate.gold import GoldCount
from summarizer.evaluate.score import (
    FieldResult,
    Flat,
    f1_score,
    flat_brief,
    flat_facts,
    flat_report,
    rate,
    score_conflicts,
    score_count,
    score_date,
    score_flat,
    score_mentions,
    score_scalar,
    score_set,
)
from summarizer.kinds.registry import load_kind
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    DateValue,
    IncidentBrief,
    PlaceFact,
)
from summarizer.schemas.brief import (
    Actor,
    Casualties,
    Conflict,
    Place,
    ReconciledDate,
    SourceSummary,
)
from summarizer.schemas.common import DatePrecision
from summarizer.schemas.facts import FactBrief, ReconciledFact

D = date(2025, 11, 7)


def test_as_dict_drops_only_none_and_empty_text() -> None:
    assert FieldResult(scored=1).as_dict() == {
        "scored": 1, "exact": 0, "close": 0, "invented": 0, "tp": 0, "fp": 0, "fn": 0
    }  # fmt: skip
    assert FieldResult(coverage=0.0, note="x").as_dict()["coverage"] == 0.0


def test_rate_and_f1() -> None:
    assert rate(1, 3) == 0.3333
    assert rate(0, 0) is None
    assert f1_score(0.5, 1.0) == 0.6667
    assert f1_score(0.0, 0.0) == 0.0
    assert f1_score(None, 1.0) is None
    assert f1_score(1.0, None) is None


@pytest.mark.parametrize(
    ("name", "gold", "value", "result"),
    [
        ("country", None, None, FieldResult(scored=1, exact=1)),
        ("country", [], "Mali", FieldResult(scored=1, invented=1)),
        ("country", "Mali", None, FieldResult(scored=1, note="missing")),
        ("country", "Mali", "MALI", FieldResult(scored=1, exact=1)),
        ("location", ["Bamako", "Bamakó"], "bamako", FieldResult(scored=1, exact=1)),
        ("admin1", "Mopti Region", "Mopti", FieldResult(scored=1, close=1)),
        ("location", "Gao", "Gao town", FieldResult(scored=1, close=1)),
        ("country", "Republic of Mali", "Mali", FieldResult(scored=1, note="got 'Mali'")),
        ("event_type", "battle", "riots", FieldResult(scored=1, note="got 'riots'")),
        ("location", "Gao", "Kidal", FieldResult(scored=1, note="got 'Kidal'")),
    ],
)
def test_scalar(name: str, gold: object, value: str | None, result: FieldResult) -> None:
    assert score_scalar(gold, value, place=name in ("admin1", "location")) == result


def _dv(start: date, end: date, precision: DatePrecision = "day") -> DateValue:
    return DateValue(start=start, end=end, precision=precision)


@pytest.mark.parametrize(
    ("gold", "value", "result"),
    [
        (None, None, FieldResult(scored=1, exact=1)),
        (None, _dv(D, D), FieldResult(scored=1, invented=1)),
        (D, None, FieldResult(scored=1, note="missing")),
        (D, _dv(D, D), FieldResult(scored=1, exact=1)),
        (
            D,
            _dv(date(2025, 11, 8), date(2025, 11, 8)),
            FieldResult(scored=1, close=1, note="got 2025-11-08"),
        ),
        (
            D,
            _dv(date(2025, 11, 9), date(2025, 11, 9)),
            FieldResult(scored=1, note="got 2025-11-09"),
        ),
        (
            D,
            _dv(D, date(2025, 11, 13), "week"),
            FieldResult(scored=1, note="got 2025-11-07/2025-11-13"),
        ),
    ],
)
def test_date(gold: date | None, value: DateValue | None, result: FieldResult) -> None:
    assert score_date(gold, value) == result


@pytest.mark.parametrize(
    ("gold", "value", "result"),
    [
        (GoldCount(), None, FieldResult(scored=1, exact=1)),
        (GoldCount(), (3, 3), FieldResult(scored=1, invented=1)),
        (GoldCount(min=10), None, FieldResult(scored=1, note="missing")),
        (GoldCount(min=10, max=20), (10, 20), FieldResult(scored=1, exact=1)),
        (
            GoldCount(min=10, max=20),
            (11, 18),
            FieldResult(scored=1, close=1, note="got min 11, max 18"),
        ),
        (GoldCount(min=10, max=20), (12, 20), FieldResult(scored=1, note="got min 12, max 20")),
        (GoldCount(min=10), (10, 20), FieldResult(scored=1, note="got min 10, max 20")),
    ],
)
def test_count(
    gold: GoldCount, value: tuple[int | None, int | None] | None, result: FieldResult
) -> None:
    assert score_count(gold, value) == result


@pytest.mark.parametrize(
    ("gold", "got", "result"),
    [
        ([], [], FieldResult(scored=1, exact=1)),
        ([], [["JNIM"]], FieldResult(scored=1, fp=1, invented=1)),
        ([["JNIM", "GSIM"]], [["gsim"]], FieldResult(scored=1, tp=1, exact=1)),
        ([["JNIM"]], [["JNIM"], ["J.N.I.M."]], FieldResult(scored=1, tp=1, fp=1)),  # one-to-one
        ([["JNIM"], ["ISSP"]], [["JNIM"]], FieldResult(scored=1, tp=1, fn=1)),
    ],
)
def test_set(gold: list[list[str]], got: list[list[str]], result: FieldResult) -> None:
    assert score_set(gold, got) == result


def test_mentions_and_conflicts() -> None:
    assert score_mentions([["ambush"], ["Gao", "Gáo"]], "An AMBUSH near gao") == FieldResult(
        scored=1, exact=1, coverage=1.0
    )
    assert score_mentions([["ambush"], ["Kidal"]], "an ambush") == FieldResult(
        scored=1, coverage=0.5
    )
    assert score_mentions([], "anything") == FieldResult(scored=1, exact=1, coverage=1.0)
    assert score_conflicts(["killed", "date"], {"killed"}) == FieldResult(scored=1, tp=1, fn=1)
    assert score_conflicts(["killed"], {"killed", "date"}) == FieldResult(scored=1, tp=1, exact=1)


def test_score_flat_scores_the_keys_gold_has() -> None:
    flat = Flat(
        location="Gao town",
        admin1="Gao",
        country="Mali",
        event_type="ambush",
        text="an ambush",
        conflicts={"killed"},
        counts={"killed": (5, 5)},
    )
    gold = {
        "location": "Gao",
        "admin1": "Gao Region",  # one name holds the other: close, for places only
        "event_type": "ambush attack",  # not close: not a place
        "country": None,
        "must_mention": [["ambush"]],
        "conflicts": ["killed"],
        "killed": {"min": 5, "max": 5},
        "injured": None,
    }
    assert score_flat(gold, flat, nulls_scored=False) == {
        "location": FieldResult(scored=1, close=1),
        "admin1": FieldResult(scored=1, close=1),
        "event_type": FieldResult(scored=1, note="got 'ambush'"),
        "must_mention": FieldResult(scored=1, exact=1, coverage=1.0),
        "conflicts": FieldResult(scored=1, tp=1, exact=1),
        "killed": FieldResult(scored=1, exact=1),
    }
    with_nulls = score_flat(gold, flat, nulls_scored=True)
    assert sorted(with_nulls) == [
        "admin1",
        "conflicts",
        "country",
        "event_type",
        "injured",
        "killed",
        "location",
        "must_mention",
    ]
    assert with_nulls["country"] == FieldResult(scored=1, invented=1)  # gold: none exists
    assert with_nulls["injured"] == FieldResult(scored=1, exact=1)
    empty = score_flat({"must_mention": [], "conflicts": []}, flat, nulls_scored=True)
    assert empty == {}


def test_flat_brief() -> None:
    bare = flat_brief(IncidentBrief(id="i", title="T", headline="H"))
    assert (bare.country, bare.admin1, bare.location, bare.text) == (None, None, None, "T\nH")
    full = flat_brief(
        IncidentBrief(
            id="i", title="T", headline="H",
            country=Place(name="Mali"), admin1=Place(name="Gao"), location=Place(name="Ansongo"),
            summaries=[SourceSummary(article_id="a", title="S", summary="sum")],
            conflicts=[Conflict(field="killed", rule="r", chosen=None, values=[])],
        )
    )  # fmt: skip
    assert (full.country, full.admin1, full.location) == ("Mali", "Gao", "Ansongo")
    assert full.text == "T\nH\nS\nsum"
    assert full.conflicts == {"killed"}


def test_left_out_articles_are_singletons() -> None:
    # Three gold articles no predicted cluster holds: none is joined to another, nor to a
    # predicted cluster's label.
    gold = [["a", "b", "c"], ["d"], ["e"]]
    scores = score_grouping(gold, [["x"], ["y"], ["d", "e"]])
    assert {k: scores["pairwise"][k] for k in ("tp", "fp", "fn")} == {"tp": 0, "fp": 1, "fn": 3}
    assert score_grouping([["a"], ["b"]], [])["pairwise"]["fp"] == 0


def test_pool_adds_cases_up() -> None:
    assert pool([]) is None
    one = grouping_counts([["a", "b"], ["c"]], [["a", "b", "c"]])  # tp 1, fp 2, B3 p 5/9
    two = grouping_counts([["a", "b"]], [["a"], ["b"]])  # fn 1
    pooled = pool([one, two])
    assert pooled is not None
    assert {k: pooled["pairwise"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 2, "fn": 1}
    assert pooled["bcubed"]["articles"] == 5
    # B-cubed precision: (2/3 + 2/3 + 1/3 + 1 + 1) / 5
    assert pooled["bcubed"]["precision"] == round((2 / 3 + 2 / 3 + 1 / 3 + 2) / 5, 4)
    assert pooled["bcubed"]["recall"] == round((1 + 1 + 1 + 0.5 + 0.5) / 5, 4)


def test_flat_report() -> None:
    bare = flat_report(ArticleReport(article=ArticleRef(id="a")))
    assert bare == Flat()
    report = ArticleReport(
        article=ArticleRef(id="a"),
        event_type="battle",
        date=DateFact(quote="on Friday", value=DateValue(start=D, end=D, precision="day")),
        country=PlaceFact(name="Mali", quote="Mali"),
        admin1=PlaceFact(name="Gao", quote="Gao"),
        location=PlaceFact(name="Ansongo", quote="Ansongo"),
        perpetrators=[ActorFact(name="JNIM", aliases=["GSIM"], quote="JNIM")],
        targets=[ActorFact(name="soldiers", quote="soldiers")],
        killed=CountFact(quote="over 20", min=21),
        injured=CountFact(quote="3 to 5", min=3, max=5),
        title="Attack",
        summary=None,
    )
    assert flat_report(report) == Flat(
        event_type="battle",
        date=DateValue(start=D, end=D, precision="day"),
        country="Mali",
        admin1="Gao",
        location="Ansongo",
        perpetrators=[["JNIM", "GSIM"]],
        targets=[["soldiers"]],
        counts={"killed": (21, None), "injured": (3, 5)},
        text="Attack",
    )
    report.summary = "Fighters attacked."
    assert flat_report(report).text == "Attack Fighters attacked."
    exact = report.model_copy(update={"missing": CountFact(quote="14 missing", min=14, max=14)})
    assert flat_report(exact).counts["missing"] == (14, None)  # FORMAT.md: max null at min
    undated = ArticleReport(article=ArticleRef(id="a"), date=DateFact(quote="recently"))
    assert flat_report(undated).date is None


def test_flat_facts_puts_each_fact_in_the_gold_field_its_type_fills() -> None:
    """The conflict schema's fields (date_text, region, town...) settled by the fact types'
    own rules, read back in the gold format's names, by type."""
    kind = load_kind("conflict")
    day = ReconciledDate(start=D, end=D, precision="day")

    def fact(field: str, type_: str, **value: object) -> ReconciledFact:
        return ReconciledFact(field=field, type=type_, label=field, sources=["a"], **value)

    brief = FactBrief(
        id="i",
        kind="conflict",
        title="T",
        facts=[
            fact("event_type", "category", value="battle"),
            fact("date_text", "date", date=day),
            fact("country", "place", place=Place(name="Mali")),
            fact("region", "place", place=Place(name="Gao")),
            fact("town", "place", place=Place(name="Ansongo")),
            fact("perpetrators", "actor", actors=[Actor(name="JNIM", aliases=["GSIM"])]),
            fact("targets", "actor", actors=[Actor(name="soldiers")]),
            fact("killed", "count", count=Casualties(best=20, high=25)),
            fact("injured", "count", count=Casualties()),
        ],
        conflicts=[
            Conflict(field="town", rule="place.majority", chosen="Ansongo", values=[]),
            Conflict(field="killed", rule="count.most_conservative", chosen="20", values=[]),
        ],
        summaries=[SourceSummary(article_id="a", summary="sum")],
    )
    flat = flat_facts(brief, kind)
    assert flat == Flat(
        event_type="battle",
        date=day,
        country="Mali",
        admin1="Gao",
        location="Ansongo",
        perpetrators=[["JNIM", "GSIM"]],
        targets=[["soldiers"]],
        counts={"killed": (20, 25)},
        text=brief.text(),
        conflicts={"location", "killed"},
    )
    assert flat_facts(FactBrief(id="i", kind="conflict", title="T"), kind) == Flat(text="T")
