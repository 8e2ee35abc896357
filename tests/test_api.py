"""The Python API as README shows it, and its error boundaries, on the loopback server."""

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_RESPONSES, SEEDS, FakeServer, Reply, completion, seed_reply
from fakes import scripted

from summarizer import (
    Article,
    DailyBrief,
    IncidentBrief,
    InputError,
    ModelError,
    Options,
    OutputError,
    TransportError,
    UserError,
    adaily_brief,
    asummarize,
    daily_brief,
    summarize,
)


def _cost(price_in: float, price_out: float) -> float:
    """Each call's cost rounded to 1e-6 USD, as the pipeline records it, then summed."""
    return sum(
        round((r["prompt_tokens"] * price_in + r["completion_tokens"] * price_out) / 1e6, 6)
        for r in SEED_RESPONSES.values()
    )


PROMPT = sum(r["prompt_tokens"] for r in SEED_RESPONSES.values())  # 849 + 905
COMPLETION = sum(r["completion_tokens"] for r in SEED_RESPONSES.values())  # 212 + 188
GAO = "Gunmen attacked the central market in Gao"
GAO_TEXT = f"{GAO} on Monday, killing 4 traders and wounding 9, officials in Mali said.\n"
GAO_FACTS: dict[str, dict[str, Any]] = {
    GAO: {"event_type": "violence_against_civilians", "date_text": "on Monday",
          "country": "Mali", "town": "Gao", "perpetrators": ["Gunmen"], "targets": ["traders"],
          "killed": "killing 4 traders", "injured": "wounding 9"},
}  # fmt: skip


def _check_seed_brief(brief: IncidentBrief) -> None:
    assert isinstance(brief, IncidentBrief)
    assert brief.killed.best == 20 and brief.date is not None
    assert brief.date.label() == "2025-11-07"
    assert brief.location is not None and brief.location.name == "Soumpi"
    assert {c.rule for c in brief.conflicts} >= {"date.intersection"}
    assert json.loads(brief.model_dump_json())["model"] == "openai/test-model"


def test_summarize_paths_as_readme_shows(env: dict[str, str], server: FakeServer) -> None:
    _check_seed_brief(summarize([str(SEEDS)]))
    assert len(server.requests) == 2


def test_asummarize_is_the_async_twin(env: dict[str, str], server: FakeServer) -> None:
    _check_seed_brief(asyncio.run(asummarize([SEEDS], use_cache=False)))
    assert len(server.requests) == 2


def test_summarize_article_objects(env: dict[str, str], server: FakeServer) -> None:
    server.handler = scripted(GAO_FACTS)
    brief = summarize(
        [Article(id="a", text=GAO_TEXT, published="2025-03-04")], model="openai/test-model"
    )
    assert brief.killed.best == 4 and brief.injured.best == 9
    assert brief.date is not None and brief.date.label() == "2025-03-03"  # Monday before
    assert brief.country is not None and brief.country.name == "Mali"
    assert brief.title.startswith("Violence against civilians in Gao, Mali: at least 4 killed")
    assert [s.id for s in brief.sources] == ["a"]


def test_summarize_inside_a_running_event_loop(env: dict[str, str], server: FakeServer) -> None:
    async def caller() -> IncidentBrief:
        return summarize([str(SEEDS)])

    _check_seed_brief(asyncio.run(caller()))


def test_daily_brief_and_its_async_twin(env: dict[str, str], server: FakeServer) -> None:
    daily, stats = daily_brief([SEEDS], Options(use_cache=False))
    assert isinstance(daily, DailyBrief) and len(daily.incidents) == 1
    assert daily.articles == 2 and daily.failures == []
    assert stats.live.calls == 2 and stats.cached == 0 and stats.model == "openai/test-model"
    again, stats = asyncio.run(adaily_brief([SEEDS], Options(use_cache=False)))
    assert again.model_dump_json() == daily.model_dump_json() and stats.live.calls == 2


