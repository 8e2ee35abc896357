"""The reconciler rule by rule: each named rule's conflict asserted whole (field, rule,
chosen value, every source's value), both ways, with its ties and edge values."""

from datetime import date

import pytest

from summarizer.reconcile import compose_headline, compose_title, reconcile
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    DateValue,
    PlaceFact,
)

Row = tuple[str, str, str | None, dict[str, list[str]]]


def report(aid: str, published: str | None = None, **facts: object) -> ArticleReport:
    ref = ArticleRef(id=aid, published=date.fromisoformat(published) if published else None)
    facts.setdefault("event_type", "battle")
    return ArticleReport(article=ref, **facts)  # type: ignore[arg-type]


def rows(reports: list[ArticleReport], field: str | None = None) -> list[Row]:
    brief = reconcile(reports)
    return [
        (c.field, c.rule, c.chosen, {v.value: v.articles for v in c.values})
        for c in brief.conflicts
        if field is None or c.field == field
    ]


def day(iso: str, *, explicit: bool = False, quote: str = "q") -> DateFact:
    d = date.fromisoformat(iso)
    return DateFact(
        quote=quote, value=DateValue(start=d, end=d, precision="day"), explicit=explicit
    )


def span(start: str, end: str, precision: str = "week", quote: str = "q") -> DateFact:
    value = DateValue(
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=precision,  # type: ignore[arg-type]
    )
    return DateFact(quote=quote, value=value)


def place(name: str, **kw: object) -> PlaceFact:
    kw.setdefault("quote", name)
    return PlaceFact(name=name, **kw)  # type: ignore[arg-type]


def count(lo: int | None, hi: int | None = None, **kw: object) -> CountFact:
    kw.setdefault("quote", "q")
    return CountFact(min=lo, max=hi, **kw)  # type: ignore[arg-type]


# ---- event type ------------------------------------------------------------------------
def test_event_type_majority() -> None:
    rs = [
        report("a", event_type="protest"),
        report("b", event_type="battle"),
        report("c", event_type="battle"),
    ]
    assert reconcile(rs).event_type == "battle"
    assert rows(rs) == [
        ("event_type", "event_type.majority", "battle", {"battle": ["b", "c"], "protest": ["a"]})
    ]


@pytest.mark.parametrize(
    ("first", "second", "winner"),
    [
        ("battle", "protest", "battle"),  # the fixed order decides, in either position
        ("protest", "battle", "battle"),
        ("riot", "violence_against_civilians", "violence_against_civilians"),
    ],
)
def test_event_type_tie_goes_by_precedence(first: str, second: str, winner: str) -> None:
    rs = [report("a", event_type=first), report("b", event_type=second)]
    assert reconcile(rs).event_type == winner
    [(field, rule, chosen, _)] = rows(rs)
    assert (field, rule, chosen) == ("event_type", "event_type.precedence", winner)


def test_event_type_agreed_or_absent_is_no_conflict() -> None:
    assert rows([report("a"), report("b")]) == []
    brief = reconcile([report("a", event_type=None), report("b", event_type="riot")])
    assert brief.event_type == "riot" and brief.conflicts == []
    assert reconcile([report("a", event_type=None)]).event_type is None


# ---- date ------------------------------------------------------------------------------
def test_date_intersection_keeps_the_common_days_and_its_evidence() -> None:
    rs = [
        report("a", date=span("2025-11-03", "2025-11-09", quote="this week")),
        report("b", date=span("2025-11-06", "2025-11-12", quote="around then")),
    ]
    brief = reconcile(rs)
    assert brief.date
    assert (brief.date.start, brief.date.end) == (date(2025, 11, 6), date(2025, 11, 9))
    assert [(e.article_id, e.quote) for e in brief.date.evidence] == [
        ("a", "this week"),
        ("b", "around then"),
    ]
    assert rows(rs) == [
        (
            "date",
            "date.intersection",
            "2025-11-06/2025-11-09",
            {"2025-11-03/2025-11-09": ["a"], "2025-11-06/2025-11-12": ["b"]},
        )
    ]


def test_same_date_everywhere_is_no_conflict() -> None:
    rs = [report("a", date=day("2025-11-07")), report("b", date=day("2025-11-07"))]
    brief = reconcile(rs)
    assert brief.date and brief.date.start == date(2025, 11, 7)
    assert [e.article_id for e in brief.date.evidence] == ["a", "b"]
    assert rows(rs) == []


def test_disjoint_dates_majority() -> None:
    rs = [
        report("a", date=day("2025-11-06")),
        report("b", date=day("2025-11-07")),
        report("c", date=day("2025-11-07")),
    ]
    brief = reconcile(rs)
    assert brief.date and brief.date.start == date(2025, 11, 7)
    assert [e.article_id for e in brief.date.evidence] == ["b", "c"]
    assert rows(rs) == [
        ("date", "date.majority", "2025-11-07", {"2025-11-06": ["a"], "2025-11-07": ["b", "c"]})
    ]


@pytest.mark.parametrize("order", [1, -1])
def test_disjoint_dates_tie_goes_to_the_finest(order: int) -> None:
    rs = [
        report("a", date=span("2025-10-27", "2025-11-02")),
        report("b", date=day("2025-11-07")),
    ][::order]
    brief = reconcile(rs)
    assert brief.date and (brief.date.start, brief.date.precision) == (date(2025, 11, 7), "day")
    assert [r[1:3] for r in rows(rs)] == [("date.precision", "2025-11-07")]


