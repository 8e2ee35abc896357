"""Kinds other than conflict, end to end through the CLI and the API against the loopback
server: the built-in outbreak kind on its seeds, and a user's kind from a folder."""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke
from conftest import FIXTURES, ROOT, FakeServer
from fakes import Reply, completion, scripted
from kindfolder import write_kind

from summarizer import summarize
from summarizer.kinds.registry import builtin_folder
from summarizer.schemas.facts import FactBrief

OUTBREAK_SEEDS = ROOT / "seeds-outbreak"
# What a model answers for each seed (verbatim spans), keyed by a phrase of its article.
OUTBREAK: dict[str, dict[str, Any]] = {
    "declared a cholera outbreak": {
        "pathogen": "cholera", "date_text": "Sunday", "country": "Uganda", "place": "Kasese",
        "authority": ["Ministry of Health"], "suspected": "48 suspected cases",
        "confirmed": "12 cases were confirmed", "deaths": "Three people have died",
        "title": "Cholera outbreak declared in Kasese, Uganda",
        "summary": "Uganda declared a cholera outbreak in Kasese with 12 confirmed cases.",
    },
    "has risen to 31": {
        "pathogen": "cholera", "date_text": "Wednesday", "country": "Uganda", "place": "Kasese",
        "authority": ["Ministry of Health"], "suspected": "95 suspected cases",
        "confirmed": "risen to 31", "deaths": "risen to five",
        "title": "Kasese cholera cases rise to 31",
        "summary": "Confirmed cholera cases in Kasese rose to 31, with five deaths.",
    },
    "Lassa fever": {
        "pathogen": "Lassa fever", "date_text": "Tuesday", "country": "Nigeria",
        "region": "Ondo State", "authority": ["Nigeria Centre for Disease Control (NCDC)"],
        "confirmed": "seven confirmed cases", "deaths": "two patients had died",
        "title": "Lassa fever in Ondo State",
        "summary": "NCDC reported seven confirmed Lassa fever cases and two deaths.",
    },
}  # fmt: skip


def _fact(brief: FactBrief, name: str) -> Any:
    found = brief.fact(name)
    assert found is not None, name
    return found


def test_outbreak_brief_through_the_cli(env: dict[str, str], server: FakeServer) -> None:
    server.handler = scripted(OUTBREAK)
    out = invoke(["brief", str(OUTBREAK_SEEDS), "--kind", "outbreak", "-f", "json"]).stdout
    daily = json.loads(out)
    assert daily["kind"] == "outbreak" and daily["articles"] == 3
    [ondo, kasese] = daily["incidents"]  # ordered by place key: gn:<Kasese> after code:NG-ON
    facts = {f["field"]: f for f in kasese["facts"]}
    assert facts["confirmed"]["count"]["best"] == 31 and facts["confirmed"]["count"]["low"] == 12
    assert facts["confirmed"]["count"]["revised_from"] == 12
    assert facts["deaths"]["count"]["best"] == 5
    assert facts["suspected"]["count"]["best"] == 95
    assert facts["place"]["place"]["geonameid"] == 232066  # Kasese, Uganda
    assert facts["region"]["place"]["code"] == "UG-W"
    rules = {(c["field"], c["rule"]) for c in kasese["conflicts"]}
    assert ("confirmed", "count.revision_supersedes") in rules
    assert ("deaths", "count.revision_supersedes") in rules
    assert {f["field"]: f["label"] for f in ondo["facts"]}["confirmed"] == "best 7, high open"
    assert len(server.requests) == 3
    markdown = invoke(["brief", str(OUTBREAK_SEEDS), "--kind", "outbreak"]).stdout
    assert markdown.startswith("# Outbreak brief: 2026-03-01 to 2026-03-03\n")
    assert (  # the count rose as the news came in: the table says from what
        "| confirmed | low 12, best 31, high open; revised up from 12 | kasese-1.md, kasese-2.md |"
    ) in markdown
    assert (  # one disagreement settled by two rules: one line naming both
        "- confirmed: chose 31 by rules `count.later_supersedes`, `count.revision_supersedes`; "
        "12 (kasese-1.md); 31 (kasese-2.md)\n"
    ) in markdown
    # a figure on a hard-wrapped line ("two\npatients had died") says what it counts
    assert "| deaths | best 2, high open | ondo-1.md |" in markdown
    # "Wednesday", the day the news was told, only bounds the day the first report gives
    assert "- date_text: chose 2026-03-01 by rule `date.line_bounds`;" in markdown
    assert len(server.requests) == 3  # the second run came from the cache


