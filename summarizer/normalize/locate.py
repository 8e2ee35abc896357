"""One article's place spans -> country, first-level region and location, filled in and
located through the gazetteer the way an ACLED coder would.

- The country as written (English, French, Spanish, short forms, demonyms); else the
  country of the region named; else of the place named, when it is in one country only;
  else the one country the actors' demonyms agree on ("Nigerian troops"). A short form
  that names two countries ("Congo") is settled by that evidence or left as written. The
  article's own demonym for the place ("the Congolese city of Kasindi") overrides a
  written country it contradicts (a neighbour copied from "on the border with Uganda").
- A place span the article writes only in lower case ("dans le nord du pays") is a
  direction or a common noun, not a place name: dropped with a warning.
- The region as written when it is a first-level region (ISO 3166-2, or GeoNames' name);
  a lower-level place given as the region ("Kandi") gives its own first-level region.
  Else the region of the place named.
- The place: the GeoNames place of that name in that country (and region, when one is
  named); one of several namesakes only when it dwarfs the others (ten times the
  population). A place the gazetteer lacks keeps the article's name and is put at its
  region's point with ACLED geo_precision 3; "near X" is precision 2.
A place named in several countries, with nothing to choose between them, is never
guessed: the article's words stay and a warning says so.
"""

import re
from dataclasses import dataclass

from summarizer.normalize import gazetteer
from summarizer.normalize.gazetteer import Hit, Region
from summarizer.normalize.places import (
    admin1_in_text,
    countries_in,
    country_code,
    country_name,
    first_level,
    first_level_above,
    iso_admin1,
    place_key,
)
from summarizer.normalize.text import find_quote, loose, mentions, name_key
from summarizer.schemas import PlaceFact

_DOMINANT = 10  # a namesake this many times more populous is the one news means
_NEAR = (
    r"near|outside|close to|on the outskirts of|outskirts of|just outside|not far from|"
    # a point of reference: "30 km east of the capital, Port-au-Prince", "al este de"
    r"(?:\d+\s*(?:km|kilomet(?:er|re)s?|kilómetros|miles)\s+)?(?:(?:north|south)(?:-?(?:east|west))?"
    r"|east|west)\s+of|suburbs of|"
    r"(?:\d+\s*(?:km|kilomètres)\s+)?(?:au|à l['’])\s*(?:nord|sud|est|ouest)"
    r"(?:-(?:est|ouest))?\s+d[eu]|"
    r"banlieue de|(?:a\s+\d+\s*(?:km|kilómetros)\s+)?al\s+(?:norte|sur|este|oeste|noreste|noroeste|"
    r"sureste|suroeste)\s+de|(?:los\s+)?suburbios\s+de|"
    r"près de|pres de|proche de|aux environs de|non loin de|cerca de|en las afueras de|"
    r"a las afueras de|en los alrededores de"
)


# "the eastern Congolese city of Kasindi", "la ville malienne de Boni", "la ciudad mexicana
# de Querétaro": the article's own word for the country the place is in.
_PLACE_NOUN = (
    r"city|town|village|locality|district|province|region|capital|port|"
    r"ville|localité|localite|commune|cité|cite|région|capitale|"
    r"ciudad|localidad|pueblo|municipio|comunidad|provincia|región|capital"
)
_QUALIFIED = (
    r"\b(?P<en>[^\W\d_]+)\s+(?:border\s+|frontier\s+|northern\s+|southern\s+|eastern\s+|"
    r"western\s+)?(?:{nouns})\s+of\s+{name}(?!\w)|"
    r"\b(?:{nouns})\s+(?:frontalière\s+|fronteriza\s+)?(?P<fr>[^\W\d_]+)\s+(?:de|d'|d’)\s*{name}(?!\w)"
)


@dataclass
class _Country:
    code: str | None
    quote: str
    inferred: bool = False


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(",") if p.strip()]


def _written_country(parts: list[tuple[str, str]]) -> tuple[_Country | None, frozenset[str]]:
    """The country the article names, or the countries an ambiguous short form may be."""
    ambiguous: frozenset[str] = frozenset()
    for field, part in sorted(parts, key=lambda fp: fp[0] != "country"):
        if code := country_code(part):
            return _Country(code, part), frozenset()
        if field == "country":
            found = countries_in(part)
            if len(found) == 1:
                return _Country(next(iter(found)), part), frozenset()
            if found and not ambiguous:
                ambiguous = found
    return None, ambiguous


