"""The clusterer's perpetrator rules one by one (summarizer/_actor_match.py): who a report
blames, how two reports' perpetrators relate (weight, reason, veto) and which groups a
report names together. Each case asserts the exact relation, in both directions."""

import pytest

from summarizer._actor_match import Who, _core, _first, _named, allies, relate, who
from summarizer._place_match import Relation
from summarizer.schemas import ActorFact, ArticleRef, ArticleReport

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
            ]
        )
    )
    assert got == Who(frozenset({"jnim"}), frozenset({"military:ML"}), True, ("KX", "Katiba X"))
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
            w(states=("military:ML", "police:ML")),
            w(states=("military:ML",)),
            NONE,
            Relation(1, "same state force: military:ML"),
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
