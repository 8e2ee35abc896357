"""Places: the offline gazetteer, countries from names and demonyms, place keys, and what an
article's place spans become (region and country filled in, coordinates, precision)."""

from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import settle, span_problems
from summarizer.normalize import gazetteer
from summarizer.normalize.places import countries_in, country_code, country_spelling, place_key
from summarizer.reconcile import reconcile
from summarizer.schemas import ArticleRef, ArticleReport, Extraction, PlaceFact

CONFLICT = load_kind("conflict")


def _report(text: str, **spans: object) -> ArticleReport:
    ex = Extraction.model_validate(
        {"is_incident": True, "event_type": "battle", "title": "t", "summary": "s", **spans}
    )
    return to_report(Article(id="a.txt", text=text), ex, [])


# ---- countries ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("Nigerian troops", {"NG"}),
        ("militaires nigériens", {"NE"}),  # Niger, not Nigeria: the longest stem decides
        ("l'armée nigérienne", {"NE"}),  # a feminine formed on the demonym
        ("la police nigériane", {"NG"}),
        ("l'armée burkinabè", {"BF"}),
        ("Burkina", {"BF"}),
        ("soldats maliens", {"ML"}),
        ("policía mexicana", {"MX"}),
        ("the Congolese army", {"CD", "CG"}),  # two countries: left for other evidence
        ("la ville congolaise de Beni", {"CD", "CG"}),  # in French and Spanish too
        ("soldados congoleños", {"CD", "CG"}),
        ("Somali police", {"SO"}),  # not Mali inside Somali
        ("gunmen", set()),
    ],
)
def test_countries_from_demonyms_and_short_forms(phrase: str, codes: set[str]) -> None:
    assert countries_in(phrase) == codes


@pytest.mark.parametrize(
    ("name", "code"),
    [("Soudan", "SD"), ("Ucrania", "UA"), ("République démocratique du Congo", "CD"),
     ("Rusia", "RU"), ("Congo", None)],
)  # fmt: skip
def test_country_names_in_french_and_spanish(name: str, code: str | None) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name",
    ["Pazigyi village", "the village of Pazigyi", "commune de Pazigyi", "PAZIGYI",
     "localidad de Pazigyi", "town of Pazigyi", "Pa Zi Gyi village"],
)  # fmt: skip
def test_place_key_folds_settlement_words(name: str) -> None:
    assert place_key(name) == "pazigyi"


def test_place_key_folds_hyphens_spaces_and_elision() -> None:
    assert place_key("Pont-Sondé") == place_key("pont sonde") == "pontsonde"
    assert place_key("village d'Inékar") == "inekar"


# ---- the gazetteer --------------------------------------------------------------------
def test_gazetteer_finds_a_town_by_an_alternate_name_with_its_region() -> None:
    (hit,) = gazetteer.places_named("Tombouctou", "ML")  # GeoNames: Timbuktu
    region = gazetteer.region(hit.country, hit.admin1)
    assert hit.name == "Timbuktu" and region is not None
    assert (region.name, region.iso) == ("Tombouctou", "ML-6")


def test_gazetteer_region_names_in_english_and_french() -> None:
    (north,) = gazetteer.regions_named("North Kivu province")
    (nord,) = gazetteer.regions_named("Nord-Kivu")
    assert north == nord and north.iso == "CD-NK"
    assert gazetteer.regions_named("South Kivu") != [north]


# ---- an article's places --------------------------------------------------------------
def test_country_and_region_inferred_from_the_town() -> None:
    r = _report("Gunmen attacked Gorom-Gorom on Friday.", town="Gorom-Gorom")
    assert r.country and r.country.name == "Burkina Faso" and r.country.inferred
    assert r.admin1 and (r.admin1.name, r.admin1.code, r.admin1.inferred) == (
        "Sahel",
        "BF-12",
        True,
    )
    assert r.location and r.location.geonameid is not None and r.location.precision == 1
    assert r.location.lat == pytest.approx(14.44, abs=0.05)


def test_country_from_a_demonym_when_the_article_names_no_country() -> None:
    text = "Nigerian troops repelled an attack on a base near a village."
    r = _report(text, perpetrators=["gunmen"], targets=["Nigerian troops"])
    assert r.country and (r.country.code, r.country.inferred) == ("NG", True)


