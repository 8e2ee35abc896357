"""Scoring a kind built from fact types against its gold: each gold field by its fact
type's rule (counts, dates, names, actor sets), as score.py scores the conflict kind.
Pure."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from summarizer.evaluate.gold import GoldCount
from summarizer.evaluate.score import (
    FieldResult,
    score_conflicts,
    score_count,
    score_date,
    score_mentions,
    score_scalar,
    score_set,
)
from summarizer.kinds.facts import Where
from summarizer.kinds.model import Kind
from summarizer.schemas.facts import FactBrief, ReconciledFact


def _scalar(fact: ReconciledFact | None) -> str | None:
    if fact is None:
        return None
    return fact.place.name if fact.place else fact.value


def score_facts(
    gold: Mapping[str, Any], conflicts: list[str], brief: FactBrief, kind: Kind
) -> dict[str, FieldResult]:
    """Score every gold field the kind names; a null gold value is not scored."""
    results: dict[str, FieldResult] = {}
    for key in kind.gold_fields:
        value = gold.get(key)
        if key == "conflicts":
            if conflicts:
                results[key] = score_conflicts(conflicts, {c.field for c in brief.conflicts})
            continue
        if value is None:
            continue
        if key == "must_mention":
            results[key] = score_mentions(value, brief.text())
            continue
        fact_type = kind.facts[key].type if key in kind.facts else None
        got = brief.fact(key)
        if fact_type == "count":
            count = got.count if got else None
            pair = (count.best, count.high) if count else None
            results[key] = score_count(GoldCount.model_validate(value), pair)
        elif fact_type == "date":
            day = dt.date.fromisoformat(value)
            results[key] = score_date(day, got.date if got else None)
        elif fact_type == "actor":
            entities = [[e] if isinstance(e, str) else e for e in value]
            found = [[a.name, *a.aliases] for a in (got.actors if got else [])]
            results[key] = score_set(entities, found)
        elif fact_type is not None:
            fact = kind.facts[key]
            place = isinstance(fact, Where) and fact.level != "country"
            results[key] = score_scalar(value, _scalar(got), place=place)
    return results
