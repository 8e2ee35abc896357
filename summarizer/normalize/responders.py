"""An actor the article names only as responding to the event is no side of it.

Reports of an attack go on with what came after it: "Police later arrested a suspect",
"Les forces congolaises réussissent dans la foulée, à arrêter un suspect", "las autoridades
detuvieron a dos hombres". A small model lists those responders as the perpetrators. An
actor only responds when every mention of it is either a source of the news (sources.py)
or the subject of an arrest, a search, an inquiry, an evacuation, a rescue or a
deployment, at most five words on, with no word of harm between ("X later arrested", not
"X shot two and arrested"), or the agent of one, or of a discovery, in the passive ("the
bodies were discovered by X"), and one mention at least is such a response. Pure.
"""

import re

from summarizer.normalize.relevance import names_harm
from summarizer.normalize.sources import source_at
from summarizer.normalize.text import mentions

_RESPONSE = (
    r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|apprehend(?:s|ed|ing)?|"
    r"investigat(?:e|es|ed|ing|ion)|inquiry|probe|manhunt|"
    r"cordon(?:s|ed)?|sealed|evacuat(?:e|es|ed|ing)|rescu(?:e|es|ed|ing)|deployed|"
    r"arrêt(?:er|é|ée|és|ées|ent|ait|aient)|interpell\w*|enquêt\w*|évacu\w*|"
    r"secour(?:u|us|ir|ent)|déploy\w*|boucl\w*|ratiss\w*|"
    r"detuv\w*|deten(?:er|ido|idos|ida|idas)|arrestar\w*|arrestó|investig\w*|evacu\w*|"
    r"rescat\w*|despleg\w*|acordon\w*"
)
# Right after the name: up to five words (auxiliaries, "later", "dans la foulée, à"),
# then the response.
_RESPONSE_AFTER = re.compile(
    rf"(?P<between>(?:[\s,]+[\w'’-]+){{0,5}}?)[\s,]+(?P<verb>{_RESPONSE})\b", re.IGNORECASE
)


# Right before the name: what was done by it, in the passive ("the bodies were discovered
# by Mexican security forces", "secourus par les pompiers", "hallados por la policía").
_FOUND = (
    r"found|discovered|recovered|located|"
    r"retrouv\w*|découvert\w*|récupér\w*|localis\w*|"
    r"encontrad\w*|hallad\w*|localizad\w*|recuperad\w*"
)
_RESPONSE_BEFORE = re.compile(
    rf"\b(?P<verb>{_RESPONSE}|{_FOUND})\s+(?:by|par|por)(?:\s+(?:the|les?|la|l['’]|los|las|el))?\s*$",
    re.IGNORECASE,
)


def _response_at(article: str, start: int, end: int) -> str | None:
    if before := _RESPONSE_BEFORE.search(article, max(0, start - 60), start):
        return before["verb"]
    hit = _RESPONSE_AFTER.match(article, end)
    if hit is None or names_harm(hit["between"]):
        return None
    return hit["verb"]


def responds_only(name: str, article: str) -> str | None:
    """The first response that `name` makes, when the article names it only responding or
    as a source of the news; None when one mention is neither, or none is a response."""
    response = None
    for m in mentions(name, article):
        verb = _response_at(article, m.start(), m.end())
        if verb is None and not source_at(article, m):
            return None
        response = response or verb
    return response
