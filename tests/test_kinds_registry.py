"""Loading a kind: each refusal names the exact file and problem; a load is repeatable."""

import re
from pathlib import Path

import pytest
from kindfolder import write_kind

from summarizer.errors import InputError
from summarizer.kinds.registry import load_kind

GATE = "gate.py:about_accidents"


def _refusal(folder: Path) -> tuple[str, str]:
    with pytest.raises(InputError) as err:
        load_kind(folder)
    return err.value.source, err.value.problem


def _with_gate(folder: Path, gate: str) -> Path:
    (folder / "gate.py").write_text("def about_accidents(text):\n    return True\n")
    (folder / "kind.yaml").write_text((folder / "kind.yaml").read_text() + gate)
    return folder


def test_a_folder_without_kind_yaml_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _refusal(tmp_path / "empty") == (str(tmp_path / "empty/kind.yaml"), "no such kind file")


def test_a_kind_yaml_that_is_a_list_is_refused(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    (folder / "kind.yaml").write_text("- name\n- schema\n")
    assert _refusal(folder) == (
        str(folder / "kind.yaml"),
        "not a mapping of name, schema, prompt, brief, ...",
    )


def test_not_yaml_quotes_the_parser_s_first_line(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    (folder / "kind.yaml").write_text("name: [accident\n")
    source, problem = _refusal(folder)
    assert source == str(folder / "kind.yaml")
    assert problem == "not YAML: while parsing a flow sequence"


@pytest.mark.parametrize(
    ("gate", "problem"),
    [
        (  # a mapping with a misspelt key
            f"gate:\n  test: {GATE}\n  reasons: r\n",
            "gate must be a mapping of test (module:function) and reason",
        ),
        (
            f"gate:\n  test: {GATE}\n  reason: ''\n",
            "gate reason must be a sentence saying what it turns away",
        ),
        (
            f"gate:\n  test: {GATE}\n  reason: 3\n",
            "gate reason must be a sentence saying what it turns away",
        ),
    ],
)
def test_a_malformed_gate_is_refused_in_kind_yaml(tmp_path: Path, gate: str, problem: str) -> None:
    folder = _with_gate(write_kind(tmp_path / "accident"), gate)
    assert _refusal(folder) == (str(folder / "kind.yaml"), problem)


def test_a_gate_needs_an_is_incident_flag_in_the_schema(tmp_path: Path) -> None:
    folder = _with_gate(write_kind(tmp_path / "accident"), f"gate:\n  test: {GATE}\n  reason: r\n")
    schema = folder / "schema.py"
    schema.write_text(
        schema.read_text().replace(
            "is_incident: Annotated[bool, Flag()]", "is_incident: Annotated[bool, Span()]"
        )
    )
    assert _refusal(folder) == (str(schema), "a gate needs an is_incident Flag field")


def test_a_gate_loads_with_its_reason_and_function(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    (folder / "schema.py").write_text(
        (folder / "schema.py").read_text().replace(", Category()]", ", Category()] = 'other'")
    )
    _with_gate(folder, f"gate:\n  test: {GATE}\n  reason: no word of an accident\n")
    gate = load_kind(folder).gate
    assert gate is not None and gate.reason == "no word of an accident" and gate.ref == GATE
    assert gate.test("anything") is True


def test_a_template_error_gives_its_line(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    (folder / "brief.md.j2").write_text("# Accidents\n\n{% for x in brief.incidents %}\n")
    source, problem = _refusal(folder)
    assert source == str(folder / "brief.md.j2")
    assert problem.startswith("template error: ") and problem.endswith(" (line 3)")


def test_the_description_is_read_and_optional(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    assert (
        load_kind(folder).description == "industrial accidents (hazard, site, operator, casualties)"
    )
    kind_yaml = folder / "kind.yaml"
    kind_yaml.write_text(
        "\n".join(
            line
            for line in kind_yaml.read_text().splitlines()
            if not line.startswith("description")
        )
    )
    assert load_kind(folder).description == ""


def test_a_schema_file_is_imported_once_per_content(tmp_path: Path) -> None:
    """An answer validated by one load is an instance of the next load's schema; an edit
    gives a new schema."""
    folder = write_kind(tmp_path / "accident")
    first = load_kind(folder).schema
    assert load_kind(folder).schema is first
    assert re.fullmatch(r"summarizer_kind_accident_[0-9a-f]{16}", first.__module__)
    schema = folder / "schema.py"
    schema.write_text(schema.read_text().replace('"spill", ', ""))
    assert load_kind(folder).schema is not first


def _edit_yaml(folder: Path, old: str, new: str) -> None:
    kind_yaml = folder / "kind.yaml"
    assert old in kind_yaml.read_text()
    kind_yaml.write_text(kind_yaml.read_text().replace(old, new))


def test_without_gold_fields_every_field_but_prose_is_scored(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    _edit_yaml(
        folder, "gold_fields: [hazard, date, site, country, operator, killed, injured]\n", ""
    )
    assert load_kind(folder).gold_fields == (
        "is_incident", "hazard", "date_text", "site", "country", "operator", "cause", "killed", "injured",
    )  # fmt: skip


def test_gold_fields_that_are_not_a_list_are_refused(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    _edit_yaml(
        folder,
        "gold_fields: [hazard, date, site, country, operator, killed, injured]",
        "gold_fields: hazard",
    )
    assert _refusal(folder) == (
        str(folder / "kind.yaml"),
        "gold_fields must be a list of field names",
    )


def test_grouping_is_by_place_unless_kind_yaml_says_event(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    assert load_kind(folder).grouping == "place"
    (folder / "kind.yaml").write_text((folder / "kind.yaml").read_text() + "grouping: event\n")
    assert load_kind(folder).grouping == "event"


def test_a_field_without_a_fact_type_lists_the_types(tmp_path: Path) -> None:
    folder = write_kind(tmp_path / "accident")
    schema = folder / "schema.py"
    schema.write_text(
        schema.read_text().replace("Annotated[SpanText | None, Span()]", "str | None")
    )
    assert _refusal(folder) == (
        str(schema),
        "field 'cause' has no fact type (annotate it with one of "
        "Flag, Category, Span, Count, When, Where, Who, Prose)",
    )


def test_a_kind_is_found_by_its_yml_file_or_a_relative_folder_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_kind(tmp_path / "accident")
    (folder / "kind.yaml").rename(folder / "kind.yml")
    assert load_kind(folder / "kind.yml").name == "accident"
    (folder / "kind.yml").rename(folder / "kind.yaml")
    monkeypatch.chdir(tmp_path)
    assert load_kind("accident").folder == Path("accident")  # a folder here, not a name
    with pytest.raises(InputError) as err:  # a path, though there is nothing there
        load_kind("kinds/volcano")
    assert (err.value.source, err.value.problem) == ("kinds/volcano/kind.yaml", "no such kind file")
