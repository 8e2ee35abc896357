"""Embedded model benchmark, old against new configuration in one run, interleaved.

Per article (seeds, a mixed set of dev articles and non-incident texts): prompt and
completion tokens, prompt tokens reused from llama.cpp's cache, speculative drafts
accepted, seconds, and our wall time against llama.cpp's own timings. Then the dev-case
per-field scores of the pipeline and of the naive baseline (same model, same run).

    python benchmarks/embedded.py [--mixed N] [--cases N] [--old SPEC@PROMPT] [--new ...]

A configuration is [RUNTIME/]SPEC@PROMPT: optionally a runtime (xllamacpp, native or a
llama-server path, see summarizer._embedded.runtime; default as SUMMARIZER_EMBEDDED_RUNTIME
says), a llama.cpp speculation setting (see summarizer._embedded.parse_spec; "none" is
plain decoding) and a prompt version; the old one (today's until issue 14) is
xllamacpp/none@extract-v2 with its schema order.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ConfigDict

from summarizer._embedded import server_url
from summarizer.articles import Article, load_articles
from summarizer.evaluate.run import EvalOptions, evaluate
from summarizer.kinds.prompt import render_messages
from summarizer.kinds.registry import load_kind
from summarizer.schemas import Extraction

sys.path.insert(0, str(Path(__file__).resolve().parent))
from naive_baseline import run_naive

PROMPT_VERSION = load_kind("conflict").prompt_version
ROOT = Path(__file__).resolve().parent.parent
# The development cases beside the checkout (../shared, as the guide lays it out) and their
# texts, retrieved separately and never committed (SUMMARIZER_DEV_TEXTS).
DEV = Path(os.environ.get("SUMMARIZER_DEV_GOLD", ROOT.parent / "shared" / "gold" / "dev"))
DEV_TEXTS = Path(os.environ.get("SUMMARIZER_DEV_TEXTS", ROOT.parent / "devtexts"))


# extract-v2's schema had one branch: the kind's schema without its two-branch declaration.
_OneBranch = cast(
    type[BaseModel],
    type(
        "Extraction",
        (Extraction,),
        {"model_config": ConfigDict(title="Extraction", json_schema_extra=None)},
    ),
)


def legacy_schema() -> dict[str, Any]:
    """The schema as extract-v2 sent it: one branch, event type second, most fields
    optional."""
    schema = _OneBranch.model_json_schema()
    props = schema["properties"]
    order = [
        "is_incident",
        "event_type",
        *[k for k in props if k not in ("is_incident", "event_type")],
    ]
    schema["properties"] = {k: props[k] for k in order}
    schema["required"] = ["is_incident", "event_type", "title", "summary"]
    return schema


def request(url: str, article: Article, prompt: str) -> dict[str, Any]:
    messages, slots = render_messages(article, article.text, version=prompt)
    for m in messages:  # instructor fills the slots the same way
        m["content"] = (
            m["content"]
            .replace("{{ article }}", slots["article"])
            .replace("{{ title }}", slots["title"])
        )
    schema = legacy_schema() if prompt == "extract-v2" else Extraction.model_json_schema()
    body = {
        "model": "qwen2.5-coder-1.5b", "messages": messages,
        "temperature": 0, "seed": 0, "max_tokens": 700,
        "response_format": {"type": "json_schema", "json_schema": {"name": "Extraction", "schema": schema}},
    }  # fmt: skip
    req = urllib.request.Request(
        f"{url}/chat/completions", json.dumps(body).encode(), {"content-type": "application/json"}
    )
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=900) as response:
        data: dict[str, Any] = json.load(response)
    data["wall"] = time.perf_counter() - t0
    return data


def mixed_set(count: int) -> list[Article]:
    """Seeds, then the first article of `count` dev cases, then non-incident texts."""
    paths = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    cases = sorted(p for p in DEV_TEXTS.glob("*") if p.is_dir())[:count]
    paths += [str(c / "1.txt") for c in cases]
    paths += sorted(str(p) for p in (ROOT / "benchmarks" / "texts").glob("*.txt"))
    articles, errors = load_articles(paths)
    for e in errors:
        print(f"skipped: {e}")
    return articles


def timing(articles: list[Article], configs: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    servers = [c.partition("@")[0] for c in configs.values()]
    if len(set(servers)) < len(servers):  # one server per setting: two prompts would evict
        sys.exit("each configuration needs its own runtime or speculation (one server each)")
    urls = {}
    for label, config in configs.items():
        runtime, _, spec = config.partition("@")[0].rpartition("/")
        t0 = time.perf_counter()
        urls[label] = server_url(spec, runtime or None)
        print(f"{label} ({config}): server ready in {time.perf_counter() - t0:.1f} s")
    rows: dict[str, list[dict[str, Any]]] = {label: [] for label in configs}
    for article in articles:
        for label, config in configs.items():  # interleaved: same load for both
            data = request(urls[label], article, config.partition("@")[2])
            t, u = data.get("timings", {}), data["usage"]
            server_s = (t.get("prompt_ms", 0) + t.get("predicted_ms", 0)) / 1000
            content = data["choices"][0]["message"]["content"] or ""
            row = {
                "article": article.id, "prompt": u["prompt_tokens"], "cached": t.get("cache_n", 0),
                "completion": u["completion_tokens"], "drafted": t.get("draft_n", 0),
                "accepted": t.get("draft_n_accepted", 0), "seconds": data["wall"],
                "ratio": data["wall"] / server_s if server_s else 0.0,
                "prompt_s": t.get("prompt_ms", 0) / 1000, "gen_s": t.get("predicted_ms", 0) / 1000,
                "incident": '"is_incident": true' in content.replace("\n", " ") or '"is_incident":true' in content,
            }  # fmt: skip
            row["content"] = content
            rows[label].append(row)
            accept = f"{row['accepted']}/{row['drafted']}" if row["drafted"] else "-"
            print(
                f"{label:4} {article.id[:34]:34} prompt {row['prompt']:5} (cache {row['cached']:4}) "
                f"gen {row['completion']:4} spec {accept:>9} {row['seconds']:6.1f} s "
                f"(prompt {row['prompt_s']:.1f} s, gen {row['gen_s']:.1f} s) "
                f"x{row['ratio']:.3f} incident={row['incident']}"
            )
    for label, r in rows.items():
        inc = [x["seconds"] for x in r if x["incident"]]
        non = [x["seconds"] for x in r if not x["incident"]]
        drafted = sum(x["drafted"] for x in r)
        print(
            f"{label}: median {statistics.median(x['seconds'] for x in r):.1f} s/article, "
            f"incident {statistics.median(inc) if inc else 0:.1f} s, non-incident "
            f"{statistics.median(non) if non else 0:.1f} s, generated "
            f"{sum(x['completion'] for x in r)} tok, acceptance "
            f"{sum(x['accepted'] for x in r) / drafted if drafted else 0:.2f}"
        )
    return rows


def scores(cases: int) -> dict[str, Any]:
    paths = sorted(p for p in DEV.glob("*.json") if p.name != "dev-mix.json")[:cases]
    t0 = time.perf_counter()
    pipeline = evaluate(paths, EvalOptions(articles_root=DEV_TEXTS, use_cache=False))
    t1 = time.perf_counter()
    naive = run_naive(paths, DEV_TEXTS)
    t2 = time.perf_counter()
    print(
        f"\ndev cases: {len(paths)} ({PROMPT_VERSION}); pipeline {t1 - t0:.0f} s, naive {t2 - t1:.0f} s"
    )
    print(f"{'field':14} {'pipeline':>9} {'naive':>9}")
    for name in pipeline.fields | naive["fields"]:
        stats = pipeline.fields.get(name)
        p, inv = (stats.score, stats.invented) if stats else (None, 0)
        n = naive["fields"].get(name, {}).get("score")
        print(
            f"{name:14} {p if p is not None else '-':>9} {n if n is not None else '-':>9}  invented {inv}"
        )
    print(f"{'overall':14} {pipeline.overall!s:>9} {naive['overall']:>9}")
    return {"pipeline": pipeline.model_dump(mode="json"), "naive": naive}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default="xllamacpp/none@extract-v2")
    # "none:0" is plain decoding too, on a server of its own: each configuration keeps its
    # own prompt cache, so old and new never evict each other's.
    parser.add_argument("--new", default=f"none:0@{PROMPT_VERSION}")
    parser.add_argument("--also", action="append", default=[], help="more SPEC@PROMPT")
    parser.add_argument("--mixed", type=int, default=6, help="dev cases in the mixed set")
    parser.add_argument("--cases", type=int, default=12, help="dev cases scored (0: none)")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    out: dict[str, Any] = {}
    if not args.no_timing:
        configs = {"old": args.old, "new": args.new}
        configs |= {f"c{i}": c for i, c in enumerate(args.also, 1)}
        configs = {k: c if "@" in c else f"{c}@{PROMPT_VERSION}" for k, c in configs.items()}
        out["timing"] = timing(mixed_set(args.mixed), configs)
    if args.cases:
        out["scores"] = scores(args.cases)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
