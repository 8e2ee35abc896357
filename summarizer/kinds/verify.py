"""Span checks of any kind, by fact type: the model's answer must stand in the article.

A field's fact type says what "supported" means: a verbatim span (Span, When, Count, each
part of a Where, a Who's name or a part of it), a count whose words say what it counts,
English prose without numbers the article lacks. A problem is re-asked once for that
field alone (`kinds.reask`), then the field is dropped with a warning.
"""

import re
from typing import Any

from pydantic import BaseModel

from summarizer.kinds.facts import Count, Fact, Prose, Where, Who
from summarizer.kinds.model import Kind
from summarizer.normalize import prose
from summarizer.normalize.count_spans import readable_count
from summarizer.normalize.locate import known_region
from summarizer.normalize.names import split_name
from summarizer.normalize.numbers import guess_language, parse_count, written_numbers
from summarizer.normalize.numwords import is_placeholder
from summarizer.normalize.text import find_quote, loose
from summarizer.normalize.tolls import CATEGORY

_VERBATIM = ("span", "date", "count")


def count_words(fact: Count) -> re.Pattern[str] | None:
    """The words that say what a count counts: its own, else the casualty kind's."""
    words = fact.words or CATEGORY.get(fact.of, "")
    return re.compile(rf"\b(?:{words})", re.IGNORECASE) if words else None


def _count_problem(name: str, fact: Count, span: str, kind: Kind, article: str) -> str | None:
    """None when the span, the words of its sentence just before it ("the number of
    confirmed cases has risen to 31") or right after it count what this field counts."""
    if parse_count(span, guess_language(article)) is None:
        return f"{name} {span!r} gives no number"
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
    text = loose(article)
    pos = find_quote(span, article)
    start = max(text.rfind(".", 0, pos) + 1, pos - 120)
    before = text[start:pos]
    last = list(own.finditer(before))
    if last and not any(p.search(before, last[-1].end()) for p in patterns.values()):
        return None
    after = text[pos + len(loose(span)) : pos + len(loose(span)) + 120]
    if own.search(after):
        return None
    return f"{name} {span!r} does not say it counts {fact.of or name}"


def _parts(fact: Fact, value: str) -> list[str]:
    if isinstance(fact, Where):
        return [p for p in value.split(",") if p.strip()]
    if isinstance(fact, Who):
        return [value, *split_name(value)]
    return [value]


def _country(ex: BaseModel, kind: Kind) -> str | None:
    names = [f for f, x in kind.facts.items() if isinstance(x, Where) and x.level == "country"]
    value = getattr(ex, names[0]) if names else None
    return value if isinstance(value, str) else None


def _missing(name: str, fact: Fact, value: str, ex: BaseModel, kind: Kind, article: str) -> bool:
    parts = _parts(fact, value)
    if isinstance(fact, Who):  # the name, or one of its parts, is in the article
        return not any(find_quote(p, article) >= 0 for p in parts)
    region = isinstance(fact, Where) and fact.level == "region"
    return any(
        find_quote(p, article) < 0 and not (region and known_region(p, _country(ex, kind)))
        for p in parts
    )


def _prose_problems(ex: BaseModel, kind: Kind, article: str) -> dict[str, str]:
    """Prose in a script the article does not use, cut off, or with unsupported numbers."""
    scripts = prose._scripts(article) | {"LATIN"}
    lang = guess_language(article)
    supported = written_numbers(article, lang) | written_numbers(article, "en")
    for name, fact in kind.facts.items():
        span = getattr(ex, name)
        if isinstance(fact, Count) and isinstance(span, str):
            bounds = parse_count(span, lang)
            supported |= (
                {n for n in (bounds.min, bounds.max, bounds.figure) if n is not None}
                if bounds
                else set()
            )
    problems = {}
    for name, fact in kind.facts.items():
        text = getattr(ex, name)
        if not isinstance(fact, Prose) or not isinstance(text, str) or not text.strip():
            continue
        cap = "title" if name == "title" else "summary"
        if problem := prose._problem(cap, text.strip(), scripts, supported):
            problems[name] = f"{name} {text.strip()[:80]!r} {problem}; write it in English"
    return problems


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
            if _missing(name, fact, item, ex, kind, article):
                problems[key] = f"{name} {item!r} is not in the article"
            elif isinstance(fact, Count) and (
                problem := _count_problem(name, fact, item, kind, article)
            ):
                problems[key] = problem
    problems.update(_prose_problems(ex, kind, article))
    return problems


def settle(ex: BaseModel, kind: Kind, article: str) -> BaseModel:
    """Placeholders ("unknown", "N/A", a bare "0") read as null: the model saying nothing;
    a count whose figure the model wrote the other way ("3" for "Three people have died")
    put back in the article's words."""
    update: dict[str, Any] = {}
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if fact.type in ("flag", "category", "prose") or not value:
            continue
        if isinstance(value, list):
            update[name] = [v for v in value if not is_placeholder(v)]
        elif isinstance(value, str) and is_placeholder(value):
            update[name] = None
        elif isinstance(fact, Count) and isinstance(value, str):
            update[name] = readable_count(value, article)
    return ex.model_copy(update=update)


def drop_unsupported(ex: BaseModel, kind: Kind, article: str) -> tuple[BaseModel, list[str]]:
    """The lenient pass: null (or blank, or leave out) every unsupported value, with a
    warning for each."""
    ex = settle(ex, kind, article)
    problems = span_problems(ex, kind, article)
    update: dict[str, Any] = {}
    for name, fact in kind.facts.items():
        value = getattr(ex, name)
        if isinstance(value, list):
            update[name] = [v for i, v in enumerate(value) if f"{name}[{i}]" not in problems]
        elif name in problems:
            update[name] = "" if isinstance(fact, Prose) else None
    cleaned = kind.schema.model_validate(ex.model_dump() | update)
    return cleaned, [f"{p}; dropped" for p in problems.values()]
