"""The clusterer's perpetrator rules one by one (summarizer/_actor_match.py): who a report
blames, how two reports' perpetrators relate (weight, reason, veto) and which groups a
report names together. Each case asserts the exact relation, in both directions."""

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest
from test_cluster import ISSP, JNIM, rep

from summarizer._actor_match import Who, _core, _first, _named, allies, relate, who
from summarizer._cluster_blocks import _cell, _close_spellings, candidates
from summarizer._pair_score import Scorer, _telling, _toll, _verdict, _words, facts, near
from summarizer._place_match import (
    Relation,
    Where,
    _admin1,
    _country,
    close_spelling,
    km,
    place_key,
    same_region,
    skeleton,
    spellings,
    where,
)
from summarizer._place_match import (
    relate as relate_places,
)
from summarizer.cluster import affinity, group
from summarizer.schemas import ActorFact, ArticleRef, ArticleReport, CountFact, DateValue, PlaceFact

NONE: frozenset[frozenset[str]] = frozenset()


def actor(
    name: str, identity: str | None = None, category: str | None = None, *aliases: str
) -> ActorFact:
    return ActorFact.model_validate(
        {
            "name": name,
            "quote": name,
            "identity": identity,
            "category": category,
            "aliases": list(aliases),
        }
    )


def report(perps: list[ActorFact], targets: list[ActorFact] | None = None) -> ArticleReport:
    return ArticleReport.model_validate(
        {
            "article": ArticleRef(id="a"),
            "event_type": "battle",
            "perpetrators": perps,
            "targets": targets or [],
        }
    )


def w(
    groups: tuple[str, ...] = (),
    states: tuple[str, ...] = (),
    generic: bool = False,
    unknown: tuple[str, ...] = (),
) -> Who:
    return Who(frozenset(groups), frozenset(states), generic, unknown)


# ---- names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Katiba du Macina", "katiba macina"),  # particles dropped
        ("Ansar al-Islam", "ansar islam"),  # a hyphen splits the particle off
        ("Jama'at Nusrat al-Islam wal-Muslimin", "jamaat nusrat islam muslimin"),
        ("The Front", "front"),
    ],
)
def test_core(name: str, core: str) -> None:
    assert _core(name) == core


def test_first() -> None:
    assert _first(("b", "a")) == "b"
    assert _first(()) == ""


@pytest.mark.parametrize(
    ("fact", "named"),
    [
        (actor("JNIM", "jnim", "group"), "jnim"),
        (actor("Katiba Serma", None, "group"), "katiba serma"),  # a group without an id
        (actor("gunmen", "unidentified:ML", "unidentified"), None),
        (actor("soldiers", "military:ML", "military"), None),
        (actor("JNIM", "jnim", None), "jnim"),  # no category: an id without ':' is a group
        (actor("soldiers", "military:ML", None), None),
        (actor("Katiba Serma"), None),
    ],
)
def test_named(fact: ActorFact, named: str | None) -> None:
    assert _named(fact) == named


# ---- who a report blames -------------------------------------------------------------------
def test_who_sorts_each_perpetrator_into_its_kind() -> None:
    got = who(
        report(
            [
                actor("JNIM", "jnim", "group"),
                actor("Malian soldiers", "military:ML", "military"),
                actor("police", None, "police"),  # a state force without identity: generic
                actor("gunmen", "unidentified:ML", "unidentified"),
                actor("Katiba X", None, None, "KX", "Katiba X"),
                actor("Ansar Y", None, None),
            ]
        )
    )
    assert got == Who(
        frozenset({"jnim"}), frozenset({"military:ML"}), True, ("Ansar Y", "KX", "Katiba X")
    )
    assert not got.empty


@pytest.mark.parametrize(
    ("perps", "expected"),
    [
        ([], Who(frozenset(), frozenset(), False, ())),
        ([actor("gunmen", None, "unidentified")], Who(frozenset(), frozenset(), True, ())),
        ([actor("x", "unidentified:NG", None)], Who(frozenset(), frozenset(), True, ())),
        ([actor("soldiers", "military:NG", "military")], w(states=("military:NG",))),
    ],
)
def test_who_one_kind_at_a_time(perps: list[ActorFact], expected: Who) -> None:
    got = who(report(perps))
    assert got == expected
    assert got.empty is (expected == w())


# ---- how two reports relate ----------------------------------------------------------------
ALLIED = frozenset({frozenset(("jnim", "katiba macina"))})


@pytest.mark.parametrize(
    ("a", "b", "allied", "relation"),
    [
        (w(("jnim",)), w(("jnim", "x")), NONE, Relation(2, "same named group: jnim")),
        (
            w(("jnim",)),
            w(("katiba macina",)),
            ALLIED,
            Relation(1, "groups named together by another report: jnim / katiba macina"),
        ),
        (
            w(("iswap", "jnim")),
            w(("adf", "bh")),
            NONE,
            Relation(0, "different named groups: iswap, jnim / adf, bh", veto=True),
        ),
        (
            w(states=("military:BF", "police:ML")),
            w(states=("police:ML",)),
            NONE,
            Relation(1, "same state force: police:ML"),
        ),
        (
            w(unknown=("Katiba du Macina",)),
            w(unknown=("Katiba Macina",)),
            NONE,
            Relation(1, "same perpetrator named: Katiba du Macina / Katiba Macina"),
        ),
        (
            w(unknown=("Katiba Macina",)),
            w(unknown=("JNIM",)),
            frozenset({frozenset(("katiba macina", "jnim"))}),
            Relation(1, "groups named together by another report: Katiba Macina / JNIM"),
        ),
        (
            w(unknown=("Katiba Macina",)),
            w(unknown=("Ansar Dine",)),
            NONE,
            Relation(-1, "perpetrators named differently: Katiba Macina / Ansar Dine"),
        ),
        (
            w(("jnim",)),
            w(generic=True),
            NONE,
            Relation(0, "a generic attacker, compatible with the named group"),
        ),
        (w(("jnim",)), w(), NONE, Relation(0, "perpetrators: nothing to compare")),
        (w(generic=True), w(generic=True), NONE, Relation(0, "perpetrators: nothing to compare")),
        (
            w(states=("military:ML",)),
            w(states=("military:BF",)),
            NONE,
            Relation(0, "perpetrators: nothing to compare"),
        ),
        (w(unknown=("X",)), w(), NONE, Relation(0, "perpetrators: nothing to compare")),
    ],
)
def test_relate(a: Who, b: Who, allied: frozenset[frozenset[str]], relation: Relation) -> None:
    assert relate(a, b, allied) == relation
    swapped = relate(b, a, allied)  # the other direction: same weight and veto
    assert (swapped.weight, swapped.veto) == (relation.weight, relation.veto)


