"""Place names: countries (ISO 3166-1 through pycountry, in English, French and Spanish, and
from demonyms), first-level regions (ISO 3166-2), and a key to compare place names."""

import gettext
import re
from functools import cache, lru_cache

import countryinfo
import pycountry
from rapidfuzz import fuzz

from summarizer.normalize.text import name_key

# ACLED's country names where ISO's differ ("Congo, The Democratic Republic of the").
_COMMON = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "RU": "Russia", "KR": "South Korea", "KP": "North Korea", "VN": "Vietnam",
    "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela",
    "PS": "Palestine", "SY": "Syria", "IR": "Iran", "GB": "United Kingdom",
    "US": "United States", "CI": "Ivory Coast", "TR": "Turkey", "CV": "Cape Verde",
    "MM": "Myanmar", "SZ": "eSwatini", "FM": "Micronesia",
}  # fmt: skip
# Names in common use that ISO does not list.
_ALIASES = {
    "drc": "CD", "dr congo": "CD", "rdc": "CD", "rd congo": "CD", "congo kinshasa": "CD",
    "democratic republic of the congo": "CD", "congo brazzaville": "CG",
    "uk": "GB", "britain": "GB", "great britain": "GB", "usa": "US", "us": "US",
    "united states of america": "US", "america": "US", "ivory coast": "CI",
    "burma": "MM", "turkiye": "TR", "swaziland": "SZ", "east timor": "TL",
    "palestinian territories": "PS", "gaza": "PS", "west bank": "PS",
}  # fmt: skip
# Short forms news uses for two countries: never guessed, settled by other evidence.
# "congol" is the demonyms' stem in every language (Congolese, congolaise, congoleños),
# which no ending rule derives from "congo".
_AMBIGUOUS = {"congo": ("CD", "CG"), "korea": ("KP", "KR"), "congol": ("CD", "CG")}
_LANGUAGES = ("fr", "es")  # the article languages besides English
_ADMIN_WORDS = (
    r"region|province|state|governorate|department|county|oblast|prefecture|"
    r"division|territory|emirate|wilaya|district|region de|departement|provincia|"
    r"estado de|departamento|etat de"
)
# Compass words in English, French and Spanish, to one English form ("Nord-Kivu" ~ "North
# Kivu"); a leading one that is not part of the region's name is dropped ("northern Borno").
_COMPASS = {
    "nord": "north", "norte": "north", "northern": "north", "sud": "south", "sur": "south",
    "southern": "south", "est": "east", "este": "east", "eastern": "east", "ouest": "west",
    "oeste": "west", "western": "west", "centre": "central", "centro": "central",
}  # fmt: skip
_DIRECTION = re.compile(r"^(?:north|south|east|west|central)\s+")
# Words of a multi-word country name that do not name it alone ("South", "Republic").
_GENERIC = {"central", "united", "south", "north", "east", "west", "new", "republic",
            "democratic", "saint", "holy", "great", "equatorial", "el", "sri", "the",
            "afrique", "africa", "republique", "republica", "estados", "etats", "iles",
            "islas", "sainte", "santo", "san", "eastern", "western", "northern", "southern",
            "oriental", "islamic", "federal", "state", "kingdom", "region", "union", "nation",
            "peoples", "commonwealth", "independent", "socialist", "territory",
            # ... nor do the common words that begin names in the languages read: "la costa
            # de Guerrero", "Puerto Vallarta", "the Greater Sahara", "Santa Cruz"
            "costa", "puerto", "porto", "sierra", "santa", "grand", "nueva", "nouvelle",
            "sahara", "reino", "royaume", "estado", "principado", "principality",
            "principaute", "federation", "federacion", "confederacion", "confederation",
            "department", "departement", "territoire", "territorio", "territorios", "terres",
            "tierras", "collectivite", "abode", "pleasant"}  # fmt: skip
# An island territory's first word alone is a holiday, a county or a name, not the island.
_ISLAND = {"island", "islands", "isles", "ile", "iles", "isla", "islas"}
# Endings of a demonym formed on the country's name (Malian, malien, maliens, burkinabè,
# soudanais, mexicano, colombianas), or on a demonym ("nigérienne": nigérien + ne).
_DEMONYM_END = re.compile(
    r"^(?:n|ne|nes|an|ans|ian|ians|ean|eans|ese|i|is|e|es|ien|iens|ienne|iennes|en|ens|enne|"
    r"ennes|"
    r"ais|aise|aises|ois|oise|oises|ano|anos|ana|anas|eno|enos|ena|enas|o|os|a|as|be|s)$"
)


