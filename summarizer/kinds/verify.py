"""Span checks of any kind, by fact type: the model's answer must stand in the article.

A field's fact type says what "supported" means: a verbatim span (Span, When, Count, each
part of a Where, a Who's name or a part of it), a count whose words say what it counts,
English prose without numbers the article lacks, a region or place written elsewhere
than in the story's dateline alone, a town that is not a venue's name. A problem is
re-asked once for that field alone (`kinds.reask`), then the field is dropped with a
warning."""

import re
from typing import Any

from pydantic import BaseModel

from summarizer.kinds.facts import ACLED_ROLES, Count, Fact, Prose, Where, Who
from summarizer.kinds.model import Kind
from summarizer.normalize import prose
from summarizer.normalize.actors import generic_wording
from summarizer.normalize.count_spans import count_span, readable_count
from summarizer.normalize.counted import bare_figure_counts_things, span_counts_things
from summarizer.normalize.datelines import only_in_dateline
from summarizer.normalize.dates import article_date_span
from summarizer.normalize.gazetteer import places_named
from summarizer.normalize.locate import known_region
from summarizer.normalize.names import split_name
from summarizer.normalize.numbers import guess_language, parse_count, written_numbers
from summarizer.normalize.numwords import is_placeholder
from summarizer.normalize.own_figures import figure_for, own_part
from summarizer.normalize.places import country_code, country_spelling
from summarizer.normalize.text import find_quote, find_quotes
from summarizer.normalize.tolls import (
    CATEGORY,
    named_casualty,
    occurrences,
    other_casualty,
    toll_word_only,
)
from summarizer.normalize.venues import venue_of

_VERBATIM = ("span", "date", "count")


def is_casualty(fact: Count) -> bool:
    """A casualty count (killed, injured, missing, kidnapped with no words of its own):
    read and checked by the casualty-toll readers."""
    return fact.of in CATEGORY and not fact.words


def count_words(fact: Count) -> re.Pattern[str] | None:
    """The words that say what a count counts: its own, else the casualty kind's."""
    words = fact.words or CATEGORY.get(fact.of, "")
    return re.compile(rf"\b(?:{words})", re.IGNORECASE) if words else None


# A sentence ends at its stop or a blank line; a single line break is only hard wrapping.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _count_problem(
    name: str, fact: Count, value: str, span: str, kind: Kind, article: str
) -> str | None:
    """None when the value reads as a number and its span (the article's words for it),
    the words of its sentence just before it ("the number of confirmed cases has risen to
    31") or right after it count what this field counts."""
    if parse_count(value, guess_language(article)) is None and parse_count(value) is None:
        return f"{name} {value!r} gives no number"  # read in the article's language or its own
    if is_casualty(fact) and (thing := span_counts_things(span)):
        return f"{name} {span!r} counts {thing}, not people"
    if is_casualty(fact) and (other := toll_word_only(fact.of, span)) and other != fact.of:
        return f"{name} {span!r} counts {other}, not {name}"  # "le bilan ... 47 blessés"
    own = count_words(fact)
    if own is None or own.search(span):
        return None
    patterns = {
        f: p
        for f, x in kind.facts.items()
        if f != name and isinstance(x, Count) and (p := count_words(x))
    }
    others = sorted(f for f, p in patterns.items() if p.search(span))
    if others:
        return f"{name} {span!r} counts {others[0]}, not {name}"
    # "wounded three farmers", "the death toll has risen to 36": wherever the span stands
    # ("two" of "two armed groups" and of "how the two Americans died")
    if is_casualty(fact):
        spots: list[int | None] = [*find_quotes(span, article)] or [None]
        read = [other_casualty(fact.of, span, article, at) for at in spots]
        if all(read):
            return f"{name} {span!r} counts {read[0]}, not {name}"
    # Else its own words must stand near one of its occurrences (its sentence before it, or
    # after it up to the sentence's end), not in a date ("2023-12"): "25 of them managed to
    # escape" counts no casualty.
    for start, end in occurrences(span, article):
        if is_casualty(fact) and bare_figure_counts_things(span, article, end):
            continue  # "un adolescente de 15 años" for "15"
        before = article[max(article.rfind(".", 0, start) + 1, start - 120) : start]
        last = list(own.finditer(before))
        if last and not any(p.search(before, last[-1].end()) for p in patterns.values()):
            return None
        stop = _SENTENCE_END.search(article, end, end + 120)
        if own.search(article, end, stop.start() if stop else end + 120):
            return None
    return f"{name} {span!r} does not say it counts {fact.of or name}"


def _parts(fact: Fact, value: str) -> list[str]:
    if isinstance(fact, Where):
        return [p for p in value.split(",") if p.strip()]
    if isinstance(fact, Who):
        return [value, *split_name(value)]
    return [value]


