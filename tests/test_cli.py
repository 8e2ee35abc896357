"""Every command through typer's CliRunner, against the loopback server."""

import json
from pathlib import Path

import pytest
from conftest import SEED_GOLD, SEEDS, FakeServer
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()
GOLD = SEED_GOLD
A, B = str(SEEDS / "000_a811bb327bddb04a.txt"), str(SEEDS / "003_66221fe93d3e27fe.txt")


def test_brief_markdown_names_the_facts(env: dict[str, str], server: FakeServer) -> None:
    result = runner.invoke(app, ["brief", str(SEEDS)])
    assert result.exit_code == 0, result.output
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
    first = runner.invoke(app, ["brief", B, A]).stdout
    second = runner.invoke(app, ["brief", A, B, "--no-cache"]).stdout
    assert first == second and len(server.requests) == 4
    assert runner.invoke(app, ["brief", A, B, "-f", "json"]).exit_code == 0


def test_brief_json_and_output_file(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    out = tmp_path / "brief.json"
    result = runner.invoke(app, ["brief", str(SEEDS), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
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
    result = runner.invoke(app, ["brief", str(make(tmp_path))])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_non_utf8_is_decoded_with_a_warning(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        Path(B).read_text().replace("’", "'").encode("utf-8").replace(b"Soumpi", b"So\xfcmpi")
    )
    result = runner.invoke(app, ["brief", str(path), "-v"])
    assert result.exit_code == 0, result.stderr
    assert "latin.txt: not UTF-8, decoded as cp1252" in result.stdout


def test_one_bad_file_keeps_the_others(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["brief", A, B, str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert (
        "Soumpi" in result.stdout and "nope.txt" in result.stdout and "## Failures" in result.stdout
    )


def test_unknown_model_is_exit_2(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["brief", A, "--model", "acme/big"])
    assert result.exit_code == 2 and "unknown model 'acme/big'" in result.stderr


def test_schema_matches_exported_copies() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    root = Path(__file__).resolve().parent.parent / "schemas"
    assert json.loads(result.stdout) == json.loads(
        (root / "incident_brief.schema.json").read_text()
    )
    daily = runner.invoke(app, ["schema", "--daily"]).stdout
    assert json.loads(daily) == json.loads((root / "daily_brief.schema.json").read_text())


def test_models_lists_backends() -> None:
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0 and "openai/NAME" in result.stdout and "embedded/" in result.stdout


def test_eval_oracle_scores_every_field(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app,
        ["eval", str(GOLD), "--oracle", "--json", str(out), "--markdown", str(tmp_path / "r.md")],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert set(report) >= {"fields", "cases", "run"}
    for name, f in report["fields"].items():
        assert f["scored"] == 1 and f["exact"] + f["close"] == 1, name
    assert {"killed", "date", "perpetrators", "conflicts"} <= set(report["fields"])


def test_eval_baseline_flags_a_planted_regression(tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    runner.invoke(app, ["eval", str(GOLD), "--oracle", "--json", str(base)])
    data = json.loads(base.read_text())
    data["fields"]["killed"]["score"] = 1.5  # an earlier run that did "better"
    base.write_text(json.dumps(data))
    md = tmp_path / "r.md"
    result = runner.invoke(
        app, ["eval", str(GOLD), "--oracle", "--baseline", str(base), "--markdown", str(md)]
    )
    assert "regression: killed" in result.stderr and result.stderr.count("regression") == 1
    assert "| killed | 1 | 1 | 0 | 0 |  |  |  | 1.0 | -0.5 REGRESSION |" in md.read_text()


def test_eval_fail_under_sets_exit_code(tmp_path: Path) -> None:
    assert (
        runner.invoke(app, ["eval", str(GOLD), "--oracle", "--fail-under", "date=0.9"]).exit_code
        == 0
    )
    result = runner.invoke(app, ["eval", str(GOLD), "--oracle", "--fail-under", "must_mention=0.5"])
    assert result.exit_code == 1 and "must_mention score None" in result.stderr
    assert (
        runner.invoke(app, ["eval", str(GOLD), "--oracle", "--fail-under", "date"]).exit_code == 2
    )


def test_eval_rejects_non_gold(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}')
    result = runner.invoke(app, ["eval", str(bad), "--oracle"])
    assert result.exit_code == 1 and "not a gold-v1 file" in result.stdout
