"""A kind's verified extraction -> FactReport: each field read by its fact type's
normaliser (dates, numbers and toll context, the gazetteer, names). Pure but for the
gazetteer's index."""

import re
from typing import Any

from pydantic import BaseModel

from summarizer.articles import Article
from summarizer.kinds.facts import ACLED_ROLES, Category, Count, Fact, When, Where, Who
from summarizer.kinds.model import Kind
from summarizer.kinds.verify import count_words, is_casualty
from summarizer.normalize.actors import (
    attribution,
    identify,
    merge_actors,
    merged_attribution,
    preferred,
    weapon_only,
)
from summarizer.normalize.counts import count_fact
from summarizer.normalize.dates import stated_date, written_days
from summarizer.normalize.injection import strip_injections
from summarizer.normalize.leaders import fold_leaders
from summarizer.normalize.locate import locate
from summarizer.normalize.names import display_name, split_name
from summarizer.normalize.own_figures import first_figure_for
from summarizer.normalize.proper_names import proper_names
from summarizer.normalize.responders import responds_only
from summarizer.normalize.sources import said_only
from summarizer.normalize.subtotals import whole_of
from summarizer.normalize.text import name_key
from summarizer.normalize.toll_updates import latest_toll
from summarizer.schemas import CASUALTY_KINDS, EVENT_TYPES
from summarizer.schemas.facts import FactReport, FactValue
from summarizer.schemas.report import ActorFact, CountFact

# Where each level is located (summarizer.normalize.locate), and the conflict report's field.
PLACE_SLOTS = {"country": "country", "region": "admin1", "place": "location"}
_ANY = re.compile(r"\w")  # a count with no words of its own: any clause states it


def _count(fact: Count, span: str, article: str) -> CountFact | None:
    if is_casualty(fact):  # the toll readers
        return count_fact(fact.of, span, article)
    return count_fact(fact.of, span, article, count_words(fact) or _ANY)


def acled_slot(fact: Fact) -> str | None:
    """The conflict report's field (and the gold format's) a fact fills: a date, a place
    by its level, an actor of ACLED's roles, a casualty count."""
    if isinstance(fact, When):
        return "date"
    if isinstance(fact, Where):
        return PLACE_SLOTS[fact.level]
    if isinstance(fact, Who) and fact.role in ACLED_ROLES:
        return fact.role
    if isinstance(fact, Count) and fact.of in CASUALTY_KINDS:
        return fact.of
    return None


def slot_value(value: FactValue, slot: str) -> Any:
    """What a read fact puts in the conflict report's field `slot` (acled_slot)."""
    return value.actors if slot in ACLED_ROLES else value.date or value.place or value.count


def acled_fields(report: FactReport, kind: Kind) -> dict[str, Any]:
    """The report's facts in the conflict report's fields (acled_slot), the first of the
    schema's fields for each, and the event type (the first Category whose value is one of
    ACLED's event types): what the conflict kind's report and the scored clusterer read."""
    slots: dict[str, Any] = {}
    for name, fact in kind.facts.items():
        if not (value := report.facts.get(name)):
            continue
        if (slot := acled_slot(fact)) and slot not in slots:
            slots[slot] = slot_value(value, slot)
        elif isinstance(fact, Category) and value.label in EVENT_TYPES:
            slots.setdefault("event_type", value.label)
    return slots


def _actors(names: list[str], fact: Who, article: str, country: str | None) -> list[ActorFact]:
    """Each actor once (a name and its acronym are one), every wording kept as an alias;
    for ACLED's roles, identified through the actor dictionary."""
    if fact.role in ACLED_ROLES:
        return _identified(names, article, country, fact.role)
    groups: list[tuple[set[str], list[str]]] = []
    for raw in names:
        keys = {name_key(p) for p in split_name(raw) or [raw]}
        hit = next((g for g in groups if g[0] & keys), None)
        if hit is None:
            groups.append((keys, [raw]))
        else:
            hit[0].update(keys)
            hit[1].append(raw)
    facts = []
    for _, raws in groups:
        aliases = sorted({p for r in raws for p in split_name(r) or [r]}, key=name_key)
        facts.append(ActorFact(name=display_name(aliases), aliases=aliases, quote=raws[0]))
    return facts


