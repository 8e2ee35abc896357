"""Whether an article can report an incident at all, before any model call.

A report of violence or protest names what happened to someone: killed, attacked, shot,
bombed, kidnapped, clashed, protested... An article with none of these words in English,
French or Spanish (a budget, a harvest, river talks) cannot be coded as an event, and the
embedded model, asked anyway, answers `is_incident: true` for such texts about as often
as not. So those articles skip the model: they cost a scan of their text instead of a
full extraction. The list is broad on purpose; a word it lacks would lose a real incident,
a word too many only costs one ordinary extraction. Pure.
"""

import re

_HARM = (
    # What was done: attacks, weapons, fighting (EN).
    r"attack|assault|raid|ambush|stormed|overr[au]n|shot|shoot|gun|fire[ds]?\b|opened fire|"
    r"bomb|blast|explo|detonat|grenade|mine\b|landmine|ied\b|shell|mortar|rocket|missile|"
    r"drone|air ?strike|strike|clash|fight|battle|combat|offensive|insurg|militant|jihad|"
    r"terror|rebel|gunm[ae]n|bandit|armed|soldier|troop|army|militia|massacre|violen|"
    r"stab|machete|beh?ead|torch|burn|arson|loot|hijack|rape|lynch|"
    # Protest and unrest (EN).
    r"protest|demonstrat|riot|unrest|rall(?:y|ied)|march(?:ed|ers)|strike|tear ?gas|"
    r"curfew|crackdown|arrest|detain|"
    # French.
    r"attaqu|assaut|embuscade|tir[ée]?s?\b|fusillade|arme|bombard|frappe|obus|"
    r"affrontement|combat|djihad|jihadist|terroris|rebelle|soldat|militaire|milice|"
    r"manifest|émeute|emeute|grève|greve|incendi|pillage|violenc|"
    # Spanish.
    r"ataque|atac|asalt|emboscad|dispar|balacera|tiroteo|bomba|explosi|enfrentamient|"
    r"combate|guerrill|sicari|cartel|pandill|soldado|ejército|ejercito|militar|"
    r"protesta|manifesta|disturbio|saque|violencia|linchamient|"
    # Casualties. Not the toll module's wider words ("lives", "bilan", "balance"), which
    # also stand in budgets and harvests.
    r"kill|dead|death|died|slain|murder|wound|injur|kidnap|abduct|hostage|victim|"
    r"tu[ée]e?s?\b|tuant|mort|bless[ée]|enlev[ée]|otage|"
    r"muert|muri|asesin|herid|secuestr|rehén|rehen"
)
_INCIDENT = re.compile(rf"\b(?:{_HARM})", re.IGNORECASE)


def names_harm(text: str) -> bool:
    """Whether the text has a word of harm, violence or protest."""
    return _INCIDENT.search(text) is not None


def may_report_incident(text: str) -> bool:
    """False only when the text has no word of harm, violence or protest at all."""
    return names_harm(text)
