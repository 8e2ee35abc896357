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
from draft_model import answer, interleaved
from embedded import mixed_set

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
    configs = {name: model + extra for name, extra in SETTINGS.items()}
    responses = interleaved(server, configs, mixed_set(args.mixed), PORT)
    seconds = {name: [data["wall"] for data in found] for name, found in responses.items()}
    plain = [answer(data) for data in responses["none"]]
    for name, s in seconds.items():
        same = sum(answer(d) == a for d, a in zip(responses[name], plain, strict=True))
        print(f"{name}: median {statistics.median(s):.2f} s, total {sum(s):.1f} s, "
              f"answers as plain decoding's {same} of {len(s)}")  # fmt: skip


if __name__ == "__main__":
    main()
