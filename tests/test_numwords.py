"""Figures written as digits or words, both ways; placeholders; the lenient span check."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported, settle, span_problems
from summarizer.normalize.numwords import figures, is_placeholder, number_variants, spellings
from summarizer.schemas import Extraction

CONFLICT = load_kind("conflict")


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("2 soldiers", "two soldiers"),
        ("2 soldats", "deux soldats"),
        ("2 muertos", "dos muertos"),
        ("two soldiers", "2 soldiers"),
        ("deux soldats", "2 soldats"),
        ("Twenty-three people", "23 people"),
        ("23 people", "vingt-trois people"),
        ("23 people", "twenty three people"),
        ("at least 1,200 people", "at least 1200 people"),
        # Spanish and Portuguese agreement: before a noun, feminine nouns
        ("21 muertos", "veintiún muertos"),
        ("veintiún muertos", "21 muertos"),
        ("veintiuno heridos", "21 heridos"),
        ("twenty three people", "23 people"),
        ("31 heridos", "treinta y un heridos"),
        ("21 personas", "veintiuna personas"),
        ("doscientas víctimas", "200 víctimas"),
        ("21 pessoas", "vinte e uma pessoas"),
    ],
)
def test_number_variants_map_both_ways(span: str, expected: str) -> None:
    assert expected in number_variants(span)


def test_only_hundreds_and_ones_agree_in_gender() -> None:
    assert not {"das muertos", "dúas muertos"} & set(number_variants("2 muertos"))
    assert [f for f in spellings(2) if f.startswith("d")] == ["deux", "dos", "dois", "due"]
    assert "cuatrocientas víctimas" in number_variants("400 víctimas")
    assert "uno" in spellings(1) and "un" in spellings(1) and "una" in spellings(1)


def test_spellings_come_from_every_language_once() -> None:
    assert spellings(2)[:4] == ["two", "deux", "dos", "dois"]
    assert spellings(-1) == [] and spellings(5000) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("unknown", True), (" N/A. ", True), ("0", True), ("None", True), ("no one", True),
     ("3", False), ("three villagers", False), (None, True)],
)  # fmt: skip
def test_placeholders(value: str | None, expected: bool) -> None:
    assert is_placeholder(value) is expected


ARTICLE = (
    "Gunmen killed deux gardes and wounded three farmers near Kelto on Monday. "
    "Au moins deux soldats ont été tués. The Kelto Front said it carried out the raid."
)


def _ex(**fields: object) -> Extraction:
    return Extraction.model_validate({"is_incident": True, **fields})


def test_digits_for_words_pass_and_stay_readable() -> None:
    ex = settle(_ex(injured="3 farmers", killed="2 soldats"), CONFLICT, ARTICLE)
    assert ex.injured == "three farmers"  # the article's own words, which code reads
    assert ex.killed == "au moins 2 soldats"  # French words: digits, qualifier put back
    assert span_problems(ex, CONFLICT, ARTICLE) == {}


def test_placeholders_read_as_null_not_errors() -> None:
    ex = settle(
        _ex(injured="unknown", missing="0", town="N/A", perpetrators=["Unknown", "Kelto Front"]),
        CONFLICT,
        ARTICLE,
    )
    assert (ex.injured, ex.missing, ex.town) == (None, None, None)
    assert ex.perpetrators == ["Kelto Front"] and span_problems(ex, CONFLICT, ARTICLE) == {}


def test_one_bad_field_never_costs_the_others() -> None:
    ex = _ex(town="Kelto", killed="9 soldiers", injured="three farmers", targets=["farmers", "x"])
    cleaned, warnings = drop_unsupported(ex, CONFLICT, ARTICLE)
    assert cleaned.killed is None and cleaned.injured == "three farmers"
    assert cleaned.town == "Kelto" and cleaned.targets == ["farmers"]
    assert len(warnings) == 2 and all("dropped" in w for w in warnings)


def test_the_nearest_casualty_word_before_the_figure_decides() -> None:
    text = "The raid killed 4 and wounded 7 near Kelto, where 2 more died later."
    assert span_problems(_ex(injured="7"), CONFLICT, text) == {}
    assert "counts" in span_problems(_ex(killed="7"), CONFLICT, text)["killed"]


def test_spellings_cover_zero_to_a_thousand_exactly() -> None:
    assert spellings(0)[:3] == ["zero", "zéro", "cero"]
    assert spellings(1000)[:3] == ["one thousand", "mille", "mil"]
    assert spellings(1001) == []


@pytest.mark.parametrize("value", ["not\n  given", "Unknown.", ". none .", "NOT  SPECIFIED"])
def test_placeholders_read_whatever_the_spacing_and_dots(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a magnitude 7.2 earthquake killed more than 2,200 people", [2200]),
        ("1.5 million people and 3 dead", [3]),
        ("Gunmen killed 12,14 wounded", [12, 14]),
        ("killed 20. Then 3 more", [20, 3]),
        ("2.200 muertos, 12 000 heridos", [2200, 12000]),
        ("killed 3, injured 4", [3, 4]),
    ],
)
def test_a_decimals_parts_are_no_figures(text: str, values: list[int]) -> None:
    assert [v for _, _, v in figures(text)] == values


def test_figures_in_digits_and_in_words() -> None:
    text = "Zero, 1,200 dead, doce heridos, trente-deux blessés et 7."
    assert [(text[a:b], v) for a, b, v in figures(text)] == [
        ("1,200", 1200), ("doce", 12), ("trente-deux", 32), ("7", 7)
    ]  # fmt: skip
    # where folding the case moves the positions ("ß"), only the digits are read
    assert figures("In der Straße: 5 Tote, zwei Verletzte") == [(15, 16, 5)]
