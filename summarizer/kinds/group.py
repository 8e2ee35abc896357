"""FactReport[] -> incidents: a day's reports grouped by their fact types. Pure,
deterministic, order-independent. kind.yaml's `grouping:` says what an incident is.

`place` (the default): an ongoing situation at a place, an outbreak. Reports naming the
same most precise place are one incident, whatever their dates, split where they state a
key fact differently; then 3. below.

`event`: a happening of one day, disaggregated as ACLED does (a different day, place or
actor makes a different event):
1. The scored clusterer (summarizer.cluster), over each report's facts in the fields its
   table reads (kinds.report.acled_fields: the places by level, the date, ACLED's actor
   roles, the casualty counts, a Category of ACLED's event types) and the article's
   proper names, title and summary: a kind built from fact types groups as the conflict
   kind does.
2. A key fact stated differently splits a group (`Span(key=True)`, `Category(key=True)`:
   cholera and measles in one district are two outbreaks; "Lassa" and "Lassa fever" are
   one).
3. A report left alone that names no place joins the day's only placed incident when they
   agree on a category or key and differ on none (a Lassa fever report without a place is
   not the day's cholera outbreak; a report that states nothing is not guessed into it).
"""

from collections.abc import Sequence

from summarizer.cluster import group
from summarizer.kinds.facts import Category, Fact, Span, Where
from summarizer.kinds.model import Kind
from summarizer.kinds.report import acled_fields
from summarizer.normalize.text import name_key
from summarizer.schemas import ArticleReport
from summarizer.schemas.facts import FactReport

_PRECISION = {"place": 0, "region": 1, "country": 2}


def group_facts(reports: Sequence[FactReport], kind: Kind) -> list[list[FactReport]]:
    """The day's incidents, placed ones first by their place, each a list in report order.
    Same groups in any input order."""
    ordered = sorted(reports, key=lambda r: (r.article.id, r.model_dump_json()))
    if kind.grouping == "event":
        shims = [_incident(r, kind) for r in ordered]
        at = {id(shim): i for i, shim in enumerate(shims)}
        found = [[ordered[at[id(s)]] for s in g] for g in group(shims).groups]
    else:
        by_place: dict[str, list[FactReport]] = {}
        for r in ordered:
            by_place.setdefault(_where(r, kind) or f"alone:{id(r)}", []).append(r)
        found = list(by_place.values())
    split = [part for g in found for part in _by_key(g, kind)]
    position = {id(r): i for i, r in enumerate(ordered)}
    return sorted(_join_unplaced(split, kind), key=lambda g: _order(g, kind, position))


def _incident(report: FactReport, kind: Kind) -> ArticleReport:
    """The report in the fields the scored clusterer reads. Every report is grouped, so
    each counts as an incident here."""
    return ArticleReport.model_validate(
        {
            "article": report.article,
            "title": report.title,
            "summary": report.summary,
            "names": report.names,
            **acled_fields(report, kind),
        }
    )


def _by_key(reports: list[FactReport], kind: Kind) -> list[list[FactReport]]:
    """A group split where its reports state a key fact differently: each report joins
    the first part it differs from in nothing."""
    parts: list[list[FactReport]] = []
    for r in reports:
        fit = next((p for p in parts if not any(_differ(r, o, kind) for o in p)), None)
        if fit is None:
            parts.append([r])
        else:
            fit.append(r)
    return parts


def _join_unplaced(groups: list[list[FactReport]], kind: Kind) -> list[list[FactReport]]:
    placed = [g for g in groups if any(_where(r, kind) for r in g)]
    if len(placed) != 1:
        return groups
    only = placed[0]
    joins = [
        g
        for g in groups
        if len(g) == 1
        and _where(g[0], kind) is None
        and all(_same_kind_of(g[0], o, kind) for o in only)
    ]
    rest = [g for g in groups if g is not only and not any(g is j for j in joins)]
    return [only + [g[0] for g in joins], *rest]


def _order(g: list[FactReport], kind: Kind, position: dict[int, int]) -> tuple[int, str, int]:
    """Placed incidents first, by their most precise place's key, then by first report."""
    keys = sorted(k for r in g if (k := _where(r, kind)))
    first = min(position[id(r)] for r in g)
    return (0, keys[0], first) if keys else (1, "", first)


def _where(report: FactReport, kind: Kind) -> str | None:
    """The report's most precise place, as a key: its GeoNames id, else its ISO code,
    else its folded name."""
    levels = sorted(
        (_PRECISION[f.level], name)
        for name, f in kind.facts.items()
        if isinstance(f, Where) and name in report.facts
    )
    for _, name in levels:
        if (place := report.facts[name].place) is not None:
            if place.geonameid is not None:
                return f"gn:{place.geonameid}"
            return f"code:{place.code}" if place.code else f"name:{name_key(place.name)}"
    return None


def _telling(kind: Kind) -> list[tuple[str, Category | Span]]:
    """The facts that tell incidents apart: every category, and the spans marked key."""
    return [
        (name, f)
        for name, f in kind.facts.items()
        if isinstance(f, Category) or (isinstance(f, Span) and f.key)
    ]


def _alike(x: str, y: str, fact: Fact) -> bool:
    """A span's wordings are alike when one's words hold the other's ("Lassa" and "Lassa
    fever"); a category's values must be equal."""
    if isinstance(fact, Category):
        return x == y
    a, b = set(name_key(x).split()), set(name_key(y).split())
    return bool(a and b) and (a <= b or b <= a)


def _values(a: FactReport, b: FactReport, kind: Kind) -> list[tuple[str, str, Category | Span]]:
    pairs = []
    for name, fact in _telling(kind):
        x = a.facts[name].label if name in a.facts else None
        y = b.facts[name].label if name in b.facts else None
        if x is not None and y is not None:
            pairs.append((x, y, fact))
    return pairs


def _differ(a: FactReport, b: FactReport, kind: Kind) -> bool:
    """Two reports of one place that state a key fact differently."""
    return any(not _alike(x, y, fact) for x, y, fact in _values(a, b, kind) if fact.key)


def _same_kind_of(a: FactReport, b: FactReport, kind: Kind) -> bool:
    """Some category or key both reports state alike, none stated differently: a Lassa
    fever report without a place is not the day's cholera outbreak, and a report that
    states nothing is kept apart rather than guessed into it."""
    found = _values(a, b, kind)
    return bool(found) and all(_alike(x, y, fact) for x, y, fact in found)
