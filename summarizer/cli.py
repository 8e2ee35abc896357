"""The command line: a thin typer layer over the library.

Exit codes: 0 all good; 1 a brief was written but some articles failed (listed in it) or
an eval threshold was missed; 2 a usage error (bad input, unknown model, missing key or
extra). Errors are one line on stderr naming the file and the problem, never a traceback.
Heavy imports (openai, instructor) happen inside commands, so --help stays fast.
"""

import json
import logging
import os
import sys
import tempfile
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from summarizer.errors import SummarizerError, UserError

if TYPE_CHECKING:  # the CLI imports these lazily, for start-up time
    from summarizer.evaluate.report import ClusterScores, EvalReport

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


def _quiet_libraries(verbose: bool) -> None:
    """instructor logs every failed attempt to stderr; the CLI reports failures itself."""
    if not verbose:
        for name in ("instructor", "httpx", "httpx2", "openai"):
            logger = logging.getLogger(name)
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


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
        "--model",
        "-m",
        envvar="SUMMARIZER_MODEL",
        help="provider/name: openai/NAME for any OpenAI-compatible endpoint, or "
        "embedded/qwen2.5-coder-1.5b (the default).",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Ignore and do not fill the extraction cache.")
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", envvar="OPENAI_BASE_URL", help="OpenAI-compatible endpoint URL."),
]


KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind",
        help="The kind of incident: a name (`summarizer kinds`) or a kind's folder.",
    ),
]


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles; - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="markdown or json.")
    ] = Format.markdown,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option(min=1, max=256, help="Parallel model calls.")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option(envvar="SUMMARIZER_TIMEOUT", help="Seconds per request.")
    ] = None,
    no_cache: NoCacheOpt = False,
    template: Annotated[
        Path | None, typer.Option(help="Your own Jinja2 markdown template (sandboxed).")
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Say why each incident's articles were joined and which close pairs were "
            "kept apart (always in the JSON).",
        ),
    ] = False,
    kind: KindOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show failure details.")] = False,
) -> None:
    """Write a brief of the incidents in PATHS (one section per incident)."""
    from summarizer.api import Options, daily_brief
    from summarizer.kinds.registry import load_kind
    from summarizer.render import check_template, render_json, render_markdown

    _quiet_libraries(verbose)
    try:
        chosen = load_kind(kind)
    except SummarizerError as exc:
        fail(str(exc))
    if template is not None:
        if not template.is_file():
            fail(f"{template}: no such template")
        try:
            check_template(template)
        except SummarizerError as exc:
            fail(str(exc))
    options = Options(
        model=model,
        base_url=base_url,
        timeout=timeout,
        concurrency=concurrency,
        use_cache=not no_cache,
        published=_parse_day(published, "--published"),
        kind=chosen,
    )
    try:
        with _progress(quiet) as progress:
            result, stats = daily_brief(paths, options, progress)
    except SummarizerError as exc:
        fail(str(exc))
    if result.articles == 0:
        reasons = "; ".join(f"{f.source}: {f.reason}" for f in result.failures)
        fail(reasons or "no articles given")
    try:
        text = (
            render_json(result)
            if fmt is Format.json
            else render_markdown(result, template, explain=explain, kind=chosen)
        )
    except SummarizerError as exc:
        fail(str(exc))
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    _report_run(result, stats, quiet=quiet, verbose=verbose)
    if result.failures:
        raise typer.Exit(1)


def _progress(quiet: bool, label: str = "extracting", total: int | None = None):  # type: ignore[no-untyped-def]
    from summarizer._progress import StepProgress

    return StepProgress(err, enabled=not quiet and err.is_terminal, label=label, total=total)


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
    daily: Annotated[bool, typer.Option("--daily", help="The day's brief model.")] = False,
    brief: Annotated[
        bool, typer.Option("--brief", help="One incident's brief model (with --kind).")
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(help="A kind (a name or a kind's folder): its extraction schema alone."),
    ] = None,
) -> None:
    """Print a JSON Schema: the default kind's incident brief (IncidentBrief), or with
    --daily its day's brief; with --kind, that kind's extraction (what the model fills in),
    or with --brief / --daily its output models."""
    from summarizer.kinds.registry import load_kind

    if brief and daily:
        fail("--brief and --daily: choose one")
    try:
        found = load_kind(kind)
    except SummarizerError as exc:
        fail(str(exc))
    if kind is not None and not (brief or daily):
        out = found.json_schema()
    else:
        out = (found.rules.daily_model if daily else found.rules.brief_model).model_json_schema()
    sys.stdout.write(json.dumps(out, indent=2, sort_keys=True) + "\n")


@app.command()
def kinds() -> None:
    """The kinds of incident found by name (built-in and installed), checked as they load."""
    from summarizer.kinds.registry import kind_names, load_kind

    broken = False
    for name in kind_names():
        try:
            found = load_kind(name)
        except SummarizerError as exc:
            print(f"{name:<12} invalid: {exc}")
            broken = True
            continue
        fields = ", ".join(f"{f} ({fact.type})" for f, fact in found.facts.items())
        print(f"{name:<12} {found.description}")
        print(
            f"{'':<12} prompt {found.prompt_version}, grouped by {found.grouping}, {found.folder}"
        )
        print(f"{'':<12} fields: {fields}")
        if found.gate is not None:
            print(f"{'':<12} gate: {found.gate.ref} (turns away: {found.gate.reason})")
    if broken:
        raise typer.Exit(2)


