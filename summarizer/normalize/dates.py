"""Date expressions as written ("on Friday", "7 November 2025") -> a date interval.

Pure and table-tested. Rules, in news usage:
- An explicit calendar date wins over any weekday next to it.
- A bare weekday ("on Friday", "Friday night") is the most recent such day on or before
  publication: an article published on a Friday saying "on Friday" means that day.
- "last <weekday>" is the most recent such day strictly before publication.
- A day and month without a year take the latest year that does not put the date after
  publication.
- Anything relative needs a publication date: without one the result is None, never a guess.
  Reconciling may then read a day and month, or a weekday, against the publication dates
  of the incident's other reports (`anchored_date`).
"""

import calendar
import re
from collections.abc import Iterator, Mapping
from datetime import date, timedelta

from babel.dates import get_day_names, get_month_names

from summarizer.normalize.text import beside_every_mention, find_quote, strip_accents
from summarizer.schemas.common import DatePrecision, DateValue
from summarizer.schemas.report import DateFact

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}


def _cldr(names: Mapping[int, str]) -> dict[str, int]:
    """CLDR's names (babel) -> number, each also without accents, as feeds often drop them."""
    return {form: i for i, name in names.items() for form in (name, strip_accents(name))}


# French, the other language of the Sahel press.
_MONTHS |= _cldr(get_month_names("wide", locale="fr"))
_WEEKDAYS |= _cldr(get_day_names("wide", locale="fr"))
# Month and weekday names (folded): capitalised in English, yet not names of anything.
CALENDAR_WORDS = frozenset(map(strip_accents, _MONTHS)) | frozenset(map(strip_accents, _WEEKDAYS))
# Spanish and Portuguese, for Latin America; kept out of CALENDAR_WORDS, since they are
# written in lower case and some are names too ("Santo Domingo", "Marco").
for _lang in ("es", "pt"):
    _MONTHS |= _cldr(get_month_names("wide", locale=_lang))
    _WEEKDAYS |= _cldr(get_day_names("wide", locale=_lang))
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{1,2})\b(?!-)")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")  # 28/10/2024, 28-10-2024
_DAY_MONTH = re.compile(  # "7th of November, 2025", "9 de noviembre de 2024"
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?(?:\s+(?:of|de))?\s+({_MONTH_RE})\b\.?"
    rf"(?:,?\s+(?:del?\s+)?(\d{{4}}))?"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(?:del?\s+)?(\d{{4}})\b")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_WEEKDAY = re.compile(
    rf"\b(?:(last|this|past)\s+)?({_WEEKDAY_RE})\b(\s+(?:derni[eè]re?|pasado|passado))?"
)
_AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+ago\b"
)


def _interval(start: date, end: date) -> DateValue:
    return DateValue(start=start, end=end, precision=precision_of(start, end))


def precision_of(start: date, end: date) -> DatePrecision:
    days = (end - start).days
    if days == 0:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"


def _day(d: date) -> DateValue:
    return DateValue(start=d, end=d, precision="day")


