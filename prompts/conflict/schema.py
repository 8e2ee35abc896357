"""What the model is asked to fill in for the conflict-event kind: short verbatim spans,
no interpretation. Each field is declared with its fact type (summarizer.kinds.facts),
which is how the kind machinery knows how to check and read it.

Every string is capped and every list bounded: small models otherwise repeat a phrase
until max_tokens and the whole call is lost. Code reads the spans afterwards (dates,
numbers, places), so the model never has to compute anything.

Field order is generation order (the grammar follows it): the event type comes last, after
the facts and the summary it is decided from. The schema has two branches
(`incident_or_nothing`), so an article about no incident is answered by
`{"is_incident": false}` alone.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from summarizer.kinds.facts import (
    Category,
    Count,
    Flag,
    NameText,
    Prose,
    SpanText,
    SummaryText,
    TitleText,
    When,
    Where,
    Who,
    incident_or_nothing,
)
from summarizer.normalize.event_type import acled_definition
from summarizer.schemas.common import EventType

Span = SpanText
Name = NameText


class Extraction(BaseModel):
    """One article's facts as the model read them. Spans are copied from the article."""

    model_config = ConfigDict(
        title="Extraction", extra="ignore", json_schema_extra=incident_or_nothing
    )

    is_incident: Annotated[bool, Flag()] = Field(
        description="true when the article reports one specific event that took place"
    )
    date_text: Annotated[Span | None, When(drop_background=True)] = Field(
        None, description="when it happened, copied word for word from the article"
    )
    country: Annotated[Name | None, Where("country")] = Field(
        None, description="country name as written in the article"
    )
    region: Annotated[Name | None, Where("region")] = Field(
        None, description="province/region/state name as written, not the town"
    )
    town: Annotated[Name | None, Where("place")] = Field(
        None, description="most precise place name as written"
    )
    perpetrators: Annotated[list[Name], Who("perpetrators")] = Field(
        default_factory=list, max_length=3, description="names of the attackers as written"
    )
    targets: Annotated[list[Name], Who("targets")] = Field(
        default_factory=list, max_length=3, description="names of those attacked as written"
    )
    killed: Annotated[Span | None, Count("killed")] = Field(
        None, description="phrase giving the number of dead, copied"
    )
    injured: Annotated[Span | None, Count("injured")] = Field(
        None, description="phrase giving the number of injured, copied"
    )
    missing: Annotated[Span | None, Count("missing")] = Field(
        None, description="phrase giving the number missing, copied"
    )
    kidnapped: Annotated[Span | None, Count("kidnapped")] = Field(
        None, description="phrase giving the number abducted, copied"
    )
    title: Annotated[TitleText, Prose()] = Field("", description="a factual headline")
    summary: Annotated[SummaryText, Prose()] = Field("", description="one or two sentences")
    # Held against ACLED's definitions and the article's facts once read (the targets).
    event_type: Annotated[EventType, Category(check=acled_definition)] = Field(
        "other", description="category of the main event, decided from what caused the harm"
    )