def known_region(region: str, country: str | None) -> bool:
    """A region the model gives from its own knowledge (not written in the article) is
    acceptable only when it is a first-level region (ISO 3166-2) of the article's country."""
    parts = _split(country)
    codes = {c for p in parts if (c := country_code(p))}
    codes = codes or {c for p in parts for c in countries_in(p)}
    return len(codes) == 1 and iso_admin1(region, next(iter(codes))) is not None


def _region(part: str, code: str | None, allowed: frozenset[str]) -> Region | None:
    """The first-level region `part` names, in that country (or in one allowed country).
    A phrase naming another country ("east Congo" beside Uganda) names none of this one's."""
    if code and (others := countries_in(part)) and code not in others:
        return None
    if code:
        iso = iso_admin1(part, code)
        if iso is None and (inside := admin1_in_text(part, code)):
            iso = iso_admin1(inside, code)
        if iso:
            return _by_iso(iso[0])
        named = gazetteer.regions_named(part, code)
        return named[0] if len(named) == 1 else None
    named = [r for r in gazetteer.regions_named(part) if not allowed or r.country in allowed]
    return named[0] if len({r.country for r in named}) == 1 and len(named) == 1 else None


def _by_iso(iso: str) -> Region | None:
    """The first-level region of that ISO 3166-2 code, with its point when GeoNames has it."""
    country = iso.split("-", maxsplit=1)[0]
    name = next((n for c, n, _ in first_level(country) if c == iso), None)
    if name is None:
        return None
    if found := gazetteer.region_by_iso(iso):
        return Region(country, found.admin1, name, iso, *_point(found))
    return Region(country, "", name, iso, None, None, None)


def _region_of_lower(region: str, code: str | None) -> Region | None:
    """The first-level region above a lower one the model gave as the region: a place of
    that name in the country, or a lower ISO 3166-2 subdivision (a department, a
    province), in the country or, with none known, in the one country that has it."""
    lower = gazetteer.places_named(region, code) if code else []
    if (hit := _pick(lower)) and (found := gazetteer.region(hit.country, hit.admin1)):
        return found
    iso = first_level_above(region, code)
    return _by_iso(iso) if iso else None


def _point(r: Region) -> tuple[int | None, float | None, float | None]:
    return r.geonameid, r.lat, r.lon


def _phrase(part: str) -> str:
    """A regex for the words of `part`, any run of whitespace between them."""
    return r"\s+".join(map(re.escape, part.split()))


def _named(part: str, article: str, warnings: list[str]) -> bool:
    """False for a place span the article writes only in lower case: "dans le nord du
    pays" is a direction, not Burkina Faso's Nord region (nor "the centre" its Centre)."""
    found = [m[0] for m in re.finditer(rf"(?<!\w){_phrase(part)}(?!\w)", article, re.IGNORECASE)]
    if not found or any(f != f.lower() for f in found):
        return True
    warnings.append(f"place {part!r} is written in lower case in the article: not a name; dropped")
    return False


def _pick(hits: list[Hit]) -> Hit | None:
    """The one place meant: the only one, or one that dwarfs its namesakes."""
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1 and hits[0].population >= _DOMINANT * max(hits[1].population, 1):
        return hits[0]
    return None


def _near(town: str, article: str) -> bool:
    pattern = rf"\b(?:{_NEAR})\s+(?:the\s+)?(?:\w+\s+(?:of|de|du)\s+)?{re.escape(loose(town))}\b"
    return re.search(pattern, loose(article)) is not None


def _actor_country(actors: list[str]) -> str | None:
    found: set[str] = set()
    for name in actors:
        found |= countries_in(name)
    return next(iter(found)) if len(found) == 1 else None


