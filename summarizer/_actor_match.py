"""How two reports' perpetrators relate, for the clusterer. Pure.

Through the actor identities first: a named group has a dictionary id, anyone else a
'<category>:<ISO2>' key. A generic descriptor ("gunmen", "separatist fighters") is
compatible with any group; two different named groups are not, unless some report of the
day names both as perpetrators of one incident (an affiliate and its parent, allies).
Names are compared only when the identities are unknown.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer._place_match import Relation
from summarizer.normalize.names import same_actor
from summarizer.normalize.text import name_key
from summarizer.schemas import ActorFact, ArticleReport

_STATE = ("military", "police")
_PARTICLES = {"al", "el", "ul", "wal", "wa", "du", "de", "des", "la", "le", "of", "the", "and"}


def _core(name: str) -> str:
    """The name without particles: 'Katiba du Macina' = 'Katiba Macina'."""
    return " ".join(w for w in name_key(name.replace("-", " ")).split() if w not in _PARTICLES)


@lru_cache(maxsize=1 << 16)
def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool({_core(x) for x in a} & {_core(y) for y in b}) or same_actor(list(a), list(b))


def _named(actor: ActorFact) -> str | None:
    """The identity of a named group, else None (the category decides when known)."""
    if actor.category is not None:
        return (actor.identity or name_key(actor.name)) if actor.category == "group" else None
    if actor.identity and ":" not in actor.identity:
        return actor.identity
    return None


@dataclass(frozen=True, slots=True)
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


def _key(actor: ActorFact) -> str:
    return _named(actor) or _core(actor.name)


def allies(reports: Iterable[ArticleReport]) -> frozenset[frozenset[str]]:
    """Pairs of groups that one report gives as perpetrators of one incident, and not as
    each other's target there (by identity, or by name when the identity is unknown)."""
    pairs: set[frozenset[str]] = set()
    for r in reports:
        named = sorted({_key(a) for a in r.perpetrators})
        targets = {_key(a) for a in r.targets}
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
        names = f"{_first(a.unknown)} / {_first(b.unknown)}"
        if _same_names(a.unknown, b.unknown):
            return Relation(1, f"same perpetrator named: {names}")
        if _allied_names(a, b, allied):
            return Relation(1, f"groups named together by another report: {names}")
        return Relation(-1, f"perpetrators named differently: {names}")
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


def _allied_names(a: Who, b: Who, allied: frozenset[frozenset[str]]) -> bool:
    return any(frozenset((_core(x), _core(y))) in allied for x in a.unknown for y in b.unknown)


def _first(names: Sequence[str]) -> str:
    return names[0] if names else ""
