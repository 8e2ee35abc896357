"""The evaluation harness: each scoring rule, synthetic gold cases, cluster scoring, modes."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke
from conftest import SEED_GOLD, FakeServer
from fakes import scripted

from summarizer.evaluate.clusters import score_grouping
from summarizer.evaluate.gold import GoldCount
from summarizer.evaluate.run import EvalOptions, evaluate
from summarizer.evaluate.score import (
    Flat,
    score_count,
    score_date,
    score_flat,
    score_mentions,
    score_scalar,
    score_set,
)
from summarizer.schemas import DateValue

GOLD = SEED_GOLD


def day(iso: str, precision: str = "day", end: str | None = None) -> DateValue:
    return DateValue(
        start=date.fromisoformat(iso),
        end=date.fromisoformat(end or iso),
        precision=precision,  # type: ignore[arg-type]
    )


# --- one table per rule: (gold, output) -> (exact, close, invented) -------------------

SCALARS = [
    ("location", ["Soumpi"], "Soumpi", (1, 0, 0)),
    ("location", ["Ségou"], "SEGOU", (1, 0, 0)),  # accents and case
    ("location", ["Kidal"], "Kidal,", (1, 0, 0)),  # punctuation
    ("admin1", ["Tombouctou", "Timbuktu"], "Timbuktu", (1, 0, 0)),  # any alias
    ("location", ["Ansongo"], "Ansongo town", (0, 1, 0)),  # one name inside the other
    ("location", ["Gao"], "Kidal", (0, 0, 0)),
    ("location", ["Ménaka"], None, (0, 0, 0)),  # missing
    ("location", [], "Gao", (0, 0, 1)),  # gold: no place exists -> invented
    ("location", [], None, (1, 0, 0)),
    ("event_type", "battle", "battle", (1, 0, 0)),
    ("event_type", "battle", "riot", (0, 0, 0)),
    ("country", "Côte d'Ivoire", "Cote d\u2019Ivoire", (1, 0, 0)),  # curly quote
    ("country", "Mali", "Malian", (0, 0, 0)),  # close is for places only
]


@pytest.mark.parametrize(("name", "gold", "got", "expected"), SCALARS)
def test_scalar_rule(name: str, gold: Any, got: str | None, expected: tuple[int, ...]) -> None:
    r = score_scalar(gold, got, place=name in ("admin1", "location"))
    assert (r.exact, r.close, r.invented) == expected
    assert r.scored == 1


DATES = [
    ("2025-11-07", day("2025-11-07"), (1, 0, 0)),
    ("2025-11-07", day("2025-11-08"), (0, 1, 0)),  # within a day
    ("2025-11-07", day("2025-11-06"), (0, 1, 0)),
    ("2025-11-07", day("2025-11-09"), (0, 0, 0)),  # two days off
    ("2025-11-07", day("2025-11-03", "week", "2025-11-09"), (0, 0, 0)),  # vaguer: not close
    ("2025-11-07", None, (0, 0, 0)),
    (None, day("2025-11-07"), (0, 0, 1)),  # gold: no date exists
]


@pytest.mark.parametrize(("gold", "got", "expected"), DATES)
def test_date_rule(gold: str | None, got: DateValue | None, expected: tuple[int, ...]) -> None:
    r = score_date(date.fromisoformat(gold) if gold else None, got)
    assert (r.exact, r.close, r.invented) == expected


COUNTS = [
    ((20, None), (20, None), (1, 0, 0)),
    ((20, None), (22, None), (0, 1, 0)),  # 10 % of 20 is 2: close
    ((20, None), (23, None), (0, 0, 0)),  # outside 10 %
    ((20, None), (18, None), (0, 1, 0)),
    ((20, 30), (20, 30), (1, 0, 0)),
    ((20, 30), (20, None), (0, 0, 0)),  # the upper bound is missing
    ((20, 30), (20, 32), (0, 1, 0)),
    ((100, None), (110, None), (0, 1, 0)),
    ((100, None), (111, None), (0, 0, 0)),
    ((20, None), None, (0, 0, 0)),  # missing
    ((None, None), (5, None), (0, 0, 1)),  # gold: none reported -> invented
    ((None, None), None, (1, 0, 0)),
]


@pytest.mark.parametrize(("gold", "got", "expected"), COUNTS)
def test_count_rule(
    gold: tuple[int | None, int | None],
    got: tuple[int | None, int | None] | None,
    expected: tuple[int, ...],
) -> None:
    r = score_count(GoldCount(min=gold[0], max=gold[1]), got)
    assert (r.exact, r.close, r.invented) == expected


JNIM = ["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"]
ISSP = ["Islamic State Sahel Province", "ISSP"]
SETS = [
    ([JNIM], [["JNIM"]], (1, 0, 0)),
    ([JNIM], [["Jama\u2019at Nusrat al-Islam wal-Muslimin"]], (1, 0, 0)),  # curly quote
    ([JNIM], [["JNIM"], ["Wagner"]], (1, 1, 0)),  # a spurious actor
    ([JNIM, ISSP], [["JNIM"]], (1, 0, 1)),  # a missing actor
    ([JNIM, ISSP], [["ISSP"], ["Wagner"]], (1, 1, 1)),  # one of each
    ([JNIM], [["JNIM"], ["jnim"]], (1, 1, 0)),  # one-to-one: a duplicate is spurious
    ([], [["Wagner"]], (0, 1, 0)),
    ([JNIM], [], (0, 0, 1)),
]


@pytest.mark.parametrize(("gold", "got", "expected"), SETS)
def test_actor_set_rule(
    gold: list[list[str]], got: list[list[str]], expected: tuple[int, int, int]
) -> None:
    r = score_set(gold, got)
    assert (r.tp, r.fp, r.fn) == expected
    assert r.exact == int(expected[1] == expected[2] == 0)
    assert r.invented == int(not gold and bool(got))


def test_actor_set_f1_in_the_report() -> None:
    from summarizer.evaluate.report import aggregate

    # One spurious and one missing actor: P = 1/2, R = 1/2, F1 = 1/2.
    fields = aggregate([{"perpetrators": score_set([JNIM, ISSP], [["JNIM"], ["Wagner"]])}])
    stats = fields["perpetrators"]
    assert (stats.precision, stats.recall, stats.f1, stats.score) == (0.5, 0.5, 0.5, 0.5)


def test_must_mention_is_the_share_of_groups_covered() -> None:
    groups = [["loot", "stole"], ["weapon", "arms"], ["drone"]]
    r = score_mentions(groups, "Fighters LOOTED the base and seized ARMS.")
    assert r.coverage == pytest.approx(2 / 3)
    assert r.exact == 0


def test_null_gold_fields_are_not_scored_but_per_article_nulls_are() -> None:
    gold = {"event_type": "battle", "date": None, "killed": None}
    flat = Flat(event_type="battle", date=day("2025-11-07"), counts={"killed": (3, None)})
    assert set(score_flat(gold, flat, nulls_scored=False)) == {"event_type"}
    per_article = score_flat(gold, flat, nulls_scored=True)
    assert per_article["date"].invented == 1
    assert per_article["killed"].invented == 1


# --- clustering --------------------------------------------------------------------------

GROUPINGS = [
    # gold, predicted, pairwise (P, R, F1), B-cubed (P, R, F1)
    ([["a", "b"], ["c"]], [["a", "b"], ["c"]], (1.0, 1.0, 1.0), (1.0, 1.0, 1.0)),
    ([["a", "b"], ["c"]], [["a", "b", "c"]], (0.3333, 1.0, 0.5), (0.5556, 1.0, 0.7143)),
    ([["a", "b", "c"]], [["a"], ["b"], ["c"]], (None, 0.0, None), (1.0, 0.3333, 0.5)),
    ([["a", "b"], ["c", "d"]], [["a", "c"], ["b", "d"]], (0.0, 0.0, 0.0), (0.5, 0.5, 0.5)),
    # "c" failed (in no predicted cluster) -> alone; "x" is not in gold -> ignored
    ([["a", "b", "c"]], [["a", "b", "x"]], (1.0, 0.3333, 0.5), (1.0, 0.5556, 0.7143)),
]


@pytest.mark.parametrize(("gold", "predicted", "pairwise", "bcubed"), GROUPINGS)
def test_cluster_scores(
    gold: list[list[str]],
    predicted: list[list[str]],
    pairwise: tuple[float | None, ...],
    bcubed: tuple[float, ...],
) -> None:
    scores = score_grouping(gold, predicted)
    pw, b3 = scores["pairwise"], scores["bcubed"]
    assert (pw["precision"], pw["recall"], pw["f1"]) == pairwise
    assert (b3["precision"], b3["recall"], b3["f1"]) == bcubed


# --- synthetic gold cases through the harness (oracle: the reconciler alone) ------------


def _case(case_id: str, articles: list[dict[str, Any]], incident: dict[str, Any],
          per_article: dict[str, Any], conflicts: list[str]) -> dict[str, Any]:  # fmt: skip
    return {
        "format": "gold-v1",
        "id": case_id,
        "articles": articles,
        "incident": incident,
        "per_article": per_article,
        "conflicts": conflicts,
    }


BASE = {
    "event_type": "battle",
    "country": "Mali",
    "admin1": ["Mopti"],
    "location": ["Boni"],
    "perpetrators": [JNIM],
    "targets": [["Malian Armed Forces", "FAMa"]],
    "killed": {"min": 5, "max": None},
    "date": "2025-03-01",
}
SYNTHETIC = [
    _case(  # the toll rose between two publication days: the later count headlines
        "rising-toll",
        [
            {"file": "a.txt", "published": "2025-03-01"},
            {"file": "b.txt", "published": "2025-03-02"},
            {"file": "c.txt", "published": "2025-03-03"},
        ],
        BASE | {"killed": {"min": 12, "max": 15}},
        {
            "a.txt": {"killed": {"min": 5, "max": None}},
            "b.txt": {"killed": {"min": 9, "max": None}},
            "c.txt": {"killed": {"min": 12, "max": 15}},
        },
        ["killed"],
    ),
    _case(  # disjoint explicit dates: two sources against one
        "disjoint-dates",
        [{"file": f, "published": "2025-04-06"} for f in ("a.txt", "b.txt", "c.txt")],
        BASE | {"date": "2025-04-03"},
        {
            "a.txt": {"date": "2025-04-03"},
            "b.txt": {"date": "2025-04-03"},
            "c.txt": {"date": "2025-04-05"},
        },
        ["date"],
    ),
    _case(  # two named perpetrators, each source naming one
        "two-perpetrators",
        [{"file": "a.txt"}, {"file": "b.txt"}],
        BASE | {"perpetrators": [JNIM, ISSP]},
        {"a.txt": {"perpetrators": [JNIM]}, "b.txt": {"perpetrators": [ISSP]}},
        ["perpetrators"],
    ),
    _case(  # one source names the village, the other only the region
        "vaguer-place",
        [{"file": "a.txt"}, {"file": "b.txt"}],
        BASE,
        {"a.txt": {"location": ["Boni"]}, "b.txt": {"location": None}},
        ["location"],
    ),
    _case(  # a count no source gives stays null: nothing invented
        "no-injured",
        [{"file": "a.txt"}, {"file": "b.txt"}],
        BASE | {"injured": {"min": None, "max": None}, "killed": {"min": 5, "max": 7}},
        {"a.txt": {"killed": {"min": 5, "max": 7}}, "b.txt": {"killed": {"min": 6, "max": None}}},
        ["killed"],
    ),
]


@pytest.fixture
def synthetic_gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for case in SYNTHETIC:
        (folder / f"{case['id']}.json").write_text(json.dumps(case))
    return folder


def test_reconciler_reproduces_every_synthetic_gold_case(synthetic_gold: Path) -> None:
    report = evaluate(sorted(synthetic_gold.glob("*.json")), EvalOptions(mode="oracle"))
    assert report.run.failed_cases == 0 and report.run.cases == len(SYNTHETIC)
    for case in report.cases:
        for name, r in case.fields.items():
            assert r.exact == 1, (case.id, name, r)
    assert report.fields["conflicts"].recall == 1.0
    assert report.fields["injured"].invented == 0


def test_a_broken_reconciler_rule_is_caught(
    synthetic_gold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The synthetic cases can fail: make later tolls not supersede and rising-toll breaks."""
    from summarizer import reconcile

    real = reconcile.settle_casualties

    def ignore_dates(kind: str, reports: Any, *rest: Any) -> Any:
        undated = [
            r.model_copy(update={"article": r.article.model_copy(update={"published": None})})
            for r in reports
        ]
        return real(kind, undated, *rest)

    monkeypatch.setattr(reconcile, "settle_casualties", ignore_dates)
    report = evaluate([synthetic_gold / "rising-toll.json"], EvalOptions(mode="oracle"))
    assert report.cases[0].fields["killed"].exact == 0


