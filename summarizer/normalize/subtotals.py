"""A casualty figure the article gives as a part of a larger toll, and that toll.

News breaks a toll down: "14 personas fallecidas, de las cuales 11 son integrantes de un
grupo criminal", "killing 70 people, among them 10 women", "De los fallecidos, 11
pertenecían a una célula delictiva", "two foreign nationals were among the dead". A small
model copies the part as the toll. The whole is the figure before the breakdown in the
same sentence, when its own words say it counts that kind ("14 personas fallecidas, de
las cuales 11"; not "jóvenes de entre 17 y 30 años, de los cuales 11 fueron masacrados");
the one the breakdown's opening names ("Of the 22 fatalities, the CRPF lost eight"); or,
when the breakdown names only the kind ("Of the dead, 11 ..."), the article's first
earlier figure of that kind. The gravely injured are a part of the injured: the whole is
the article's first figure of the injured, when larger. Pure.
"""

import re

from summarizer.normalize.numbers import QUALIFIER
from summarizer.normalize.numwords import figures
from summarizer.normalize.own_figures import first_figure_for, own_phrase
from summarizer.normalize.tolls import CATEGORY_RE, first_kind, locate, sentence_of

# Words that open a breakdown of the figure before them: "..., dont 22 enfants".
_PART_OF = re.compile(
    r"\b(?:including|includ(?:ed|es)|among (?:them|whom)|of (?:whom|which|them)|dont|parmi "
    r"(?:eux|elles|lesquel(?:le)?s)|de (?:los|las) cuales|entre (?:ellos|ellas|(?:los|las) "
    r"cuales)|incluid[oa]s?|incluyendo)\W*$",
    re.IGNORECASE,
)
# A sentence that opens on the casualties it then breaks down: "Of the dead,", "Out of the
# total 22 fatalities, the CRPF lost", "Parmi les victimes,", "De los 14 muertos,".
_OF_THE = re.compile(
    r"\W*(?:(?:out\s+)?of|among|parmi|de|entre)\s+(?:the|those|les|ces|l[oa]s|est[oa]s)\s+"
    r"(?:total\s+)?(?:(\d+)\s+)?([\w'-]+)\s*,?\s*(?:[\w'-]+\s+){0,4}?",
    re.IGNORECASE,
)
# The gravely injured are some of the injured: "eight officers suffered serious injuries"
# after "More than 50 police officers were injured".
_SEVERE = re.compile(
    r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:s|ment)?|grièvement|"
    r"gravemente|de gravedad|de consideración)\b",
    re.IGNORECASE,
)
# A part named as among them after its figure: "two foreign nationals were among the dead".
_AMONG_AFTER = re.compile(
    r"[^,;.]{0,60}?\b(?:(?:were|are|was|is)\s+among|(?:sont|étaient|était|est)\s+parmi|"
    r"(?:figuran?|se\s+encuentran?|están|estaban)\s+entre)\s+(?:the|les|l[oa]s)\s+([\w'-]+)",
    re.IGNORECASE,
)


def whole_of(kind: str, span: str, article: str) -> str | None:
    """The span of the toll of `kind` the span's figure is a part of, or None when the
    figure is no part, or no larger figure of `kind` stands for the whole."""
    loc = locate(span, article)
    found = figures(span)
    if loc is None or not found:
        return None
    s_start, s_end = sentence_of(article, *loc)
    at, end, part = loc[0] + found[0][0], loc[0] + found[0][1], found[0][2]
    head = _unqualified(article[s_start:at])
    if marker := _PART_OF.search(head):
        return _whole_before(kind, article[s_start:s_end], marker.start(), part)
    if kind == "injured" and _SEVERE.search(article, loc[0], s_end):
        return _larger(first_figure_for(kind, article), part)  # the gravely hurt among them
    opening = _OF_THE.fullmatch(head)
    among = _AMONG_AFTER.match(article, end, s_end)
    named = opening[2] if opening else among[1] if among else None
    if named is None or not CATEGORY_RE[kind].match(named):
        return None
    if opening and opening[1]:  # "Of the 22 fatalities": the whole is named there
        return _larger(f"{opening[1]} {opening[2]}", part)
    return _larger(first_figure_for(kind, article[:s_start]), part)


def _unqualified(text: str) -> str:
    """The text without the "about", "at least" that ends it."""
    m = QUALIFIER.search(text.casefold())
    return text[: m.start()] if m else text


def _whole_before(kind: str, sentence: str, marker: int, part: int) -> str | None:
    """The last figure before the breakdown's marker, when it is larger than the part and
    its own words, or the toll's, say it counts `kind`."""
    found = figures(sentence[:marker])
    if not found or found[-1][2] <= part:
        return None
    start, end, _ = found[-1]
    if first_kind(sentence[end:marker]) not in (None, kind):
        return None  # "huit blessés dont trois": the injured's breakdown
    if own_phrase(kind, sentence, start, end) is None and not _TOLL.search(sentence, 0, start):
        return None  # "jóvenes de entre 17 y 30 años, de los cuales 11"
    return re.sub(r"[\s,;:(]+$", "", sentence[start:marker])


# A toll named before its figure: "the death toll has risen to 36, including 24 children".
_TOLL = re.compile(r"\b(?:death toll|toll|bilan|balance|cifra de (?:muertos|fallecidos))\b", re.I)


def _larger(whole: str | None, part: int) -> str | None:
    """The whole's span when its figure is larger than the part's."""
    found = figures(whole) if whole else []
    return whole if found and found[0][2] > part else None