@pytest.mark.parametrize(
    ("first", "second", "winner"),
    [
        ("2025-11-05", "2025-11-06", "2025-11-05"),  # "a" published first: its date wins
        ("2025-11-06", "2025-11-05", "2025-11-06"),
    ],
)
def test_disjoint_dates_full_tie_goes_to_the_earliest_report(
    first: str, second: str, winner: str
) -> None:
    rs = [
        report("a", "2025-11-08", date=day(first)),
        report("b", "2025-11-09", date=day(second)),
    ]
    brief = reconcile(rs)
    assert brief.date and brief.date.start.isoformat() == winner
    assert [r[1:3] for r in rows(rs)] == [("date.earliest_report", winner)]


def test_explicit_date_over_relative_and_unresolved_label() -> None:
    rs = [
        report("a", date=day("2025-11-14", quote="on Friday")),
        report("b", date=day("2025-11-07", quote="7 November 2025", explicit=True)),
        report("c", date=DateFact(quote="recently")),
    ]
    brief = reconcile(rs)
    assert brief.date and brief.date.start == date(2025, 11, 7)
    assert [e.article_id for e in brief.date.evidence] == ["b"]
    assert rows(rs) == [
        (
            "date",
            "date.explicit_over_relative",
            "2025-11-07",
            {"'recently' (unresolved)": ["c"], "2025-11-07": ["b"], "2025-11-14": ["a"]},
        )
    ]


def test_explicit_date_consistent_with_relative_is_an_intersection() -> None:
    rs = [
        report("a", date=span("2025-11-03", "2025-11-09")),
        report("b", date=day("2025-11-07", explicit=True)),
    ]
    assert [r[1] for r in rows(rs)] == ["date.intersection"]


def test_only_unresolved_dates_give_no_date() -> None:
    brief = reconcile([report("a", date=DateFact(quote="recently"))])
    assert brief.date is None and brief.conflicts == []


ANCHORED = " (read against the other reports' publication dates)"


@pytest.mark.parametrize(
    ("published", "quote", "expected"),
    [
        ("2025-04-18", "April 17", "2025-04-17"),
        ("2026-01-02", "December 30", "2025-12-30"),  # the year that puts it before
    ],
)
def test_undated_day_and_month_take_the_year_from_the_other_reports(
    published: str, quote: str, expected: str
) -> None:
    rs = [
        report("a", published, date=day(expected, quote="Thursday")),
        report("b", date=DateFact(quote=quote, explicit=True)),
    ]
    brief = reconcile(rs)
    assert brief.date and brief.date.start.isoformat() == expected
    assert brief.date.undated_anchor == ["b"]
    assert [e.article_id for e in brief.date.evidence] == ["a", "b"]
    assert rows(rs) == [
        ("date", "date.undated_anchor", expected, {expected: ["a"], expected + ANCHORED: ["b"]})
    ]
    note = f"b: date {quote!r} read against the other reports' publication dates"
    assert note + " (date.undated_anchor)" in brief.warnings


def test_with_no_publication_date_a_day_and_month_take_the_year_of_the_date_lines() -> None:
    line = span("2020-03-01", "2020-03-31", "month", quote="2020-03")
    rs = [
        report("a", date=line.model_copy(update={"date_line": True})),
        report("b", date=DateFact(quote="lundi 23 mars", explicit=True)),
        report("c", date=DateFact(quote="mercredi")),  # a weekday: no day to count from
    ]
    brief = reconcile(rs)
    assert brief.date and (brief.date.start, brief.date.end) == (date(2020, 3, 23),) * 2
    assert brief.date.undated_anchor == ["b"]
    rs[0] = report("a", date=DateFact(quote="recently"))  # no date line: nothing to read by
    assert reconcile(rs).date is None


def test_an_anchored_day_and_month_is_explicit() -> None:
    rs = [
        report("a", "2025-04-18", date=day("2025-04-18", quote="today")),
        report("b", date=DateFact(quote="April 17", explicit=True)),
    ]
    assert [r[1:3] for r in rows(rs)] == [("date.explicit_over_relative", "2025-04-17")]


def test_undated_weekday_counts_back_from_the_earliest_report() -> None:
    """Friday 7 June and Thursday 13 June 2024 publish; an undated "Wednesday" is 5 June,
    which also makes a dated source's "June 2024" finer."""
    june = span("2024-06-01", "2024-06-30", "month", quote="June 2024")
    rs = [
        report("a", "2024-06-07", date=june.model_copy(update={"explicit": True})),
        report("b", "2024-06-13"),
        report("c", date=DateFact(quote="on Wednesday")),
    ]
    brief = reconcile(rs)
    assert brief.date and (brief.date.start, brief.date.end) == (date(2024, 6, 5),) * 2
    assert brief.date.undated_anchor == ["c"]
    assert rows(rs) == [
        (
            "date",
            "date.relative_refines",
            "2024-06-05",
            {"2024-06": ["a"], "2024-06-05" + ANCHORED: ["c"]},
        )
    ]


