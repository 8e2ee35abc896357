"""N-gram speculation on the compiled llama-server, measured (issue 14).

`embedded.py` measures llama.cpp's n-gram speculation on the in-process xllamacpp runtime,
where reading (verifying a draft) is slow. The compiled server reads about twice as fast,
so drafts are cheaper to verify there: this script asks whether they then pay. It starts
the server once per setting on 127.0.0.1 and sends the embedded benchmark's mixed set to
each in turn, interleaved, printing per article the generation seconds and the drafts
accepted, then per setting the median seconds and how many answers are byte-identical to
plain decoding's (a verified draft is computed as a batch, whose sums may round apart).

    python benchmarks/ngram_native.py [--server llama-server] [--mixed N]
"""

import argparse
import statistics
import sys
from pathlib import Path

from summarizer._embedded import ensure_model, runtime

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draft_model import start
from embedded import PROMPT_VERSION, mixed_set, request

# name -> llama-server arguments: short drafts, since a long one is mostly rejected.
SETTINGS = {
    "none": [],
    "ngram-simple 2:4": ["--spec-type", "ngram-simple", "--spec-ngram-simple-size-n", "2",
                         "--spec-ngram-simple-size-m", "4"],
    "ngram-simple 3:8": ["--spec-type", "ngram-simple", "--spec-ngram-simple-size-n", "3",
                         "--spec-ngram-simple-size-m", "8"],
    "ngram-map-k 2:4": ["--spec-type", "ngram-map-k", "--spec-ngram-map-k-size-n", "2",
                        "--spec-ngram-map-k-size-m", "4"],
    "ngram-mod 4:4-16": ["--spec-type", "ngram-mod", "--spec-ngram-mod-n-match", "4",
                         "--spec-ngram-mod-n-min", "4", "--spec-ngram-mod-n-max", "16"],
}  # fmt: skip
PORT = 18800


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", type=Path, help="llama-server (default: the native extra's)")
    parser.add_argument("--mixed", type=int, default=3)
    args = parser.parse_args()
    server = args.server or runtime({"SUMMARIZER_EMBEDDED_RUNTIME": "native"})[1]
    assert server is not None
    model = ["--model", str(ensure_model())]
    ports = {name: PORT + i for i, name in enumerate(SETTINGS)}
    servers = [start(server, ports[name], model + extra) for name, extra in SETTINGS.items()]
    seconds: dict[str, list[float]] = {name: [] for name in SETTINGS}
    answers: dict[str, list[str]] = {name: [] for name in SETTINGS}
    try:
        for article in mixed_set(args.mixed):
            for name, port in ports.items():
                data = request(f"http://127.0.0.1:{port}/v1", article, PROMPT_VERSION)
                t = data["timings"]
                seconds[name].append(data["wall"])
                answers[name].append(data["choices"][0]["message"]["content"] or "")
                print(
                    f"{name:17} {article.id[:28]:28} gen {t['predicted_n']:4} "
                    f"{t['predicted_ms'] / 1000:5.1f} s, drafts accepted "
                    f"{t.get('draft_n_accepted', 0)}/{t.get('draft_n', 0)}, {data['wall']:.1f} s",
                    flush=True,
                )
    finally:
        for process in servers:
            process.terminate()
    for name, s in seconds.items():
        same = sum(a == b for a, b in zip(answers[name], answers["none"], strict=True))
        print(f"{name}: median {statistics.median(s):.2f} s, total {sum(s):.1f} s, "
              f"answers as plain decoding's {same} of {len(s)}")  # fmt: skip


if __name__ == "__main__":
    main()
