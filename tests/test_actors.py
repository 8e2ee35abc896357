"""Actors: dictionary identities, ACLED's generic actors, attribution read both ways in
English, French and Spanish, one actor per identity across wordings and sources."""

from pathlib import Path
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.articles import Article
from summarizer.errors import UserError
from summarizer.extract import to_report
from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported, settle, span_problems
from summarizer.normalize import actors
from summarizer.normalize.actors import attribution, identify
from summarizer.reconcile import reconcile
from summarizer.schemas import ActorFact, ArticleRef, ArticleReport, Extraction, PlaceFact


def _report(text: str, aid: str = "a.txt", **spans: object) -> ArticleReport:
    ex = Extraction.model_validate(
        {"is_incident": True, "event_type": "battle", "title": "t", "summary": "s", **spans}
    )
    return to_report(Article(id=aid, text=text), ex, [])


# ---- identities -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "country", "identity", "name"),
    [
        ("JNIM", "ML", "jnim", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("Groupe de soutien à l'islam et aux musulmans", "BF", "jnim",
         "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("Boko Haram insurgents", "NG", "boko-haram",
         "Boko Haram (Jama'atu Ahlis Sunna Lidda'awati wal-Jihad)"),
        ("disidencias de las FARC", "CO", "farc-emc", "FARC dissidents: Estado Mayor Central (EMC)"),
        ("Islamic State", "CD", "adf", "Allied Democratic Forces (ADF)"),  # IS's local branch
        ("Islamic State", "NE", "is-sahel", "Islamic State Sahel Province (IS Sahel)"),
        ("gunmen", "NG", "unidentified:NG", "Unidentified Armed Group (Nigeria)"),
        ("hommes armés", "ML", "unidentified:ML", "Unidentified Armed Group (Mali)"),
        ("individuos armados", "MX", "unidentified:MX", "Unidentified Armed Group (Mexico)"),
        ("militants linked to JNIM", "BF", "unidentified:BF", "Unidentified Armed Group (Burkina Faso)"),
        ("Nigerian troops", None, "military:NG", "Military Forces of Nigeria"),
        ("soldiers", "KE", "military:KE", "Military Forces of Kenya"),
        ("Russia", "UA", "military:RU", "Military Forces of Russia"),  # a state as attacker
        ("la police kényane", None, "police:KE", "Police Forces of Kenya"),
        ("gendarmes", "BF", "police:BF", "Police Forces of Burkina Faso"),
        ("worshippers", "CD", "civilians:CD", "Civilians (Democratic Republic of Congo)"),
        ("Ethiopian National Defence Force", "ET", "military:ET", "Military Forces of Ethiopia"),
        ("Russian missile strike", "UA", "military:RU", "Military Forces of Russia"),
        ("une frappe aérienne israélienne", "LB", "military:IL", "Military Forces of Israel"),
        ("Ukrainian drones", "RU", "military:UA", "Military Forces of Ukraine"),
        # A long name transliterated otherwise, a leader's name after it.
        ("Jamma'at Nustra Al Islam Wal Musilimin d'Iyad Ag Ghaly", "ML", "jnim",
         "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("un commando", "ML", "unidentified:ML", "Unidentified Armed Group (Mali)"),
        ("cartel groups", "MX", "unidentified:MX", "Unidentified Armed Group (Mexico)"),
        ("un cártel de la droga", "MX", "unidentified:MX", "Unidentified Armed Group (Mexico)"),
    ],
)  # fmt: skip
def test_identify(raw: str, country: str | None, identity: str, name: str) -> None:
    who = identify(raw, country, "perpetrators")
    assert who is not None and (who.identity, who.name) == (identity, name)


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("missile strike", "perpetrators"),  # no side named: not the struck country's army
        ("Russian and Belarusian missile strikes", "perpetrators"),  # two states: neither alone
        ("Russian missile strike", "targets"),  # a strike is no one's victim
        ("Russian investigators", "perpetrators"),  # a demonym alone makes no armed force
    ],
)
def test_a_strike_names_a_state_only_as_the_attacker_with_its_demonym(raw: str, role: str) -> None:
    assert identify(raw, "UA", role) is None


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("Cártel del Golfo", "MX"),  # a cartel by its name: kept as written
        ("the Gulf Cartel", "MX"),
        ("Jamma'at Nustra Al Islam Wal Musilimin", "KE"),  # not where JNIM operates
        ("Forces Armées du Nord", "TD"),  # short names are matched exactly or not at all
    ],
)
def test_a_named_group_the_dictionary_does_not_hold_here_stays_as_written(
    raw: str, country: str
) -> None:
    who = identify(raw, country, "perpetrators")
    assert who is None or who.category != "unidentified"
    assert who is None or who.identity not in {"jnim", "is-sahel"}