# ---- groups a report names together --------------------------------------------------------
def test_allies_pairs_every_two_perpetrators_not_targeted() -> None:
    r = report(
        [
            actor("JNIM", "jnim", "group"),
            actor("Katiba du Macina", None, None),
            actor("Ansar Dine", None, None),
        ]
    )
    assert allies([r]) == {
        frozenset(("jnim", "katiba macina")),
        frozenset(("jnim", "ansar dine")),
        frozenset(("ansar dine", "katiba macina")),
    }


def test_allies_leave_out_a_group_that_is_also_a_target() -> None:
    """Fighting between two groups: the one attacked is not an ally of the other."""
    r = report(
        [actor("JNIM", "jnim", "group"), actor("IS Sahel", "is-sahel", "group")],
        [actor("IS Sahel", "is-sahel", "group")],
    )
    assert allies([r]) == frozenset()
    r = report(
        [actor("JNIM", "jnim", "group"), actor("IS Sahel", "is-sahel", "group")],
        [actor("JNIM", "jnim", "group")],
    )
    assert allies([r]) == frozenset()


# ---- cluster.py: joining order, links, what is reported as kept apart -----------------------
def _ids(groups: list[list[ArticleReport]]) -> list[list[str]]:
    return sorted(sorted(r.article.id for r in g) for g in groups)


def test_the_strongest_pair_joins_first() -> None:
    """b fits both a (8) and c (6), a and c are different groups: b goes with a."""
    a = rep("a", town="Boni", perps=(JNIM,), killed=(8, 8))
    b = rep("b", town="Boni", killed=(8, 8))
    c = rep("c", town="Boni", perps=(ISSP,), killed=(30, 30))
    assert (affinity(a, b), affinity(b, c)) == (8, 6)
    assert _ids(group([c, b, a]).groups) == [["a", "b"], ["c"]]
    # the other way round: c's toll matches b, a's does not
    a2 = rep("a", town="Boni", perps=(JNIM,), killed=(30, 30))
    c2 = rep("c", town="Boni", perps=(ISSP,), killed=(8, 8))
    assert _ids(group([a2, b, c2]).groups) == [["a"], ["b", "c"]]


def test_a_blocked_join_is_reported_with_the_pair_that_blocked_it() -> None:
    a = rep("a", town="Boni", perps=(JNIM,), killed=(30, 30))
    b = rep("b", town="Boni", killed=(8, 8))
    c = rep("c", town="Boni", perps=(ISSP,), killed=(8, 8))
    result = group([a, b, c])
    assert _ids(result.groups) == [["a"], ["b", "c"]]
    # a-b (blocked, score 6) and a-c (vetoed, 6 agreeing) tie: the first pair is shown
    assert [(k.articles, k.score, k.kept_apart_by) for k in result.kept_apart] == [
        (["a", "b"], 6, "joining would put a with c: different named groups: jnim / issp")
    ]


def test_merged_incidents_keep_every_link_and_the_weakest_score() -> None:
    reports = [
        rep("a", town="Soumpi", perps=(JNIM,), killed=(20, 20)),
        rep("b", town="Soumpi", perps=(JNIM,), killed=(20, 20)),
        rep("c", town="Soumpi", perps=(JNIM,), killed=(24, 24)),
        rep("d", town="Soumpi", perps=(JNIM,), killed=(24, 24)),
    ]
    result = group(reports)
    assert _ids(result.groups) == [["a", "b", "c", "d"]]
    [why] = result.reasons
    assert why is not None and why.weakest == 8
    assert [(k.articles, k.score) for k in why.links] == [
        (["a", "b"], 10),
        (["a", "c"], 8),
        (["c", "d"], 10),
    ]


def test_a_link_lists_what_disagreed() -> None:
    a = rep("a", town="Boni", perps=(JNIM,), killed=(8, 8))
    b = rep("b", town="Boni", perps=(JNIM,), killed=(8, 8), event="riot")
    [why] = group([a, b]).reasons
    assert why is not None
    [link] = why.links
    assert link.disagreed == ["event types differ: battle / riot"]


@pytest.mark.parametrize(
    ("one", "other", "weight"),
    [
        ("riot", "riot", 1),
        ("protest", "riot", 0),  # one demonstration, violent to one outlet and not another
        ("battle", "violence_against_civilians", 0),  # one attack, told two ways
        ("explosion_remote_violence", "battle", 0),
        ("protest", "violence_against_civilians", -1),  # families differ
        ("battle", "riot", -1),
        ("strategic_development", "other", -1),
    ],
)
def test_event_types_of_one_acled_family_neither_add_nor_subtract(
    one: str, other: str, weight: int
) -> None:
    for a, b in ((one, other), (other, one)):
        [event] = [r for r in Scorer([rep("a", event=a), rep("b", event=b)]).verdict(0, 1).relations
                   if "event type" in r.text]  # fmt: skip
        assert event.weight == weight


def test_one_demonstration_coded_protest_and_riot_is_one_incident() -> None:
    """Undated, at one town, tolls close: 3 + 1, which a difference of type would undo."""
    a = rep("a", town="Boni", event="protest", day=None, killed=(20, 20))
    b = rep("b", town="Boni", event="riot", day=None, killed=(21, 21))
    assert _ids(group([a, b]).groups) == [["a", "b"]]
    c = rep("c", town="Boni", event="battle", day=None, killed=(21, 21))
    assert _ids(group([a, c]).groups) == [["a"], ["c"]]


def test_reports_of_two_countries_are_never_compared() -> None:
    """Blocking by country: the pair is not even reported as kept apart."""
    a = rep("a", town="Boni", perps=(JNIM,), killed=(8, 8))
    b = rep("b", country="Niger", town="Boni", perps=(JNIM,), killed=(8, 8))
    result = group([a, b])
    assert _ids(result.groups) == [["a"], ["b"]] and result.kept_apart == []