@app.command()
def models() -> None:
    """Which backends are available, and the embedded model's state."""
    from summarizer import _embedded

    status = _embedded.status()
    print(
        "openai/NAME                  any OpenAI-compatible endpoint "
        "(OPENAI_BASE_URL, OPENAI_API_KEY)"
    )
    ok = status["runtime"] is True and status["parts"] is True
    print(f"embedded/qwen2.5-coder-1.5b  {'available' if ok else 'not installed'} (default)")
    for key in ("runtime", "server", "parts", "model_file", "present", "verified"):
        print(f"  {key}: {status[key]}")


def _thresholds(values: list[str]) -> dict[str, float]:
    out = {}
    for item in values:
        name, _, number = item.partition("=")
        try:
            out[name.strip()] = float(number)
        except ValueError:
            fail(f"--fail-under {item!r}: expected FIELD=NUMBER, e.g. date=0.9")
    return out


@app.command("eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (gold-v1) or folders of them.")],
    articles_root: Annotated[Path | None, typer.Option(help="Resolve article paths here.")] = None,
    model: ModelOpt = None,
    oracle: Annotated[
        bool, typer.Option("--oracle", help="No model: score the reconciler on gold claims.")
    ] = False,
    predictions: Annotated[
        Path | None, typer.Option(help="Score saved briefs (CASE_ID.json) instead.")
    ] = None,
    extractions: Annotated[
        Path | None,
        typer.Option(
            help="Replay stored model answers (DIR/<article>.json) through the whole "
            "pipeline instead of calling a model."
        ),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full JSON report.")
    ] = None,
    markdown_out: Annotated[
        Path | None, typer.Option("--markdown", help="Write a markdown report.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="An earlier JSON report to compare with.")
    ] = None,
    fail_under: Annotated[
        list[str] | None, typer.Option(help="FIELD=X: exit 1 if a field scores below X.")
    ] = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Score briefs against gold annotations, field by field."""
    from summarizer.evaluate.gold import gold_files
    from summarizer.evaluate.report import compare, failing_thresholds, load_baseline, to_markdown
    from summarizer.evaluate.run import EvalOptions, evaluate

    _quiet_libraries(False)
    thresholds = _thresholds(fail_under or [])
    missing = [str(p) for p in gold if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    files = gold_files(gold)
    if not files:
        fail(f"{gold[0]}: no gold files (*.json)")
    mode = (
        "oracle"
        if oracle
        else "predictions"
        if predictions
        else "extractions"
        if extractions
        else "model"
    )
    if extractions is not None and not extractions.is_dir():
        fail(f"{extractions}: --extractions needs a folder of stored answers")
    before = None
    if baseline is not None:
        try:
            before = load_baseline(baseline.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            fail(f"{baseline}: cannot read baseline report ({exc.__class__.__name__})")
    options = EvalOptions(
        mode=mode,
        model=model,
        articles_root=articles_root,
        predictions=predictions,
        extractions=extractions,
        use_cache=not no_cache,
    )
    try:
        with _progress(False, "scoring", total=len(files)) as progress:
            report = evaluate(files, options, progress)
    except SummarizerError as exc:
        fail(str(exc))
    if before is not None:
        report.baseline = compare(report, before)
    _print_eval(report)
    if json_out:
        write_atomic(json_out, report.to_json())
    if markdown_out:
        write_atomic(markdown_out, to_markdown(report))
    problems = failing_thresholds(report.fields, thresholds)
    regressions = [k for k, d in (report.baseline or {}).items() if d.regression]
    for p in problems:
        err.print(f"below threshold: {p}", markup=False)
    for r in regressions:
        err.print(f"regression: {r}", markup=False)
    if problems or report.run.failed_cases:
        raise typer.Exit(1)


def _print_eval(report: "EvalReport") -> None:
    from rich.table import Table

    from summarizer.evaluate.report import stats_cells

    table = Table(title=f"{report.run.cases} cases, mode {report.run.mode}")
    for col in ("field", "scored", "exact", "close", "invented", "P", "R", "F1", "score"):
        table.add_column(col, justify="left" if col == "field" else "right")
    deltas = report.baseline or {}
    if deltas:
        table.add_column("delta", justify="right")
    for name, f in report.fields.items():
        row = [name, *stats_cells(f)]
        if deltas and (d := deltas.get(name)):
            mark = " [red]REGRESSION[/red]" if d.regression else ""
            row.append(f"{'' if d.delta is None else d.delta}{mark}")
        elif deltas:
            row.append("")
        table.add_row(*row)
    out = Console(highlight=False, soft_wrap=True)
    out.print(table)
    out.print(f"overall score: {report.overall}")
    mixes = [(c.id, c.clusters) for c in report.cases if c.clusters]
    for mix, scores in mixes:
        out.print(f"{mix}: {_grouping_line(scores)}", markup=False)
    if len(mixes) > 1 and report.clusters:
        out.print(f"all mixes (pooled): {_grouping_line(report.clusters)}", markup=False)
    for case in report.cases:
        if case.error:
            out.print(f"case {case.id} failed: {case.error}", markup=False)
        elif case.skipped:
            out.print(f"case {case.id} skipped: {case.skipped}", markup=False)


def _grouping_line(scores: "ClusterScores") -> str:
    pw, b3 = scores.pairwise, scores.bcubed
    return (
        f"clustering: pairwise P {pw.precision} R {pw.recall} F1 {pw.f1}; "
        f"B-cubed P {b3.precision} R {b3.recall} F1 {b3.f1} ({b3.articles} articles)"
    )


def main() -> None:
    try:
        app()
    except UserError as exc:  # raised outside a command body (e.g. while parsing)
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