def test_two_groups_close_to_one_long_name_are_neither() -> None:
    close = actors._spelled_otherwise(
        actors.name_key("Jamaat Nusrat al Islam wal Muslimin"), None, None
    )
    assert close is not None and close[0].id == "jnim"
    assert actors._spelled_otherwise(actors.name_key("the people of the town"), None, None) is None
    assert actors._spelled_otherwise(actors.name_key("Nusrat al Islam"), None, None) is None


@pytest.mark.parametrize(
    ("raw", "identity", "name"),
    [
        ("Ministry of Education", "government:SO", "Government of Somalia"),
        ("Somalia's education ministry", "government:SO", "Government of Somalia"),
        ("le ministère de l'Intérieur", "government:SO", "Government of Somalia"),
        ("el Ministerio de Educación", "government:SO", "Government of Somalia"),
        ("the parliament building", "government:SO", "Government of Somalia"),
        ("four Americans", "civilians:US", "Civilians (United States)"),
        ("deux Français", "civilians:FR", "Civilians (France)"),
        ("Somalis", "civilians:SO", "Civilians (Somalia)"),
        ("the K-5 junction", "civilians:SO", "Civilians (Somalia)"),
        ("una intersección", "civilians:SO", "Civilians (Somalia)"),
        ("menor animalista", "civilians:SO", "Civilians (Somalia)"),
        ("a local imam", "civilians:SO", "Civilians (Somalia)"),
        ("le marabout", "civilians:SO", "Civilians (Somalia)"),
    ],
)
def test_institutions_places_and_nationals_as_targets(raw: str, identity: str, name: str) -> None:
    who = identify(raw, "SO", "targets")
    assert who is not None and (who.identity, who.name) == (identity, name)
    assert who.category == ("other" if identity.startswith("government") else "civilians")
    assert identify(raw, "SO", "perpetrators") is None  # as the attacker, none of them


@pytest.mark.parametrize("raw", ["Somali", "the American embassy", "American officials"])
def test_a_nationality_alone_in_the_plural_only(raw: str) -> None:
    who = identify(raw, "SO", "targets")
    assert who is None or who.category != "civilians"


def _id(raw: str, country: str) -> str | None:
    who = identify(raw, country, "perpetrators")
    return who.identity if who else None


def test_a_venue_as_target_stands_for_its_civilians() -> None:
    who = identify("a Pentecostal church", "CD", "targets")
    assert who and who.identity == "civilians:CD"
    assert identify("a Pentecostal church", "CD", "perpetrators") is None


@pytest.mark.parametrize("raw", ["victims", "the victim", "les victimes", "las víctimas"])
def test_the_bare_victims_as_target_are_civilians(raw: str) -> None:
    who = identify(raw, "HT", "targets")
    assert who and who.identity == "civilians:HT"
    assert identify(raw, "HT", "perpetrators") is None


@pytest.mark.parametrize(
    "raw",
    ["a man in his late 40s", "a woman", "Madre de seis hijos", "mujer mexicana",
     "deux journalistes", "un periodista", "Pastores", "tres amigos",
     "a family of five", "une famille", "un enfant", "a herder"],
)  # fmt: skip
def test_a_person_named_by_who_they_are_is_a_civilian_target_only(raw: str) -> None:
    who = identify(raw, "MX", "targets")
    assert who and who.identity == "civilians:MX"
    assert identify(raw, "MX", "perpetrators") is None  # a lone man is no civilian actor


@pytest.mark.parametrize("raw", ["periodista Mohamed Koona", "the journalist Ana Ruiz"])
def test_a_person_named_by_name_stays_as_written(raw: str) -> None:
    assert identify(raw, "MX", "targets") is None


@pytest.mark.parametrize("raw", ["an armed man", "un homme armé", "un hombre armado"])
def test_one_armed_man_is_an_unidentified_armed_group(raw: str) -> None:
    for role in ("perpetrators", "targets"):
        who = identify(raw, "MX", role)
        assert who and who.identity == "unidentified:MX"


@pytest.mark.parametrize(
    "raw", ["Fuerzas del orden", "gardaí", "Gardai", "Carabineros", "forces de l'ordre"]
)
def test_police_forces_by_their_common_names(raw: str) -> None:
    who = identify(raw, "IE", "perpetrators")
    assert who and who.identity == "police:IE"


