"""Date expressions: edge values and the rules test_dates.py's table leaves implicit."""

from datetime import date

import pytest

from summarizer.normalize.dates import (
    background_date,
    date_line,
    explicit_spans,
    page_stamp,
    precision_of,
    reported_day,
    resolve_date,
    stated_date,
    unresolved,
    written_days,
)
from summarizer.schemas.common import DateValue

WED = date(2025, 11, 12)  # a Wednesday


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue(start=date(y, m, d), end=date(y, m, d), precision="day")


@pytest.mark.parametrize(
    ("days", "precision"),
    [
        (0, "day"),
        (1, "week"),
        (7, "week"),
        (8, "month"),
        (31, "month"),
        (32, "year"),
        (365, "year"),
    ],
)
def test_precision_edges(days: int, precision: str) -> None:
    start = date(2025, 1, 1)
    assert precision_of(start, date.fromordinal(start.toordinal() + days)) == precision


@pytest.mark.parametrize(
    ("expr", "value", "explicit"),
    [
        # typography and spacing are folded first
        ("2025\u201311\u201307", day(2025, 11, 7), True),  # en dashes
        ("2025\u201411\u201407", day(2025, 11, 7), True),  # em dashes
        ("aujourd\u2019hui", day(2025, 11, 12), False),  # curly apostrophe
        (
            "last  week",
            DateValue(start=date(2025, 11, 3), end=date(2025, 11, 9), precision="week"),
            False,
        ),
        (
            "last\nweek",
            DateValue(start=date(2025, 11, 3), end=date(2025, 11, 9), precision="week"),
            False,
        ),
        # numeric dates: only an unambiguous order is read
        ("13/05/2025", day(2025, 5, 13), True),
        ("05/13/2025", day(2025, 5, 13), True),
        ("12/05/2025", None, True),
        ("05/12/2025", None, True),
        # impossible calendar dates are explicit but unreadable, never an error
        ("2025-02-30", None, True),
        ("31/02/2025", None, True),
        ("02/31/2025", None, True),
        ("31 February 2025", None, True),
        # a day without a year may be the publication day itself
        ("12 November", day(2025, 11, 12), True),
        ("13 November", day(2024, 11, 13), True),
        # relative forms
        ("ce matin", day(2025, 11, 12), False),
        ("ce soir", day(2025, 11, 12), False),
        (
            "2 weeks ago",
            DateValue(start=date(2025, 10, 27), end=date(2025, 11, 2), precision="week"),
            False,
        ),
        ("past Wednesday", day(2025, 11, 5), False),  # like "last": never the day itself
        ("this year", DateValue(start=date(2025, 1, 1), end=WED, precision="year"), False),
        ("earlier this year", DateValue(start=date(2025, 1, 1), end=WED, precision="year"), False),
        (
            "last month",
            DateValue(start=date(2025, 10, 1), end=date(2025, 10, 31), precision="month"),
            False,
        ),
    ],
)
def test_rule(expr: str, value: DateValue | None, explicit: bool) -> None:
    assert resolve_date(expr, WED) == (value, explicit)


def test_explicit_spans_lists_full_days_only() -> None:
    text = (
        "Attack on 7 Novembre 2025 (reported 2025-11-08), like March 2025 and 7 November, "
        "or Nov. 9, 2025 but not 31 February 2025"
    )
    assert explicit_spans(text) == [
        ("2025-11-08", day(2025, 11, 8)),
        ("7 novembre 2025", day(2025, 11, 7)),
        ("nov. 9, 2025", day(2025, 11, 9)),
    ]
    assert explicit_spans("yesterday, on Friday") == []


def test_written_days_are_distinct_and_in_order() -> None:
    text = "On 9 November 2025 (not 7 November), after the 2025-11-03 raid, 9 Nov. 2025 again"
    assert written_days(text) == [date(2025, 11, 3), date(2025, 11, 9)]
    assert written_days("on Friday") == []


@pytest.mark.parametrize(
    ("start", "end", "published", "why"),
    [
        ("2025-03-01", "2025-03-01", None, None),  # nothing to compare with
        ("2025-03-01", "2025-03-01", "2025-03-31", None),  # 30 days back: still news
        ("2025-03-01", "2025-03-01", "2025-04-01", "is 31 days before the publication date "
         "2025-04-01: a background date"),
        ("2025-01-01", "2025-12-31", "2025-06-07", None),  # a year that holds the day
        ("2025-03-02", "2025-03-02", "2025-03-01", None),  # a day's slack for time zones
        ("2025-03-03", "2025-03-03", "2025-03-01", "is after the publication date 2025-03-01"),
    ],
)  # fmt: skip
def test_background_dates(start: str, end: str, published: str | None, why: str | None) -> None:
    value = DateValue(
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision="day" if start == end else "year",
    )
    day = date.fromisoformat(published) if published else None
    assert background_date(value, day) == why
    assert background_date(None, day) is None


