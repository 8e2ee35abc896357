"""A kind's rules (kind.yaml `rules:`): the conflict kind's are an ordinary rules class, a
copy of its folder outside the package briefs exactly like it, and a user's rules change
the step they override, through the CLI and the API against the loopback server."""

import shutil
from pathlib import Path

import pytest
from clirun import invoke
from conftest import FIXTURES, SEEDS, FakeServer
from fakes import scripted
from kindfolder import write_kind
from test_kinds_e2e import ACCIDENT, _accident_day

from summarizer import summarize
from summarizer.errors import InputError
from summarizer.kinds.incident import IncidentRules
from summarizer.kinds.registry import builtin_folder, load_kind
from summarizer.kinds.rules import Rules
from summarizer.schemas import IncidentBrief
from summarizer.schemas.facts import FactBrief

# A user's rules: the brief's title composed from its facts instead of a source's headline.
TITLED = """
from summarizer.kinds.rules import Rules


class Titled(Rules):
    def brief(self, kind, reports, model):
        brief = super().brief(kind, reports, model)
        facts = {f.field: f for f in brief.facts}
        title = f"{facts['hazard'].label} at {facts['site'].place.name}: {facts['killed'].count.best} dead"
        return brief.model_copy(update={"title": title})
"""


def _conflict_copy(folder: Path, name: str = "conflict-copy") -> Path:
    """The built-in conflict kind's folder, copied as a user would, schema and rules named
    by their modules."""
    shutil.copytree(builtin_folder() / "conflict", folder)
    spec = folder / "kind.yaml"
    spec.write_text(spec.read_text().replace("name: conflict", f"name: {name}"))
    return folder


def test_the_built_in_kinds_name_their_rules_like_any_kind() -> None:
    assert isinstance(load_kind("conflict").rules, IncidentRules)
    assert type(load_kind("outbreak").rules) is Rules  # no `rules:`: the fact types' own
    assert load_kind("conflict").rules_name == "summarizer.kinds.incident:IncidentRules"


def test_a_copy_of_the_conflict_kind_briefs_the_seeds_exactly_like_it(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    copy = _conflict_copy(tmp_path / "conflict-copy")
    built_in = invoke(["brief", str(SEEDS), "--format", "json"]).stdout
    copied = invoke(["brief", str(SEEDS), "--format", "json", "--kind", str(copy)]).stdout
    assert copied == built_in.replace('"kind": "conflict"', '"kind": "conflict-copy"')
    assert '"kind": "conflict-copy"' in copied
    assert len(server.requests) == 4  # another kind: its own cache entries
    brief = summarize([SEEDS], kind=copy)
    assert isinstance(brief, IncidentBrief) and brief.kind == "conflict-copy"
    scores = invoke(["eval", str(FIXTURES / "seeds_gold.json")]).stdout
    assert "overall score: 1.0" in scores


def test_a_users_rules_change_the_step_they_override(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    kind = write_kind(tmp_path / "accident")
    (kind / "rules.py").write_text(TITLED)
    spec = kind / "kind.yaml"
    plain = load_kind(kind).fingerprint()
    spec.write_text(spec.read_text() + "rules: rules.py:Titled\n")
    assert load_kind(kind).fingerprint() != plain  # other rules: not the other's answers
    assert load_kind(kind).rules_name == "Titled"  # stable from one process to the next
    server.handler = scripted(ACCIDENT)
    day = _accident_day(tmp_path / "day")
    markdown = invoke(["brief", str(day), "--kind", str(kind)]).stdout
    assert "## 1. fire at Tema: 4 dead" in markdown
    brief = summarize([day], kind=kind)
    assert isinstance(brief, FactBrief) and brief.title == "fire at Tema: 4 dead"
    assert {(c.field, c.rule) for c in brief.conflicts} >= {("killed", "count.revision_supersedes")}


@pytest.mark.parametrize(
    ("rules", "file", "needles"),
    [
        ("rules: incident\n", None, ["kind.yaml", "'module:Name' or 'file.py:Name'"]),
        ("rules: rules.py:Titled\n", "class Titled:\n    pass\n",
         ["rules.py", "'Titled' is not a subclass of summarizer.kinds.rules.Rules"]),
        ("rules: rules.py:Titled\n", "import no_such_module_here\n",
         ["rules.py", "rules does not import", "no_such_module_here"]),
        ("rules: rules.py:Missing\n", TITLED, ["rules.py", "'Missing' is not a subclass"]),
        ("rules: rules.py:Titled\n", None, ["rules.py", "no such schema file"]),
        ("rules: summarizer.kinds.incident:IncidentRules\n", None,
         ["schema.py", "the incident rules read the conflict kind's fields"]),
        ("rules: rules.py:Broken\n",
         "from summarizer.kinds.rules import Rules\n\n\nclass Broken(Rules):\n"
         "    def __init__(self) -> None:\n        raise ValueError('no config')\n",
         ["rules.py", "rules cannot be made: ValueError: no config"]),
    ],
)  # fmt: skip
def test_invalid_rules_are_refused_in_one_line_before_any_model_call(
    env: dict[str, str],
    server: FakeServer,
    tmp_path: Path,
    rules: str,
    file: str | None,
    needles: list[str],
) -> None:
    kind = write_kind(tmp_path / "accident")
    (kind / "kind.yaml").write_text((kind / "kind.yaml").read_text() + rules)
    if file is not None:
        (kind / "rules.py").write_text(file)
    article = tmp_path / "a.txt"
    article.write_text("A fire at the Tema refinery killed three workers on Monday.")
    result = invoke(["brief", str(article), "--kind", str(kind)], code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    with pytest.raises(InputError):
        load_kind(kind)
    assert server.requests == []


def test_without_its_rules_a_copy_of_the_conflict_kind_states_the_same_facts(
    env: dict[str, str], server: FakeServer, tmp_path: Path
) -> None:
    """The conflict kind's folder with no `rules:` line is a kind of the fact types' own:
    its brief (a FactBrief) states, in the gold format's fields, every fact and every
    disagreement the conflict kind's IncidentBrief states; only the prose differs (no
    composed headline)."""
    from dataclasses import replace as copy_of

    from summarizer.evaluate.score import flat_brief, flat_facts

    folder = _conflict_copy(tmp_path / "conflict-facts", "conflict-facts")
    spec = folder / "kind.yaml"
    spec.write_text(
        spec.read_text().replace("rules: summarizer.kinds.incident:IncidentRules\n", "")
    )
    kind = load_kind(folder)
    assert type(kind.rules) is Rules
    own = summarize([SEEDS])
    facts = summarize([SEEDS], kind=kind)
    assert isinstance(own, IncidentBrief) and isinstance(facts, FactBrief)
    mine, theirs = flat_brief(own), flat_facts(facts, kind)
    assert mine.counts["killed"] == (20, None) and mine.perpetrators and mine.conflicts
    assert copy_of(theirs, text="") == copy_of(mine, text="")
