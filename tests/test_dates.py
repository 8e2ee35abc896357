"""Date expressions -> intervals. Publication day in most rows: Saturday 2025-11-08."""

from datetime import date

import pytest

from summarizer.normalize.dates import anchored_date, resolve_date, undated_day

PUB = date(2025, 11, 8)  # a Saturday
FRI = date(2025, 11, 7)  # a Friday, for "same day" rows

# (expression, published, start, end, precision, explicit); None start = unresolved
CASES = [
    # Spanish and Portuguese (CLDR's names, with or without accents)
    ("el sábado 9 de noviembre de 2024", None, "2024-11-09", "2024-11-09", "day", True),
    ("9 de novembro de 2024", None, "2024-11-09", "2024-11-09", "day", True),
    ("7 de noviembre", PUB, "2025-11-07", "2025-11-07", "day", True),
    ("noviembre de 2025", None, "2025-11-01", "2025-11-30", "month", True),
    ("el viernes", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("el sábado", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("el sábado pasado", PUB, "2025-11-01", "2025-11-01", "day", False),
    ("miercoles", PUB, "2025-11-05", "2025-11-05", "day", False),
    ("na quarta-feira", PUB, "2025-11-05", "2025-11-05", "day", False),
    ("ayer", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("anoche", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("ontem", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("anteayer", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("anteontem", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("hoy", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("esta mañana", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("hoje", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("2025-11", None, "2025-11-01", "2025-11-30", "month", True),  # an ISO month
    ("2025-01", None, "2025-01-01", "2025-01-31", "month", True),
    ("2025-12", None, "2025-12-01", "2025-12-31", "month", True),
    ("2025-00", None, "2025-01-01", "2025-12-31", "year", True),
    ("2025-13", None, "2025-01-01", "2025-12-31", "year", True),  # not a month
    # French (PUB is Saturday 2025-11-08)
    ("le vendredi 7 novembre 2025", PUB, "2025-11-07", "2025-11-07", "day", True),
    ("1er novembre", PUB, "2025-11-01", "2025-11-01", "day", True),
    ("le 7 août 2025", PUB, "2025-08-07", "2025-08-07", "day", True),
    ("vendredi", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("samedi dernier", PUB, "2025-11-01", "2025-11-01", "day", False),
    ("hier", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("avant-hier", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("on Friday", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("Friday", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("on Friday night", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("early on Friday", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("late Thursday", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("on Saturday", PUB, "2025-11-08", "2025-11-08", "day", False),  # the publication day itself
    ("on Sunday", PUB, "2025-11-02", "2025-11-02", "day", False),
    ("on Monday", PUB, "2025-11-03", "2025-11-03", "day", False),
    ("last Friday", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("last Saturday", PUB, "2025-11-01", "2025-11-01", "day", False),  # strictly before
    ("on Friday", FRI, "2025-11-07", "2025-11-07", "day", False),
    ("on Friday", None, None, None, None, False),  # nothing to resolve against: no guess
    ("Friday November 7, 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("Friday, 7 November 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("on Friday November 7, 2025", PUB, "2025-11-07", "2025-11-07", "day", True),
    ("November 7, 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("7 November 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("7th November 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("the 7th of November, 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("Nov. 7, 2025", None, "2025-11-07", "2025-11-07", "day", True),
    ("Sept. 3, 2024", None, "2024-09-03", "2024-09-03", "day", True),
    ("2025-11-07", None, "2025-11-07", "2025-11-07", "day", True),
    ("on 25/12/2024", None, "2024-12-25", "2024-12-25", "day", True),
    ("on 12/25/2024", None, "2024-12-25", "2024-12-25", "day", True),
    ("on 05/06/2024", None, None, None, None, True),  # day and month ambiguous
    ("28-10-2024", None, "2024-10-28", "2024-10-28", "day", True),
    ("le 28.10.2024", None, "2024-10-28", "2024-10-28", "day", True),
    ("November 7", PUB, "2025-11-07", "2025-11-07", "day", True),
    ("on 7 November", PUB, "2025-11-07", "2025-11-07", "day", True),
    ("December 30", date(2026, 1, 2), "2025-12-30", "2025-12-30", "day", True),  # last year
    ("November 7", None, None, None, None, True),
    ("in November 2025", None, "2025-11-01", "2025-11-30", "month", True),
    ("February 2024", None, "2024-02-01", "2024-02-29", "month", True),
    ("in 2024", None, "2024-01-01", "2024-12-31", "year", True),
    ("yesterday", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("last night", PUB, "2025-11-07", "2025-11-07", "day", False),
    ("the day before yesterday", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("today", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("this morning", PUB, "2025-11-08", "2025-11-08", "day", False),
    ("overnight", PUB, "2025-11-07", "2025-11-08", "week", False),
    ("three days ago", PUB, "2025-11-05", "2025-11-05", "day", False),
    ("2 days ago", PUB, "2025-11-06", "2025-11-06", "day", False),
    ("a week ago", PUB, "2025-10-27", "2025-11-02", "week", False),
    ("last week", PUB, "2025-10-27", "2025-11-02", "week", False),
    ("earlier this week", PUB, "2025-11-03", "2025-11-08", "week", False),
    ("over the weekend", date(2025, 11, 10), "2025-11-08", "2025-11-09", "week", False),
    ("last month", PUB, "2025-10-01", "2025-10-31", "month", False),
    ("earlier this month", PUB, "2025-11-01", "2025-11-08", "month", False),
    ("last year", PUB, "2024-01-01", "2024-12-31", "year", False),
    ("recently", PUB, None, None, None, False),
    ("at dawn", PUB, None, None, None, False),
]


@pytest.mark.parametrize(("expr", "published", "start", "end", "precision", "explicit"), CASES)
def test_resolve_date(
    expr: str,
    published: date | None,
    start: str | None,
    end: str | None,
    precision: str | None,
    explicit: bool,
) -> None:
    value, is_explicit = resolve_date(expr, published)
    assert is_explicit == explicit
    if start is None:
        assert value is None
        return
    assert value is not None
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (
        start,
        end,
        precision,
    )


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 40


# Undated article; its incident's other reports were published from Friday 2025-11-07 to
# Wednesday 2025-11-12. (expression, expected ISO day or None)
ANCHORED = [
    ("November 6", "2025-11-06"),
    ("6 de noviembre", "2025-11-06"),
    ("December 30", "2024-12-30"),  # after the latest report: the year before
    ("on Wednesday", "2025-11-05"),  # before the earliest report, not the latest
    ("el viernes", "2025-11-07"),
    ("yesterday", None),  # counts from the article's own, unknown, day
    ("recently", None),
]


@pytest.mark.parametrize(("expr", "expected"), ANCHORED)
def test_anchored_date(expr: str, expected: str | None) -> None:
    value = anchored_date(expr, date(2025, 11, 7), date(2025, 11, 12))
    assert (value.start.isoformat() if value else None) == expected
    assert value is None or value.precision == "day"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("lundi 23 mars", "2020-03-23"),
        ("23 de marzo", "2020-03-23"),
        ("April 2", "2019-04-02"),  # after the latest date line: the year before
        ("lundi", None),  # a weekday counts from a day a month stamp does not give
        ("hier", None),
    ],
)
def test_a_day_and_month_without_a_year_read_before_a_date_line(
    expr: str, expected: str | None
) -> None:
    value = undated_day(expr, date(2020, 3, 31))
    assert (value.start.isoformat() if value else None) == expected
