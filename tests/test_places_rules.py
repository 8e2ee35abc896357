"""Place-name rules one by one: countries in a phrase, demonym endings, region keys, ISO
3166-2 matching (exact, near spellings, the 88 threshold) and regions inside a phrase."""

from collections.abc import Iterator

import pytest

from summarizer.normalize.places import (
    admin1_in_text,
    admin_key,
    admin_keys,
    canonical_admin1,
    canonical_country,
    countries_in,
    country_code,
    country_name,
    first_level,
    first_level_above,
    iso_admin1,
)


@pytest.fixture(autouse=True)
def cold_caches() -> Iterator[None]:
    """first_level memoises admin_key's output; mutation testing forks a process whose
    caches are already warm, so each test starts cold."""
    first_level.cache_clear()
    yield


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("Mali", {"ML"}),  # a country name as written
        ("army of South Sudan", {"SS"}),  # two-word name, last in the phrase; not Sudan
        ("Mali and South Sudan", {"ML", "SS"}),
        ("Sudanese and South Sudanese", {"SD", "SS"}),
        ("Central African Republic forces", {"CF"}),  # three-word name
        ("Papua New Guinea troops", {"PG"}),  # not Guinea
        ("United Arab Emirates forces", {"AE"}),
        ("Central African Republic and South Sudan", {"CF", "SS"}),  # both names kept
        ("Burkina Faso and South Sudan", {"BF", "SS"}),
        ("forces of Sierra Leone", {"SL"}),
        ("Burkina Faso and Mali", {"BF", "ML"}),
        ("Mali Chad Niger", {"ML", "NE", "TD"}),  # four-letter names count
        ("the Congo and Mali", {"CD", "CG", "ML"}),
        ("Soudan du Sud", {"SS"}),
        ("Niger Delta militants", {"NE"}),
        ("Malinese", set()),  # not a demonym ending
        # a demonym shared with territories is the sovereign's: listed under it in ISO
        # 3166-2 (Réunion, Guam, Hong Kong), half of one so listed (Svalbard and Jan Mayen),
        # or named after it (French Polynesia)
        ("French troops", {"FR"}),
        ("British soldiers", {"GB"}),
        ("American drones", {"US"}),
        ("Chinese nationals", {"CN"}),
        ("Norwegian troops", {"NO"}),  # not Svalbard and Jan Mayen: Jan Mayen is NO-22
        ("Congolese soldiers", {"CD", "CG"}),  # two countries, neither under the other
        # an island territory's first word alone, in ISO's "Christmas, Île" or "Navidad,
        # Isla de" too, is a holiday, a county or a name
        ("young people at a Christmas party", set()),
        ("los asistentes a la fiesta de Navidad", set()),
        ("Norfolk police", set()),
        ("Solomon Islands police", {"SB"}),
        ("la police des îles Cook", {"CK"}),
        ("Christmas Island officials", {"CX"}),
        ("Rusia", {"RU"}),  # "Rusia, Federación de": the name before the comma stands
        # the common words that begin names are no country alone; the whole names are
        ("Islamic State in the Greater Sahara", set()),
        ("État islamique au Grand Sahara", set()),
        ("Puerto Vallarta police", set()),
        ("la costa de Guerrero", set()),
        ("Santa Cruz residents", set()),
        ("Sierra Leone army", {"SL"}),
        ("Costa Rican police", {"CR"}),
        ("Sahara Occidental", {"EH"}),
        ("Reino Unido", {"GB"}),
        ("Saudi-led coalition", {"SA"}),
    ],
)
def test_countries_in_a_phrase(phrase: str, codes: set[str]) -> None:
    assert countries_in(phrase) == codes


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("US troops", {"US"}),  # short forms, as capitals, anywhere in the phrase
        ("U.S. forces", {"US"}),
        ("the U.S.-backed army", {"US"}),
        ("U.K. officials", {"GB"}),
        ("the UK government", {"GB"}),
        ("UAE drones", {"AE"}),  # countryinfo's capitalised spellings
        ("soldats de la RDC", {"CD"}),
        ("the DRC army", {"CD"}),
        ("US", {"US"}),
        ("they told us", set()),  # the pronoun, never the country
        ("us", set()),
        ("Us", set()),
        ("drc", set()),
        ("IS fighters", set()),  # ISO codes are not short forms (Iceland, Australia, Benin)
        ("AU troops", set()),
        ("BEN fighters", set()),
    ],
)
def test_short_forms_count_only_as_capitals(phrase: str, codes: set[str]) -> None:
    assert countries_in(phrase) == codes


