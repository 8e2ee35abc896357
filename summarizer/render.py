"""DailyBrief -> markdown or JSON. Pure.

Markdown goes through Jinja2 with strict undefined variables. A user-supplied template
runs in a sandboxed environment, so it can neither reach Python internals nor silently
print nothing; the built-in one, which is ours, runs unsandboxed (the sandbox's attribute
checks were most of the render time on a 10,000-report day).
Every string that came from an article is escaped: raw HTML, link syntax and table pipes
render as text, and only http(s) URLs become links.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import BaseLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from summarizer.errors import InputError
from summarizer.kinds.model import Kind
from summarizer.kinds.registry import builtin_folder, load_kind
from summarizer.normalize.text import name_key
from summarizer.schemas import (
    Actor,
    Casualties,
    Conflict,
    DailyBrief,
    IncidentBrief,
    Place,
    SourceValue,
)
from summarizer.schemas.facts import FactDailyBrief

# Always special inline; `_` only at a word's edge (GFM ignores intraword underscores).
_MD_SPECIAL = re.compile(r"([\\`*{}\[\]|~]|(?<!\w)_|_(?!\w))")
_MD_LEADING = re.compile(r"^([-+#>!=]|\d+[.)])")


def md(text: object) -> str:
    """Escape text for inline markdown (and a table cell)."""
    value = "" if text is None else str(text)
    value = re.sub(r"\s+", " ", value).strip()
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return _MD_LEADING.sub(r"\\\1", value)


def link(text: object, url: str | None) -> str:
    if url and re.match(r"^https?://[^\s<>()]+$", url):
        return f"[{md(text)}](<{url}>)"
    return md(text)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def casualty_range(c: Casualties | None) -> str:
    if c is None:
        return "unknown"
    claim = f"; attackers claim {c.claimed} (not a toll)" if c.claimed is not None else ""
    if c.best is None:
        return "unknown" + claim
    parts = [f"best {c.best}" + (f" ({' + '.join(map(str, c.parts))})" if c.parts else "")]
    if c.low is not None and c.low != c.best:
        parts.insert(0, f"low {c.low}")
    parts.append(f"high {c.high}" if c.high is not None else "high open")
    revised = f"; revised up from {c.revised_from}" if c.revised_from is not None else ""
    return ", ".join(parts) + (" (approximate)" if c.approximate else "") + revised + claim


_PRECISION = {1: "the place", 2: "near the place", 3: "the region's point"}


def place_label(place: Place | None) -> str:
    """'Soumpi (16.7735, -3.0074; precision 3: the region's point)', with the ISO code and
    'inferred' when the gazetteer, not the article, supplied it."""
    if place is None:
        return "unknown"
    notes = [place.code] if place.code else []
    if place.lat is not None and place.lon is not None:
        where = f"{place.lat:.4f}, {place.lon:.4f}"
        if place.precision:
            where += f"; precision {place.precision}: {_PRECISION.get(place.precision, '')}"
        notes.append(where)
    if place.inferred:
        notes.append("inferred")
    return place.name + (f" ({'; '.join(notes)})" if notes else "")


def actor_label(actor: Actor) -> str:
    """The actor's name (a group's full name beside its acronym) and, when the sources'
    own words differ from it, what they called it."""
    shown = f" {name_key(actor.name)} "
    seen = [a for a in actor.aliases if f" {name_key(a)} " not in shown]
    return actor.name + (f" [as: {', '.join(seen[:4])}]" if seen else "")


def severity_key(brief: IncidentBrief) -> tuple[int, str, str]:
    killed = brief.killed.best if brief.killed and brief.killed.best is not None else -1
    when = brief.date.start.isoformat() if brief.date else ""
    # Deadliest first, then the most recent, then a stable id.
    return (-killed, "".join(chr(0x10FFFF - ord(c)) for c in when), brief.id)


@dataclass(frozen=True)
class Settled:
    """One disagreement as the brief prints it: every rule that settled it the same way."""

    field: str
    chosen: str | None
    rules: list[str]
    values: list[SourceValue]


def settled(conflicts: Sequence[Conflict]) -> list[Settled]:
    """Conflicts on one field with the same choice and the same values, one line each: a
    toll both revised and published later is one disagreement settled by two rules."""
    merged: dict[tuple[object, ...], Settled] = {}
    for c in conflicts:
        key = (c.field, c.chosen, tuple((v.value, tuple(v.articles)) for v in c.values))
        if key in merged:
            merged[key].rules.append(c.rule)
        else:
            merged[key] = Settled(c.field, c.chosen, [c.rule], list(c.values))
    return list(merged.values())


TEMPLATE_GLOBALS = {
    "settled": settled,
    "link": link,
    "casualty_range": casualty_range,
    "plural": plural,
    "place_label": place_label,
    "actor_label": actor_label,
}


@cache
def _environment(folder: str, sandboxed: bool) -> Environment:
    loader: BaseLoader = FileSystemLoader(folder)
    kind = SandboxedEnvironment if sandboxed else Environment
    env = kind(
        loader=loader, undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    env.filters["md"] = md
    env.globals.update(TEMPLATE_GLOBALS)
    return env


def _ours(template: Path) -> bool:
    """A built-in kind's template (ours) runs unsandboxed; anyone else's in the sandbox."""
    return template.resolve().is_relative_to(builtin_folder().resolve())


def check_template(template: Path) -> None:
    """Compile a user template now, so a syntax error fails before any model call."""
    try:
        _environment(str(template.parent), True).get_template(template.name)
    except TemplateError as exc:
        raise InputError(str(template), f"template error: {_describe(exc)}") from None


def _describe(exc: TemplateError) -> str:
    line = getattr(exc, "lineno", None)
    return f"{exc.message or exc.__class__.__name__}" + (f" (line {line})" if line else "")


def render_markdown(
    daily: DailyBrief | FactDailyBrief,
    template: Path | None = None,
    *,
    explain: bool = False,
    kind: "Kind | str | None" = None,
) -> str:
    """Raises InputError naming a user template that fails (undefined name, unsafe access).
    `explain` adds why each incident's articles were joined and which close pairs were
    kept apart (the JSON always has both)."""
    chosen = load_kind(kind)
    path = template or chosen.brief_template
    try:
        return _render(daily, path, explain, chosen)
    except TemplateError as exc:
        if _ours(path):
            raise
        raise InputError(str(path), f"template error: {_describe(exc)}") from None


def _render(daily: DailyBrief | FactDailyBrief, template: Path, explain: bool, kind: Kind) -> str:
    env = _environment(str(template.parent), not _ours(template))
    text = env.get_template(template.name).render(
        brief=daily,
        kinds=("killed", "injured", "missing", "kidnapped"),
        explain=explain,
        kind=kind,
    )
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"


def render_json(daily: DailyBrief | FactDailyBrief) -> str:
    return daily.model_dump_json(indent=2) + "\n"
