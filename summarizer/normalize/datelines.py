"""A news story's dateline: the place it was filed from, not where the event happened.

Wire copy opens with the reporter's city in capitals, then the agency or a dash:
"HUEHUETOCA, Mexico — (AP) — Gunmen opened fire in a bar in central Mexico ...",
"RAWALPINDI: At least 23 soldiers ...", "KABUL (Reuters) - ...". A small model takes that
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
_DATELINE = re.compile(rf"^[ \t]*{_STAMP}(?P<line>{_CAPS}{_AFTER})", re.MULTILINE)
# Only a page's opening lines hold its dateline.
_HEAD = 400


def dateline(article: str) -> tuple[int, int] | None:
    """Where the article's dateline stands (start, end), or None when it has none."""
    m = _DATELINE.search(article[:_HEAD])
    if m is None or len(re.sub(r"[^A-ZÀ-Þ]", "", m["line"].split(",")[0])) < 3:
        return None
    return m.start("line"), m.end("line")


def only_in_dateline(name: str, article: str) -> bool:
    """Is `name` written in the article only within its dateline?"""
    span = dateline(article)
    if span is None:
        return False
    before, line, after = article[: span[0]], article[span[0] : span[1]], article[span[1] :]
    return find_quote(name, line) >= 0 and all(find_quote(name, t) < 0 for t in (before, after))
