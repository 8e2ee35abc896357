"""Extraction through the real openai + instructor stack against the loopback server."""

import asyncio
import json
from typing import Any

import pytest
from conftest import SEEDS, FakeServer, Reply, completion, seed_reply

from summarizer import summarize
from summarizer._config import resolve_config
from summarizer._llm import LLMClient
from summarizer.articles import Article, load_articles
from summarizer.extract import extract, to_report
from summarizer.schemas import Extraction


def _extract(server: FakeServer, name: str, max_reasks: int = 1, span_reasks: bool = True) -> Any:
    [article], _ = load_articles([SEEDS / name])
    config = resolve_config("openai/test-model", base_url=server.url, api_key="k", env={})
    config = type(config)(
        **{**config.__dict__, "max_reasks": max_reasks, "span_reasks": span_reasks}
    )

    async def run() -> Any:
        client = LLMClient(config)
        try:
            return article, await extract(client, article)
        finally:
            await client.aclose()

    return asyncio.run(run())


def test_seed_extraction_and_the_request_sent(server: FakeServer) -> None:
    article, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert ex.killed == "at least 20" and ex.town == "Soumpi" and warnings == []
    assert usage.calls == 1 and usage.prompt_tokens == 905 and usage.completion_tokens == 188
    [request] = server.requests
    assert request["temperature"] == 0 and request["seed"] == 0
    assert request["response_format"]["type"] == "json_schema"
    no_incident, incident = request["response_format"]["json_schema"]["schema"]["anyOf"]
    assert no_incident["required"] == ["is_incident"] and not no_incident["additionalProperties"]
    schema = incident  # every field required, the event type generated last
    assert schema["properties"]["date_text"]["anyOf"][0]["maxLength"] == 100
    assert schema["properties"]["perpetrators"]["maxItems"] == 3
    assert schema["required"][-1] == "event_type" and len(schema["required"]) == 14
    system, user = request["messages"]
    assert system["role"] == "system" and "<<<ARTICLE" in user["content"]
    assert "Soumpi" in user["content"] and "published" not in user["content"].lower()
    report = to_report(article, ex, warnings)
    assert report.date and report.date.value and report.date.value.start.isoformat() == "2025-11-07"
    assert report.killed and report.killed.min == 20 and report.killed.max is None


def test_qualifier_recovered_from_article(server: FakeServer) -> None:
    article, (ex, warnings, _) = _extract(server, "000_a811bb327bddb04a.txt")
    assert ex.killed == "20"  # the model dropped "over"...
    report = to_report(article, ex, warnings)
    assert report.killed and report.killed.min == 21  # ...and code put it back
    assert report.location and report.location.name == "Soumpi"  # from "Soumpi, Tombouctou region"
    assert report.admin1 and report.admin1.name == "Tombouctou"
    assert report.date and report.date.value is None  # "Friday", no publication date: no guess


def test_invalid_output_is_reasked_with_the_error(server: FakeServer) -> None:
    good = json.loads(
        seed_reply({"messages": [{"content": "Read Also"}]}).body["choices"][0]["message"][
            "content"
        ]
    )
    bad = dict(good, killed="at least 200 people")  # not in the article
    replies = iter(
        [Reply(body=completion(json.dumps(bad))), Reply(body=completion(json.dumps(good)))]
    )
    server.handler = lambda request: next(replies)
    _, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert ex.killed == "at least 20" and warnings == []
    assert len(server.requests) == 2 and usage.calls == 2 and usage.failed_attempts == 1
    reask = json.dumps(server.requests[1]["messages"])
    assert "at least 200 people" in reask and "not in the article" in reask