def test_outbreak_through_the_api(env: dict[str, str], server: FakeServer) -> None:
    server.handler = scripted(OUTBREAK)
    brief = summarize(
        [OUTBREAK_SEEDS / "kasese-1.md", OUTBREAK_SEEDS / "kasese-2.md"], kind="outbreak"
    )
    assert isinstance(brief, FactBrief) and brief.kind == "outbreak"
    assert _fact(brief, "pathogen").value == "cholera"
    assert _fact(brief, "date_text").date.label() == "2026-03-01"
    assert _fact(brief, "confirmed").count.best == 31
    assert [a.name for a in _fact(brief, "authority").actors] == ["Ministry of Health"]
    assert brief.prompt_version == "outbreak-v2"
    system = server.requests[0]["messages"][0]["content"]
    assert "disease outbreak" in system and "conflict-event" not in system


def test_outbreak_gold_case_is_scored_by_its_fact_types(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    server.handler = scripted(OUTBREAK)
    report = tmp_path / "report.json"
    invoke(["eval", str(FIXTURES / "outbreak_gold.json"), "--json", str(report)])
    written = json.loads(report.read_text())
    assert written["run"]["prompt_version"] == "outbreak-v2"  # its own kind's, not the default's
    fields = written["fields"]
    for name in ("pathogen", "date_text", "country", "region", "place", "authority",
                 "suspected", "confirmed", "deaths", "must_mention", "conflicts"):  # fmt: skip
        assert fields[name]["exact"] == 1, (name, fields[name])
    oracle = invoke(["eval", str(FIXTURES / "outbreak_gold.json"), "--oracle"]).stdout
    assert "needs a model" in oracle
    mixed = tmp_path / "mixed.json"
    gold = [str(FIXTURES / f) for f in ("outbreak_gold.json", "seeds_gold.json")]
    invoke(["eval", *gold, "--oracle", "--json", str(mixed)])
    assert json.loads(mixed.read_text())["run"]["prompt_version"] == "extract-v3, outbreak-v2"


ACCIDENT = {
    "gas leak": {
        "hazard": "fire", "date_text": "Monday", "site": "Tema", "country": "Ghana",
        "operator": ["Tema Oil Refinery (TOR)"], "cause": "a gas leak",
        "killed": "killed three workers", "injured": "injuring 11",
        "title": "Fire at Tema refinery kills three",
        "summary": "A fire caused by a gas leak killed three workers at the Tema refinery.",
    },
    "refinery fire in Tema": {
        "hazard": "explosion", "date_text": "Monday", "site": "Tema", "country": "Ghana",
        "operator": ["TOR"], "killed": "death toll from Monday's refinery fire in Tema has risen to four",
        "title": "Tema refinery fire toll rises to four",
        "summary": "Four workers have now died after the Tema refinery fire.",
    },
}  # fmt: skip
ARTICLES = {
    "a1.md": "---\npublished: 2026-05-05\n---\nA fire at the Tema Oil Refinery (TOR) in Tema, "
    "Ghana, killed three workers on Monday, injuring 11. Officials said a gas leak caused it.\n",
    "a2.md": "---\npublished: 2026-05-06\n---\nThe death toll from Monday's refinery fire in "
    "Tema has risen to four, TOR said. The blast was heard across Ghana's port city.\n",
}


def _accident_day(folder: Path) -> Path:
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def test_a_users_kind_from_a_folder_end_to_end(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    package = sorted((p.relative_to(builtin_folder()), p.stat().st_mtime_ns)
                     for p in builtin_folder().rglob("*"))  # fmt: skip
    kind = write_kind(tmp_path / "accident")
    server.handler = scripted(ACCIDENT)
    day = _accident_day(tmp_path / "day")
    markdown = invoke(["brief", str(day), "--kind", str(kind)]).stdout
    assert markdown.startswith("# Accidents\n")
    assert "## 1. Fire at Tema refinery kills three" in markdown
    assert "- killed: low 3, best 4, high open" in markdown
    assert "- operator: Tema Oil Refinery (TOR)" in markdown
    assert "- hazard: fire" in markdown  # a tie between two sources: the earliest report's
    brief = summarize([day], kind=kind)
    assert isinstance(brief, FactBrief) and brief.kind == "accident"
    assert _fact(brief, "injured").count.best == 11
    assert _fact(brief, "cause").value == "a gas leak"
    rules = {(c.field, c.rule) for c in brief.conflicts}
    assert ("hazard", "category.earliest_report") in rules
    assert ("killed", "count.revision_supersedes") in rules
    schema = server.requests[0]["response_format"]["json_schema"]["schema"]
    assert set(schema["properties"]) >= {"hazard", "operator", "cause"}
    after = sorted((p.relative_to(builtin_folder()), p.stat().st_mtime_ns)
                   for p in builtin_folder().rglob("*"))  # fmt: skip
    assert after == package  # the package's own files are not touched


def test_a_placeholder_is_read_as_nothing(tmp_path: Path) -> None:
    from summarizer.kinds.registry import load_kind
    from summarizer.kinds.verify import drop_unsupported

    kind = load_kind(write_kind(tmp_path / "accident"))
    answer = ACCIDENT["gas leak"] | {
        "is_incident": True,
        "cause": "unknown",
        "operator": ["N/A", "TOR"],
    }
    text = ARTICLES["a1.md"]
    cleaned, dropped = drop_unsupported(kind.schema.model_validate(answer), kind, text)
    assert cleaned.model_dump()["cause"] is None and cleaned.model_dump()["operator"] == ["TOR"]
    assert dropped == []


@pytest.mark.parametrize(
    ("field", "answer", "kept"),
    [
        ("killed", "3", "three"),  # "killed three workers": the digit maps to the words
        ("killed", "3 workers", "three workers"),
        ("injured", "eleven", "11"),  # "injuring 11": the word maps to the digits
        ("killed", "4", None),  # no four in the article: dropped
    ],
)
def test_a_count_written_the_other_way_is_read_in_the_articles_words(
    tmp_path: Path, field: str, answer: str, kept: str | None
) -> None:
    from summarizer.kinds.registry import load_kind
    from summarizer.kinds.verify import drop_unsupported

    kind = load_kind(write_kind(tmp_path / "accident"))
    ex = kind.schema.model_validate(ACCIDENT["gas leak"] | {"is_incident": True, field: answer})
    cleaned, dropped = drop_unsupported(ex, kind, ARTICLES["a1.md"])
    assert cleaned.model_dump()[field] == kept
    assert bool(dropped) == (kept is None)


def test_a_span_not_in_the_article_is_asked_again_then_dropped(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    kind = write_kind(tmp_path / "accident")
    answers = {"gas leak": ACCIDENT["gas leak"] | {"cause": "an electrical fault"}}
    server.handler = scripted(answers)
    day = tmp_path / "day"
    day.mkdir()
    (day / "a1.md").write_text(ARTICLES["a1.md"])
    brief = summarize([day], kind=kind)
    assert brief.fact("cause") is None
    assert any("cause 'an electrical fault' is not in the article; dropped" in w
               for w in brief.warnings)  # fmt: skip
    assert len(server.requests) == 2  # instructor asked once more with the problem
    assert "an electrical fault" in json.dumps(server.requests[1]["messages"])


def test_the_reask_asks_only_for_the_failing_fields_and_keeps_the_rest(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    """A small model re-asked with its whole answer nulls every field; asked for the failing
    ones only, the fields that stood cannot be lost, nor an operator that was right."""
    kind = write_kind(tmp_path / "accident")
    first = ACCIDENT["gas leak"] | {"cause": "an electrical fault", "operator": ["TOR", "Shell"]}
    replies = iter([first, {"cause": None, "operator": [], "killed": None, "site": None}])

    def handler(request: dict[str, Any]) -> Reply:
        return Reply(body=completion(json.dumps({"is_incident": True} | next(replies))))

    server.handler = handler
    day = tmp_path / "day"
    day.mkdir()
    (day / "a1.md").write_text(ARTICLES["a1.md"])
    brief = summarize([day], kind=kind)
    asked = server.requests[1]["response_format"]["json_schema"]["schema"]
    assert list(asked["properties"]) == ["operator", "cause"]
    assert "only operator, cause" in server.requests[1]["messages"][-1]["content"]
    assert brief.fact("cause") is None and brief.fact("site") is not None
    killed, operator = brief.fact("killed"), brief.fact("operator")
    assert killed is not None and killed.count is not None and killed.count.best == 3
    assert operator is not None and operator.label == "TOR"  # "Shell" is not in the article
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("field", "span", "problem"),
    [
        ("confirmed", "48 suspected cases", "confirmed '48 suspected cases' counts suspected"),
        ("suspected", "Three people have died", "counts deaths, not suspected"),
        ("confirmed", "since 24 February", "does not say it counts confirmed"),
        ("deaths", "the shores of Lake George", "gives no number"),
    ],
)
def test_a_count_must_count_what_its_field_counts(field: str, span: str, problem: str) -> None:
    from summarizer.kinds.registry import load_kind
    from summarizer.kinds.verify import span_problems

    kind = load_kind("outbreak")
    text = (OUTBREAK_SEEDS / "kasese-1.md").read_text()
    answer = OUTBREAK["declared a cholera outbreak"] | {"is_incident": True, field: span}
    problems = span_problems(kind.schema.model_validate(answer), kind, text)
    assert problem in problems[field]
    clean = kind.schema.model_validate(
        OUTBREAK["declared a cholera outbreak"] | {"is_incident": True}
    )
    assert span_problems(clean, kind, text) == {}


def test_a_kind_folder_copied_elsewhere_reads_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "outbreak"
    shutil.copytree(builtin_folder() / "outbreak", copy)
    from summarizer.kinds.registry import load_kind

    assert load_kind(copy).fingerprint() == load_kind("outbreak").fingerprint()


def test_a_place_below_the_country_scores_close_when_one_name_holds_the_other() -> None:
    from summarizer.evaluate.facts import score_facts
    from summarizer.kinds.registry import load_kind
    from summarizer.schemas.facts import ReconciledFact

    kind = load_kind("outbreak")
    facts = [("place", "Kasese district"), ("region", "Western"), ("country", "Ugandan")]
    brief = FactBrief(
        id="x", kind="outbreak", title="t",
        facts=[ReconciledFact(field=f, type="place", label=v, value=v) for f, v in facts],
    )  # fmt: skip
    gold = {"place": ["Kasese"], "region": "Western Region", "country": "Uganda"}
    scored = score_facts(gold, [], brief, kind)
    assert (scored["place"].exact, scored["place"].close) == (0, 1)
    assert (scored["region"].exact, scored["region"].close) == (0, 1)
    assert (scored["country"].exact, scored["country"].close) == (0, 0)  # countries: exact only


GATE = """def about_accidents(text: str) -> bool:
    return any(w in text.lower() for w in ("fire", "blast", "explosion", "collapse", "spill"))
"""


def gated_kind(folder: Path) -> Path:
    """The accident kind with a gate of its own, a function in its folder."""
    write_kind(folder)
    (folder / "gate.py").write_text(GATE)
    schema = folder / "schema.py"
    schema.write_text(
        schema.read_text().replace('"other"], Category()]', '"other"], Category()] = "other"')
    )
    spec = folder / "kind.yaml"
    spec.write_text(
        spec.read_text()
        + "gate:\n  test: gate.py:about_accidents\n  reason: no word of an accident\n"
    )
    return folder


def test_a_users_gate_keeps_unrelated_articles_from_the_model(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    kind = gated_kind(tmp_path / "accident")
    server.handler = scripted(ACCIDENT)
    day = _accident_day(tmp_path / "day")
    (day / "budget.md").write_text(
        "---\npublished: 2026-05-06\n---\nParliament passed the 2026 budget on Tuesday.\n"
    )
    daily = json.loads(invoke(["brief", str(day), "--kind", str(kind), "-f", "json"]).stdout)
    assert len(server.requests) == 2  # the two accident reports, not the budget
    assert [a["id"] for a in daily["not_incidents"]] == ["budget.md"]
    [incident] = daily["incidents"]
    assert {s["id"] for s in incident["sources"]} == {"a1.md", "a2.md"}


def test_the_outbreak_kinds_gate_sends_its_reports_and_not_a_budget(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    """The built-in gate is a file in the kind's folder, as a user's would be."""
    day = tmp_path / "day"
    shutil.copytree(OUTBREAK_SEEDS, day)
    (day / "budget.txt").write_text(
        "The council adopted next year's budget on Thursday; the health department's share "
        "rises for district clinics, and rural roads get the largest increase.\n"
    )
    server.handler = scripted(OUTBREAK)
    daily = json.loads(invoke(["brief", str(day), "--kind", "outbreak", "-f", "json"]).stdout)
    assert len(server.requests) == 3  # the three seeds; the budget names no disease
    assert [a["id"] for a in daily["not_incidents"]] == ["budget.txt"]
    assert len(daily["incidents"]) == 2
