"""One model call for one article of any kind: the kind's prompt, its schema as the
response model, its fact types' checks (kinds.reask.checked_call)."""

from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from summarizer.articles import Article
from summarizer.errors import InputError
from summarizer.kinds.facts import Flag
from summarizer.kinds.model import Kind
from summarizer.kinds.prompt import prepared_text, render_messages
from summarizer.kinds.reask import Checks, checked_call
from summarizer.kinds.verify import drop_unsupported, settle, span_problems
from summarizer.schemas import Usage

if TYPE_CHECKING:
    from summarizer._llm import LLMClient


def _reports_something(ex: BaseModel, kind: Kind) -> bool:
    """False when a flag of the kind (is_incident) says the article reports nothing."""
    return all(getattr(ex, n) is not False for n, f in kind.facts.items() if isinstance(f, Flag))


async def call_kind(
    client: "LLMClient", article: Article, kind: Kind, *, max_chars: int
) -> tuple[BaseModel, list[str], Usage]:
    """The kind's call: an article its gate turns away (kind.yaml's `gate:`, such as the
    conflict kind's "no word of violence, harm or protest") is not sent to the model and
    is answered `{"is_incident": false}`; any other goes through the checked call. The
    gate reads the same text the model would."""
    text, warnings = prepared_text(article, max_chars)
    if kind.gate is not None and not kind.gate.test(text):
        note = f"{article.id}: {kind.gate.reason}; not sent to the model"
        return kind.schema.model_validate({"is_incident": False}), [*warnings, note], Usage()
    messages, context = render_messages(article, text, kind)
    checks: Checks[BaseModel] = Checks(
        settle=lambda ex: settle(ex, kind, text),
        problems=lambda ex: span_problems(ex, kind, text),
        drop=lambda ex: drop_unsupported(ex, kind, text),
        reports=lambda ex: _reports_something(ex, kind),
    )
    cleaned, dropped, usage = await checked_call(
        client, messages, context, kind.schema, kind.schema, checks
    )
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