def test_acronyms_match_as_written_only() -> None:
    assert _id("the village where IS fighters hid", "NE") == "is-sahel"
    assert _id("a group that is unknown here", "NE") == "unidentified:NE"


def test_dictionary_entry_outside_its_countries_does_not_apply() -> None:
    assert _id("ADF", "CM") == "ambazonian-separatists"
    assert _id("ADF", "UG") == "adf"


def test_user_actor_file_extends_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: red-scorpions\n  name: Red Scorpions Brigade\n  acronym: RSB\n"
        "  countries: [ML]\n  aliases: [Scorpions rouges]\n  source: my notes\n"
    )
    monkeypatch.setenv("SUMMARIZER_ACTORS", str(path))
    who = identify("les Scorpions rouges", "ML", "perpetrators")
    assert who and (who.identity, who.name) == ("red-scorpions", "Red Scorpions Brigade (RSB)")


def test_bad_actor_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- name: no id\n")
    with pytest.raises(UserError, match=r"bad\.yaml: every actor entry needs an 'id'"):
        actors.dictionary(path)


def test_every_shipped_entry_has_a_source_and_a_known_category() -> None:
    entries = actors.dictionary(None)
    assert len(entries) >= 40
    assert all(e.source.startswith("https://") for e in entries.values())
    for needed in ("jnim", "iswap", "is-sahel", "boko-haram", "ansaru", "al-shabaab", "adf",
                   "m23", "ttp", "iskp", "eln", "farc-emc", "cjng", "ambazonian-separatists"):  # fmt: skip
        assert needed in entries


# ---- attribution, both ways -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suspected members of JNIM stormed the base.", "suspected"),
        ("JNIM stormed the base on Friday.", "stated"),
        ("JNIM claimed responsibility for the attack in a statement.", "claimed"),
        ("No group has claimed responsibility, but JNIM operates in the area.", "stated"),
        ("Officials blamed JNIM for the ambush.", "suspected"),
        ("The attack was attributed to JNIM.", "suspected"),
        ("JNIM is suspected of carrying out the raid.", "suspected"),
        ("Des présumés membres du JNIM ont attaqué le camp.", "suspected"),
        ("L'attaque a été revendiquée par le JNIM.", "claimed"),
        ("Le JNIM a attaqué le camp vendredi.", "stated"),
        ("Presuntos integrantes del JNIM atacaron el cuartel.", "suspected"),
        ("El JNIM reivindicó el ataque.", "claimed"),
        ("El JNIM atacó el cuartel.", "stated"),
    ],
)
def test_attribution(text: str, expected: str) -> None:
    assert attribution(["JNIM"], text) == expected


def test_attribution_reads_every_mention_and_the_full_name() -> None:
    text = (
        "Soldiers were killed when suspected members of Jama'at Nusrat al-Islam "
        "wal-Muslimin (JNIM) attacked. Later the JNIM fighters looted the base."
    )
    r = _report(text, country="Mali", perpetrators=["JNIM"], targets=["Soldiers"])
    (perp,) = r.perpetrators
    assert perp.attribution == "suspected"
    assert perp.name == "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"


# ---- one actor per identity ------------------------------------------------------------
def test_one_unnamed_attacker_described_four_ways_is_one_perpetrator() -> None:
    text = "Gunmen, described as bandits and terrorists, killed farmers. The assailants fled."
    r = _report(
        text, country="Nigeria",
        perpetrators=["Gunmen", "bandits", "terrorists"], targets=["farmers"],
    )  # fmt: skip
    (perp,) = r.perpetrators
    assert perp.name == "Unidentified Armed Group (Nigeria)" and perp.identity == "unidentified:NG"
    assert {"Gunmen", "bandits", "terrorists"} <= set(perp.aliases)


def _facts(aid: str, role: str, *names: str, country: str = "ML") -> ArticleReport:
    facts = []
    for n in names:
        who = identify(n, country, role)
        assert who is not None
        facts.append(
            ActorFact(
                name=who.name, aliases=[n], quote=n, identity=who.identity, category=who.category
            )
        )
    report = ArticleReport(
        article=ArticleRef(id=aid), country=PlaceFact(name="Mali", quote="Mali", code=country)
    )
    return report.model_copy(update={role: facts})


