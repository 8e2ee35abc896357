"""P1-P3 of the daily-brief benchmarks, against a loopback OpenAI-compatible server.

P1  model calls per article when every output is valid (target 1.00).
P2  64 articles, the server answering each after a fixed 1 s delay, concurrency 16:
    wall time against the ideal 4 s (target <= 1.2x), and against sequential.
P3  a re-run of 200 cached articles: wall time (target <= 1 s) and model calls (target 0),
    in-process and through the CLI.

    python benchmarks/throughput.py [--skip-sequential]

The whole openai + instructor + tenacity stack runs; only the model is scripted.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import articles, scripted_model
from fakes import FakeServer

from summarizer.api import Options, daily_brief
from summarizer.render import render_markdown

KEY = "sk-bench-not-a-real-key"


def _feed(folder: Path, count: int) -> Path:
    path = folder / f"feed-{count}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles(count)))
    return path


def _options(server: FakeServer, **kw: object) -> Options:
    return Options(model="openai/bench", base_url=server.url, api_key=KEY, **kw)  # type: ignore[arg-type]


def p1_p2(folder: Path, skip_sequential: bool) -> None:
    server = FakeServer()
    server.handler = scripted_model(delay=1.0)
    feed = _feed(folder, 64)
    try:
        start = time.perf_counter()
        brief, _stats = daily_brief([feed], _options(server, concurrency=16, use_cache=False))
        cold = time.perf_counter() - start
        calls = len(server.requests)
        print(f"P1 calls per article: {calls / brief.articles:.2f} ({calls} calls, "
              f"{brief.articles} articles, {len(brief.failures)} failures)")  # fmt: skip
        start = time.perf_counter()
        daily_brief([feed], _options(server, concurrency=16, use_cache=False))
        wall = time.perf_counter() - start
        print(f"P2 64 articles at concurrency 16, 1 s per call: {wall:.2f} s = "
              f"{wall / 4.0:.2f}x the ideal 4 s (process warm); first run in a fresh "
              f"process {cold:.2f} s = {cold / 4.0:.2f}x (openai's one-time imports included)")  # fmt: skip
        if not skip_sequential:
            start = time.perf_counter()
            daily_brief([feed], _options(server, concurrency=1, use_cache=False))
            seq = time.perf_counter() - start
            print(f"   sequential (concurrency 1): {seq:.1f} s, {seq / wall:.1f}x slower")
    finally:
        server.close()


def p3(folder: Path) -> None:
    server = FakeServer()
    server.handler = scripted_model()
    feed = _feed(folder, 200)
    cache = folder / "cache.sqlite3"
    try:
        daily_brief([feed], _options(server, concurrency=16, cache_path=cache))
        before = len(server.requests)
        start = time.perf_counter()
        brief, stats = daily_brief([feed], _options(server, cache_path=cache))
        render_markdown(brief)
        wall = time.perf_counter() - start
        calls = len(server.requests) - before
        print(f"P3 re-run of {brief.articles} cached articles in-process: {wall:.3f} s, "
              f"{calls} model calls, {stats.cached} from cache, {len(brief.incidents)} incidents")  # fmt: skip
        env = os.environ | {
            "SUMMARIZER_CACHE_DIR": str(folder / "cli-cache"),
            "OPENAI_BASE_URL": server.url,
            "OPENAI_API_KEY": KEY,
            "SUMMARIZER_MODEL": "openai/bench",
        }
        cmd = [
            sys.executable,
            "-m",
            "summarizer",
            "brief",
            str(feed),
            "-q",
            "-o",
            str(folder / "b.md"),
        ]
        subprocess.run(cmd, env=env, check=False)
        before = len(server.requests)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=False)
        wall = time.perf_counter() - start
        calls = len(server.requests) - before
        print(f"   through the CLI (python start-up and imports included): {wall:.3f} s, "
              f"{calls} model calls")  # fmt: skip
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-sequential", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        p1_p2(Path(tmp), args.skip_sequential)
        p3(Path(tmp))


if __name__ == "__main__":
    main()
