"""One model call for one article of any kind: the kind's prompt, its schema as the
response model (instructor re-asks malformed output), its fact types' span checks, one
re-ask naming only the fields that failed them, then what is still unsupported dropped
with a warning."""

from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from summarizer.articles import Article
from summarizer.errors import InputError, ModelError
from summarizer.extract import prepared_text, render_messages
from summarizer.kinds.facts import Flag
from summarizer.kinds.model import Kind
from summarizer.kinds.reask import reask
from summarizer.kinds.verify import drop_unsupported, settle, span_problems
from summarizer.schemas import Usage

if TYPE_CHECKING:
    from summarizer._llm import LLMClient


def _reports_something(ex: BaseModel, kind: Kind) -> bool:
    """False when a flag of the kind (is_incident) says the article reports nothing."""
    return all(getattr(ex, n) is not False for n, f in kind.facts.items() if isinstance(f, Flag))


async def extract_facts(
    client: "LLMClient", article: Article, kind: Kind, *, max_chars: int
) -> tuple[BaseModel, list[str], Usage]:
    text, warnings = prepared_text(article, max_chars)
    messages, context = render_messages(article, text, kind)
    try:
        result, usage = await client.structured(messages, kind.schema, context=context)
    except ModelError as exc:
        if exc.last_output is None:
            raise
        try:  # well-formed, but not the schema even after instructor's re-asks
            result = kind.schema.model_validate_json(exc.last_output)
        except ValidationError:
            raise exc from None
        usage = exc.usage or Usage()
    ex = settle(kind.schema.model_validate(result.model_dump()), kind, text)
    problems = span_problems(ex, kind, text)
    if problems:
        usage.failed_attempts += 1
    if problems and _reports_something(ex, kind) and client.config.max_reasks > 0:
        try:
            ex, more = await reask(client, messages, context, ex, problems)
            usage = usage.add(more)
        except ModelError as exc:  # the first answer stands; bad fields are dropped below
            usage = usage.add(exc.usage or Usage())
        if span_problems(settle(ex, kind, text), kind, text):
            usage.failed_attempts += 1
    cleaned, dropped = drop_unsupported(ex, kind, text)
    return cleaned, warnings + dropped, usage


def replay_facts(
    article: Article, answer: str, kind: Kind, *, max_chars: int
) -> tuple[BaseModel, list[str], Usage]:
    """A stored answer through the same checks, what a live call would re-ask dropped."""
    text, warnings = prepared_text(article, max_chars)
    try:
        raw = kind.schema.model_validate_json(answer)
    except ValidationError as exc:
        problem = f"stored answer is not a {kind.schema.__name__} ({exc.error_count()} errors)"
        raise InputError(article.id, problem) from None
    cleaned, dropped = drop_unsupported(raw, kind, text)
    return cleaned, warnings + dropped, Usage()