def test_sources_wordings_merge_and_generics_join_the_named_group() -> None:
    brief = reconcile(
        [
            _facts("a", "perpetrators", "hommes armés"),
            _facts("b", "perpetrators", "JNIM"),
            _facts("c", "perpetrators", "jihadists"),
        ]
    )
    (perp,) = brief.perpetrators
    assert perp.identity == "jnim" and {"hommes armés", "jihadists", "JNIM"} <= set(perp.aliases)
    assert [c.rule for c in brief.conflicts] == ["actors.named_over_generic"]


def test_one_set_of_victims_is_one_target() -> None:
    brief = reconcile(
        [
            _facts("a", "targets", "villagers"),
            _facts("b", "targets", "civils"),
            _facts("c", "targets", "worshippers", "women"),
        ]
    )
    (target,) = brief.targets
    assert target.name == "Civilians (Mali)"


def test_two_named_groups_stay_two_and_generics_stay_apart() -> None:
    brief = reconcile(
        [
            _facts("a", "perpetrators", "JNIM"),
            _facts("b", "perpetrators", "ISGS"),
            _facts("c", "perpetrators", "gunmen"),
        ]
    )
    assert {a.identity for a in brief.perpetrators} == {"jnim", "is-sahel", "unidentified:ML"}
    assert brief.conflicts[0].rule == "actors.distinct_groups"


def _perpetrator(raw: str, country: str) -> ActorFact:
    """The fact the report holds for a perpetrator written `raw`: identified, or as written."""
    who = identify(raw, country, "perpetrators")
    return ActorFact(
        name=who.name if who else raw, aliases=[raw], quote=raw,
        identity=who.identity if who else None, category=who.category if who else None,
    )  # fmt: skip


def _unknown(aid: str, *names: str, country: str = "MX") -> ArticleReport:
    facts = [_perpetrator(n, country) for n in names]
    name = {"MX": "Mexico", "CO": "Colombia"}[country]
    report = ArticleReport(
        article=ArticleRef(id=aid), country=PlaceFact(name=name, quote=name, code=country)
    )
    return report.model_copy(update={"perpetrators": facts})


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
def test_a_faction_named_inside_its_groups_name_is_one_actor(order: tuple[int, ...]) -> None:
    reports = [
        _unknown("a", "Cártel de Sierra Alta"),
        _unknown("b", "Los Halcones"),
        _unknown("c", "Grupo Halcones del Cártel de Sierra Alta", "cartel groups"),
    ]
    brief = reconcile([reports[i] for i in order])
    assert [a.name for a in brief.perpetrators] == ["Grupo Halcones del Cártel de Sierra Alta"]
    assert {"Los Halcones", "Cártel de Sierra Alta", "cartel groups"} <= set(
        brief.perpetrators[0].aliases
    )


def _colombia(aid: str, *names: str) -> ArticleReport:
    return _unknown(aid, *names, country="CO")


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_an_unknown_name_inside_one_known_actors_name_is_that_actor(
    order: tuple[int, ...],
) -> None:
    """ "Farc" (the model's cut of "disidencia de las Farc") beside the dictionary's FARC
    dissidents is that group, and then the unnamed attackers join it too."""
    reports = [
        _colombia("a", "Farc"),
        _colombia("b", "disidencias de las FARC"),
        _colombia("c", "delincuentes"),
    ]
    brief = reconcile([reports[i] for i in order])
    assert [a.identity for a in brief.perpetrators] == ["farc-emc"]
    assert {"Farc", "delincuentes"} <= set(brief.perpetrators[0].aliases)


def test_an_unknown_name_inside_two_known_actors_stays_apart() -> None:
    """ "Frente" is inside one front's name (that group), or inside two groups' (neither)."""
    both = reconcile([_colombia("a", "Frente"), _colombia("b", "Frente Carlos Patiño")])
    assert [a.identity for a in both.perpetrators] == ["farc-emc"]
    two = reconcile(
        [_colombia("a", "Frente"), _colombia("b", "Frente Carlos Patiño", "Frente Urbano del ELN")]
    )
    assert "Frente" in {a.name for a in two.perpetrators}


@pytest.mark.parametrize(
    ("raw", "weapon"),
    [("camión", "camion"), ("un camión cargado de explosivos", "camion"), ("a car bomb", "car"),
     ("Explosives", "explosives"), ("une voiture piégée", "voiture"), ("drones", "drones")],
)  # fmt: skip
def test_a_weapon_or_vehicle_is_no_attacker(raw: str, weapon: str) -> None:
    assert actors.weapon_only(raw, "CO") == weapon


