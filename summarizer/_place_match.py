"""How two reports' places relate, for the clusterer: same, close, near, within, or apart.

Compared through the normalised facts first (GeoNames id, coordinates, ISO 3166-2 codes)
and through spelling only when the gazetteer found nothing. Pure.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from summarizer.normalize.places import country_code
from summarizer.normalize.text import name_key
from summarizer.schemas import ArticleReport, PlaceFact

# Coordinates this close are one place (a town and its outskirts, two geocodings of it).
SAME_KM = 5.0
# Within this distance two names may be one incident's neighbourhood (a village and the
# town reports locate it by): neither for nor against.
NEAR_KM = 25.0
# Beyond this, two precise places are two incidents (no base or village spans 100 km).
FAR_KM = 100.0
EARTH_KM = 6371.0

# Words that say what kind of settlement a name is, not which one ("X village" = X).
_SETTLEMENT = re.compile(
    r"\b(?:village|town|city|locality|hamlet|settlement|commune|municipality|"
    r"ville|localite|aldea|pueblo|ciudad|municipio|poblado|of|de|du|des|del|la|le)\b"
)
# A name carrying one of these words is an area, vaguer than a village inside it.
_AREA = re.compile(
    r"\b(?:region|province|state|governorate|department|departement|county|oblast|"
    r"prefecture|district|division|territory|wilaya|cercle|circle|zone|area|park|forest|"
    r"reserve|township|municipality|commune|municipio|tehsil|local government area)\b"
)
_VOWELS = re.compile(r"[aeiouyw]")


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """Accents, case, hyphens and settlement words folded: 'village of Pont-Sondé' ->
    'pont sonde'."""
    key = name_key(name.replace("-", " "))
    return re.sub(r"\s+", " ", _SETTLEMENT.sub(" ", key)).strip() or key


def _compact(key: str) -> str:
    return key.replace(" ", "")


def skeleton(text: str) -> str:
    """Consonants only: transliterations mostly differ in vowels (Sumy/Sumi, Koshebe/Kwashabe).
    Four or more consonants in the same order are one name; fewer need a close spelling too."""
    return _VOWELS.sub("", text)


# A final h after a vowel is one transliteration of Arabic's ta marbuta: Fallujah and
# Falluja, Dwelah and Dweila.
_FINAL_H = re.compile(r"(?<=[aeiou])h$")


def spellings(key: str) -> tuple[str, ...]:
    """The forms compared for close spelling: the whole name without spaces, and each
    word of four letters or more when the name has several ('Garin Kwashebe'), without
    a final h after a vowel."""
    words = [w for w in key.split() if len(w) >= 4] if " " in key else []
    return tuple(sorted({_FINAL_H.sub("", f) for f in (_compact(key), *words)}))


@lru_cache(maxsize=1 << 16)
def close_spelling(a: str, b: str) -> bool:
    """Two place keys that are one name in two spellings or transliterations."""
    if a == b:
        return True
    for x in spellings(a):
        for y in spellings(b):
            ratio = fuzz.ratio(x, y)
            if ratio >= 85:
                return True
            sx = skeleton(x)
            if sx == skeleton(y) and (len(sx) >= 4 or (len(sx) >= 2 and ratio >= 70)):
                return True
    return False


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + (
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Where:
    """One report's place facts, reduced to what comparison needs."""

    country: str  # ISO alpha-2, "" when unknown
    admin1: str  # ISO 3166-2 code, else the folded name; "" when unknown
    region: str  # the folded name of the first-level region, "" when unknown
    point: str  # place key of a precise location (a village, a town), "" when none
    label: str  # the location (or region) as written, for explanations
    geonameid: int | None
    coords: tuple[float, float] | None
    area: str  # place key of a location that is itself an area (district, region)


def _country(place: PlaceFact | None) -> str:
    if place is None:
        return ""
    if place.code and len(place.code) == 2:
        return place.code.upper()
    return country_code(place.name) or ""


def _admin1(place: PlaceFact | None) -> str:
    if place is None:
        return ""
    if place.code and "-" in place.code:
        return place.code.upper()
    return place_key(_AREA.sub(" ", name_key(place.name)))


def _is_area(place: PlaceFact) -> bool:
    """A location that names an area (a district, a park), not a point in it."""
    return bool(_AREA.search(name_key(place.name)))


def _precise(place: PlaceFact) -> bool:
    """Coordinates of the place itself or near it (ACLED geo_precision 1-2): precision 3
    means the gazetteer gave its region's, which says nothing about distances."""
    return place.lat is not None and place.lon is not None and place.precision in (1, 2, None)


