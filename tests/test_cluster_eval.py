"""Grouping end to end: the synthetic mixes of issue 13 scored by the harness (stored
answers replayed through the pipeline), per-mix scores, and `brief --explain`."""

import json
from pathlib import Path

import pytest
from clirun import invoke
from conftest import FIXTURES, FakeServer
from fakes import Reply, completion

from summarizer.evaluate.report import to_markdown
from summarizer.evaluate.run import EvalOptions, evaluate

MIXES = FIXTURES / "mixes"


@pytest.mark.parametrize("mix", ["no-dates", "shared-attacker"])
def test_synthetic_mix_is_grouped_as_gold(mix: str) -> None:
    """Pages without publication dates still join; two incidents sharing a country, a day
    and an unnamed attacker stay apart."""
    folder = MIXES / mix
    options = EvalOptions(mode="extractions", extractions=folder / "answers")
    report = evaluate([folder / f"{mix}.json"], options)
    [case] = report.cases
    assert case.error is None and case.clusters is not None
    articles = 6 if mix == "no-dates" else 4
    assert case.clusters.pairwise.model_dump() == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 3 if mix == "no-dates" else 2,
        "fp": 0,
        "fn": 0,
    }
    assert case.clusters.bcubed.f1 == 1.0
    assert case.clusters.bcubed.articles == articles


def test_scores_are_reported_per_mix_and_pooled() -> None:
    paths = [MIXES / m / f"{m}.json" for m in ("no-dates", "shared-attacker")]
    reports = []
    for p in paths:
        options = EvalOptions(mode="extractions", extractions=p.parent / "answers")
        reports.append(evaluate([p], options))
    text = to_markdown(reports[0])
    assert "| no-dates | pairwise | 1.0 | 1.0 | 1.0 |" in text
    assert "| no-dates | B-cubed | 1.0 | 1.0 | 1.0 |" in text
    assert "pooled" not in text  # one mix: no pooled row


def _answers(folder: Path) -> dict[str, dict[str, object]]:
    """Each article's first sentence -> its stored answer: the loopback model's script."""
    out = {}
    for text_file in sorted(folder.glob("*.txt")):
        marker = text_file.read_text().split(",")[0]
        out[marker] = json.loads((folder / "answers" / f"{text_file.stem}.json").read_text())
    return out


def test_brief_explain_says_why_articles_were_joined(
    env: dict[str, str], server: FakeServer
) -> None:
    script = _answers(MIXES / "no-dates")

    def handler(request: dict[str, object]) -> Reply:
        prompt = json.dumps(request["messages"], ensure_ascii=False)
        for marker, answer in script.items():
            if marker in prompt:
                return Reply(body=completion(json.dumps(answer)))
        return Reply(status=400, body={"error": {"message": "unknown article"}})

    server.handler = handler
    files = [str(p) for p in sorted((MIXES / "no-dates").glob("*.txt"))]
    result = invoke(["brief", *files, "--explain"])
    out = result.stdout
    assert out.count("**Why these sources are one incident**") == 3
    # The gazetteer knows Sumi as an alternate name of Sumy (GeoNames 692194).
    assert "sumy1.txt + sumy2.txt: score 7; same place (gazetteer id 692194): Sumy" in out
    assert "same place: Kwashabe village" in out
    plain = invoke(["brief", *files]).stdout
    assert "Why these sources" not in plain
    data = json.loads(invoke(["brief", *files, "-f", "json"]).stdout)
    links = {tuple(k["articles"]) for i in data["incidents"] for k in i["grouping"]["links"]}
    assert links == {
        ("boni1.txt", "boni2.txt"),
        ("farm1.txt", "farm2.txt"),
        ("sumy1.txt", "sumy2.txt"),
    }
    assert "kept_apart" in data
