"""One model call for one article of any kind: the kind's prompt, its schema as the
response model, its fact types' span checks as validation (re-asked once by instructor),
then what is still unsupported dropped with a warning."""

from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from summarizer.articles import Article
from summarizer.errors import InputError, ModelError
from summarizer.extract import _prepared, render_messages
from summarizer.kinds.model import Kind
from summarizer.kinds.verify import drop_unsupported, verified_model
from summarizer.schemas import Usage

if TYPE_CHECKING:
    from summarizer._llm import LLMClient


async def extract_facts(
    client: "LLMClient", article: Article, kind: Kind, *, max_chars: int
) -> tuple[BaseModel, list[str], Usage]:
    text, warnings = _prepared(article, max_chars)
    messages, context = render_messages(article, text, kind)
    try:
        result, usage = await client.structured(messages, verified_model(kind), context=context)
        return kind.schema.model_validate(result.model_dump()), warnings, usage
    except ModelError as exc:
        if exc.last_output is None:
            raise
        try:  # well-formed, but quoting badly even after the re-ask
            raw = kind.schema.model_validate_json(exc.last_output)
        except ValidationError:
            raise exc from None
        cleaned, dropped = drop_unsupported(raw, kind, text)
        return cleaned, warnings + dropped, exc.usage or Usage()


def replay_facts(
    article: Article, answer: str, kind: Kind, *, max_chars: int
) -> tuple[BaseModel, list[str], Usage]:
    """A stored answer through the same checks, what a live call would re-ask dropped."""
    text, warnings = _prepared(article, max_chars)
    try:
        raw = kind.schema.model_validate_json(answer)
    except ValidationError as exc:
        problem = f"stored answer is not a {kind.schema.__name__} ({exc.error_count()} errors)"
        raise InputError(article.id, problem) from None
    cleaned, dropped = drop_unsupported(raw, kind, text)
    return cleaned, warnings + dropped, Usage()