# --- modes through the CLI ---------------------------------------------------------------


def test_predictions_mode_scores_saved_briefs(tmp_path: Path) -> None:
    from summarizer.evaluate.gold import load_gold, oracle_reports
    from summarizer.reconcile import reconcile

    case = load_gold(GOLD)
    saved = tmp_path / "pred"
    saved.mkdir()
    good = reconcile(oracle_reports(case))  # type: ignore[arg-type]
    (saved / f"{case.id}.json").write_text(good.model_dump_json())
    result = invoke(["eval", str(GOLD), "--predictions", str(saved), "--json",
                                 str(tmp_path / "r.json")], code=0)  # fmt: skip
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["run"]["mode"] == "predictions"
    assert report["fields"]["killed"]["exact"] == 1

    worse = good.model_copy(update={"killed": good.killed.model_copy(update={"best": 35}),  # type: ignore[union-attr]
                                    "date": None})  # fmt: skip
    (saved / f"{case.id}.json").write_text(worse.model_dump_json())
    result = invoke(["eval", str(GOLD), "--predictions", str(saved), "--json",
                                 str(tmp_path / "r.json")], code=0)  # fmt: skip
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["fields"]["killed"]["exact"] == 0
    assert report["fields"]["date"]["exact"] == 0

    (saved / f"{case.id}.json").write_text('{"id": 3}')
    result = invoke(["eval", str(GOLD), "--predictions", str(saved)], code=1)
    assert "not a valid IncidentBrief" in result.output
    (saved / f"{case.id}.json").unlink()
    result = invoke(["eval", str(GOLD), "--predictions", str(saved)], code=1)
    assert "no saved prediction for this case" in result.output


