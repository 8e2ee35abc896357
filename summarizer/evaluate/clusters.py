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

Grouping = Sequence[Sequence[str]]


def _labels(clusters: Iterable[Sequence[str]], universe: Sequence[str]) -> dict[str, int]:
    label: dict[str, int] = {}
    for n, group in enumerate(clusters):
        for item in group:
            if item in universe:
                label.setdefault(item, n)
    fresh = len(label) + 10_000_000
    for item in universe:  # left out of every predicted cluster: alone
        if item not in label:
            label[item] = fresh
            fresh += 1
    return label


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def pair_counts(gold: Grouping, predicted: Grouping) -> dict[str, int]:
    """True positive, false positive and false negative pairs."""
    universe = sorted({a for g in gold for a in g})
    g, p = _labels(gold, universe), _labels(predicted, universe)
    # Pairs counted from cluster sizes (n choose 2), so this is linear, not quadratic.
    cells = Counter((g[a], p[a]) for a in universe)
    tp = sum(comb(n, 2) for n in cells.values())
    joined_p = sum(comb(n, 2) for n in Counter(p.values()).values())
    joined_g = sum(comb(n, 2) for n in Counter(g.values()).values())
    return {"tp": tp, "fp": joined_p - tp, "fn": joined_g - tp}


def bcubed_sums(gold: Grouping, predicted: Grouping) -> dict[str, Any]:
    """Summed per-article B-cubed precision and recall, and how many articles."""
    universe = sorted({a for g in gold for a in g})
    g, p = _labels(gold, universe), _labels(predicted, universe)
    members_g: dict[int, set[str]] = {}
    members_p: dict[int, set[str]] = {}
    for a in universe:
        members_g.setdefault(g[a], set()).add(a)
        members_p.setdefault(p[a], set()).add(a)
    precision = recall = 0.0
    for a in universe:
        same_p, same_g = members_p[p[a]], members_g[g[a]]
        both = len(same_p & same_g)
        precision += both / len(same_p)
        recall += both / len(same_g)
    return {"precision_sum": precision, "recall_sum": recall, "items": len(universe)}


def cluster_scores(pairs: dict[str, int], bcubed: dict[str, Any]) -> dict[str, Any]:
    """Rates from (possibly pooled) counts: pairwise and B-cubed precision, recall, F1."""
    pp = _rate(pairs["tp"], pairs["tp"] + pairs["fp"])
    pr = _rate(pairs["tp"], pairs["tp"] + pairs["fn"])
    bp = _rate(bcubed["precision_sum"], bcubed["items"])
    br = _rate(bcubed["recall_sum"], bcubed["items"])
    return {
        "pairwise": {"precision": pp, "recall": pr, "f1": _f1(pp, pr), **pairs},
        "bcubed": {"precision": bp, "recall": br, "f1": _f1(bp, br), "articles": bcubed["items"]},
    }


def score_grouping(gold: Grouping, predicted: Grouping) -> dict[str, Any]:
    return cluster_scores(pair_counts(gold, predicted), bcubed_sums(gold, predicted))


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
