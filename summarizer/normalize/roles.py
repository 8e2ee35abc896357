"""One side of an incident is not also the other (actors.role_majority). Pure.

A small model often lists the victims among the attackers ("soldiers" as the perpetrator
of an ambush on soldiers) or swaps the two sides of a clash in one report. An actor that
the reconciled brief names both as a perpetrator and as a target keeps the role more
sources give it. On a tie it stays a target when the sources blame someone else, and
keeps both roles when they blame no one else (nothing tells which is wrong).
"""

from summarizer.normalize.text import name_key
from summarizer.schemas import Actor, Conflict, SourceValue

RULE = "actors.role_majority"


def _who(actor: Actor) -> str:
    return actor.identity or name_key(actor.name)


def _sources(actor: Actor) -> list[str]:
    return sorted({e.article_id for e in actor.evidence})


def separate_roles(
    perpetrators: list[Actor], targets: list[Actor]
) -> tuple[list[Actor], list[Actor], list[Conflict]]:
    """The perpetrators and targets with each actor in one role, and a conflict for each
    role an actor was taken out of, listing the sources of both."""
    victims = {_who(t): t for t in targets}
    blamed = {_who(p): p for p in perpetrators}
    elsewhere = any(who not in victims for who in blamed)
    not_attackers, not_victims = set(), set()
    for who in blamed.keys() & victims.keys():
        attacker, victim = len(_sources(blamed[who])), len(_sources(victims[who]))
        if victim > attacker or (victim == attacker and elsewhere):
            not_attackers.add(who)
        elif attacker > victim:
            not_victims.add(who)
    kept = [p for p in perpetrators if _who(p) not in not_attackers]
    kept_targets = [t for t in targets if _who(t) not in not_victims]
    conflicts = [
        _conflict("perpetrators", kept, not_attackers, blamed, victims),
        _conflict("targets", kept_targets, not_victims, blamed, victims),
    ]
    return kept, kept_targets, [c for c in conflicts if c]


def _conflict(
    field: str,
    kept: list[Actor],
    moved: set[str],
    blamed: dict[str, Actor],
    victims: dict[str, Actor],
) -> Conflict | None:
    if not moved:
        return None
    values = []
    for who in sorted(moved):
        name = victims[who].name
        values.append(SourceValue(value=f"{name} (as perpetrator)", articles=_sources(blamed[who])))
        values.append(SourceValue(value=f"{name} (as target)", articles=_sources(victims[who])))
    chosen = "; ".join(a.name for a in kept) or None
    return Conflict(field=field, rule=RULE, chosen=chosen, values=values)
