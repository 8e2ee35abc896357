"""Casualty expressions: the rules test_numbers.py's table leaves implicit, one per row."""

import pytest

from summarizer.normalize.numbers import Bounds, parse_count, written_numbers


@pytest.mark.parametrize(
    ("expr", "bounds"),
    [
        # typography folded before parsing
        ("10\u201420 killed", Bounds(10, 20)),  # em dash range
        ("10\u201320 killed", Bounds(10, 20)),  # en dash range
        ("plus d\u2019une vingtaine de morts", Bounds(21, None)),  # curly apostrophe
        ("at  least 20", Bounds(20, None)),  # whitespace runs fold before qualifiers match
        ("at\nleast 20", Bounds(20, None)),
        # number words
        ("one thousand two hundred and fifty people", Bounds(1250, 1250)),
        ("an hundred and twenty", Bounds(120, 120)),
        # several figures: summed only when joined by "and"
        ("12 killed in 2 attacks", Bounds(12, 12)),
        ("two soldiers and three civilians", Bounds(5, 5)),
        ("12 soldiers and police", Bounds(12, 12)),
        # vague quantities take the qualifier in front of them
        ("at least dozens", Bounds(12, None)),
        ("nearly hundreds", Bounds(None, 99)),
        ("dozens", Bounds(12, None, approximate=True)),
        ("more than dozens killed as dozens more were hurt", Bounds(13, None)),
    ],
)
def test_rule(expr: str, bounds: Bounds) -> None:
    got = parse_count(expr)
    assert got is not None
    assert (got.min, got.max, got.approximate) == (bounds.min, bounds.max, bounds.approximate)


@pytest.mark.parametrize(
    ("expr", "lang", "value"),
    [
        # an age is not a count: "an eleven-year-old boy" is one boy, not 11 or 12
        ("an eleven-year-old boy", "en", 1),
        ("a twenty-year-old man was killed", "en", 1),
        ("a twenty-one-year-old student", "en", 1),
        # scales multiply: not 200 + 1000
        ("two hundred thousand people", "en", 200000),
        ("deux cent mille personnes", "fr", 200000),
        ("doscientas mil personas", "es", 200000),
        ("veintiún muertos", "es", 21),
        ("ciento veintiún heridos", "es", 121),
        ("a hundred and twenty soldiers", "en", 120),
        ("twenty-one soldiers", "en", 21),
        ("onze soldats", "fr", 11),
    ],
)
def test_number_words_read_whole(expr: str, lang: str, value: int) -> None:
    got = parse_count(expr, lang)
    assert got is not None and (got.min, got.max, got.figure) == (value, value, value)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("an eleven-year-old boy and his mother", set()),  # ages are not written counts
        ("two hundred thousand displaced", {200000}),
        ("a twenty", {20}),
    ],
)
def test_written_numbers(text: str, numbers: set[int]) -> None:
    assert written_numbers(text, "en") == numbers


@pytest.mark.parametrize(
    ("expr", "bounds"),
    [
        ("unos once", Bounds(11, 11, approximate=True, figure=11)),  # "about", not "1 11"
        ("unas once personas", Bounds(11, 11, approximate=True, figure=11)),
        ("unos veinte muertos", Bounds(20, 20, approximate=True, figure=20)),
        ("unos 11 muertos", Bounds(11, 11, approximate=True, figure=11)),
        ("once muertos", Bounds(11, 11, figure=11)),  # without it: exact
        ("una mujer", Bounds(1, 1, figure=1)),  # the singular is still one
        ("un muerto", Bounds(1, 1, figure=1)),
    ],
)
def test_spanish_unos_is_about_never_one(expr: str, bounds: Bounds) -> None:
    assert parse_count(expr, "es") == bounds


def test_unos_between_numbers_keeps_both() -> None:
    assert written_numbers("once heridos y unos doce muertos", "es") == {11, 12}


@pytest.mark.parametrize(
    ("expr", "bounds"),
    [  # every field asserted, the figure as written and the parts of a split count included
        ("no one was killed", Bounds(0, 0, figure=0)),
        ("between 10 and 20 people", Bounds(10, 20, figure=20)),
        ("10-15", Bounds(10, 15, figure=15)),
        ("dozens of people", Bounds(12, None, approximate=True, figure=12)),
        ("17 soldiers and 3 vigilantes", Bounds(20, 20, parts=(17, 3), figure=20)),
        (
            "at least 17 soldiers and 3 vigilantes were killed",
            Bounds(20, None, parts=(17, 3), figure=20),
        ),
        ("2 soldiers, including 1 officer", Bounds(2, 2, figure=2)),  # a subset, not a part
    ],
)
def test_every_field_of_the_bounds(expr: str, bounds: Bounds) -> None:
    assert parse_count(expr, "en") == bounds