KE = {"country": "Kenya", "code": "KE"}
VETOED_4 = [  # same village, undated, two named groups: 4 agreeing points, vetoed
    rep("c", town="Boni", day=None, perps=(JNIM,)),
    rep("d", town="Boni", day=None, perps=(ISSP,)),
]
VETOED_3 = [rep("a", perps=(JNIM,)), rep("b", perps=(ISSP,))]  # 3 agreeing points
SCORE_2 = [rep("c", event="riot", **KE), rep("d", day=8, event="riot", **KE)]
SCORE_1 = [rep("a", event="riot", **KE), rep("b", event="battle", **KE)]  # types of two families


@pytest.mark.parametrize(
    ("reports", "shown"),
    [
        (VETOED_4, [(["c", "d"], "different named groups: jnim / issp")]),
        (VETOED_3, []),  # too little agrees to be worth showing
        (SCORE_2, [(["c", "d"], "score 2 below 4")]),  # JOIN - 2: close
        (SCORE_1, []),
        ([*VETOED_3, *SCORE_2], [(["c", "d"], "score 2 below 4")]),  # a skipped pair first
        ([*SCORE_1, *VETOED_4], [(["c", "d"], "different named groups: jnim / issp")]),
        (
            [
                *VETOED_4,
                *[
                    r.model_copy(update={"article": ArticleRef(id=i)})
                    for r, i in zip(SCORE_2, "ef", strict=True)
                ],
            ],
            [
                (["c", "d"], "different named groups: jnim / issp"),
                (["e", "f"], "score 2 below 4"),
            ],
        ),  # one closest pair per pair of incidents
    ],
)
def test_what_is_reported_as_kept_apart(
    reports: list[ArticleReport], shown: list[tuple[list[str], str]]
) -> None:
    result = group(reports)
    assert all(len(g) == 1 for g in result.groups)
    assert [(k.articles, k.kept_apart_by) for k in result.kept_apart] == shown


# ---- cluster.py: joining by elimination -----------------------------------------------------
NAIROBI = [rep(f"n{k}", town="Nairobi", killed=(5, 5), event="riot", **KE) for k in (1, 2)]


def test_the_link_by_elimination_goes_to_the_member_it_agrees_with_most() -> None:
    for better, other in (("n1", "n2"), ("n2", "n1")):
        fits = next(r for r in NAIROBI if r.article.id == better)
        vague = rep("v", day=None, killed=(5, 5), event="riot", **KE)
        others = [
            r.model_copy(update={"killed": None}) if r.article.id == other else r for r in NAIROBI
        ]
        assert fits in others
        [why] = group([*others, vague]).reasons
        assert why is not None
        assert [k.articles for k in why.links if "v" in k.articles] == [[better, "v"]]
    vague = rep("v", day=None, killed=(5, 5), event="riot", **KE)
    [why] = group([*NAIROBI, vague]).reasons  # a tie: the first member
    assert why is not None
    assert [k.articles for k in why.links if "v" in k.articles] == [["n1", "v"]]


def test_a_vague_report_sorted_first_is_joined_too() -> None:
    vague = rep("0v", day=None, killed=(5, 5), event="riot", **KE)
    assert _ids(group([*NAIROBI, vague]).groups) == [["0v", "n1", "n2"]]


def test_two_vague_reports_both_join_the_one_incident() -> None:
    """Another vague report is no second incident to choose from."""
    vague = [rep(v, day=None, killed=(5, 5), event="riot", **KE) for v in ("v", "w")]
    assert _ids(group([*NAIROBI, *vague]).groups) == [["n1", "n2", "v", "w"]]
    # a report alone that is not vague, sorted first, changes nothing
    other = rep("a0", town="Mombasa", event="protest", **KE)
    assert _ids(group([other, *NAIROBI, *vague]).groups) == [["a0"], ["n1", "n2", "v", "w"]]


def test_every_member_must_agree_with_the_report() -> None:
    """n2 (violence against civilians, toll 4-6) scores 0 with the vague riot: the
    incident is no option."""
    n1 = rep("n1", town="Nairobi", killed=(5, 5), event="riot", **KE)
    n2 = rep("n2", town="Nairobi", killed=(4, 6), event="violence_against_civilians", **KE)
    vague = rep("v", day=None, killed=(5, 5), event="riot", **KE)
    assert (affinity(n1, n2), affinity(vague, n1), affinity(vague, n2)) == (5, 3, 0)
    assert _ids(group([n1, n2, vague]).groups) == [["n1", "n2"], ["v"]]


def test_a_report_naming_a_town_is_not_vague() -> None:
    """A town and no region or date, linked to the incident by its title only: not joined
    by elimination (it is not placeless), nor by score (2)."""
    town = rep(
        "v", day=None, town="Kibera", killed=(22, 22), event="riot", title="Riot near Nairobi", **KE
    )
    assert [affinity(town, n) for n in NAIROBI] == [2, 2]
    assert _ids(group([*NAIROBI, town]).groups) == [["n1", "n2"], ["v"]]


def test_the_closest_pair_kept_apart_is_the_one_that_agrees_most() -> None:
    """a-c agree on 7 points (vetoed), b-c score 6 (blocked): a-c is shown."""
    a = rep("a", town="Boni", perps=(JNIM,), killed=(8, 8))
    b = rep("b", town="Boni", killed=(8, 8))
    c = rep("c", town="Boni", perps=(ISSP,), killed=(8, 8), event="riot")
    result = group([a, b, c])
    assert _ids(result.groups) == [["a", "b"], ["c"]]
    assert [(k.articles, k.kept_apart_by) for k in result.kept_apart] == [
        (["a", "c"], "different named groups: jnim / issp")
    ]


def test_an_incident_that_vetoes_the_report_is_no_option() -> None:
    """Two riots in Kenya, one by a group the vague report does not blame: one option."""
    shabaab = ("al-Shabaab", "al-shabaab", "group")
    militia = ("Mungiki", "mungiki", "group")
    blamed = [
        rep(f"n{k}", town="Nairobi", killed=(5, 5), event="riot", perps=(shabaab,), **KE)
        for k in (1, 2)
    ]
    other = [
        rep(f"m{k}", town="Mombasa", killed=(5, 5), event="riot", perps=(militia,), **KE)
        for k in (1, 2)
    ]
    vague = rep("v", day=None, killed=(22, 22), event="riot", perps=(shabaab,), **KE)
    assert affinity(vague, blamed[0]) == 3 and affinity(vague, other[0]) is None
    assert _ids(group([*blamed, *other, vague]).groups) == [
        ["m1", "m2"],
        ["n1", "n2", "v"],
    ]


