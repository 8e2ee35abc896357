"""The model's own prose (title, summary) checked before a brief prints it.

Spans are verified verbatim; prose cannot be, so it is checked for the three faults small
models show: text in a script the article does not use (a Latin-script summary ending in
Chinese characters), text cut off (it fills the length cap, or ends on a hyphen, a comma or
a word such as "the" that cannot end a sentence), and numbers no fact supports. A text cut
off keeps its complete sentences (`complete_part`); a problem left is re-asked once like a bad
span, then the text is dropped with a warning. Pure.
"""

import re
import unicodedata

from summarizer.normalize.numbers import written_numbers

_MAX = {"title": 140, "summary": 400}  # TitleText, SummaryText: a text filling one was cut
_DANGLING = re.compile(
    r"(?:[-,:;(\u2013\u2014]|\b(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|as|"
    r"de|du|des|la|le|les|et|à|en|el|los|las|y|del))$",
    re.IGNORECASE,
)

# A sentence ends at . ! or ? (and a closing quote) before a capital or a figure, but not
# after an initial or a short capitalised abbreviation ("U.S. forces", "Gen. Soleimani").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"')\u201d]?"
    r"(?=\s+[\"'(\u201c]?[A-Z0-9])"
)


def _script(ch: str) -> str:
    """The script a letter belongs to, from its Unicode name ("CJK", "LATIN", "ARABIC")."""
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def scripts(text: str) -> set[str]:
    return {_script(ch) for ch in text if ch.isalpha()}


def problem(field: str, text: str, allowed: set[str], supported: set[int]) -> str | None:
    """What is wrong with a title or summary: a script not `allowed`, cut off, a number
    not `supported`; or None."""
    foreign = sorted(scripts(text) - allowed)
    if foreign:
        return f"uses {', '.join(foreign)} characters the article does not"
    if _is_cut(field, text):
        return "is cut off"
    unsupported = sorted(written_numbers(text, "en") - supported)
    if unsupported:
        return f"names {', '.join(map(str, unsupported))}, which the article does not"
    return None


def _is_cut(field: str, text: str) -> bool:
    """The text, as the model gave it, fills its length cap (a cap that fell on a space
    too), or it ends on what cannot end a sentence."""
    return len(text) >= _MAX[field] or bool(_DANGLING.search(text.strip()))


def complete_part(field: str, text: str) -> str:
    """A cut-off text trimmed to its complete sentences, when it has one: a summary that ran
    into its cap mid-sentence keeps the sentences before the cut. Any other text as it is."""
    if not _is_cut(field, text):
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[: ends[-1]].strip() if ends else text