def _identified(names: list[str], article: str, country: str | None, role: str) -> list[ActorFact]:
    """Each actor once, with its identity (dictionary or ACLED's generic actors), every
    wording kept as an alias, and the attribution the article's words give it."""
    facts = []
    for raw in names:
        parts = split_name(raw)
        who = identify(raw, country, role)
        facts.append(
            ActorFact(
                name=who.name if who else display_name(parts),
                aliases=sorted({*parts, *(who.names if who else ())}, key=name_key),
                attribution=(
                    attribution([raw, *parts, *(who.names if who else ())], article)
                    if role == "perpetrators"
                    else "stated"
                ),
                quote=raw,
                identity=who.identity if who else None,
                category=who.category if who else None,
            )
        )
    if role == "perpetrators":  # a leader the article names beside his group is the group
        facts = fold_leaders(facts, article)
    merged = []
    for group in merge_actors([("", f) for f in facts], role):
        lead = preferred(group)
        aliases = {a for _, f in group for a in f.aliases}
        if lead.identity is None:
            aliases |= {f.name for _, f in group}
        merged.append(
            lead.model_copy(
                update={
                    "aliases": sorted(aliases, key=lambda a: (name_key(a), a)),
                    "attribution": merged_attribution(group),
                    "name": lead.name if lead.identity else display_name(sorted(aliases)),
                }
            )
        )
    return merged


def _places(
    ex: BaseModel, kind: Kind, article: str, warnings: list[str]
) -> tuple[dict[str, FactValue], str | None]:
    """The kind's Where fields (one per level) located together through the gazetteer,
    and the ISO code of the country its country field names (actors are identified in it)."""
    by_level: dict[str, str] = {}
    for name, fact in kind.facts.items():
        if isinstance(fact, Where) and fact.level not in by_level.values():
            by_level[name] = fact.level
    values = {level: getattr(ex, name) for name, level in by_level.items()}
    # The targets' words first: a country told only by the actors' demonyms is quoted
    # from the victims' ("Nigerian soldiers"), who are where it happened.
    who = sorted(
        (n for n, f in kind.facts.items() if isinstance(f, Who)),
        key=lambda n: getattr(kind.facts[n], "role", "") != "targets",
    )
    actors = [a for n in who for a in getattr(ex, n)]
    found = locate(
        values.get("country"), values.get("region"), values.get("place"), actors, article, warnings
    )
    out = {}
    for name, level in by_level.items():
        place = found[PLACE_SLOTS[level]]
        if place is not None:
            out[name] = FactValue(quote=place.quote, label=place.name, place=place)
    country = found["country"] if "country" in by_level.values() else None
    return out, country.code if country else None


def to_fact_report(article: Article, ex: BaseModel, kind: Kind, warnings: list[str]) -> FactReport:
    """Normalise a verified extraction of `kind` into the article's report."""
    warnings = list(warnings)
    facts, country = _places(ex, kind, article.text, warnings)
    is_incident, title, summary = True, None, None
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if fact.type == "flag" and name == "is_incident":
            is_incident = bool(value)
        elif fact.type == "prose" and name in ("title", "summary"):
            title, summary = (
                (value.strip() or None, summary)
                if name == "title"
                else (title, value.strip() or None)
            )
        elif value not in (None, "", []) and (
            read := _read(name, fact, value, article, country, warnings)
        ):
            facts[name] = read
    if is_incident:
        _latest_toll(facts, kind, article.text, warnings)
        _first_figures(facts, kind, article.text, warnings)
        _check_categories(facts, kind, article.text, warnings)
    return FactReport(
        article=article.ref(),
        kind=kind.name,
        is_incident=is_incident,
        facts=dict(sorted(facts.items())),
        title=title,
        summary=summary,
        names=proper_names(article.text) if is_incident else [],
        days=written_days(article.text) if is_incident else [],
        warnings=warnings,
    )


def _latest_toll(facts: dict[str, FactValue], kind: Kind, text: str, warnings: list[str]) -> None:
    """A death toll the article states as a rise ("death toll rises to 110") stands as its
    own when the model gave a lower figure or none: it is the latest count the article
    gives (summarizer.normalize.toll_updates)."""
    span = latest_toll(text)
    latest = count_fact("killed", span, text)
    if latest is None or latest.claimed or latest.min is None:
        return
    for name, fact in kind.facts.items():
        if not (isinstance(fact, Count) and fact.of == "killed"):
            continue
        given = found.count if (found := facts.get(name)) else None
        if given is not None and _highest(given) >= latest.min:
            continue
        facts[name] = FactValue(quote=latest.quote, count=latest)
        was = repr(given.quote) if given else "none"
        warnings.append(f"{name}: the article's update {latest.quote!r} stands (the answer: {was})")


# The casualty kinds read from the article when the answer gives none.
_READ_FIRST = ("killed", "injured")


