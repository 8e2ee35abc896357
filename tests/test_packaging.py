"""The wheel works outside the checkout; lint and types stay clean."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_prompts_and_schemas(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("summarizer-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import summarizer, summarizer.kinds.prompt as e, summarizer.render as r;"
        "from summarizer.articles import Article;"
        "m, c = e.render_messages(Article(id='x', text='Soumpi attack'), 'Soumpi attack');"
        "assert c['article'] == 'Soumpi attack' and 'extract facts' in m[0]['content'];"
        "assert '{{ article }}' in m[1]['content'];"
        "from summarizer.kinds.registry import kind_names, load_kind;"
        "k = load_kind('conflict');"
        "assert 'site' in str(k.folder) and k.brief_template.is_file(), k.folder;"
        "assert set(kind_names()) >= {'conflict', 'outbreak'}, kind_names();"
        "assert load_kind('outbreak').schema.__name__ == 'Outbreak';"
        "g = load_kind('outbreak').gate;"
        "assert g and g.test('cholera cases') and not g.test('a budget'), g;"
        "assert 'site' in summarizer.__file__, summarizer.__file__;"
        "print('ok')"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
    assert (target / "summarizer" / "prompts" / "conflict" / "kind.yaml").is_file()


def test_one_copy_of_prompts_and_schemas_and_no_symlinks() -> None:
    """A checkout without symlink support works: git tracks no link, and the package
    finds the built-in kinds in the top-level prompts/ folder."""
    tracked = subprocess.run(
        ["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    links = [
        line.split("\t")[1] for line in tracked.stdout.splitlines() if line.startswith("120000")
    ]
    assert links == []
    from summarizer.kinds.registry import builtin_folder

    assert builtin_folder() == ROOT / "prompts"


@pytest.mark.parametrize(
    "tool", [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]]
)
def test_lint_and_types(tool: list[str]) -> None:
    exe = shutil.which(tool[0], path=str(Path(sys.executable).parent)) or shutil.which(tool[0])
    if exe is None:
        pytest.skip(f"{tool[0]} not installed (pip install '.[dev]')")
    run = subprocess.run([exe, *tool[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
