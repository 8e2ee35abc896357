"""Grouping reports into incidents: each case of issue 13 in both directions (what must
join, what must stay apart), complete linkage, order independence and the explanations."""

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.cluster import JOIN, affinity, cluster, group
from summarizer.schemas import (
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    DateValue,
    PlaceFact,
)

Actor = tuple[str, str | None, str | None]  # name, identity, category


def rep(
    aid: str,
    *,
    day: int | None = 7,
    country: str | None = "Mali",
    code: str | None = None,
    admin1: str | None = None,
    admin1_code: str | None = None,
    town: str | None = None,
    gid: int | None = None,
    at: tuple[float, float] | None = None,
    precision: int | None = None,
    perps: tuple[Actor, ...] = (),
    event: str = "battle",
    killed: tuple[int | None, int | None] | None = None,
    title: str | None = None,
) -> ArticleReport:
    when = None
    if day is not None:
        d = date(2025, 11, day)
        when = DateFact(quote="q", value=DateValue(start=d, end=d, precision="day"))
    return ArticleReport.model_validate(
        {
            "article": ArticleRef(id=aid),
            "event_type": event,
            "date": when,
            "country": PlaceFact(name=country, quote=country, code=code) if country else None,
            "admin1": PlaceFact(name=admin1, quote=admin1, code=admin1_code) if admin1 else None,
            "location": PlaceFact(
                name=town,
                quote=town,
                geonameid=gid,
                lat=at[0] if at else None,
                lon=at[1] if at else None,
                precision=precision,
            )
            if town
            else None,
            "perpetrators": [
                {"name": n, "quote": n, "identity": i, "category": c} for n, i, c in perps
            ],
            "killed": CountFact(quote="q", min=killed[0], max=killed[1]) if killed else None,
            "title": title,
        }
    )


def ids(groups: list[list[ArticleReport]]) -> list[list[str]]:
    return sorted(sorted(r.article.id for r in g) for g in groups)


ADF = ("Allied Democratic Forces", "adf", "group")
JNIM = ("JNIM", "jnim", "group")
ISSP = ("Islamic State Sahel", "issp", "group")
GUNMEN_NG = ("gunmen", "unidentified:NG", "unidentified")


# 1. Two reports of one bombing with different tolls: a later, higher toll joins.
def test_one_bombing_with_rising_toll_joins() -> None:
    first = rep(
        "a",
        country="DR Congo",
        code="CD",
        town="Kasindi",
        perps=(ADF,),
        event="explosion_remote_violence",
        killed=(5, None),
    )
    later = rep(
        "b",
        country="DR Congo",
        code="CD",
        town="Kasindi",
        perps=(ADF,),
        event="explosion_remote_violence",
        killed=(17, 17),
    )
    assert affinity(first, later) == 3 + 2 + 2 + 1 + 1  # place, day, group, type, tolls
    assert ids(cluster([first, later])) == [["a", "b"]]


def test_two_bombings_far_apart_stay_apart_whatever_the_tolls() -> None:
    a = rep("a", town="Gao", at=(16.27, -0.04), perps=(JNIM,), killed=(12, 12))
    b = rep("b", town="Mopti", at=(14.49, -4.20), perps=(JNIM,), killed=(12, 12))
    assert affinity(a, b) is None  # about 490 km apart
    assert ids(cluster([a, b])) == [["a"], ["b"]]


# 2. A village named with and without "village".
def test_village_named_with_and_without_the_word_joins() -> None:
    a = rep("a", day=None, town="Koro", perps=(JNIM,))
    b = rep("b", day=None, town="village of Koro", perps=(JNIM,))
    c = rep("c", day=None, town="Koro village", perps=(JNIM,))
    assert ids(cluster([a, b, c])) == [["a", "b", "c"]]


