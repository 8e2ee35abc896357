"""P4: reconcile + cluster + render for 1k to 10k pre-extracted reports (no model).

The reports come from a synthetic day (benchmarks/_synthetic.py) through the real
normalisers, so names, places and dates look like what extraction produces. Target: 10,000
reports in <= 2 s, growing about linearly (no quadratic blow-up).

    python benchmarks/scale.py [--sizes 1000,2000,5000,10000]
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import articles, extraction

from summarizer.articles import Article
from summarizer.cluster import cluster
from summarizer.extract import IncidentAnswer, to_report
from summarizer.kinds.registry import load_kind
from summarizer.reconcile import reconcile
from summarizer.render import render_markdown, severity_key
from summarizer.schemas import ArticleReport, DailyBrief, Extraction


def reports(count: int) -> list[ArticleReport]:
    out = []
    for record in articles(count, seed=11):
        article = Article.model_validate(record)
        answer = cast(IncidentAnswer, Extraction.model_validate(extraction(article.text)))
        out.append(to_report(article, answer, []))
    return out


def brief_of(day: list[ArticleReport], version: str) -> str:
    incidents = [reconcile(g, prompt_version=version) for g in cluster(day)]
    incidents.sort(key=severity_key)
    return render_markdown(DailyBrief(articles=len(day), incidents=incidents))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    previous = None
    version = load_kind().prompt_version  # once, as the pipeline does (a kind loads in ~20 ms)
    for n in sizes:
        day = reports(n)
        start = time.perf_counter()
        text = brief_of(day, version)
        wall = time.perf_counter() - start
        tracemalloc.start()
        brief_of(day, version)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        growth = ""
        if previous:
            growth = f", x{wall / previous[1]:.2f} time for x{n / previous[0]:.1f} reports"
        incidents = text.count("\n## ")
        print(f"P4 {n:>6} reports -> {incidents} incidents: {wall:.2f} s, "
              f"{wall / n * 1e6:.0f} us/report, peak {peak:.0f} MiB traced{growth}")  # fmt: skip
        previous = (n, wall)


if __name__ == "__main__":
    main()
