"""How two reports' perpetrators relate, for the clusterer. Pure.

Through the actor identities first: a named group has a dictionary id, anyone else a
'<category>:<ISO2>' key. A generic descriptor ("gunmen", "separatist fighters") is
compatible with any group; two different named groups are not, unless some report of the
day names both as perpetrators of one incident (an affiliate and its parent, allies).
Names are compared only when the identities are unknown.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer._place_match import Relation
from summarizer.normalize.names import same_actor
from summarizer.normalize.text import name_key
from summarizer.schemas import ActorFact, ArticleReport

_STATE = ("military", "police")


def _named(actor: ActorFact) -> str | None:
    """The identity of a named group, else None."""
    if actor.category == "group" or (actor.identity and ":" not in actor.identity):
        return actor.identity or name_key(actor.name)
    return None


@dataclass(frozen=True)
class Who:
    groups: frozenset[str]  # identities of named groups
    states: frozenset[str]  # 'military:NG', 'police:KE': a state force is one actor
    generic: bool  # some perpetrator is a descriptor without a name
    unknown: tuple[str, ...]  # names (and aliases) whose identity is unknown

    @property
    def empty(self) -> bool:
        return not (self.groups or self.states or self.generic or self.unknown)


def who(r: ArticleReport) -> Who:
    groups, states, unknown, generic = set(), set(), [], False
    for actor in r.perpetrators:
        if (named := _named(actor)) is not None:
            groups.add(named)
        elif actor.category in _STATE and actor.identity:
            states.add(actor.identity)
        elif actor.category is not None or actor.identity:
            generic = True
        else:
            unknown += [actor.name, *actor.aliases]
    return Who(frozenset(groups), frozenset(states), generic, tuple(sorted(set(unknown))))


def allies(reports: Iterable[ArticleReport]) -> frozenset[frozenset[str]]:
    """Pairs of named groups that one report gives as perpetrators of one incident, and
    never as each other's target there."""
    pairs: set[frozenset[str]] = set()
    for r in reports:
        named = sorted({n for a in r.perpetrators if (n := _named(a))})
        targets = {n for a in r.targets if (n := _named(a))}
        pairs.update(
            frozenset((x, y))
            for i, x in enumerate(named)
            for y in named[i + 1 :]
            if x not in targets and y not in targets
        )
    return frozenset(pairs)


def relate(a: Who, b: Who, allied: frozenset[frozenset[str]]) -> Relation:
    """The perpetrator fact of a pair, with its weight (see cluster.py's scoring table)."""
    if a.groups and b.groups:
        return _groups(sorted(a.groups), sorted(b.groups), allied)
    if a.states & b.states:
        return Relation(1, f"same state force: {sorted(a.states & b.states)[0]}")
    if a.unknown and b.unknown:
        if same_actor(list(a.unknown), list(b.unknown)):
            return Relation(1, f"same perpetrator named: {_first(a.unknown)} / {_first(b.unknown)}")
        return Relation(
            -1, f"perpetrators named differently: {_first(a.unknown)} / {_first(b.unknown)}"
        )
    if (a.groups and b.generic) or (b.groups and a.generic):
        return Relation(0, "a generic attacker, compatible with the named group")
    return Relation(0, "perpetrators: nothing to compare")


def _groups(a: Sequence[str], b: Sequence[str], allied: frozenset[frozenset[str]]) -> Relation:
    shared = sorted(set(a) & set(b))
    if shared:
        return Relation(2, f"same named group: {shared[0]}")
    linked = sorted(f"{x} / {y}" for x in a for y in b if frozenset((x, y)) in allied)
    if linked:
        return Relation(1, f"groups named together by another report: {linked[0]}")
    return Relation(0, f"different named groups: {', '.join(a)} / {', '.join(b)}", veto=True)


def _first(names: Sequence[str]) -> str:
    return names[0] if names else ""
