"""Two error families, after pydantic-ai: the caller's mistake vs the model's (or network's).

Both carry a one-line message naming what went wrong; the CLI turns them into exit codes
and a line on stderr, never a traceback.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.schemas import Usage


class SummarizerError(Exception):
    """Base of everything summarizer raises on purpose."""


class UserError(SummarizerError):
    """Your mistake: a bad input file, an unknown model, a missing key or extra."""


class InputError(UserError):
    """One input (file, line, gold case) is unusable. `source` names it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(SummarizerError):
    """The model or its endpoint failed for one article, after retries.

    `kind` is "model" (output never validated) or "transport" (HTTP, timeout, refused).
    `detail` keeps the last invalid output and the validation errors for --verbose.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "model",
        detail: str | None = None,
        usage: "Usage | None" = None,
        last_output: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail
        self.usage = usage
        self.last_output = last_output
