"""The daily brief at scale: a mixed-format folder end to end, the cache (hits, misses,
invalidation, a broken file) and two runs at once."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from clirun import invoke
from conftest import ROOT, FakeServer
from fakes import scripted

from summarizer.kinds.registry import load_kind

GAO = "Gunmen attacked the central market in Gao"
GAO_LATER = "The toll from Monday's attack by gunmen on traders at the Gao market"
KIDAL = "A roadside bomb struck an army convoy near Anefis"
MENAKA = "Fighters of the Islamic State Sahel Province"
WEATHER = "Heavy rain is expected"
ANSWERS: dict[str, dict[str, Any]] = {
    GAO: {"event_type": "violence_against_civilians", "date_text": "on Monday", "country": "Mali",
          "town": "Gao", "perpetrators": ["Gunmen"], "targets": ["traders"],
          "killed": "killing 4 traders", "injured": "wounding 9"},
    GAO_LATER: {"event_type": "violence_against_civilians", "date_text": "Monday's",
                "country": "Mali", "town": "Gao", "perpetrators": ["gunmen"],
                "targets": ["traders"], "killed": "rose to 7"},
    KIDAL: {"event_type": "explosion_remote_violence", "date_text": "on 3 March 2025",
            "country": "Mali", "town": "Anefis", "targets": ["army convoy"],
            "killed": "killing 5 soldiers"},
    MENAKA: {"event_type": "violence_against_civilians", "date_text": "on Sunday",
             "country": "Mali", "town": "Inekar", "perpetrators": ["Islamic State Sahel Province"],
             "targets": ["herders"], "killed": "killed 12 herders"},
    WEATHER: {"is_incident": False, "event_type": "other", "country": "Mali"},
}  # fmt: skip


def _day(folder: Path) -> Path:
    """A morning's folder: txt, md with front matter, html, jsonl with a bad line, a binary."""
    folder.mkdir()
    (folder / "gao.txt").write_text(
        f"{GAO} on Monday, killing 4 traders and wounding 9, officials in Mali said.\n"
    )
    (folder / "gao-later.md").write_text(
        "---\ntitle: Gao market toll rises\npublished: 2025-03-04\noutlet: Sahel Wire\n"
        "url: https://example.org/gao\n---\n"
        f"{GAO_LATER} rose to 7, a hospital source in Gao, Mali, said.\n"
    )
    (folder / "kidal.html").write_text(
        "<html><head><title>Convoy hit</title></head><body><nav>Menu</nav><article><p>"
        f"{KIDAL} on 3 March 2025, killing 5 soldiers, the army of Mali said.</p><p>"
        + "The route is a key supply line for the northern garrisons. " * 4
        + "</p></article></body></html>"
    )
    feed = [
        {"id": "menaka-1", "text": f"{MENAKA} killed 12 herders near Inekar on Sunday, "
         "residents of Mali said.", "published": "2025-03-03T07:00:00Z", "outlet": "Feed"},
        "this line is not JSON",
        {"id": "weather-1", "content": f"{WEATHER} across Mali next week; soldiers will clear roads.",
         "published": "2025-03-03"},
    ]  # fmt: skip
    (folder / "feed.jsonl").write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in feed)
    )
    (folder / "scan.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    return folder


def _brief(args: list[str]) -> Any:
    return invoke(["brief", *args, "--published", "2025-03-03"], code=1)  # the folder has bad files


def test_mixed_folder_end_to_end_then_from_cache(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted(ANSWERS)
    folder = _day(tmp_path / "day")
    out = tmp_path / "brief.md"
    first = _brief([str(folder), "-o", str(out)])
    assert first.exit_code == 1, first.output  # written, with failures listed
    text = out.read_text()
    calls = len(server.requests)
    assert calls == 5  # five readable articles, one call each

    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert len([s for s in sections if s[3].isdigit()]) == 3, sections
    # Deadliest first: Inekar 12, then Gao (7 after the later report), then Anefis 5.
    order = [s for s in sections if s[3].isdigit()]
    assert "Inekar" in order[0] and "Gao" in order[1] and "Anefis" in order[2]
    assert "casualties.later_supersedes" in text  # the Gao toll rose from 4 to 7
    assert "[Gao market toll rises](<https://example.org/gao>), Sahel Wire, 2025-03-04" in text
    assert text.startswith(
        "# Daily incident brief: 2025-03-02 to 2025-03-03\n\n5 articles: 3 incidents, 1 not about an incident, 2 failures."
    )
    assert "killing 4 traders" in text and "rose to 7" in text  # quotes as evidence
    assert "weather-1" in text.split("## Not incidents")[1]
    failures = text.split("## Failures")[1]
    assert "feed.jsonl:2" in failures and "not JSON" in failures and "scan.txt" in failures
    assert "Usage: 5 model calls (0 failed attempts)" in text

    second = _brief([str(folder), "-o", str(out)])
    assert second.exit_code == 1
    assert len(server.requests) == calls  # served from the cache
    assert out.read_text() == text
    assert "0 model calls" in second.output and "5 from cache" in second.output


def test_cache_invalidated_by_prompt_model_and_template_changes(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted(ANSWERS)
    folder = _day(tmp_path / "day")
    _brief([str(folder)])
    assert len(server.requests) == 5
    _brief([str(folder)])
    assert len(server.requests) == 5  # hit
    _brief([str(folder), "--no-cache"])
    assert len(server.requests) == 10  # bypassed
    _brief([str(folder), "--model", "openai/other-model"])
    assert len(server.requests) == 15  # another model: miss

    # The conflict kind copied into a folder of one's own: the same name, templates and
    # schema give the same key; an edited template or a new prompt version does not.
    kind = tmp_path / "kind"
    version = load_kind("conflict").prompt_version
    shutil.copytree(load_kind("conflict").folder, kind)
    _brief([str(folder), "--kind", str(kind)])
    assert len(server.requests) == 15  # same templates, same key
    system = kind / f"{version}.system.j2"
    system.write_text(system.read_text() + "\nBe terse.\n")
    _brief([str(folder), "--kind", str(kind)])
    assert len(server.requests) == 20  # an edited template: miss, even at the same version
    assert "Be terse." in server.requests[-1]["messages"][0]["content"]

    for f in kind.glob(f"{version}.*"):
        f.rename(kind / f.name.replace(version, "extract-v9"))
    spec = kind / "kind.yaml"
    spec.write_text(spec.read_text().replace(f"prompt: {version}", "prompt: extract-v9"))
    _brief([str(folder), "--kind", str(kind)])
    assert len(server.requests) == 25  # a new prompt version: miss


def test_a_broken_cache_file_costs_speed_not_the_run(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted(ANSWERS)
    cache = Path(env["SUMMARIZER_CACHE_DIR"])
    cache.mkdir(parents=True)
    (cache / "extractions.sqlite3").write_bytes(b"this is not a database" * 100)
    result = _brief([str(_day(tmp_path / "day"))])
    assert result.exit_code == 1  # the day's own failures; every article was briefed
    assert "cache unusable" in result.output
    incidents = [
        line for line in result.stdout.splitlines() if line[:4] in ("## 1", "## 2", "## 3", "## 4")
    ]
    assert len(incidents) == 3 and "Inekar" in incidents[0]  # all three incidents, ranked
    assert len(server.requests) == 5  # and each article called the model once


def test_two_concurrent_runs_share_the_cache(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted(ANSWERS, delay=0.3)  # slow enough for the runs to overlap
    folder = _day(tmp_path / "day")
    cmd = [sys.executable, "-m", "summarizer", "brief", str(folder), "--published", "2025-03-03",
           "--concurrency", "2"]  # fmt: skip
    environ = os.environ | env | {"PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen([*cmd, "-o", str(tmp_path / f"b{i}.md")], env=environ,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(2)
    ]  # fmt: skip
    outputs = [r.communicate(timeout=120) for r in runs]
    for r, (_, err) in zip(runs, outputs, strict=True):
        assert r.returncode == 1, err  # the day's failures, nothing else
        assert "Traceback" not in err and "locked" not in err
    assert (tmp_path / "b0.md").read_text() == (tmp_path / "b1.md").read_text()
    calls = len(server.requests)
    assert 5 <= calls <= 10
    third = subprocess.run(
        cmd, check=False, env=environ, capture_output=True, text=True, timeout=120
    )
    assert len(server.requests) == calls  # both runs' entries are in the cache
    assert third.stdout == (tmp_path / "b0.md").read_text()
