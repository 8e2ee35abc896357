"""A story's dateline is where it was filed: a place written only there is not the event's."""

import pytest

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported, span_problems
from summarizer.normalize.datelines import dateline, only_in_dateline
from summarizer.schemas import Extraction

CONFLICT = load_kind("conflict")
FILED = (
    "PORTVILLE, Freedonia — (AP) — Gunmen opened fire in a bar in central Freedonia, killing "
    "six people, officials said Sunday.\n\nThe attack took place Saturday in Marnia."
)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (FILED, "PORTVILLE, Freedonia —"),
        ("KABUL (Reuters) - A bomb went off.", "KABUL (Reuters) - "),
        ("date 2024-01-02 RAWALPINDI: At least 23 soldiers died.", "RAWALPINDI:"),
        ("Title of the page\nSAN PEDRO SULA – Police said", "SAN PEDRO SULA –"),
        ("NEW DELHI, India: Police said", "NEW DELHI, India:"),
        ("GAO (AFP) - Gunmen attacked", "GAO (AFP) - "),
        ("GAO — Gunmen attacked", "GAO —"),  # three capitals name a town
        # no capitals, a word of two capitals, a dash inside a sentence: no dateline
        ("Marnia — Gunmen opened fire.", None),
        ("UN: 10 killed.", None),
        ("Gunmen killed 10 in TOWNSVILLE — police said.", None),
        ("ABC-news reported the attack.", None),
        # the South Asian press writes the city as a name, then a colon and the sentence
        ("date 2021-04-05 Raipur: Bodies of 17 men were found.", "Raipur:"),
        ("Islamabad, December 12: Twenty soldiers died.", "Islamabad, December 12:"),
        ("New Delhi, Apr. 5 (PTI): Police said", "New Delhi, Apr. 5 (PTI):"),
        ("Photo: AFP\nKABUL (Reuters) - A bomb went off.", "KABUL (Reuters) - "),
        ("Video: un camión estalló.", None),  # a sentence starts with a capital
        ("Bénin : deux soldats tués", None),  # a French kicker: a space before the colon
        ("Raipur: bodies were found.", None),
        ("Raipur - Bodies were found.", None),
        # past the page's opening lines, capitals and a dash are a heading, not a dateline
        ("x" * 400 + "\nPORTVILLE — Police said", None),
    ],
)
def test_the_dateline_is_the_capitals_that_open_a_story(text: str, line: str | None) -> None:
    found = dateline(text)
    assert (text[found[0] : found[1]] if found else None) == line


def test_a_place_is_dateline_only_when_the_body_never_writes_it() -> None:
    assert only_in_dateline("Portville", FILED)
    assert not only_in_dateline("Freedonia", FILED)  # in the body too
    assert not only_in_dateline("Marnia", FILED)  # in the body only
    assert not only_in_dateline("Nowhere", FILED)
    assert not only_in_dateline("Portville", "Gunmen attacked Portville on Sunday.")
    same = "NAIROBI — Protesters stormed parliament in Nairobi on Tuesday."
    assert not only_in_dateline("Nairobi", same)
    assert not only_in_dateline("Portville", "PORTVILLE — Portville police said.")


def _extraction(**places: str) -> Extraction:
    return Extraction(is_incident=True, event_type="violence_against_civilians", **places)


def test_a_town_or_region_from_the_dateline_alone_is_a_problem_and_is_dropped() -> None:
    ex = _extraction(country="Freedonia", region="Portville", town="Portville")
    problems = span_problems(ex, CONFLICT, FILED)
    assert problems["town"] == (
        "town 'Portville' is only the story's dateline (where it was filed), not where "
        "the article says it happened"
    )
    assert "region" in problems and "country" not in problems
    cleaned, warnings = drop_unsupported(ex, CONFLICT, FILED)
    assert cleaned.town is None and cleaned.region is None and cleaned.country == "Freedonia"
    assert len(warnings) == 2 and all(w.endswith("; dropped") for w in warnings)


def test_the_country_of_a_dateline_stands_and_the_body_place_passes() -> None:
    text = "PORTVILLE, Freedonia (AP) — Gunmen killed six people in Marnia on Saturday."
    ex = _extraction(country="Freedonia", town="Marnia")
    assert span_problems(ex, CONFLICT, text) == {}
    report = to_report(Article(id="a.txt", text=text), ex, [])
    assert report.location is not None and report.location.quote == "Marnia"
