"""Embedded model benchmark: seconds, tokens and tokens/s per seed article, peak memory,
our wall time against llama.cpp's own timings for the same request, and the prompt-cache
gain on the second article (the system prompt is a stable, cached prefix).

    python benchmarks/embedded.py [ARTICLE...]      (default: seeds/*.txt)
"""

import json
import resource
import sys
import time
import urllib.request
from pathlib import Path

from summarizer._embedded import server_url
from summarizer.articles import load_articles
from summarizer.extract import VerifiedExtraction, render_messages


def main() -> None:
    paths = sys.argv[1:] or sorted(
        str(p) for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")
    )
    articles, _ = load_articles(paths)
    start = time.perf_counter()
    url = server_url()
    print(f"server ready in {time.perf_counter() - start:.1f} s (join/verify + load)")
    schema = VerifiedExtraction.model_json_schema()
    for article in articles:
        body = {
            "model": "qwen2.5-coder-1.5b", "messages": render_messages(article, article.text),
            "temperature": 0, "seed": 0, "max_tokens": 700,
            "response_format": {"type": "json_schema", "json_schema": {"name": "Extraction", "schema": schema}},
        }  # fmt: skip
        request = urllib.request.Request(
            f"{url}/chat/completions",
            json.dumps(body).encode(),
            {"content-type": "application/json"},
        )
        t0 = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as response:
            data = json.load(response)
        wall = time.perf_counter() - t0
        timings = data.get("timings", {})
        server_ms = timings.get("prompt_ms", 0) + timings.get("predicted_ms", 0)
        usage = data["usage"]
        print(
            f"{article.id}: {wall:.1f} s wall, prompt {usage['prompt_tokens']} tok "
            f"({timings.get('cache_n', 0)} from cache, {timings.get('prompt_per_second', 0):.0f} tok/s), "
            f"generated {usage['completion_tokens']} tok ({timings.get('predicted_per_second', 0):.1f} tok/s), "
            f"wall / llama.cpp = {wall / (server_ms / 1000):.3f}x"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