@pytest.mark.parametrize("quote", ["yesterday", "March 3"])  # its own day; a background date
def test_undated_date_stays_unresolved_when_others_cannot_place_it(quote: str) -> None:
    rs = [
        report("a", "2024-06-07", date=day("2024-06-06")),
        report("b", date=DateFact(quote=quote)),
    ]
    brief = reconcile(rs)
    assert brief.date and brief.date.undated_anchor == []
    assert rows(rs)[0][3] == {"2024-06-06": ["a"], f"{quote!r} (unresolved)": ["b"]}


@pytest.mark.parametrize(
    ("relative", "rule", "chosen"),
    [
        (("2024-06-01", "2024-06-01"), "date.relative_refines", "2024-06-01"),  # first day
        (("2024-06-30", "2024-06-30"), "date.relative_refines", "2024-06-30"),  # last day
        # a week across the month's start or end is not inside it: the month stands
        (("2024-05-27", "2024-06-02"), "date.intersection", "2024-06"),
        (("2024-06-28", "2024-07-04"), "date.intersection", "2024-06"),
    ],
)
def test_a_relative_date_inside_an_explicit_one_makes_it_finer(
    relative: tuple[str, str], rule: str, chosen: str
) -> None:
    june = span("2024-06-01", "2024-06-30", "month").model_copy(update={"explicit": True})
    rs = [report("a", date=june), report("b", date=span(*relative))]
    assert [r[1:3] for r in rows(rs)] == [(rule, chosen)]


def test_a_date_line_only_bounds_the_day_another_report_gives() -> None:
    line = day("2024-01-04").model_copy(update={"date_line": True})
    rs = [report("a", date=line), report("b", date=line), report("c", date=day("2024-01-03"))]
    assert [r[1:3] for r in rows(rs)] == [("date.line_bounds", "2024-01-03")]
    when = reconcile(rs).date
    assert when is not None and [e.article_id for e in when.evidence] == ["c"]
    # a day more than a week before the line, or after it, is no refinement: the lines vote
    for other in ("2023-12-27", "2024-01-05"):
        rs[2] = report("c", date=day(other))
        assert [r[1:3] for r in rows(rs)] == [("date.majority", "2024-01-04")]
    rs[2] = report("c", date=day("2023-12-28"))  # seven days before: in the week up to it
    assert [r[1:3] for r in rows(rs)] == [("date.line_bounds", "2023-12-28")]
    rs[2] = report("c", date=day("2024-01-04"))  # the line's own day
    rs.append(report("d", date=DateFact(quote="un jour", value=None)))  # so there is a conflict
    assert [r[1:3] for r in rows(rs)] == [("date.line_bounds", "2024-01-04")]


def test_without_explicit_dates_relative_ones_break_no_tie() -> None:
    rs = [
        report("a", date=day("2025-11-01").model_copy(update={"date_line": True})),
        report("b", date=span("2025-11-03", "2025-11-09")),
        report("c", date=span("2025-11-06", "2025-11-12")),
    ]
    assert [r[1:3] for r in rows(rs)] == [("date.precision", "2025-11-01")]


def test_disjoint_explicit_dates_go_to_the_one_relative_dates_back() -> None:
    rs = [
        report("a", "2025-04-20", date=day("2025-04-20", explicit=True)),
        report("b", "2025-04-23", date=day("2025-04-17", explicit=True)),
    ]
    assert [r[1:3] for r in rows(rs)] == [("date.earliest_report", "2025-04-20")]
    rs.append(report("c", "2025-04-18", date=day("2025-04-17", quote="jeudi")))
    assert [r[1:3] for r in rows(rs)] == [("date.relative_support", "2025-04-17")]


# ---- places ----------------------------------------------------------------------------
def test_place_majority() -> None:
    rs = [
        report("a", location=place("Goundam")),
        report("b", location=place("Soumpi")),
        report("c", location=place("Soumpi")),
    ]
    assert reconcile(rs).location.name == "Soumpi"  # type: ignore[union-attr]
    assert rows(rs) == [
        ("location", "place.majority", "Soumpi", {"Goundam": ["a"], "Soumpi": ["b", "c"]})
    ]


@pytest.mark.parametrize(
    ("pub_a", "pub_b", "winner"),
    [
        ("2025-11-08", "2025-11-09", "Goundam"),
        ("2025-11-09", "2025-11-08", "Soumpi"),
        (None, "2025-11-09", "Soumpi"),  # an undated report comes after every dated one
    ],
)
def test_place_tie_goes_to_the_earliest_report(
    pub_a: str | None, pub_b: str | None, winner: str
) -> None:
    rs = [
        report("a", pub_a, country=place("Mali"), admin1=place("Tombouctou")),
        report("b", pub_b, country=place("Mali"), admin1=place("Tombouctou")),
    ]
    rs[0] = rs[0].model_copy(update={"location": place("Goundam")})
    rs[1] = rs[1].model_copy(update={"location": place("Soumpi")})
    brief = reconcile(rs)
    assert brief.location and brief.location.name == winner
    assert rows(rs) == [
        (
            "location",
            "place.earliest_report",
            winner,
            {"Goundam": ["a"], "Soumpi": ["b"]},
        )
    ]


def test_place_tie_between_undated_reports_goes_by_article_id() -> None:
    rs = [report("b", location=place("Goundam")), report("a", location=place("Soumpi"))]
    assert reconcile(rs).location.name == "Soumpi"  # type: ignore[union-attr]