def _head(name: str) -> list[str]:
    """The name before its ", Federación de"; not before ", Île" or ", Isla de": "Christmas"
    and "Navidad" alone are not Christmas Island."""
    head, _, tail = name.partition(", ")
    return [head] if tail and name_key(tail).split()[0] not in _ISLAND else []


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in _LANGUAGES
    ]
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            if value := getattr(c, attr, None):
                names = [value, *(t.gettext(value) for t in translations)]
                for name in names:  # "Rusia, Federación de" is also "Rusia"
                    for form in (name, *_head(name)):
                        index.setdefault(name_key(form), c.alpha_2)
    for info in countryinfo.all_countries():
        code = info.iso(2)
        translated = [v for k, v in (info.translations() or {}).items() if k in _LANGUAGES]
        for alt in [*(info.alt_spellings() or []), *translated]:
            key = name_key(alt)
            if code and len(key) > 3:  # codes are matched through pycountry's alpha_3
                index.setdefault(key, code)
    index.update(_ALIASES)
    for code, name in _COMMON.items():
        index[name_key(name)] = code
    for key in _AMBIGUOUS:
        index.pop(key, None)
    return index


def country_name(alpha_2: str) -> str:
    if alpha_2 in _COMMON:
        return _COMMON[alpha_2]
    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:
        return alpha_2
    return str(getattr(c, "common_name", None) or c.name)


def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country as written (English, French or Spanish), or None."""
    key = name_key(text)
    if not key:
        return None
    return _country_index().get(key)


def canonical_country(text: str) -> str | None:
    code = country_code(text)
    return country_name(code) if code else None


@cache
def _stems() -> dict[str, frozenset[str]]:
    """Word stem -> countries: 'mali' (Malian, malien), 'burkina' (Burkina, burkinabè)."""
    stems: dict[str, set[str]] = {}
    for key, code in _country_index().items():
        words = key.split()
        if len(words) == 1 and len(key) >= 4 and key.isalpha():
            stems.setdefault(key, set()).add(code)
            if len(key) > 4 and key[-1] in "aeiouy":
                stems.setdefault(key[:-1], set()).add(code)
        elif (
            len(words) > 1
            and words[0] not in _GENERIC
            and len(words[0]) >= 5
            and words[-1] not in _ISLAND  # "Christmas", "Norfolk" alone are not their islands
        ):
            stems.setdefault(words[0], set()).add(code)
    demonyms = set()
    for info in countryinfo.all_countries():
        if (demonym := info.demonym()) and (code := info.iso(2)):
            demonyms.add(key := name_key(demonym))
            stems.setdefault(key, set()).add(code)
    for key in demonyms:
        stems[key] = _sovereigns(key, stems[key])
    for key, codes in _AMBIGUOUS.items():
        stems.setdefault(key, set()).update(codes)
    # A first word shared by several names ("guinea") stays with the country named so.
    return {k: frozenset(v) for k, v in stems.items()}


@cache
def _dependencies() -> dict[str, frozenset[str]]:
    """Territory -> the countries ISO 3166-2 lists it under, by its code (CN-HK, US-GU) or
    by its name ("La Réunion" under FR). Some of these are coincidences (IT-RE is Reggio
    Emilia): read only among countries that share a demonym."""
    found: dict[str, set[str]] = {}
    halves = _name_halves()
    for sub in pycountry.subdivisions:
        parent, _, suffix = sub.code.partition("-")
        bare = re.sub(r"^(?:la|le|les|l')\s*", "", sub.name, flags=re.I)  # "La Réunion"
        half = halves.get(name_key(re.sub(r"\s*\(.*\)", "", sub.name)))  # "Jan Mayen (…)"
        for code in (suffix, country_code(sub.name), country_code(bare), half):
            if code and code != parent:
                found.setdefault(code, set()).add(parent)
    return {k: frozenset(v) for k, v in found.items()}


def _name_halves() -> dict[str, str]:
    """Each half of a territory named "X and Y" -> the territory: "Svalbard and Jan Mayen"
    is Norway's because ISO 3166-2 lists Jan Mayen (NO-22), not the pair, under Norway."""
    halves = {}
    for country in pycountry.countries:
        parts = name_key(country.name).split(" and ")
        if len(parts) == 2:
            halves.update(dict.fromkeys(parts, country.alpha_2))
    return halves


