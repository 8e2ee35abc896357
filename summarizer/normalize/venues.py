"""A venue's name is not a town: "the Los Cantaritos bar in Querétaro".

A small model copies the name of the bar, church or market that was attacked as the town;
ACLED codes the town the venue stands in. A name written in the article only beside a
venue word ("Los Cantaritos bar", "el bar “Los Cantaritos”") is the venue's. Pure.
"""

import re

from summarizer.normalize.text import beside_every_mention

_VENUES = (
    r"bars?|pubs?|restaurants?|nightclubs?|clubs?|hotels?|church(?:es)?|cathedrals?|mosques?|"
    r"temples?|synagogues?|markets?|malls?|schools?|universit(?:y|ies)|hospitals?|stadiums?|"
    r"cinemas?|theat(?:re|er)s?|cantinas?|discotecas?|iglesias?|mezquitas?|mercados?|"
    r"escuelas?|universidad|estadio|restaurantes?|églises?|mosquées?|marchés?|écoles?|"
    r"hôpital|discothèques?"
)
# The venue word right after the name, maybe past a closing quote ("“Los Cantaritos” bar"),
# or right before it, maybe past "of", "de" or an article and an opening quote.
_AFTER = re.compile(rf"[”\"'»’]?\s+(?P<words>{_VENUES})\b", re.IGNORECASE)
_BEFORE = re.compile(
    rf"\b(?P<words>{_VENUES})\s+(?:(?:of|the|de|del|du|des|la|le|el)\s+)*[“\"'«‘]?\s*$",
    re.IGNORECASE,
)


def venue_of(name: str, article: str) -> str | None:
    """The venue word beside every mention of `name` (the first one's), or None when one
    mention stands alone or the article never writes the name."""
    return beside_every_mention(name, article, _AFTER, _BEFORE)
