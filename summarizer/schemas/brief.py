"""The reconciled incident brief, and the daily brief that gathers many of them."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from summarizer.schemas.common import ActorCategory, Attribution, DateValue, EventType
from summarizer.schemas.report import ArticleRef


class Evidence(BaseModel):
    article_id: str
    quote: str


class SourceValue(BaseModel):
    """One value as some sources gave it (null: those sources give none)."""

    value: str | None
    articles: list[str]


class Conflict(BaseModel):
    """Sources disagree (or one is vaguer); `rule` names what settled it."""

    field: str
    rule: str
    chosen: str | None
    values: list[SourceValue]


class Casualties(BaseModel):
    """After UCDP: low, best and high. `best` is the headline figure."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    approximate: bool = False
    parts: list[int] = Field(
        default_factory=list, description="the groups the best figure sums (17 + 3 -> 20)"
    )
    claimed: int | None = Field(
        None, description="the highest figure only the attackers claim; never the toll"
    )
    revised_from: int | None = Field(
        None,
        description="the lowest figure that a later or revised report replaced: the toll "
        "rose from it as the news came in",
    )
    evidence: list[Evidence] = Field(default_factory=list)
    claim_evidence: list[Evidence] = Field(default_factory=list)

    def label(self) -> str:
        if self.best is None:
            return "unknown"
        text = f"{'about ' if self.approximate else 'at least '}{self.best}"
        if self.high is not None and self.high > self.best:
            text += f" (up to {self.high})"
        return text


class ReconciledDate(DateValue):
    evidence: list[Evidence] = Field(default_factory=list)
    undated_anchor: list[str] = Field(
        default_factory=list,
        description="articles with no publication date whose date (a day and month with no "
        "year, or a weekday) was read against the other reports' publication dates "
        "(rule date.undated_anchor)",
    )


class Place(BaseModel):
    name: str
    code: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    inferred: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class Actor(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    attribution: Attribution = "stated"
    identity: str | None = None
    category: ActorCategory | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class SourceSummary(BaseModel):
    article_id: str
    title: str | None = None
    summary: str | None = None


class PairReason(BaseModel):
    """Why two articles were joined, or kept apart: the facts that agreed and disagreed,
    the pair's score (cluster.py's table) and, for a pair kept apart, what did it."""

    articles: list[str]
    score: int
    agreed: list[str] = Field(default_factory=list)
    disagreed: list[str] = Field(default_factory=list)
    kept_apart_by: str | None = None


class Grouping(BaseModel):
    """Why an incident's articles are one incident: the links that joined them (each at
    least the joining score) and the weakest score between any two of them."""

    links: list[PairReason] = Field(default_factory=list)
    weakest: int | None = Field(None, description="lowest score between two of its articles")


class IncidentBrief(BaseModel):
    schema_version: Literal["1"] = "1"
    id: str
    title: str
    headline: str
    event_type: EventType | None = None
    date: ReconciledDate | None = None
    country: Place | None = None
    admin1: Place | None = None
    location: Place | None = None
    perpetrators: list[Actor] = Field(default_factory=list)
    targets: list[Actor] = Field(default_factory=list)
    killed: Casualties | None = None
    injured: Casualties | None = None
    missing: Casualties | None = None
    kidnapped: Casualties | None = None
    summaries: list[SourceSummary] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    sources: list[ArticleRef] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    grouping: Grouping | None = Field(None, description="why these articles were joined")
    model: str | None = None
    prompt_version: str | None = None
    kind: str = Field("conflict", description="the kind of incident the brief was made for")

    def text(self) -> str:
        """The brief's prose: what `must_mention` coverage is checked against."""
        parts = [self.title, self.headline]
        parts += [p for s in self.summaries for p in (s.title, s.summary) if p]
        return "\n".join(parts)


class Failure(BaseModel):
    """An article that produced no report, and why."""

    source: str
    kind: Literal["input", "model", "transport"]
    reason: str
    detail: str | None = Field(None, description="last invalid output and validation errors")


class Usage(BaseModel):
    calls: int = 0
    cached: int = 0
    failed_attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0

    def add(self, other: "Usage") -> "Usage":
        cost = (
            None
            if self.cost_usd is None or other.cost_usd is None
            else (self.cost_usd + other.cost_usd)
        )
        return Usage(
            calls=self.calls + other.calls,
            cached=self.cached + other.cached,
            failed_attempts=self.failed_attempts + other.failed_attempts,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost_usd=cost,
        )


class DailyBrief(BaseModel):
    schema_version: Literal["1"] = "1"
    first_date: date | None = None
    last_date: date | None = None
    articles: int = 0
    incidents: list[IncidentBrief] = Field(default_factory=list)
    not_incidents: list[ArticleRef] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    kept_apart: list[PairReason] = Field(
        default_factory=list, description="close pairs of articles kept in different incidents"
    )
    usage: Usage = Field(default_factory=Usage)
    model: str | None = None
    prompt_version: str | None = None
    kind: str = Field("conflict", description="the kind of incident the brief was made for")
