"""On-disk cache of verified extractions (SQLite), keyed by everything that shapes them.

Key: model id, the kind's fingerprint (its name, prompt version and a digest of its prompt
templates and extraction schema), schema version, article text hash and context cut. What is
stored is the model's verified spans, not the normalised report, so changing a
normaliser never needs a new model call. WAL mode and one statement per write make two
concurrent runs safe; a run killed halfway leaves every committed entry usable.
"""

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from tenacity import Retrying, retry_if_exception_message, stop_after_delay, wait_random

from summarizer.schemas import SCHEMA_VERSION, Usage

M = TypeVar("M", bound=BaseModel)


def cache_key(
    model: str, kind_fingerprint: str, text_hash: str, max_chars: int, span_reasks: bool = True
) -> str:
    parts = [model, kind_fingerprint, SCHEMA_VERSION, text_hash, str(max_chars)]
    if not span_reasks:  # a different answer; the usual setting keeps the keys already stored
        parts.append("no-span-reask")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class ExtractionCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.failures = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        # Two runs creating the file at once: switching to WAL takes a lock that SQLite's
        # busy timeout does not wait for, so the loser retries briefly.
        for attempt in Retrying(
            retry=retry_if_exception_message(match=".*locked.*"),
            stop=stop_after_delay(10),
            wait=wait_random(0.02, 0.2),
            reraise=True,
        ):
            with attempt:
                self._setup()

    def _setup(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS extractions "
            "(key TEXT PRIMARY KEY, extraction TEXT NOT NULL, warnings TEXT NOT NULL, "
            "usage TEXT NOT NULL)"
        )

    def get(self, key: str, schema: type[M]) -> tuple[M, list[str], Usage] | None:
        """The entry read as `schema` (the kind's extraction model)."""
        try:
            row = self._db.execute(
                "SELECT extraction, warnings, usage FROM extractions WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.Error:
            self.failures += 1
            return None
        if row is None:
            return None
        try:
            return (
                schema.model_validate_json(row[0]),
                list(json.loads(row[1])),
                Usage.model_validate_json(row[2]),
            )
        except ValueError:
            return None  # an entry from an incompatible version: treat as a miss

    def put(self, key: str, extraction: BaseModel, warnings: list[str], usage: Usage) -> None:
        values: tuple[Any, ...] = (
            key,
            extraction.model_dump_json(),
            json.dumps(warnings),
            usage.model_dump_json(),
        )
        try:
            self._db.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)", values)
        except sqlite3.Error:  # disk full, locked past the timeout: lose speed, not work
            self.failures += 1

    def close(self) -> None:
        self._db.close()