def _sovereigns(demonym: str, codes: set[str]) -> set[str]:
    """The countries a demonym shared with territories means: "French" is France's, not
    Réunion's (a French subdivision) nor French Polynesia's (a name formed on it)."""
    dependencies = _dependencies()
    kept = {
        c
        for c in codes
        if not dependencies.get(c, frozenset()) & codes
        and demonym not in name_key(country_name(c)).split()
    }
    return kept or codes


def _word_countries(word: str) -> frozenset[str]:
    stems = _stems()
    if word in stems:
        return stems[word]
    for cut in range(len(word) - 1, 3, -1):  # the longest stem: 'nigerian' is Nigeria's
        stem = word[:cut]
        if stem in stems and _DEMONYM_END.match(word[cut:]):
            return stems[stem]
    return frozenset()


@cache
def _short_forms() -> dict[str, str]:
    """Capitalised short forms ("US", "UK", "DRC", "UAE", "RSA") -> country: countryinfo's
    capitalised alternative spellings and the short names above, never the ISO codes
    themselves ("IS", "AU", "CAN", "BEN" are words or other bodies more often than not)."""
    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    forms = {k.upper(): v for k, v in _ALIASES.items() if k.isalpha() and len(k) <= 3}
    for info in countryinfo.all_countries():
        code = info.iso(2)
        if code not in codes:  # a former country (Netherlands Antilles, Serbia and Montenegro)
            continue
        for alt in info.alt_spellings() or []:
            if alt.isalpha() and alt.isupper() and alt not in codes:
                forms.setdefault(alt, code)
    return forms


# A capitalised short form as a whole word, with or without dots ("US", "U.S.", "U.K.").
_SHORT = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?!\w)|\b[A-Z]{2,4}\b")


def _short_in(phrase: str) -> set[str]:
    forms = _short_forms()
    return {c for m in _SHORT.finditer(phrase) if (c := forms.get(m[0].replace(".", "")))}


@cache
def _longest_name() -> int:
    return max(len(k.split()) for k in _country_index())


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def country_spelling(alpha_2: str, text: str) -> str | None:
    """How the text writes this country, in any of the languages ("Ucrania", "Soudan",
    "México"), or None. Capitalised names of four letters or more only: "Ben" or "can"
    are words, not Benin's or Canada's codes. The longest name first."""
    index = _country_index()
    words = list(_NAME_WORD.finditer(text))
    for n in range(min(_longest_name(), 6), 0, -1):
        for i in range(len(words) - n + 1):
            written = text[words[i].start() : words[i + n - 1].end()]
            if (
                written[0].isupper()
                and len(written) >= 4
                and index.get(name_key(written)) == alpha_2
            ):
                return written
    return None


def countries_in(phrase: str) -> frozenset[str]:
    """Countries a phrase names or qualifies ("Nigerian troops", "l'armée burkinabè",
    "US troops", "the Congolese army" -> CD and CG: ambiguous, for other evidence to
    settle). Short forms count only as capitals: "us" is a pronoun, "US" a country."""
    key = name_key(phrase)
    if key.upper() in _short_forms():
        return frozenset(_short_in(phrase))
    if code := country_code(phrase):
        return frozenset({code})
    found = _short_in(phrase)
    words = key.split()
    # Names inside the phrase, longest first: "Democratic Republic of Congo" is not the
    # "Republic of Congo" it contains.
    for n in range(min(_longest_name(), len(words)), 1, -1):
        for i in range(len(words) - n + 1):
            joined = " ".join(words[i : i + n])
            if codes := ({c} if (c := _country_index().get(joined)) else _stems().get(joined)):
                found |= codes
                words[i : i + n] = [""] * n
    vague: list[frozenset[str]] = []
    for word in words:
        if len(word) >= 4:
            codes = _word_countries(word)
            if len(codes) > 1:
                vague.append(codes)
            else:
                found |= codes
    for codes in vague:  # "Congolese" beside "DRC": the country named settles it
        found |= (codes & found) or codes
    return frozenset(found)


def admin_key(text: str) -> str:
    """'Région du Nord-Kivu' and 'North Kivu province' -> 'north kivu'."""
    key = name_key(text)
    key = re.sub(rf"\b({_ADMIN_WORDS})\b", " ", key)
    key = re.sub(r"^(?:of|de|du|des|del|d|la|l)\s+", "", key.strip())
    return " ".join(_COMPASS.get(w, w) for w in key.split())


def admin_keys(text: str) -> list[str]:
    """The region key, then without a leading compass word ('northern Borno' -> 'borno')."""
    key = admin_key(text)
    bare = _DIRECTION.sub("", key)
    return [key, bare] if bare != key else [key]


