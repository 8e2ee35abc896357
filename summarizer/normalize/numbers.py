"""Casualty expressions as written ("over 20 Malian soldiers") -> the article's own bounds.

Pure and table-tested. ACLED's conventions for vague quantities: "dozens" -> 12, "tens" -> 10,
"hundreds" -> 100 (as lower bounds). "several" or "many" give no number at all: a count
is kept null rather than invented.
"""

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1000,
          "dizaines": 10, "centaines": 100, "milliers": 1000}  # fmt: skip
# French round figures, "une vingtaine" (about twenty): approximate, not a bound.
_FR_ROUND = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
             "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
             "centaine": 100}  # fmt: skip
_FR_ROUND_RE = re.compile(
    rf"\b(?:(plus d'|plus de|au moins|près de|moins d')\s*)?(?:une|la)\s+({'|'.join(_FR_ROUND)})\b"
)
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, *_SCALES, "dozen", "and", "a", "an"])
_FIRST_WORD = "|".join([*_UNITS, *_TENS, *_SCALES, "dozen", "a", "an"])
_WORD_RUN = re.compile(rf"\b(?:{_FIRST_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*\b")

# English, then French ("au moins 20 morts", "plus d'une vingtaine").
_LOWER_INCLUSIVE = (
    r"at least|no fewer than|no less than|a minimum of|not less than|au moins|pas moins de"
)
_LOWER_EXCLUSIVE = (
    r"more than|over|upwards of|in excess of|above|exceeding|greater than|plus de|plus d'"
)
_UPPER_EXCLUSIVE = (
    r"nearly|almost|close to|just under|fewer than|less than|under|below|près de|pres de|"
    r"presque|moins de|moins d'"
)
_UPPER_INCLUSIVE = r"up to|at most|as many as|a maximum of|no more than|jusqu'à|jusqu'a"
_APPROXIMATE = (
    r"about|around|approximately|roughly|some|an estimated|estimated|circa|environ|quelque"
)
QUALIFIER = re.compile(
    rf"\b({_LOWER_INCLUSIVE}|{_LOWER_EXCLUSIVE}|{_UPPER_EXCLUSIVE}|{_UPPER_INCLUSIVE}|"
    rf"{_APPROXIMATE})\s*$"
)
LEADING_QUALIFIER = re.compile(
    rf"^\s*({_LOWER_INCLUSIVE}|{_LOWER_EXCLUSIVE}|{_UPPER_EXCLUSIVE}|{_UPPER_INCLUSIVE}|"
    rf"{_APPROXIMATE})\b",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(no one|nobody|none|no (?:casualties|deaths|fatalities|injuries|one was)|"
    r"without (?:casualties|injuries)|no lives)\b"
)
_RANGE = re.compile(r"(?:between\s+)?(\d+)\s*(?:-|to|and|or)\s*(\d+)\b")
_STOP = re.compile(r"\b(including|among them|among whom|of whom|of which|of them)\b.*$")


@dataclass(frozen=True)
class Bounds:
    min: int | None
    max: int | None
    approximate: bool = False


def _words_to_int(words: str) -> int | None:
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", words):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = 12 * max(current, 1)
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = seen or word not in ("a", "an")
    if not seen:
        return None
    return total + current


def _digits_for_words(text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        value = _words_to_int(m[0])
        return m[0] if value is None else f" {value} "

    return _WORD_RUN.sub(replace, text)


def _clean(expr: str) -> str:
    text = expr.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)
    text = re.sub(r"\bhalf a dozen\b", "6", text)
    text = _digits_for_words(text)
    text = _FR_ROUND_RE.sub(lambda m: f"{m[1] or 'environ'} {_FR_ROUND[m[2]]}", text)
    return re.sub(r"\s+", " ", text).strip()


def _with_qualifier(prefix: str, value: int) -> Bounds:
    q = QUALIFIER.search(prefix.strip())
    word = q[1] if q else ""
    if re.fullmatch(_LOWER_INCLUSIVE, word):
        return Bounds(value, None)
    if re.fullmatch(_LOWER_EXCLUSIVE, word):
        return Bounds(value + 1, None)
    if re.fullmatch(_UPPER_EXCLUSIVE, word):
        return Bounds(None, value - 1)
    if re.fullmatch(_UPPER_INCLUSIVE, word):
        return Bounds(None, value)
    if word:
        return Bounds(value, value, approximate=True)
    return Bounds(value, value)


def parse_count(expr: str) -> Bounds | None:
    """An expression's own bounds, or None when it gives no number."""
    if _ZERO.search(expr.lower()):
        return Bounds(0, 0)
    text = _STOP.sub("", _clean(expr))
    if m := _RANGE.search(text):
        low, high = sorted((int(m[1]), int(m[2])))
        return Bounds(low, high, approximate=bool(QUALIFIER.search(text[: m.start()].strip())))
    numbers = list(re.finditer(r"\b\d+\b", text))
    if numbers:
        first = numbers[0]
        value = int(first[0])
        # "two soldiers and three civilians": parts of one toll joined by "and".
        rest = text[first.end() :]
        if len(numbers) > 1 and re.search(r"\band\b", rest):
            value = sum(int(n[0]) for n in numbers)
        return _with_qualifier(text[: first.start()], value)
    for word, value in _VAGUE.items():
        if re.search(rf"\b{word}\b", text):
            prefix = text[: text.index(word)]
            bounds = _with_qualifier(prefix, value)
            return bounds if bounds.min != bounds.max else Bounds(value, None, approximate=True)
    if re.match(r"^(a|an)\s+\w+", text):
        return Bounds(1, 1)
    return None