@pytest.mark.parametrize(
    "raw",
    ["a suicide bomber", "gunmen in a truck", "the Car Bomb Brigade", "Russian drones",
     "hombres armados en motocicletas", "FARC dissidents with explosives"],
)  # fmt: skip
def test_people_with_a_weapon_stay_attackers(raw: str) -> None:
    assert actors.weapon_only(raw, "UA" if raw.startswith("Russian") else "CO") is None


def test_the_report_drops_a_weapon_given_as_the_attacker() -> None:
    text = "Un camión cargado de explosivos estalló en Cali. Las disidencias de las FARC atacaron."
    ex = Extraction(
        is_incident=True, event_type="explosion_remote_violence", country="Colombia",
        town="Cali", perpetrators=["Un camión cargado de explosivos", "disidencias de las FARC"],
    )  # fmt: skip
    report = to_report(Article(id="a", text=text), ex, [])
    assert [p.identity for p in report.perpetrators] == ["farc-emc"]
    assert any(
        "names a weapon or vehicle ('camion'), not who used it" in w for w in report.warnings
    )


@pytest.mark.parametrize(
    ("raw", "country", "identity"),
    [("Naxals", "IN", "cpi-maoist"), ("PLGA battalion", "IN", "cpi-maoist"),
     ("Maoist rebels", "IN", "cpi-maoist"), ("Maoists", "NP", None),
     ("CRPF", "IN", "police:IN"), ("District Reserve Guard", "IN", "police:IN"),
     ("security personnel", "IN", "military:IN"),
     ("Grupo Escorpiones del Cártel del Golfo", "MX", "gulf-cartel"),
     ("suboficial de segunda PNP", "PE", "police:PE"), ("PNP", "PH", "police:PH"),
     ("Policía Nacional", "CO", "police:CO"), ("protestantes", "PE", "protesters:PE"),
     ("FARDC", "CD", "military:CD"), ("La Familia Michoacana", "MX", "familia-michoacana"),
     ("Lashkar offshoot The Resistance Front", "IN", "trf"), ("LeT", "PK", "lashkar-e-taiba"),
     ("terrorista", "SY", "unidentified:SY"), ("the mob", "RU", "protesters:RU"),
     ("TTP militants in Afghanistan", "AF", "ttp"),
     # a name of a group elsewhere inside another name is not that group
     ("Saraya Ansar al-Sunna", "SY", None), ("Ansar al-Sunna", "MZ", "is-mozambique")],
)  # fmt: skip
def test_named_groups_and_forces_by_country(raw: str, country: str, identity: str | None) -> None:
    who = identify(raw, country, "perpetrators")
    assert (who.identity if who else None) == identity


@pytest.mark.parametrize(
    ("raw", "country", "identity"),
    [("a Greek Orthodox church", "SY", "civilians:SY"), ("Greek tourists", "SY", "civilians:GR"),
     ("the crowd", "IR", "civilians:IR"), ("campesinos", "MX", "civilians:MX"),
     ("l'église arménienne apostolique", "LB", "civilians:LB"),
     ("l'église de Kasindi", "CD", "civilians:CD")],
)  # fmt: skip
def test_who_the_targets_are(raw: str, country: str, identity: str) -> None:
    """A church's denomination is no country; a crowd attacked is civilians."""
    who = identify(raw, country, "targets")
    assert who and who.identity == identity


@pytest.mark.parametrize(
    ("raw", "identity"),
    [("viviendas con graves daños", "civilians:CO"), ("locales", "civilians:CO"),
     ("vehículos", "civilians:CO"), ("shops and cars", "civilians:CO"),
     ("Base Aérea Marco Fidel Suárez", "military:CO"), ("an army base", "military:CO"),
     ("la caserne de Kati", "military:CO"), ("military vehicles", "military:CO")],
)  # fmt: skip
def test_property_and_bases_as_targets(raw: str, identity: str) -> None:
    who = identify(raw, "CO", "targets")
    assert who and who.identity == identity


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Los Zetas", "Cártel del Golfo"),  # neither inside the other
        ("cartel", "Cártel del Golfo"),  # a common noun is inside every cartel's name
        ("Golfo Norte", "Cártel del Golfo"),  # words of it, not the whole name
    ],
)
def test_names_not_one_inside_the_other_stay_apart(one: str, other: str) -> None:
    assert not actors._inside(one, other) and not actors._inside(other, one)
    brief = reconcile([_unknown("a", one), _unknown("b", other)])
    assert len(brief.perpetrators) == 2 or one == "cartel"