@pytest.mark.parametrize(
    ("expr", "published", "why"),
    [
        ("Sunday", None, "cannot be resolved (no publication date)"),
        ("last month", None, "cannot be resolved (no publication date)"),
        ("past week", date(2026, 3, 4), "names no day, month or year"),
        ("recently", None, "names no day, month or year"),
    ],
)
def test_why_a_date_gave_nothing(expr: str, published: date | None, why: str) -> None:
    assert resolve_date(expr, published)[0] is None
    assert unresolved(expr, published) == why


@pytest.mark.parametrize(
    ("expr", "article", "line"),
    [
        ("14 April 2023", "Myanmar\n14 April 2023, Kanbalu, Sagaing Region\nJets bombed...", True),
        ("April 11, 2023", "UPDATED at 00:15 a.m. EDT on April 11, 2023\nAt least 50...", True),
        ("Wednesday, April 24, 2024", "• Wednesday, April 24, 2024\nFarmers...", True),
        ("2024-10-09", "Date: 2024-10-09\nGang members killed 70 people.", True),
        ("9 octobre 2024", "Publié le 9 octobre 2024 à 10h\nDes bandits...", True),
        ("2024-07-31", "Riot in town\nPublish date : 2024-07-31 08:48:23\nA mosque...", True),
        # the same day in a sentence: the event's own date
        ("April 11, 2023", "Jets bombed the village on April 11, 2023, killing 50.", False),
        ("14 April 2023", "It began on\n14 April 2023 and\n14 April 2023, Kanbalu", False),
        # not a bare day: a preposition, a weekday alone, a month alone
        ("on April 11, 2023", "on April 11, 2023, jets bombed the village", False),
        ("Tuesday", "Tuesday\nJets bombed the village.", False),
        ("April 2023", "April 2023\nJets bombed the village.", False),
        # a page stamped with its month, as machines write it
        ("2021-04", "date 2021-04 Gunmen struck on Saturday.", True),
        ("2021-04", "The 2021-04 report said gunmen struck.", False),
        # not in the article at all
        ("12 April 2023", "14 April 2023, Kanbalu", False),
        # the page's first line; a trailing dot; the article's own capitals
        ("14 April 2023", "14 April 2023\nJets bombed...", True),
        ("14 April 2023.", "Myanmar\n14 April 2023.\nJets bombed...", True),
        ("14 April 2023", "MYANMAR\n14 APRIL 2023, KANBALU", True),
        # only the line just before counts: a heading after a run-on line
        ("14 April 2023", "It began on\nMyanmar\n14 April 2023, Kanbalu", True),
        ("14 April 2023", "Myanmar, since\n14 April 2023, Kanbalu", False),
    ],
)
def test_a_page_date_line_is_told_from_a_sentence_date(expr: str, article: str, line: bool) -> None:
    assert date_line(expr, article) is line


@pytest.mark.parametrize(
    ("expr", "article", "told"),
    [
        ("Sunday", "Gunmen killed 10 people, local authorities said Sunday.", True),
        ("Sunday", "Police said on Sunday that 10 people died.", True),
        ("20 avril", "Reuters a rapporté, ce 20 avril, que le groupe avait attaqué.", True),
        ("lunes", "El gobernador informó el lunes que murieron 10 personas.", True),
        ("Tuesday", "Officials confirmed Tuesday the toll of 23.", True),
        # the event's own day, even in a sentence that also reports
        ("Saturday", "Police said the attack took place Saturday.", False),
        ("Saturday", "The attack took place Saturday, police said Sunday.", False),
        # told once and stated once: the event's day stands
        ("Sunday", "Gunmen struck on Sunday. Officials said Sunday that 10 died.", False),
        # a verb far before the day, or a word that only contains one
        ("Sunday", "Police said the gunmen, who fled in a car, struck on Sunday.", False),
        ("Sunday", "The unsaid toll of Sunday.", False),
        ("Monday", "Officials said Sunday that 10 died.", False),
        # the article's own case, and a verb that opens the article
        ("Sunday", "Gunmen killed 10 people, police SAID SUNDAY.", True),
        ("Tuesday", "Confirmed Tuesday: the toll is 23.", True),
        # an embedded post ends with its author's handle and its day
        ("August 10, 2023", "Texto.\n— Fiscalía (@FiscaliaEcuador) August 10, 2023\nMás.", True),
        ("August 10, 2023", "El 9 de agosto (@x) dijo. Murió el August 10, 2023.", False),
    ],
)
def test_the_day_the_news_was_told_is_told_from_the_events_day(
    expr: str, article: str, told: bool
) -> None:
    assert reported_day(expr, article) is told


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("date 2024-10-28 Gunmen struck.", day(2024, 10, 28)),
        ("date 2024-10 Gunmen struck on 27 October.", DateValue(
            start=date(2024, 10, 1), end=date(2024, 10, 31), precision="month")),
        ("Title\nPublished 12 March 2024\nGunmen struck.", day(2024, 3, 12)),
        ("Gunmen struck on 12 March 2024.", None),  # a sentence's date, no stamp
        ("Gunmen struck.\n" + "x" * 300 + "\n2024-10-28", None),  # past the opening lines
        ("date 28 octobre\nGunmen struck.", None),  # no year: no stamp
    ],
)  # fmt: skip
def test_the_pages_own_date_stamp(text: str, stamp: DateValue | None) -> None:
    assert page_stamp(text) == stamp