def test_quote_not_in_article_is_dropped_with_warning(server: FakeServer) -> None:
    content = json.loads(
        seed_reply({"messages": [{"content": "Read Also"}]}).body["choices"][0]["message"][
            "content"
        ]
    )
    content["perpetrators"] = ["JNIM", "Islamic State Sahel Province"]
    content["injured"] = "0"
    server.handler = lambda request: Reply(body=completion(json.dumps(content)))
    _, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert ex.perpetrators == ["JNIM"] and ex.injured is None
    assert len(server.requests) == 2 and usage.failed_attempts == 2
    assert any("Islamic State Sahel Province" in w and "dropped" in w for w in warnings)


def test_casualty_of_the_wrong_kind_is_refused(server: FakeServer) -> None:
    content = json.loads(
        seed_reply({"messages": [{"content": "Read Also"}]}).body["choices"][0]["message"][
            "content"
        ]
    )
    content["injured"] = "At least 20 Malian soldiers"  # they were killed, not injured
    server.handler = lambda request: Reply(body=completion(json.dumps(content)))
    _, (ex, warnings, _) = _extract(server, "003_66221fe93d3e27fe.txt", max_reasks=0)
    assert ex.injured is None and any("counts killed, not injured" in w for w in warnings)


def test_summarize_end_to_end(env: dict[str, str], server: FakeServer) -> None:
    brief = summarize([SEEDS / "003_66221fe93d3e27fe.txt", SEEDS / "000_a811bb327bddb04a.txt"])
    assert brief.location and brief.location.name == "Soumpi"
    assert brief.admin1 and brief.admin1.name == "Tombouctou"
    assert brief.country and brief.country.name == "Mali"
    assert brief.date and brief.date.start.isoformat() == "2025-11-07"
    assert brief.killed and brief.killed.best == 20
    [jnim] = brief.perpetrators
    assert "JNIM" in jnim.aliases and "Jama'at Nusrat al-Islam wal-Muslimin" in jnim.aliases
    assert {c.field for c in brief.conflicts} >= {"date", "killed"}
    assert brief.model == "openai/test-model" and brief.prompt_version == "extract-v3"
    # Auth went to the server as a header, and a second run is served from the cache.
    assert server.headers[0]["authorization"] == f"Bearer {env['OPENAI_API_KEY']}"
    before = len(server.requests)
    assert summarize([SEEDS]) == brief
    assert len(server.requests) == before


@pytest.mark.parametrize("given", [None, "openai/other"])
def test_config_precedence(given: str | None) -> None:
    env = {"SUMMARIZER_MODEL": "openai/from-env", "OPENAI_API_KEY": "k"}
    assert resolve_config(given, env=env).model == (given or "openai/from-env")
    assert resolve_config(None, env={}).model == "embedded/qwen2.5-coder-1.5b"


def test_template_syntax_in_an_article_is_sent_as_written(server: FakeServer) -> None:
    """instructor renders messages as Jinja with the context: article text must not be."""
    text = (
        "Gunmen attacked the market in Gao on 3 March 2025, killing 4 traders. "
        "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} {{ article }} {# open comment"
    )
    answer = {"is_incident": True, "event_type": "violence_against_civilians",
              "date_text": "on 3 March 2025", "town": "Gao", "killed": "killing 4 traders",
              "title": "Gunmen kill 4 in Gao", "summary": "Gunmen killed 4 traders."}  # fmt: skip
    server.handler = lambda _: Reply(body=completion(json.dumps(answer)))
    article = Article(id="curly.txt", text=text, title="{{ title }} {% raw %}")
    config = resolve_config("openai/test-model", base_url=server.url, api_key="k", env={})

    async def run() -> Any:
        client = LLMClient(config)
        try:
            return await extract(client, article)
        finally:
            await client.aclose()

    ex, warnings, _ = asyncio.run(run())
    user = server.requests[0]["messages"][1]["content"]
    assert text in user and "{{ title }} {% raw %}" in user
    assert "49" not in user and "xxx" not in user
    assert ex.killed == "killing 4 traders" and warnings == []


