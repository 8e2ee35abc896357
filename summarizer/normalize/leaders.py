"""A person the article calls the leader of a group is that group, not another actor. Pure.

News names a group's leader beside the group ("Luckson Elan, leader of the Gran Grif gang,
took responsibility"; "the gang, which is led by Luckson Elan"; "Boko Haram leader
Abubakar Shekau"; "Amadou Koufa's Katiba Macina"), and a small model then lists both as
perpetrators. ACLED's actors are organisations: the leader is one of the group's names.
Only the article's own words make the link, never the model's.
"""

import re

from summarizer.normalize.actors import merged_attribution
from summarizer.normalize.text import name_key
from summarizer.schemas import ActorFact

# Accent-folded as name_key folds them (English, French, Spanish).
_LEADER = (
    r"leader|head|chief|commander|boss|founder|chieftain|kingpin|ringleader|emir|"
    r"chef|dirigeant|commandant|fondateur|lider|jefe|cabecilla|comandante|fundador"
)
_OF = r"of|du|de|des|del|d|de la|de los|de las"
_LED = (
    r"led|headed|commanded|founded|run|dirige|dirigee|commande|commandee|fonde|fondee|"
    r"liderad[oa]|encabezad[oa]|dirigid[oa]|comandad[oa]|fundad[oa]"
)
_BY = r"by|par|por"
_COMMAND = (
    r"under the (?:command|orders|leadership)|sous (?:le commandement|les ordres|la direction)|"
    r"aux ordres|bajo (?:el mando|las ordenes|la direccion)|a las ordenes"
)


def _patterns(person: str, group: str) -> list[str]:
    p, g = re.escape(person), re.escape(group)
    return [
        # "Y, the self-styled leader of the X gang", "Y, chef du gang X"
        rf"\b{p}(?: \w+){{0,3}} (?:{_LEADER})(?: \w+)? (?:{_OF})(?: \w+){{0,3}} {g}\b",
        # "X, which was behind the attack and is led by Y"
        rf"\b{g}(?: \w+){{0,12}} (?:{_LED}) (?:{_BY}) {p}\b",
        # "des groupes terroristes sous le commandement de Y", "X under the command of Y"
        rf"\b{g}(?: \w+){{0,3}} (?:{_COMMAND}) (?:{_OF}) {p}\b",
        # "X leader Y", "Y's X" (name_key drops the apostrophe: "ys x")
        rf"\b{g} (?:{_LEADER}) {p}\b",
        rf"\b{p}s(?: \w+)? {g}\b",
    ]


def leads(person: list[str], group: list[str], article: str) -> bool:
    """Whether the article calls the actor written `person` (its wordings) the leader of
    the one written `group`, in one sentence."""
    people = sorted({k for n in person if (k := name_key(n))})
    groups = sorted({k for n in group if (k := name_key(n))} - set(people))
    for sentence in map(name_key, re.split(r"(?<=[.!?])\s+|\n+", article)):
        for p in people:
            if not re.search(rf"\b{re.escape(p)}s?\b", sentence):  # "ys" for "Y's"
                continue
            for g in groups:
                if any(re.search(rx, sentence) for rx in _patterns(p, g)):
                    return True
    return False


def _wordings(fact: ActorFact) -> list[str]:
    return [fact.quote, fact.name, *fact.aliases]


def fold_leaders(facts: list[ActorFact], article: str) -> list[ActorFact]:
    """The actors with each one the dictionary does not know, and that the article calls
    another's leader, kept as one of that actor's names, its firmest attribution kept."""
    out: list[ActorFact | None] = list(facts)
    for n, person in enumerate(out):
        if person is None or person.identity is not None:
            continue
        at = next(
            (
                i
                for i, group in enumerate(out)
                if i != n
                and group is not None
                and leads(_wordings(person), _wordings(group), article)
            ),
            None,
        )
        if at is None:
            continue
        group = out[at]
        assert group is not None
        names = {*group.aliases, *person.aliases, person.name}
        out[at] = group.model_copy(
            update={
                "aliases": sorted(names, key=lambda a: (name_key(a), a)),
                "attribution": merged_attribution([("", group), ("", person)]),
            }
        )
        out[n] = None
    return [f for f in out if f is not None]
