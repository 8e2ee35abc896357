"""The naive baseline: one instructor call per gold case, every article concatenated,
asking the same model directly for the gold's incident fields. Scored with the harness's
own functions (`score_flat`, `aggregate`), so it compares field by field with the pipeline.

    python benchmarks/naive_baseline.py GOLD.json... --articles-root DIR [--json OUT]
"""

import argparse
import asyncio
import json
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from summarizer._config import resolve_config
from summarizer.articles import Article
from summarizer.errors import SummarizerError
from summarizer.evaluate.gold import GoldCase, load_gold
from summarizer.evaluate.report import aggregate, overall
from summarizer.evaluate.run import case_articles
from summarizer.evaluate.score import FieldResult, Flat, incident_gold, score_flat
from summarizer.schemas import DateValue, EventType

Short = Annotated[str, StringConstraints(max_length=80)]
PROMPT_CHARS = 20_000  # about 5,000 tokens of articles: leaves room for the answer in 8k


class NaiveIncident(BaseModel):
    """The gold's incident fields, asked for directly (capped so a loop cannot run away)."""

    event_type: EventType
    date: Annotated[str, StringConstraints(max_length=10)] | None = Field(
        None, description="YYYY-MM-DD"
    )
    country: Short | None = None
    admin1: Short | None = Field(None, description="first-level region (province, state)")
    location: Short | None = Field(None, description="town or village")
    perpetrators: list[Short] = Field(default_factory=list, max_length=3)
    targets: list[Short] = Field(default_factory=list, max_length=3)
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    summary: Annotated[str, StringConstraints(max_length=400)] = ""


SYSTEM = (
    "You read several news reports of the same violent incident and fill in a record of "
    "it for a conflict-event database. event_type is one of battle, "
    "explosion_remote_violence, violence_against_civilians, protest, riot, "
    "strategic_development, other. Use null for what the reports do not say."
)


def naive_messages(articles: list[Article]) -> list[dict[str, str]]:
    share = PROMPT_CHARS // max(len(articles), 1)
    parts = [
        f"Report {i} ({a.published or 'date unknown'}):\n{a.title or ''}\n{a.text[:share]}"
        for i, a in enumerate(articles, 1)
    ]
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": "\n\n".join(parts)},
    ]


def _day(text: str | None) -> DateValue | None:
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return None
    return DateValue(start=day, end=day, precision="day")


def naive_flat(answer: NaiveIncident) -> Flat:
    """The answer in the shape the harness scores (a brief's `flat_brief`)."""
    counts: dict[str, tuple[int | None, int | None]] = {}
    for kind in ("killed", "injured"):
        lo, hi = getattr(answer, f"{kind}_min"), getattr(answer, f"{kind}_max")
        if lo is not None or hi is not None:
            best = lo if lo is not None else hi
            counts[kind] = (best, hi if hi is not None and hi != best else None)
    return Flat(
        event_type=answer.event_type,
        date=_day(answer.date),
        country=answer.country,
        admin1=answer.admin1,
        location=answer.location,
        perpetrators=[[p] for p in answer.perpetrators],
        targets=[[t] for t in answer.targets],
        counts=counts,
        text=answer.summary,
    )


async def naive_case(case: GoldCase, root: Path | None, model: str | None) -> dict[str, Any]:
    """One call for the whole case; its per-field results, seconds and tokens."""
    from summarizer._embedded import server_url
    from summarizer._llm import LLMClient

    config = resolve_config(model)
    base_url = await asyncio.to_thread(server_url) if config.provider == "embedded" else None
    client = LLMClient(config, base_url=base_url)
    start = time.perf_counter()
    try:
        answer, usage = await client.structured(
            naive_messages(case_articles(case, root)), NaiveIncident
        )
        fields = score_flat(incident_gold(case), naive_flat(answer), nulls_scored=False)
        error = None
    except SummarizerError as exc:
        fields, error, usage = {}, str(exc), None
    finally:
        await client.aclose()
    return {
        "id": case.id,
        "fields": fields,
        "error": error,
        "seconds": round(time.perf_counter() - start, 1),
        "prompt_tokens": usage.prompt_tokens if usage else 0,
        "completion_tokens": usage.completion_tokens if usage else 0,
    }


def run_naive(paths: list[Path], root: Path | None, model: str | None = None) -> dict[str, Any]:
    cases = []
    for path in paths:
        case = load_gold(path)
        if isinstance(case, GoldCase):
            cases.append(asyncio.run(naive_case(case, root, model)))
    results: list[dict[str, FieldResult]] = [c["fields"] for c in cases]
    fields = aggregate(results)
    return {
        "fields": {k: v.model_dump() for k, v in fields.items()},
        "overall": overall(fields),
        "cases": [c | {"fields": {k: v.as_dict() for k, v in c["fields"].items()}} for c in cases],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--articles-root", type=Path)
    parser.add_argument("--model")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = run_naive(args.gold, args.articles_root, args.model)
    for name, f in report["fields"].items():
        print(f"{name:22} {f['score']}")  # dumped FieldStats
    print(f"overall {report['overall']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
