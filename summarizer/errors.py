"""Two error families, after pydantic-ai: the caller's mistake vs the model's (or network's).

Both carry a one-line message naming what went wrong; the CLI turns them into exit codes
and a line on stderr, never a traceback.
"""

from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:
    from summarizer.schemas import Failure, Usage


class SummarizerError(Exception):
    """Base of everything summarizer raises on purpose."""


class UserError(SummarizerError):
    """Your mistake: a bad input file, an unknown model, a missing key or extra."""


class InputError(UserError):
    """One input (file, line, gold case) is unusable. `source` names it.

    `parts` holds every unusable input when one error stands for several.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
        self.parts: list[InputError] = [self]

    @classmethod
    def of(cls, errors: "list[InputError]") -> "InputError":
        """One error naming every unusable input (the error itself when there is one)."""
        if len(errors) == 1:
            return errors[0]
        combined = cls(f"{len(errors)} inputs", "; ".join(str(e) for e in errors))
        combined.parts = list(errors)
        return combined


class ModelError(SummarizerError):
    """The model or its endpoint failed, after retries.

    Raised as one of its subclasses; `kind` (the Failure kind) follows from the class.
    `detail` keeps the last invalid output and the validation errors for --verbose;
    `failures` lists every failed article when one error stands for several.
    """

    kind: ClassVar[Literal["model", "transport"]] = "model"

    def __init__(
        self,
        message: str,
        *,
        detail: str | None = None,
        usage: "Usage | None" = None,
        last_output: str | None = None,
        failures: "list[Failure] | None" = None,
    ) -> None:
        super().__init__(message)
        self.detail = detail
        self.usage = usage
        self.last_output = last_output
        self.failures = failures or []


class OutputError(ModelError):
    """The model answered, but its output never validated (after the re-asks)."""

    kind = "model"


class TransportError(ModelError):
    """The endpoint failed: HTTP error, timeout, connection refused or reset."""

    kind = "transport"