@pytest.mark.parametrize(
    "vague",
    [
        rep("v", day=8, killed=(22, 22), event="riot", **KE),  # it gives a date
        rep("v", day=None, killed=(22, 22), event="riot", admin1="Nairobi", **KE),  # a region
        rep("v", day=None, killed=(5, 5), event="riot", town="Kibera", at=(-1.31, 36.78), **KE),
        rep("v", day=None, country=None, killed=(5, 5), event="riot"),  # no country
    ],
)
def test_a_report_with_a_date_or_a_place_is_not_joined_by_elimination(
    vague: ArticleReport,
) -> None:
    result = group([*NAIROBI, vague])
    assert _ids(result.groups) == [["n1", "n2"], ["v"]]


# ---- _pair_score.py: words, tolls, dates, the place a report also names ---------------------
def test_telling_words() -> None:
    assert _telling("market") is True
    assert _telling("gun") is False  # too short, though no stop word
    assert _telling("their") is False  # a stop word, though long enough
    assert _telling("avec") is False  # French stop words too
    # words reach _telling folded ("été" -> "ete"): accented stop words are folded too
    assert _telling("ete") is False
    assert _telling("tambien") is False
    assert _telling("apres") is False


def test_accented_stop_words_shared_by_two_titles_do_not_count() -> None:
    titles = ("Ataque: también después según Bamba", "Ataque también después según Bamba")
    [fa, fb] = facts([_titled("a", titles[0]), _titled("b", titles[1])])
    assert fa.words == fb.words == {"ataque", "bamba"}


@pytest.mark.parametrize(
    ("shared", "weight"),
    [(2, 0), (3, 1), (5, 1), (6, 2)],
)
def test_shared_words_thresholds(shared: int, weight: int) -> None:
    a = frozenset(f"word{k}" for k in range(shared)) | {"onlya"}
    b = frozenset(f"word{k}" for k in range(shared)) | {"onlyb"}
    assert _words(a, b).weight == weight


def test_shared_words_are_listed_sorted_eight_at_most() -> None:
    common = frozenset("abcdefghij")  # ten shared words
    assert _words(common | {"x"}, common | {"y"}) == Relation(
        2, "shared distinctive words: a, b, c, d, e, f, g, h"
    )
    assert _words(frozenset("abcx"), frozenset("abcy")) == Relation(
        1, "shared distinctive words: a, b, c"
    )


def _titled(aid: str, title: str, summary: str | None = None) -> ArticleReport:
    return rep(aid).model_copy(update={"title": title, "summary": summary})


def test_prose_joins_title_and_summary_and_splits_hyphens() -> None:
    [f] = facts([_titled("a", "Attack in Pont-Sondé", "Gunmen struck.")])
    assert f.prose == " attack in pont sonde gunmen struck "
    assert f.words == {"attack", "pont", "sonde", "gunmen", "struck"}


def test_a_word_most_reports_use_is_not_distinctive() -> None:
    """At most max(2, a tenth of the day's reports) may use a distinctive word."""
    three = facts([_titled(i, f"Market attack {i}") for i in ("a", "b", "c")])
    assert all("market" not in f.words for f in three)
    two = facts([_titled("a", "Market attack"), _titled("b", "Market raid"), _titled("c", "x")])
    assert "market" in two[0].words and "market" in two[1].words
    # 30 reports: a tenth is 3, so a word three of them use is still distinctive
    day = [_titled(f"r{k:02}", "Market attack" if k < 3 else f"other{k}") for k in range(30)]
    assert "market" in facts(day)[0].words
    day = [_titled(f"r{k:02}", "Market attack" if k < 4 else f"other{k}") for k in range(30)]
    assert "market" not in facts(day)[0].words


def test_a_name_most_reports_give_is_not_distinctive() -> None:
    """The articles' own proper names are held to the same share as the words."""
    named = [rep(i).model_copy(update={"names": ["koshobe", i]}) for i in ("a", "b", "c")]
    assert [sorted(f.proper) for f in facts(named)] == [["a"], ["b"], ["c"]]
    assert all(f.mentions >= {"koshobe"} for f in facts(named))
    two = facts([*named[:2], rep("c")])
    assert two[0].proper == {"koshobe", "a"} and two[2].proper == frozenset()


def test_an_empty_place_key_is_named_by_no_report() -> None:
    [f] = facts([_titled("a", "Attack in Boni")])
    assert f.names("boni") is True and f.names("") is False


def test_facts_keep_the_date() -> None:
    [f] = facts([rep("a", day=7)])
    assert f.span is not None and f.span.start == date(2025, 11, 7)


@pytest.mark.parametrize(
    ("low", "high", "toll"),
    [(None, None, None), (None, 5, (5, 5)), (3, None, (3, None)), (3, 5, (3, 5))],
)
def test_toll_of_a_report(low: int | None, high: int | None, toll: object) -> None:
    r = rep("a").model_copy(update={"killed": CountFact(quote="q", min=low, max=high)})
    assert _toll(r) == toll


def _day(d: int) -> DateValue:
    return DateValue(start=date(2025, 11, d), end=date(2025, 11, d), precision="day")


@pytest.mark.parametrize(("x", "y", "close"), [(7, 8, True), (7, 9, False), (9, 7, False)])
def test_dates_near(x: int, y: int, close: bool) -> None:
    assert near(_day(x), _day(y)) is close
    assert near(None, _day(y)) is True


def test_support_counts_only_agreeing_facts() -> None:
    v = _verdict((Relation(2, "a"), Relation(0, "b"), Relation(-1, "c"), Relation(0, "d", True)))
    assert (v.score, v.support, v.veto) == (1, 2, "d")


def test_a_report_that_names_the_other_place_links_two_places() -> None:
    """Boni and Hombori: nothing links them, unless one report's title names the other."""
    boni = rep("a", town="Boni", title="Gunmen attack Boni")
    hombori = rep("c", town="Hombori", title="Attack near Boni kills 8")
    relation = Relation(1, "one report also names the other's place: Boni / Hombori")
    assert Scorer([boni, hombori]).verdict(0, 1).relations[0] == relation
    back = Relation(1, "one report also names the other's place: Hombori / Boni")
    assert Scorer([hombori, boni]).verdict(0, 1).relations[0] == back
    silent = hombori.model_copy(update={"title": "Attack kills 8"})
    v = Scorer([boni, silent]).verdict(0, 1)
    assert v.veto == "different places, nothing links them: Boni / Hombori"
    # With regions the gazetteer cannot compare too; the article's text may name it.
    placed = [
        boni.model_copy(update={"admin1": PlaceFact(name="Mopti", quote="Mopti", code="ML-5")}),
        silent.model_copy(update={"admin1": PlaceFact(name="Tombouctou", quote="Tombouctou")}),
    ]
    v = Scorer(placed).verdict(0, 1)
    assert v.veto == "different places, nothing links them: Boni / Hombori"
    named = placed[1].model_copy(update={"names": ["boni"]})
    assert Scorer([placed[0], named]).verdict(0, 1).relations[0] == relation