@pytest.mark.parametrize(
    "phrase",
    [
        "Democratic Republic of Congo",
        "troops of the Democratic Republic of Congo",  # not the Republic of Congo inside
        "Military Forces of Democratic Republic of Congo",
        "eastern Democratic Republic of the Congo",  # 'eastern' is no country (Uruguay's)
        "DR Congo army",
        "RD Congo",
        "RDC",
        "armée de la République démocratique du Congo",
        "ejército de la República Democrática del Congo",
        "Congolese army of the DRC",  # the short form settles the ambiguous demonym
    ],
)
def test_the_democratic_republic_is_cd(phrase: str) -> None:
    assert countries_in(phrase) == {"CD"}


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("Republic of Congo", {"CG"}),
        ("République du Congo", {"CG"}),
        ("Congo-Brazzaville troops", {"CG"}),
        ("the Congolese army", {"CD", "CG"}),  # ambiguous alone: left to other evidence
        ("Islamic State fighters", set()),  # words of official names name no country
        ("federal police", set()),
    ],
)
def test_the_republic_of_congo_and_generic_words(phrase: str, codes: set[str]) -> None:
    assert countries_in(phrase) == codes


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("malienne", "ML"),
        ("nigerianes", "NG"),
        ("colombianas", "CO"),
        ("senegalaise", "SN"),
        ("tchadiennes", "TD"),
        ("beninoise", "BJ"),
        ("irakiennes", "IQ"),
        ("afghanes", "AF"),
        ("nigerians", "NG"),
        ("nigeriens", "NE"),
        ("togolese", "TG"),
    ],
)
def test_demonyms_by_the_longest_stem(word: str, code: str) -> None:
    assert countries_in(f"les forces {word}") == {code}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Région de Tombouctou", "tombouctou"),
        ("Province du Nord-Kivu", "north kivu"),
        ("North Kivu province", "north kivu"),
        ("of Kayes", "kayes"),
        ("la Kayes", "kayes"),
        ("Borno State", "borno"),
        ("Estado de Sucre", "sucre"),
        ("Ouest", "west"),
    ],
)
def test_admin_key(text: str, key: str) -> None:
    assert admin_key(text) == key


def test_admin_keys_drop_a_leading_compass_word_as_a_second_key() -> None:
    assert admin_keys("northern Borno") == ["north borno", "borno"]
    assert admin_keys("Borno State") == ["borno"]
    assert admin_keys("Central") == ["central"]  # nothing after the compass word to keep
    assert admin_keys("North Kivu") == ["north kivu", "kivu"]


@pytest.mark.parametrize(
    ("text", "country", "found"),
    [
        ("Tombouctou", "ML", ("ML-6", "Tombouctou")),
        ("Région de Ségou", "ML", ("ML-4", "Ségou")),
        ("northern Borno", "NG", ("NG-BO", "Borno")),  # by the second key
        ("Province du Nord-Kivu", "CD", ("CD-NK", "Nord-Kivu")),
        ("Tombuctu", "ML", ("ML-6", "Tombouctou")),  # a near spelling
        ("Kaye", "ML", ("ML-1", "Kayes")),  # 88.9: over the threshold
        ("qcundixamarca", "CO", ("CO-CUN", "Cundinamarca")),  # exactly 88: kept
        ("Gaoo", "ML", None),  # 85.7: under it
        ("Tombouctou", "CD", None),
        ("Tombouctou", None, None),
        ("Region", "ML", None),  # nothing left of the name
    ],
)
def test_iso_admin1(text: str, country: str | None, found: tuple[str, str] | None) -> None:
    assert iso_admin1(text, country) == found


def test_canonical_names() -> None:
    assert canonical_admin1("Gao region", "ML") == "Gao"
    assert canonical_admin1("Nowhere", "ML") is None
    assert canonical_country("Malí") == "Mali"
    assert canonical_country("nowhere") is None
    assert country_code("") is None


def test_admin1_inside_a_longer_phrase() -> None:
    assert admin1_in_text("in the Tombouctou region of Mali", "ML") == "Tombouctou"
    assert admin1_in_text("between Gao and Kidal", "ML") is None  # two regions: none
    assert admin1_in_text("Gaoville", "ML") is None  # a whole word only
    assert admin1_in_text("in Gao", None) is None


@pytest.mark.parametrize("phrase", ["northeastern Mexico", "el norte de México", "all of Mexico"])
def test_a_region_named_as_its_country_is_the_country_in_a_phrase(phrase: str) -> None:
    assert admin1_in_text(phrase, "MX") is None  # not the State of México
    assert admin1_in_text(f"{phrase}'s Tamaulipas state", "MX") == "Tamaulipas"


@pytest.mark.parametrize(
    ("code", "name"),
    [("CD", "Democratic Republic of Congo"), ("TW", "Taiwan"), ("ML", "Mali"), ("XX", "XX")],
)
def test_country_name(code: str, name: str) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Micronésie", "FM"),  # ISO's "Micronésie, États fédérés de": the name before it
        ("Bonaire", "BQ"),  # "Bonaire, Sint Eustatius and Saba"
        ("Christmas", None),  # "Christmas, Île": not before an island's word
        ("Navidad", None),  # "Navidad, Isla de"
    ],
)
def test_a_country_named_before_its_comma(name: str, code: str | None) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("text", "country", "above"),
    [
        ("Deux-Sèvres", None, "FR-NAQ"),  # a department, in the one country that has it
        ("département des Deux-Sèvres", "FR", "FR-NAQ"),
        ("Deux-Sèvres", "ES", None),  # not that country's
        ("Kent", "GB", "GB-ENG"),  # a county two levels down: the top one
        ("Valencia", "ES", "ES-VC"),
        ("Córdoba", None, None),  # a Spanish province and two countries' regions
        ("Córdoba", "ES", "ES-AN"),
        ("Cauca", "CO", None),  # itself first-level: nothing above it
        ("Nowhere", None, None),
    ],
)
def test_the_first_level_above_a_lower_subdivision(
    text: str, country: str | None, above: str | None
) -> None:
    assert first_level_above(text, country) == above
