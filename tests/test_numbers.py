"""Casualty expressions -> the article's own bounds (ACLED conventions)."""

import pytest

from summarizer.normalize.numbers import parse_count

# (expression, min, max, approximate); None row = no number at all
CASES = [
    # French
    ("au moins 20 soldats tués", 20, None, False),
    ("plus de 20 morts", 21, None, False),
    ("plus d'une vingtaine de morts", 21, None, False),
    ("une vingtaine de morts", 20, 20, True),
    ("près de 30 morts", None, 29, False),
    ("des dizaines de morts", 12, None, True),  # "dozens" in French news: ACLED's 12
    ("environ 15 blessés", 15, 15, True),
    ("20 soldiers", 20, 20, False),
    ("at least 20 Malian soldiers", 20, None, False),
    ("no fewer than 20", 20, None, False),
    ("a minimum of 7", 7, None, False),
    ("over 20 Malian soldiers", 21, None, False),
    ("more than 20 people", 21, None, False),
    ("upwards of 50", 51, None, False),
    ("in excess of 100", 101, None, False),
    ("nearly 20 people", None, 19, False),
    ("almost 20 people", None, 19, False),
    ("fewer than 10 civilians", None, 9, False),
    ("up to 30 people", None, 30, False),
    ("as many as 40", None, 40, False),
    ("about 20", 20, 20, True),
    ("around 35 villagers", 35, 35, True),
    ("approximately 12", 12, 12, True),
    ("an estimated 300", 300, 300, True),
    ("some 40 people", 40, 40, True),
    ("20 to 25 people", 20, 25, False),
    ("between 20 and 25", 20, 25, False),
    ("20-25", 20, 25, False),
    ("20–25 dead", 20, 25, False),
    ("about 20 to 30", 20, 30, True),
    ("dozens of people", 12, None, True),
    ("tens of civilians", 10, None, True),
    ("hundreds of people", 100, None, True),
    ("twenty soldiers", 20, 20, False),
    ("twenty-one soldiers", 21, 21, False),
    ("a dozen villagers", 12, 12, False),
    ("two dozen", 24, 24, False),
    ("half a dozen", 6, 6, False),
    ("more than a dozen", 13, None, False),
    ("one hundred and five", 105, 105, False),
    ("three thousand", 3000, 3000, False),
    ("1,200 people", 1200, 1200, False),
    ("at least 1,200", 1200, None, False),
    ("two soldiers and three civilians", 5, 5, False),
    ("20 soldiers, including a base commander", 20, 20, False),
    ("at least 20, including three children", 20, None, False),
    ("a police officer", 1, 1, False),
    ("one soldier", 1, 1, False),
    ("no one was killed", 0, 0, False),
    ("no casualties", 0, 0, False),
    ("several soldiers", None, None, False),
    ("many soldiers injured", None, None, False),
    ("multiple soldiers", None, None, False),
    ("the death toll", None, None, False),
]


@pytest.mark.parametrize(("expr", "low", "high", "approximate"), CASES)
def test_parse_count(expr: str, low: int | None, high: int | None, approximate: bool) -> None:
    bounds = parse_count(expr)
    if low is None and high is None:
        assert bounds is None
        return
    assert bounds is not None
    assert (bounds.min, bounds.max, bounds.approximate) == (low, high, approximate)


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 40