def test_a_source_without_a_country_is_identified_in_the_incident_country() -> None:
    located = _facts("a", "perpetrators", "Islamic State", country="BF")
    unlocated = ArticleReport(
        article=ArticleRef(id="b"),
        perpetrators=[ActorFact(name="Islamic State", quote="Islamic State", identity="islamic-state",
                                category="group")],
    )  # fmt: skip
    brief = reconcile([located, unlocated])
    (perp,) = brief.perpetrators
    assert perp.identity == "is-sahel"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.lists(
                st.sampled_from(["JNIM", "GSIM", "gunmen", "hommes armés", "ISGS", "Katiba X"]),
                min_size=1, max_size=3,
            ),
        ),
        min_size=1,
        max_size=5,
    ),
    st.randoms(use_true_random=False),
)  # fmt: skip
def test_actors_any_order_same_brief(items: list[tuple[str, list[str]]], rnd: Random) -> None:
    reports = []
    for aid, names in items:
        facts = [_perpetrator(n, "ML") for n in names]
        reports.append(ArticleReport(article=ArticleRef(id=aid), perpetrators=facts))
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert reconcile(reports).model_dump_json() == reconcile(shuffled).model_dump_json()


def test_headline_names_the_group_in_full_with_its_attribution() -> None:
    text = "The Allied Democratic Forces claimed responsibility for the bombing in Kasindi."
    claimed = _report(text, country="DR Congo", perpetrators=["ADF"], targets=["worshippers"])
    text2 = "Suspected ADF rebels bombed a church in Kasindi, officials said."
    suspected = _report(text2, "b.txt", country="DRC", perpetrators=["ADF rebels"])
    brief = reconcile([claimed, suspected])
    (perp,) = brief.perpetrators
    assert perp.attribution == "claimed" and perp.identity == "adf"
    assert "Perpetrators: Allied Democratic Forces (ADF) (claimed)." in brief.headline
    assert "Targets: Civilians (Democratic Republic of Congo)." in brief.headline


# ---- a generic actor the model wrote in its own words ----------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "role", "word"),
    [
        ("Ukrainian citizens", "A missile killed 20 civilians in Sumy.", "targets", "civilians"),
        ("Ucranian civilians", "Un misil mató a 20 personas en Sumy.", "targets", "personas"),
        ("armed bandits", "The assailants fled on foot.", "perpetrators", "assailants"),
        ("Ukrainian troops", "Shelling hit the soldiers' post.", "targets", "soldiers"),
        # another kind, another country, a named actor or no such word: nothing
        ("Ukrainian citizens", "Gunmen fled after the attack.", "targets", None),
        ("Russian civilians", "A missile killed 20 civilians in Sumy.", "targets", None),
        ("Katiba Macina", "The assailants fled on foot.", "perpetrators", None),
        ("Sumy City Council", "The council said 20 civilians died.", "targets", None),
        # a named actor, even where the article names it another way, is left as written
        ("Katiba Macina", "JNIM fighters fled.", "perpetrators", None),
        ("Boko Haram fighters", "The gunmen fled.", "perpetrators", None),
        # a venue stands for the civilians in it, as a target; a country is no soldier
        ("the Marnia mosque", "Gunmen attacked a mosque in Marnia.", "targets", "mosque"),
        (
            "Ukrainian troops",
            "Ukraine said shelling hit the soldiers' post.",
            "targets",
            "soldiers",
        ),
    ],
)
def test_a_generic_actor_is_put_back_in_the_articles_word(
    raw: str, text: str, role: str, word: str | None
) -> None:
    assert actors.generic_wording(raw, text, "UA", role) == word


def test_the_span_check_reads_a_paraphrased_generic_target_as_the_articles_word() -> None:
    conflict = load_kind("conflict")
    text = "A Russian missile killed 20 civilians in Sumy, Ukraine, on Sunday."
    ex = Extraction(is_incident=True, country="Ukraine", targets=["Ukrainian citizens", "Kyiv"])
    settled = settle(ex, conflict, text)
    assert settled.targets == ["civilians", "Kyiv"]  # a name is never replaced
    assert span_problems(settled, conflict, text) == {
        "targets[1]": "targets 'Kyiv' is not in the article"
    }
    cleaned, warnings = drop_unsupported(ex, conflict, text)
    r = to_report(Article(id="a.txt", text=text), cleaned, warnings)
    assert [(a.name, a.quote) for a in r.targets] == [("Civilians (Ukraine)", "civilians")]