def locate(
    country: str | None,
    region: str | None,
    town: str | None,
    actors: list[str],
    article: str,
    warnings: list[str],
) -> dict[str, PlaceFact | None]:
    """The article's country, admin1 and location facts. Appends what it could not settle."""
    parts = [(f, p) for f, v in (("town", town), ("region", region), ("country", country))
             for p in _split(v)]  # fmt: skip
    parts = [(f, p) for f, p in parts if f == "country" or _named(p, article, warnings)]
    region = ", ".join(p for f, p in parts if f == "region") or None
    written, ambiguous = _written_country(parts)
    if qualified := _qualified_country(parts, written, ambiguous, article):
        codes, word = qualified
        if written:
            warnings.append(
                f"country {written.quote!r}: the article calls the place {word!r}; "
                f"{' or '.join(sorted(map(country_name, codes)))} kept"
            )
        parts = [(f, p) for f, p in parts if f != "country"] + [("country", word)]
        written, ambiguous = _written_country(parts)
    if written and (moved := _country_of_place(parts, written, article)):
        name, other = moved
        warnings.append(
            f"country {written.quote!r} holds no place {name!r}; the article also names "
            f"{country_name(other)}, where it is: that country kept"
        )
        written = None  # the place settles the country, as when none is written
    code = written.code if written else None
    used = {name_key(written.quote)} if written else set()

    admin: Region | None = None
    admin_quote = ""
    for field, part in sorted(parts, key=lambda fp: fp[0] != "region"):
        if name_key(part) in used or country_code(part):
            continue
        if (found := _region(part, code, ambiguous)) and not (
            field == "town" and code is None and _town_elsewhere(part, found.country)
        ):
            admin, admin_quote = found, part
            break
    from_region = admin is not None

    town_part = next(
        (p for f, p in parts if f == "town" and not country_code(p)),
        next((p for _, p in parts if name_key(p) not in used | {name_key(admin_quote)}
              and not country_code(p)), None),
    )  # fmt: skip
    place: Hit | None = None
    if town_part:
        place, admin, code = _place(town_part, code, admin, ambiguous, actors, warnings)
    if region and admin is None:
        if found := _region_of_lower(region, code):
            admin, admin_quote = found, region
        else:
            warnings.append(f"region {region!r} is not a first-level region; dropped")
    if code is None and admin is not None:
        code = admin.country
    if code is None and (guess := _actor_country(actors)):
        code = guess
        written = _Country(guess, next(a for a in actors if guess in countries_in(a)), True)
    if code is None and ambiguous:
        quote = next(p for f, p in parts if f == "country")
        warnings.append(
            f"country {quote!r} may be {' or '.join(sorted(map(country_name, ambiguous)))}; "
            "kept as written"
        )
        return {
            "country": PlaceFact(name=quote, quote=quote),
            "admin1": None,
            "location": _location(town_part, None, admin, article),
        }
    return {
        "country": _country_fact(code, written, admin_quote or town_part),
        "admin1": _admin_fact(
            admin,
            admin_quote or (town_part or ""),
            not from_region or find_quote(admin_quote, article) < 0,
        ),
        "location": _location(town_part, place, admin, article),
    }


def _place(
    town: str,
    code: str | None,
    admin: Region | None,
    ambiguous: frozenset[str],
    actors: list[str],
    warnings: list[str],
) -> tuple[Hit | None, Region | None, str | None]:
    """The GeoNames place named `town`, and the region and country it settles."""
    hits = gazetteer.places_named(town, code or (admin.country if admin else None))
    if admin and admin.admin1:
        inside = [h for h in hits if (h.country, h.admin1) == (admin.country, admin.admin1)]
        hits = inside  # namesakes elsewhere are not the place the article means
    if code is None and admin is None and hits:
        if ambiguous:
            hits = [h for h in hits if h.country in ambiguous]
        countries = {h.country for h in hits}
        # The actors' demonyms choose among namesakes only: attackers may come from abroad.
        if len(countries) > 1 and (guess := _actor_country(actors)) in countries:
            hits = [h for h in hits if h.country == guess]
        elif not ambiguous and (elsewhere := _region_elsewhere(town, hits)):
            warnings.append(
                f"place {town!r} is also a region of {elsewhere}; not located without a country"
            )
            return None, admin, code
        elif len(countries) > 1 and not _pick(hits):
            names = ", ".join(sorted(country_name(c) for c in countries)[:4])
            warnings.append(f"place {town!r} is in several countries ({names}); not located")
            return None, admin, code
    hit = _pick(hits)
    if hit is None:
        if hits and len({(h.country, h.admin1) for h in hits}) == 1 and admin is None:
            admin = gazetteer.region(hits[0].country, hits[0].admin1)
        return None, admin, code or (admin.country if admin else None)
    if admin is None:
        admin = gazetteer.region(hit.country, hit.admin1)
    return hit, admin, code or hit.country