def test_village_missing_from_the_gazetteer_falls_back_to_the_region_point() -> None:
    text = "Soldiers were killed in Zzyxvillé, in the Tombouctou region of Mali."
    r = _report(text, country="Mali", region="Tombouctou region", town="Zzyxvillé")
    assert r.admin1 and r.admin1.code == "ML-6" and not r.admin1.inferred
    assert r.location and r.location.name == "Zzyxvillé"
    assert (r.location.precision, r.location.geonameid) == (3, None)
    assert r.location.lat == pytest.approx(16.77, abs=0.05)  # Timbuktu, the region's capital


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Gunmen struck near Gorom-Gorom, Burkina Faso.", 2),
        # a point of reference, by its direction
        ("Gunmen struck 30 km east of Gorom-Gorom, Burkina Faso.", 2),
        ("Gunmen struck in an area north-west of the town of Gorom-Gorom, Burkina Faso.", 2),
        ("Des hommes armés ont frappé à 20 km au nord de Gorom-Gorom, au Burkina Faso.", 2),
        ("Des hommes armés ont frappé à l'est de Gorom-Gorom, au Burkina Faso.", 2),
        ("Hombres armados atacaron a 10 km al noreste de Gorom-Gorom, en Burkina Faso.", 2),
        ("Hombres armados atacaron en los suburbios de Gorom-Gorom, en Burkina Faso.", 2),
        ("Gunmen struck in the suburbs of Gorom-Gorom, Burkina Faso.", 2),
        ("Gunmen struck Gorom-Gorom, east of the capital, Burkina Faso.", 1),
        ("Gunmen struck Gorom-Gorom, Burkina Faso.", 1),
    ],
)
def test_near_a_town_is_precision_two(text: str, precision: int) -> None:
    r = _report(text, country="Burkina Faso", town="Gorom-Gorom")
    assert r.location and r.location.precision == precision


def test_a_town_given_as_the_region_gives_its_own_region() -> None:
    text = "L'attaque a eu lieu à Kandi, au Bénin."
    r = _report(text, country="Bénin", region="Kandi")
    assert r.admin1 and (r.admin1.name, r.admin1.inferred) == ("Alibori", True)
    assert r.country and r.country.name == "Benin"


def test_a_name_in_several_countries_is_never_guessed() -> None:
    r = _report("Ten people were killed in Kandi.", town="Kandi")
    assert r.country is None and r.admin1 is None
    assert r.location and r.location.name == "Kandi" and r.location.geonameid is None
    assert any("several countries" in w for w in r.warnings)


def test_ambiguous_short_form_settled_by_the_place() -> None:
    text = "Fighting in Goma, Congo, killed five."
    r = _report(text, country="Congo", town="Goma")
    assert r.country and r.country.code == "CD"
    assert r.admin1 and r.admin1.code == "CD-NK"


def test_ambiguous_short_form_alone_is_kept_as_written() -> None:
    r = _report("Fighting in Congo killed five.", country="Congo")
    assert r.country and (r.country.name, r.country.code) == ("Congo", None)
    assert any("may be" in w for w in r.warnings)


def test_spanish_article_places() -> None:
    text = "Hombres armados atacaron un bar en Querétaro, México."
    r = _report(text, country="México", town="Querétaro")
    assert r.country and r.country.code == "MX"
    assert r.location and r.location.name == "Santiago de Querétaro"  # the city dwarfs namesakes
    assert r.admin1 and r.admin1.name == "Querétaro"


# ---- the reconciler -------------------------------------------------------------------
def _located(aid: str, name: str, gid: int | None, precision: int | None) -> ArticleReport:
    return ArticleReport(
        article=ArticleRef(id=aid),
        location=PlaceFact(
            name=name, quote=name, geonameid=gid, lat=1.0 if gid else None,
            lon=2.0 if gid else None, precision=precision,
        ),
    )  # fmt: skip


def test_reconciler_votes_by_place_and_keeps_the_most_precise_point() -> None:
    brief = reconcile(
        [
            _located("a", "Pa Zi Gyi", 7, 1),
            _located("b", "Pazigyi village", None, None),
            _located("c", "Kanbalu", 9, 1),
        ]
    )
    assert brief.location and brief.location.geonameid == 7 and brief.location.precision == 1
    assert {e.article_id for e in brief.location.evidence} == {"a", "b"}


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(["Pazigyi", "Pa Zi Gyi", "village of Pazigyi", "Kanbalu"]),
            st.sampled_from([None, 7, 9]),
            st.sampled_from([None, 1, 2, 3]),
        ),
        min_size=1,
        max_size=5,
    ),
    st.randoms(use_true_random=False),
)
def test_located_places_any_order_same_brief(
    items: list[tuple[str, str, int | None, int | None]], rnd: Random
) -> None:
    reports = [_located(*item) for item in items]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert reconcile(reports).model_dump_json() == reconcile(shuffled).model_dump_json()


