"""Replay mode: stored model answers through the whole pipeline, no model, no cache.

Two case folders each hold a `1.txt`: articles are matched by their path relative to the
gold file, so the two never collide (in ids, in stored answers, or in cluster scoring).
"""

import json
from pathlib import Path
from typing import Any

from clirun import invoke

from summarizer.evaluate.run import EvalOptions, evaluate

TEXTS = {
    "gao/1.txt": "Gunmen attacked the market in Gao, Mali, on 3 March 2025, killing 4 traders.",
    "gao/2.txt": "At least four traders died when gunmen stormed a market in Gao on 3 March 2025.",
    "kidal/1.txt": "A roadside bomb hit an army convoy near Kidal, Mali, on 5 March 2025, "
    "killing 7 soldiers.",
}
ANSWERS: dict[str, dict[str, Any]] = {
    "gao/1.json": {"is_incident": True, "event_type": "violence_against_civilians",
                   "date_text": "on 3 March 2025", "country": "Mali", "town": "Gao",
                   "perpetrators": ["Gunmen"], "targets": ["traders"],
                   "killed": "killing 4 traders", "title": "t", "summary": "s"},
    # "eight" is not in the article: a live call would re-ask; the replay drops it.
    "gao/2.json": {"is_incident": True, "event_type": "violence_against_civilians",
                   "date_text": "on 3 March 2025", "town": "Gao", "perpetrators": ["gunmen"],
                   "killed": "At least four traders died", "injured": "eight wounded",
                   "title": "t", "summary": "s"},
    "kidal/1.json": {"is_incident": True, "event_type": "explosion_remote_violence",
                     "date_text": "on 5 March 2025", "country": "Mali", "town": "Kidal",
                     "targets": ["army convoy"], "killed": "killing 7 soldiers",
                     "title": "t", "summary": "s"},
}  # fmt: skip


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    articles, answers = tmp_path / "texts", tmp_path / "answers"
    for name, text in TEXTS.items():
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_text(text + "\n")
    for name, answer in ANSWERS.items():
        (answers / name).parent.mkdir(parents=True, exist_ok=True)
        (answers / name).write_text(json.dumps(answer))
    gao = {
        "format": "gold-v1",
        "id": "gao",
        "articles": [{"file": "gao/1.txt"}, {"file": "gao/2.txt"}],
        "incident": {
            "country": "Mali",
            "location": ["Gao"],
            "date": "2025-03-03",
            "killed": {"min": 4, "max": None},
            "injured": {"min": None, "max": None},
        },
    }
    day = {"format": "gold-v1-clusters", "id": "day",
           "articles": [{"file": f} for f in TEXTS],
           "clusters": [["gao/1.txt", "gao/2.txt"], ["kidal/1.txt"]]}  # fmt: skip
    (tmp_path / "gao.json").write_text(json.dumps(gao))
    (tmp_path / "day.json").write_text(json.dumps(day))
    return articles, answers


def test_replay_scores_a_case_through_the_real_checks(tmp_path: Path) -> None:
    articles, answers = _tree(tmp_path)
    options = EvalOptions(mode="extractions", articles_root=articles, extractions=answers)
    report = evaluate([tmp_path / "gao.json"], options)
    fields = report.fields
    assert report.run.failed_cases == 0
    assert report.run.calls == 0
    assert fields["killed"].exact == 1  # 4 from both
    assert fields["injured"].exact == 1  # the unsupported "eight wounded" was dropped
    assert fields["location"].exact == 1
    assert fields["date"].exact == 1


def test_replay_groups_a_mix_whose_folders_share_file_names(tmp_path: Path) -> None:
    articles, answers = _tree(tmp_path)
    out = tmp_path / "r.json"
    args = ["eval", str(tmp_path / "day.json"), "--articles-root", str(articles),
            "--extractions", str(answers), "--json", str(out)]  # fmt: skip
    invoke(args)
    pairwise = json.loads(out.read_text())["clusters"]["pairwise"]
    assert (pairwise["tp"], pairwise["fp"], pairwise["fn"]) == (1, 0, 0)


def test_a_missing_stored_answer_fails_that_article_only(tmp_path: Path) -> None:
    articles, answers = _tree(tmp_path)
    (answers / "gao" / "2.json").unlink()
    options = EvalOptions(mode="extractions", articles_root=articles, extractions=answers)
    report = evaluate([tmp_path / "gao.json"], options)
    assert report.run.failed_cases == 0
    assert report.fields["date"].exact == 1
    assert report.fields["country"].exact == 1


def test_extractions_must_be_a_folder(tmp_path: Path) -> None:
    _tree(tmp_path)
    result = invoke(["eval", str(tmp_path / "gao.json"), "--extractions",
                     str(tmp_path / "nope")], code=2)  # fmt: skip
    assert "--extractions needs a folder" in result.output


def test_a_gold_folder_skips_stored_answers_kept_beside_it(tmp_path: Path) -> None:
    from summarizer.evaluate.gold import gold_files

    _tree(tmp_path)
    (tmp_path / "broken.json").write_text("{not json")
    found = gold_files([tmp_path])
    assert [f.name for f in found] == ["broken.json", "day.json", "gao.json"]
