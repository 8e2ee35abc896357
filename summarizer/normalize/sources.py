"""An actor the article names only as a source of the news is no side of the event.

A small model lists who spoke as who acted: "Le gouverneur du Darfour a publié sur X que des
femmes ... figuraient parmi les victimes" made the governor a perpetrator, "Sumy City
Council said this in a post" made the council a target. An actor is only a source when
every mention of it is the subject of a verb of saying right after its name ("X said",
"X a publié", "X dijo") or follows "according to", "selon", "shared by" and the like.
Pure.
"""

import re

from summarizer.normalize.text import beside_every_mention

_SAID = (
    r"said|says|say|told|posted|wrote|tweeted|announced|reported|stated|noted|added|shared|"
    r"published|confirmed|declared|"
    r"(?:a|ont)\s+(?:publié|déclaré|annoncé|indiqué|affirmé|écrit|rapporté|confirmé|précisé|"
    r"partagé|dit)|"
    r"dijo|dijeron|informó|informaron|anunció|declaró|publicó|señaló|indicó|afirmó|escribió|"
    r"confirmó|compartió"
)
# Right after the name: its verb of saying, maybe after "has", a comma or the bracket of an
# acronym ("the Front (TPLF) said"); "X, which ..., said" is not caught: the name there may
# well act in the clause between.
_SAID_AFTER = re.compile(rf"[\s,)]*(?P<words>(?:(?:has|had|have)\s+)?(?:{_SAID}))\b", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(
    r"\b(?P<words>according to|quoted by|shared by|posted by|published by|selon|d['’]après|"
    r"partagée?s? par|publiée?s? par|citée?s? par|según|compartido por|publicado por|"
    r"citado por)\s+(?:(?:the|le|la|les|el|los|las)\s+|l['’])?$",
    re.IGNORECASE,
)


def source_at(article: str, mention: re.Match[str]) -> bool:
    """Whether this mention of a name is a source of the news ("X said", "according to X")."""
    return bool(
        _SAID_AFTER.match(article, mention.end())
        or _SOURCE_BEFORE.search(article, 0, mention.start())
    )


def said_only(name: str, article: str) -> str | None:
    """The words that make `name` a source of the news at each of its mentions, or None
    when one mention is not (or the article never writes the name)."""
    return beside_every_mention(name, article, _SAID_AFTER, _SOURCE_BEFORE)
