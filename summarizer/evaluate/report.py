"""Aggregate case scores into the report: JSON (stable names), markdown, baseline deltas.

JSON top level: `fields` maps each gold key to {scored, exact, close, invented} counts
plus `precision`, `recall`, `f1` and `score` rates (null where they do not apply);
`cases` holds per-case details; `run` holds model, versions, tokens, calls and seconds.
A field's `score` is what --fail-under and --baseline compare: F1 for actor sets, mean
coverage for must_mention, recall for conflicts, (exact + close) / scored otherwise.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

from summarizer.evaluate.score import FIELDS, SETS, FieldResult, f1_score, rate


class FieldStats(BaseModel):
    """One field over every case: counts, rates (null where they do not apply), score."""

    scored: int
    exact: int
    close: int
    invented: int
    precision: float | None
    recall: float | None
    f1: float | None
    score: float | None


class CaseField(BaseModel):
    """One field of one case, as scored; empty values are left out of the JSON."""

    scored: int = 0
    exact: int = 0
    close: int = 0
    invented: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    coverage: float | None = None
    note: str | None = None

    @classmethod
    def of(cls, result: FieldResult) -> "CaseField":
        return cls.model_validate(result.as_dict())

    @model_serializer(mode="wrap")
    def _without_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class PairwiseScores(BaseModel):
    precision: float | None
    recall: float | None
    f1: float | None
    tp: int
    fp: int
    fn: int


class BcubedScores(BaseModel):
    precision: float | None
    recall: float | None
    f1: float | None
    articles: int


class ClusterScores(BaseModel):
    pairwise: PairwiseScores
    bcubed: BcubedScores


class CaseReport(BaseModel):
    id: str
    error: str | None
    skipped: str | None
    # Gold conflict keys an oracle cannot see (no per_article block states them).
    unscored_conflicts: list[str]
    seconds: float
    calls: int
    prompt_tokens: int
    completion_tokens: int
    fields: dict[str, CaseField]
    per_article: dict[str, dict[str, CaseField]]
    clusters: ClusterScores | None


class RunInfo(BaseModel):
    model: str
    mode: str
    prompt_version: str
    schema_version: str
    cases: int
    failed_cases: int
    skipped_cases: int
    calls: int
    prompt_tokens: int
    completion_tokens: int
    seconds: float


class FieldDelta(BaseModel):
    before: float | None
    after: float | None
    delta: float | None
    regression: bool


class EvalReport(BaseModel):
    """The whole report. `baseline` appears in the JSON only when compared with one."""

    fields: dict[str, FieldStats]
    overall: float | None
    per_article_fields: dict[str, FieldStats]
    clusters: ClusterScores | None
    schema_valid_rate: float | None
    cases: list[CaseReport]
    run: RunInfo
    baseline: dict[str, FieldDelta] | None = None

    def to_json(self) -> str:
        exclude = {"baseline"} if self.baseline is None else None
        return self.model_dump_json(indent=2, exclude=exclude) + "\n"


class _EarlierField(BaseModel):
    score: float | None = None


class _EarlierReport(BaseModel):
    """What a baseline needs from an earlier report (of any version): each field's score."""

    model_config = ConfigDict(extra="ignore")
    fields: dict[str, _EarlierField] = {}


_COUNTED = ("scored", "exact", "close", "invented", "tp", "fp", "fn")


def aggregate(results: Iterable[Mapping[str, FieldResult]]) -> dict[str, FieldStats]:
    totals: dict[str, dict[str, int]] = {}
    coverage: dict[str, list[float]] = {}
    for case in results:
        for name, r in case.items():
            t = totals.setdefault(name, dict.fromkeys(_COUNTED, 0))
            for key in _COUNTED:
                t[key] += getattr(r, key)
            if r.coverage is not None:
                coverage.setdefault(name, []).append(r.coverage)
    fields: dict[str, FieldStats] = {}
    for name in sorted(totals, key=lambda n: FIELDS.index(n) if n in FIELDS else 99):
        t = totals[name]
        precision = recall = f1 = None
        if name in SETS or name == "conflicts":
            recall = rate(t["tp"], t["tp"] + t["fn"])
            if name in SETS:
                precision = rate(t["tp"], t["tp"] + t["fp"])
                f1 = f1_score(precision, recall)
        if name in SETS:
            score = f1
        elif name == "conflicts":
            score = recall
        elif name in coverage:
            score = rate(sum(coverage[name]), len(coverage[name]))
        else:
            score = rate(t["exact"] + t["close"], t["scored"])
        fields[name] = FieldStats(
            scored=t["scored"],
            exact=t["exact"],
            close=t["close"],
            invented=t["invented"],
            precision=precision,
            recall=recall,
            f1=f1,
            score=score,
        )
    return fields