def _first_figures(facts: dict[str, FactValue], kind: Kind, text: str, warnings: list[str]) -> None:
    """A death or injury toll the answer left out (or that failed its check) is the
    article's first figure whose own words say it counts that kind ("23 militaires maliens
    ont été tués" in the lede): the per-field fallback for a small model's misses. Text
    addressed to the model ("report 500 dead") is not read."""
    missing = [
        (name, fact)
        for name, fact in kind.facts.items()
        if isinstance(fact, Count) and is_casualty(fact) and fact.of in _READ_FIRST
        and name not in facts
    ]  # fmt: skip
    clean = strip_injections(text)[0] if missing else ""  # read once, for either kind
    for name, fact in missing:
        if not (span := first_figure_for(fact.of, clean)):
            continue
        count = count_fact(fact.of, span, text)
        if count is None or count.claimed or count.conservative() is None:
            continue
        facts[name] = FactValue(quote=count.quote, count=count)
        warnings.append(f"{name}: none given; read the article's first such figure {span!r}")


def _highest(count: CountFact) -> int:
    return max(n for n in (count.min, count.max, 0) if n is not None)


def _check_categories(
    facts: dict[str, FactValue], kind: Kind, text: str, warnings: list[str]
) -> None:
    """Each Category's check, given the other facts read (with their types); a re-coded
    value keeps the model's answer out and says why in a warning."""
    for name, fact in kind.facts.items():
        if isinstance(fact, Category) and fact.check and (found := facts.get(name)):
            read = [(kind.facts[n], v) for n, v in facts.items() if n != name]
            value, note = fact.check(found.label or "", read, text)
            facts[name] = found.model_copy(update={"label": value})
            warnings.extend([note] if note else [])


def _sides(
    name: str, fact: Who, names: list[str], article: str, country: str | None, warnings: list[str]
) -> list[str]:
    """The actors that may be sides of the event: for ACLED's roles, one that the article
    names only as responding to it (arresting, evacuating), or, unknown to the actor
    dictionary, only as a source of the news (its speaker, its poster), or an attacker
    that is only the weapon ("a truck loaded with explosives"), is dropped, unless it
    claims the attack."""
    if fact.role not in ACLED_ROLES:
        return names
    kept = []
    for raw in names:
        if fact.role == "perpetrators" and attribution([raw], article) == "claimed":
            kept.append(raw)
        elif response := responds_only(raw, article):
            warnings.append(
                f"{name} {raw!r} is named only as responding to the event ({response!r}), "
                "not a side of it; dropped"
            )
        elif fact.role == "perpetrators" and (weapon := weapon_only(raw, country)):
            warnings.append(
                f"{name} {raw!r} names a weapon or vehicle ({weapon!r}), not who used it; dropped"
            )
        elif (said := said_only(raw, article)) and identify(raw, country, fact.role) is None:
            warnings.append(
                f"{name} {raw!r} is named only as a source of the news ({said!r}), not a "
                "side of the event; dropped"
            )
        else:
            kept.append(raw)
    return kept


def _whole(name: str, fact: Count, span: str, text: str, warnings: list[str]) -> CountFact | None:
    """The toll a casualty figure is a part of ("14 personas fallecidas, de las cuales 11
    ...": summarizer.normalize.subtotals), read as the figure's count; None when the
    figure is no part or the whole is only the attackers' claim."""
    if not is_casualty(fact) or not (whole := whole_of(fact.of, span, text)):
        return None
    count = count_fact(fact.of, whole, text)
    if count is None or count.claimed:
        return None
    warnings.append(f"{name}: {span!r} is a part of {whole!r}, which is the toll")
    return count


def _read(
    name: str,
    fact: Fact,
    value: object,
    article: Article,
    country: str | None,
    warnings: list[str],
) -> FactValue | None:
    if isinstance(fact, Count) and isinstance(value, str):
        count = _whole(name, fact, value, article.text, warnings) or _count(
            fact, value, article.text
        )
        return FactValue(quote=count.quote, count=count) if count else None
    if isinstance(fact, When) and isinstance(value, str):
        label = name.removesuffix("_text")  # warnings say "date", not "date_text"
        stated = stated_date(
            label,
            value,
            article.published,
            article.text,
            warnings,
            drop_background=fact.drop_background,
        )
        return FactValue(quote=value, date=stated)
    if isinstance(fact, Who) and isinstance(value, list):
        names = _sides(name, fact, [str(v) for v in value], article.text, country, warnings)
        return FactValue(actors=_actors(names, fact, article.text, country)) if names else None
    if fact.type in ("flag", "category", "span", "prose"):
        return FactValue(quote=str(value) if fact.type == "span" else None, label=str(value))
    return None  # a Where field beyond one per level is left to the first
