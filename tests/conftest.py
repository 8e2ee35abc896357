"""Shared fixtures: a real OpenAI-compatible HTTP server on 127.0.0.1, scripted per test.

The whole openai + instructor + tenacity stack runs against it unchanged; tests assert on
the requests it actually received.
"""

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeServer, Reply, article_of, completion

__all__ = ["FakeServer", "Reply", "article_of", "completion"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
# The seed gold case, vendored so the suite reads nothing outside the repository.
SEED_GOLD = FIXTURES / "seeds_gold.json"
SEED_RESPONSES: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "seed_responses.json").read_text()
)
# A phrase from each seed that tells the fake server which article it is reading.
SEED_MARKERS = {
    "Dependable NG": "000_a811bb327bddb04a.txt",
    "Read Also": "003_66221fe93d3e27fe.txt",
}


def seed_reply(request: dict[str, Any]) -> Reply:
    """What the embedded model really answered for each seed article."""
    text = "\n".join(m.get("content") or "" for m in request["messages"])
    for marker, name in SEED_MARKERS.items():
        if marker in text:
            r = SEED_RESPONSES[name]
            return Reply(
                body=completion(
                    r["content"],
                    prompt_tokens=r["prompt_tokens"],
                    completion_tokens=r["completion_tokens"],
                )
            )
    return Reply(status=400, body={"error": {"message": "unknown article"}})


@pytest.fixture(scope="session", autouse=True)
def gazetteer_index() -> Path:
    """One gazetteer index for the whole session, in the user's cache (built there once,
    about 12 s, and reused by later sessions): tests that isolate their cache directory
    must not rebuild it. benchmarks/ records its build time."""
    from summarizer.normalize.gazetteer import index_path

    path = index_path()
    os.environ["SUMMARIZER_GAZETTEER"] = str(path)
    return path


@pytest.fixture
def server() -> Iterator[FakeServer]:
    s = FakeServer()
    s.handler = seed_reply
    yield s
    s.close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: FakeServer) -> dict[str, str]:
    """Environment pointing the library at the fake server, with an isolated cache."""
    values = {
        "SUMMARIZER_MODEL": "openai/test-model",
        "OPENAI_BASE_URL": server.url,
        "OPENAI_API_KEY": "sk-test-PLANTED-SECRET-0123456789",
        "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
        "SUMMARIZER_TIMEOUT": "5",
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    return values