def test_an_article_text_naming_the_other_place_links_by_every_telling_word() -> None:
    """The text's names supply the link: "Los Cantaritos" is named by "cantaritos"; a
    name that covers only one word of "Santiago de Queretaro" does not name it."""
    coded = {"admin1": PlaceFact(name="Queretaro", quote="Queretaro", code="MX-QUE")}
    bar = rep("a", town="Los Cantaritos").model_copy(update=coded)
    other = rep("b", town="Huehuetoca", admin1="Mexico")
    named = Scorer([bar, other.model_copy(update={"names": ["cantaritos"]})]).verdict(0, 1)
    assert named.veto is None and named.relations[0].weight == 1
    city = rep("b", town="Santiago de Queretaro", admin1="Mexico")
    half = Scorer([bar, city.model_copy(update={"names": ["queretaro"]})]).verdict(1, 0)
    assert (
        half.veto == "different places, nothing links them: Santiago de Queretaro / Los Cantaritos"
    )


# ---- _place_match.py: every place relation, exactly, both ways --------------------------------
def _where(**kw: Any) -> Where:
    return where(rep("a", **kw))


# Latitudes (on the prime meridian) exactly 5, 25 and 100 km from (0, 0) by km().
AT_5, AT_25, AT_100 = 0.04496608029593653, 0.2248304014796826, 0.8993216059187304


def _point(name: str, lat: float, precision: int = 1) -> Where:
    return _where(town=name, at=(lat, 0.0), precision=precision)


PLACE_CASES = [
    (
        (_where(), _where(country="Niger", code="NE")),
        (0, "different countries: {a.country} / {b.country}", True),
    ),
    (
        (_where(town="Boni", gid=5), _where(town="Boni village", gid=5)),
        (3, "same place (gazetteer id 5): {a.label}", False),
    ),
    (
        (_point("A", 0.0), _point("B", AT_5)),
        (3, "same place (5 km apart): {a.label} / {b.label}", False),
    ),
    (
        (_point("A", 0.0), _point("B", AT_25)),
        (0, "neighbouring places (25 km): {a.label} / {b.label}", False),
    ),
    (
        (_point("A", 0.0), _point("B", AT_100)),
        (-2, "different places 100 km apart: {a.label} / {b.label}", False),
    ),
    (
        (_point("A", 0.0, 2), _point("B", 1.5, 2)),
        (0, "places far apart (167 km): {a.label} / {b.label}", True),
    ),
    (
        (
            _where(town="A", admin1="Mopti", admin1_code="ML-5"),
            _where(town="B", admin1="Gao", admin1_code="ML-7"),
        ),
        (0, "different regions: {a.admin1} / {b.admin1}", True),
    ),
    (
        (
            _where(town="Pont-Sondé", admin1="Artibonite", admin1_code="HT-AR"),
            _where(town="Pont Sonde", admin1="Ouest", admin1_code="HT-OU"),
        ),
        (1, "same place name, regions differ ({a.admin1} / {b.admin1}): {a.label}", False),
    ),
    (
        (
            _where(town="Pont Sonde", gid=7, admin1="Artibonite", admin1_code="HT-AR"),
            _where(town="Pont Sonde", admin1="Ouest", admin1_code="HT-OU"),
        ),
        (1, "same place name, regions differ ({a.admin1} / {b.admin1}): {a.label}", False),
    ),
    (  # two namesakes the gazetteer places in two regions: two places
        (
            _where(town="San José", gid=7, admin1="Artibonite", admin1_code="HT-AR"),
            _where(town="San Jose", gid=8, admin1="Ouest", admin1_code="HT-OU"),
        ),
        (0, "different regions: {a.admin1} / {b.admin1}", True),
    ),
    ((_where(town="Boni"), _where(town="Boni village")), (3, "same place: {a.label}", False)),
    (
        (_where(town="Kwashabe"), _where(town="Koshebe")),
        (2, "one place in two spellings: {a.label} / {b.label}", False),
    ),
    (
        (_where(town="Dwelah"), _where(town="Dweil'a")),
        (2, "one place in two spellings: {a.label} / {b.label}", False),
    ),
    (
        (
            _where(town="Sevare", admin1="Mopti", admin1_code="ML-5"),
            _where(town="Djenne", admin1="Mopti", admin1_code="ML-5"),
        ),
        (-2, "different places in one region: {a.label} / {b.label}", False),
    ),
    (
        (_where(town="Boni"), _where(town="Hombori")),
        (0, "different places, nothing links them: {a.label} / {b.label}", True),
    ),
    (
        (
            _where(town="Boni", admin1="Mopti", admin1_code="ML-5"),
            _where(town="Hombori", admin1="Tombouctou"),
        ),
        (0, "different places, nothing links them: {a.label} / {b.label}", True),
    ),
]
# Apart only for lack of a link: a mention of the other's place may link them.
_LINKABLE = ("nothing links", "in one region")