def _article(text: str) -> str:
    return text + "\n"


CLUSTER_ARTICLES = {
    "gao-1.txt": "Gunmen attacked the market in Gao, Mali, on 3 March 2025, killing 4 traders.",
    "gao-2.txt": "Four traders were killed when gunmen stormed the Gao market in Mali on 3 March 2025.",
    "kidal-1.txt": "A roadside bomb hit an army convoy near Kidal, Mali, on 5 March 2025, killing 7 soldiers.",
    "weather.txt": "Heavy rain is expected across Mali next week, forecasters said.",
}
EXTRACTIONS = {
    "Gunmen attacked the market": {"event_type": "violence_against_civilians",
        "date_text": "on 3 March 2025", "country": "Mali", "town": "Gao",
        "perpetrators": ["Gunmen"], "targets": ["traders"], "killed": "killing 4 traders"},
    "Four traders were killed": {"event_type": "violence_against_civilians",
        "date_text": "on 3 March 2025", "country": "Mali", "town": "Gao",
        "perpetrators": ["gunmen"], "targets": ["traders"], "killed": "Four traders were killed"},
    "A roadside bomb": {"event_type": "explosion_remote_violence",
        "date_text": "on 5 March 2025", "country": "Mali", "town": "Kidal",
        "targets": ["army convoy"], "killed": "killing 7 soldiers"},
    "Heavy rain": {"is_incident": False, "event_type": "other", "country": "Mali"},
}  # fmt: skip


