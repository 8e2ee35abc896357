"""Every command through typer's CliRunner, against the loopback server."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import invoke
from conftest import SEED_GOLD, SEEDS, FakeServer
from fakes import scripted

from summarizer.schemas import ArticleReport

GOLD = SEED_GOLD
A, B = str(SEEDS / "000_a811bb327bddb04a.txt"), str(SEEDS / "003_66221fe93d3e27fe.txt")


def test_brief_markdown_names_the_facts(env: dict[str, str], server: FakeServer) -> None:
    result = invoke(["brief", str(SEEDS)])
    out = result.stdout
    for fact in (
        "Soumpi",
        "Tombouctou",
        "Mali",
        "JNIM",
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "2025-11-07",
        "at least 20 killed",
    ):
        assert fact in out, fact
    assert "rule `date.intersection`" in out and "rule `casualties.most_conservative`" in out


def test_brief_is_byte_identical_in_any_order(env: dict[str, str], server: FakeServer) -> None:
    first = invoke(["brief", B, A]).stdout
    second = invoke(["brief", A, B, "--no-cache"]).stdout
    assert first == second and len(server.requests) == 4
    assert "Soumpi" in first


def test_brief_json_and_output_file(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    out = tmp_path / "brief.json"
    result = invoke(["brief", str(SEEDS), "-f", "json", "-o", str(out)])
    assert result.stdout == ""
    data = json.loads(out.read_text())
    assert data["incidents"][0]["location"]["name"] == "Soumpi"
    assert data["usage"]["prompt_tokens"] == 849 + 905


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file or folder"),
        (
            lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt",
            "empty.txt: empty article",
        ),
        (
            lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02") and d / "bin.txt",
            "bin.txt: binary file",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(
    env: dict[str, str], tmp_path: Path, make, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = invoke(["brief", str(make(tmp_path))], code=2)
    assert message in result.stderr and "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_non_utf8_is_decoded_with_a_warning(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        Path(B).read_text().replace("’", "'").encode("utf-8").replace(b"Soumpi", b"So\xfcmpi")
    )
    result = invoke(["brief", str(path), "-v"])
    assert "latin.txt: not UTF-8, decoded as cp1252" in result.stdout


def test_one_bad_file_keeps_the_others(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    result = invoke(["brief", A, B, str(tmp_path / "nope.txt")], code=1)
    assert (
        "Soumpi" in result.stdout and "nope.txt" in result.stdout and "## Failures" in result.stdout
    )


def test_unknown_model_is_exit_2(env: dict[str, str]) -> None:
    result = invoke(["brief", A, "--model", "acme/big"], code=2)
    assert "unknown model 'acme/big'" in result.stderr


def test_schema_matches_exported_copies() -> None:
    result = invoke(["schema"])
    root = Path(__file__).resolve().parent.parent / "schemas"
    assert json.loads(result.stdout) == json.loads(
        (root / "incident_brief.schema.json").read_text()
    )
    daily = invoke(["schema", "--daily"]).stdout
    assert json.loads(daily) == json.loads((root / "daily_brief.schema.json").read_text())
    for name in ("conflict", "outbreak"):
        extraction = invoke(["schema", "--kind", name]).stdout
        export = root / f"{name}.extraction.schema.json"
        assert json.loads(extraction) == json.loads(export.read_text())
    assert json.loads(invoke(["schema", "--kind", "conflict", "--brief"]).stdout) == json.loads(
        result.stdout
    )
    report = json.loads((root / "article_report.schema.json").read_text())
    assert report == ArticleReport.model_json_schema()  # what one article's extraction keeps


def test_schema_of_a_kinds_output_models() -> None:
    """A kind of the fact types' own rules has its own brief models (FactBrief,
    FactDailyBrief), not the conflict kind's."""
    outbreak = json.loads(invoke(["schema", "--kind", "outbreak", "--brief"]).stdout)
    assert outbreak["title"] == "FactBrief" and "facts" in outbreak["properties"]
    day = json.loads(invoke(["schema", "--kind", "outbreak", "--daily"]).stdout)
    assert day["title"] == "FactDailyBrief"
    both = invoke(["schema", "--brief", "--daily"], code=2)
    assert both.stderr.strip().splitlines() == ["error: --brief and --daily: choose one"]