def _country_of_place(
    parts: list[tuple[str, str]], written: _Country, article: str
) -> tuple[str, str] | None:
    """(name, country) when the country written holds no place of the name given beside it,
    no region given corroborates it, and one other country, which the article also names,
    holds that name: a border town given the neighbour's name, a city given the attacker's
    country ("Sumy, Russia")."""
    name = next((p for f, p in parts if f in ("town", "region") and not country_code(p)), None)
    if name is None or not written.code:
        return None
    if gazetteer.places_named(name, written.code) or any(
        _region(p, written.code, frozenset()) for f, p in parts if f != "country"
    ):
        return None  # the name is there, or a region of that country corroborates it
    elsewhere = {h.country for h in gazetteer.places_named(name)}
    elsewhere |= {r.country for r in gazetteer.regions_named(name)}
    if len(elsewhere) != 1:
        return None  # nowhere, or namesakes in several countries: not guessed
    (other,) = elsewhere
    return (name, other) if other in countries_in(article) else None


def _qualified_country(
    parts: list[tuple[str, str]],
    written: _Country | None,
    ambiguous: frozenset[str],
    article: str,
) -> tuple[frozenset[str], str] | None:
    """The countries the article's own demonym gives the place ("the Congolese city of
    Kasindi", where the model wrote the Uganda of "on the border with Uganda"), when no
    country is written, the one written is not among them, or they settle an ambiguous
    short form."""
    for field, part in parts:
        if field == "country":
            continue
        pattern = _QUALIFIED.format(nouns=_PLACE_NOUN, name=_phrase(part))
        for m in re.finditer(pattern, article, re.IGNORECASE):
            word = m["en"] or m["fr"]
            codes = countries_in(word)
            if ambiguous and not written and len(codes & ambiguous) != 1:
                continue  # "Congo" and "Congolese": nothing settled
            if codes and not (written and written.code in codes):
                return codes, word
    return None


def _town_elsewhere(town: str, country: str) -> bool:
    """A town named like a region, with namesakes in other countries: not that region."""
    return any(h.country != country for h in gazetteer.places_named(town, None))


def _region_elsewhere(town: str, hits: list[Hit]) -> str | None:
    """The country of a first-level region of that name, when no namesake place is in it:
    "Kasai" is a town in Japan and a province of DR Congo, so it is not guessed."""
    countries = {h.country for h in hits}
    other = sorted({r.country for r in gazetteer.regions_named(town)} - countries)
    return ", ".join(map(country_name, other)) if other else None


def _country_fact(
    code: str | None, written: _Country | None, quote: str | None
) -> PlaceFact | None:
    if code is None:
        return None
    if written and written.code == code:
        return PlaceFact(
            name=country_name(code), quote=written.quote, code=code, inferred=written.inferred
        )
    return PlaceFact(name=country_name(code), quote=quote or "", code=code, inferred=True)


def _admin_fact(admin: Region | None, quote: str, inferred: bool) -> PlaceFact | None:
    if admin is None:
        return None
    return PlaceFact(
        name=admin.name,
        quote=quote,
        code=admin.iso,
        lat=admin.lat,
        lon=admin.lon,
        precision=3 if admin.lat is not None else None,
        inferred=inferred,
    )


# A first-level region's own noun, right after its name or before it with "of".
_REGION_NOUN = (
    r"province|region|state|governorate|prefecture|région|préfecture|provincia|región|estado"
)
_AS_REGION_AFTER = re.compile(rf"\s+(?:{_REGION_NOUN})\b", re.IGNORECASE)
_AS_REGION_BEFORE = re.compile(
    rf"\b(?:{_REGION_NOUN})\s+(?:of|de|du|de la|del|d['’])\s*$", re.IGNORECASE
)


def _named_as_region(town: str, admin: Region, article: str) -> bool:
    """A town that shares its first-level region's name (spaced alike or not: "Lamphu",
    "Lam Phu"), which the article calls the region ("Nong Bua Lamphu province", "la région
    de Mopti"): the place is only as precise as the region, not its capital town."""
    if name_key(town).replace(" ", "") != name_key(admin.name).replace(" ", ""):
        return False
    return any(
        _AS_REGION_AFTER.match(article, m.end()) or _AS_REGION_BEFORE.search(article, 0, m.start())
        for m in mentions(town, article)
    )


def _location(
    town: str | None, place: Hit | None, admin: Region | None, article: str
) -> PlaceFact | None:
    if not town:
        return None
    if place is not None and admin is not None and _named_as_region(town, admin, article):
        place = None  # "in Nong Bua Lamphu province": the province, not its capital
    if place is not None:
        return PlaceFact(
            name=town if place_key(town) == place_key(place.name) else place.name,
            quote=town,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            precision=2 if _near(town, article) else 1,
        )
    if admin is not None and admin.lat is not None:
        return PlaceFact(name=town, quote=town, lat=admin.lat, lon=admin.lon, precision=3)
    return PlaceFact(name=town, quote=town)