def test_cluster_gold_scores_the_daily_grouping(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted(EXTRACTIONS)
    for name, text in CLUSTER_ARTICLES.items():
        (tmp_path / name).write_text(_article(text))
    gold = {
        "format": "gold-v1-clusters",
        "id": "mali-day",
        "articles": [{"file": n} for n in CLUSTER_ARTICLES],
        "clusters": [["gao-1.txt", "gao-2.txt"], ["kidal-1.txt"], ["weather.txt"]],
    }
    (tmp_path / "day.json").write_text(json.dumps(gold))
    out = tmp_path / "r.json"
    result = invoke(["eval", str(tmp_path / "day.json"), "--json", str(out),
                                 "--markdown", str(tmp_path / "r.md")], code=0)  # fmt: skip
    report = json.loads(out.read_text())
    assert report["clusters"]["pairwise"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                                              "tp": 1, "fp": 0, "fn": 0}  # fmt: skip
    assert report["clusters"]["bcubed"]["f1"] == 1.0
    assert report["cases"][0]["calls"] == 3  # weather.txt: no word of harm, no call
    assert "B-cubed" in (tmp_path / "r.md").read_text()
    assert "clustering: pairwise P 1.0" in result.output

    # The oracle cannot group articles: the case is skipped, not failed.
    result = invoke(["eval", str(tmp_path / "day.json"), "--oracle"], code=0)
    assert "skipped" in result.output


def test_cluster_gold_from_a_saved_daily_brief(tmp_path: Path) -> None:
    from summarizer.schemas import ArticleRef, DailyBrief, IncidentBrief

    def incident(*ids: str) -> IncidentBrief:
        return IncidentBrief(id="-".join(ids), title="t", headline="h",
                             sources=[ArticleRef(id=i) for i in ids])  # fmt: skip

    saved = tmp_path / "pred"
    saved.mkdir()
    merged_too_much = DailyBrief(incidents=[incident("a.txt", "b.txt", "c.txt")])
    (saved / "day.json").write_text(merged_too_much.model_dump_json())
    gold = {"format": "gold-v1-clusters", "id": "day",
            "articles": [{"file": f} for f in ("a.txt", "b.txt", "c.txt")],
            "clusters": [["a.txt", "b.txt"], ["c.txt"]]}  # fmt: skip
    (tmp_path / "day.json").write_text(json.dumps(gold))
    report = evaluate([tmp_path / "day.json"], EvalOptions(mode="predictions", predictions=saved))
    assert report.clusters is not None
    assert report.clusters.pairwise.precision == 0.3333
    assert report.clusters.bcubed.recall == 1.0


def test_eval_shows_a_progress_bar_on_a_terminal(synthetic_gold: Path) -> None:
    import io

    from rich.console import Console

    from summarizer._progress import StepProgress

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    files = sorted(synthetic_gold.glob("*.json"))
    with StepProgress(console, enabled=True, label="scoring", total=len(files)) as progress:
        evaluate(files, EvalOptions(mode="oracle"), progress)
    assert "scoring" in buffer.getvalue()
    assert f"{len(files)}/{len(files)}" in buffer.getvalue()


def test_report_json_keeps_its_shape_and_round_trips(tmp_path: Path) -> None:
    from summarizer.evaluate.report import EvalReport

    out = tmp_path / "r.json"
    invoke(["eval", str(GOLD), "--oracle", "--json", str(out)])
    data = json.loads(out.read_text())
    assert list(data) == ["fields", "overall", "per_article_fields", "clusters",
                          "schema_valid_rate", "cases", "run"]  # fmt: skip
    [case] = data["cases"]
    assert list(case) == ["id", "error", "skipped", "unscored_conflicts", "seconds", "calls",
                          "prompt_tokens", "completion_tokens", "fields", "per_article",
                          "clusters"]  # fmt: skip
    assert "coverage" not in case["fields"]["killed"] and "note" not in case["fields"]["killed"]
    assert case["fields"]["killed"]["exact"] == 1 and case["fields"]["killed"]["tp"] == 0
    assert EvalReport.model_validate_json(out.read_text()).to_json() == out.read_text()
    # With a baseline the deltas are added, and a file that is not a report is refused.
    base = tmp_path / "base.json"
    base.write_text('{"fields": {"killed": {"score": 0.5}}}')
    invoke(["eval", str(GOLD), "--oracle", "--json", str(out), "--baseline", str(base)])
    deltas = json.loads(out.read_text())["baseline"]
    assert deltas["killed"] == {"before": 0.5, "after": 1.0, "delta": 0.5, "regression": False}
    assert deltas["date"]["before"] is None and deltas["date"]["delta"] is None
    base.write_text('{"fields": {"killed": {"score": "high"}}}')
    result = invoke(["eval", str(GOLD), "--oracle", "--baseline", str(base)], code=2)
    assert "cannot read baseline report" in result.stderr