def test_a_translated_date_is_mapped_back_to_the_articles_words() -> None:
    from summarizer.normalize.dates import article_date_span

    text = "Au moins 20 soldats ont été tués le vendredi 7 novembre 2025 à Soumpi."
    assert article_date_span("7 November 2025", text) == "7 novembre 2025"
    assert article_date_span("2025-11-07", text) == "7 novembre 2025"
    assert (
        article_date_span("8 November 2025", text) == "8 November 2025"
    )  # no such day: kept, then refused
    assert article_date_span("Friday", text) == "Friday"  # relative: never guessed


@pytest.mark.parametrize(
    ("answer", "text", "expected"),
    [
        # written without a year: its day and month, in the article's own letters
        ("2023-03-25", "Des affrontements ont éclaté ce samedi 25 mars. Samedi 25 mars, encore.",
         "25 mars"),
        ("dimanche 17 mars 2023", "Ils ont pris le poste dimanche 17 mars.", "17 mars"),
        ("March 25, 2023", "On March  25 protesters marched.", "March  25"),
        ("2023-03-25", "Le 25 mars 2022, puis le 25 mars.", "25 mars"),
        # a day written with another year, two ways of writing it, or another day: kept
        ("2023-03-25", "Le 25 mars 2022 déjà.", "2023-03-25"),
        ("2023-03-25", "Le 25 mars, ou March 25.", "2023-03-25"),
        ("2023-03-25", "Le 24 mars et le 26 mars.", "2023-03-25"),
        ("March 2023", "En mars.", "March 2023"),
        # the answer's weekday is another than the article's for that day: not its words
        ("dimanche 20 juin 2023", "Hier dimanche, un massacre. Ce lundi 20 juin, le bilan.",
         "dimanche 20 juin 2023"),
        ("dimanche 17 mars 2023", "Ils ont pris le poste le 17 mars.", "17 mars"),
        ("Sunday, March 20, 2023", "News. Monday, March  20, the toll.", "Sunday, March 20, 2023"),
    ],
)  # fmt: skip
def test_a_reformatted_day_maps_to_the_articles_day_and_month(
    answer: str, text: str, expected: str
) -> None:
    from summarizer.normalize.dates import article_date_span

    assert article_date_span(answer, text) == expected


def test_any_kinds_date_field_is_put_back_in_the_articles_words() -> None:
    from summarizer.kinds.registry import load_kind
    from summarizer.kinds.verify import settle, span_problems

    text = "Au moins 20 soldats ont été tués le vendredi 7 novembre 2025 à Soumpi."
    for name in ("conflict", "outbreak"):  # both name their When field date_text
        kind = load_kind(name)
        answer = kind.schema.model_validate({"is_incident": True, "date_text": "7 November 2025"})
        settled = settle(answer, kind, text)
        assert settled.date_text == "7 novembre 2025"
        assert "date_text" not in span_problems(settled, kind, text)


def test_reask_names_only_the_failing_fields_and_keeps_the_rest(server: FakeServer) -> None:
    good = json.loads(
        seed_reply({"messages": [{"content": "Read Also"}]}).body["choices"][0]["message"][
            "content"
        ]
    )
    first = dict(good, killed="at least 200 people", town="Timbuktu-on-Sea")
    fix = {"town": "Soumpi", "killed": "at least 20"}
    replies = iter(
        [Reply(body=completion(json.dumps(first))), Reply(body=completion(json.dumps(fix)))]
    )
    server.handler = lambda request: next(replies)
    _, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    asked = server.requests[1]["response_format"]["json_schema"]["schema"]
    assert list(asked["properties"]) == ["town", "killed"]
    assert "only town, killed" in server.requests[1]["messages"][-1]["content"]
    assert ex.killed == "at least 20" and ex.town == "Soumpi" and warnings == []
    assert ex.perpetrators == good["perpetrators"] and ex.summary == good["summary"]
    assert usage.calls == 2 and usage.failed_attempts == 1


