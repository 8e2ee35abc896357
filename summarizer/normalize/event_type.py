"""The model's event type held against ACLED's definitions and the article's own facts.

ACLED's three kinds of organised violence differ by who was hit and how: violence
against civilians has unarmed victims struck directly; explosions/remote violence needs
explosives or a weapon fired from afar (bomb, mine, shelling, missile, air or drone
strike), whoever it hits, civilians included (a bombed church or market); a battle is
armed actors fighting, an attack on an army post included. A small model mixes these up
(it answers "explosion" for a gun attack on a base, "violence against civilians" for an
ambush on soldiers or a suicide bombing of a post), while the normalised targets and the
article's words settle them. Demonstrators on either side make it no organised violence
at all: ACLED codes force used on demonstrators as a protest, and demonstrators' or a mob's
own violence (storming, burning, looting, stone-throwing) as a riot.
The model's answer stands unless the facts contradict it; the correction is reported. Pure.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.schemas import ActorFact

if TYPE_CHECKING:
    from summarizer.kinds.facts import Fact
    from summarizer.schemas.facts import FactValue

_REMOTE = re.compile(
    r"\b(?:bomb|blast|explo[sd]|detonat|grenade|landmines?\b|mines?\b|ieds?\b|improvised|"
    r"shell(?:s|ed|ing)\b|mortar|rocket|missile|drone|air ?strikes?|airstrike|air raid|"
    r"suicide|artillery|bombard|kamikaze|"
    r"obus|roquette|frappe|engins? explosifs?|"
    r"bomba|misil|dron|bombarde|ataque a[ée]reo|artiller[ií]a|granada)",
    re.IGNORECASE,
)
# Demonstrators' or a mob's own violence, in English, French and Spanish.
_RIOTING = re.compile(
    r"\b(?:riot\w*|mob\b|mobs\b|storm(?:ed|ing)\b|ransack\w*|loot\w*|vandal\w*|"
    r"set (?:\w+ )?(?:on )?fire|set (?:\w+ )?ablaze|torch(?:ed|ing)\b|"
    r"(?:threw|throwing|hurl\w*|pelt\w*) (?:\w+ )?(?:stones|rocks|bricks|bottles|petrol bombs|"
    r"missiles)|(?:stones|rocks|bricks|bottles|missiles) (?:\w+ ){0,3}?(?:hurled|thrown)|"
    r"molotov|clash(?:es|ed)? with (?:the )?police|"
    r"[ée]meut\w*|pill(?:ag|[ée])\w*|saccag\w*|incendi\w*|jets? de pierres|affrontements?|"
    r"disturbios|saque\w*|turba|enfrentamientos?|vandalism\w*)",
    re.IGNORECASE,
)
# Demonstrators by any name, when the answer's sides do not name them.
_DEMONSTRATORS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rioters?|crowds?|mobs?|marchers|manifest\w*|émeutiers|"
    r"foules?|protestas?|protestantes|turbas?|multitud\w*)",
    re.IGNORECASE,
)
_ARMED = {"military", "police", "group", "unidentified"}
_VIOLENT = {"battle", "explosion_remote_violence", "violence_against_civilians"}


def _demonstration(
    answer: str, sides: Sequence[ActorFact], text: str
) -> tuple[str, str | None] | None:
    """Protest or riot when demonstrators are one side of a violent event or a protest."""
    demonstrators = any((a.identity or "").split(":")[0] == "protesters" for a in sides)
    if answer == "protest" and _DEMONSTRATORS.search(text):
        demonstrators = True  # the model's "protest", and the article's demonstrators
    if answer not in {*_VIOLENT, "protest"} or not demonstrators:
        return None
    rioting = _RIOTING.search(text)
    coded = "riot" if rioting else "protest"
    if coded == answer:
        return answer, None
    why = (
        f"demonstrators are a side and the article tells of their violence ({rioting[0]!r})"
        if rioting
        else "demonstrators are a side and the article tells of no violence of theirs"
    )
    return coded, f"event type {answer} read as {coded}: {why} (event_type.acled_definition)"


def coded_event_type(
    answer: str,
    targets: Sequence[ActorFact],
    text: str,
    perpetrators: Sequence[ActorFact] = (),
) -> tuple[str, str | None]:
    """The event type to keep, and a note when the facts overrule the model's answer."""
    if demonstration := _demonstration(answer, [*perpetrators, *targets], text):
        return demonstration
    if answer not in _VIOLENT:
        return answer, None
    kinds = {t.category for t in targets if t.category}
    civilians = "civilians" in kinds
    armed = bool(kinds) and kinds <= _ARMED
    weapon = _REMOTE.search(text)
    remote = weapon is not None
    if answer == "explosion_remote_violence" and not remote and (armed or civilians):
        coded = "battle" if armed else "violence_against_civilians"
        why = "no explosive or remote weapon in the article"
    elif answer == "violence_against_civilians" and armed:  # weapons tell which armed type
        coded = "explosion_remote_violence" if remote else "battle"
        why = "the targets are armed forces, not civilians" + (
            ", and the article names an explosive or remote weapon" if remote else ""
        )
    elif answer == "violence_against_civilians" and civilians and weapon:
        coded = "explosion_remote_violence"
        why = f"the article names an explosive or remote weapon ({weapon[0]!r})"
    elif answer == "battle" and civilians and not kinds & _ARMED:
        coded, why = "violence_against_civilians", "the targets are civilians only"
    else:
        return answer, None
    return coded, f"event type {answer} read as {coded}: {why} (event_type.acled_definition)"


def acled_definition(
    answer: str, facts: Sequence[tuple["Fact", "FactValue"]], text: str
) -> tuple[str, str | None]:
    """`coded_event_type` as a Category's check: the targets and perpetrators are the
    actors of the schema's Who("targets") and Who("perpetrators") fields."""
    sides = {
        role: [
            a for fact, value in facts if getattr(fact, "role", None) == role for a in value.actors
        ]
        for role in ("perpetrators", "targets")
    }
    return coded_event_type(answer, sides["targets"], text, sides["perpetrators"])