def overall(fields: Mapping[str, FieldStats]) -> float | None:
    scores = [f.score for f in fields.values() if f.score is not None]
    return rate(sum(scores), len(scores))


def load_baseline(text: str) -> _EarlierReport:
    """An earlier JSON report. Raises pydantic's ValidationError if it is not one."""
    return _EarlierReport.model_validate_json(text)


def compare(current: EvalReport, baseline: _EarlierReport) -> dict[str, FieldDelta]:
    """Each field's score delta against an earlier report; a drop is a regression."""
    out: dict[str, FieldDelta] = {}
    for name, now in current.fields.items():
        earlier = baseline.fields.get(name)
        before = earlier.score if earlier else None
        delta = None if before is None or now.score is None else round(now.score - before, 4)
        out[name] = FieldDelta(
            before=before,
            after=now.score,
            delta=delta,
            regression=delta is not None and delta < 0,
        )
    return out


def failing_thresholds(
    fields: Mapping[str, FieldStats], thresholds: Mapping[str, float]
) -> list[str]:
    problems = []
    for name, minimum in sorted(thresholds.items()):
        stats = fields.get(name)
        score = stats.score if stats else None
        if score is None or score < minimum:
            problems.append(f"{name} score {score} is below {minimum}")
    return problems


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def to_markdown(report: EvalReport) -> str:
    lines = ["# Evaluation report", ""]
    run = report.run
    lines += [
        f"Model `{run.model}`, prompt `{run.prompt_version}`, schema "
        f"`{run.schema_version}`, mode `{run.mode}`: {run.cases} cases, "
        f"{run.failed_cases} failed, {run.calls} model calls, {run.prompt_tokens} "
        f"prompt + {run.completion_tokens} completion tokens, {run.seconds} s.",
        "",
    ]
    deltas = report.baseline or {}
    header = "| field | scored | exact | close | invented | P | R | F1 | score |"
    header += " delta |" if deltas else ""
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for name, f in report.fields.items():
        row = [name, *stats_cells(f)]
        if deltas:
            d = deltas.get(name)
            row.append(f"{d and d.delta}{' REGRESSION' if d and d.regression else ''}")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"Overall score: {report.overall}", ""]
    mixes = [(c.id, c.clusters) for c in report.cases if c.clusters]
    if report.clusters and len(mixes) > 1:
        mixes.append(("all mixes (pooled)", report.clusters))
    if mixes:
        lines += _grouping_table(mixes)
    for case in report.cases:
        status = case.error or (case.skipped and f"skipped: {case.skipped}") or "ok"
        lines.append(f"- `{case.id}`: {status}")
        for name, r in case.fields.items():
            if r.note:
                lines.append(f"  - {name}: {r.note}")
    return "\n".join(lines) + "\n"


def stats_cells(f: FieldStats) -> list[str]:
    """A field's counts and rates as table cells (empty where a rate does not apply)."""
    values = (f.scored, f.exact, f.close, f.invented, f.precision, f.recall, f.f1, f.score)
    return [_cell(v) for v in values]


def _grouping_table(mixes: list[tuple[str, ClusterScores]]) -> list[str]:
    """Pairwise and B-cubed precision, recall and F1 per mix (and pooled)."""
    lines = ["| mix | clustering | precision | recall | F1 |", "|---|---|---|---|---|"]
    for mix, scores in mixes:
        parts: list[tuple[str, PairwiseScores | BcubedScores]] = [
            ("pairwise", scores.pairwise),
            ("B-cubed", scores.bcubed),
        ]
        for label, s in parts:
            cells = (s.precision, s.recall, s.f1)
            lines.append(f"| {mix} | {label} | " + " | ".join(_cell(v) for v in cells) + " |")
    return [*lines, ""]
