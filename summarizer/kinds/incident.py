"""The conflict kind's rules (prompts/conflict/kind.yaml names them), coded after ACLED and
UCDP: what the fact types bring (the call, with the kind's gate, is any kind's), plus

- the report: every field read by its fact type like any kind's (kinds.report: the
  gazetteer, the actor dictionary for ACLED's roles, the UCDP toll readers, background
  dates dropped, the event type held against ACLED's definitions), then the article's
  proper names;
- the brief: event-type precedence, the toll revision rules, a composed headline;
- the day: the scored clusterer (summarizer.cluster) and severity order;
- the score: the gold format's field-by-field rules, per brief and per article.

A kind whose schema has the conflict kind's fields (extract.IncidentAnswer) can name these
rules too.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from pydantic import BaseModel

from summarizer.articles import Article
from summarizer.kinds.model import Kind
from summarizer.kinds.rules import BaseRules, Day, _head
from summarizer.schemas import ArticleReport, DailyBrief, IncidentBrief

if TYPE_CHECKING:
    from summarizer.evaluate.gold import GoldCase
    from summarizer.evaluate.score import FieldResult


class IncidentRules(BaseRules[BaseModel, ArticleReport, IncidentBrief, DailyBrief]):
    brief_model = IncidentBrief
    daily_model = DailyBrief

    def schema_problem(self, kind: Kind) -> str | None:
        from summarizer.extract import IncidentAnswer

        fields = kind.schema.model_fields
        if missing := [f for f in IncidentAnswer.__annotations__ if f not in fields]:
            return (
                "the incident rules read the conflict kind's fields "
                f"(prompts/conflict/schema.py); missing {', '.join(missing)}"
            )
        return None

    def report(
        self, kind: Kind, article: Article, extraction: BaseModel, warnings: list[str]
    ) -> ArticleReport:
        from summarizer.extract import IncidentAnswer, to_report

        ex = kind.schema.model_validate(extraction.model_dump())  # a cached answer is a dict
        return to_report(article, cast(IncidentAnswer, ex), warnings, kind)

    def brief(
        self, kind: Kind, reports: Sequence[ArticleReport], model: str | None
    ) -> IncidentBrief:
        from summarizer.reconcile import reconcile

        brief = reconcile(reports, model=model, prompt_version=kind.prompt_version)
        return brief.model_copy(update={"kind": kind.name})

    def daily(self, kind: Kind, reports: Sequence[ArticleReport], day: Day) -> DailyBrief:
        """Incidents grouped by the scored clusterer, most severe first."""
        from summarizer.cluster import group
        from summarizer.render import severity_key

        grouped = group(reports)
        incidents = [
            self.brief(kind, g, day.model).model_copy(update={"grouping": why})
            for g, why in zip(grouped.groups, grouped.reasons, strict=True)
        ]
        incidents.sort(key=severity_key)
        days = [d for b in incidents if b.date for d in (b.date.start, b.date.end)]
        return DailyBrief(
            incidents=incidents, kept_apart=grouped.kept_apart, kind=kind.name, **_head(day, days)
        )

    def score(self, kind: Kind, case: "GoldCase", brief: IncidentBrief) -> dict[str, "FieldResult"]:
        from summarizer.evaluate.score import flat_brief, incident_gold, score_flat

        return score_flat(incident_gold(case), flat_brief(brief), nulls_scored=False)

    def oracle(
        self, kind: Kind, case: "GoldCase", texts: Mapping[str, str]
    ) -> IncidentBrief | None:
        """The gold's per-article claims read as reports (figures located in the texts)."""
        from summarizer.evaluate.gold import oracle_reports

        return self.brief(kind, oracle_reports(case, dict(texts)), None)

    def score_article(
        self, kind: Kind, case: "GoldCase", file: str, report: ArticleReport
    ) -> dict[str, "FieldResult"]:
        from summarizer.evaluate.score import flat_report, score_flat

        return score_flat(case.article_claims(file), flat_report(report), nulls_scored=True)
