"""A kind's rules: every step from the model's answer to the briefs and their scores.

kind.yaml's `rules:` names a subclass of `Rules` (`module:Class`, or `file.py:Class` beside
kind.yaml); a kind without it gets `Rules` itself, which reads, settles, groups and scores
every field by its fact type (summarizer.kinds.facts). A subclass changes the steps it
needs to: the built-in conflict kind names `summarizer.kinds.incident:IncidentRules`, its
own report and brief models and the gazetteer-backed clusterer. The pipeline
(summarizer.api) and the harness (summarizer.evaluate) call only these methods, so no kind
has a path of its own through them.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from summarizer.articles import Article
from summarizer.kinds.model import Kind
from summarizer.schemas import ArticleRef, Failure, Usage
from summarizer.schemas.facts import FactBrief, FactDailyBrief, FactReport

if TYPE_CHECKING:
    from summarizer._llm import LLMClient
    from summarizer.evaluate.gold import GoldCase
    from summarizer.evaluate.score import FieldResult

X = TypeVar("X", bound=BaseModel)  # the kind's extraction
R = TypeVar("R", bound=BaseModel)  # one article's report
B = TypeVar("B", bound=BaseModel)  # one incident's brief
D = TypeVar("D", bound=BaseModel)  # the day's brief
Extracted = tuple[BaseModel, list[str], Usage]  # the checked answer, its warnings, its cost


@dataclass(frozen=True)
class Day:
    """What a day's brief states beside its incidents, whatever the kind."""

    articles: int
    not_incidents: list[ArticleRef]
    failures: list[Failure]
    usage: Usage
    model: str
    prompt_version: str


class BaseRules(Generic[X, R, B, D]):
    """The steps every kind's rules provide; `Rules` below is the fact types' own."""

    brief_model: type[B]  # what a saved brief is read back as
    daily_model: type[D]

    def schema_problem(self, kind: Kind) -> str | None:
        """Why these rules cannot read the kind's schema, or None."""
        return None

    async def call(
        self, kind: Kind, client: "LLMClient", article: Article, max_chars: int
    ) -> Extracted:
        """The kind's gate, then its checked call (the fact types' span checks)."""
        from summarizer.kinds.call import call_kind

        return await call_kind(client, article, kind, max_chars=max_chars)

    def replay(self, kind: Kind, article: Article, answer: str, max_chars: int) -> Extracted:
        """A stored answer through the kind's fact-type checks, as a live one would be."""
        from summarizer.kinds.call import replay_facts

        return replay_facts(article, answer, kind, max_chars=max_chars)

    def report(self, kind: Kind, article: Article, extraction: X, warnings: list[str]) -> R:
        raise NotImplementedError

    def brief(self, kind: Kind, reports: Sequence[R], model: str | None) -> B:
        raise NotImplementedError

    def daily(self, kind: Kind, reports: Sequence[R], day: Day) -> D:
        raise NotImplementedError

    def score(self, kind: Kind, case: "GoldCase", brief: B) -> dict[str, "FieldResult"]:
        raise NotImplementedError

    def oracle(self, kind: Kind, case: "GoldCase", texts: Mapping[str, str]) -> B | None:
        """The brief built from the gold's own claims, or None when they cannot be read."""
        return None

    def score_article(
        self, kind: Kind, case: "GoldCase", file: str, report: R
    ) -> dict[str, "FieldResult"] | None:
        """One article's report against the gold's claims for it, where the gold has any."""
        return None


class Rules(BaseRules[BaseModel, FactReport, FactBrief, FactDailyBrief]):
    """Every field read, checked, settled and scored by its fact type."""

    brief_model = FactBrief
    daily_model = FactDailyBrief

    def report(
        self, kind: Kind, article: Article, extraction: BaseModel, warnings: list[str]
    ) -> FactReport:
        from summarizer.kinds.report import to_fact_report

        return to_fact_report(article, extraction, kind, warnings)

    def brief(self, kind: Kind, reports: Sequence[FactReport], model: str | None) -> FactBrief:
        from summarizer.kinds.reconcile import reconcile_facts

        return reconcile_facts(reports, kind, model=model)

    def daily(self, kind: Kind, reports: Sequence[FactReport], day: Day) -> FactDailyBrief:
        """Incidents in the order of their places (a kind has no severity of its own)."""
        from summarizer.kinds.group import group_facts

        incidents = [self.brief(kind, g, day.model) for g in group_facts(reports, kind)]
        days = [d for b in incidents for f in b.facts if f.date for d in (f.date.start, f.date.end)]
        return FactDailyBrief(kind=kind.name, incidents=incidents, **_head(day, days))

    def score(self, kind: Kind, case: "GoldCase", brief: FactBrief) -> dict[str, "FieldResult"]:
        from summarizer.evaluate.facts import score_facts

        return score_facts(case.facts, case.conflicts, brief, kind)


def _head(day: Day, days: Sequence[date]) -> dict[str, Any]:
    """What every day's brief states beside its incidents: the Day, and the span of the
    incidents' dates."""
    return {f.name: getattr(day, f.name) for f in fields(day)} | {
        "first_date": min(days) if days else None,
        "last_date": max(days) if days else None,
    }


AnyRules = BaseRules[Any, Any, Any, Any]