def test_same_place_spelled_differently_is_one_vote_shown_by_its_first_name() -> None:
    rs = [
        report("a", location=place("Pont-Sondé")),
        report("b", location=place("Pont Sonde")),
        report("c", location=place("Saint-Marc")),
    ]
    assert rows(rs) == [
        (
            "location",
            "place.majority",
            "Pont-Sondé",
            {"Pont-Sondé": ["a", "b"], "Saint-Marc": ["c"]},
        )
    ]


def test_places_with_one_geonames_id_or_code_are_one_place() -> None:
    rs = [
        report("a", location=place("Tombouctou", geonameid=2449067)),
        report("b", location=place("Timbuktu", geonameid=2449067)),
        report("c", location=place("Goundam")),
    ]
    assert [r[1:3] for r in rows(rs)] == [("place.majority", "Tombouctou")]
    rs = [
        report("a", country=place("Mali", code="ML")),
        report("b", country=place("Republic of Mali", code="ML")),
        report("c", country=place("Niger", code="NE")),
    ]
    assert [r[1:3] for r in rows(rs)] == [("place.majority", "Mali")]


def test_an_unlocated_name_joins_the_place_another_source_located() -> None:
    rs = [
        report("a", location=place("Timbuktu", quote="Tombouctou", geonameid=123)),
        report("b", location=place("Tombouctou")),
        report("c", location=place("Timbuktu city")),
        report("d", location=place("Goundam")),
        report("e", location=place("Goundam")),
    ]
    brief = reconcile(rs)
    # "Tombouctou" by the located source's quote, "Timbuktu city" by its name: 3 to 2
    assert brief.location and (brief.location.name, brief.location.geonameid) == ("Timbuktu", 123)
    assert [e.article_id for e in brief.location.evidence] == ["a", "b", "c"]
    assert rows(rs) == [
        (
            "location",
            "place.majority",
            "Timbuktu",
            {"Goundam": ["d", "e"], "Timbuktu": ["a", "b", "c"]},
        )
    ]


@pytest.mark.parametrize("field", ["admin1", "location"])
def test_a_source_naming_no_place_is_vaguer(field: str) -> None:
    rs = [report("a", **{field: place("Soumpi")}), report("b")]
    assert rows(rs) == [
        (field, "place.most_precise", "Soumpi", {"(no place given)": ["b"], "Soumpi": ["a"]})
    ]


def test_a_source_naming_no_country_is_not_a_conflict() -> None:
    assert rows([report("a", country=place("Mali")), report("b")]) == []


def test_the_point_is_the_most_precise_any_supporting_source_gives() -> None:
    rs = [
        report("a", location=place("Soumpi", lat=1.0, lon=1.0, precision=3, inferred=True)),
        report(
            "b",
            location=place(
                "Soumpi", geonameid=7, lat=2.0, lon=3.0, precision=1, code="X1", inferred=True
            ),
        ),
        report("c", location=place("Soumpi", lat=4.0, lon=4.0, precision=2)),
        report("d", location=place("Soumpi")),  # no point: never preferred
    ]
    loc = reconcile(rs).location
    assert loc is not None
    assert (loc.geonameid, loc.lat, loc.lon, loc.precision, loc.code) == (7, 2.0, 3.0, 1, "X1")
    assert loc.inferred is False  # one source wrote it


def test_a_place_every_source_inferred_is_inferred_and_keeps_its_code() -> None:
    rs = [
        report("a", admin1=place("Sahel", geonameid=5, code="BF-12", inferred=True)),
        report("b", admin1=place("Sahel", geonameid=5, inferred=True, lat=1.0, precision=3)),
    ]
    a1 = reconcile(rs).admin1
    assert a1 is not None  # b's point, a's code (b gives none)
    assert (a1.inferred, a1.code, a1.precision, a1.lat) == (True, "BF-12", 3, 1.0)
    rs[1] = report("b", admin1=place("Sahel", geonameid=5, code="BF-13", precision=3))
    a1 = reconcile(rs).admin1
    assert a1 is not None and (a1.inferred, a1.code) == (False, "BF-13")


def test_a_located_point_beats_an_unlocated_one_of_equal_precision() -> None:
    rs = [
        report("a", location=place("Soumpi", precision=1, lat=5.0, lon=5.0)),
        report("b", location=place("Soumpi", precision=1, geonameid=9, lat=6.0, lon=6.0)),
    ]
    loc = reconcile(rs).location
    assert loc is not None and (loc.geonameid, loc.lat) == (9, 6.0)


# ---- actors ----------------------------------------------------------------------------
def actor(name: str, **kw: object) -> ActorFact:
    kw.setdefault("quote", name)
    return ActorFact(name=name, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        ("claimed", "stated", "claimed"),
        ("stated", "claimed", "claimed"),
        ("stated", "suspected", "stated"),
        ("suspected", "stated", "stated"),
        ("suspected", "suspected", "suspected"),
        ("suspected", "claimed", "claimed"),
    ],
)
def test_attribution_is_the_firmest_any_source_gives(a: str, b: str, merged: str) -> None:
    rs = [
        report("a", perpetrators=[actor("Ansaroul Islam", attribution=a)]),
        report("b", perpetrators=[actor("Ansaroul Islam", attribution=b)]),
    ]
    [who] = reconcile(rs).perpetrators
    assert who.attribution == merged


