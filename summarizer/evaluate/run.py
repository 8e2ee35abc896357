"""Run an evaluation: each gold case through the oracle, saved predictions or the pipeline.

A case whose articles are missing or whose run fails is reported as such; the other
cases still run.
"""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from summarizer._config import resolve_config
from summarizer.articles import Article, load_articles
from summarizer.errors import InputError, SummarizerError
from summarizer.evaluate.clusters import cluster_scores, grouping_counts, pool
from summarizer.evaluate.gold import GoldCase, GoldClusters, article_id, load_gold
from summarizer.evaluate.report import (
    CaseField,
    CaseReport,
    ClusterScores,
    EvalReport,
    RunInfo,
    aggregate,
    overall,
)
from summarizer.evaluate.score import FieldResult
from summarizer.kinds.registry import load_kind
from summarizer.schemas import SCHEMA_VERSION, DailyBrief, Usage
from summarizer.schemas.facts import FactDailyBrief

if TYPE_CHECKING:
    from summarizer.api import Options

Saved = TypeVar("Saved", bound=BaseModel)


@dataclass
class EvalOptions:
    mode: str = "model"  # "model", "oracle", "predictions" or "extractions"
    model: str | None = None
    articles_root: Path | None = None
    predictions: Path | None = None
    extractions: Path | None = None  # stored answers replayed through the whole pipeline
    use_cache: bool = True

    def pipeline(self) -> "Options":
        from summarizer.api import Options

        return Options(model=self.model, use_cache=self.use_cache, replay=self.extractions)


@dataclass
class CaseOutcome:
    id: str
    prompt_version: str = ""  # of the kind its gold names, once loaded
    fields: dict[str, FieldResult] = field(default_factory=dict)
    per_article: dict[str, dict[str, FieldResult]] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    error: str | None = None
    skipped: str | None = None
    schema_valid: bool = False
    grouping: tuple[dict[str, int], dict[str, Any]] | None = None
    unscored_conflicts: list[str] = field(default_factory=list)

    def report(self) -> CaseReport:
        clusters = cluster_scores(*self.grouping) if self.grouping else None
        return CaseReport(
            id=self.id,
            error=self.error,
            skipped=self.skipped,
            unscored_conflicts=self.unscored_conflicts,
            seconds=self.seconds,
            calls=self.usage.calls,
            prompt_tokens=self.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens,
            fields={k: CaseField.of(v) for k, v in self.fields.items()},
            per_article={
                a: {k: CaseField.of(v) for k, v in r.items()} for a, r in self.per_article.items()
            },
            clusters=ClusterScores.model_validate(clusters) if clusters else None,
        )


def _stated(case: GoldCase, key: str) -> bool:
    return any(key in pa for pa in case.per_article.values())


def _unseen_conflicts(case: GoldCase) -> list[str]:
    """Conflict keys no `per_article` block states: the oracle's articles all carry the
    incident's value there, so no disagreement can reach it; left unscored, and listed."""
    return [k for k in case.conflicts if not _stated(case, k)]


def _seen_conflicts(case: GoldCase) -> list[str]:
    return [k for k in case.conflicts if _stated(case, k)]


def case_articles(case: GoldCase | GoldClusters, root: Path | None) -> list[Article]:
    articles = []
    for g in case.articles:
        path = (root or case.path.parent) / g.file
        found, errors = load_articles([path])
        if errors:
            raise errors[0]
        [a] = found
        articles.append(
            a.model_copy(
                update={
                    "id": article_id(g.file),
                    "published": g.published,
                    "outlet": g.outlet or a.outlet,
                }
            )
        )
    return articles


def _texts(case: GoldCase, root: Path | None) -> dict[str, str]:
    """The oracle's article texts, where present (absent ones leave the oracle numbers-only)."""
    texts = {}
    for g in case.articles:
        found, _ = load_articles([(root or case.path.parent) / g.file])
        if found:
            texts[g.file] = found[0].text
    return texts


def _load_saved(path: Path, model: type[Saved]) -> Saved:
    try:
        return model.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError:
        raise InputError(str(path), "no saved prediction for this case") from None
    except ValidationError as exc:
        raise InputError(
            str(path), f"not a valid {model.__name__} ({exc.error_count()} errors)"
        ) from None