def test_two_villages_of_one_region_with_a_generic_attacker_stay_apart() -> None:
    gunmen = ("gunmen", "unidentified:ML", "unidentified")
    a = rep("a", admin1="Mopti", town="Koro village", perps=(gunmen,))
    b = rep("b", admin1="Mopti", town="Dinangourou village", perps=(gunmen,))
    assert affinity(a, b) == -2 + 2 + 0 + 1  # two places of one region, same day, type
    assert ids(cluster([a, b])) == [["a"], ["b"]]


# 3. One town in two transliterations.
def test_one_town_in_two_transliterations_joins() -> None:
    sumy = rep("a", country="Ukraine", town="Sumy", event="explosion_remote_violence")
    sumi = rep("b", country="Ucrania", code="UA", town="Sumi", event="explosion_remote_violence")
    assert ids(cluster([sumy, sumi])) == [["a", "b"]]
    # The gazetteer knows two spellings that look nothing alike are one place.
    x = rep("x", country="Sudan", town="Wad al-Noura", gid=365000, day=None, event="riot")
    y = rep("y", country="Sudan", town="Wad Ennoura", gid=365000, day=None, event="riot")
    assert affinity(x, y) == 3 + 1
    assert ids(cluster([x, y])) == [["x", "y"]]


def test_two_towns_with_different_gazetteer_ids_and_coordinates_stay_apart() -> None:
    a = rep("a", country="Ukraine", town="Sumy", gid=692194, at=(50.92, 34.80))
    b = rep("b", country="Ukraine", town="Sumy", gid=1, at=(48.0, 37.8))  # a namesake
    assert affinity(a, b) is None
    assert ids(cluster([a, b])) == [["a"], ["b"]]


# 4. A base attack named by its village in one report and its district or region in another.
def test_village_and_its_district_or_region_join() -> None:
    kp = {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "admin1_code": "PK-KP"}
    village = rep("a", town="Daraban", perps=(("TJP", "tjp", "group"),), **kp)
    district = rep("b", town="Dera Ismail Khan district", **kp)
    region = rep("c", country="Pakistan", town="Khyber Pakhtunkhwa")
    assert ids(cluster([village, district, region])) == [["a", "b", "c"]]


def test_a_village_and_another_region_stay_apart() -> None:
    village = rep(
        "a", country="Pakistan", admin1="Khyber Pakhtunkhwa", admin1_code="PK-KP", town="Daraban"
    )
    other = rep(
        "b", country="Pakistan", admin1="Balochistan", admin1_code="PK-BA", town="Turbat district"
    )
    assert affinity(village, other) is None
    assert ids(cluster([village, other])) == [["a"], ["b"]]


# 5. No publication dates: join on the other facts.
def test_reports_without_dates_join_on_other_facts() -> None:
    a = rep("a", day=None, town="Tin-Akoff", perps=(ISSP,), killed=(14, 14))
    b = rep("b", day=None, town="Tin Akoff", perps=(ISSP,), killed=(14, 14))
    assert affinity(a, b) == 3 + 2 + 1 + 2
    assert ids(cluster([a, b])) == [["a", "b"]]


def test_undated_reports_of_different_named_groups_stay_apart() -> None:
    a = rep("a", day=None, town="Tin-Akoff", perps=(ISSP,), killed=(14, 14))
    b = rep("b", day=None, town="Tin-Akoff", perps=(JNIM,), killed=(14, 14))
    assert affinity(a, b) is None
    assert ids(cluster([a, b])) == [["a"], ["b"]]


