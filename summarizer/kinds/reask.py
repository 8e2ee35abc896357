"""The checked call and its targeted re-ask, for any kind's schema: ask again only for the
fields whose values failed the span check, and keep the rest of the first answer.

A small model re-asked with its whole answer and an error tends to null every field to be
safe (measured: the outbreak kind lost pathogen, place and all counts this way); asked for
the failing fields only, it cannot lose the ones that stood.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from summarizer.errors import ModelError
from summarizer.schemas import Usage

if TYPE_CHECKING:
    from summarizer._llm import LLMClient

M = TypeVar("M", bound=BaseModel)

FIX_NOTE = (
    "These spans in your answer are not in the article: {{ problems }}. Answer again with "
    "only {{ fields }}: copy each span exactly as the article writes it, letter for letter, "
    "or use null (an empty list) when the article does not say it."
)


@cache
def fix_model(schema: type[BaseModel], fields: tuple[str, ...]) -> type[BaseModel]:
    """A response model holding only the fields to fix, as the schema declares them."""
    spec: dict[str, Any] = {
        f: (schema.model_fields[f].annotation, schema.model_fields[f]) for f in fields
    }
    return create_model("Fix", __config__=ConfigDict(extra="ignore"), **spec)


def _max_items(schema: type[BaseModel], name: str) -> int | None:
    caps = [c for m in schema.model_fields[name].metadata if (c := getattr(m, "max_length", None))]
    return int(caps[0]) if caps else None


def merge_fix(ex: M, fix: BaseModel, problems: dict[str, str]) -> M:
    """The first answer with the re-asked fields put in; list items that stood are kept
    before the new ones, within the field's cap."""
    update: dict[str, Any] = {}
    for name, value in fix.model_dump().items():
        if isinstance(value, list):
            kept = [v for i, v in enumerate(getattr(ex, name)) if f"{name}[{i}]" not in problems]
            update[name] = list(dict.fromkeys([*kept, *value]))[: _max_items(type(ex), name)]
        else:
            update[name] = value
    return ex.model_copy(update=update)


def fields_to_fix(schema: type[BaseModel], problems: dict[str, str]) -> tuple[str, ...]:
    """ "perpetrators[1]" -> "perpetrators", in the schema's order."""
    order = list(schema.model_fields)
    return tuple(sorted({p.split("[")[0] for p in problems}, key=order.index))


async def reask(
    client: "LLMClient",
    messages: list[dict[str, str]],
    context: dict[str, str],
    ex: M,
    problems: dict[str, str],
) -> tuple[M, Usage]:
    """Ask again for the fields that failed the span check only, keeping the rest."""
    fields = fields_to_fix(type(ex), problems)
    followup = [
        *messages,
        {"role": "assistant", "content": "{{ previous }}"},
        {"role": "user", "content": FIX_NOTE},
    ]
    slots = context | {
        "previous": ex.model_dump_json(),
        "problems": "; ".join(problems.values()),
        "fields": ", ".join(fields),
    }
    fix, usage = await client.structured(followup, fix_model(type(ex), fields), context=slots)
    return merge_fix(ex, fix, problems), usage


@dataclass(frozen=True)
class Checks(Generic[M]):
    """What a kind checks an answer with, each bound to the article's text."""

    settle: Callable[[M], M]  # placeholders to null, figures in the article's words
    problems: Callable[[M], dict[str, str]]  # field (or field[i]) -> why it is refused
    drop: Callable[[M], tuple[M, list[str]]]  # the unsupported values out, with warnings
    reports: Callable[[M], bool]  # False for "no incident here": nothing to re-ask


async def checked_call(
    client: "LLMClient",
    messages: list[dict[str, str]],
    context: dict[str, str],
    asked: type[BaseModel],
    schema: type[M],
    checks: Checks[M],
) -> tuple[M, list[str], Usage]:
    """One call (instructor re-asks malformed output), the span checks, one re-ask naming
    only the fields that failed them (when the config asks for span re-asks), then what is
    still unsupported dropped with a warning. A well-formed answer that instructor gave up
    on is checked the same way."""
    try:
        result, usage = await client.structured(messages, asked, context=context)
    except ModelError as exc:
        if exc.last_output is None:
            raise
        try:
            result = schema.model_validate_json(exc.last_output)
        except ValidationError:
            raise exc from None
        usage = exc.usage or Usage()
    ex = checks.settle(schema.model_validate(result.model_dump()))
    problems = checks.problems(ex)
    if problems:
        usage.failed_attempts += 1
    if problems and checks.reports(ex) and client.config.span_reasks and client.config.max_reasks:
        try:
            ex, more = await reask(client, messages, context, ex, problems)
            usage = usage.add(more)
        except ModelError as exc:  # the first answer stands; bad fields are dropped below
            usage = usage.add(exc.usage or Usage())
        ex = checks.settle(ex)
        if checks.problems(ex):
            usage.failed_attempts += 1
    cleaned, dropped = checks.drop(ex)
    return cleaned, dropped, usage
