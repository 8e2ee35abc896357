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


def test_an_answer_without_the_span_reask_has_its_own_key() -> None:
    assert cache_key(*KEY, span_reasks=False) != cache_key(*KEY)
    assert cache_key(*KEY, span_reasks=True) == cache_key(*KEY)


def _extraction(title: str = "Attack") -> Extraction:
    return Extraction(
        is_incident=True, event_type="battle", killed="12 soldiers", title=title, summary="s"
    )


def test_round_trip_and_replace(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "deep" / "er" / "cache.sqlite")  # parents are created
    assert cache.get("k", Extraction) is None
    usage = Usage(calls=1, prompt_tokens=10, completion_tokens=5, cost_usd=None)
    cache.put("k", _extraction(), ["w1", "w2"], usage)
    assert cache.get("k", Extraction) == (_extraction(), ["w1", "w2"], usage)
    cache.put("k", _extraction("Second"), [], Usage())
    assert cache.get("k", Extraction) == (_extraction("Second"), [], Usage())
    assert cache.get("other", Extraction) is None
    assert cache.failures == 0
    cache.close()
    reopened = ExtractionCache(tmp_path / "deep" / "er" / "cache.sqlite")
    assert reopened.get("k", Extraction) == (_extraction("Second"), [], Usage())
    reopened.close()


def test_wal_mode(tmp_path: Path) -> None:
    ExtractionCache(tmp_path / "c.sqlite").close()
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_incompatible_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache.put("k", _extraction(), [], Usage())
    # An answer of an older schema: a field whose type has changed.
    cache._db.execute('UPDATE extractions SET extraction = \'{"perpetrators": "JNIM"}\'')
    assert cache.get("k", Extraction) is None
    assert cache.failures == 0  # an old entry is not a failure


def test_a_broken_database_loses_speed_not_work(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache._db.execute("DROP TABLE extractions")
    assert cache.get("k", Extraction) is None
    assert cache.failures == 1
    assert cache.get("k", Extraction) is None
    assert cache.failures == 2
    cache.put("k", _extraction(), [], Usage())
    assert cache.failures == 3
    cache.close()


def _held(path: Path) -> sqlite3.Connection:
    """A second run midway through a write: SQLite refuses a journal-mode switch at once
    (no busy wait), which is what the cache retries on."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE IF NOT EXISTS other (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO other VALUES (1)")
    return holder


def test_opening_retries_while_another_run_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    holder = _held(path)
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    start = time.monotonic()
    cache = ExtractionCache(path)
    assert time.monotonic() - start >= 0.25
    cache.put("k", _extraction(), [], Usage())
    assert cache.get("k", Extraction) is not None
    cache.close()
    holder.close()


def test_giving_up_after_ten_seconds_raises_the_real_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fake clock: the retry policy is checked without waiting ten real seconds.
    now = [1000.0]
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        assert len(naps) < 2000, "never gives up"
        now[0] += seconds

    holder = _held(tmp_path / "c.sqlite")
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    monkeypatch.setattr(time, "sleep", nap)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        ExtractionCache(tmp_path / "c.sqlite")
    monkeypatch.undo()
    holder.close()
    assert 10.0 <= now[0] - 1000.0 < 10.5
    assert all(0.02 <= n <= 0.2 for n in naps)
    assert len(naps) > 10


def test_other_errors_are_not_retried(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"not a database, just some bytes " * 100)
    start = time.monotonic()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        ExtractionCache(path)
    assert time.monotonic() - start < 5


def test_concurrent_runs_wait_up_to_thirty_seconds_for_a_lock(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "c.sqlite")
    assert cache.path == tmp_path / "c.sqlite"
    assert cache._db.execute("PRAGMA busy_timeout").fetchone() == (30000,)
    cache.close()


def test_usable_from_another_thread(tmp_path: Path) -> None:
    # The async API reads and writes from worker threads.
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache.put("k", _extraction(), ["w"], Usage())
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(cache.get("k", Extraction)))
    worker.start()
    worker.join()
    assert got == [(_extraction(), ["w"], Usage())]
    assert cache.failures == 0
    cache.close()
