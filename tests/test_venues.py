"""A venue's name is not a town: a name written only beside a venue word is the venue's."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported, span_problems
from summarizer.normalize.venues import venue_of
from summarizer.schemas import Extraction

CONFLICT = load_kind("conflict")


@pytest.mark.parametrize(
    ("name", "text", "venue"),
    [
        ("Los Cantaritos", "Gunmen stormed the Los Cantaritos bar in Marnia.", "bar"),
        ("Los Cantaritos", "Irrumpieron en el bar “Los Cantaritos” de Marnia.", "bar"),
        ("Los Cantaritos", "Irrumpieron en el bar de “Los Cantaritos”. El bar Los Cantaritos ardió.", "bar"),
        ("Saint Joseph", "A bomb went off in the church of Saint Joseph in Marnia.", "church"),
        ("Saint Joseph", "A bomb hit the “Saint Joseph” church.", "church"),
        ("Bab Souk", "Une bombe a explosé au marché Bab Souk.", "marché"),
        # the article's own capitals, and a venue word that opens it
        ("Los Cantaritos", "GUNMEN STORMED THE LOS CANTARITOS BAR.", "BAR"),
        ("Los Cantaritos", "Bar Los Cantaritos was attacked on Saturday.", "Bar"),
        # one mention as a place of its own is enough to keep it
        ("Marnia", "Gunmen attacked Marnia on Sunday; the Marnia market was burnt.", None),
        ("Marnia", "Gunmen stormed a bar in Marnia.", None),
        ("Marnia", "Marnia, a town with one bar, was attacked.", None),
        # a name the article never writes
        ("Portville", "Gunmen stormed the Los Cantaritos bar in Marnia.", None),
    ],
)  # fmt: skip
def test_a_name_only_beside_a_venue_word_is_the_venues(
    name: str, text: str, venue: str | None
) -> None:
    assert venue_of(name, text) == venue


def test_a_town_that_is_a_venues_name_is_a_problem_and_is_dropped() -> None:
    text = "Four gunmen stormed the Los Cantaritos bar in Marnia, Freedonia, killing 10."
    ex = Extraction(is_incident=True, country="Freedonia", town="Los Cantaritos")
    assert span_problems(ex, CONFLICT, text) == {
        "town": "town 'Los Cantaritos' names a bar, not a town: give the town it is in"
    }
    cleaned, warnings = drop_unsupported(ex, CONFLICT, text)
    assert cleaned.town is None and cleaned.country == "Freedonia" and len(warnings) == 1
    # the region level is not checked: a region is never a venue's name
    region = Extraction(is_incident=True, country="Freedonia", region="Los Cantaritos")
    assert "region" not in span_problems(region, CONFLICT, text)
    assert span_problems(ex.model_copy(update={"town": "Marnia"}), CONFLICT, text) == {}


def test_a_known_town_before_a_venue_word_is_the_town() -> None:
    """ "the Gao market" is Gao's market: the gazetteer knows Gao in Mali."""
    text = "Four traders were killed when gunmen stormed the Gao market in Mali."
    ex = Extraction(is_incident=True, country="Mali", town="Gao")
    assert venue_of("Gao", text) == "market"
    assert span_problems(ex, CONFLICT, text) == {}
    unknown = "Four traders were killed when gunmen stormed the Zorvath market in Mali."
    assert "town" in span_problems(ex.model_copy(update={"town": "Zorvath"}), CONFLICT, unknown)