# 6. Two incidents sharing a country, a day and a generic attacker, in different places.
def test_two_incidents_sharing_country_day_and_generic_attacker_stay_apart() -> None:
    ng = {
        "country": "Nigeria",
        "code": "NG",
        "perps": (GUNMEN_NG,),
        "event": "violence_against_civilians",
    }
    day = [
        rep("a1", town="Kwashabe", admin1="Borno", killed=(9, 9), **ng),
        rep("a2", town="Kwashabe village", admin1="Borno", killed=(11, None), **ng),
        rep("b1", town="Mafa", admin1="Borno", killed=(9, 9), **ng),
        rep("b2", town="Mafa", killed=(9, None), **ng),
        rep("c1", town="Gusau", at=(12.17, 6.66), killed=(9, 9), **ng),
        rep("c2", town="Gusau", at=(12.16, 6.67), killed=(9, 9), **ng),  # another geocoding
        rep("d1", town="Tsafe", at=(11.96, 6.92), killed=(9, 9), **ng),  # 37 km away
    ]
    assert ids(cluster(day)) == [["a1", "a2"], ["b1", "b2"], ["c1", "c2"], ["d1"]]
    assert affinity(day[4], day[6]) == -2 + 2 + 0 + 1 + 2  # different places, day, type, toll


def test_a_village_and_the_town_nearby_join_on_agreeing_facts() -> None:
    village = rep("a", town="Kabasa", at=(12.10, 6.60), perps=(JNIM,), killed=(9, 9))
    town = rep("b", town="Gusau", at=(12.17, 6.66), perps=(JNIM,), killed=(9, 9))
    assert affinity(village, town) == 0 + 2 + 2 + 1 + 2  # 10 km: neighbouring places
    assert ids(cluster([village, town])) == [["a", "b"]]


def test_generic_attacker_is_compatible_with_a_named_group() -> None:
    named = rep("a", town="Soumpi", perps=(JNIM,))
    generic = rep("b", town="Soumpi", perps=(("armed men", "unidentified:ML", "unidentified"),))
    assert affinity(named, generic) == 3 + 2 + 0 + 1


# 7. Two different named groups.
def test_two_different_named_groups_stay_apart() -> None:
    a = rep("a", town="Menaka", perps=(JNIM,), killed=(20, 20))
    b = rep("b", town="Menaka", perps=(ISSP,), killed=(20, 20))
    assert affinity(a, b) is None
    assert ids(cluster([a, b])) == [["a"], ["b"]]


def test_groups_one_report_names_together_are_not_different() -> None:
    a = rep("a", town="Kasindi", perps=(ADF,), event="explosion_remote_violence")
    b = rep(
        "b",
        town="Kasindi",
        perps=(("Islamic State", "islamic_state", "group"),),
        event="explosion_remote_violence",
    )
    both = rep(
        "c",
        town="Kasindi",
        perps=(ADF, ("ISIL", "islamic_state", "group")),
        event="explosion_remote_violence",
    )
    assert ids(cluster([a, b])) == [["a"], ["b"]]
    assert ids(cluster([a, b, both])) == [["a", "b", "c"]]


def test_a_chain_of_links_cannot_glue_two_incidents() -> None:
    # b is compatible with both a and c, but a and c are different named groups.
    a = rep("a", town="Boni", perps=(JNIM,), killed=(8, 8))
    b = rep("b", town="Boni", killed=(8, 8))
    c = rep("c", town="Boni", perps=(ISSP,), killed=(8, 8))
    result = group([a, b, c])
    assert ids(result.groups) == [["a", "b"], ["c"]]
    assert affinity(b, c) == 3 + 2 + 1 + 2  # alone, b and c would join
    [apart] = result.kept_apart  # the closest pair between the two incidents
    assert apart.articles in (["a", "c"], ["b", "c"]) and apart.kept_apart_by is not None
    assert apart.kept_apart_by.endswith("different named groups: jnim / issp")


