"""summarizer: news articles -> validated, reconciled incident briefs.

The public API is small and explicit. Names load on first use, so the CLI's start-up
(and `summarizer --help`) does not pay for pydantic models, openai or instructor.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.api import (
        Options,
        RunStats,
        adaily_brief,
        asummarize,
        daily_brief,
        summarize,
    )
    from summarizer.articles import Article, load_articles
    from summarizer.errors import (
        InputError,
        ModelError,
        OutputError,
        SummarizerError,
        TransportError,
        UserError,
    )
    from summarizer.reconcile import reconcile
    from summarizer.schemas import ArticleReport, DailyBrief, IncidentBrief

__version__ = "0.1.0"

_WHERE = {
    "Options": "api", "RunStats": "api", "adaily_brief": "api", "asummarize": "api",
    "daily_brief": "api", "summarize": "api", "Article": "articles", "load_articles": "articles",
    "InputError": "errors", "ModelError": "errors", "SummarizerError": "errors",
    "UserError": "errors", "OutputError": "errors", "TransportError": "errors",
    "reconcile": "reconcile", "ArticleReport": "schemas",
    "DailyBrief": "schemas", "IncidentBrief": "schemas",
}  # fmt: skip

__all__ = [
    "Article",
    "ArticleReport",
    "DailyBrief",
    "IncidentBrief",
    "InputError",
    "ModelError",
    "Options",
    "OutputError",
    "RunStats",
    "SummarizerError",
    "TransportError",
    "UserError",
    "__version__",
    "adaily_brief",
    "asummarize",
    "daily_brief",
    "load_articles",
    "reconcile",
    "summarize",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"summarizer.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
