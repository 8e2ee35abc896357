"""Actor names and identities rule by rule: cleaning names, acronyms, one actor or two,
the display name, generic identities by kind and country, the actor file's errors, and
merging (identity, name, unnamed attackers joining the one named group)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.errors import UserError
from summarizer.normalize import actors
from summarizer.normalize.actors import (
    attribution,
    entry_countries,
    identify,
    merge_actors,
    merged_attribution,
    preferred,
    relocate,
)
from summarizer.normalize.names import acronym, display_name, force_key, same_name, split_name
from summarizer.schemas import ActorFact

JNIM_FULL = "Jama'at Nusrat al-Islam wal-Muslimin"


@pytest.fixture(autouse=True)
def cold_caches() -> Iterator[None]:
    """Memoised results would hide the code under them (mutation testing forks a process
    whose caches are already warm): each test starts cold."""
    for cached in (same_name, actors.dictionary, actors._aliases):
        cached.cache_clear()
    yield


# ---- names -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (f"suspected members of {JNIM_FULL} (JNIM)", [JNIM_FULL, "JNIM"]),
        ("JNIM fighters", ["JNIM"]),
        ("al-Qaeda-linked militants", ["militants"]),
        ("fighters", ["fighters"]),  # nothing but the member word: kept
        ("armed fighters of the Islamic State", ["Islamic State"]),
        ("Alleged Militants of ISWAP", ["ISWAP"]),
        ("Boko Haram (BH) (JAS)", ["Boko Haram", "BH", "JAS"]),
        ("  Ansaroul Islam  ", ["Ansaroul Islam"]),
    ],
)
def test_split_name(raw: str, names: list[str]) -> None:
    assert split_name(raw) == names


@pytest.mark.parametrize(
    ("name", "short"),
    [
        (JNIM_FULL, "JNIM"),
        ("Islamic State West Africa Province", "ISWAP"),
        ("Front de libération du Macina", "FLM"),
        ("Le Front du Sud", "FS"),
        ("Mouvement-pour l'Unicité", "MPL"),
    ],
)
def test_acronym_skips_particles(name: str, short: str) -> None:
    assert acronym(name) == short


def test_force_key_folds_the_words_for_armed_forces() -> None:
    assert force_key("Malian soldiers") == force_key("Malian  army") == "malian forces"
    assert force_key("Malian Armed Forces") == "malian forces"
    assert force_key("the military") == "forces"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("JNIM", JNIM_FULL, True),
        (JNIM_FULL, "JNIM", True),
        ("J.N.I.M.", JNIM_FULL, True),
        ("JNIM", "Jama'at", False),  # one word is no acronym's expansion
        ("Jama'at", "JNIM", False),
        ("ISGS", "ISWAP", False),
        ("Malian soldiers", "Malian troops", True),
        ("Boko Haram", "Boko Harm", True),  # a close spelling
        ("Boko", "Boka", False),  # too short to compare loosely
        ("Ansaroul Islam", "Ansarul Islam", True),
        ("Katiba Macina", "Katiba Serma", False),
        ("", "x", False),
        ("x", "", False),
        ("JNIM", "JNIM", True),
        ("abcde", "abcdf", False),  # 80: under the fuzzy threshold
        ("Islamic State Sahel", "Islamic State Sahl", True),
        ("IS", "Islamic State", True),  # two capitals are an acronym
        ("ABCDEFGH", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel", True),
        ("ABCDEFGHI", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India", False),
        ("BoHa", "Boko Haram", False),  # mixed case is a word, not an acronym
        ("I.S.W.A.P.", "Islamic State West Africa Province", True),  # dots are not letters
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["JNIM", JNIM_FULL], f"{JNIM_FULL} (JNIM)"),
        (["Boko Haram"], "Boko Haram"),
        (["ISWAP", "IS", "Islamic State West Africa Province"],
         "Islamic State West Africa Province (ISWAP)"),
        (["AB", "CD"], "AB"),  # only acronyms: the first, none beside it
        (["Katiba Serma", "Katiba Macina"], "Katiba Macina"),  # longest, then by name
        (["Ansar", "Boko Haram", "JNIM"], "Boko Haram"),
    ],
)  # fmt: skip
def test_display_name(names: list[str], shown: str) -> None:
    assert display_name(names) == shown


# ---- identities ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "country", "role", "identity", "name"),
    [
        ("police and soldiers", "ML", "perpetrators", "police:ML", "Police Forces of Mali"),
        ("protesters", "KE", "perpetrators", "protesters:KE", "Protesters (Kenya)"),
        ("rioters", "KE", "targets", "protesters:KE", "Protesters (Kenya)"),
        ("bandits", None, "perpetrators", "unidentified", "Unidentified Armed Group"),
        ("soldiers", None, "perpetrators", "military", "Military Forces"),
        ("villagers", None, "targets", "civilians", "Civilians"),
        ("a market", "NE", "targets", "civilians:NE", "Civilians (Niger)"),
        ("Mali", "BF", "perpetrators", "military:ML", "Military Forces of Mali"),
        ("gunmen linked to Mali", "BF", "perpetrators", "unidentified:ML",
         "Unidentified Armed Group (Mali)"),
        ("militants affiliated with Nigerian groups", "BF", "perpetrators", "unidentified:NG",
         "Unidentified Armed Group (Nigeria)"),
        ("an IS affiliate", "NG", "perpetrators", "unidentified:NG",
         "Unidentified Armed Group (Nigeria)"),
        ("Nigerian and Malian soldiers", "BF", "perpetrators", "military:BF",
         "Military Forces of Burkina Faso"),
        ("Islamic State", "UG", "perpetrators", "adf", "Allied Democratic Forces (ADF)"),
        ("Islamic State", None, "perpetrators", "islamic-state", "Islamic State (IS)"),
        ("Islamic State", "FR", "perpetrators", "islamic-state", "Islamic State (IS)"),
        ("Allied Democratic Forces", "UG", "perpetrators", "adf",
         "Allied Democratic Forces (ADF)"),  # "allied" in its own name is no affiliation
        ("l'affilié de l'EI", "NE", "perpetrators", "unidentified:NE",
         "Unidentified Armed Group (Niger)"),  # elided words split from the acronym
    ],
)  # fmt: skip
def test_identify_by_kind_and_country(
    raw: str, country: str | None, role: str, identity: str, name: str
) -> None:
    who = identify(raw, country, role)
    assert who is not None and (who.identity, who.name) == (identity, name)


def test_identity_details() -> None:
    who = identify("Islamic State", "UG", "perpetrators")
    assert who and who.category == "group"
    assert who.names == ("Allied Democratic Forces", "ADF")
    assert who.countries == {"UG", "CD"}
    who = identify("soldiers", "ML", "perpetrators")
    assert who and (who.category, who.names, who.countries) == ("military", (), {"ML"})
    who = identify("soldiers", None, "perpetrators")
    assert who and who.countries == frozenset()
    assert identify("a market", "NE", "perpetrators") is None
    assert identify("Zorglub", None, "perpetrators") is None


def test_entry_countries() -> None:
    assert entry_countries(None) == frozenset()
    assert entry_countries("jnim") >= {"ML", "BF", "NE"}
    assert entry_countries("military:ML") == {"ML"}
    assert entry_countries("unidentified") == frozenset()


# ---- the actor file --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- name: no id\n", "every actor entry needs an 'id' and a 'name'"),
        ("- id: x\n", "every actor entry needs an 'id' and a 'name'"),
        ("- just text\n", "every actor entry needs an 'id' and a 'name'"),
        ("- id: x\n  name: X\n  category: alien\n",
         "actor 'x' has unknown category 'alien' (one of group, military, police, civilians, "
         "unidentified, other, protesters, government)"),
        ("- id: x\n  name: X\n  aliases: X-men\n", "actor 'x': 'aliases' must be a list"),
        ("id: x\n", "an actor file is a YAML list of entries"),
        ("- [unclosed\n", "not YAML (ParserError)"),
    ],
)  # fmt: skip
def test_bad_actor_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(UserError) as err:
        actors.dictionary(path)
    assert str(err.value) == f"{path}: {message}"


def test_unreadable_actor_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(UserError) as err:
        actors.dictionary(path)
    assert str(err.value) == f"{path}: cannot read actor file (FileNotFoundError)"


def test_user_entry_fields_and_replacement(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: jnim\n  name: Support Group\n  category: group\n  source: mine\n"
        "  acronym: SG\n  countries: [ML]\n  aliases: [Soutien]\n  by_country: {BF: other}\n"
        "- id: guards\n  name: Village Guards\n  category: protesters\n"
    )
    entries = actors.dictionary(path)
    mine = entries["jnim"]
    assert (mine.name, mine.category, mine.source, mine.acronym) == (
        "Support Group",
        "group",
        "mine",
        "SG",
    )
    assert (mine.countries, mine.aliases, mine.by_country) == (
        {"ML"},
        ("Soutien",),
        {"BF": "other"},
    )
    assert mine.display == "Support Group (SG)"
    guards = entries["guards"]
    assert (guards.category, guards.source, guards.acronym, guards.countries) == (
        "other",
        "",
        None,
        frozenset(),
    )
    assert guards.display == "Village Guards"
    assert "iswap" in entries  # the shipped entries stay


# ---- merging ---------------------------------------------------------------------------
def fact(
    name: str, category: str | None = None, identity: str | None = None, **kw: object
) -> ActorFact:
    kw.setdefault("quote", name)
    return ActorFact(name=name, category=category, identity=identity, **kw)  # type: ignore[arg-type]


def names_of(groups: list[list[tuple[str, ActorFact]]]) -> list[list[str]]:
    return [[f.name for _, f in g] for g in groups]


def test_merge_by_identity_before_name() -> None:
    items = [
        ("a", fact("JNIM", "group", "jnim")),
        ("b", fact("JNIM", "group", "other-jnim")),  # same name, another identity: apart
        ("c", fact(JNIM_FULL, "group", "jnim")),
        ("d", fact("Katiba Macina", "group")),
        ("e", fact("JNIM")),  # no identity: joins by name
    ]
    assert names_of(merge_actors(items, "targets")) == [
        ["JNIM", JNIM_FULL, "JNIM"],
        ["JNIM"],
        ["Katiba Macina"],
    ]


def test_unnamed_attackers_join_the_one_named_group() -> None:
    items = [
        ("a", fact("gunmen", "unidentified", "unidentified:ML")),
        ("b", fact("JNIM", "group", "jnim")),
    ]
    assert names_of(merge_actors(items, "perpetrators")) == [["JNIM", "gunmen"]]
    assert names_of(merge_actors(items, "targets")) == [["gunmen"], ["JNIM"]]


def test_unnamed_attackers_stay_apart_from_a_group_that_does_not_operate_there() -> None:
    items = [
        ("a", fact("gunmen", "unidentified", "unidentified:KE")),
        ("b", fact("JNIM", "group", "jnim")),
    ]
    assert names_of(merge_actors(items, "perpetrators")) == [["gunmen"], ["JNIM"]]
    items[0] = ("a", fact("gunmen", "unidentified", "unidentified"))  # no country: may be
    assert names_of(merge_actors(items, "perpetrators")) == [["JNIM", "gunmen"]]


def test_unnamed_attackers_stay_apart_when_two_groups_are_named() -> None:
    items = [
        ("a", fact("gunmen", "unidentified")),
        ("b", fact("JNIM", "group", "jnim")),
        ("c", fact("ISGS", "group", "is-sahel")),
    ]
    assert names_of(merge_actors(items, "perpetrators")) == [["gunmen"], ["JNIM"], ["ISGS"]]


def test_an_unknown_name_counts_as_named() -> None:
    items = [("a", fact("gunmen", "unidentified")), ("b", fact("Zorglub Brigade"))]
    assert names_of(merge_actors(items, "perpetrators")) == [["Zorglub Brigade", "gunmen"]]


def test_soldiers_are_not_a_named_group_for_unnamed_attackers() -> None:
    items = [("a", fact("gunmen", "unidentified")), ("b", fact("soldiers", "military"))]
    assert names_of(merge_actors(items, "perpetrators")) == [["gunmen"], ["soldiers"]]


@pytest.mark.parametrize(
    ("categories", "lead"),
    [
        (["unidentified", "group"], "group"),
        (["civilians", None], None),
        (["unidentified", "civilians"], "civilians"),
        (["other", "military"], "military"),
        (["unidentified", "other"], "other"),
        (["police", "civilians"], "police"),
    ],
)
def test_preferred_fact(categories: list[str | None], lead: str | None) -> None:
    group = [(str(i), fact(f"n{i}", c)) for i, c in enumerate(categories)]
    assert preferred(group).category == lead


def test_merged_attribution_is_the_firmest() -> None:
    group = [("a", fact("X", attribution="suspected")), ("b", fact("X", attribution="stated"))]
    assert merged_attribution(group) == "stated"
    group.append(("c", fact("X", attribution="claimed")))
    assert merged_attribution(group) == "claimed"


def test_relocate_identifies_again_in_the_incidents_country() -> None:
    before = fact(
        "Civilians", "civilians", "civilians", quote="villagers", aliases=["Civilians", "locals"]
    )
    after = relocate(before, "ML", "targets")
    assert (after.name, after.identity, after.category) == (
        "Civilians (Mali)",
        "civilians:ML",
        "civilians",
    )
    assert after.aliases == ["locals"]
    assert after.quote == "villagers"
    is_fact = fact("Islamic State", "group", "islamic-state", aliases=["IS"])
    after = relocate(is_fact, "NG", "perpetrators")
    assert after.identity == "iswap"
    assert after.aliases == ["IS", "Islamic State West Africa Province", "ISWAP"]
    unchanged = fact("Zorglub", quote="Zorglub")
    assert relocate(unchanged, "ML", "perpetrators") is unchanged
    same = fact("Civilians (Mali)", "civilians", "civilians:ML", quote="villagers")
    assert relocate(same, "ML", "targets") is same


def test_relocate_takes_the_new_category_and_reads_venues_as_targets() -> None:
    before = fact("villagers", quote="villagers")
    after = relocate(before, "ML", "targets")
    assert (after.identity, after.category) == ("civilians:ML", "civilians")
    church = relocate(fact("a church", quote="a church"), "ML", "targets")
    assert (church.name, church.identity) == ("Civilians (Mali)", "civilians:ML")


def test_entry_countries_of_a_user_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- id: red-scorpions\n  name: Red Scorpions\n  countries: [ML]\n")
    monkeypatch.setenv("SUMMARIZER_ACTORS", str(path))
    assert entry_countries("red-scorpions") == {"ML"}


# ---- attribution: sentence by sentence, and the hedge windows' edges ------------------
def test_a_claim_in_another_sentence_is_not_this_actors() -> None:
    text = "JNIM attacked the base. Another group claimed responsibility for the attack."
    assert attribution(["JNIM"], text) == "stated"
    assert attribution(["JNIM"], "JNIM attacked the base and claimed responsibility for it.") == (
        "claimed"
    )


def test_a_hedge_counts_up_to_120_characters_before_the_name() -> None:
    def text(pad: int) -> str:
        return "Blamed " + "a" * pad + " JNIM attacked the base."

    assert attribution(["JNIM"], text(112)) == "suspected"  # "blamed" starts 120 before
    assert attribution(["JNIM"], text(113)) == "stated"  # 121 before: out of reach


def test_a_hedge_counts_within_60_characters_after_the_name() -> None:
    def text(pad: int) -> str:
        return f"JNIM {'a' * 20} {'b' * 15} {'c' * pad} suspected of the raid."

    assert attribution(["JNIM"], text(14)) == "suspected"  # "suspect" ends at 60
    assert attribution(["JNIM"], text(15)) == "stated"  # at 61: out of reach


def test_a_named_group_and_soldiers_stay_two() -> None:
    items = [("a", fact("JNIM", "group", "jnim")), ("b", fact("soldiers", "military"))]
    assert names_of(merge_actors(items, "perpetrators")) == [["JNIM"], ["soldiers"]]


@pytest.mark.parametrize("raw", ["daesh", "islamic state fighters", "DAESH"])
def test_word_aliases_match_in_any_case(raw: str) -> None:
    who = identify(raw, None, "perpetrators")
    assert who is not None and who.identity == "islamic-state"


# ---- an alias is its own entry's first -----------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "country", "identity"),
    [
        ("TTP", "AF", "ttp"),  # an acronym names its group wherever the incident is
        ("TTP militants", "AF", "ttp"),
        ("Tehrik-i-Taliban Pakistan (TTP)", "AF", "ttp"),  # not the Taliban inside the name
        ("Tehreek-e-Taliban Pakistan", "AF", "ttp"),
        ("Pakistani Taliban", "AF", "ttp"),
        ("Taliban pakistanais", "AF", "ttp"),  # French
        ("TTP", "PK", "ttp"),
        ("Taliban", "AF", "taliban"),  # the other direction: the Afghan Taliban at home
        ("les talibans afghans", "PK", "taliban"),
        ("Taliban", "PK", None),  # a one-word name outside its group's country: not guessed
        ("the Allied Democratic Forces (ADF)", "NG", "adf"),
    ],
)
def test_an_alias_resolves_to_its_own_entry_first(
    raw: str, country: str, identity: str | None
) -> None:
    who = identify(raw, country, "perpetrators")
    assert (who.identity if who and who.category == "group" else None) == identity


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Islamic State (IS)", "Islamic State (IS)"),  # "is" starts "islamic": still shown
        ("Etat islamique (EI)", "Islamic State (IS)"),
        ("ISWAP", "Islamic State West Africa Province (ISWAP)"),
    ],
)
def test_an_acronym_in_parentheses_is_kept(raw: str, name: str) -> None:
    from summarizer.kinds.facts import Who
    from summarizer.kinds.report import _actors

    [fact] = _actors([raw], Who("perpetrators"), f"{raw} attacked the town.", None)
    assert fact.name == name
    short = name[name.index("(") + 1 : -1]
    assert short in fact.aliases and name[: name.index(" (")] in fact.aliases
