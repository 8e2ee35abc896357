"""Numbers written as digits or as words, mapped both ways for the span check.

A small model writes "2 soldiers" where the article says "two soldiers" (or "deux
soldats", "dos soldados"): the same figure, so the span stands. Spellings come from
num2words for the languages news arrives in, never from a hand-written table. Pure.
"""

import re
from functools import cache

from num2words import num2words

LANGS = ("en", "fr", "es", "pt", "de", "it")
MAX_SPELLED = 1000  # figures above this are written in digits in news
# A decimal's parts are no figures ("a magnitude 7.2 earthquake": not 2); a comma between
# digits may part two figures ("killed 12,14 wounded").
_DIGITS = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[,.\u202f ]\d{3})+(?![\w])|(?<!\d\.)(?<!\w)\d+(?!\w|\.\d)"
)
# Spans that mean "the article does not say": read as null, never as a figure.
PLACEHOLDERS = frozenset(
    {"", "unknown", "none", "n/a", "na", "null", "nil", "not specified", "not mentioned",
     "not given", "not stated", "not reported", "unspecified", "unclear", "-", "?",
     "0", "zero", "no", "nobody", "no one", "inconnu", "aucun", "aucune", "desconocido"}
)  # fmt: skip


def _forms(n: int, lang: str) -> list[str]:
    """num2words' spelling of `n`, with the forms Spanish and Portuguese agreement makes.

    num2words writes the masculine pronoun form ("veintiuno", "doscientos"); before a noun
    Spanish drops the final o ("veintiún muertos", "treinta y un heridos") and a feminine
    noun takes -a ("veintiuna personas", "doscientas víctimas"), Portuguese likewise
    ("duzentas pessoas")."""
    word = num2words(n, lang=lang).casefold()
    forms = [word]
    if lang == "es":
        forms += [re.sub(r"iuno$", "iún", word), re.sub(r"\buno$", "un", word)]
    if lang in ("es", "pt"):
        forms.append(re.sub(r"\b(\w*)(uno|um|os)\b", _feminine, word))
    forms += [f.replace("-", " ") for f in forms]
    return list(dict.fromkeys(forms))


def _feminine(m: re.Match[str]) -> str:
    stem, ending = m[1], m[2]
    if ending == "os" and not stem.endswith("ent"):
        return m[0]  # only hundreds agree: "dos" (2) stays
    return stem + {"uno": "una", "um": "uma", "os": "as"}[ending]


@cache
def _spellings() -> dict[str, int]:
    """Every spelling of 0..MAX_SPELLED in LANGS (lowercase) -> its value."""
    table: dict[str, int] = {}
    for lang in LANGS:
        for n in range(MAX_SPELLED + 1):
            for form in _forms(n, lang):
                table.setdefault(form, n)
    return table


@cache
def _word_pattern() -> re.Pattern[str]:
    words = sorted(_spellings(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def spellings(n: int) -> list[str]:
    """The ways LANGS write `n` in words, in LANGS order, without repeats."""
    if not 0 <= n <= MAX_SPELLED:
        return []
    first = [num2words(n, lang=lang).casefold() for lang in LANGS]  # one a language first
    return list(dict.fromkeys([*first, *(f for lang in LANGS for f in _forms(n, lang))]))


def _digit_value(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def number_variants(span: str) -> list[str]:
    """`span` with its figure written the other ways: digits as words, words as digits.

    Only the first figure in the span is rewritten: a casualty span carries one.
    """
    variants: list[str] = []
    if m := _DIGITS.search(span):
        value = _digit_value(m[0])
        variants += [span[: m.start()] + w + span[m.end() :] for w in spellings(value)]
        if m[0] != str(value):
            variants.append(span[: m.start()] + str(value) + span[m.end() :])
    lowered = span.casefold()
    if w := _word_pattern().search(lowered):
        value = _spellings()[w[0]]
        variants.append(span[: w.start()] + str(value) + span[w.end() :])
        variants += [span[: w.start()] + other + span[w.end() :] for other in spellings(value)]
    return [v for v in dict.fromkeys(variants) if v != span]


def figures(text: str) -> list[tuple[int, int, int]]:
    """Each figure in the text, in digits or in words of LANGS (zero aside), as (start, end,
    value), in order."""
    found = [(m.start(), m.end(), _digit_value(m[0])) for m in _DIGITS.finditer(text)]
    folded = text.casefold()
    if len(folded) == len(text):  # positions hold ("ß" folds to two letters)
        table = _spellings()
        found += [(m.start(), m.end(), table[m[0]]) for m in _word_pattern().finditer(folded)]
    return sorted(f for f in found if f[2])


def is_placeholder(value: str | None) -> bool:
    """True for "unknown", "N/A", "0" and the like: the model's way of saying nothing."""
    if value is None:
        return True
    return re.sub(r"\s+", " ", value.strip(" .").casefold()) in PLACEHOLDERS
