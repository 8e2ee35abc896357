"""A small draft model for llama.cpp's speculative decoding, measured (issue 14).

Starts llama-server (a compiled one: the `native` extra, or any path) three ways on
127.0.0.1 and sends the embedded benchmark's mixed set to each in turn, interleaved:
the embedded model alone; the embedded model with DRAFT as its speculative draft; DRAFT
alone as the main model. Prints per article the prompt and generation seconds and the
drafts accepted, then the median seconds and, for DRAFT alone, how many answers were
`is_incident: false` (a smaller model that gives up is no faster where it counts).

    python benchmarks/draft_model.py --draft DRAFT.gguf [--server llama-server] [--mixed N]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from summarizer._embedded import CONTEXT_TOKENS, ensure_model, runtime
from summarizer.articles import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedded import PROMPT_VERSION, mixed_set, request


def start(server: Path, port: int, model_args: list[str]) -> subprocess.Popen[bytes]:
    threads = str(os.cpu_count() or 2)
    args = [str(server), *model_args, "--ctx-size", str(CONTEXT_TOKENS), "--parallel", "1",
            "--threads", threads, "--threads-batch", threads, "--temp", "0", "--seed", "0",
            "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    sys.exit(f"{server} did not serve on port {port}")


def interleaved(
    server: Path, configs: dict[str, list[str]], articles: list[Article], port: int
) -> dict[str, list[dict[str, Any]]]:
    """Start `server` once per configuration (its arguments), from `port` on, send each
    article to every one in turn and print each request's timings; the responses, by
    configuration, in article order."""
    ports = {name: port + i for i, name in enumerate(configs)}
    servers = [start(server, ports[name], args) for name, args in configs.items()]
    responses: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    try:
        for article in articles:
            for name, at in ports.items():
                data = request(f"http://127.0.0.1:{at}/v1", article, PROMPT_VERSION)
                responses[name].append(data)
                t = data["timings"]
                print(
                    f"{name:17} {article.id[:28]:28} prompt {t['prompt_n']:5} "
                    f"{t['prompt_ms'] / 1000:5.1f} s, gen {t['predicted_n']:4} "
                    f"{t['predicted_ms'] / 1000:5.1f} s, drafts accepted "
                    f"{t.get('draft_n_accepted', 0)}/{t.get('draft_n', 0)}, {data['wall']:.1f} s",
                    flush=True,
                )
    finally:
        for process in servers:
            process.terminate()
    return responses


def answer(data: dict[str, Any]) -> str:
    return str(data["choices"][0]["message"]["content"] or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", type=Path, required=True, help="a GGUF of the same tokenizer")
    parser.add_argument("--server", type=Path, help="llama-server (default: the native extra's)")
    parser.add_argument("--draft-max", type=int, default=8)
    parser.add_argument("--mixed", type=int, default=3)
    args = parser.parse_args()
    server = args.server or runtime({"SUMMARIZER_EMBEDDED_RUNTIME": "native"})[1]
    assert server is not None
    model = str(ensure_model())
    configs = {
        "alone": ["--model", model],
        "drafted": ["--model", model, "--model-draft", str(args.draft), "--spec-type",
                    "draft-simple", "--spec-draft-n-max", str(args.draft_max)],
        "small": ["--model", str(args.draft)],
    }  # fmt: skip
    responses = interleaved(server, configs, mixed_set(args.mixed), 18700)
    seconds = {name: [data["wall"] for data in found] for name, found in responses.items()}
    gave_up = sum('"is_incident":false' in answer(d).replace(" ", "") for d in responses["small"])
    for name, s in seconds.items():
        print(f"{name}: median {statistics.median(s):.2f} s, total {sum(s):.1f} s")
    print(f"small: is_incident false on {gave_up} of {len(seconds['small'])} articles")


if __name__ == "__main__":
    main()
