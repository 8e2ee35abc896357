"""The model's own prose (title, summary) checked before a brief prints it.

Spans are verified verbatim; prose cannot be, so it is checked for the three faults small
models show: text in a script the article does not use (a Latin-script summary ending in
Chinese characters), text cut off (it fills the length cap, or ends on a hyphen, a comma or
a word such as "the" that cannot end a sentence), and numbers no fact supports. A problem is
re-asked once like a bad span, then the text is dropped with a warning. Pure.
"""

import re
import unicodedata

from summarizer.normalize.numbers import guess_language, parse_count, written_numbers
from summarizer.schemas import CASUALTY_KINDS, Extraction

_MAX = {"title": 140, "summary": 400}  # the Extraction caps: a text that fills one was cut
_DANGLING = re.compile(
    r"(?:[-,:;(\u2013\u2014]|\b(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|as|"
    r"de|du|des|la|le|les|et|à|en|el|los|las|y|del))$",
    re.IGNORECASE,
)


def _script(ch: str) -> str:
    """The script a letter belongs to, from its Unicode name ("CJK", "LATIN", "ARABIC")."""
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def _scripts(text: str) -> set[str]:
    return {_script(ch) for ch in text if ch.isalpha()}


def supported_numbers(ex: Extraction, article: str) -> set[int]:
    """Every number the article writes (words too) and every figure read from its spans."""
    found = written_numbers(article, guess_language(article)) | written_numbers(article, "en")
    for kind in CASUALTY_KINDS:
        span = getattr(ex, kind)
        if span and (bounds := parse_count(span, guess_language(article))):
            found |= {n for n in (bounds.min, bounds.max, bounds.figure) if n is not None}
    return found


def _problem(field: str, text: str, scripts: set[str], supported: set[int]) -> str | None:
    foreign = sorted({_script(ch) for ch in text if ch.isalpha()} - scripts)
    if foreign:
        return f"uses {', '.join(foreign)} characters the article does not"
    if len(text) >= _MAX[field] or _DANGLING.search(text):
        return "is cut off"
    unsupported = sorted(written_numbers(text, "en") - supported)
    if unsupported:
        return f"names {', '.join(map(str, unsupported))}, which the article does not"
    return None


def prose_problems(ex: Extraction, article: str) -> dict[str, str]:
    """ "title"/"summary" -> why that text must not reach the brief."""
    scripts = _scripts(article) | {"LATIN"}  # titles and summaries are asked for in English
    supported = supported_numbers(ex, article)
    problems = {}
    for field in ("title", "summary"):
        text = getattr(ex, field).strip()
        if text and (problem := _problem(field, text, scripts, supported)):
            problems[field] = (
                f"{field} {text[:80]!r} {problem}; write it in complete English sentences "
                "with only the article's facts"
            )
    return problems
