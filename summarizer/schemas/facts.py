"""Reports and briefs of a kind built from fact types (summarizer.kinds.facts).

The conflict kind has its own, richer models (ArticleReport, IncidentBrief); any other
kind's facts land here, keyed by the field names of its extraction schema, each
normalised and reconciled by its fact type.
"""

from datetime import date

from pydantic import BaseModel, Field

from summarizer.schemas.brief import (
    Actor,
    Casualties,
    Conflict,
    Failure,
    Place,
    ReconciledDate,
    SourceSummary,
    Usage,
)
from summarizer.schemas.report import ActorFact, ArticleRef, CountFact, DateFact, PlaceFact


class FactValue(BaseModel):
    """One field of one article, normalised by its fact type (one member is set)."""

    quote: str | None = None
    label: str | None = Field(None, description="flag, category or span: the value as text")
    count: CountFact | None = None
    date: DateFact | None = None
    place: PlaceFact | None = None
    actors: list[ActorFact] = Field(default_factory=list)


class FactReport(BaseModel):
    """One article's facts for a kind."""

    article: ArticleRef
    kind: str
    is_incident: bool = True
    facts: dict[str, FactValue] = Field(default_factory=dict)
    title: str | None = None
    summary: str | None = None
    names: list[str] = Field(
        default_factory=list,
        description="proper names the article's own text uses, read without the model "
        "(folded); grouping compares the distinctive ones",
    )
    days: list[date] = Field(
        default_factory=list,
        description="days the article's own text writes out in full, year and all, read "
        "without the model; grouping reads them for a report dated only by its page",
    )
    warnings: list[str] = Field(default_factory=list)


class ReconciledFact(BaseModel):
    """One field across the sources, settled by its fact type's rule."""

    field: str
    type: str
    label: str = Field(description="the reconciled value as the brief shows it")
    value: str | None = Field(None, description="flag, category or span: the chosen value")
    count: Casualties | None = None
    date: ReconciledDate | None = None
    place: Place | None = None
    actors: list[Actor] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class FactBrief(BaseModel):
    id: str
    kind: str
    title: str
    facts: list[ReconciledFact] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    summaries: list[SourceSummary] = Field(default_factory=list)
    sources: list[ArticleRef] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    model: str | None = None
    prompt_version: str | None = None

    def fact(self, name: str) -> ReconciledFact | None:
        return next((f for f in self.facts if f.field == name), None)

    def text(self) -> str:
        """The brief's prose: what `must_mention` coverage is checked against."""
        parts = [self.title, *(f.label for f in self.facts)]
        parts += [s.summary or "" for s in self.summaries]
        return " ".join(parts)


class FactDailyBrief(BaseModel):
    kind: str
    first_date: date | None = None
    last_date: date | None = None
    articles: int = 0
    incidents: list[FactBrief] = Field(default_factory=list)
    not_incidents: list[ArticleRef] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    model: str | None = None
    prompt_version: str | None = None