@pytest.mark.parametrize(("pair", "expected"), PLACE_CASES)
def test_place_relations(pair: tuple[Where, Where], expected: tuple[int, str, bool]) -> None:
    weight, text, veto = expected
    for a, b in (pair, pair[::-1]):
        shown = text.format(a=a, b=b)
        linkable = any(words in text for words in _LINKABLE)
        assert relate_places(a, b) == Relation(weight, shown, veto, linkable)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (_where(town="Mopti"), _where(town="Sevare", admin1="Mopti"), "Sevare is within Mopti"),
        (  # the town's name and its region's, spaced otherwise
            _where(town="Nong Bua Lamphu", admin1="Nong Bua Lam Phu"),
            _where(town="Na Klang", admin1="Nong Bua Lam Phu"),
            "Na Klang is within Nong Bua Lamphu",
        ),
        (_where(town="Sevare"), _where(admin1="Sevare region"), "Sevare is within Sevare region"),
        (_where(town="Kidal district"), _where(admin1="Kidal"), "same area: Kidal district"),
        (  # a township, a commune, a municipio are areas that may hold the village
            _where(town="Kanbalu Township", admin1="Sagaing", admin1_code="MM-01"),
            _where(town="Pa Zi Gyi village", admin1="Sagaing", admin1_code="MM-01"),
            "same region, one report vaguer: MM-01",
        ),
        (
            _where(town="commune de Diallassagou", admin1="Mopti", admin1_code="ML-5"),
            _where(town="Dianweli", admin1="Mopti", admin1_code="ML-5"),
            "same region, one report vaguer: ML-5",
        ),
        (
            _where(town="municipio de Salvatierra", admin1="Guanajuato", admin1_code="MX-GUA"),
            _where(town="Urireo", admin1="Guanajuato", admin1_code="MX-GUA"),
            "same region, one report vaguer: MX-GUA",
        ),
        (
            _where(town="Sevare", admin1="Mopti", admin1_code="ML-5"),
            _where(admin1="Mopti", admin1_code="ML-5"),
            "same region, one report vaguer: ML-5",
        ),
    ],
)
def test_a_place_within_a_vaguer_one(a: Where, b: Where, relation: str) -> None:
    assert relate_places(a, b) == relate_places(b, a) == Relation(1, relation)


def test_two_areas_and_no_place() -> None:
    a, b = _where(town="Kidal district"), _where(town="Kidal cercle")
    assert relate_places(a, b) == Relation(1, "same area: Kidal district")
    assert relate_places(b, a) == Relation(1, "same area: Kidal cercle")
    nothing = Relation(0, "place: one report gives no precise place")
    assert relate_places(_where(town="Sevare"), _where()) == relate_places(
        _where(), _where(town="Boni")
    )
    assert relate_places(_where(town="Sevare"), _where()) == nothing


def test_km() -> None:
    assert km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.1949, abs=1e-3)  # a degree north
    assert km((60.0, 0.0), (60.0, 1.0)) == pytest.approx(55.5969, abs=1e-3)  # east at 60 N
    # nearly antipodal points, where rounding takes sin^2 + cos^2 above 1
    assert km((14.7, 10.0), (-14.7, -170.0)) == pytest.approx(math.pi * 6371.0)


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("garin kwashebe", ("garin", "garinkwashebe", "kwashebe")),
        ("garin koro", ("garin", "garinkoro", "koro")),  # four letters count
        ("dar es salaam", ("daressalaam", "salaam")),  # shorter ones do not
        ("kwashebe", ("kwashebe",)),
        ("fallujah", ("falluja",)),  # a final h after a vowel: the ta marbuta's other form
        ("abu shah", ("abusha", "sha")),  # each word of four letters, as written
        ("bah", ("ba",)),
        ("zinder", ("zinder",)),
    ],
)
def test_spellings(key: str, forms: tuple[str, ...]) -> None:
    assert spellings(key) == forms


def testskeleton_keeps_consonants() -> None:
    assert skeleton("kwashebe") == "kshb"
    assert skeleton("sumy") == skeleton("sumi") == "sm"


@pytest.mark.parametrize(
    ("name", "code", "country"),
    [
        ("Mali", "ML", "ML"),
        ("Mali", "ml", "ML"),
        ("Congo", "CD", "CD"),  # the code settles an ambiguous name
        ("Mali", None, "ML"),  # no code: the name
        ("Atlantis", None, ""),
        ("Mali", "ML-6", "ML"),  # a region code is no country code
    ],
)
def test_country_of_a_place(name: str, code: str | None, country: str) -> None:
    assert _country(PlaceFact(name=name, quote=name, code=code)) == country


@pytest.mark.parametrize(
    ("name", "code", "admin1"),
    [
        ("Tombouctou", "ML-6", "ML-6"),
        ("Tombouctou", "ml-6", "ML-6"),
        ("Tombouctou region", None, "tombouctou"),  # no code: the folded name
        ("Region de Tombouctou", "XX", "tombouctou"),
    ],
)
def test_admin1_of_a_place(name: str, code: str | None, admin1: str) -> None:
    assert _admin1(PlaceFact(name=name, quote=name, code=code)) == admin1


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        (
            {"town": "Kidal district"},
            Where("ML", "", "", "", "Kidal district", None, None, "kidal"),
        ),
        (
            {"town": "Boni", "at": (0.0, 0.0), "precision": 1, "admin1": "Tombouctou region"},
            Where("ML", "tombouctou", "tombouctou", "boni", "Boni", None, (0.0, 0.0), ""),
        ),
        (
            {"town": "Boni", "at": (14.0, -3.0), "precision": 2},
            Where("ML", "", "", "boni", "Boni", None, (14.0, -3.0), ""),
        ),
        (  # a region's coordinates say nothing about distances
            {"town": "Boni", "at": (14.0, -3.0), "precision": 3},
            Where("ML", "", "", "boni", "Boni", None, None, ""),
        ),
        ({"admin1": "Mopti"}, Where("ML", "mopti", "mopti", "", "Mopti", None, None, "")),
        ({"country": None}, Where("", "", "", "", "", None, None, "")),
    ],
)
def test_where(kw: dict[str, Any], expected: Where) -> None:
    assert _where(**kw) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("ML-5", "mopti"), ("ML-5", "mopti"), True),
        (("ML-5", "mopti"), ("ML-6", "mopti"), False),  # codes decide when both have one
        (("ML-5", "mopti"), ("mopti", "mopti"), True),  # one code: the names
        (("ML-5", "mopti"), ("gao", "gao"), None),  # one code, names differ: unknown
        (("mopti", "mopti"), ("gao", "gao"), False),  # no codes: the names
        (("", ""), ("gao", "gao"), None),
    ],
)
def test_same_region(a: tuple[str, str], b: tuple[str, str], same: bool | None) -> None:
    def w(admin1: str, region: str) -> Where:
        return Where("ML", admin1, region, "", "", None, None, "")

    assert same_region(w(*a), w(*b)) is same
    assert same_region(w(*b), w(*a)) is same


# ---- _cluster_blocks.py: exactly which pairs are scored --------------------------------------
def _candidates(*reports: ArticleReport) -> list[tuple[str, str]]:
    return _named_pairs(reports, candidates(facts(reports), list(range(len(reports)))))


def _spelled(*reports: ArticleReport) -> list[tuple[str, str]]:
    """The pairs the close-spelling search finds (the other buckets aside: these places
    have no region, so every pair is a candidate anyway)."""
    return _named_pairs(reports, set(_close_spellings(facts(reports), list(range(len(reports))))))