def test_every_bad_input_is_named(env: dict[str, str], server: FakeServer, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text(" \n")
    with pytest.raises(InputError) as caught:
        summarize([SEEDS, tmp_path / "empty.txt", tmp_path / "missing.txt"])
    assert [e.source for e in caught.value.parts] == [str(tmp_path / "missing.txt"), "empty.txt"]
    assert "empty.txt: empty article" in str(caught.value)
    assert "missing.txt: no such file or folder" in str(caught.value)
    assert server.requests == []  # refused before any model call


def test_every_failed_article_is_reported(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    """Both articles die on HTTP 400: the error names both, typed as a transport failure."""
    server.handler = lambda _: Reply(status=400, body={"error": {"message": "bad"}})
    with pytest.raises(TransportError) as caught:
        summarize([SEEDS], use_cache=False)
    assert caught.value.kind == "transport"
    assert sorted(f.source for f in caught.value.failures) == [
        "000_a811bb327bddb04a.txt",
        "003_66221fe93d3e27fe.txt",
    ]
    assert "000_a811bb327bddb04a.txt" in str(caught.value)
    assert "003_66221fe93d3e27fe.txt" in str(caught.value)


def test_partial_failures_are_all_warnings(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    for n in (1, 2):
        (tmp_path / f"junk{n}.txt").write_text(f"Garbled text number {n} about an attack.\n")
    brief = summarize([SEEDS, tmp_path], use_cache=False)  # the junk gets HTTP 400
    failed = [w for w in brief.warnings if "the endpoint answered HTTP 400" in w]
    assert sorted(w.split(":")[0] for w in failed) == ["junk1.txt", "junk2.txt"]


def test_invalid_output_is_an_output_error(env: dict[str, str], server: FakeServer) -> None:
    server.handler = lambda _: Reply(body=completion('{"is_incident": "maybe"}'))
    with pytest.raises(OutputError) as caught:
        summarize([Article(id="x", text=GAO_TEXT)], use_cache=False)
    assert isinstance(caught.value, ModelError) and caught.value.kind == "model"
    assert [f.kind for f in caught.value.failures] == ["model"]
    assert len(server.requests) == 2  # the call and instructor's one re-ask


def test_user_errors_come_before_any_model_call(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UserError, match="unknown model 'acme/big'"):
        summarize([SEEDS], model="acme/big")
    with pytest.raises(UserError, match="no articles given"):
        summarize([])
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "soon")
    with pytest.raises(UserError, match="SUMMARIZER_TIMEOUT"):
        summarize([SEEDS])
    assert server.requests == []


def test_stdin_is_an_article(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    server.handler = scripted(GAO_FACTS)
    monkeypatch.setattr("sys.stdin", io.StringIO(GAO_TEXT))
    brief = summarize(["-"], published=None, use_cache=False)
    assert [s.id for s in brief.sources] == ["stdin"] and brief.killed.best == 4


# The price table: cost from the built-in table, overridden by SUMMARIZER_PRICES.


def test_cost_comes_from_the_price_table(env: dict[str, str], server: FakeServer) -> None:
    daily, stats = daily_brief([SEEDS], Options(model="openai/gpt-4o-mini", use_cache=False))
    expected = _cost(0.15, 0.60)
    assert expected == pytest.approx((PROMPT * 0.15 + COMPLETION * 0.60) / 1e6, abs=2e-6)
    assert daily.usage.cost_usd == pytest.approx(expected)
    assert stats.live.cost_usd == pytest.approx(expected)


def test_price_override_and_unknown_model(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    daily, _ = daily_brief([SEEDS], Options(use_cache=False))
    assert daily.usage.cost_usd is None  # openai/test-model is in no table: unknown, not 0
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/test-model": [1.0, 2.0]}')
    daily, _ = daily_brief([SEEDS], Options(use_cache=False))
    assert daily.usage.cost_usd == pytest.approx(_cost(1.0, 2.0))
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/gpt-4o-mini": [10, 20]}')
    daily, _ = daily_brief([SEEDS], Options(model="openai/gpt-4o-mini", use_cache=False))
    assert daily.usage.cost_usd == pytest.approx(_cost(10, 20))


@pytest.mark.parametrize(
    "value", ["not json", '["openai/x", 1, 2]', '{"openai/x": [1]}', '{"openai/x": [-1, 2]}']
)
def test_malformed_prices_fail_before_any_request(
    value: str, env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", value)
    with pytest.raises(UserError, match="SUMMARIZER_PRICES is malformed"):
        summarize([SEEDS], use_cache=False)
    assert server.requests == []


# The run-wide transport retry budget.


def test_retry_budget_is_shared_by_the_whole_run(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every request gets a 503; each may retry 3 times, but the run has 2 retries in all."""
    monkeypatch.setattr("summarizer._llm.DEFAULT_RUN_RETRY_BUDGET", 2)
    server.handler = lambda _: Reply(
        status=503, body={"error": {"message": "busy"}}, headers={"retry-after": "0"}
    )
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"{GAO} number {n}, killing 4 traders.\n")
    daily, _ = daily_brief([tmp_path], Options(use_cache=False, concurrency=1))
    assert [f.kind for f in daily.failures] == ["transport"] * 3
    assert len(server.requests) == 3 + 2  # one first attempt each, plus the budget


def test_retries_within_budget_recover(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 503 then success, per article: each retried once, all briefed."""
    seen: set[str] = set()

    def flaky(request: dict[str, Any]) -> Reply:
        text = json.dumps(request["messages"])
        if text not in seen:
            seen.add(text)
            return Reply(status=503, body={}, headers={"retry-after": "0"})
        return seed_reply(request)

    server.handler = flaky
    daily, stats = daily_brief([SEEDS], Options(use_cache=False, concurrency=1))
    assert daily.failures == [] and len(daily.incidents) == 1
    assert len(server.requests) == 4 and stats.live.calls == 2
