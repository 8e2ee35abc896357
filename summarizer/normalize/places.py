"""Place names: canonical countries and first-level regions (ISO 3166 through pycountry)."""

import re
from functools import cache

import pycountry
from rapidfuzz import fuzz

from summarizer.normalize.text import name_key

# Common English names where ISO's differ ("Congo, The Democratic Republic of the").
_COMMON = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "RU": "Russia", "KR": "South Korea", "KP": "North Korea", "VN": "Vietnam",
    "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela",
    "PS": "Palestine", "SY": "Syria", "IR": "Iran", "GB": "United Kingdom",
    "US": "United States", "CI": "Ivory Coast", "TR": "Turkey", "CV": "Cape Verde",
    "MM": "Myanmar", "SZ": "Eswatini", "FM": "Micronesia",
}  # fmt: skip
# Names in common use that ISO does not list.
_ALIASES = {
    "drc": "CD", "dr congo": "CD", "congo kinshasa": "CD", "congo brazzaville": "CG",
    "uk": "GB", "britain": "GB", "great britain": "GB", "usa": "US", "us": "US",
    "united states of america": "US", "america": "US", "ivory coast": "CI",
    "burma": "MM", "turkiye": "TR", "swaziland": "SZ", "east timor": "TL",
    "palestinian territories": "PS", "gaza": "PS", "west bank": "PS",
}  # fmt: skip
_ADMIN_WORDS = (
    r"region|province|state|governorate|department|county|oblast|prefecture|"
    r"division|territory|emirate|wilaya|district"
)
_DIRECTIONS = r"(?:north|south|east|west|central|northern|southern|eastern|western)(?:ern)?"


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            if value := getattr(c, attr, None):
                index[name_key(value)] = c.alpha_2
    for alias, code in _ALIASES.items():
        index[alias] = code
    for code, name in _COMMON.items():
        index[name_key(name)] = code
    return index


def country_name(alpha_2: str) -> str:
    if alpha_2 in _COMMON:
        return _COMMON[alpha_2]
    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:
        return alpha_2
    return str(getattr(c, "common_name", None) or c.name)


def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country as written, or None."""
    key = name_key(text)
    if not key:
        return None
    return _country_index().get(key)


def canonical_country(text: str) -> str | None:
    code = country_code(text)
    return country_name(code) if code else None


def _admin_key(text: str) -> str:
    key = name_key(text)
    key = re.sub(rf"\b({_ADMIN_WORDS})\b", " ", key)
    key = re.sub(rf"^{_DIRECTIONS}\s+", "", key.strip())
    return re.sub(r"\s+", " ", key).strip()


@cache
def _subdivisions(alpha_2: str) -> tuple[tuple[str, str], ...]:
    subs = pycountry.subdivisions.get(country_code=alpha_2) or []  # type: ignore[no-untyped-call]
    # First-level only: those with no parent.
    return tuple(
        sorted((_admin_key(s.name), s.name) for s in subs if not getattr(s, "parent_code", None))
    )


def canonical_admin1(text: str, alpha_2: str | None) -> str | None:
    """The first-level region named by `text` in that country, or None if it names none."""
    if not alpha_2:
        return None
    key = _admin_key(text)
    if not key:
        return None
    subs = _subdivisions(alpha_2)
    for sub_key, name in subs:
        if key == sub_key:
            return name
    scored = sorted(((fuzz.ratio(key, sub_key), name) for sub_key, name in subs), reverse=True)
    if scored and scored[0][0] >= 90:
        return scored[0][1]
    return None


def admin1_in_text(text: str, alpha_2: str | None) -> str | None:
    """A region named inside a longer phrase ("in the Tombouctou region of Mali")."""
    if not alpha_2:
        return None
    key = f" {name_key(text)} "
    found = sorted({name for sub_key, name in _subdivisions(alpha_2) if f" {sub_key} " in key})
    return found[0] if len(found) == 1 else None
