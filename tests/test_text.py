"""Text folding rules shared by quote verification and name matching, one rule per row."""

import re

import pytest

from summarizer.normalize.text import beside_every_mention, find_quote, loose, mentions, name_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  Two\n\tspaces  ", "two spaces"),  # whitespace runs collapse, ends stripped
        ("\u201cKilled\u201d", '"killed"'),  # curly double quotes
        ("\u00abTu\u00e9s\u00bb", '"tués"'),  # guillemets; accents kept
        ("it\u2019s", "it's"),  # curly apostrophe
        ("a\u2014b\u2013c\u2212d", "a-b-c-d"),  # dashes and minus
        ("no\u00a0break", "no break"),  # non-breaking space
        ("STRASSE \u00df", "strasse ss"),  # casefold, not lower
    ],
)
def test_loose_rules(text: str, folded: str) -> None:
    assert loose(text) == folded


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Jama'at Nusrat al-Islam", "jamaat nusrat al islam"),  # apostrophe dropped, hyphen splits
        ("Jama\u2019at", "jamaat"),  # curly apostrophe too
        ("The Islamic State", "islamic state"),  # leading article dropped
        ("THE Group", "group"),  # case-insensitive article
        ("Theatre Group", "theatre group"),  # only the whole word "the"
        ("Group of the Sahel", "group of the sahel"),  # only a leading one
        ("Th\u00e9\u00e2tre", "theatre"),  # accents stripped
        ("  Boko   Haram!! ", "boko haram"),  # punctuation and spaces fold
        ("the", ""),
        ("", ""),
    ],
)
def test_name_key_rules(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("quote", "article", "where"),
    [
        ("b", "a b", 2),  # the index into the loose article
        ("Mali", "Somalia and Mali", 12),  # not inside "Somalia"
        ("ali", "Mali", -1),  # left edge is a word boundary
        ("Mal", "Mali", -1),  # right edge is a word boundary
        ("0", "10,000 killed", -1),
        ("20 KILLED", "Some 20  killed", 5),  # loose on both sides
        ("(mali", "x(mali)", 1),  # no boundary needed before punctuation
        ("mali)", "(mali)x", 1),  # nor after it
        ("", "anything", -1),
        ("   ", "anything", -1),
        ("absent", "present", -1),
    ],
)
def test_find_quote(quote: str, article: str, where: int) -> None:
    assert find_quote(quote, article) == where


def test_mentions_are_whole_words_in_any_case_and_spacing() -> None:
    text = "Marnia Council said. The MARNIA\nCOUNCIL met; Marnia Councillors left."
    assert [m.span() for m in mentions("Marnia Council", text)] == [(0, 14), (25, 39)]
    assert mentions("Portville", text) == []


_AFTER = re.compile(r"\s+(?P<words>said)\b")
_BEFORE = re.compile(r"\b(?P<words>according to)\s+$", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Marnia Council said so. According to Marnia Council, six died.", "said"),
        ("According to Marnia Council, six died. Marnia Council said so.", "According to"),
        ("Marnia Council said so. Marnia Council met.", None),  # one mention beside neither
        ("Portville said so.", None),  # never written
    ],
)
def test_the_words_beside_every_mention(text: str, words: str | None) -> None:
    assert beside_every_mention("Marnia Council", text, _AFTER, _BEFORE) == words


def test_only_the_words_before_when_no_pattern_after_is_given() -> None:
    text = "Marnia Council said so."
    assert beside_every_mention("Marnia Council", text, None, _BEFORE) is None
    told = "according to " + text
    assert beside_every_mention("Marnia Council", told, None, _BEFORE) == "according to"
