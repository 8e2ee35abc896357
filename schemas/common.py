"""Vocabularies shared by every stage: ACLED event types, date precision, attribution."""

from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, model_validator

# ACLED's six event types in snake_case, plus "other" for what fits none of them.
EventType = Literal[
    "battle",
    "explosion_remote_violence",
    "violence_against_civilians",
    "protest",
    "riot",
    "strategic_development",
    "other",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

# After ACLED's time precision and UCDP's date_prec: the width of the interval we know.
DatePrecision = Literal["day", "week", "month", "year"]

# How firmly the article ties an actor to the event (ACLED codes suspected actors apart).
Attribution = Literal["claimed", "stated", "suspected"]

# After ACLED's actor coding: a named group, or an inter-code for the unnamed ones.
ActorCategory = Literal["group", "unidentified", "military", "police", "civilians", "other"]

CASUALTY_KINDS: tuple[str, ...] = ("killed", "injured", "missing", "kidnapped")


class DateValue(BaseModel):
    """A closed date interval and how precise it is."""

    model_config = ConfigDict(frozen=True)

    start: date
    end: date
    precision: DatePrecision

    @model_validator(mode="after")
    def _ordered(self) -> "DateValue":
        if self.end < self.start:
            raise ValueError(f"date interval ends ({self.end}) before it starts ({self.start})")
        return self

    def label(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"
