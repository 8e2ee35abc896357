"""One article's facts after code has verified and normalised the model's spans."""

import datetime
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from summarizer.schemas.common import ActorCategory, Attribution, DateValue, EventType


class ArticleRef(BaseModel):
    """Where a report came from. `id` is stable: the file name, or a hash of the text."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


class DateFact(BaseModel):
    quote: str
    value: DateValue | None = Field(
        None, description="the resolved interval; null when nothing resolves the expression"
    )
    explicit: bool = Field(False, description="the expression names a calendar date itself")
    date_line: bool = Field(
        False,
        description="the page's date line (published or updated), or the day the news was "
        "told ('officials said Sunday'), not a sentence's date for the event: the event is on "
        "or before that day",
    )


class PlaceFact(BaseModel):
    """A place as one article names it, located through the gazetteer when possible."""

    name: str = Field(description="canonical name")
    quote: str
    code: str | None = Field(
        None, description="ISO 3166-1 alpha-2 (country) or ISO 3166-2 (admin1) code"
    )
    geonameid: int | None = Field(None, description="GeoNames id of the place, when located")
    lat: float | None = None
    lon: float | None = None
    precision: int | None = Field(
        None, description="ACLED geo_precision: 1 the place itself, 2 near it, 3 its region"
    )
    inferred: bool = Field(
        False, description="filled in from the gazetteer or the model, not written in the article"
    )


class ActorFact(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    attribution: Attribution = "stated"
    quote: str
    identity: str | None = Field(
        None,
        description="stable key: a dictionary id for a named group, else '<category>:<ISO2>'",
    )
    category: ActorCategory | None = None


class CountFact(BaseModel):
    """One article's own bounds for a casualty count ("over 20" -> min 21, max null)."""

    quote: str = Field(description="the clause stating the count, verbatim from the article")
    min: int | None = None
    max: int | None = None
    approximate: bool = False
    figure: int | None = Field(None, description="the number as written: 20 in 'over 20'")
    parts: list[int] = Field(
        default_factory=list, description="a count split across groups, summed into min/max"
    )
    revision: bool = Field(
        False, description="phrased as an update of an earlier toll ('rose to', 's'alourdit')"
    )
    earlier: list[int] = Field(
        default_factory=list, description="earlier figures the article says this one replaces"
    )
    claimed: bool = Field(
        False, description="only the attackers' own claim: never a toll, nor a high estimate"
    )
    provisional: bool = Field(
        False, description="its source calls it provisional or preliminary ('bilan provisoire')"
    )
    lowered: bool = Field(
        False, description="phrased as a correction downward ('revised down to 84')"
    )

    def conservative(self) -> int | None:
        return self.min if self.min is not None else self.max

    def highest(self) -> int | None:
        """The largest figure this source reports ("between 54 and 65" -> 65, "over 20" -> 20)."""
        if self.max is not None:
            return self.max
        if self.figure is not None or self.min is None:
            return self.figure
        # Bounds alone (no written figure): an open lower bound may be "over N", min N + 1.
        return max(self.min - 1, 0)


class ArticleReport(BaseModel):
    article: ArticleRef
    is_incident: bool = True
    event_type: EventType | None = None
    date: DateFact | None = None
    country: PlaceFact | None = None
    admin1: PlaceFact | None = None
    location: PlaceFact | None = None
    perpetrators: list[ActorFact] = Field(default_factory=list)
    targets: list[ActorFact] = Field(default_factory=list)
    killed: CountFact | None = None
    injured: CountFact | None = None
    missing: CountFact | None = None
    kidnapped: CountFact | None = None
    title: str | None = None
    summary: str | None = None
    names: list[str] = Field(
        default_factory=list,
        description="proper names the article's own text uses, read without the model "
        "(folded); grouping compares the distinctive ones",
    )
    days: list[datetime.date] = Field(
        default_factory=list,
        description="days the article's own text writes out in full, year and all, read "
        "without the model; grouping reads them for a report dated only by its page",
    )
    warnings: list[str] = Field(default_factory=list)

    def count(self, kind: str) -> CountFact | None:
        value: CountFact | None = getattr(self, kind)
        return value
