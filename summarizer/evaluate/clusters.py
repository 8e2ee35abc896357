"""Scoring a grouping of articles into incidents against the true one. Pure functions.

Pairwise: every pair of articles put together is a decision; precision is the share of the
pairs we joined that gold joins too, recall the share of gold's pairs we found.
B-cubed (Bagga and Baldwin 1998): per article, the overlap of its predicted and true
clusters over the predicted (precision) and true (recall) cluster size, averaged over
articles; unlike pairwise it does not let one big cluster dominate.
Only gold's articles count: a predicted article gold does not list is ignored, and a gold
article the prediction left out (failed, "not an incident") is a singleton.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from math import comb
from typing import Any

from summarizer.evaluate.score import f1_score, rate

Grouping = Sequence[Sequence[str]]


def _labels(clusters: Iterable[Sequence[str]], universe: set[str]) -> dict[str, int]:
    label: dict[str, int] = {}
    for n, group in enumerate(clusters):
        for item in group:
            if item in universe:
                label.setdefault(item, n)
    fresh = len(label) + 10_000_000
    for item in sorted(universe):  # left out of every predicted cluster: alone
        if item not in label:
            label[item] = fresh
            fresh += 1
    return label


def grouping_counts(gold: Grouping, predicted: Grouping) -> tuple[dict[str, int], dict[str, Any]]:
    """One case's pair counts and B-cubed sums, which `pool` adds up across cases."""
    universe = {a for g in gold for a in g}
    g, p = _labels(gold, universe), _labels(predicted, universe)
    return _pair_counts(g, p), _bcubed_sums(g, p)


def _pair_counts(g: dict[str, int], p: dict[str, int]) -> dict[str, int]:
    """True positive, false positive and false negative pairs."""
    # Pairs counted from cluster sizes (n choose 2), so this is linear, not quadratic.
    cells = Counter((g[a], p[a]) for a in g)
    tp = sum(comb(n, 2) for n in cells.values())
    joined_p = sum(comb(n, 2) for n in Counter(p.values()).values())
    joined_g = sum(comb(n, 2) for n in Counter(g.values()).values())
    return {"tp": tp, "fp": joined_p - tp, "fn": joined_g - tp}


def _bcubed_sums(g: dict[str, int], p: dict[str, int]) -> dict[str, Any]:
    """Summed per-article B-cubed precision and recall, and how many articles."""
    cells = Counter((g[a], p[a]) for a in g)
    size_g, size_p = Counter(g.values()), Counter(p.values())
    precision = sum(cells[g[a], p[a]] / size_p[p[a]] for a in g)
    recall = sum(cells[g[a], p[a]] / size_g[g[a]] for a in g)
    return {"precision_sum": precision, "recall_sum": recall, "items": len(g)}


def cluster_scores(pairs: dict[str, int], bcubed: dict[str, Any]) -> dict[str, Any]:
    """Rates from (possibly pooled) counts: pairwise and B-cubed precision, recall, F1."""
    pp = rate(pairs["tp"], pairs["tp"] + pairs["fp"])
    pr = rate(pairs["tp"], pairs["tp"] + pairs["fn"])
    bp = rate(bcubed["precision_sum"], bcubed["items"])
    br = rate(bcubed["recall_sum"], bcubed["items"])
    return {
        "pairwise": {"precision": pp, "recall": pr, "f1": f1_score(pp, pr), **pairs},
        "bcubed": {
            "precision": bp,
            "recall": br,
            "f1": f1_score(bp, br),
            "articles": bcubed["items"],
        },
    }


def score_grouping(gold: Grouping, predicted: Grouping) -> dict[str, Any]:
    return cluster_scores(*grouping_counts(gold, predicted))


def pool(cases: Iterable[tuple[dict[str, int], dict[str, Any]]]) -> dict[str, Any] | None:
    """Micro-averaged scores over several cluster cases (pairs and articles pooled)."""
    pairs = {"tp": 0, "fp": 0, "fn": 0}
    sums: dict[str, Any] = {"precision_sum": 0.0, "recall_sum": 0.0, "items": 0}
    seen = False
    for case_pairs, case_sums in cases:
        seen = True
        for k in pairs:
            pairs[k] += case_pairs[k]
        for k in sums:
            sums[k] += case_sums[k]
    return cluster_scores(pairs, sums) if seen else None
