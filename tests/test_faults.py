"""The fault matrix: one article of three meets a fault; the other two are always briefed.

Each fault runs the real openai + instructor + tenacity stack against the loopback server,
in bounded time, and ends as one clear failure line naming the article.
"""

import json
import socket
import time
from typing import Any

import pytest
from clirun import invoke
from conftest import SEEDS, FakeServer, Reply, completion, seed_reply

VICTIM = "victim.txt"
VICTIM_TEXT = "Gunmen attacked the market in Gao on Monday, killing 4 traders, officials said.\n"


def _batch(tmp_path: Any) -> list[str]:
    (tmp_path / VICTIM).write_text(VICTIM_TEXT)
    return [
        str(SEEDS / "000_a811bb327bddb04a.txt"),
        str(SEEDS / "003_66221fe93d3e27fe.txt"),
        str(tmp_path / VICTIM),
    ]


def _route(fault: Any) -> Any:
    def handler(request: dict[str, Any]) -> Reply:
        if "Gunmen attacked the market" in json.dumps(request["messages"]):
            return fault(request) if callable(fault) else fault
        return seed_reply(request)

    return handler


VALID_VICTIM = json.dumps({
    "is_incident": True, "event_type": "violence_against_civilians", "date_text": "on Monday",
    "country": None, "region": None, "town": "Gao", "perpetrators": ["Gunmen"],
    "targets": ["traders"], "killed": "killing 4 traders", "injured": None, "missing": None,
    "kidnapped": None, "title": "Gunmen kill 4 traders in Gao", "summary": "Gunmen killed 4.",
})  # fmt: skip

FAULTS = {
    "not_json": (Reply(body=completion("Sure! Here are the facts: killed 4")), "invalid output"),
    "schema_fails": (Reply(body=completion('{"is_incident": "maybe"}')), "invalid output"),
    "truncated": (Reply(body=completion('{"is_incident": true, "event_ty', finish_reason="length")),
                  "truncated JSON"),
    "no_choices": (Reply(body=completion(None, choices=False)), "victim.txt"),
    "http_500": (Reply(status=500, body={"error": {"message": "boom"}}), "HTTP 500"),
    "http_502_html": (Reply(status=502, body="<html><body>Bad Gateway</body></html>"), "HTTP 502"),
    "timeout": (Reply(body=completion(VALID_VICTIM), delay=3.0), "timeout"),
}  # fmt: skip


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_costs_one_article(
    fault: str,
    env: dict[str, str],
    server: FakeServer,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reply, reason = FAULTS[fault]
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "1")
    server.handler = _route(reply)
    start = time.monotonic()
    result = invoke(["brief", *_batch(tmp_path), "--no-cache"], code=1)
    assert time.monotonic() - start < 60
    assert "Soumpi" in result.stdout and "## Failures" in result.stdout
    failure_lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failure_lines) == 1 and VICTIM in failure_lines[0] and reason in failure_lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert "Max retries exceeded" not in result.stderr  # instructor's own log lines stay out
    assert env["OPENAI_API_KEY"] not in result.stdout + result.stderr


def test_429_with_retry_after_waits_then_succeeds(
    env: dict[str, str], server: FakeServer, tmp_path: Any
) -> None:
    calls = {"n": 0}

    def flaky(request: dict[str, Any]) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return Reply(
                status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "1"}
            )
        return Reply(body=completion(VALID_VICTIM))

    server.handler = _route(flaky)
    start = time.monotonic()
    result = invoke(["brief", *_batch(tmp_path), "--no-cache"], code=0)
    assert time.monotonic() - start >= 1.0 and calls["n"] == 2
    assert "Gao" in result.stdout


def test_connection_refused_fails_every_article_cleanly(
    env: dict[str, str], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    result = invoke(["brief", *_batch(tmp_path), "--no-cache"], code=1)
    lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(lines) == 3 and all("cannot connect" in line for line in lines)


def test_verbose_shows_the_last_invalid_output(
    env: dict[str, str], server: FakeServer, tmp_path: Any
) -> None:
    server.handler = _route(Reply(body=completion('{"is_incident": "maybe"}')))
    result = invoke(["brief", *_batch(tmp_path), "--no-cache", "-v"], code=1)
    assert 'output: {"is_incident": "maybe"}' in result.stderr
    reasks = [r for r in server.requests if "Gunmen attacked" in json.dumps(r["messages"])]
    assert len(reasks) == 2 and len(reasks[1]["messages"]) == len(reasks[0]["messages"]) + 2


def test_planted_key_never_written(env: dict[str, str], server: FakeServer, tmp_path: Any) -> None:
    out = tmp_path / "brief.md"
    server.handler = _route(Reply(status=500, body={"error": {"message": "boom"}}))
    result = invoke(["brief", *_batch(tmp_path), "-o", str(out), "-v"], code=1)
    key = env["OPENAI_API_KEY"]
    assert key not in result.stdout + result.stderr
    for path in [out, *tmp_path.joinpath("cache").rglob("*")]:
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path
