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

from summarizer._embedded import CONTEXT_TOKENS, ensure_model, runtime

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
    servers = {name: start(server, 18700 + i, a) for i, (name, a) in enumerate(configs.items())}
    seconds: dict[str, list[float]] = {name: [] for name in configs}
    gave_up = 0
    try:
        for article in mixed_set(args.mixed):
            for i, name in enumerate(configs):
                data = request(f"http://127.0.0.1:{18700 + i}/v1", article, PROMPT_VERSION)
                t = data["timings"]
                seconds[name].append(data["wall"])
                content = (data["choices"][0]["message"]["content"] or "").replace(" ", "")
                gave_up += name == "small" and '"is_incident":false' in content
                print(
                    f"{name:8} {article.id[:30]:30} prompt {t['prompt_n']:5} "
                    f"{t['prompt_ms'] / 1000:5.1f} s, gen {t['predicted_n']:4} "
                    f"{t['predicted_ms'] / 1000:5.1f} s, drafts accepted "
                    f"{t.get('draft_n_accepted', 0)}/{t.get('draft_n', 0)}, {data['wall']:.1f} s",
                    flush=True,
                )
    finally:
        for process in servers.values():
            process.terminate()
    for name, s in seconds.items():
        print(f"{name}: median {statistics.median(s):.2f} s, total {sum(s):.1f} s")
    print(f"small: is_incident false on {gave_up} of {len(seconds['small'])} articles")


if __name__ == "__main__":
    main()
