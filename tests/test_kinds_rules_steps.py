"""Each step of a kind's rules keeps what the pipeline hands it: the day's head (articles,
failures, usage, model, prompt version), the dates, the grouping reasons, the kind's name,
and a stored answer replayed through the same checks as a live one."""

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import FakeServer
from fakes import Reply, completion
from kindfolder import write_kind
from test_cluster import rep

from summarizer.api import Options, daily_brief
from summarizer.articles import Article
from summarizer.kinds.model import Kind
from summarizer.kinds.registry import load_kind
from summarizer.kinds.rules import Day
from summarizer.schemas import ArticleRef, DailyBrief, Failure, Usage
from summarizer.schemas.facts import FactDailyBrief, FactReport, FactValue
from summarizer.schemas.report import DateFact, DateValue, PlaceFact

DAY = Day(
    articles=7,
    not_incidents=[ArticleRef(id="budget.txt")],
    failures=[Failure(source="bad.txt", kind="input", reason="not UTF-8")],
    usage=Usage(calls=3, prompt_tokens=900, completion_tokens=300),
    model="openai/test-model",
    prompt_version="v-test",
)


def _head(daily: DailyBrief | FactDailyBrief | Day) -> tuple[object, ...]:
    """What a day's brief states beside its incidents (a Day holds the same)."""
    return (
        daily.articles,
        daily.not_incidents,
        daily.failures,
        daily.usage,
        daily.model,
        daily.prompt_version,
    )


@pytest.fixture(scope="module")
def accident(tmp_path_factory: pytest.TempPathFactory) -> Kind:
    return load_kind(write_kind(Path(tmp_path_factory.mktemp("kinds")) / "accident"))


def test_the_incident_rules_keep_the_days_head_dates_reasons_and_kind() -> None:
    kind = load_kind("conflict")
    reports = [
        rep("a.txt", day=7, town="Gao", gid=2457163, title="Attack on Gao market"),
        rep("b.txt", day=8, town="Gao", gid=2457163, title="Attack on Gao market"),
        rep("c.txt", day=9, town="Kidal", gid=2455290, title="Clash near Kidal"),
    ]
    daily = kind.rules.daily(kind, reports, DAY)
    assert isinstance(daily, DailyBrief)
    assert _head(daily) == _head(DAY) and daily.kind == "conflict"
    assert (daily.first_date, daily.last_date) == (date(2025, 11, 7), date(2025, 11, 9))
    joined = next(b for b in daily.incidents if len(b.sources) == 2)
    assert joined.grouping is not None and joined.grouping.links
    assert {b.model for b in daily.incidents} == {"openai/test-model"}
    assert {b.prompt_version for b in daily.incidents} == {kind.prompt_version}
    assert {b.kind for b in daily.incidents} == {"conflict"}
    assert daily.kept_apart == kind.rules.daily(kind, list(reversed(reports)), DAY).kept_apart


def test_a_day_without_dates_has_no_first_or_last_date() -> None:
    kind = load_kind("conflict")
    daily = kind.rules.daily(kind, [rep("a.txt", day=None, town="Gao")], DAY)
    assert (daily.first_date, daily.last_date) == (None, None)
    empty = kind.rules.daily(kind, [], DAY)
    assert empty.incidents == [] and _head(empty) == _head(DAY)


def test_the_fact_rules_keep_the_days_head_and_dates(accident: Kind) -> None:
    def report(ident: str, day: int, place: PlaceFact) -> FactReport:
        when = DateValue(start=date(2026, 5, day), end=date(2026, 5, day), precision="day")
        return FactReport(
            article=ArticleRef(id=ident),
            kind="accident",
            facts={
                "site": FactValue(place=place),
                "date_text": FactValue(date=DateFact(quote="Monday", value=when)),
            },
        )

    tema = PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1)
    accra = PlaceFact(name="Accra", quote="Accra", geonameid=2306104, precision=1)
    reports = [report("a.md", 4, tema), report("b.md", 6, accra)]
    daily = accident.rules.daily(accident, reports, DAY)
    assert isinstance(daily, FactDailyBrief)
    assert _head(daily) == _head(DAY) and daily.kind == "accident"
    assert (daily.first_date, daily.last_date) == (date(2026, 5, 4), date(2026, 5, 6))
    assert {b.model for b in daily.incidents} == {"openai/test-model"}
    brief = accident.rules.brief(accident, reports[:1], "openai/other")
    assert brief.model == "openai/other" and brief.kind == "accident"


def test_the_incident_rules_brief_names_the_kind_model_and_prompt() -> None:
    kind = load_kind("conflict")
    brief = kind.rules.brief(kind, [rep("a.txt", town="Gao")], "openai/test-model")
    assert (brief.kind, brief.model, brief.prompt_version) == (
        "conflict",
        "openai/test-model",
        kind.prompt_version,
    )


ARTICLE = Article(
    id="a.txt",
    text="Gunmen killed 12 villagers in Tin-Akoff, Burkina Faso, on Sunday, officials said.",
    published=date(2025, 11, 10),
)


@pytest.mark.parametrize("name", ["conflict", "outbreak"])
def test_a_stored_answer_is_replayed_through_the_live_checks(name: str) -> None:
    """A span the article lacks is dropped with a warning, as after a failed re-ask; a
    text cut to max_chars is the one checked."""
    kind = load_kind(name)
    field = "killed" if name == "conflict" else "deaths"
    answer = {"is_incident": True, "country": "Burkina Faso", field: "killed 40 villagers"}
    cleaned, warnings, _ = kind.rules.replay(kind, ARTICLE, json.dumps(answer), 2_000)
    assert getattr(cleaned, field) is None
    assert any(field in w for w in warnings)
    kept = {"is_incident": True, "country": "Burkina Faso", field: "killed 12 villagers"}
    cleaned, _, _ = kind.rules.replay(kind, ARTICLE, json.dumps(kept), 2_000)
    assert getattr(cleaned, field) == "killed 12 villagers"
    cleaned, warnings, _ = kind.rules.replay(kind, ARTICLE, json.dumps(kept), 20)
    assert getattr(cleaned, field) is None  # cut before the figure: nothing supports it


@pytest.mark.parametrize("name", ["conflict", "outbreak"])
def test_the_call_sends_the_text_cut_to_max_chars(
    name: str, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = lambda request: Reply(body=completion(json.dumps({"is_incident": False})))
    tail = "The market reopened later. " * 20 + "MARKER-AFTER-THE-CUT"
    # Each kind's gate lets the text through: the outbreak kind's needs a disease named.
    text = f"{ARTICLE.text} Cholera cases rose. {tail}"
    article = Article(id="long.txt", text=text, published=ARTICLE.published)
    daily_brief([article], Options(kind=name, max_chars=300, use_cache=False))
    [request] = server.requests
    sent = json.dumps(request["messages"])
    assert "Gunmen killed 12 villagers" in sent and "MARKER-AFTER-THE-CUT" not in sent