def _named_pairs(reports: Sequence[ArticleReport], found: set[int]) -> list[tuple[str, str]]:
    n = len(reports)
    pairs = (
        sorted((reports[i].article.id, reports[j].article.id))
        for i, j in map(divmod, found, [n] * len(found))
    )
    return sorted((x, y) for x, y in pairs)


def _at(aid: str, town: str, lat: float, lon: float, day: int = 7) -> ArticleReport:
    return rep(aid, town=town, at=(lat, lon), precision=1, day=day)


@pytest.mark.parametrize(("day", "pairs"), [(8, [("a", "b")]), (10, [])])
def test_candidates_respect_the_date_slack_in_every_bucket(
    day: int, pairs: list[tuple[str, str]]
) -> None:
    """Within a day: a candidate; three days apart: never, whatever links the places."""
    same_id = (rep("a", town="Boni", gid=5), rep("b", town="Boni village", gid=5, day=day))
    assert _candidates(*same_id) == pairs
    one_located = (rep("a", town="Boni"), _at("b", "Boni", 15.0, -2.0, day))
    assert _candidates(*one_located) == pairs
    spelled = (rep("a", town="Kwashabe"), rep("b", town="Kwashebe", day=day))
    assert _candidates(*spelled) == pairs
    named = (rep("a", town="Boni"), rep("b", town="Hombori", title="Attack near Boni", day=day))
    assert _candidates(*named) == pairs
    named_back = (rep("b", town="Boni", day=day), rep("a", town="Hombori", title="Boni hit"))
    assert _candidates(*named_back) == pairs
    near_by = (_at("a", "Boni", 15.0, -2.0), _at("b", "Hombori", 15.3, -1.9, day))
    assert _candidates(*near_by) == pairs
    region = (rep("a", admin1="Mopti", admin1_code="ML-5"), rep("b", town="Sevare", day=day))
    assert _candidates(*region) == pairs


def test_candidates_leave_out_what_cannot_be_compatible() -> None:
    # different gazetteer ids, no coordinates, no shared name
    assert _candidates(rep("a", town="Boni", gid=5), rep("b", town="Hombori", gid=6)) == []
    # two unlocated places, no region, nothing linking them
    assert _candidates(rep("a", town="Boni"), rep("b", town="Hombori")) == []
    # two unlocated places, regions the gazetteer cannot compare, nothing linking them
    mopti = {"admin1": "Mopti", "admin1_code": "ML-5"}
    assert _candidates(rep("a", town="Boni", **mopti), rep("b", town="Hombori", admin1="Gao")) == []
    # names whose ratio passes the fuzzy search but that are not one name
    assert _spelled(rep("a", town="Segou"), rep("b", town="Sekou")) == []
    # a title naming a word of the other's place, not the place
    garin = rep("a", town="Garin Kwashebe", **mopti)
    assert _candidates(garin, rep("b", town="Boni", admin1="Gao", title="Garin")) == []
    # two coded regions that differ
    assert (
        _candidates(
            rep("a", admin1="Mopti", admin1_code="ML-5"),
            rep("b", admin1="Gao", admin1_code="ML-7"),
        )
        == []
    )
    # located far apart, one name
    assert _candidates(_at("a", "Boni", 15.0, -2.0), _at("b", "Boni", 20.0, -2.0)) == []


def test_candidates_keep_what_may_be_compatible() -> None:
    # a vague report and one in its region, by code and by name; one coded, one not
    coded = rep("a", admin1="Mopti", admin1_code="ML-5")
    assert _candidates(coded, rep("b", town="Sevare", admin1="Mopti", admin1_code="ML-5")) == [
        ("a", "b")
    ]
    assert _candidates(coded, rep("b", town="Sevare", admin1="Gao")) == [("a", "b")]
    assert _candidates(rep("a", admin1="Mopti"), rep("b", town="Sevare", admin1="Mopti")) == [
        ("a", "b")
    ]
    # a vague report with no region meets everyone
    assert _candidates(rep("a"), rep("b", town="Boni"), rep("c", town="Hombori")) == [
        ("a", "b"),
        ("a", "c"),
    ]


def test_seven_spellings_of_one_name_are_all_compared() -> None:
    names = ["Kwashabe", "Kwashebe", "Kwoshabe", "Koshabe", "Kwashaba", "Kwashabi", "Kwachabe"]
    reports = [rep(chr(ord("a") + k), town=n) for k, n in enumerate(names)]
    keys = [place_key(n) for n in names]
    close = [
        (chr(ord("a") + i), chr(ord("a") + j))
        for i in range(7)
        for j in range(i + 1, 7)
        if close_spelling(keys[i], keys[j])
    ]
    assert len(close) >= 15  # more than the five best matches of a name
    assert _spelled(*reports) == close


def test_a_close_spelling_with_a_low_ratio_is_compared_and_joined() -> None:
    """Kwashabe / Koshebe (ratio 67) and Maiduguri / Meidigeru (56) are one name to
    close_spelling: the blocking must not leave them out (it did: fuzzy search at 70)."""
    for x, y in (("Kwashabe", "Koshebe"), ("Maiduguri", "Meidigeru")):
        a, b = rep("a", town=x, killed=(5, 5)), rep("b", town=y, killed=(5, 5))
        assert _spelled(a, b) == [("a", "b")]
        assert _ids(group([a, b]).groups) == [["a", "b"]]
    # the other direction: other consonants are another place
    a, b = rep("a", town="Kwashabe", killed=(5, 5)), rep("b", town="Kwanaba", killed=(5, 5))
    assert _spelled(a, b) == [] and _ids(group([a, b]).groups) == [["a"], ["b"]]


@pytest.mark.parametrize(
    ("a", "b", "offset"),
    [
        ((0.6, 0.0), (0.9, 0.0), (0, 0, 1)),
        ((0.6, 0.0), (0.9, -0.3), (0, 1, -1)),
        ((0.0, 0.0), (0.3, -0.3), (0, 1, 0)),
        ((0.6, 30.1), (0.9, 30.4), (1, -1, -1)),
        ((0.6, 8.4), (0.9, 8.7), (1, 0, -1)),
        ((8.1, 2.1), (8.4, 1.8), (1, 1, -1)),
    ],
)
def test_places_in_neighbouring_cells_are_compared(
    a: tuple[float, float], b: tuple[float, float], offset: tuple[int, int, int]
) -> None:
    low, high = sorted((_cell(*a), _cell(*b)))
    assert tuple(y - x for x, y in zip(low, high, strict=True)) == offset
    assert _candidates(_at("a", "Boni", *a), _at("b", "Hombori", *b)) == [("a", "b")]


