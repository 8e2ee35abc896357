"""Casualty expressions as written ("over 20 Malian soldiers") -> the article's own bounds.

Pure and table-tested, in English, French and Spanish. Number words are read by `text2num`
(its `alpha2digit`). ACLED's conventions for vague quantities: "dozens" (and "des
dizaines", "decenas", the words news uses for it) -> 12, "tens" -> 10, "hundreds" -> 100
(as lower bounds). "several" or "many" give no number at all: a count is kept null rather
than invented. A count split across groups ("17 soldiers and three vigilantes") is summed,
keeping the parts.
"""

import re
from dataclasses import dataclass

from text_to_num import alpha2digit

_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1000,
          "dizaines": 12, "centaines": 100, "milliers": 1000,
          "decenas": 12, "cientos": 100, "centenares": 100, "miles": 1000}  # fmt: skip
# Round figures, "une vingtaine" / "una veintena" (about twenty): approximate, not a bound.
_ROUND = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
          "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
          "centaine": 100, "decena": 10, "docena": 12, "quincena": 15, "veintena": 20,
          "treintena": 30, "cuarentena": 40, "cincuentena": 50, "centena": 100}  # fmt: skip
_ROUND_RE = re.compile(
    r"\b(?:(plus d'|plus de|au moins|près de|moins d'|más de|al menos|cerca de)\s*)?"
    rf"(?:une|la|una)\s+({'|'.join(_ROUND)})\b"
)
_ONE = r"one|a|an|un|une|uno|una|un seul|une seule"
_UNOS = re.compile(r"(\b(?:unos|unas)\b)")

# English, French, Spanish ("au moins 20 morts", "al menos 24 personas").
_LOWER_INCLUSIVE = (
    r"at least|no fewer than|no less than|a minimum of|not less than|au moins|pas moins de|"
    r"al menos|por lo menos|como mínimo|no menos de"
)
_LOWER_EXCLUSIVE = (
    r"more than|over|upwards of|in excess of|above|exceeding|greater than|plus de|plus d'|"
    r"más de|mas de|por encima de"
)
_UPPER_EXCLUSIVE = (
    r"nearly|almost|close to|just under|fewer than|less than|under|below|près de|pres de|"
    r"presque|moins de|moins d'|casi|cerca de|menos de"
)
_UPPER_INCLUSIVE = (
    r"up to|at most|as many as|a maximum of|no more than|jusqu'à|jusqu'a|hasta|como máximo"
)
_APPROXIMATE = (
    r"about|around|approximately|roughly|some|an estimated|estimated|circa|environ|quelque|"
    r"unos|unas|alrededor de|aproximadamente|en torno a"
)
_ALL = "|".join((_LOWER_INCLUSIVE, _LOWER_EXCLUSIVE, _UPPER_EXCLUSIVE, _UPPER_INCLUSIVE))
QUALIFIER = re.compile(rf"\b({_ALL}|{_APPROXIMATE})\s*$")
LEADING_QUALIFIER = re.compile(rf"^\s*({_ALL}|{_APPROXIMATE})\b", re.IGNORECASE)
_ZERO = re.compile(
    r"\b(no one|nobody|none|no (?:casualties|deaths|fatalities|injuries|one was)|"
    r"without (?:casualties|injuries)|no lives|aucune victime|personne n'a été|"
    r"sin víctimas|ningún muerto|ningun muerto)\b"
)
_RANGE = re.compile(
    r"(?:between|entre)\s+(\d+)\s*(?:-|and|et|y|à|a)\s*(\d+)\b"
    r"|(\d+)\s*(?:-|to|or|à|ou|o|a)\s*(\d+)\b"
)
_STOP = re.compile(
    r"\b(including|among them|among whom|of whom|of which|of them|dont|parmi (?:eux|lesquels)|"
    r"entre ellos|incluidos?|incluyendo|de los cuales)\b.*$"
)
# Words that end a group's noun phrase: a verb or another kind of casualty follows, so a
# number after "and" is not one more group of the same toll ("10 dead and 13 injured").
_NOT_A_NOUN = re.compile(
    r"^(?:were|was|are|is|have|has|had|been|being|killed|dead|died|injured|wounded|hurt|"
    r"missing|ont|sont|été|a|ont|tués?|morts?|blessés?|disparus?|han|fueron|murieron|"
    r"muertos?|heridos?|desaparecidos?|others?|autres?|otros?|more|plus|más|deaths?|"
    r"fatalit\w*|casualt\w*|injur\w*|wound\w*|hospitali\w*|bless\w*|herid\w*|lesionad\w*|"
    r"décès|victimes?|víctimas?|disparu\w*|desaparecid\w*|kidnap\w*|abduct\w*|hostages?|"
    r"otages?|enlev\w*|secuestrad\w*)$"
)
_JOIN = r"and|et|y|as well as|plus"
_WORD = rf"(?:(?!(?:{_JOIN})\b)[\w'-]+)"  # a word of a noun phrase, not a conjunction
_GROUP = re.compile(rf"(?:,\s*|\s+(?:{_JOIN})\s+)(\d+|{_ONE})\s+({_WORD}(?:\s+{_WORD}){{0,2}})")
_LANG_WORDS = {
    "en": r"the|and|of|were|was|in|people|killed|at|least|have|has",
    "fr": r"le|la|les|des|et|du|une|au|ont|été|moins|personnes|morts|tués",
    "es": r"el|los|las|del|y|una|al|han|sido|menos|personas|muertos|heridos",
}


