"""The Pydantic models of summarizer's data flow, in one place.

report:     one article's normalised, verified facts (ArticleReport).
brief:      the reconciled IncidentBrief and the DailyBrief.
Exported JSON Schemas sit beside these modules (*.schema.json), kept in sync by a test.
"""

from pydantic import BaseModel

from summarizer.schemas.brief import (
    Actor,
    Casualties,
    Conflict,
    DailyBrief,
    Evidence,
    Failure,
    Grouping,
    IncidentBrief,
    PairReason,
    Place,
    ReconciledDate,
    SourceSummary,
    SourceValue,
    Usage,
)
from summarizer.schemas.common import (
    CASUALTY_KINDS,
    EVENT_TYPES,
    ActorCategory,
    Attribution,
    DatePrecision,
    DateValue,
    EventType,
)
from summarizer.schemas.report import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    PlaceFact,
)

SCHEMA_VERSION = "1"


def __getattr__(name: str) -> type[BaseModel]:
    """`Extraction`: the conflict kind's extraction schema, which lives in its folder
    (prompts/conflict/schema.py) like any kind's."""
    if name == "Extraction":
        from summarizer.kinds.registry import load_kind

        return load_kind("conflict").schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CASUALTY_KINDS",
    "EVENT_TYPES",
    "SCHEMA_VERSION",
    "Actor",
    "ActorCategory",
    "ActorFact",
    "ArticleRef",
    "ArticleReport",
    "Attribution",
    "Casualties",
    "Conflict",
    "CountFact",
    "DailyBrief",
    "DateFact",
    "DatePrecision",
    "DateValue",
    "EventType",
    "Evidence",
    "Extraction",
    "Failure",
    "Grouping",
    "IncidentBrief",
    "PairReason",
    "Place",
    "PlaceFact",
    "ReconciledDate",
    "SourceSummary",
    "SourceValue",
    "Usage",
]
