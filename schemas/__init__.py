"""The Pydantic models of summarizer's data flow, in one place.

extraction: what the model fills in (verbatim spans only).
report:     one article's normalised, verified facts (ArticleReport).
brief:      the reconciled IncidentBrief and the DailyBrief.
Exported JSON Schemas sit beside these modules (*.schema.json), kept in sync by a test.
"""

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
from summarizer.schemas.extraction import Extraction
from summarizer.schemas.report import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    CountFact,
    DateFact,
    PlaceFact,
)

SCHEMA_VERSION = "1"

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