@pytest.mark.parametrize(
    ("quote", "text", "value", "explicit"),
    [
        ("dimanche 25 août", "date 2024-08\nDes hommes armés ont tué, dimanche 25 août, ...",
         day(2024, 8, 25), True),
        ("samedi", "date 2024-08-26\nDes hommes armés ont tué samedi ...", day(2024, 8, 24),
         False),
        # a stamped month gives a written day its year, not a weekday its day
        ("samedi", "date 2024-08\nDes hommes armés ont tué samedi ...", None, False),
        ("dimanche 25 août", "Des hommes armés ont tué, dimanche 25 août, ...", None, True),
    ],
)  # fmt: skip
def test_with_no_publication_date_the_pages_stamp_reads_the_date(
    quote: str, text: str, value: DateValue | None, explicit: bool
) -> None:
    warnings: list[str] = []
    fact = stated_date("date", quote, None, text, warnings, drop_background=True)
    assert (fact.value, fact.explicit) == (value, explicit)
    stamped = [w for w in warnings if "read against the page's date stamp" in w]
    assert len(stamped) == (value is not None)


def test_a_told_day_bounds_the_event_from_above_like_a_date_line() -> None:
    warnings: list[str] = []
    article = "Gunmen killed 10 people in a bar, local authorities said Sunday."
    fact = stated_date(
        "date", "Sunday", date(2024, 11, 10), article, warnings, drop_background=True
    )
    assert fact.date_line and not fact.explicit and fact.value == day(2024, 11, 10)
    assert warnings == [
        "date 'Sunday' is the day the news was told (\"officials said Sunday\"), not a "
        "sentence's date for the event: read as on or before that day"
    ]
    event = "Gunmen killed 10 people in a bar on Saturday, local authorities said."
    fact = stated_date("date", "Saturday", date(2024, 11, 10), event, [], drop_background=True)
    assert not fact.date_line and fact.value == day(2024, 11, 9)


@pytest.mark.parametrize(
    ("quote", "text", "published", "drop", "value", "explicit", "line", "warning"),
    [
        # a sentence's day: explicit, no doubt
        ("3 March 2025", "Gunmen struck on 3 March 2025.", date(2025, 3, 4), True,
         day(2025, 3, 3), True, False, None),
        # an earlier event the article recalls: dropped when asked, kept otherwise
        ("3 March 2024", "It recalls the attack of 3 March 2024.", date(2025, 3, 4), True,
         None, True, False, "date '3 March 2024' is 366 days before the publication date "
         "2025-03-04: a background date; dropped"),
        ("3 March 2024", "It recalls the attack of 3 March 2024.", date(2025, 3, 4), False,
         day(2024, 3, 3), True, False, None),
        # words that count from an unknown day
        ("yesterday", "Gunmen struck yesterday.", None, True, None, False, False,
         "date 'yesterday' cannot be resolved (no publication date)"),
        ("the day", "Gunmen struck that day.", date(2025, 3, 4), True, None, False, False,
         "date 'the day' names no day, month or year"),
        # the page's date line: on or before that day, not explicit
        ("3 March 2025", "3 March 2025\nGunmen struck.", date(2025, 3, 4), True,
         day(2025, 3, 3), False, True, "date '3 March 2025' is the page's date line (when it "
         "was published or updated), not a sentence about the event: read as on or before "
         "that day"),
    ],
)  # fmt: skip
def test_a_stated_date_reads_its_doubts(
    quote: str,
    text: str,
    published: date | None,
    drop: bool,
    value: DateValue | None,
    explicit: bool,
    line: bool,
    warning: str | None,
) -> None:
    warnings: list[str] = []
    fact = stated_date("date", quote, published, text, warnings, drop_background=drop)
    assert (fact.quote, fact.value, fact.explicit, fact.date_line) == (quote, value, explicit, line)
    assert warnings == ([warning] if warning else [])
