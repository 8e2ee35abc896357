"""The prose guard: the model's title and summary never reach the brief as garbage."""

import asyncio
import json
from typing import Any

import pytest
from clirun import invoke
from conftest import SEEDS, FakeServer, Reply, completion, seed_reply

from summarizer._config import resolve_config
from summarizer._llm import LLMClient
from summarizer.articles import load_articles
from summarizer.extract import extract, to_report
from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import prose_problems
from summarizer.schemas import Extraction

CONFLICT = load_kind("conflict")

ARTICLE = "Gunmen killed 12 herders near Inekar on Sunday, residents said. Three were wounded."
RUSSIAN = "Ракетный удар по Сумам: погибли 35 человек, сообщили власти."


def ex(title: str = "Gunmen kill 12 herders", summary: str = "Gunmen killed 12 herders.") -> Any:
    return Extraction(is_incident=True, event_type="violence_against_civilians",
                      killed="killed 12 herders", title=title, summary=summary)  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary", "field", "problem"),
    [
        ("Gunmen kill 12 herders", "Gunmen killed 12 herders in a combined进攻", "summary", "CJK"),
        ("Gunmen kill 12 herders", "Боевики убили 12 пастухов.", "summary", "CYRILLIC"),
        ("Gunmen kill 12 herders in the", "Gunmen killed 12 herders.", "title", "cut off"),
        ("Gunmen kill 12 herders", "Gunmen killed 12 herders near Ine-", "summary", "cut off"),
        ("Gunmen kill 12 herders", "x" * 400, "summary", "cut off"),
        ("Gunmen kill 40 herders", "Gunmen killed 12 herders.", "title", "names 40"),
        ("Gunmen kill 12 herders", "Gunmen killed fifteen herders.", "summary", "names 15"),
    ],
)
def test_bad_prose_is_named(title: str, summary: str, field: str, problem: str) -> None:
    problems = prose_problems(ex(title, summary), CONFLICT, ARTICLE)
    assert list(problems) == [field] and problem in problems[field]


@pytest.mark.parametrize(
    ("article", "title", "summary"),
    [
        (ARTICLE, "Gunmen kill 12 herders near Inekar", "Gunmen killed twelve herders; three were wounded."),
        (ARTICLE, "Herders killed near Inekar", "Gunmen killed herders near Inekar on Sunday"),
        (RUSSIAN, "Missile strike on Sumy kills 35", "A missile strike on Sumy killed 35 people."),
        ("Une centaine d'hommes armés ont tué 20 civils.", "About 100 gunmen kill 20 civilians",
         "About a hundred gunmen killed 20 civilians."),
    ],
)  # fmt: skip
def test_good_prose_passes(article: str, title: str, summary: str) -> None:
    assert prose_problems(ex(title, summary), CONFLICT, article) == {}


def test_a_split_sum_is_a_supported_number() -> None:
    article = "Seventeen soldiers and three vigilantes were killed."
    facts = Extraction(is_incident=True, event_type="battle", killed="Seventeen soldiers and "
                       "three vigilantes", title="20 killed", summary="Twenty were killed.")  # fmt: skip
    assert prose_problems(facts, CONFLICT, article) == {}


def _extract(server: FakeServer, name: str) -> Any:
    [article], _ = load_articles([SEEDS / name])
    config = resolve_config("openai/test-model", base_url=server.url, api_key="k", env={})

    async def run() -> Any:
        client = LLMClient(config)
        try:
            return article, await extract(client, article)
        finally:
            await client.aclose()

    return asyncio.run(run())


def _seed_answer() -> dict[str, Any]:
    reply = seed_reply({"messages": [{"content": "Read Also"}]})
    answer: dict[str, Any] = json.loads(reply.body["choices"][0]["message"]["content"])
    return answer


def test_garbage_summary_is_reasked_then_dropped_with_a_warning(server: FakeServer) -> None:
    bad = _seed_answer() | {"summary": "Fighters stormed a base in a combined进攻"}
    server.handler = lambda request: Reply(body=completion(json.dumps(bad)))
    article, (facts, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert len(server.requests) == 2 and usage.failed_attempts == 2  # asked once more
    assert "CJK" in json.dumps(server.requests[1]["messages"], ensure_ascii=False)
    assert facts.summary == "" and facts.title == bad["title"]
    assert any("summary" in w and "dropped" in w for w in warnings)
    assert to_report(article, facts, warnings).summary is None


def test_a_corrected_summary_after_the_reask_is_kept(server: FakeServer) -> None:
    good = _seed_answer()
    replies = iter([good | {"summary": "Fighters killed 200 troops."}, good])
    server.handler = lambda request: Reply(body=completion(json.dumps(next(replies))))
    _, (facts, warnings, _) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert facts.summary == good["summary"] and warnings == []


def test_seed_brief_quotes_name_the_soldiers_and_print_no_garbage(
    env: dict[str, str], server: FakeServer
) -> None:
    def reply(request: dict[str, Any]) -> Reply:  # the real seed answers, one made garbage
        answer = seed_reply(request)
        content = json.loads(answer.body["choices"][0]["message"]["content"])
        if content["killed"] == "20":
            content["summary"] += " a combined进攻"
        return Reply(body=completion(json.dumps(content)))

    server.handler = reply
    result = invoke(["brief", str(SEEDS), "-f", "json"])
    brief = json.loads(result.stdout)["incidents"][0]
    quotes = sorted(e["quote"] for e in brief["killed"]["evidence"])
    assert quotes == ["Over 20 Soldiers, Including Commander, Killed",
                      "killing at least 20 Malian troops"]  # fmt: skip
    assert (brief["killed"]["best"], brief["killed"]["high"]) == (20, None)
    assert "进攻" not in result.stdout
    assert any("summary" in w and "CJK" in w for w in brief["warnings"])