def test_country_inferred_from_the_region_alone() -> None:
    r = _report("Insurgents attacked a village in Borno State.", region="Borno State")
    assert r.country and (r.country.code, r.country.inferred) == ("NG", True)
    assert r.admin1 and (r.admin1.code, r.admin1.inferred) == ("NG-BO", False)


def test_markdown_shows_coordinates_precision_and_code() -> None:
    from summarizer.render import render_markdown
    from summarizer.schemas import DailyBrief

    text = "Soldiers were killed in Zzyxvillé, in the Tombouctou region of Mali."
    r = _report(text, country="Mali", region="Tombouctou region", town="Zzyxvillé")
    page = render_markdown(DailyBrief(incidents=[reconcile([r])], articles=1))
    assert (
        "| Region | Tombouctou (ML-6; 16.7735, -3.0074; precision 3: the region's point) |" in page
    )
    assert "| Place | Zzyxvillé (16.7735, -3.0074; precision 3: the region's point) |" in page


# ---- a region the model knows but the article does not write --------------------------


@pytest.mark.parametrize(
    ("text", "country", "region", "accepted"),
    [
        ("Gunmen attacked the village of Soumpi in Mali on Friday.", "Mali", "Tombouctou", True),
        ("Gunmen attacked the village of Soumpi in Mali on Friday.", "Mali", "Borno", False),
        ("Des hommes armés ont attaqué Soumpi, au Mali, vendredi.", "Mali", "Tombouctou", True),
        ("Un ataque armado en un bar de Querétaro, México.", "México", "Guanajuato", True),
        ("Un ataque armado en un bar de Querétaro, México.", "México", "Texas", False),
        ("Gunmen attacked a village on Friday.", None, "Tombouctou", False),  # no country
    ],
)  # fmt: skip
def test_a_region_from_knowledge_passes_only_in_the_articles_country(
    text: str, country: str | None, region: str, accepted: bool
) -> None:
    ex = Extraction(is_incident=True, event_type="battle", country=country, region=region,
                    title="Attack", summary="An attack.")  # fmt: skip
    assert ("region" not in span_problems(ex, CONFLICT, text)) == accepted


def test_a_region_from_knowledge_is_marked_inferred() -> None:
    text = "Gunmen attacked the village of Soumpi in Mali on Friday."
    ex = Extraction(is_incident=True, event_type="battle", country="Mali", region="Tombouctou",
                    town="Soumpi", title="Attack", summary="An attack.")  # fmt: skip
    admin = to_report(Article(id="a", text=text), ex, []).admin1
    assert admin and admin.code == "ML-6" and admin.inferred
    written = text.replace("in Mali", "in the Tombouctou region of Mali")
    admin = to_report(Article(id="a", text=written), ex, []).admin1
    assert admin and admin.code == "ML-6" and not admin.inferred


@pytest.mark.parametrize(
    ("code", "text", "written"),
    [
        ("UA", "Un ataque de Rusia contra Ucrania dejó 35 muertos.", "Ucrania"),
        ("SD", "Au Soudan, les paramilitaires ont tué 100 villageois.", "Soudan"),
        ("MX", "Diez muertos en Querétaro, México, el sábado.", "México"),
        # the longest name first; a short word is not a code ("Ben", "can")
        ("CD", "in the Democratic Republic of the Congo, Ben said", "Democratic Republic of the Congo"),
        ("BJ", "Ben said the attackers can strike again.", None),
        # lower case is not a name; another country is not this one
        ("ML", "the mali attack", None),
        ("ML", "Gunmen from Niger crossed over.", None),
    ],
)  # fmt: skip
def test_country_spelling_in_the_articles_language(
    code: str, text: str, written: str | None
) -> None:
    assert country_spelling(code, text) == written


def test_a_country_translated_by_the_model_is_put_back_in_the_articles_words() -> None:
    text = "Un misil ruso mató a 35 personas en Sumy, Ucrania, el domingo."
    ex = Extraction(is_incident=True, country="Ukraine", town="Sumy")
    settled = settle(ex, CONFLICT, text)
    assert settled.country == "Ucrania" and "country" not in span_problems(settled, CONFLICT, text)
    # a country the article never names stays as the model wrote it, and is refused
    other = settle(ex.model_copy(update={"country": "Russia"}), CONFLICT, "Sumy, el domingo.")
    assert other.country == "Russia"
    assert "country" in span_problems(other, CONFLICT, "Sumy, el domingo.")