async def _run_case(case: GoldCase, options: EvalOptions) -> CaseOutcome:
    """A case through the oracle, a saved prediction or the pipeline, scored by the rules
    of the kind its gold names."""
    from summarizer.api import extract_reports

    kind = load_kind(case.kind)
    rules = kind.rules
    outcome = CaseOutcome(id=case.id, prompt_version=kind.prompt_version)
    start = time.perf_counter()
    brief: BaseModel | None
    if options.mode == "oracle":
        outcome.unscored_conflicts = _unseen_conflicts(case)
        case = case.model_copy(update={"conflicts": _seen_conflicts(case)})
        brief = rules.oracle(kind, case, _texts(case, options.articles_root))
        if brief is None:
            outcome.skipped = f"the {kind.name} kind's gold claims cannot be read: needs a model"
            return outcome
    elif options.mode == "predictions":
        assert options.predictions is not None
        brief = _load_saved(options.predictions / f"{case.id}.json", rules.brief_model)
    else:
        articles = case_articles(case, options.articles_root)
        pipeline = replace(options.pipeline(), kind=kind)
        reports, failures, usage, _ = await extract_reports(articles, pipeline)
        outcome.usage = usage
        if not reports:
            raise SummarizerError("; ".join(f"{f.source}: {f.reason}" for f in failures))
        brief = rules.brief(kind, reports, None)
        by_id = {r.article.id: r for r in reports}
        for file in case.per_article:
            report = by_id.get(article_id(file))
            if report is not None and (found := rules.score_article(kind, case, file, report)):
                outcome.per_article[article_id(file)] = found
    outcome.seconds = round(time.perf_counter() - start, 3)
    outcome.schema_valid = True
    outcome.fields = rules.score(kind, case, brief)
    if options.mode == "oracle":
        outcome.fields.pop("must_mention", None)  # the oracle has no prose to check
    return outcome


async def _run_clusters(case: GoldClusters, options: EvalOptions) -> CaseOutcome:
    """Score the daily brief's grouping of the case's articles into incidents."""
    from summarizer.api import adaily_brief

    kind = load_kind(case.kind)
    outcome = CaseOutcome(id=case.id, prompt_version=kind.prompt_version)
    if options.mode == "oracle":
        outcome.skipped = "cluster gold has no claims to build reports from: needs a model"
        return outcome
    start = time.perf_counter()
    daily: DailyBrief | FactDailyBrief
    if options.mode == "predictions":
        assert options.predictions is not None
        daily = _load_saved(options.predictions / f"{case.id}.json", kind.rules.daily_model)
    else:
        pipeline = replace(options.pipeline(), kind=kind)
        daily, _ = await adaily_brief(case_articles(case, options.articles_root), pipeline)
        outcome.usage = daily.usage
    predicted = [[s.id for s in incident.sources] for incident in daily.incidents]
    gold = [[article_id(f) for f in group] for group in case.clusters]
    outcome.grouping = grouping_counts(gold, predicted)
    outcome.seconds = round(time.perf_counter() - start, 3)
    outcome.schema_valid = True
    return outcome


async def _safe_case(path: Path, options: EvalOptions) -> CaseOutcome:
    try:
        case = load_gold(path)
    except InputError as exc:
        return CaseOutcome(id=str(path), error=str(exc))
    try:
        if isinstance(case, GoldClusters):
            return await _run_clusters(case, options)
        return await _run_case(case, options)
    except SummarizerError as exc:
        return CaseOutcome(id=case.id, error=str(exc))
    except Exception as exc:  # one broken case must not cost the others
        return CaseOutcome(id=case.id, error=f"internal error: {exc.__class__.__name__}: {exc}")


def _prompt_versions(outcomes: list[CaseOutcome]) -> str:
    """The prompt versions of the kinds the cases were run as ("extract-v3", or
    "extract-v3, outbreak-v2" for a mixed run); the default kind's when none ran."""
    versions = sorted({o.prompt_version for o in outcomes if o.prompt_version})
    return ", ".join(versions) or load_kind().prompt_version


def evaluate(
    gold_paths: list[Path], options: EvalOptions, progress: Callable[[str], None] | None = None
) -> EvalReport:
    """Score every case; returns the full report (`EvalReport.to_json()` writes it)."""
    model = options.mode if options.mode != "model" else resolve_config(options.model).model
    outcomes = []
    for path in gold_paths:
        outcomes.append(asyncio.run(_safe_case(path, options)))
        if progress:
            progress(outcomes[-1].id)
    usage = Usage()
    for o in outcomes:
        usage = usage.add(o.usage)
    scored = [o for o in outcomes if o.skipped is None]
    fields = aggregate(o.fields for o in outcomes)
    pooled = pool(o.grouping for o in outcomes if o.grouping is not None)
    return EvalReport(
        fields=fields,
        overall=overall(fields),
        per_article_fields=aggregate(r for o in outcomes for r in o.per_article.values()),
        clusters=ClusterScores.model_validate(pooled) if pooled else None,
        schema_valid_rate=round(sum(o.schema_valid for o in scored) / len(scored), 4)
        if scored
        else None,
        cases=[o.report() for o in outcomes],
        run=RunInfo(
            model=model,
            mode=options.mode,
            prompt_version=_prompt_versions(outcomes),
            schema_version=SCHEMA_VERSION,
            cases=len(outcomes),
            failed_cases=sum(o.error is not None for o in outcomes),
            skipped_cases=sum(o.skipped is not None for o in outcomes),
            calls=usage.calls,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            seconds=round(sum(o.seconds for o in outcomes), 3),
        ),
    )
