"""The extraction cache: what the key depends on, round trips, misses and lost writes."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from summarizer.cache import ExtractionCache, cache_key
from summarizer.schemas import Extraction, Usage

KEY = ("openai/m", "extract-v2", "abc", 6000)


def test_key_is_pinned() -> None:
    # A changed key silently empties every user's cache: pin it.
    assert cache_key(*KEY) == "f0bd97504fa074c79eb9ee9c5fbbea0ec9ebdac520f5eb907a3cb6ae4a8883db"


@pytest.mark.parametrize(
    "other",
    [
        ("openai/n", "extract-v2", "abc", 6000),
        ("openai/m", "extract-v3", "abc", 6000),
        ("openai/m", "extract-v2", "abd", 6000),
        ("openai/m", "extract-v2", "abc", 6001),
        ("openai/m", "extract-v2a", "bc", 6000),  # the separator keeps fields apart
    ],
)
def test_every_part_changes_the_key(other: tuple[str, str, str, int]) -> None:
    assert cache_key(*other) != cache_key(*KEY)


def _extraction(title: str = "Attack") -> Extraction:
    return Extraction(
        is_incident=True, event_type="battle", killed="12 soldiers", title=title, summary="s"
    )


def test_round_trip_and_replace(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "deep" / "er" / "cache.sqlite")  # parents are created
    assert cache.get("k") is None
    usage = Usage(calls=1, prompt_tokens=10, completion_tokens=5, cost_usd=None)
    cache.put("k", _extraction(), ["w1", "w2"], usage)
    assert cache.get("k") == (_extraction(), ["w1", "w2"], usage)
    cache.put("k", _extraction("Second"), [], Usage())
    assert cache.get("k") == (_extraction("Second"), [], Usage())
    assert cache.get("other") is None
    assert cache.failures == 0
    cache.close()
    reopened = ExtractionCache(tmp_path / "deep" / "er" / "cache.sqlite")
    assert reopened.get("k") == (_extraction("Second"), [], Usage())
    reopened.close()


def test_wal_mode(tmp_path: Path) -> None:
    ExtractionCache(tmp_path / "c.sqlite").close()
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_incompatible_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache.put("k", _extraction(), [], Usage())
    cache._db.execute("UPDATE extractions SET extraction = '{\"is_incident\": 1}'")
    assert cache.get("k") is None
    assert cache.failures == 0  # an old entry is not a failure


def test_a_broken_database_loses_speed_not_work(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache._db.execute("DROP TABLE extractions")
    assert cache.get("k") is None
    assert cache.failures == 1
    cache.put("k", _extraction(), [], Usage())
    assert cache.failures == 2
    cache.close()


def test_opening_waits_for_a_concurrent_creator(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # what a second run switching to WAL looks like
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    start = time.monotonic()
    cache = ExtractionCache(path)
    assert time.monotonic() - start >= 0.25
    cache.put("k", _extraction(), [], Usage())
    assert cache.get("k") is not None
    cache.close()
    holder.close()
