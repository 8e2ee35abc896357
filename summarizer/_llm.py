"""The only module that imports openai and instructor.

Two retry layers, each for its own failure, never stacked on the same one:
- tenacity wraps the raw `chat.completions.create`: transport faults (connection, timeout,
  429, 5xx), with backoff that honours Retry-After, and a run-wide cap on attempts;
- instructor re-asks the model when its output fails validation (`max_reasks`).
The openai client's own retries are off, so neither layer hides behind a third.
"""

import contextvars
import copy
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

from summarizer._config import (
    DEFAULT_RUN_RETRY_BUDGET,
    MAX_RETRY_AFTER,
    ModelConfig,
)
from summarizer.errors import ModelError, OutputError, TransportError
from summarizer.pricing import cost_usd
from summarizer.schemas import Usage

T = TypeVar("T", bound=BaseModel)


class RetryBudget:
    """Transport retries left for the whole run, so one bad endpoint cannot spin for ever."""

    def __init__(self, total: int | None = None) -> None:
        self.left = DEFAULT_RUN_RETRY_BUDGET if total is None else total

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes timeouts
        return True
    return isinstance(exc, openai.APIStatusError) and (
        exc.status_code in (408, 409, 429) or exc.status_code >= 500
    )


def _retry_after(exc: BaseException | None) -> float | None:
    if not isinstance(exc, openai.APIStatusError):
        return None
    value = exc.response.headers.get("retry-after")
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER) if value else None
    except ValueError:
        return None


_backoff = wait_exponential_jitter(multiplier=0.5, max=20.0, jitter=0.5)


def _wait(state: RetryCallState) -> float:
    outcome = state.outcome
    told = _retry_after(outcome.exception() if outcome else None)
    return told if told is not None else _backoff(state)


# Usage of the call in progress; each asyncio task sees its own.
_current_usage: contextvars.ContextVar[Usage | None] = contextvars.ContextVar(
    "summarizer_usage", default=None
)


def _count_response(response: Any) -> None:
    usage = _current_usage.get()
    if usage is None:
        return
    usage.calls += 1
    if tokens := getattr(response, "usage", None):
        usage.prompt_tokens += tokens.prompt_tokens or 0
        usage.completion_tokens += tokens.completion_tokens or 0


def _count_failure(*_: Any, **__: Any) -> None:
    if (usage := _current_usage.get()) is not None:
        usage.failed_attempts += 1


@functools.cache
def _prepared(model: type[T]) -> type[T]:
    """The response model as instructor wants it, built once per process.

    instructor wraps a plain model in a new class, and rebuilds its JSON schema, on every
    call (about 4 ms of CPU each, which caps throughput at high concurrency); a wrapped
    model is used as is, and this one remembers its schema.
    """
    wrapped = instructor.openai_schema(model)
    schemas: dict[str, dict[str, Any]] = {}

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        key = repr((args, sorted(kwargs.items())))
        if key not in schemas:
            schemas[key] = wrapped.model_json_schema(*args, **kwargs)
        return copy.deepcopy(schemas[key])

    prepared = type(
        model.__name__, (wrapped,), {"model_json_schema": classmethod(model_json_schema)}
    )
    return cast(type[T], prepared)


class LLMClient:
    """An instructor client over any OpenAI-compatible endpoint."""

    def __init__(
        self,
        config: ModelConfig,
        *,
        base_url: str | None = None,
        budget: RetryBudget | None = None,
    ) -> None:
        self.config = config
        self.budget = budget or RetryBudget()
        self._openai = openai.AsyncOpenAI(
            base_url=base_url or config.base_url,
            api_key=config.api_key or "not-needed",
            max_retries=0,
            timeout=config.timeout,
        )
        mode = instructor.Mode.JSON_SCHEMA
        create = instructor.patch(create=self._create_with_retries, mode=mode)
        self._client = instructor.AsyncInstructor(client=self._openai, create=create, mode=mode)
        self._client.on("completion:response", _count_response)
        self._client.on("parse:error", _count_failure)
        self._client.on("completion:error", _count_failure)

    async def _create_with_retries(self, *args: Any, **kwargs: Any) -> Any:
        def stop(state: RetryCallState) -> bool:
            limit = stop_after_attempt(self.config.transport_retries + 1) | stop_after_delay(
                self.config.timeout * 3
            )
            return bool(limit(state)) or not self.budget.take()

        raw: Callable[..., Awaitable[Any]] = self._openai.chat.completions.create
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(_transient), stop=stop, wait=_wait, reraise=True
        ):
            with attempt:
                return await raw(*args, **kwargs)
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    async def structured(
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        context: dict[str, Any] | None = None,
    ) -> tuple[T, Usage]:
        """One structured call (with re-asks). Raises ModelError; usage counts every attempt."""
        usage = Usage()
        token = _current_usage.set(usage)
        try:
            result = await self._client.chat.completions.create(
                model=self.config.name,
                messages=messages,  # type: ignore[arg-type]
                response_model=_prepared(response_model),
                context=context,
                max_retries=self.config.max_reasks,
                temperature=0,
                seed=0,
                max_tokens=self.config.max_tokens,
            )
        except IncompleteOutputException as exc:
            raise self._failure(
                OutputError, usage, "output cut off at max_tokens (truncated JSON)", exc
            ) from None
        except InstructorRetryException as exc:
            raise self._from_retry(usage, exc) from None
        except openai.OpenAIError as exc:
            raise self._failure(TransportError, usage, _describe(exc), exc) from None
        finally:
            _current_usage.reset(token)
        usage.cost_usd = cost_usd(self.config.prices, usage)
        return result, usage

    def _from_retry(self, usage: Usage, exc: InstructorRetryException) -> ModelError:
        cause = exc.__cause__
        if cause is not None and isinstance(cause, openai.OpenAIError):
            return self._failure(TransportError, usage, _describe(cause), cause)
        attempts = exc.failed_attempts or []
        detail = "\n".join(
            f"attempt {a.attempt_number}: {a.exception}\noutput: {_content(a.completion)}"
            for a in attempts
        )
        last = _content(attempts[-1].completion) if attempts else None
        reason = f"invalid output after {exc.n_attempts} attempt(s): {_first_line(exc)}"
        return self._failure(
            OutputError, usage, reason, exc, detail=detail or None, last_output=last
        )

    def _failure(
        self,
        error: type[ModelError],
        usage: Usage,
        reason: str,
        exc: BaseException,
        *,
        detail: str | None = None,
        last_output: str | None = None,
    ) -> ModelError:
        usage.cost_usd = cost_usd(self.config.prices, usage)
        return error(
            reason,
            detail=detail or _first_line(exc),
            usage=usage,
            last_output=last_output,
        )

    async def aclose(self) -> None:
        await self._openai.close()


def _content(completion: Any) -> str | None:
    try:
        content = completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return None
    return str(content) if content is not None else None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else exc.__class__.__name__


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "the endpoint did not answer in time (timeout)"
    if isinstance(exc, openai.APIConnectionError):
        return "cannot connect to the endpoint (connection refused or reset)"
    if isinstance(exc, openai.APIStatusError):
        return f"the endpoint answered HTTP {exc.status_code}"
    return _first_line(exc)
