"""The command line: a thin typer layer over the library.

Exit codes: 0 all good; 1 a brief was written but some articles failed (listed in it) or
an eval threshold was missed; 2 a usage error (bad input, unknown model, missing key or
extra). Errors are one line on stderr naming the file and the problem, never a traceback.
Heavy imports (openai, instructor) happen inside commands, so --help stays fast.
"""

import json
import os
import sys
import tempfile
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from summarizer.errors import SummarizerError, UserError

app = typer.Typer(
    help="Turn news articles into validated, reconciled incident briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    markdown = "markdown"
    json = "json"


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def write_atomic(path: Path, text: str) -> None:
    """Temp file + rename: a run killed halfway leaves the previous file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date (YYYY-MM-DD)")


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", envvar="SUMMARIZER_MODEL",
        help="provider/name: openai/NAME for any OpenAI-compatible endpoint, or "
        "embedded/qwen2.5-coder-1.5b (the default).",
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", envvar="OPENAI_BASE_URL", help="OpenAI-compatible endpoint URL."),
]


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles; - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="markdown or json.")] = Format.markdown,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")
    ] = None,
    concurrency: Annotated[int | None, typer.Option(min=1, max=256, help="Parallel model calls.")] = None,
    timeout: Annotated[float | None, typer.Option(envvar="SUMMARIZER_TIMEOUT", help="Seconds per request.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore and do not fill the cache.")] = False,
    template: Annotated[Path | None, typer.Option(help="Your own Jinja2 markdown template (sandboxed).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show failure details.")] = False,
) -> None:
    """Write a brief of the incidents in PATHS (one section per incident)."""
    from summarizer.api import Options, daily_brief
    from summarizer.render import render_json, render_markdown

    if template is not None and not template.is_file():
        fail(f"{template}: no such template")
    options = Options(
        model=model, base_url=base_url, timeout=timeout, concurrency=concurrency,
        use_cache=not no_cache, published=_parse_day(published, "--published"),
    )
    try:
        with _progress(quiet) as progress:
            result, stats = daily_brief(paths, options, progress)
    except SummarizerError as exc:
        fail(str(exc))
    if result.articles == 0:
        reasons = "; ".join(f"{f.source}: {f.reason}" for f in result.failures)
        fail(reasons or "no articles given")
    text = render_json(result) if fmt is Format.json else render_markdown(result, template)
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    _report_run(result, stats, quiet=quiet, verbose=verbose)
    if result.failures:
        raise typer.Exit(1)


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    from summarizer._progress import ArticleProgress

    return ArticleProgress(err, enabled=not quiet and err.is_terminal)


def _report_run(result, stats, *, quiet: bool, verbose: bool) -> None:  # type: ignore[no-untyped-def]
    for f in result.failures:
        err.print(f"failed: {f.source}: {f.reason}", markup=False)
        if verbose and f.detail:
            err.print(f.detail, markup=False)
    if quiet:
        return
    for w in stats.warnings:
        err.print(f"warning: {w}", markup=False)
    live = stats.live
    cost = "unknown" if live.cost_usd is None else f"${live.cost_usd:.4f}"
    err.print(
        f"{result.articles} articles, {len(result.incidents)} incidents; this run: "
        f"{live.calls} model calls ({live.failed_attempts} failed attempts), {stats.cached} from "
        f"cache, {live.prompt_tokens} prompt + {live.completion_tokens} completion tokens, "
        f"cost {cost}",
        markup=False,
    )


@app.command()
def schema(
    daily: Annotated[bool, typer.Option("--daily", help="The DailyBrief schema instead.")] = False,
) -> None:
    """Print the JSON Schema of the output (IncidentBrief, or DailyBrief)."""
    from summarizer.schemas import DailyBrief, IncidentBrief

    model = DailyBrief if daily else IncidentBrief
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n")


@app.command()
def models() -> None:
    """Which backends are available, and the embedded model's state."""
    from summarizer import _embedded

    status = _embedded.status()
    print("openai/NAME                  any OpenAI-compatible endpoint "
          "(OPENAI_BASE_URL, OPENAI_API_KEY)")
    ok = status["runtime"] is True and status["parts"] is True
    print(f"embedded/qwen2.5-coder-1.5b  {'available' if ok else 'not installed'} (default)")
    for key in ("runtime", "parts", "model_file", "present", "verified"):
        print(f"  {key}: {status[key]}")


def main() -> None:
    try:
        app()
    except UserError as exc:  # raised outside a command body (e.g. while parsing)
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