def test_distinct_groups_conflict_lists_each_groups_sources() -> None:
    rs = [
        report("a", perpetrators=[actor("Ansaroul Islam")]),
        report("b", perpetrators=[actor("Ansaroul Islam")]),
        report("c", perpetrators=[actor("Katiba Macina")]),
    ]
    brief = reconcile(rs)
    assert [p.name for p in brief.perpetrators] == ["Ansaroul Islam", "Katiba Macina"]
    assert rows(rs) == [
        (
            "perpetrators",
            "actors.distinct_groups",
            "Ansaroul Islam; Katiba Macina",
            {"Ansaroul Islam": ["a", "b"], "Katiba Macina": ["c"]},
        )
    ]


def test_two_groups_named_by_the_same_sources_are_not_distinct_groups() -> None:
    both = [actor("Ansaroul Islam"), actor("Katiba Macina")]
    assert rows([report("a", perpetrators=both), report("b", perpetrators=both)]) == []


def test_named_over_generic() -> None:
    rs = [
        report("a", perpetrators=[actor("Ansaroul Islam", category="group")]),
        report("b", perpetrators=[actor("gunmen", category="unidentified")]),
    ]
    brief = reconcile(rs)
    [who] = brief.perpetrators
    assert who.name == "Ansaroul Islam"
    assert [e.article_id for e in who.evidence] == ["a", "b"]
    assert rows(rs) == [
        (
            "perpetrators",
            "actors.named_over_generic",
            "Ansaroul Islam",
            {"Ansaroul Islam": ["a"], "unnamed attackers": ["b"]},
        )
    ]


def test_only_unnamed_attackers_is_no_named_over_generic() -> None:
    rs = [
        report("a", perpetrators=[actor("gunmen", category="unidentified")]),
        report("b", perpetrators=[actor("gunmen", category="unidentified")]),
    ]
    assert rows(rs) == []


def test_most_precise_perpetrator() -> None:
    rs = [report("a", perpetrators=[actor("Ansaroul Islam")]), report("b")]
    assert rows(rs) == [
        (
            "perpetrators",
            "actors.most_precise",
            "Ansaroul Islam",
            {"(no perpetrator given)": ["b"], "Ansaroul Islam": ["a"]},
        )
    ]


def test_targets_raise_no_conflict_and_actors_sort_by_support() -> None:
    rs = [
        report("a", targets=[actor("Zeta villagers"), actor("Alpha traders")]),
        report("b", targets=[actor("Zeta villagers")]),
        report("c", targets=[actor("Beta herders")]),
    ]
    brief = reconcile(rs)
    assert [t.name for t in brief.targets] == ["Zeta villagers", "Alpha traders", "Beta herders"]
    assert rows(rs) == []


def test_merged_actor_name_aliases_and_evidence() -> None:
    rs = [
        report("a", perpetrators=[actor("JNIM", quote="JNIM fighters")]),
        report("b", perpetrators=[actor("Jama'at Nusrat al-Islam wal-Muslimin", quote="x")]),
    ]
    [who] = reconcile(rs).perpetrators
    assert who.name == "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"
    assert who.aliases == ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"]
    assert [(e.article_id, e.quote) for e in who.evidence] == [("a", "JNIM fighters"), ("b", "x")]


def test_a_known_identity_keeps_the_dictionary_name() -> None:
    rs = [report("a", perpetrators=[actor("the JNIM group", identity="jnim", category="group")])]
    [who] = reconcile(rs).perpetrators
    assert (who.name, who.identity, who.category) == ("the JNIM group", "jnim", "group")


def test_actors_without_a_country_are_identified_in_the_incidents() -> None:
    rs = [
        report(
            "a",
            country=place("Mali", code="ML"),
            targets=[actor("Civilians (Mali)", quote="villagers", identity="civilians:ML")],
        ),
        report("b", targets=[actor("Civilians", quote="villagers", identity="civilians")]),
    ]
    names = [t.name for t in reconcile(rs).targets]
    assert names == ["Civilians (Mali)"]


def test_a_source_that_located_its_own_country_keeps_its_identities() -> None:
    rs = [
        report(
            "a",
            country=place("Mali", code="ML"),
            targets=[actor("Civilians (Niger)", quote="villagers", identity="civilians:NE")],
        ),
    ]
    assert [t.name for t in reconcile(rs).targets] == ["Civilians (Niger)"]


# ---- casualties ------------------------------------------------------------------------
def killed_rows(rs: list[ArticleReport]) -> list[Row]:
    return rows(rs, "killed")


