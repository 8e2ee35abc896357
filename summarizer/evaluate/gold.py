"""Gold annotations in `gold-v1` and `gold-v1-clusters` (shared/gold/FORMAT.md), read as-is.

Also the oracle: each article's report built from the gold `per_article` claims (falling
back to the `incident` block for keys an article does not list), so the reconciler can be
scored without any model.
"""

import datetime as dt
import json
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summarizer.errors import InputError
from summarizer.evaluate._figures import located_fact
from summarizer.kinds.model import DEFAULT_KIND
from summarizer.normalize.actors import identify
from summarizer.normalize.places import country_code, iso_admin1
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    DateValue,
    PlaceFact,
)

COUNT_KEYS = ("killed", "injured", "missing", "kidnapped")


class GoldCount(BaseModel):
    model_config = ConfigDict(extra="ignore")
    min: int | None = None
    max: int | None = None


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class GoldIncident(BaseModel):
    """Every key may be missing or null: null means "not scored"."""

    model_config = ConfigDict(extra="ignore")
    event_type: str | None = None
    date: dt.date | None = None
    country: str | None = None
    admin1: list[str] | None = None
    location: list[str] | None = None
    perpetrators: list[list[str]] | None = None
    targets: list[list[str]] | None = None
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    missing: GoldCount | None = None
    kidnapped: GoldCount | None = None
    must_mention: list[list[str]] | None = None

    _lists = field_validator("admin1", "location", mode="before")(_as_list)

    @field_validator("perpetrators", "targets", mode="before")
    @classmethod
    def _entities(cls, value: Any) -> Any:
        return [_as_list(e) for e in value] if isinstance(value, list) else value


class GoldArticle(BaseModel):
    model_config = ConfigDict(extra="ignore")
    file: str
    published: dt.date | None = None
    outlet: str | None = None


class GoldCase(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: Literal["gold-v1"]
    id: str
    articles: list[GoldArticle]
    incident: GoldIncident
    per_article: dict[str, dict[str, Any]] = Field(default_factory=dict)
    conflicts: list[str] = Field(default_factory=list)
    path: Path = Path()
    # The kind the case is scored as; another kind's fields are read from `facts`, the
    # case's incident block as written.
    kind: str = DEFAULT_KIND
    facts: dict[str, Any] = Field(default_factory=dict)

    def article_path(self, article: GoldArticle, root: Path | None = None) -> Path:
        return (root or self.path.parent) / article.file

    def article_claims(self, file: str) -> dict[str, Any]:
        """Only the keys this article lists, typed; an explicit null stays (it is scored)."""
        raw = self.per_article.get(file, {})
        typed = GoldIncident.model_validate(raw).model_dump()
        return {k: typed[k] for k in raw if k in typed}

    def claims(self, file: str) -> GoldIncident:
        """What one article claims: its per_article keys over the incident block."""
        merged = self.incident.model_dump() | self.per_article.get(file, {})
        return GoldIncident.model_validate(merged)


class GoldClusters(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: Literal["gold-v1-clusters"]
    id: str
    articles: list[GoldArticle]
    clusters: list[list[str]]
    path: Path = Path()
    kind: str = DEFAULT_KIND  # the kind whose rules group the articles


def load_gold(path: Path) -> GoldCase | GoldClusters:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON ({exc.msg} at line {exc.lineno})") from None
    kind = data.get("format") if isinstance(data, dict) else None
    model: type[GoldCase] | type[GoldClusters]
    if kind == "gold-v1":
        model = GoldCase
    elif kind == "gold-v1-clusters":
        model = GoldClusters
    else:
        raise InputError(str(path), f"not a gold-v1 file (format is {kind!r})")
    try:
        facts = {"facts": data.get("incident") or {}} if model is GoldCase else {}
        return model.model_validate(data | {"path": path} | facts)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise InputError(str(path), f"invalid gold ({where}: {first['msg']})") from None


def gold_files(paths: list[Path]) -> list[Path]:
    """Named files as given; in a folder, every gold file below it (other JSON, such as
    stored model answers kept beside the gold, is not a case)."""
    files: list[Path] = []
    for p in paths:
        files += [f for f in sorted(p.rglob("*.json")) if _is_gold(f)] if p.is_dir() else [p]
    return files


def _is_gold(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return True  # reported as a broken case, not silently skipped
    return not isinstance(data, dict) or str(data.get("format", "")).startswith("gold-")


def article_id(file: str) -> str:
    """The article's path relative to the gold file (or --articles-root), as written there:
    two cases' `1.txt` in different folders stay two articles."""
    return PurePosixPath(file.replace("\\", "/")).as_posix()


def oracle_reports(case: GoldCase, texts: dict[str, str] | None = None) -> list[ArticleReport]:
    """One report per article from the gold claims: the reconciler's input, no model.

    With an article's text (`texts`, by file) each gold casualty figure is read where the
    article states it, as the pipeline reads a model's span (revision, claim, clause);
    a figure the text does not state as such, or an article without text, stays numbers-only.
    """
    reports = []
    for article in case.articles:
        claims = case.claims(article.file)
        ref = ArticleRef(
            id=article_id(article.file), outlet=article.outlet, published=article.published
        )
        report = _report(ref, claims, (texts or {}).get(article.file))
        # An explicit null date while the incident has one: the article is vaguer.
        own = case.per_article.get(article.file, {})
        if "date" in own and own["date"] is None and case.incident.date is not None:
            report.date = DateFact(quote="no resolvable date", value=None)
        reports.append(report)
    return reports


def _actors(entities: list[list[str]] | None, country: str | None, role: str) -> list[ActorFact]:
    """Gold entities as facts, with the identity the pipeline would give their first name."""
    facts = []
    for names in entities or []:
        if not names:
            continue
        who = identify(names[0], country, role)
        facts.append(
            ActorFact(
                name=names[0],
                aliases=list(names),
                quote=names[0],
                identity=who.identity if who else None,
                category=who.category if who else None,
            )
        )
    return facts


def _place(
    names: list[str] | str | None, field: str, country: str | None = None
) -> PlaceFact | None:
    """A gold place as a fact: the country's ISO code, the region's ISO 3166-2 code."""
    if not names:
        return None
    name = names if isinstance(names, str) else names[0]
    code = None
    if field == "country":
        code = country_code(name)
    elif field == "admin1" and (iso := iso_admin1(name, country)):
        code = iso[0]
    return PlaceFact(name=name, quote=name, code=code)


def _count(kind: str, gold: GoldCount, text: str | None) -> CountFact:
    found = located_fact(kind, gold.min, gold.max, text) if text else None
    return found or CountFact(quote=f"min {gold.min}, max {gold.max}", min=gold.min, max=gold.max)


def _report(ref: ArticleRef, claims: GoldIncident, text: str | None = None) -> ArticleReport:
    when = None
    if claims.date:
        day = DateValue(start=claims.date, end=claims.date, precision="day")
        when = DateFact(quote=claims.date.isoformat(), value=day, explicit=True)
    code = country_code(claims.country) if claims.country else None
    counts = {
        k: _count(k, c, text)
        for k in COUNT_KEYS
        if (c := getattr(claims, k)) is not None and (c.min is not None or c.max is not None)
    }
    return ArticleReport(
        article=ref,
        event_type=claims.event_type,
        date=when,
        country=_place(claims.country, "country"),
        admin1=_place(claims.admin1, "admin1", code),
        location=_place(claims.location, "location"),
        perpetrators=_actors(claims.perpetrators, code, "perpetrators"),
        targets=_actors(claims.targets, code, "targets"),
        **counts,
    )