def test_explanations_name_the_facts_and_the_veto() -> None:
    a = rep("a", town="Soumpi", perps=(JNIM,), killed=(20, 20))
    b = rep("b", town="Soumpi village", perps=(JNIM,), killed=(21, None))
    c = rep("c", town="Soumpi", perps=(ISSP,), killed=(20, 20))
    result = group([a, b, c])
    assert ids(result.groups) == [["a", "b"], ["c"]]
    why = result.reasons[0]
    assert why is not None and why.weakest == 3 + 2 + 2 + 1 + 1
    [link] = why.links
    assert link.articles == ["a", "b"] and link.score == 9
    assert link.agreed == [
        "same place: Soumpi",
        "same day: 2025-11-07",
        "same named group: jnim",
        "same event type: battle",
        "tolls compatible: 20 / 21 killed",
    ]
    [apart] = [k for k in result.kept_apart if k.articles == ["a", "c"]]
    assert apart.kept_apart_by == "different named groups: jnim / issp"
    assert apart.score == 3 + 2 + 1 + 2 and "same place: Soumpi" in apart.agreed
    assert result.reasons[1] is None  # one article: nothing joined


def test_a_pair_just_under_the_joining_score_is_reported_as_such() -> None:
    a = rep("a", country="Kenya", event="riot")
    b = rep("b", country="Kenya", event="riot", killed=(5, None))
    result = group([a, b])
    assert ids(result.groups) == [["a"], ["b"]]
    [apart] = result.kept_apart
    assert apart.score == 3 and apart.kept_apart_by == f"score 3 below {JOIN}"
    assert apart.agreed == ["same day: 2025-11-07", "same event type: riot"]


# A synthetic day of every kind above, for the order-independence property.
DAY = [
    rep("a1", town="Soumpi", perps=(JNIM,), killed=(20, 20)),
    rep("a2", town="Soumpi village", perps=(JNIM,), killed=(21, None)),
    rep("a3", day=None, town="Soumpi", killed=(24, 24)),
    rep("b1", town="Menaka", perps=(ISSP,)),
    rep("b2", town="Menaka", perps=(ISSP,), day=8),
    rep("c1", day=9, town="Soumpi", perps=(JNIM,)),
    rep("c2", day=9, town="Soumpi", perps=(JNIM,)),
    rep("d1", country="Nigeria", code="NG", town="Gusau", at=(12.17, 6.66), perps=(GUNMEN_NG,)),
    rep("d2", country="Nigeria", code="NG", town="Gusau town", perps=(GUNMEN_NG,)),
    rep(
        "e1",
        country="Nigeria",
        code="NG",
        town="Tsafe",
        at=(11.96, 6.92),
        perps=(GUNMEN_NG,),
        killed=(3, 3),
    ),
    rep("f1", country="Ukraine", town="Sumy", event="explosion_remote_violence"),
    rep("f2", country=None, town="Sumi", event="explosion_remote_violence"),
]
TRUTH = [["a1", "a2", "a3"], ["b1", "b2"], ["c1", "c2"], ["d1", "d2"], ["e1"], ["f1", "f2"]]


def test_synthetic_day_groups_into_its_incidents() -> None:
    assert ids(cluster(DAY)) == TRUTH


@settings(max_examples=60, deadline=None)
@given(st.permutations(DAY))
def test_grouping_and_explanations_are_order_independent(day: list[ArticleReport]) -> None:
    reference = group(DAY)
    result = group(day)
    assert ids(result.groups) == TRUTH
    assert [g.model_dump() if g else None for g in result.reasons] == [
        g.model_dump() if g else None for g in reference.reasons
    ]
    assert [k.model_dump() for k in result.kept_apart] == [
        k.model_dump() for k in reference.kept_apart
    ]


_TOWNS = [
    "Soumpi",
    "Soumpi village",
    "Sumpi",
    "Boni",
    "Gao",
    "Tombouctou",
    "Koro district",
    "Los Cantaritos",
    "",
]
_REGIONS = [("Tombouctou", None), ("Tombouctou", "ML-6"), ("Gao", "ML-7"), ("", None)]
_NAMES = [
    "cantaritos",
    "boni",
    "sumpi",
    "koro",
    "district",
    "koro district",
    "jnim",
    "gao",
    "hombori",
]
_POINTS = [None, (16.27, -0.04), (16.30, -0.02), (15.5, -1.0), (14.49, -4.20)]


