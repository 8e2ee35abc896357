"""The CLI through typer's CliRunner, failing the test if an exception escaped.

CliRunner reports an unhandled exception as exit code 1, the same code as "some articles
failed", so checking the exit code alone cannot tell a crash from the intended outcome.
"""

from collections.abc import Sequence

from click.testing import Result
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def invoke(args: Sequence[str], *, code: int | None = 0, input: str | None = None) -> Result:
    """Run `summarizer ARGS`; assert no exception escaped and, unless None, the exit code."""
    result = runner.invoke(app, list(args), input=input)
    escaped = result.exception
    if escaped is not None and not isinstance(escaped, SystemExit):
        raise AssertionError(f"exception escaped the CLI: {escaped!r}") from escaped
    if isinstance(escaped, SystemExit):
        assert escaped.code == result.exit_code, (escaped.code, result.exit_code)
    if code is not None:
        assert result.exit_code == code, (result.exit_code, result.output)
    return result
