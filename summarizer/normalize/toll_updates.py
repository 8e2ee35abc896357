"""The death toll an article gives as an update: "death toll rises to 110", "le bilan
s'est alourdi à 30 morts", "la cifra de muertos asciende a 36".

A report of an incident leads with its latest count, often in its headline, and goes on
with the first reports ("No less than 43 farmers were killed"). A small model copies the
figure of a sentence that tells the event and leaves the update out. A toll phrased as a
rise is the latest count the article gives, so it stands as the article's own when it is
higher than the model's (summarizer.kinds.report). A toll that may rise ("could rise to
200"), sums more than the incident ("this year", "since January", "in 2019") or counts a
natural disaster's dead ("the earthquake killed 2,200"), anywhere in its sentence, is
none. Pure.
"""

import re

_TOLL = (
    r"death\s+toll|toll|bilan(?:\s+humain)?|"
    r"(?:cifra|n[úu]mero)\s+de\s+(?:muertos|fallecidos|v[íi]ctimas\s+mortales)"
)
_RISE = (
    r"(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed)?|increas(?:es|ed)|"
    r"mount(?:s|ed)|s['’](?:est\s+)?(?:encore\s+)?alourdi\w*|pass[ée]|grimp[ée]|s['’]élève|augment[ée]|"
    r"asc(?:i?end)\w*|aument[óa]\w*|sub(?:e|i[óo])|se\s+elev[óa]|elev[óa])"
    r"\s+(?:\w+\s+){0,2}?(?:to|à|a)|reach(?:es|ed)|atteint|alcanz(?:a|ó|o)"
)
_UPDATE = re.compile(
    rf"\b(?:{_TOLL})\b(?P<between>[^.;:!?\n]{{0,80}}?)\b(?P<span>(?:{_RISE})\s+\d[\d,]*)\b",
    re.IGNORECASE,
)
_NOT_THIS = re.compile(
    r"\b(?:could|(?-i:may)|might|would|expected|feared|likely|pourrait|risque|podría|puede|"
    r"this year|so far|since|cette année|depuis|este año|en lo que va|desde|"
    r"(?:in|en)\s+(?:19|20)\d\d|"
    # a natural disaster's toll is no violent incident's
    r"earthquakes?|quakes?|hurricanes?|cyclones?|typhoons?|floods?|flooding|tsunamis?|"
    r"landslides?|séismes?|tremblements? de terre|ouragans?|inondations?|terremotos?|"
    r"sismos?|huracan(?:es)?|huracán|inundaci(?:ón|ones))\b",
    re.IGNORECASE,
)


def not_this_incident(text: str) -> bool:
    """Words that make a toll more than the incident's, or not yet one ("this year",
    "since January", "in 2019", "could rise")."""
    return bool(_NOT_THIS.search(text))


def latest_toll(article: str) -> str | None:
    """The span of the highest toll the article phrases as a rise ("rises to 110"), or
    None."""
    found = [
        (int(re.sub(r"\D", "", m["span"].split()[-1])), m["span"])
        for m in _UPDATE.finditer(article)
        if not _NOT_THIS.search(article, _sentence_start(article, m.start()), m.end())
    ]
    return max(found)[1] if found else None


def _sentence_start(article: str, pos: int) -> int:
    return max(article.rfind(end, 0, pos) for end in ".!?\n") + 1
