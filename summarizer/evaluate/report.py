"""Aggregate case scores into the report: JSON (stable names), markdown, baseline deltas.

JSON top level: `fields` maps each gold key to {scored, exact, close, invented} counts
plus `precision`, `recall`, `f1` and `score` rates (null where they do not apply);
`cases` holds per-case details; `run` holds model, versions, tokens, calls and seconds.
A field's `score` is what --fail-under and --baseline compare: F1 for actor sets, mean
coverage for must_mention, recall for conflicts, (exact + close) / scored otherwise.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from summarizer.evaluate.score import FIELDS, SETS, FieldResult, f1_score, rate


def aggregate(results: Iterable[Mapping[str, FieldResult]]) -> dict[str, dict[str, Any]]:
    totals: dict[str, dict[str, Any]] = {}
    coverage: dict[str, list[float]] = {}
    for case in results:
        for name, r in case.items():
            t = totals.setdefault(
                name,
                {"scored": 0, "exact": 0, "close": 0, "invented": 0, "tp": 0, "fp": 0, "fn": 0},
            )
            for key in t:
                t[key] += getattr(r, key)
            if r.coverage is not None:
                coverage.setdefault(name, []).append(r.coverage)
    fields: dict[str, dict[str, Any]] = {}
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
        fields[name] = {
            "scored": t["scored"],
            "exact": t["exact"],
            "close": t["close"],
            "invented": t["invented"],
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "score": score,
        }
    return fields


def overall(fields: Mapping[str, Mapping[str, Any]]) -> float | None:
    scores = [f["score"] for f in fields.values() if f["score"] is not None]
    return rate(sum(scores), len(scores))


def compare(current: Mapping[str, Any], baseline: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each field's score delta against an earlier report; a drop is a regression."""
    out: dict[str, dict[str, Any]] = {}
    before_fields = baseline.get("fields", {})
    for name, now in current["fields"].items():
        before = (before_fields.get(name) or {}).get("score")
        delta = None if before is None or now["score"] is None else round(now["score"] - before, 4)
        out[name] = {
            "before": before,
            "after": now["score"],
            "delta": delta,
            "regression": delta is not None and delta < 0,
        }
    return out


def failing_thresholds(
    fields: Mapping[str, Mapping[str, Any]], thresholds: Mapping[str, float]
) -> list[str]:
    problems = []
    for name, minimum in sorted(thresholds.items()):
        score = (fields.get(name) or {}).get("score")
        if score is None or score < minimum:
            problems.append(f"{name} score {score} is below {minimum}")
    return problems


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def to_markdown(report: Mapping[str, Any]) -> str:
    lines = ["# Evaluation report", ""]
    run = report["run"]
    lines += [
        f"Model `{run['model']}`, prompt `{run['prompt_version']}`, schema "
        f"`{run['schema_version']}`, mode `{run['mode']}`: {run['cases']} cases, "
        f"{run['failed_cases']} failed, {run['calls']} model calls, {run['prompt_tokens']} "
        f"prompt + {run['completion_tokens']} completion tokens, {run['seconds']} s.",
        "",
    ]
    deltas = report.get("baseline") or {}
    header = "| field | scored | exact | close | invented | P | R | F1 | score |"
    header += " delta |" if deltas else ""
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for name, f in report["fields"].items():
        row = [
            name,
            f["scored"],
            f["exact"],
            f["close"],
            f["invented"],
            f["precision"],
            f["recall"],
            f["f1"],
            f["score"],
        ]
        if deltas:
            d = deltas.get(name, {})
            row.append(f"{d.get('delta')}{' REGRESSION' if d.get('regression') else ''}")
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    lines += ["", f"Overall score: {report['overall']}", ""]
    if report.get("clusters"):
        mixes = [(c["id"], c["clusters"]) for c in report["cases"] if c.get("clusters")]
        if len(mixes) > 1:
            mixes.append(("all mixes (pooled)", report["clusters"]))
        lines += _grouping_table(mixes)
    for case in report["cases"]:
        status = case.get("error") or (case.get("skipped") and f"skipped: {case['skipped']}")
        status = status or "ok"
        lines.append(f"- `{case['id']}`: {status}")
        for name, r in case.get("fields", {}).items():
            if r.get("note"):
                lines.append(f"  - {name}: {r['note']}")
    return "\n".join(lines) + "\n"


def _grouping_table(mixes: list[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """Pairwise and B-cubed precision, recall and F1 per mix (and pooled)."""
    lines = ["| mix | clustering | precision | recall | F1 |", "|---|---|---|---|---|"]
    for mix, scores in mixes:
        for name, label in (("pairwise", "pairwise"), ("bcubed", "B-cubed")):
            s = scores[name]
            cells = (s["precision"], s["recall"], s["f1"])
            lines.append(f"| {mix} | {label} | " + " | ".join(_cell(v) for v in cells) + " |")
    return [*lines, ""]