@st.composite
def _random_report(draw: st.DrawFn, n: int) -> ArticleReport:
    town = draw(st.sampled_from(_TOWNS))
    region, code = draw(st.sampled_from(_REGIONS))
    report = rep(
        f"r{n:02d}",
        day=draw(st.sampled_from([None, 5, 6, 7, 9])),
        country=draw(st.sampled_from(["Mali", None, "Niger"])),
        admin1=region or None,
        admin1_code=code,
        town=town or None,
        gid=draw(st.sampled_from([None, None, 11, 12])) if town else None,
        at=draw(st.sampled_from(_POINTS)) if town else None,
        perps=draw(st.sampled_from([(), (JNIM,), (ISSP,), (("gunmen", None, None),)])),
        killed=draw(st.sampled_from([None, (8, 8), (9, None)])),
    )
    # The article's own names: they may name another report's place ("koro district"
    # by its telling words) and add the names relation.
    names = draw(st.lists(st.sampled_from(_NAMES), max_size=3, unique=True))
    report = report.model_copy(update={"names": sorted(names)})
    if draw(st.booleans()) and report.date and report.date.value:
        start = report.date.value.start  # a week-long interval now and then
        week = DateValue(start=start, end=date(2025, 11, start.day + 6), precision="week")
        report.date = report.date.model_copy(update={"value": week})
    return report


_DAYS = st.integers(2, 12).flatmap(lambda k: st.tuples(*[_random_report(i) for i in range(k)]))


@settings(max_examples=200, deadline=None)
@given(_DAYS)
def test_blocking_scores_every_compatible_pair(reports: tuple[ArticleReport, ...]) -> None:
    """The candidate pairs that keep grouping near-linear include every pair no veto keeps
    apart, so complete linkage never misses a join nor a check."""
    from summarizer._pair_score import Scorer
    from summarizer.cluster import _blocks

    scorer = Scorer(reports)
    n = len(reports)
    compatible = {
        i * n + j for i in range(n) for j in range(i + 1, n) if scorer.verdict(i, j).compatible
    }
    assert compatible <= _blocks(scorer.facts)


@settings(max_examples=100, deadline=None)
@given(_DAYS, st.randoms(use_true_random=False))
def test_random_days_group_identically_in_any_order(
    reports: tuple[ArticleReport, ...], rng: random.Random
) -> None:
    shuffled = list(reports)
    rng.shuffle(shuffled)
    first, second = group(reports), group(shuffled)
    assert ids(first.groups) == ids(second.groups)
    assert [k.model_dump() for k in first.kept_apart] == [k.model_dump() for k in second.kept_apart]
    for g in first.groups:  # complete linkage: no veto inside an incident
        assert all(affinity(a, b) is not None for a in g for b in g if a is not b)


def test_a_report_without_place_or_date_joins_the_only_incident_it_can_be() -> None:
    kenya = {"country": "Kenya", "code": "KE", "event": "riot"}
    nairobi = [rep(f"n{k}", town="Nairobi", killed=(5, None), **kenya) for k in (1, 2)]
    vague = rep("v", day=None, killed=(22, 22), **kenya)
    result = group([*nairobi, vague])
    assert ids(result.groups) == [["n1", "n2", "v"]]
    why = result.reasons[0]
    assert why is not None
    [link] = [k for k in why.links if "v" in k.articles]
    assert link.agreed[-1].startswith("the only compatible incident of its country")
    # With two riots in Kenya that day it could be either: it stays alone.
    mombasa = [rep(f"m{k}", town="Mombasa", killed=(3, 3), **kenya) for k in (1, 2)]
    assert ids(cluster([*nairobi, *mombasa, vague])) == [["m1", "m2"], ["n1", "n2"], ["v"]]
    # Another event type, or a report that gives a date, is not joined by elimination.
    assert ids(cluster([*nairobi, rep("p", day=None, country="Kenya", event="protest")])) == [
        ["n1", "n2"],
        ["p"],
    ]