def where(r: ArticleReport) -> Where:
    loc = r.location
    area = loc is not None and _is_area(loc)
    coords = None
    if loc is not None and _precise(loc) and not area:
        coords = (loc.lat or 0.0, loc.lon or 0.0)
    return Where(
        country=_country(r.country),
        admin1=_admin1(r.admin1),
        region=place_key(_AREA.sub(" ", name_key(r.admin1.name))) if r.admin1 else "",
        point=place_key(loc.name) if loc and not area else "",
        label=(loc.name if loc else r.admin1.name if r.admin1 else ""),
        geonameid=loc.geonameid if loc and not area else None,
        coords=coords,
        area=place_key(_AREA.sub(" ", name_key(loc.name))) if loc and area else "",
    )


@dataclass(frozen=True, slots=True)
class Relation:
    weight: int
    text: str
    veto: bool = False
    unlinked: bool = False  # apart only for lack of a link: a mention may supply one


def same_region(a: Where, b: Where) -> bool | None:
    """Same first-level region? By ISO 3166-2 codes when both have one, else by name;
    None (unknown) when one is missing, or when only one has a code and the names differ
    (the gazetteer knew one spelling only)."""
    if not a.admin1 or not b.admin1:
        return None
    coded = ("-" in a.admin1) + ("-" in b.admin1)
    if coded == 2:
        return a.admin1 == b.admin1
    if a.region == b.region:
        return True
    return False if coded == 0 else None


def relate(a: Where, b: Where) -> Relation:
    """The place fact of a pair, with its weight (see cluster.py's scoring table)."""
    if a.country and b.country and a.country != b.country:
        return Relation(0, f"different countries: {a.country} / {b.country}", veto=True)
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return Relation(3, f"same place (gazetteer id {a.geonameid}): {a.label}")
    if a.coords and b.coords:
        return _by_distance(a, b, km(a.coords, b.coords))
    if same_region(a, b) is False:
        if a.point and a.point == b.point and (a.geonameid is None or b.geonameid is None):
            # One name the gazetteer cannot place in both: a region given beside it (often
            # the model's own guess) does not outweigh the name itself.
            regions = f"{a.admin1} / {b.admin1}"
            return Relation(1, f"same place name, regions differ ({regions}): {a.label}")
        return Relation(0, f"different regions: {a.admin1} / {b.admin1}", veto=True)
    if a.point and b.point:
        return _by_name(a, b)
    return _vaguer(a, b)


def _by_distance(a: Where, b: Where, d: float) -> Relation:
    if d <= SAME_KM:
        return Relation(3, f"same place ({d:.0f} km apart): {a.label} / {b.label}")
    if d <= NEAR_KM:
        return Relation(0, f"neighbouring places ({d:.0f} km): {a.label} / {b.label}")
    if d <= FAR_KM:
        return Relation(-2, f"different places {d:.0f} km apart: {a.label} / {b.label}")
    return Relation(0, f"places far apart ({d:.0f} km): {a.label} / {b.label}", veto=True)


def _by_name(a: Where, b: Where) -> Relation:
    if a.point == b.point:
        return Relation(3, f"same place: {a.label}")
    for x, y in ((a, b), (b, a)):
        # a name used for both a town and its region, spaced alike or not ("Lam Phu")
        if _compact(x.point) == _compact(y.region):
            return Relation(1, f"{y.label} is within {x.label}")
    if close_spelling(a.point, b.point):
        return Relation(2, f"one place in two spellings: {a.label} / {b.label}")
    if same_region(a, b):
        # No coordinates: the region alone cannot say how far apart, a mention may link.
        text = f"different places in one region: {a.label} / {b.label}"
        return Relation(-2, text, unlinked=True)
    names = f"{a.label} / {b.label}"
    return Relation(0, f"different places, nothing links them: {names}", veto=True, unlinked=True)


def _vaguer(a: Where, b: Where) -> Relation:
    """At least one report gives no precise place: its region or area may hold the other."""
    for x, y in ((a, b), (b, a)):
        if x.point and x.point in (y.region, y.area):
            return Relation(1, f"{x.label} is within {y.label}")
        if x.area and x.area in (y.region, y.area):
            return Relation(1, f"same area: {x.label}")
    if same_region(a, b):
        return Relation(1, f"same region, one report vaguer: {a.admin1}")
    return Relation(0, "place: one report gives no precise place")