def test_models_reports_the_model_file_state(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    result = invoke(["models"])
    lines = result.stdout.splitlines()
    model_file = next(line for line in lines if line.strip().startswith("model_file:"))
    assert str(tmp_path) in model_file  # the file lives in the configured cache directory
    assert "  present: False" in lines and "  verified: False" in lines
    monkeypatch.setenv("SUMMARIZER_EMBEDDED_RUNTIME", str(tmp_path / "llama-server"))
    lines = invoke(["models"]).stdout.splitlines()
    assert f"  server: native ({tmp_path / 'llama-server'})" in lines
    monkeypatch.setenv("SUMMARIZER_EMBEDDED_RUNTIME", "xllamacpp")
    assert "  server: xllamacpp" in invoke(["models"]).stdout.splitlines()


def test_eval_oracle_scores_every_field(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    invoke(
        ["eval", str(GOLD), "--oracle", "--json", str(out), "--markdown", str(tmp_path / "r.md")]
    )
    report = json.loads(out.read_text())
    assert set(report) >= {"fields", "cases", "run"}
    for name, f in report["fields"].items():
        assert f["scored"] == 1 and f["exact"] + f["close"] == 1, name
    assert {"killed", "date", "perpetrators", "conflicts"} <= set(report["fields"])


def test_eval_baseline_flags_a_planted_regression(tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    invoke(["eval", str(GOLD), "--oracle", "--json", str(base)])
    data = json.loads(base.read_text())
    data["fields"]["killed"]["score"] = 1.5  # an earlier run that did "better"
    base.write_text(json.dumps(data))
    md = tmp_path / "r.md"
    result = invoke(
        ["eval", str(GOLD), "--oracle", "--baseline", str(base), "--markdown", str(md)], code=0
    )
    assert "regression: killed" in result.stderr and result.stderr.count("regression") == 1
    assert "| killed | 1 | 1 | 0 | 0 |  |  |  | 1.0 | -0.5 REGRESSION |" in md.read_text()


def test_eval_fail_under_sets_exit_code(tmp_path: Path) -> None:
    invoke(["eval", str(GOLD), "--oracle", "--fail-under", "date=0.9"], code=0)
    result = invoke(["eval", str(GOLD), "--oracle", "--fail-under", "must_mention=0.5"], code=1)
    assert "must_mention score None" in result.stderr
    result = invoke(["eval", str(GOLD), "--oracle", "--fail-under", "date"], code=2)
    assert "expected FIELD=NUMBER" in result.stderr


def test_eval_rejects_non_gold(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}')
    result = invoke(["eval", str(bad), "--oracle"], code=1)
    assert "not a gold-v1 file" in result.stdout


CONVOY = "A roadside bomb struck an army convoy near Anefis"
CONVOY_FACTS = {
    CONVOY: {"event_type": "explosion_remote_violence", "date_text": "on 3 March 2025",
             "country": "Mali", "town": "Anefis", "targets": ["army convoy"],
             "killed": "killing 5 soldiers"},
}  # fmt: skip
CONVOY_HTML = (
    "<html><head><title>Convoy hit</title></head><body><nav>Menu Sport Weather</nav>"
    f"<article><p>{CONVOY} on 3 March 2025, killing 5 soldiers, the army of Mali said.</p><p>"
    + "The route is a key supply line for the northern garrisons. " * 4
    + "</p></article></body></html>"
)


def test_html_article_in_a_folder_is_briefed(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    """trafilatura (and lxml_html_clean under it) must be installed by the package itself."""
    server.handler = scripted(CONVOY_FACTS)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "convoy.html").write_text(CONVOY_HTML)
    result = invoke(["brief", str(tmp_path / "news"), "-f", "json"])
    daily = json.loads(result.stdout)
    assert daily["failures"] == [] and len(daily["incidents"]) == 1
    incident = daily["incidents"][0]
    assert incident["killed"]["best"] == 5 and incident["sources"][0]["id"] == "convoy.html"
    assert incident["sources"][0]["title"] == "Convoy hit"  # the page's <title>
    sent = json.dumps(server.requests[0]["messages"])
    assert CONVOY in sent and "Menu Sport Weather" not in sent  # boilerplate left out


def test_stdin_dash_is_read(env: dict[str, str], server: FakeServer) -> None:
    server.handler = scripted(CONVOY_FACTS)
    text = f"{CONVOY} on 3 March 2025, killing 5 soldiers, the army of Mali said.\n"
    result = invoke(["brief", "-", "-f", "json"], input=text)
    incident = json.loads(result.stdout)["incidents"][0]
    assert [s["id"] for s in incident["sources"]] == ["stdin"]
    assert incident["killed"]["best"] == 5 and len(server.requests) == 1


def test_missing_html_library_names_file_and_package(
    env: dict[str, str], server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m.startswith("trafilatura")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what `import` sees when missing
    (tmp_path / "convoy.html").write_text(CONVOY_HTML)
    result = invoke(["brief", str(tmp_path / "convoy.html")], code=2)
    assert (
        "convoy.html: reading HTML needs the 'trafilatura' package: pip install trafilatura"
        in result.stderr
    )
    assert server.requests == []


def test_missing_lxml_html_clean_is_named(tmp_path: Path) -> None:
    """lxml 6 moved the HTML cleaner out; its bare ImportError must still name the package.

    A fresh interpreter, so the already-imported cleaner cannot satisfy the import.
    """
    (tmp_path / "convoy.html").write_text(CONVOY_HTML)
    code = (
        "import sys; sys.modules['lxml_html_clean'] = None\n"
        "from summarizer.articles import load_articles\n"
        f"print(load_articles([{str(tmp_path / 'convoy.html')!r}])[1][0])"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == (
        "convoy.html: reading HTML needs the 'lxml_html_clean' package: pip install lxml_html_clean"
    )


def test_malformed_prices_exit_2_before_any_request(
    env: dict[str, str], server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/test-model": "cheap"}')
    result = invoke(["brief", str(SEEDS)], code=2)
    assert "SUMMARIZER_PRICES is malformed (openai/test-model" in result.stderr
    assert "Traceback" not in result.stderr and server.requests == []
