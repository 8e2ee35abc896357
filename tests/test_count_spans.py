"""A count span put in the article's own words (normalize/count_spans.py), rule by rule:
the figure written the other way, the qualifier that stood before it, and what code can
read when the article's words are beyond the number reader."""

import pytest

from summarizer.normalize.count_spans import count_span, readable_count, with_qualifier

ARTICLE = (
    "Gunmen killed three workers and injured 11 on Monday. At least 20 soldiers died. "
    "Au moins deux soldats ont été tués. Nearly 40 people are missing."
)


@pytest.mark.parametrize(
    ("span", "found"),
    [
        ("three workers", "three workers"),  # as written
        ("3 workers", "three workers"),  # a digit for the article's word
        ("eleven", "11"),  # a word for the article's digits
        ("2 soldats", "deux soldats"),  # in the article's language
        ("4 workers", None),  # no such figure
        ("twelve", None),
    ],
)
def test_count_span_finds_the_articles_own_words(span: str, found: str | None) -> None:
    assert count_span(span, ARTICLE) == found


@pytest.mark.parametrize(
    ("span", "qualified"),
    [
        ("20 soldiers", "at least 20 soldiers"),  # the qualifier right before it, folded
        ("40 people", "nearly 40 people"),
        ("At least 20 soldiers", "At least 20 soldiers"),  # already there
        ("three workers", "three workers"),  # none before it
        ("12 soldiers", "12 soldiers"),  # not in the article: left alone
    ],
)
def test_with_qualifier_puts_back_what_stood_before(span: str, qualified: str) -> None:
    assert with_qualifier(span, ARTICLE) == qualified


@pytest.mark.parametrize(
    ("span", "readable"),
    [
        ("3 workers", "three workers"),  # the article's words, which the reader reads
        ("three workers", "three workers"),
        # words the (English) reader cannot read: the digit, with the qualifier before it
        ("2 soldats", "au moins 2 soldats"),
        ("7 workers", "7 workers"),  # not in the article: kept for the span check to refuse
    ],
)
def test_readable_count(span: str, readable: str) -> None:
    assert readable_count(span, ARTICLE) == readable


def test_a_compound_number_word_the_reader_reads_stays_in_the_articles_words() -> None:
    text = "Une vingtaine de soldats, au moins vingt et un morts selon l'armée."
    assert readable_count("21 morts", text) == "vingt et un morts"


def test_a_span_that_opens_the_article_is_found() -> None:
    text = "Three workers died in the blast. Officials said 11 were hurt."
    assert count_span("Three workers", text) == "Three workers"
    assert count_span("3 workers", text) == "three workers"  # found whatever its case
    assert with_qualifier("Three workers", text) == "Three workers"


def test_a_span_not_in_the_article_takes_no_qualifier_from_its_end() -> None:
    assert with_qualifier("12 soldiers", "The toll was at least .") == "12 soldiers"


def test_a_span_without_a_figure_is_kept_as_written() -> None:
    text = "Gunmen killed several soldiers near the border."
    assert readable_count("several soldiers", text) == "several soldiers"


@pytest.mark.parametrize(
    ("span", "text", "found"),
    [
        # a range written another way: the article's own form
        ("54-65", "Entre 54 et 65 personnes ont été tuées.", "entre 54 et 65"),  # any case
        ("54-65 personnes", "entre 54 et 65 personnes ont été tuées.", "entre 54 et 65 personnes"),
        ("between 54 and 65", "de 54 à 65 morts", "de 54 à 65"),
        ("54 to 65 people", "Between 54 and 65 people died.", "between 54 and 65 people"),
        ("entre 10 y 12", "Murieron 10 o 12 personas.", "10 o 12"),
        ("10 – 12", "Officials said 10-12 died.", "10-12"),
        ("entre 10 et 12", "Officials said 10 to 12 died.", "10 to 12"),
        # the same figures only
        ("54-66", "entre 54 et 65 personnes", None),
        ("55-65", "entre 54 et 65 personnes", None),
    ],
)
def test_a_range_is_found_as_the_article_writes_it(span: str, text: str, found: str | None) -> None:
    assert count_span(span, text) == found