@dataclass(frozen=True)
class Bounds:
    min: int | None
    max: int | None
    approximate: bool = False
    parts: tuple[int, ...] = ()
    figure: int | None = None  # the number as written: 20 in "over 20"


def guess_language(text: str) -> str:
    """en, fr or es: whose common words the text uses most (English on a tie)."""
    words = re.findall(r"[\wÀ-ÿ']+", text.lower())
    scores = {
        lang: sum(1 for w in words if re.fullmatch(pattern, w))
        for lang, pattern in _LANG_WORDS.items()
    }
    return max(scores, key=lambda lang: (scores[lang], lang == "en"))


def _clean(expr: str, lang: str) -> str:
    text = expr.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"(\d)[,.\u202f\u00a0 ](\d{3})\b", r"\1\2", text)
    text = re.sub(r"\bhalf a dozen\b", "6", text)
    if lang == "es":  # text2num knows "veintiuno", not its form before a noun, "veintiún"
        text = re.sub(r"\b(\w+i)ún\b", r"\1uno", text)
    # Vague plurals first, out of text2num's reach ("tens" is not 10 exactly, but at least 10).
    text = re.sub(rf"\b({'|'.join(_VAGUE)})\b", lambda m: f"vague{_VAGUE[m[1]]}", text)
    # "un" or "a" alone is an article as often as a number: read only values of 2 and up here.
    # Spanish "unos"/"unas" (about) is never one: text2num would read "unos once" as "1 11",
    # so the number words on each side of it are read apart.
    text = "".join(
        piece if _UNOS.fullmatch(piece) else alpha2digit(piece, lang, threshold=2)
        for piece in _UNOS.split(text)
    )
    text = re.sub(r"\b(?:(\d+)|a|an)\s+dozen\b", lambda m: str(12 * int(m[1] or 1)), text)
    text = re.sub(r"\ba (\d+)\b", r"\1", text)  # "a hundred" -> "a 100"
    text = _ROUND_RE.sub(lambda m: f"{m[1] or 'environ'} {_ROUND[m[2]]}", text)
    return re.sub(r"\s+", " ", text).strip()


def written_numbers(text: str, lang: str) -> set[int]:
    """Every number a text writes, in digits or words ("une centaine" and "dozens" too)."""
    cleaned = _clean(text, lang)
    return {int(n) for n in re.findall(r"(?<![\w.])(?:vague)?(\d+)(?![\w]|[.,]\d)", cleaned)}


def _with_qualifier(prefix: str, value: int, parts: tuple[int, ...] = ()) -> Bounds:
    q = QUALIFIER.search(prefix.strip())
    word = q[1] if q else ""
    low: int | None = value
    high: int | None = value
    if re.fullmatch(_LOWER_INCLUSIVE, word):
        high = None
    elif re.fullmatch(_LOWER_EXCLUSIVE, word):
        low, high = value + 1, None
    elif re.fullmatch(_UPPER_EXCLUSIVE, word):
        low, high = None, value - 1
    elif re.fullmatch(_UPPER_INCLUSIVE, word):
        low = None
    approximate = bool(word) and low == high
    return Bounds(low, high, approximate=approximate, parts=parts, figure=value)


def _value(token: str) -> int:
    return int(token) if token.isdigit() else 1


def split_parts(text: str, first: int) -> tuple[int, ...]:
    """The groups of one toll from its first number on: "17 soldiers and 3 vigilantes".

    Each group is a number and a noun phrase; a verb inside a phrase ends the list, so
    "20 people were killed and 3 houses burned" is one group."""
    m = re.match(rf"(\d+)\s+({_WORD}(?:\s+{_WORD}){{0,2}})", text[first:])
    if not m or not _is_noun_phrase(m[2]):
        return ()
    parts = [int(m[1])]
    pos = first + m.end()
    while (g := _GROUP.match(text, pos)) and not _NOT_A_NOUN.match(g[2].split()[0]):
        parts.append(_value(g[1]))
        if not _is_noun_phrase(g[2]):
            break
        pos = g.end()
    return tuple(parts) if len(parts) > 1 else ()


def _is_noun_phrase(words: str) -> bool:
    return not any(_NOT_A_NOUN.match(w) for w in words.split())


def parse_count(expr: str, lang: str | None = None) -> Bounds | None:
    """An expression's own bounds, or None when it gives no number."""
    if _ZERO.search(expr.lower()):
        return Bounds(0, 0, figure=0)
    text = _STOP.sub("", _clean(expr, lang or guess_language(expr)))
    if m := _RANGE.search(text):
        low, high = sorted(int(g) for g in m.groups() if g is not None)
        approximate = bool(QUALIFIER.search(text[: m.start()].strip()))
        return Bounds(low, high, approximate=approximate, figure=high)
    if first := re.search(r"\b\d+\b", text):
        parts = split_parts(text, first.start())
        value = sum(parts) if parts else int(first[0])
        return _with_qualifier(text[: first.start()], value, parts)
    if m := re.search(r"\bvague(\d+)\b", text):
        value = int(m[1])
        bounds = _with_qualifier(text[: m.start()], value)
        vague = Bounds(value, None, approximate=True, figure=value)
        return bounds if bounds.min != bounds.max else vague
    if m := re.search(rf"(?:^|\b(?:{_ALL}|{_APPROXIMATE})\s+)({_ONE})\s+[\w'-]+", text):
        return _with_qualifier(text[: m.start(1)], 1)
    return None