def _place_problem(
    name: str, fact: Where, value: str, article: str, country: str | None
) -> str | None:
    """A place the article names, but not as where the event happened: the story's
    dateline, or a venue's name given as the town (unless the gazetteer knows a place of
    that name in the country: "the Gao market" is Gao's)."""
    if filed := _dateline_only(fact, value, article):
        return (
            f"{name} {filed!r} is only the story's dateline (where it was filed), not where "
            "the article says it happened"
        )
    venue = venue_of(value, article) if fact.level == "place" else None
    if venue and not places_named(value, country_code(country or "")):
        return f"{name} {value!r} names a {venue.lower()}, not a town: give the town it is in"
    return None


def _dateline_only(fact: Where, value: str, article: str) -> str | None:
    """The part of a region or place the article writes only in its dateline. A country
    stands: a reporter files from the country far more often than from the town."""
    if fact.level == "country":
        return None
    return next((p for p in _parts(fact, value) if only_in_dateline(p.strip(), article)), None)


def _country(ex: BaseModel, kind: Kind) -> str | None:
    names = [f for f, x in kind.facts.items() if isinstance(x, Where) and x.level == "country"]
    value = getattr(ex, names[0]) if names else None
    return value if isinstance(value, str) else None


def _named(fact: Who, value: str, article: str) -> bool:
    """The actor's name, or one of its parts, is in the article."""
    return any(find_quote(p, article) >= 0 for p in _parts(fact, value))


def _missing(name: str, fact: Fact, value: str, ex: BaseModel, kind: Kind, article: str) -> bool:
    if isinstance(fact, Who):
        return not _named(fact, value, article)
    parts = _parts(fact, value)
    region = isinstance(fact, Where) and fact.level == "region"
    return any(
        find_quote(p, article) < 0 and not (region and known_region(p, _country(ex, kind)))
        for p in parts
    )


def supported_numbers(ex: BaseModel, kind: Kind, article: str) -> set[int]:
    """Every number the article writes (words too) and every figure read from the kind's
    count spans: the numbers prose may name."""
    lang = guess_language(article)
    found = written_numbers(article, lang) | written_numbers(article, "en")
    for name, fact in kind.facts.items():
        span = getattr(ex, name)
        if isinstance(fact, Count) and isinstance(span, str) and (b := parse_count(span, lang)):
            found |= {n for n in (b.min, b.max, b.figure) if n is not None}
    return found


def prose_problems(ex: BaseModel, kind: Kind, article: str) -> dict[str, str]:
    """Prose in a script the article does not use, cut off, or with unsupported numbers."""
    scripts = prose.scripts(article) | {"LATIN"}  # prose is asked for in English
    supported = supported_numbers(ex, kind, article)
    problems = {}
    for name, fact in kind.facts.items():
        text = getattr(ex, name)
        if not isinstance(fact, Prose) or not isinstance(text, str) or not text.strip():
            continue
        if problem := prose.problem(_cap(name), text, scripts, supported):
            problems[name] = (
                f"{name} {text.strip()[:80]!r} {problem}; write it in complete English "
                "sentences with only the article's facts"
            )
    return problems


def _cap(name: str) -> str:
    """Which length cap a prose field has: a title's, or a summary's for any other."""
    return "title" if name == "title" else "summary"


def span_problems(ex: BaseModel, kind: Kind, article: str) -> dict[str, str]:
    """field (or field[i]) -> why that value is not acceptable."""
    problems: dict[str, str] = {}
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if fact.type not in (*_VERBATIM, "place", "actor") or not value:
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            key = f"{name}[{i}]" if isinstance(value, list) else name
            if isinstance(fact, Count):  # "2 soldiers" stands for "two soldiers"
                quote = count_span(item, article)
                problem = quote and _count_problem(name, fact, item, quote, kind, article)
                if quote is None or problem:
                    problems[key] = problem or f"{name} {item!r} is not in the article"
            elif _missing(name, fact, item, ex, kind, article):
                problems[key] = f"{name} {item!r} is not in the article"
            elif isinstance(fact, Where) and (
                problem := _place_problem(name, fact, item, article, _country(ex, kind))
            ):
                problems[key] = problem
    problems.update(prose_problems(ex, kind, article))
    return problems