@cache
def first_level(alpha_2: str) -> tuple[tuple[str, str, str], ...]:
    """(ISO 3166-2 code, name, admin key) of every first-level region of a country."""
    subs = pycountry.subdivisions.get(country_code=alpha_2) or []  # type: ignore[no-untyped-call]
    return tuple(
        sorted(
            (s.code, s.name, admin_key(s.name)) for s in subs if not getattr(s, "parent_code", None)
        )
    )


@cache
def _levels() -> dict[str, tuple[tuple[str, str], ...]]:
    """admin key -> (ISO 3166-2 code, first-level code above it or itself) of every
    subdivision ("Deux-Sèvres", a French department, is in Nouvelle-Aquitaine)."""
    subs = {s.code: s for s in pycountry.subdivisions}
    found: dict[str, set[tuple[str, str]]] = {}
    for s in subs.values():
        top = s
        while (parent := getattr(top, "parent_code", None)) and parent in subs:
            top = subs[parent]
        found.setdefault(admin_key(s.name), set()).add((s.code, top.code))
    return {k: tuple(sorted(v)) for k, v in found.items()}


def first_level_above(text: str, alpha_2: str | None) -> str | None:
    """The ISO 3166-2 code of the first-level region above the lower subdivision `text`
    names (a department, a province, a county), in that country or, with none, when it
    is the only subdivision of that name anywhere ("Córdoba" is a Spanish province and
    two other countries' first-level regions: not guessed)."""
    found = [
        (code, top)
        for code, top in _levels().get(admin_key(text), ())
        if alpha_2 is None or code.startswith(f"{alpha_2}-")
    ]
    return found[0][1] if len(found) == 1 and found[0][0] != found[0][1] else None


def canonical_admin1(text: str, alpha_2: str | None) -> str | None:
    """The first-level region named by `text` in that country, or None if it names none."""
    found = iso_admin1(text, alpha_2)
    return found[1] if found else None


def iso_admin1(text: str, alpha_2: str | None) -> tuple[str, str] | None:
    """(ISO 3166-2 code, name) of the first-level region `text` names in that country."""
    if not alpha_2:
        return None
    keys = admin_keys(text)
    subs = first_level(alpha_2)
    if not keys[0] or not subs:
        return None
    for key in keys:
        for code, name, sub_key in subs:
            if key == sub_key:
                return code, name
    key = keys[0]
    scored = sorted(((fuzz.ratio(key, k), code, name) for code, name, k in subs), reverse=True)
    if scored and scored[0][0] >= 88:
        return scored[0][1], scored[0][2]
    return None


def admin1_in_text(text: str, alpha_2: str | None) -> str | None:
    """A region named inside a longer phrase ("in the Tombouctou region of Mali"). A region
    named as its country is ("northeastern Mexico": the country, not the State of México)
    is not found in a phrase."""
    if not alpha_2:
        return None
    key = f" {name_key(text)} "
    found = sorted(
        {
            name
            for _, name, sub_key in first_level(alpha_2)
            if f" {sub_key} " in key and country_code(name) != alpha_2
        }
    )
    return found[0] if len(found) == 1 else None


_SETTLEMENT = (
    r"village|town|city|hamlet|settlement|locality|municipality|commune|ville|localite|"
    r"localidad|pueblo|aldea|ciudad|municipio|comuna|poblado|quartier|neighbourhood|"
    r"neighborhood|district|area|camp|site"
)
_PLACE_HEAD = re.compile(rf"^(?:(?:{_SETTLEMENT})\s+(?:of|de la|del|des|de|du|d|di)\s+)+(.+)$")
_PLACE_TAIL = re.compile(rf"^(.+?)(?:\s+(?:{_SETTLEMENT}))+$")


@lru_cache(maxsize=1 << 16)  # pure; the reconciler and the clusterer compare the same names
def place_key(name: str) -> str:
    """A key to compare place names as written: "Pazigyi village", "the village of Pazigyi",
    "commune de Pa Zi Gyi" and "PAZIGYI" are one key; accents, case, hyphens and spaces
    folded ("Pont-Sondé" = "Pont Sonde" = "pontsonde")."""
    key = name_key(re.sub(r"\b([dlDL])['’]", r"\1 ", name))
    for _ in range(2):
        if m := _PLACE_HEAD.match(key):
            key = m[1]
        if m := _PLACE_TAIL.match(key):
            key = m[1]
    return key.replace(" ", "")