def test_most_conservative_with_its_labels() -> None:
    rs = [
        report("a", killed=count(21, None, figure=20)),
        report("b", killed=count(20, 20)),
        report("c", killed=count(18, 25, approximate=True)),
        report("d", killed=count(None, 30)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high, k.approximate) == (18, 18, 30, True)
    labels = {
        "21 or more": ["a"],
        "20": ["b"],
        "about 18 to 25": ["c"],
        "at most 30": ["d"],
    }
    assert killed_rows(rs) == [
        ("killed", "casualties.most_conservative", "18", labels),
        ("killed", "casualties.highest_reported", "30", labels),
    ]


def test_a_vague_plural_is_a_floor_another_figure_stands_over() -> None:
    rs = [
        report("a", kidnapped=count(12, None, approximate=True, figure=12)),  # "dozens"
        report("b", kidnapped=count(313, None, figure=313)),
        report("c", kidnapped=count(287, 287)),
    ]
    k = reconcile(rs).kidnapped
    assert k and (k.low, k.best, k.high, k.approximate) == (12, 287, 313, False)
    labels = {"about 12 or more": ["a"], "313 or more": ["b"], "287": ["c"]}
    assert rows(rs, "kidnapped") == [
        ("kidnapped", "casualties.vague_bound", "287", labels),
        ("kidnapped", "casualties.most_conservative", "287", labels),
        ("kidnapped", "casualties.highest_reported", "313", labels),
    ]


def test_a_vague_plural_alone_or_above_the_figure_is_no_vague_bound() -> None:
    rs = [
        report("a", killed=count(100, None, approximate=True, figure=100)),  # "hundreds"
        report("b", killed=count(40, 40)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (40, 40, 100)
    assert [r[1] for r in rows(rs, "killed")] == [
        "casualties.most_conservative", "casualties.highest_reported"
    ]  # fmt: skip
    vague = [
        report("a", killed=count(12, None, approximate=True)),
        report("b", killed=count(100, None, approximate=True)),
    ]
    k = reconcile(vague).killed
    assert k and (k.best, k.approximate) == (12, True)
    assert [r[1] for r in rows(vague, "killed")] == [
        "casualties.most_conservative", "casualties.highest_reported"
    ]  # fmt: skip


def test_agreeing_figures_raise_no_conflict() -> None:
    rs = [report("a", killed=count(12, 12)), report("b", killed=count(12, 12))]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (12, 12, None)
    assert killed_rows(rs) == []


def test_best_ties_go_to_the_earliest_report_and_its_qualifiers() -> None:
    rs = [
        report("a", "2025-11-09", killed=count(12, 12)),
        report("b", "2025-11-08", killed=count(12, 15, approximate=True)),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.high, k.approximate) == (12, 15, True)


def test_an_open_bound_without_figure_is_its_own_highest() -> None:
    rs = [report("a", killed=count(21, None)), report("b", killed=count(21, None))]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (21, None)


def test_a_higher_figure_published_the_same_day_replaces_nothing() -> None:
    rs = [
        report("a", "2025-11-08", killed=count(12, 12)),
        report("b", "2025-11-08", killed=count(20, 20)),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (12, 20)
    assert [r[1] for r in killed_rows(rs)] == [
        "casualties.most_conservative",
        "casualties.highest_reported",
    ]


def test_later_supersedes_earlier_and_undated() -> None:
    rs = [
        report("a", "2025-11-08", killed=count(12, 12)),
        report("b", "2025-11-09", killed=count(25, 25)),
        report("c", killed=count(5, 5)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (5, 25, None)
    assert killed_rows(rs) == [
        ("killed", "casualties.later_supersedes", "25", {"12": ["a"], "25": ["b"], "5": ["c"]})
    ]


def test_one_publication_day_does_not_replace_undated_figures() -> None:
    rs = [report("a", "2025-11-08", killed=count(25, 25)), report("c", killed=count(5, 5))]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (5, 25)
    assert "casualties.later_supersedes" not in [r[1] for r in killed_rows(rs)]


def test_an_earlier_day_does_not_replace_undated_figures() -> None:
    rs = [
        report("a", "2025-11-08", killed=count(25, 25)),
        report("b", "2025-11-09", killed=count(30, 30)),
        report("c", killed=count(27, 27)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (25, 30, None)
    rs[1] = report("b", "2025-11-09", killed=count(26, 26))
    k = reconcile(rs).killed  # 26 replaces 25 but not the undated 27 (higher)
    assert k and (k.best, k.high) == (26, 27)


def test_revision_supersedes_lower_figures_and_cited_revisions() -> None:
    rs = [
        report("a", killed=count(40, 40, revision=True)),
        report("b", killed=count(45, 45, revision=True, earlier=[40])),
        report("c", killed=count(10, 10)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (10, 45, None)
    assert killed_rows(rs) == [
        (
            "killed",
            "casualties.revision_supersedes",
            "45",
            {"10": ["c"], "40": ["a"], "45": ["b"]},
        )
    ]


def test_a_correction_downward_replaces_the_higher_figures_and_leaves_no_high() -> None:
    """ "Revised down to 84" (double counting): the 103 it corrects is no credible high, even
    when a report gave it as a rise; a lower figure that rise replaced stays replaced."""
    rs = [
        report("a", killed=count(103, 103, revision=True)),
        report("b", killed=count(103, 103)),
        report("c", "2024-01-04", killed=count(84, 84, lowered=True)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high, k.revised_from) == (84, 84, None, None)
    assert killed_rows(rs) == [
        ("killed", "casualties.revised_down", "84", {"103": ["a", "b"], "84": ["c"]})
    ]
    rs.append(report("d", killed=count(80, 80)))
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (80, 84, None)
    # a lowered figure against a lowered one: neither corrects the other
    rs = [report("a", killed=count(90, 90, lowered=True)), rs[2]]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (84, 90)


def test_a_correction_replaces_a_higher_figure_of_its_own_day_not_an_equal_one() -> None:
    rs = [
        report("a", "2024-01-04", killed=count(84, 84, lowered=True)),
        report("b", "2024-01-04", killed=count(103, 103)),
    ]
    assert [r[1] for r in killed_rows(rs)] == ["casualties.revised_down"]
    rs[1] = report("b", "2024-01-04", killed=count(84, 84))
    assert killed_rows(rs) == []


def test_a_later_higher_figure_still_replaces_a_correction() -> None:
    rs = [
        report("a", "2024-01-04", killed=count(84, 84, lowered=True)),
        report("b", "2024-01-06", killed=count(95, 95, revision=True)),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (95, None)
    assert [r[1] for r in killed_rows(rs)] == ["casualties.later_supersedes"]


def test_a_revision_citing_exactly_the_other_revisions_figure_replaces_it() -> None:
    rs = [
        report("a", killed=count(40, 40, revision=True)),
        report("b", killed=count(45, 45, revision=True, earlier=[39])),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (40, 45)  # 39 is not 40: both stand
    rs[1] = report("b", killed=count(45, 45, revision=True, earlier=[41]))
    k = reconcile(rs).killed  # an earlier figure of at least 40 covers it
    assert k and (k.best, k.high) == (45, None)


def test_an_equal_figure_replaces_nothing() -> None:
    rs = [
        report("a", "2025-11-08", killed=count(20, 20)),
        report("b", "2025-11-09", killed=count(20, 20, revision=True)),
    ]
    assert killed_rows(rs) == []


def test_split_sum_conflict_shows_the_parts() -> None:
    rs = [
        report("a", killed=count(20, 20, parts=[17, 3])),
        report("b", killed=count(25, 25)),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.parts) == (20, [17, 3])
    assert ("killed", "casualties.split_sum", "20", {"17 + 3": ["a"]}) in killed_rows(rs)


def test_attacker_claim_is_apart_from_the_toll() -> None:
    rs = [
        report("a", killed=count(12, 12)),
        report("b", killed=count(50, 50, claimed=True)),
        report("c", killed=count(40, None, claimed=True, figure=40)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high, k.claimed) == (12, 12, None, 50)
    assert [e.article_id for e in k.evidence] == ["a"]
    assert [e.article_id for e in k.claim_evidence] == ["b", "c"]
    assert killed_rows(rs) == [
        (
            "killed",
            "casualties.attacker_claim",
            "12",
            {
                "claimed by the attackers: 40 or more": ["c"],
                "claimed by the attackers: 50": ["b"],
            },
        )
    ]
    assert "The attackers claim 50 killed." in reconcile(rs).headline


def test_only_a_claim_gives_no_toll() -> None:
    rs = [report("a", killed=count(50, 50, claimed=True, quote="we killed 50"))]
    k = reconcile(rs).killed
    assert k and (k.best, k.low, k.claimed) == (None, None, 50)
    assert [(e.article_id, e.quote) for e in k.claim_evidence] == [("a", "we killed 50")]
    assert killed_rows(rs) == [
        ("killed", "casualties.attacker_claim", None, {"claimed by the attackers: 50": ["a"]})
    ]


def test_a_count_with_no_bound_is_ignored() -> None:
    rs = [report("a", killed=count(None, None)), report("b", injured=count(3, 3))]
    brief = reconcile(rs)
    assert brief.killed is None and brief.injured and brief.injured.best == 3


# ---- title, headline, brief ------------------------------------------------------------
def test_title_and_headline_from_the_reconciled_facts() -> None:
    rs = [
        report(
            "a",
            event_type="explosion_remote_violence",
            date=day("2025-11-07"),
            country=place("Mali"),
            admin1=place("Tombouctou"),
            location=place("Goundam"),
            perpetrators=[actor("Ansaroul Islam", attribution="suspected")],
            targets=[actor("Villagers")],
            killed=count(12, 15),
            injured=count(3, 3, approximate=True),
        )
    ]
    brief = reconcile(rs)
    assert (
        brief.title == "Explosion/remote violence in Goundam, Mali: at least 12 (up to 15) killed"
    )
    assert brief.headline == (
        "Explosion/remote violence in Goundam, Tombouctou, Mali on 2025-11-07: "
        "at least 12 (up to 15) killed, about 3 injured. "
        "Perpetrators: Ansaroul Islam (suspected). Targets: Villagers."
    )


def test_title_for_a_country_only_and_no_event_type() -> None:
    brief = reconcile([report("a", event_type=None, country=place("Mali"))])
    assert brief.title == "Incident in Mali"
    assert brief.headline == "Incident in Mali."
    brief = reconcile([report("a", event_type="riot")])
    assert (brief.title, brief.headline) == ("Riot", "Riot.")


def test_title_names_the_region_when_no_location() -> None:
    brief = reconcile([report("a", admin1=place("Sahel"), country=place("Burkina Faso"))])
    assert brief.title == "Battle in Sahel, Burkina Faso"
    assert compose_title(brief) == brief.title
    assert compose_headline(brief) == "Battle in Sahel, Burkina Faso."


def test_stated_perpetrator_has_no_qualifier_and_claimed_has() -> None:
    brief = reconcile([report("a", perpetrators=[actor("Ansaroul Islam")])])
    assert brief.headline == "Battle. Perpetrators: Ansaroul Islam."
    brief = reconcile([report("a", perpetrators=[actor("Ansaroul Islam", attribution="claimed")])])
    assert brief.headline == "Battle. Perpetrators: Ansaroul Islam (claimed)."


def test_no_incident_brief_keeps_sources_summaries_and_warnings() -> None:
    rs = [
        report("b", is_incident=False, title="T", summary=None, warnings=["odd"]),
        report("a", is_incident=False, killed=count(3, 3)),
    ]
    brief = reconcile(rs, model="m", prompt_version="p1")
    assert (brief.title, brief.headline) == ("No incident reported", "No incident reported.")
    assert brief.killed is None and brief.event_type is None
    assert [s.id for s in brief.sources] == ["a", "b"]
    assert [(s.article_id, s.title) for s in brief.summaries] == [("b", "T")]
    assert brief.warnings == ["b: odd", "no article reports an incident"]
    assert (brief.model, brief.prompt_version) == ("m", "p1")
    assert brief.id.startswith("inc-") and len(brief.id) == 16


def test_non_incident_reports_are_left_out_of_the_facts() -> None:
    rs = [
        report("a", killed=count(3, 3), summary="S"),
        report("b", is_incident=False, killed=count(9, 9), event_type="riot"),
    ]
    brief = reconcile(rs)
    assert brief.killed and brief.killed.best == 3 and brief.event_type == "battle"
    assert brief.warnings == []
    assert [(s.article_id, s.summary) for s in brief.summaries] == [("a", "S")]
    assert brief.id == reconcile(list(reversed(rs))).id
    assert brief.id != reconcile(rs[:1]).id


def test_a_revision_citing_no_earlier_figure_replaces_no_other_revision() -> None:
    rs = [
        report("a", killed=count(1, 1, revision=True)),
        report("b", killed=count(5, 5, revision=True)),
    ]
    k = reconcile(rs).killed
    assert k and (k.best, k.high) == (1, 5)


def test_figures_of_the_latest_day_do_not_replace_each_other() -> None:
    rs = [
        report("a", "2025-11-08", killed=count(3, 3)),
        report("b", "2025-11-09", killed=count(12, 12)),
        report("c", "2025-11-09", killed=count(20, 20)),
    ]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (3, 12, 20)


def test_an_unlocated_name_joins_the_lowest_id_among_namesakes() -> None:
    rs = [
        report("a", location=place("Kara", geonameid=1)),
        report("b", location=place("Kara", geonameid=0)),
        report("c", location=place("Kara")),
    ]
    loc = reconcile(rs).location
    assert loc and [e.article_id for e in loc.evidence] == ["b", "c"]


def test_disjoint_explicit_dates_are_settled_by_majority_not_explicitness() -> None:
    rs = [
        report("a", date=day("2025-11-06", explicit=True)),
        report("b", date=day("2025-11-07", explicit=True)),
        report("c", date=day("2025-11-07", explicit=True)),
    ]
    assert [r[1:3] for r in rows(rs)] == [("date.majority", "2025-11-07")]


def test_a_group_named_with_another_by_some_sources_is_no_distinct_group() -> None:
    rs = [
        report("a", perpetrators=[actor("Ansaroul Islam"), actor("Katiba Macina")]),
        report("b", perpetrators=[actor("Ansaroul Islam")]),
    ]
    assert [p.name for p in reconcile(rs).perpetrators] == ["Ansaroul Islam", "Katiba Macina"]
    assert rows(rs) == []


def test_a_known_identity_keeps_the_facts_name_over_the_wordings() -> None:
    full = "Jama'at Nusrat al-Islam wal-Muslimin"
    fact = actor("JNIM", identity="jnim", category="group", aliases=[full])
    [who] = reconcile([report("a", perpetrators=[fact])]).perpetrators
    assert who.name == "JNIM"  # not the fullest wording, as for an unknown group
    assert who.aliases == [full, "JNIM"]
    unknown = actor("ZB", aliases=["Zorglub Brigade"])
    [who] = reconcile([report("a", perpetrators=[unknown])]).perpetrators
    assert who.name == "Zorglub Brigade (ZB)"


def test_a_venue_target_without_a_country_is_identified_in_the_incidents() -> None:
    rs = [
        report("a", country=place("Mali", code="ML")),
        report("b", targets=[actor("Civilians", quote="a church", identity="civilians")]),
    ]
    assert [t.name for t in reconcile(rs).targets] == ["Civilians (Mali)"]


def test_headline_lists_every_claim_perpetrator_and_target() -> None:
    rs = [
        report(
            "a",
            perpetrators=[actor("Ansaroul Islam"), actor("Katiba Macina", attribution="claimed")],
            targets=[actor("Herders"), actor("Traders")],
            killed=count(12, 12),
        ),
        report("b", killed=count(50, 50, claimed=True), injured=count(9, 9, claimed=True)),
    ]
    brief = reconcile(rs)
    assert brief.headline == (
        "Battle: at least 12 killed. The attackers claim 50 killed, 9 injured. "
        "Perpetrators: Ansaroul Islam, Katiba Macina (claimed). Targets: Herders, Traders."
    )


def test_a_toll_of_zero_is_kept_as_zero() -> None:
    rs = [report("a", killed=count(0, 0)), report("b", killed=count(0, 0))]
    k = reconcile(rs).killed
    assert k and (k.low, k.best, k.high) == (0, 0, None)
    rs = [report("a", killed=count(3, 3)), report("b", killed=count(0, 0, claimed=True))]
    k = reconcile(rs).killed
    assert k and (k.best, k.claimed) == (3, 0)


def test_the_incident_id_is_a_stable_hash_of_the_article_ids() -> None:
    assert reconcile([report("b"), report("a")]).id == "inc-7e18f737311b"