def settle(ex: BaseModel, kind: Kind, article: str) -> BaseModel:
    """Placeholders ("unknown", "N/A", a bare "0") read as null: the model saying nothing;
    values the model wrote another way put back in the article's words: a count's figure
    ("3" for "Three people have died"), a date ("7 November 2025" for "7 novembre 2025"),
    a country ("Ukraine" for "Ucrania"), a generic actor ("civilians" for "Ukrainian
    citizens"); prose cut off at its cap keeps its complete sentences."""
    update: dict[str, Any] = {}
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if isinstance(fact, Prose) and isinstance(value, str):
            update[name] = prose.complete_part(_cap(name), value)
        if fact.type in ("flag", "category", "prose") or not value:
            continue
        if fact.type == "date" and isinstance(value, str):
            value = article_date_span(value, article)
        if isinstance(value, list):
            update[name] = [v for v in value if not is_placeholder(v)]
            if isinstance(fact, Who) and fact.role in ACLED_ROLES:
                code = country_code(_country(ex, kind) or "")
                update[name] = [_actor_wording(fact, v, article, code) for v in update[name]]
        elif isinstance(value, str) and is_placeholder(value):
            update[name] = None
        elif isinstance(fact, Count) and isinstance(value, str):
            update[name] = readable_count(value, article)
        elif isinstance(fact, Where) and fact.level == "country" and isinstance(value, str):
            update[name] = _country_spelling(value, article)
        else:
            update[name] = value
    return ex.model_copy(update=update)


def _actor_wording(fact: Who, actor: object, article: str, country: str | None) -> object:
    """A generic actor the model wrote in its own words, put back in the article's."""
    if not isinstance(actor, str) or _named(fact, actor, article):
        return actor
    return generic_wording(actor, article, country, fact.role) or actor


def _country_spelling(country: str, article: str) -> str:
    if find_quote(country, article) >= 0:
        return country
    code = country_code(country)
    return (code and country_spelling(code, article)) or country


def drop_unsupported(ex: BaseModel, kind: Kind, article: str) -> tuple[BaseModel, list[str]]:
    """The lenient pass: null (or blank, or leave out) every unsupported value, with a
    warning for each. A casualty figure of another kind moves to that kind's field when the
    answer left it empty or wrong, and the sentence's own figure of its kind replaces it."""
    ex = settle(ex, kind, article)
    problems = span_problems(ex, kind, article)
    update: dict[str, Any] = {}
    outcome: dict[str, str] = {}
    rejected = {n: f for n, f in kind.facts.items() if n in problems and isinstance(f, Count)}
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if isinstance(value, list):
            update[name] = [v for i, v in enumerate(value) if f"{name}[{i}]" not in problems]
        elif name in rejected:
            outcome[name] = _read_again(
                name, rejected[name], value, ex, kind, article, problems, update
            )
        elif name in problems:
            update[name] = "" if isinstance(fact, Prose) else None
    update |= {n: None for n in rejected if n not in update}  # neither moved in nor read again
    cleaned = kind.schema.model_validate(ex.model_dump() | update)
    return cleaned, [f"{p}; {outcome.get(k, 'dropped')}" for k, p in problems.items()]


def _read_again(
    name: str,
    fact: Count,
    value: object,
    ex: BaseModel,
    kind: Kind,
    article: str,
    problems: dict[str, str],
    update: dict[str, Any],
) -> str:
    """What becomes of a rejected count, set in `update`: a casualty figure moves to the
    field of the kind its own words name, and its field takes the one figure its sentence's
    words give the field's kind ("from 12 to 11, and ... 14 people wounded"); else it is
    dropped."""
    quote = count_span(value, article) if isinstance(value, str) and is_casualty(fact) else None
    if quote is None:
        return "dropped"
    done = []
    if moved := _move_to(quote, ex, kind, article, problems, update):
        done.append(f"moved to {moved}")
    if name not in update and (instead := figure_for(fact.of, quote, article)):
        update[name] = instead
        done.append(f"read {instead!r} from its sentence instead")
    part = own_part(fact.of, quote) if name not in update else None
    if part and not _count_problem(name, fact, part, part, kind, article):
        update[name] = part  # "8 véhicules incendiés, une dizaine de blessés"
        done.append(f"read {part!r}, its part that names {fact.of}")
    return ", and ".join(done) or "dropped"


def _move_to(
    quote: str,
    ex: BaseModel,
    kind: Kind,
    article: str,
    problems: dict[str, str],
    update: dict[str, Any],
) -> str | None:
    """The casualty field a rejected casualty figure moves to, set in `update`: the one whose
    kind the figure's own words name ("took away 312 students" given as killed is the
    kidnapped), when the answer left that field empty or wrong and the figure passes that
    field's check. (The sentence's own figure needs none: its words say what it counts.)"""
    other = named_casualty(quote, article)
    found = next(
        (
            (f, x)
            for f, x in kind.facts.items()
            if isinstance(x, Count) and is_casualty(x) and x.of == other
        ),
        None,
    )
    if found is None or found[0] in update:
        return None  # (its own kind's field is in `problems`, and its check fails again)
    target, fact = found
    if getattr(ex, target) and target not in problems:
        return None
    if _count_problem(target, fact, quote, quote, kind, article):
        return None
    update[target] = quote
    return target
