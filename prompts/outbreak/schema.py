"""What the model fills in for one disease-outbreak report: verbatim spans, each field
declared with its fact type, so checks, reading and reconciling come from the types."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from summarizer.kinds.facts import (
    Count,
    Flag,
    NameText,
    Prose,
    Span,
    SpanText,
    SummaryText,
    TitleText,
    When,
    Where,
    Who,
)

# What each count counts, in English, French and Spanish.
SUSPECTED = r"suspect|probable|possible|soupçonn|présum|sospechos"
CONFIRMED = r"confirm|laborator|tested positive|positive"


class Outbreak(BaseModel):
    model_config = ConfigDict(title="Outbreak", extra="ignore")

    is_incident: Annotated[bool, Flag()] = Field(
        description="true when the article reports cases of a disease in a given place"
    )
    pathogen: Annotated[NameText | None, Span(key=True)] = Field(
        None, description="the disease or pathogen, as written"
    )
    date_text: Annotated[SpanText | None, When()] = Field(
        None, description="when the figures were reported, copied word for word"
    )
    country: Annotated[NameText | None, Where("country")] = Field(
        None, description="country name as written"
    )
    region: Annotated[NameText | None, Where("region")] = Field(
        None, description="province, state or region name as written"
    )
    place: Annotated[NameText | None, Where("place")] = Field(
        None, description="district, town or village name as written"
    )
    authority: Annotated[list[NameText], Who("authority")] = Field(
        default_factory=list, max_length=2, description="who reports the figures, as written"
    )
    suspected: Annotated[SpanText | None, Count("suspected", words=SUSPECTED)] = Field(
        None, description="phrase giving the number of suspected cases, copied"
    )
    confirmed: Annotated[SpanText | None, Count("confirmed", words=CONFIRMED)] = Field(
        None, description="phrase giving the number of confirmed cases, copied"
    )
    deaths: Annotated[SpanText | None, Count("killed")] = Field(
        None, description="phrase giving the number of deaths, copied"
    )
    title: Annotated[TitleText, Prose()] = Field("", description="a factual headline")
    summary: Annotated[SummaryText, Prose()] = Field("", description="one or two sentences")