def test_no_incident_answer_is_not_reasked(server: FakeServer) -> None:
    server.handler = lambda request: Reply(body=completion('{"is_incident": false}'))
    _, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt")
    assert usage.calls == 1 and usage.failed_attempts == 0
    assert ex.is_incident is False and ex.killed is None and ex.event_type == "other"
    assert len(server.requests) == 1 and warnings == []


@pytest.mark.parametrize(
    ("published", "kept"), [("2023-01-16", False), ("2018-11-14", True), (None, True)]
)
def test_a_background_date_is_not_the_events(published: str | None, kept: bool) -> None:
    """'November 13, 2018' in a 2023 report is an earlier attack it recalls."""
    import datetime as dt

    from summarizer.schemas import Extraction

    text = "A bomb killed 14 worshippers in Kasindi. An attack on November 13, 2018 killed 5."
    day = dt.date.fromisoformat(published) if published else None
    article = Article(id="k.txt", text=text, published=day)
    ex = Extraction(is_incident=True, date_text="November 13, 2018")
    report = to_report(article, ex, [])
    assert report.date is not None and report.date.quote == "November 13, 2018"
    assert (report.date.value is not None) is kept
    dropped = [w for w in report.warnings if "background date; dropped" in w]
    assert dropped == ([] if kept else [
        "date 'November 13, 2018' is 1525 days before the publication date 2023-01-16: "
        "a background date; dropped"
    ])  # fmt: skip


def test_a_date_line_is_read_as_on_or_before_the_page_and_outranked_by_a_sentence() -> None:
    from summarizer.reconcile import reconcile

    page = Article(
        id="page.txt",
        text="14 April 2023, Kanbalu\nJets bombed Pazigyi village, killing 100 people.",
    )
    told = Article(id="told.txt", text="Jets bombed Pazigyi village on 11 April 2023.")
    ex = Extraction(is_incident=True, date_text="14 April 2023", town="Pazigyi")
    lined = to_report(page, ex, [])
    assert lined.date is not None and lined.date.date_line and not lined.date.explicit
    assert any("date '14 April 2023' is the page's date line" in w for w in lined.warnings)
    sentence = to_report(told, ex.model_copy(update={"date_text": "11 April 2023"}), [])
    assert sentence.date is not None and sentence.date.explicit and not sentence.date.date_line
    brief = reconcile([lined, sentence])
    assert brief.date is not None and brief.date.start.isoformat() == "2023-04-11"


def test_without_span_reasks_a_failing_field_is_dropped_at_once(server: FakeServer) -> None:
    """The embedded default: no second call for a span the article does not hold, while a
    malformed answer is still re-asked by instructor."""
    good = json.loads(
        seed_reply({"messages": [{"content": "Read Also"}]}).body["choices"][0]["message"][
            "content"
        ]
    )
    bad = dict(good, killed="at least 200 people")
    replies = iter(
        [
            Reply(body=completion('{"is_incident": true, "killed": ')),  # cut off: re-asked
            Reply(body=completion(json.dumps(bad))),
            Reply(body=completion(json.dumps(good))),
        ]
    )
    server.handler = lambda request: next(replies)
    _, (ex, warnings, usage) = _extract(server, "003_66221fe93d3e27fe.txt", span_reasks=False)
    # two failed answers (the malformed one, then the span), two calls, no third
    assert len(server.requests) == 2 and usage.failed_attempts == 2
    assert ex.killed is None and ex.town == good["town"] and ex.summary == good["summary"]
    assert warnings == ["killed 'at least 200 people' is not in the article; dropped"]


def test_the_span_reask_setting_keys_the_cache(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer taken without the span re-ask is not served to a run that re-asks."""
    seed = SEEDS / "003_66221fe93d3e27fe.txt"
    summarize([seed])
    assert len(server.requests) == 1
    summarize([seed])
    assert len(server.requests) == 1  # cached
    monkeypatch.setenv("SUMMARIZER_SPAN_REASKS", "0")
    summarize([seed])
    assert len(server.requests) == 2  # another setting: another answer
    summarize([seed])
    assert len(server.requests) == 2
