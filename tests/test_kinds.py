"""Kinds: found by name, folder or entry point; an invalid one refused in one line (exit 2)."""

import json
import shutil
import sys
from pathlib import Path

import pytest
from clirun import invoke
from conftest import FakeServer
from kindfolder import write_kind

from summarizer.errors import InputError
from summarizer.kinds.registry import kind_names, load_kind


def test_kinds_lists_the_built_in_ones_with_their_fact_types() -> None:
    out = invoke(["kinds"]).stdout
    assert out.splitlines()[0].startswith("conflict ")
    assert "prompt extract-v3" in out
    assert "killed (count)" in out and "date_text (date)" in out and "town (place)" in out
    gate = "gate: summarizer.normalize.relevance:may_report_incident (turns away: no word of"
    assert gate in out and "gate: gate.py:may_report_outbreak (turns away: no word of" in out


def test_a_folder_kind_loads_with_its_facts_and_prints_its_schema(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    kind = load_kind(folder)
    assert kind.name == "accident" and kind.prompt_version == "accident-v1"
    assert {f: x.type for f, x in kind.facts.items()}["operator"] == "actor"
    assert kind.gold_fields == (
        "hazard",
        "date",
        "site",
        "country",
        "operator",
        "killed",
        "injured",
    )
    schema = json.loads(invoke(["schema", "--kind", str(folder)]).stdout)
    assert schema["properties"]["hazard"]["enum"] == [
        "fire",
        "explosion",
        "collapse",
        "spill",
        "other",
    ]
    assert load_kind(folder / "kind.yaml").fingerprint() == kind.fingerprint()


def test_the_fingerprint_follows_templates_and_schema(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    before = load_kind(folder).fingerprint()
    assert before.startswith("accident:accident-v1:")
    system = folder / "accident-v1.system.j2"
    system.write_text(system.read_text() + "Be terse.\n")
    edited = load_kind(folder).fingerprint()
    assert edited != before
    schema = folder / "schema.py"
    schema.write_text(schema.read_text().replace('"spill", ', ""))
    assert load_kind(folder).fingerprint() != edited


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def _refused(args: list[str], *needles: str) -> None:
    result = invoke(args, code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize(
    ("break_it", "needles"),
    [
        (  # a field with no fact type
            lambda f: (f / "schema.py").write_text(
                (f / "schema.py")
                .read_text()
                .replace(
                    "cause: Annotated[SpanText | None, Span()] = None", "cause: str | None = None"
                )
            ),
            ["schema.py", "field 'cause' has no fact type"],
        ),
        (  # a missing prompt
            lambda f: (f / "accident-v1.user.j2").unlink(),
            ["accident-v1.user.j2", "missing template"],
        ),
        (  # a template using a name nothing gives it
            lambda f: (f / "brief.md.j2").write_text("{{ briefing.incidents }}"),
            ["brief.md.j2", "undefined name 'briefing'"],
        ),
        (  # a prompt using a name nothing gives it
            lambda f: (f / "accident-v1.system.j2").write_text("Today is {{ today }}."),
            ["accident-v1.system.j2", "undefined name 'today'"],
        ),
        (  # a template that does not compile
            lambda f: (f / "brief.md.j2").write_text("{% for x in brief.incidents %}"),
            ["brief.md.j2", "template error"],
        ),
        (  # a schema that does not import
            lambda f: (f / "schema.py").write_text("import not_a_module_anywhere\n"),
            ["schema.py", "schema does not import", "not_a_module_anywhere"],
        ),
        (  # kind.yaml without a prompt
            lambda f: (f / "kind.yaml").write_text(
                (f / "kind.yaml").read_text().replace("prompt: accident-v1\n", "")
            ),
            ["kind.yaml", "missing or empty 'prompt'"],
        ),
        (  # kind.yaml that is not YAML
            lambda f: (f / "kind.yaml").write_text("name: [accident\n"),
            ["kind.yaml", "not YAML"],
        ),
        (  # a grouping that is neither place nor event
            lambda f: _append(f / "kind.yaml", "grouping: day\n"),
            ["kind.yaml", "grouping must be one of place, event, not 'day'"],
        ),
        (  # a gate that is not a mapping of test and reason
            lambda f: _append(f / "kind.yaml", "gate: gate.py:about_accidents\n"),
            ["kind.yaml", "gate must be a mapping"],
        ),
        (  # a gate that is no function
            lambda f: (
                (f / "gate.py").write_text("about_accidents = 3\n"),
                _append(f / "kind.yaml", "gate:\n  test: gate.py:about_accidents\n  reason: r\n"),
            ),
            ["gate.py", "'about_accidents' is not a function"],
        ),
        (  # a gate whose turned-away answer the schema cannot hold (hazard has no default)
            lambda f: (
                (f / "gate.py").write_text("def about_accidents(text):\n    return True\n"),
                _append(f / "kind.yaml", "gate:\n  test: gate.py:about_accidents\n  reason: r\n"),
            ),
            ["schema.py", "field 'hazard' has no default"],
        ),
    ],
)
def test_an_invalid_kind_is_refused_in_one_line_before_any_model_call(
    tmp_path: Path, env: dict[str, str], server: FakeServer, break_it, needles: list[str]
) -> None:
    folder = write_kind(tmp_path / "accident")
    break_it(folder)
    article = tmp_path / "a.txt"
    article.write_text("A fire at the Tema refinery killed three workers on Monday.")
    # env points the model at a server that fails every request: none may be made.
    _refused(["brief", str(article), "--kind", str(folder)], *needles)
    _refused(["schema", "--kind", str(folder)], *needles)
    with pytest.raises(InputError):
        load_kind(folder)
    assert server.requests == []


def test_an_unknown_kind_name_lists_the_known_ones(env: dict[str, str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A fire at the Tema refinery killed three workers on Monday.")
    _refused(["brief", str(article), "--kind", "volcanoes"], "volcanoes", "known: conflict")


def test_a_kind_registered_by_an_installed_package_is_found_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    write_kind(site / "acme_kinds")
    (site / "acme_kinds" / "__init__.py").write_text("")
    info = site / "acme_kinds-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-kinds\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[summarizer.kinds]\naccident = acme_kinds\n")
    monkeypatch.syspath_prepend(str(site))
    try:
        assert "accident" in kind_names()
        kind = load_kind("accident")
        assert kind.folder == site / "acme_kinds" and kind.name == "accident"
        assert "accident " in invoke(["kinds"]).stdout
    finally:  # not monkeypatch.delitem: its undo would put the module back for the next run
        sys.modules.pop("acme_kinds", None)


def test_the_package_files_are_not_touched_by_a_user_kind(tmp_path: Path) -> None:
    """Loading a copy of a built-in kind reads it; nothing is written beside the package."""
    builtin = load_kind("conflict").folder
    before = sorted(p.name for p in builtin.iterdir())
    copy = tmp_path / "mine"
    shutil.copytree(builtin, copy)
    assert load_kind(copy).fingerprint() == load_kind("conflict").fingerprint()
    assert sorted(p.name for p in builtin.iterdir()) == before
