"""Gazetteer benchmark: the one-off index build (GeoNames cities500 + admin1 names into
SQLite), its size, and lookups per second once built.

    python benchmarks/gazetteer.py
"""

import os
import tempfile
import time
from pathlib import Path

from summarizer.normalize import gazetteer

NAMES = ["Timbuktu", "Gorom-Gorom", "Sumy", "Kandi", "Nairobi", "Soumpi", "Querétaro"]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gazetteer.sqlite"
        start = time.perf_counter()
        gazetteer.build(path)
        built = time.perf_counter() - start
        print(f"build: {built:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
        db = gazetteer._db(path)
        rows = db.execute("SELECT count(*) FROM places").fetchone()[0]
        regions = db.execute("SELECT count(*), count(iso) FROM regions").fetchone()
        print(f"places: {rows:,}; regions: {regions[0]:,} ({regions[1]:,} matched to ISO 3166-2)")
        os.environ["SUMMARIZER_GAZETTEER"] = str(path)
        start = time.perf_counter()
        n = 0
        while time.perf_counter() - start < 1.0:
            for name in NAMES:
                gazetteer.places_named(name)
                n += 1
        print(f"lookups: {n / (time.perf_counter() - start):,.0f} per second")


if __name__ == "__main__":
    main()
