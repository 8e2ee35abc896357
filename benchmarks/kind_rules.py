"""The conflict kind through the fact types' own rules (summarizer.kinds.rules.Rules, what
a user's kind gets) against its own (IncidentRules), on the same stored answers: each gold
case's brief scored field by field, and the grouping of every cluster case (the dev mix).
It measures what of the conflict kind is still its own code (issue 15).

    python benchmarks/kind_rules.py GOLD.json... --articles-root DIR --extractions DIR
"""

import argparse
import asyncio
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizer.api import Options, extract_reports
from summarizer.cluster import group
from summarizer.evaluate.clusters import score_grouping
from summarizer.evaluate.gold import GoldCase, GoldClusters, article_id, load_gold
from summarizer.evaluate.report import aggregate, overall
from summarizer.evaluate.run import case_articles
from summarizer.evaluate.score import (
    FieldResult,
    flat_brief,
    flat_facts,
    incident_gold,
    score_flat,
)
from summarizer.kinds.group import group_facts
from summarizer.kinds.model import GROUPINGS, Kind
from summarizer.kinds.registry import load_kind
from summarizer.kinds.rules import Rules

Scores = Mapping[str, FieldResult]


async def _case(
    case: GoldCase, own: Kind, facts: Kind, root: Path, answers: Path
) -> tuple[Scores, Scores]:
    gold = incident_gold(case)
    articles = case_articles(case, root)
    scored = []
    for kind in (own, facts):
        reports, *_ = await extract_reports(
            articles, Options(replay=answers, kind=kind, use_cache=False)
        )
        brief = kind.rules.brief(kind, reports, None)
        flat = flat_brief(brief) if kind is own else flat_facts(brief, kind)
        scored.append(score_flat(gold, flat, nulls_scored=False))
    return scored[0], scored[1]


async def _grouping(
    case: GoldClusters, own: Kind, facts: Kind, root: Path, answers: Path
) -> dict[str, dict[str, Any]]:
    """The day's grouping by the conflict kind's scored clusterer, then by the fact types'
    under each `grouping:` of kind.yaml."""
    gold = [[article_id(f) for f in group] for group in case.clusters]
    articles = case_articles(case, root)
    mine, *_ = await extract_reports(articles, Options(replay=answers, kind=own, use_cache=False))
    theirs, *_ = await extract_reports(
        articles, Options(replay=answers, kind=facts, use_cache=False)
    )
    found = {"own rules": [[r.article.id for r in g] for g in group(mine).groups]}
    for how in GROUPINGS:
        groups = group_facts(theirs, replace(facts, grouping=how))
        found[f"fact types, grouping: {how}"] = [[r.article.id for r in g] for g in groups]
    return {name: score_grouping(gold, ids) for name, ids in found.items()}


async def main(paths: list[Path], root: Path, answers: Path) -> None:
    own = load_kind("conflict")
    facts = replace(own, rules=Rules())
    cases = [load_gold(p) for p in paths]
    briefs = [await _case(c, own, facts, root, answers) for c in cases if isinstance(c, GoldCase)]
    own_fields, fact_fields = aggregate(b[0] for b in briefs), aggregate(b[1] for b in briefs)
    print(f"{len(briefs)} cases, answers from {answers}")
    print(f"{'field':<14} {'own rules':>9} {'fact types':>10}")
    for name, stats in own_fields.items():
        other = fact_fields.get(name)
        print(f"{name:<14} {stats.score!s:>9} {(other.score if other else None)!s:>10}")
    print(f"{'mean':<14} {overall(own_fields)!s:>9} {overall(fact_fields)!s:>10}")
    for case in cases:
        if isinstance(case, GoldClusters):
            for name, scores in (await _grouping(case, own, facts, root, answers)).items():
                pair, b3 = scores["pairwise"], scores["bcubed"]
                print(
                    f"{case.id} grouping, {name}: pairwise P {pair['precision']} R "
                    f"{pair['recall']} F1 {pair['f1']}; B-cubed F1 {b3['f1']}"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--articles-root", type=Path, required=True)
    parser.add_argument("--extractions", type=Path, required=True)
    args = parser.parse_args()
    asyncio.run(main(args.gold, args.articles_root, args.extractions))
