"""A news story's dateline: the place it was filed from, not where the event happened.

Wire copy opens with the reporter's city in capitals, then the agency or a dash:
"HUEHUETOCA, Mexico — (AP) — Gunmen opened fire in a bar in central Mexico ...",
"RAWALPINDI: At least 23 soldiers ...", "KABUL (Reuters) - ...", or, in the South Asian
press, with the city as a name and a colon: "Raipur: Bodies of ...". A small model takes that
city for the event's place; ACLED codes where the event happened, which the body says.
Pure.
"""

import re

from summarizer.normalize.text import find_quote

# What may stand before a dateline: a page's date stamp ("date 2024-11-10", "12/11/2024").
_STAMP = r"(?:(?:date|updated|published)?[ \t]*[\d][\d\-/.:T ]*[ \t]+)?"
# The place in capitals (two letters at least, then capitals, spaces, dots, hyphens).
_CAPS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+)*"
# Then its region or country, the wire's name, and the dash or colon that ends it.
_AFTER = (
    r"(?:,[ \t]*[A-ZÀ-Þ][\w.'’ \t-]{1,40}?)?[ \t]*"
    r"(?:\([A-Za-z][\w .-]{0,20}\)[ \t]*)?(?:[—–:]|-[ \t])"
)
# Or the city as a name, its day, its agency and a colon (no space), then a sentence:
# "Raipur: Bodies of...", "Islamabad, December 12 (PTI): Twenty-three...".
_TITLE = (
    r"[A-ZÀ-Þ][a-zß-ÿ]+(?:[ \t-][A-ZÀ-Þ][a-zß-ÿ]+){0,2}"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\([A-Za-z][\w .-]{0,20}\))?:(?=[ \t]+[A-Z\d])"
)
_DATELINE = re.compile(
    rf"^[ \t]*{_STAMP}(?:(?P<line>{_CAPS}{_AFTER})|(?P<name>{_TITLE}))", re.MULTILINE
)
# Only a page's opening lines hold its dateline.
_HEAD = 400


def dateline(article: str) -> tuple[int, int] | None:
    """Where the article's dateline stands (start, end), or None when it has none."""
    named = None
    for m in _DATELINE.finditer(article[:_HEAD]):
        if m["line"] and len(re.sub(r"[^A-ZÀ-Þ]", "", m["line"].split(",")[0])) >= 3:
            return m.start("line"), m.end("line")
        if m["name"] and named is None:  # capitals outrank it: "Photo: AFP" is a caption
            named = m.start("name"), m.end("name")
    return named


def only_in_dateline(name: str, article: str) -> bool:
    """Is `name` written in the article only within its dateline?"""
    span = dateline(article)
    if span is None:
        return False
    before, line, after = article[: span[0]], article[span[0] : span[1]], article[span[1] :]
    return find_quote(name, line) >= 0 and all(find_quote(name, t) < 0 for t in (before, after))