def _month(year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(start=date(year, month, 1), end=date(year, month, last), precision="month")


def _year(year: int) -> DateValue:
    return DateValue(start=date(year, 1, 1), end=date(year, 12, 31), precision="year")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clean(expr: str) -> str:
    text = expr.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip()


def _explicit(text: str, published: date | None) -> tuple[bool, DateValue | None]:
    """Calendar dates written out. Returns (found, value)."""
    if m := _ISO.search(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return True, _day(d) if d else None
    if (m := _ISO_MONTH.search(text)) and 1 <= int(m[2]) <= 12:
        return True, _month(int(m[1]), int(m[2]))
    if m := _NUMERIC.search(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        # Only when the order is unambiguous: one side cannot be a month.
        if a > 12 >= b:
            d = _safe_date(year, b, a)
        elif b > 12 >= a:
            d = _safe_date(year, a, b)
        else:
            return True, None
        return True, _day(d) if d else None
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if m := pattern.search(text):
            month, day = _MONTHS[m[month_group].rstrip(".")], int(m[day_group])
            if m[3]:
                d = _safe_date(int(m[3]), month, day)
                return True, _day(d) if d else None
            return True, _day_without_year(month, day, published)
    if m := _MONTH_YEAR.search(text):
        return True, _month(int(m[2]), _MONTHS[m[1].rstrip(".")])
    return False, None


def _day_without_year(month: int, day: int, published: date | None) -> DateValue | None:
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        d = _safe_date(year, month, day)
        if d is not None and d <= published:
            return _day(d)
    return None


def _weekday(text: str, published: date) -> DateValue | None:
    m = _WEEKDAY.search(text)
    if not m:
        return None
    target = _WEEKDAYS[m[2]]
    back = (published.weekday() - target) % 7
    if (m[1] in ("last", "past") or m[3]) and back == 0:
        back = 7
    return _day(published - timedelta(days=back))


def _relative(text: str, published: date) -> DateValue | None:
    one = timedelta(days=1)
    if re.search(r"\b(day before yesterday|avant-hier|anteayer|anteontem)\b", text):
        return _day(published - 2 * one)
    if re.search(r"\b(yesterday|last night|hier|ayer|anoche|ontem)\b", text):
        return _day(published - one)
    if re.search(r"\b(overnight|dans la nuit)\b", text):
        return _interval(published - one, published)
    if re.search(
        r"\b(today|this (morning|afternoon|evening)|tonight|earlier today|aujourd'hui|"
        r"ce (matin|soir)|hoy|hoje|esta (mañana|manhã|tarde|noche|noite))\b",
        text,
    ):
        return _day(published)
    if m := _AGO.search(text):
        n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
        if m[2] == "day":
            return _day(published - n * one)
        monday = published - timedelta(days=published.weekday() + 7 * n)
        return _interval(monday, monday + 6 * one)
    if re.search(r"\bweekend\b", text):
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return _interval(saturday, min(saturday + one, published))
    if weekday := _weekday(text, published):
        return weekday
    return _calendar_relative(text, published)


def _calendar_relative(text: str, published: date) -> DateValue | None:
    monday = published - timedelta(days=published.weekday())
    if re.search(r"\blast week\b", text):
        return _interval(monday - timedelta(days=7), monday - timedelta(days=1))
    if re.search(r"\b(this|earlier this) week\b", text):
        return _interval(monday, published)
    if re.search(r"\blast month\b", text):
        prev = published.replace(day=1) - timedelta(days=1)
        return _month(prev.year, prev.month)
    if re.search(r"\b(this|earlier this) month\b", text):
        return DateValue(start=published.replace(day=1), end=published, precision="month")
    if re.search(r"\blast year\b", text):
        return _year(published.year - 1)
    if re.search(r"\b(this|earlier this) year\b", text):
        return DateValue(start=published.replace(month=1, day=1), end=published, precision="year")
    return None


def resolve_date(expr: str, published: date | None) -> tuple[DateValue | None, bool]:
    """Read a date expression. Returns (interval or None, whether it is explicit)."""
    text = _clean(expr)
    found, value = _explicit(text, published)
    if found:
        return value, True
    if m := _YEAR.search(text):
        return _year(int(m[1])), True
    if published is None:
        return None, False
    return _relative(text, published), False


def anchored_date(expr: str, earliest: date, latest: date) -> DateValue | None:
    """The date of an article with no publication date, read against the publication days
    of the other reports of its incident (earliest and latest): a day and month with no
    year take the year that puts them on or before the latest; a weekday is the last such
    day on or before the earliest, since an incident comes before every report of it.
    Words that count from the article's own day ("yesterday") stay unresolved: that day is
    unknown. Whether the expression is explicit does not change."""
    text = _clean(expr)
    found, value = _explicit(text, latest)
    return value if found else _weekday(text, earliest)


def undated_day(expr: str, latest: date) -> DateValue | None:
    """A day and month with no year ("lundi 23 mars"), read as the last such day on or
    before `latest` (the pages' date lines, when no report has a publication date: a
    month stamp gives the year, not the day a weekday counts from); None for any other
    expression."""
    found, value = _explicit(_clean(expr), latest)
    return value if found else None


# What may stand before a page's date line on its own line: bullets and punctuation, or a
# stamp word with a few words of time ("UPDATED at 00:15 a.m. EDT on").
_STAMP = re.compile(
    r"^[\W_]*(?:(?:dated?|updated|publish(?:ed)?|posted|last updated|modified|mis à jour|"
    r"publié|publicado|actualizado)\b[^\n]{0,40})?$",
    re.IGNORECASE,
)
_BARE_DAY = re.compile(
    rf"^(?:(?:{_WEEKDAY_RE}),?\s+)?(?:{_ISO.pattern}|{_DAY_MONTH.pattern}|{_MONTH_DAY.pattern}|"
    rf"{_ISO_MONTH.pattern})$"
)
# A page's opening characters, where its date stamp stands.
_HEAD = 300


DATE_LINE_NOTE = (
    "is the page's date line (when it was published or updated), not a sentence about the "
    "event: read as on or before that day"
)
# How far before its date line a report's event may be, when grouping reports.
DATE_LINE_DAYS = 6


def page_stamp(article: str) -> DateValue | None:
    """The day (or month) the page's own date stamp gives, first in its opening lines:
    "date 2024-10-28", "2024-10", "Published 12 March 2024". A stamp with no year is none."""
    head = article[:_HEAD].lower().replace("\u2019", "'")  # its lines kept: a stamp starts one
    found = _written(head, (_ISO, _ISO_MONTH, _DAY_MONTH, _MONTH_DAY))
    return next((value for m, value in found if _stamped(head, m.start())), None)


def date_line(expr: str, article: str) -> bool:
    """Is the model's date the page's date line (when it was published or updated) rather
    than a sentence's date for the event? True when the expression is a bare calendar day
    (or month) standing in the article only at the start of a line, after nothing but
    bullets or a stamp word: "14 April 2023, Kanbalu", "UPDATED at 00:15 a.m. EDT on
    April 11, 2023", "date 2024-10"."""
    if not _BARE_DAY.match(_clean(expr).rstrip(".")):
        return False
    pattern = r"\s+".join(re.escape(w) for w in expr.split())
    found = list(re.finditer(pattern, article, re.IGNORECASE))
    return bool(found) and all(_stamped(article, m.start()) for m in found)


REPORTED_NOTE = (
    'is the day the news was told ("officials said Sunday"), not a sentence\'s date for '
    "the event: read as on or before that day"
)
# A verb of saying or reporting, and the few words that may join it to its day: "said
# Sunday", "a rapporté, ce 20 avril", "informó el domingo"; or a post's handle, as an
# embedded post ends: "— Fiscalía Ecuador (@FiscaliaEcuador) August 10, 2023".
_REPORTED = re.compile(
    r"(?P<words>\(@\w+\)|\b(?:said|says|told|reported|announced|confirmed|stated|added|"
    r"(?:a|ont)\s+(?:déclaré|rapporté|annoncé|indiqué|affirmé|confirmé|précisé)|"
    r"dijo|dijeron|informó|informaron|anunció|anunciaron|declaró|declararon|reportó|"
    r"confirmó|confirmaron|señaló|indicó|afirmó))"
    r"[\s,]*(?:(?:on|this|ce|le|el|este)\s+)?$",
    re.IGNORECASE,
)


def reported_day(expr: str, article: str) -> bool:
    """Is the model's date only ever the day someone told the news ("local authorities
    said Sunday" of a Saturday attack), never a sentence's date for the event?"""
    return beside_every_mention(expr, article, None, _REPORTED) is not None


# A line that ends with one of these runs on into the next: "killed on\n14 April 2023".
_RUNS_ON = re.compile(
    r"(?:,|\b(?:on|in|since|from|of|at|by|until|and|before|after|le|du|au|depuis|el|desde|"
    r"del|de|en))\s*$",
    re.IGNORECASE,
)


def _stamped(article: str, start: int) -> bool:
    """Does the day at `start` stand as a stamp: first on its line, after nothing but bullets
    or a stamp word, and not the run-on of a sentence wrapped across lines?"""
    lines = article[:start].split("\n")
    if not _STAMP.match(lines[-1]):
        return False
    if lines[-1].strip() or len(lines) == 1:
        return True  # a bullet or stamp word before it, or the page's first line
    return not _RUNS_ON.search(lines[-2])


def unresolved(expr: str, published: date | None) -> str:
    """Why `expr` gave no date: the missing publication date it counts from, or its words."""
    if published is None and resolve_date(expr, date(2000, 1, 1))[0] is not None:
        return "cannot be resolved (no publication date)"
    return "names no day, month or year"


def explicit_spans(text: str) -> list[tuple[str, DateValue]]:
    """Every day written out in full in a text ("7 novembre 2025", "2025-11-07"), with its
    value: lets code find the article's own words for a date a model translated."""
    found = _written(_clean(text), (_ISO, _DAY_MONTH, _MONTH_DAY))
    return [(m[0], value) for m, value in found if value.precision == "day"]


def _written(
    text: str, patterns: tuple[re.Pattern[str], ...]
) -> Iterator[tuple[re.Match[str], DateValue]]:
    """Each date the patterns find in the text that names its year, pattern by pattern."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            value, explicit = resolve_date(m[0], None)
            if value is not None and explicit:
                yield m, value


def written_days(text: str) -> list[date]:
    """The distinct days a text writes out in full, year and all, in order."""
    return sorted({value.start for _, value in explicit_spans(text)})


# A news report is published within days of what it reports; a date further back is an
# earlier event the article recalls (or a page's archive date), not the incident's.
BACKGROUND_DAYS = 30


def background_date(value: DateValue | None, published: date | None) -> str | None:
    """Why a resolved date cannot be the reported event's, or None when it can."""
    if value is None or published is None:
        return None
    if value.start > published + timedelta(days=1):  # a day's slack for time zones
        return f"is after the publication date {published.isoformat()}"
    if (published - value.end).days > BACKGROUND_DAYS:
        days = (published - value.end).days
        return (
            f"is {days} days before the publication date {published.isoformat()}: a background date"
        )
    return None


def stated_date(
    name: str,
    quote: str,
    published: date | None,
    text: str,
    warnings: list[str],
    *,
    drop_background: bool,
) -> DateFact:
    """The date an article states for field `name`, read against its publication date,
    each doubt added to `warnings`: unresolved, the page's date line (on or before that
    day: a sentence's date outranks it), or, with `drop_background`, an earlier event the
    article recalls (dropped)."""
    value, explicit = resolve_date(quote, published)
    if published is None and value is None and (stamp := page_stamp(text)):
        value, explicit = _against_stamp(name, quote, stamp, warnings)
    background = background_date(value, published) if drop_background else None
    if background:
        warnings.append(f"{name} {quote!r} {background}; dropped")
        value = None
    elif value is None:
        warnings.append(f"{name} {quote!r} {unresolved(quote, published)}")
    line = value is not None and date_line(quote, text)
    told = value is not None and not line and reported_day(quote, text)
    if line or told:  # either bounds the event from above
        warnings.append(f"{name} {quote!r} {DATE_LINE_NOTE if line else REPORTED_NOTE}")
    bound = line or told
    return DateFact(quote=quote, value=value, explicit=explicit and not bound, date_line=bound)


def _against_stamp(
    name: str, quote: str, stamp: DateValue, warnings: list[str]
) -> tuple[DateValue | None, bool]:
    """A date read against the page's stamp when the publication date is unknown: a
    stamped day stands for it; a stamped month gives only the year of a day written out
    ("dimanche 25 août" on a page of August 2024), not a weekday's or "yesterday"'s day."""
    if stamp.precision == "day":
        value, explicit = resolve_date(quote, stamp.end)
    else:
        found, value = _explicit(_clean(quote), stamp.end)
        value, explicit = (value if found else None), found
    if value is not None:
        warnings.append(f"{name} {quote!r} read against the page's date stamp {stamp.label()}")
    return value, explicit


def article_date_span(date_text: str | None, article: str) -> str | None:
    """A date the model translated or reformatted ("7 November 2025" for "7 novembre
    2025", "2023-03-25" for "samedi 25 mars") replaced by the article's own words for the
    same day, when it has exactly one: a full date, else a day and month with no year
    (then read against the publication date, as the article's own words are)."""
    if not date_text or find_quote(date_text, article) >= 0:
        return date_text
    value, explicit = resolve_date(date_text, None)
    if value is None or not explicit:
        return date_text
    same = {span for span, v in explicit_spans(article) if v == value}
    if not same and value.precision == "day":  # "2023-03-25" for "ce samedi 25 mars"
        weekday = re.search(rf"\b(?:{_WEEKDAY_RE})\b", _clean(date_text))
        same = {
            span
            for span in _day_month_spans(article)
            if _same_day(span, value) and _weekday_agrees(weekday, span, article)
        }
    return same.pop() if len(same) == 1 else date_text


def _weekday_agrees(weekday: re.Match[str] | None, span: str, article: str) -> bool:
    """The answer's weekday ("dimanche 20 juin 2023") is not contradicted by the one the
    article writes before the day ("Ce lundi 20 juin": another day, the news's)."""
    if weekday is None:
        return True
    before = re.findall(rf"\b({_WEEKDAY_RE})\W+{re.escape(_clean(span))}", _clean(article))
    return all(w == weekday[0] for w in before)


def _day_month_spans(article: str) -> set[str]:
    """The days and months the article writes without a year ("25 mars", "March 25"), in
    its own letters."""
    spans = set()
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(_clean(article)):
            words = m[0].rstrip(".").split()
            own = re.search(r"\s+".join(map(re.escape, words)), article, re.IGNORECASE)
            if not m[3] and own:
                spans.add(own[0])
    return spans


def _same_day(span: str, value: DateValue) -> bool:
    """A day and month with no year are `value`'s day when read in its year."""
    return resolve_date(span, value.start)[0] == value
