"""summarizer: news articles -> validated, reconciled incident briefs.

The public API is small and explicit; everything else is private or a module of its own.
"""

from summarizer.api import Options, RunStats, adaily_brief, asummarize, daily_brief, summarize
from summarizer.articles import Article, load_articles
from summarizer.errors import InputError, ModelError, SummarizerError, UserError
from summarizer.reconcile import reconcile
from summarizer.schemas import ArticleReport, DailyBrief, IncidentBrief

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleReport",
    "DailyBrief",
    "IncidentBrief",
    "InputError",
    "ModelError",
    "Options",
    "RunStats",
    "SummarizerError",
    "UserError",
    "__version__",
    "adaily_brief",
    "asummarize",
    "daily_brief",
    "load_articles",
    "reconcile",
    "summarize",
]