def test_cell() -> None:
    assert _cell(0.0, 0.0) == (63, 0, 0)
    assert _cell(0.0, 60.0) == (31, 55, 0)
    assert _cell(45.0, 0.0) == (45, 0, 45)


def test_every_close_spelling_is_compared_not_only_the_five_best() -> None:
    """Seven names one letter apart (other consonants, ratio 88): all 21 pairs."""
    names = [f"Kandaha{c}" for c in "rslntdp"]
    reports = [rep(chr(ord("a") + k), town=n) for k, n in enumerate(names)]
    expected = [(x, y) for k, x in enumerate("abcdefg") for y in "abcdefg"[k + 1 :]]
    assert _candidates(*reports) == expected


def test_a_pair_scoring_exactly_the_floor_does_not_block_a_join() -> None:
    """c joins a (4); b and c score 0, which is FLOOR: compatible, and the weakest link."""
    a = rep("a", town="Soumpi", perps=(JNIM,), killed=(20, 20))
    b = rep("b", town="Soumpi", perps=(JNIM,), killed=(40, 40), event="riot")
    c = rep("c", day=8, killed=(20, 20))
    assert (affinity(a, b), affinity(a, c), affinity(b, c)) == (6, 4, 0)
    result = group([a, b, c])
    assert _ids(result.groups) == [["a", "b", "c"]]
    [why] = result.reasons
    assert why is not None and why.weakest == 0
    # one point less and the pair blocks the join
    b2 = b.model_copy(update={"date": None})  # b-c loses "dates within a day" (+1)
    assert affinity(b2, c) == -1
    assert _ids(group([a, b2, c]).groups) == [["a", "b"], ["c"]]


def test_the_date_sweep_reads_reports_by_date_not_by_order() -> None:
    """Same place, days 9, 7 and 8: 9-8 and 7-8 are within a day, 9-7 is not."""
    reports = [rep(i, town="Boni", gid=5, day=d) for i, d in (("a", 9), ("b", 7), ("c", 8))]
    assert _candidates(*reports) == [("a", "c"), ("b", "c")]


def test_the_closest_pair_kept_apart_found_later_replaces_the_first() -> None:
    """The same incidents as above with the roles of a and b swapped: b-c (7, vetoed)
    comes after a-c (6, blocked) and is shown."""
    a = rep("a", town="Boni", killed=(8, 8))
    b = rep("b", town="Boni", perps=(JNIM,), killed=(8, 8))
    c = rep("c", town="Boni", perps=(ISSP,), killed=(8, 8), event="riot")
    result = group([a, b, c])
    assert _ids(result.groups) == [["a", "b"], ["c"]]
    assert [(k.articles, k.kept_apart_by) for k in result.kept_apart] == [
        (["b", "c"], "different named groups: jnim / issp")
    ]


def _dated_by_page(aid: str, day: int) -> ArticleReport:
    r = rep(aid, day=day, town="Boni", gid=5, killed=(20, None))
    assert r.date is not None
    return r.model_copy(update={"date": r.date.model_copy(update={"date_line": True})})


@pytest.mark.parametrize(("line_day", "joined"), [(10, True), (7, True), (15, False), (5, False)])
def test_a_date_line_bounds_the_event_from_above(line_day: int, joined: bool) -> None:
    """A report dated only by its page's date line (the 10th) meets one whose sentences date
    the event on the 7th: the event is on or before the page's day, within a week. A date
    line more than a week after the event, or before it, does not."""
    event = rep("a", town="Boni", gid=5, day=7, killed=(20, None))
    page = _dated_by_page("b", line_day)
    assert (len(group([event, page]).groups) == 1) is joined
    assert (len(group([page, event]).groups) == 1) is joined


@pytest.mark.parametrize(
    ("written", "joined"),
    [(((2025, 11, 7),), True), (((2025, 11, 3), (2025, 11, 7)), True),
     (((2025, 11, 10),), False), (((2025, 10, 1), (2025, 11, 7)), True),
     (((2025, 10, 23),), True), (((2025, 10, 22),), False), (((2025, 11, 24),), False),
     ((), False)],
)  # fmt: skip
def test_a_follow_up_dated_by_its_page_meets_the_day_its_text_writes(
    written: tuple[tuple[int, int, int], ...], joined: bool
) -> None:
    """A follow-up published on the 22nd, dated by its page, whose text writes out the
    event's day ("El 7 de noviembre de 2025, ...") meets the reports dated the 7th. A day
    its text writes that is not the other's, more than BACKGROUND_DAYS before the page, or
    after it, does not stretch its dates to the other's."""
    event = rep("a", town="Boni", gid=5, day=7, killed=(20, None))
    page = _dated_by_page("b", 22).model_copy(update={"days": [date(*d) for d in written]})
    assert (len(group([event, page]).groups) == 1) is joined
    assert (len(group([page, event]).groups) == 1) is joined


@pytest.mark.parametrize(("day", "joined"), [(1, True), (30, True), (7, True)])
def test_a_page_stamped_with_its_month_spans_the_month(day: int, joined: bool) -> None:
    """A page stamped "2025-11" was published some day of November: the event is on or
    before a day of it, whichever."""
    month = DateValue(start=date(2025, 11, 1), end=date(2025, 11, 30), precision="month")
    page = _dated_by_page("b", 30)
    assert page.date is not None
    page = page.model_copy(update={"date": page.date.model_copy(update={"value": month})})
    event = rep("a", town="Boni", gid=5, day=day, killed=(20, None))
    assert (len(group([event, page]).groups) == 1) is joined
    october = rep("c", town="Boni", gid=5, day=7, killed=(20, None))
    assert october.date is not None
    oct20 = DateValue(start=date(2025, 10, 20), end=date(2025, 10, 20), precision="day")
    october = october.model_copy(update={"date": october.date.model_copy(update={"value": oct20})})
    assert len(group([october, page]).groups) == 2  # three weeks before the month


def test_sentence_dates_three_days_apart_stay_apart() -> None:
    """The other direction: the same two reports, both dated by their sentences."""
    event = rep("a", town="Boni", gid=5, day=7, killed=(20, None))
    other = rep("b", town="Boni", gid=5, day=10, killed=(20, None))
    assert len(group([event, other]).groups) == 2
