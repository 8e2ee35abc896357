"""Who an actor is: a named group or state force from the actor dictionary
(summarizer/data/actors.yaml, extended by the file SUMMARIZER_ACTORS names), else ACLED's
generic actors:

- attackers described, not named ("gunmen", "bandits", "terrorists", "assailants",
  "hommes armés", "individuos armados") -> Unidentified Armed Group (<Country>);
- soldiers, army, troops, junta, patrols -> Military Forces of <Country>;
- police, gendarmes -> Police Forces of <Country>;
- unarmed people (villagers, worshippers, farmers, traders, patrons) and, as targets, the
  places they were in (a church, a bar, a village) and a person named by who they are (a
  man, a mother, a journalist, a herder) -> Civilians (<Country>);
- demonstrators -> Protesters (<Country>).
The country is the one the words name ("Nigerian troops", "Russia"), else the incident's.
Every identity is a stable key: the dictionary id, else "<category>:<ISO2>".
"""

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from summarizer._config import resolve_actors_file
from summarizer.errors import UserError
from summarizer.normalize.names import same_actor
from summarizer.normalize.places import countries_in, country_code, country_name
from summarizer.normalize.text import name_key, stop_words
from summarizer.schemas import ActorFact
from summarizer.schemas.common import ActorCategory

_CATEGORY: dict[str, ActorCategory] = {
    "group": "group", "military": "military", "police": "police", "civilians": "civilians",
    "unidentified": "unidentified", "other": "other", "protesters": "other",
    "government": "other",
}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    category: ActorCategory
    source: str
    acronym: str | None = None
    countries: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()
    by_country: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def display(self) -> str:
        # Word by word: "IS" is not in "Islamic State" although "is" starts "islamic".
        if self.acronym and f" {name_key(self.acronym)} " not in f" {name_key(self.name)} ":
            return f"{self.name} ({self.acronym})"
        return self.name


@dataclass(frozen=True)
class Identity:
    identity: str | None
    category: ActorCategory | None
    name: str  # how the brief shows it
    names: tuple[str, ...] = ()  # dictionary names kept beside the wordings seen
    countries: frozenset[str] = frozenset()


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise UserError(f"{where}: every actor entry needs an 'id' and a 'name'")
    category = _CATEGORY.get(raw.get("category", "group"))
    if category is None:
        raise UserError(
            f"{where}: actor {raw['id']!r} has unknown category {raw.get('category')!r} "
            f"(one of {', '.join(_CATEGORY)})"
        )
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise UserError(f"{where}: actor {raw['id']!r}: 'aliases' must be a list")
    return Entry(
        id=str(raw["id"]),
        name=str(raw["name"]),
        category=category,
        source=str(raw.get("source", "")),
        acronym=str(raw["acronym"]) if raw.get("acronym") else None,
        countries=frozenset(map(str, raw.get("countries") or [])),
        aliases=tuple(map(str, aliases)),
        by_country={str(k): str(v) for k, v in (raw.get("by_country") or {}).items()},
    )


def _read(text: str, where: str) -> list[Entry]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UserError(f"{where}: not YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, list):
        raise UserError(f"{where}: an actor file is a YAML list of entries")
    return [_entry(item, where) for item in data]


def actors_file() -> Path | None:
    """The user's actor file (SUMMARIZER_ACTORS), if any."""
    return resolve_actors_file()


@cache
def dictionary(extra: Path | None = None) -> dict[str, Entry]:
    """The shipped dictionary, then the user's entries (same id replaces)."""
    shipped = (resources.files("summarizer") / "data" / "actors.yaml").read_text("utf-8")
    entries = {e.id: e for e in _read(shipped, "summarizer/data/actors.yaml")}
    if extra is not None:
        try:
            text = extra.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{extra}: cannot read actor file ({exc.__class__.__name__})") from None
        entries |= {e.id: e for e in _read(text, str(extra))}
    return entries


def _is_acronym(alias: str) -> bool:
    """ "IS", "FAMa", "G9": matched as written, so "is" the verb is never Islamic State."""
    return " " not in alias and sum(c.isupper() for c in alias) >= 2


@cache
def _aliases(extra: Path | None) -> tuple[tuple[str, bool, str], ...]:
    """(key or acronym, is acronym, entry id), longest first."""
    found = set()
    for entry in dictionary(extra).values():
        for alias in (entry.name, *(entry.acronym or "").split("/"), *entry.aliases):
            if not alias:
                continue
            acr = _is_acronym(alias)
            found.add((alias if acr else name_key(alias), acr, entry.id))
    return tuple(sorted(found, key=lambda a: (-len(a[0]), a)))


def _dictionary_match(
    raw: str, country: str | None, extra: Path | None
) -> tuple[Entry, str] | None:
    """The entry whose longest alias the words contain, and the words left around it.

    Entries sharing that alias are told apart by where they operate. An acronym or a
    several-word name no other entry has is its own entry's wherever the incident is ("TTP"
    in Afghanistan), and a shorter alias inside it ("Taliban" in "Tehrik-i-Taliban
    Pakistan") is never another group; a one-word name ("Taliban") counts only where its
    group operates, as namesakes elsewhere are not in the dictionary."""
    entries = dictionary(extra)
    key = f" {name_key(raw)} "
    plain = re.sub(r"[^\w]+", " ", raw)
    rows = _aliases(extra)
    for alias, acr, _ in rows:
        if acr:
            m = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", plain)
            if m is None:
                continue
            rest = name_key(plain[: m.start()] + " " + plain[m.end() :])
            plain = plain[: m.start()] + " " + plain[m.end() :]
        else:
            if f" {alias} " not in key:
                continue
            rest = key.replace(f" {alias} ", " ", 1).strip()
            key = key.replace(f" {alias} ", " ", 1)
        named = [entries[e] for a, c, e in rows if (a, c) == (alias, acr)]
        here = [e for e in named if not e.countries or country is None or country in e.countries]
        own = len(named) == 1 and (acr or " " in alias) and _nothing_else(rest)
        entry = here[0] if here else named[0] if own else None
        if entry is None:
            continue  # this name's group is elsewhere; its words are used up
        if country and (branch := entry.by_country.get(country)) and branch in entries:
            return entries[branch], rest
        return entry, rest
    return _spelled_otherwise(name_key(raw), country, extra)


def _nothing_else(rest: str) -> bool:
    """The words around a name name nothing more ("TTP militants in Afghanistan"): no
    other name ("Saraya" of "Saraya Ansar al-Sunna", Syria's group, not Mozambique's)."""
    return all(
        len(w) < 4
        or w in stop_words()
        or countries_in(w)
        or any(r.search(w) for r in _GENERIC_RE.values())
        for w in rest.split()
    )


def _spelled_otherwise(
    key: str, country: str | None, extra: Path | None
) -> tuple[Entry, str] | None:
    """A long name transliterated another way ("Jamma'at Nustra Al Islam Wal Musilimin"):
    the one entry one of whose names of four words or more the words hold, nearly letter
    for letter (rapidfuzz's best partial alignment, 90 of 100; "Taliban" is inside
    "Tehrik-i-Taliban Pakistan", not the other way round). Shorter names differ by a
    word that matters ("Islamic State Sahel" and "... West Africa"), so they must match
    exactly."""
    entries = dictionary(extra)
    close = {
        e
        for alias, acr, e in _aliases(extra)
        if not acr
        and len(alias.split()) >= 4
        and len(key) >= 0.9 * len(alias)  # the alias in the words, not the words in it
        and fuzz.partial_ratio(alias, key) >= 90
    }
    here = [entries[e] for e in sorted(close) if country in entries[e].countries or not country]
    if len(close) != 1 or not here:
        return None
    return here[0], ""


# Generic descriptors, accent-folded (English, French, Spanish).
_GENERIC = {
    "police": r"police\w*|policemen|gendarm\w*|policia\w*|policier\w*|agentes|constabulary|"
    r"law enforcement|forces de l ordre|fuerzas del orden|riot police|garda\w*|carabiner\w*",
    "military": r"soldiers?|troops?|army|armies|military|militaries|armed forces|servicem[ae]n|"
    r"security forces|defen[cs]e forces?|defen[cs]e and security forces|forces|air force|navy|"
    r"junta|regime|patrol\w*|detachment|battalion|brigades?|regiment|units?|garrison|"
    r"soldats?|militaires?|armee|forces armees|forces de defense|detachement|patrouille\w*|"
    r"unite|bataillon|soldados?|ejercito|militar(?:es)?|fuerzas armadas|tropas?|junte|"
    r"fds|fuerzas de seguridad|guardia nacional|national guard|security personnel|"
    r"personnel de securite|personal de seguridad|"
    r"(?:air|military|army|naval) ?bases?|barracks|base (?:aerea|militar|militaire|navale?)s?|"
    r"bases (?:aeriennes|militares|militaires)|base aerienne|cuartel(?:es)?|casernes?",
    "protesters": r"protest(?:ers?|ors?|ing)|demonstrators?|rioters?|manifestant\w*|manifestantes|"
    r"protestantes|"
    r"protestataires|marchers",
    "unidentified": r"gunm[ae]n|bandits?|terrorists?|assailants?|attackers?|militants?|"
    r"fighters|combatants|combattants|elements armes|"
    r"insurgents?|jihadists?|extremists?|armed (?:m[ae]n|individuals|people|groups?|assailants|"
    r"elements|bandits)|rebels?|raiders|hommes? armes?|individus\b.*\barmes|"
    r"individus non identifies|inconnus|assaillants?|terroristes?|terroristas?|jihadistes?|"
    r"djihadistes?|yihadistas?|"
    r"groupes? armes?|groupes? arme terroristes?|hombres? armados?|individuos armados|"
    r"grupos? (?:\w+ )?armados?|sicarios?|comando armado|atacantes|agresores|pistoleros|"
    r"delincuentes|criminales|unknown|unidentified|gangs?|gangsters|kidnappers|abductors|"
    r"commando",
    "civilians": r"civilians?|citizens|citoyens|ciudadanos|villagers?|worshipp?ers?|"
    r"churchgoers|congregation|faithful|"
    r"farmers?|traders?|merchants?|residents?|inhabitants?|population|people|persons|"
    r"passengers|students?|pupils|children|women|men|elderly|families|patrons|customers|"
    r"diners|guests|shoppers|fishermen|displaced|idps|refugees|mourners|christians|muslims|"
    r"labou?rers|workers|employees|miners|teachers|pilgrims|travell?ers|commuters|"
    r"civils?|villageois|fideles|habitants?|femmes|enfants|personnes|agriculteurs|"
    r"commercants|eleves|deplaces|civiles|pobladores|habitantes|clientes|asistentes|"
    r"agricultores|comerciantes|poblacion|personas|trabajadores|mujeres|ninos|feligreses|"
    r"campesinos|paysans",
}
_GENERIC_RE = {k: re.compile(rf"\b(?:{v})\b") for k, v in _GENERIC.items()}
# Places people were attacked in, their property, and the bare "victims": as a target,
# they stand for the civilians there (an attack on soldiers names them as soldiers).
_VENUE = re.compile(
    r"\b(?:victims?|victimes?|victimas|"
    r"church\w*|mosques?|bars?|restaurants?|markets?|schools?|villages?|ceremony|wedding|"
    r"funeral|hospitals?|camps?|buses|bus|homes?|houses?|hotels?|nightclubs?|eglises?|"
    r"mosquees?|marches?|ecoles?|mariage|funerailles|hopital|iglesias?|mercados?|escuelas?|"
    r"boda|funeral|hospital|cantina|fiesta|"
    r"junctions?|intersections?|crossroads|roundabouts?|streets?|roads?|squares?|"
    r"carrefours?|rond-points?|rues?|places?|cruces?|interseccion|calles?|avenidas?|plazas?|"
    r"glorietas?|"
    r"shops?|stores?|businesses|vehicles?|cars|commerces?|boutiques?|maisons?|vehicules?|"
    r"voitures?|casas?|viviendas?|locales|comercios?|negocios?|tiendas?|vehiculos?|coches?|"
    r"carros?)\b"
)
# One person or a few, by who they are: as a target, a civilian ("a man in his 40s", "a
# mother of six", "a journalist"); as an attacker, a lone man is not a civilian actor.
_PERSON = re.compile(
    r"\b(?:man|woman|boys?|girls?|child|bab(?:y|ies)|infants?|mothers?|fathers?|friends|"
    r"journalists?|reporters?|herders?|herdsmen|shepherds?|tourists?|family|minors?|"
    r"teen(?:ager)?s?|adolescents?|imams?|priests?|pastors?|marabouts?|chiefs?|elders?|"
    r"mineure?s?|pretres?|chefs?|menor(?:es)?|adolescentes?|sacerdotes?|curas?|jefes?|"
    r"homme|femme|enfant|bebes?|meres?|peres?|amis|journalistes?|eleveurs?|bergers?|"
    r"touristes?|famille|hombre|mujer|nin[oa]s?|madres?|padres?|amigos|periodistas?|"
    r"reporteros?|pastores|turistas?|familia)\b"
)
# A crowd, by no other name: who it is depends on whether it attacks or is attacked.
_CROWD = re.compile(r"\b(?:crowds?|mobs?|foules?|turbas?|multitud(?:es)?|muchedumbres?)\b")
# Organised crime named by what it is, not by its name.
_CARTEL = re.compile(r"\b(?:cartels?|carteles|narcos|narcotraficantes|drug traffickers)\b")
# The state's civil institutions as a target (ACLED's "Government of <Country>"): its
# ministries, parliament and seats of government; as an attacker a state acts by its forces.
_GOVERNMENT = re.compile(
    r"\b(?:ministr(?:y|ies)|government|parliament|presidential palace|city hall|town hall|"
    r"ministeres?|gouvernement|parlement|palais presidentiel|mairie|prefecture|"
    r"ministerios?|gobierno|parlamento|congreso|palacio presidencial|alcaldia|ayuntamiento)\b"
)
# What an attack is carried out with, not by: a weapon or a vehicle, as the model may
# write it for the attacker ("un camión cargado de explosivos", "a car bomb").
_WEAPON = re.compile(
    r"\b(?:trucks?|cars?|vehicles?|motorcycles?|bombs?|car bomb|explosives?|explosive device|"
    r"ieds?|drones?|missiles?|rockets?|shells?|mines?|grenades?|camions?|voitures?|vehicules?|"
    r"motos?|bombes?|explosifs?|engins? explosifs?|roquettes?|obus|grenades?|camion(?:es|eta)?|"
    r"coches?|carros?|vehiculos?|motocicletas?|bombas?|explosivos?|artefactos? explosivos?|"
    r"cohetes?|misiles?|granadas?)\b"
)
_COUNT_WORD = re.compile(
    r"\d+|the|les|los|las|some|a few|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"deux|trois|quatre|cinq|plusieurs|dos|tres|cuatro|cinco|varios|varias"
)
_LABELS = {
    "unidentified": "Unidentified Armed Group ({})",
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
    "civilians": "Civilians ({})",
    "protesters": "Protesters ({})",
    "government": "Government of {}",
}


def _person(raw: str, key: str) -> bool:
    """One person or a few by who they are, and not by name: "a journalist" is a civilian,
    "journalist Mohamed Koona" stays the named victim the brief should print."""
    return bool(_PERSON.search(key)) and not _proper(raw)


def _proper(raw: str) -> bool:
    """A capitalised word after the first: the words name someone ("Cártel del Golfo")."""
    return any(w[0].isupper() for w in raw.split()[1:])


# An elided French article or pronoun, kept a word of its own: "l'église", "d'hommes".
_ELIDED = re.compile(r"\b([ldjmnst]|qu)['\u2019](?=\w)", re.IGNORECASE)


def _generic(raw: str, role: str) -> str | None:
    key = name_key(_ELIDED.sub(r"\1 ", raw))  # name_key would glue "l'église" to "leglise"
    for kind in ("police", "military", "protesters", "unidentified", "civilians"):
        if _GENERIC_RE[kind].search(key):
            return kind
    if _CARTEL.search(key) and not _proper(raw):  # "a drug cartel", not "the Gulf Cartel"
        return "unidentified"
    if _CROWD.search(key):  # a crowd that attacks riots; one attacked is civilians
        return "protesters" if role == "perpetrators" else "civilians"
    if role == "targets" and _GOVERNMENT.search(key):
        return "government"
    if role == "targets" and (_VENUE.search(key) or _person(raw, key) or _nationals(raw, key)):
        return "civilians"
    return None


def _nationals(raw: str, key: str) -> bool:
    """People named only by their nationality, with a number or not ("four Americans",
    "deux Français"): as a target, that country's civilians."""
    words = [w for w in raw.split() if not _COUNT_WORD.fullmatch(name_key(w))]
    return bool(words) and all(len(countries_in(w)) == 1 for w in words) and key[-1] == "s"


# A church's denomination, not its people's country: "a Greek Orthodox church" in Syria.
_DENOMINATION = re.compile(
    r"\b\w+\s+(?:orthodox|catholic|apostolic|coptic|evangelical|orthodoxe|catholique|"
    r"apostolique|copte|evangelique|évangélique|ortodox[ao]|catolic[ao]|católic[ao]|"
    r"apost[oó]lic[ao]|copt[ao]|evang[eé]lic[ao])\b",
    re.IGNORECASE,
)


def weapon_only(raw: str, country: str | None) -> str | None:
    """The weapon or vehicle an attacker's name is, when that is all it names: no actor the
    dictionary knows or a generic one ("bomber" and "gunmen" are people), no proper name."""
    key = name_key(raw)
    found = _WEAPON.search(key)
    if found is None or _proper(raw) or identify(raw, country, "perpetrators"):
        return None
    return found[0]


def _generic_identity(kind: str, code: str | None) -> Identity:
    label = _LABELS[kind]
    name = (
        label.format(country_name(code))
        if code
        else label.replace(" ({})", "").replace(" of {}", "")
    )
    key = f"{kind}:{code}" if code else kind
    return Identity(key, _CATEGORY[kind], name, countries=frozenset({code} if code else set()))


# "militants linked to X", "an X affiliate", "des hommes proches de X": not X itself.
_AFFILIATED = re.compile(
    r"\b(?:linked|affiliated?|affiliates|aligned|allied|loyal|tied|connected|inspired|"
    r"lies?|liees?|affilies?|proches?|vinculad\w*|afines?|aliad\w*)\b"
)


# Weapons that only states' forces fire in news of one country at war with another.
_STRIKE = re.compile(
    r"\b(?:missiles?|(?:air|missile|drone|rocket) ?strikes?|air ?raids?|shelling|bombardments?|"
    r"drones?|rockets?|frappes?(?: aeriennes?)?|bombardements?|tirs? de missiles?|"
    r"misiles?|bombardeos?|ataques? aereos?|cohetes)\b"
)


def _striking_state(raw: str, role: str) -> Identity | None:
    """A strike written as the attacker with one state's demonym ("Russian missile strike",
    "frappe israélienne"): that state's armed forces. With no demonym the strike names no
    side, since the incident's own country is often the one struck."""
    named = countries_in(raw)
    if role != "perpetrators" or len(named) != 1 or not _STRIKE.search(name_key(raw)):
        return None
    return _generic_identity("military", next(iter(named)))


def identify(raw: str, country: str | None, role: str) -> Identity | None:
    """The identity of an actor as written, in an incident in `country` (ISO alpha-2).
    None: a name the dictionary does not know (kept as written)."""
    match = _dictionary_match(raw, country, actors_file())
    if _AFFILIATED.search(match[1] if match else name_key(raw)):
        named = countries_in(match[1] if match else raw)
        return _generic_identity("unidentified", next(iter(named)) if len(named) == 1 else country)
    if match:
        entry = match[0]
        names = tuple(n for n in (entry.name, entry.acronym) if n)
        return Identity(entry.id, entry.category, entry.display, names, entry.countries)
    if code := country_code(raw):  # a state named as the actor: its armed forces
        return _generic_identity("military", code)
    kind = _generic(raw, role)
    if kind is None:
        return _striking_state(raw, role)
    named = countries_in(_DENOMINATION.sub(" ", raw))
    code = next(iter(named)) if len(named) == 1 else country
    return _generic_identity(kind, code)


_WORD = re.compile(r"[^\W\d_]+")


def generic_wording(raw: str, article: str, country: str | None, role: str) -> str | None:
    """The article's own word for a generic actor the model wrote in other words
    ("Ukrainian citizens" where the article says "civilians"): the first word of the same
    kind the article writes that is the same actor (a generic identity carries its kind and
    country; a named actor's is never a generic word's). None for an actor of no generic
    kind, or when the article has no such word."""
    kind = _generic(raw, role)
    who = identify(raw, country, role)
    if kind is None or who is None:
        return None
    words: list[str] = _WORD.findall(article)
    for word in dict.fromkeys(words):  # only words of the kind: "Ukraine" is no soldier
        same = identify(word, country, role) if _generic(word, role) == kind else None
        if same is not None and same.identity == who.identity:
            return word
    return None


def entry_countries(identity: str | None) -> frozenset[str]:
    if identity is None:
        return frozenset()
    entry = dictionary(actors_file()).get(identity)
    if entry is not None:
        return entry.countries
    _, _, code = identity.partition(":")
    return frozenset({code}) if code else frozenset()


# How firmly the words around a name tie it to the act (English, French, Spanish, folded).
_CLAIM = re.compile(
    r"\b(?:claim\w*\s+(?:\w+\s+){0,3}(?:responsibility|the attack|the assault|the killings?|"
    r"the bombing|the ambush)|took responsibility|responsibility was claimed|"
    r"revendiqu\w*|revendication\w*|reivindic\w*|se atribuy\w*|se adjudic\w*)"
)
_NO_CLAIM = re.compile(
    r"\b(?:no|not|yet to|none|nobody|aucun\w*|pas|personne|ningun\w*|nadie|sin que|no ha)\b"
    r"[^.]{0,40}$"
)
_HEDGE = (
    r"suspect\w*|alleged\w*|presum\w*|believed to be|thought to be|likely|reportedly|"
    r"blamed|accus\w*|attributed to|possibly|probabl\w*|supposed\w*|soupconn\w*|suppos\w*|"
    r"attribue\w* a|impute\w* a|presunt\w*|supuest\w*|sospech\w*|atribuid\w* a|senalad\w*"
)
_HEDGE_BEFORE = re.compile(rf"\b(?:{_HEDGE})\b")
_HEDGE_AFTER = re.compile(
    rf"^\W*(?:\w+\W+){{0,3}}(?:(?:is|are|was|were|being|est|sont|es|son)\s+)?(?:{_HEDGE})"
)


def attribution(names: list[str], article: str) -> str:
    """claimed / suspected / stated, from every sentence that names the actor: a claim of
    responsibility in that sentence (not a denied one); a hedge ("suspected", "blamed on",
    "présumés", "presuntos") in the words before the name or right after it."""
    keys = sorted({k for n in names if (k := name_key(n))}, key=len, reverse=True)
    found = "stated"
    for sentence in map(name_key, re.split(r"(?<=[.!?])\s+|\n+", article)):
        for key in keys:
            for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", sentence):
                claim = _CLAIM.search(sentence)
                if claim and not _NO_CLAIM.search(sentence[: claim.start()]):
                    return "claimed"
                before = sentence[max(0, m.start() - 120) : m.start()]
                if _HEDGE_BEFORE.search(before) or _HEDGE_AFTER.search(sentence[m.end() :][:60]):
                    found = "suspected"
    return found


# Which fact names a merged actor: a named group over the generic words for it.
_RANK = {"group": 0, None: 1, "military": 2, "police": 2, "other": 3, "civilians": 4,
         "unidentified": 5}  # fmt: skip
_ATTRIBUTION = {"claimed": 0, "stated": 1, "suspected": 2}


def _names(fact: ActorFact) -> list[str]:
    return [fact.name, *fact.aliases]


def _compatible(group: list[tuple[str, ActorFact]], fact: ActorFact) -> bool:
    identities = {f.identity for _, f in group if f.identity}
    if fact.identity and identities:
        return fact.identity in identities
    return same_actor([n for _, f in group for n in _names(f)], _names(fact))


# Words before a name that are not part of it: "Los Escorpiones", "the Wagner Group".
_LEADING = re.compile(r"^(?:(?:the|los|las|el|la|le|les|l|grupo|group|groupe)\s+)+")


def _inside(a: str, b: str) -> bool:
    """A name the dictionary does not know, whole inside another: "Los Escorpiones" and
    "Cártel del Golfo" in "Grupo Escorpiones del Cártel del Golfo" (its faction, one actor
    for ACLED). Only a proper name counts: "cartel groups" is inside nothing."""
    core = _LEADING.sub("", name_key(a))
    proper = any(w[:1].isupper() for w in a.split()[len(name_key(a).split()) - len(core.split()) :])
    return bool(core) and proper and f" {core} " in f" {name_key(b)} "


def _join_contained(groups: list[list[tuple[str, ActorFact]]]) -> list[list[tuple[str, ActorFact]]]:
    """Groups of unknown names, one name inside another, are one actor: joined until no
    such pair is left (connected groups, whatever the order the facts came in)."""
    groups = list(groups)
    i = 0
    while i < len(groups):
        j = next((j for j in range(i + 1, len(groups)) if _one_inside(groups[i], groups[j])), None)
        if j is None:
            i += 1
        else:
            groups[i] = groups[i] + groups.pop(j)
    return groups


def _one_inside(g: list[tuple[str, ActorFact]], h: list[tuple[str, ActorFact]]) -> bool:
    if any(f.identity for _, f in (*g, *h)):
        return False
    a, b = [n for _, f in g for n in _names(f)], [n for _, f in h for n in _names(f)]
    return any(_inside(x, y) or _inside(y, x) for x in a for y in b)


def _join_known(groups: list[list[tuple[str, ActorFact]]]) -> list[list[tuple[str, ActorFact]]]:
    """A group of unknown names whose name stands inside the names of exactly one actor the
    dictionary knows is that actor: "Farc" (from "disidencia de las Farc") beside "FARC
    dissidents: Estado Mayor Central". Read against the known groups' own names only, so
    the order of the groups does not matter."""
    names = {
        i: [n for _, f in g for n in _names(f)]
        for i, g in enumerate(groups)
        if any(f.identity for _, f in g)
    }
    into: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        if i in names:
            continue  # a known actor is no guest
        own = [n for _, f in g for n in _names(f)]
        hosts = [
            k for k, theirs in names.items() if any(_inside(a, b) for a in own for b in theirs)
        ]
        if len(hosts) == 1:
            into.setdefault(hosts[0], []).append(i)
    gone = {i for joined in into.values() for i in joined}
    return [
        g + [item for j in into.get(i, []) for item in groups[j]]
        for i, g in enumerate(groups)
        if i not in gone
    ]


def _could_be(generic: list[tuple[str, ActorFact]], named: list[tuple[str, ActorFact]]) -> bool:
    """Unnamed attackers of a country could be this group (it operates there)."""
    where = {c for _, f in generic for c in entry_countries(f.identity)}
    operates = {c for _, f in named for c in entry_countries(f.identity)}
    return not where or not operates or bool(where & operates)


def merge_actors(
    facts: list[tuple[str, ActorFact]], role: str
) -> list[list[tuple[str, ActorFact]]]:
    """(source, fact) pairs -> one list per actor: same identity, or (for names the
    dictionary does not know) the same name. Unnamed attackers join the one named group
    the sources blame, when there is exactly one: "gunmen" and "JNIM" are one perpetrator."""
    groups: list[list[tuple[str, ActorFact]]] = []
    for item in facts:
        for group in groups:
            if _compatible(group, item[1]):
                group.append(item)
                break
        else:
            groups.append([item])
    groups = _join_known(_join_contained(groups))
    if role != "perpetrators":
        return groups
    named = [g for g in groups if _RANK[preferred(g).category] <= 1]
    generic = [g for g in groups if preferred(g).category == "unidentified"]
    if len(named) == 1 and generic and all(_could_be(g, named[0]) for g in generic):
        named[0].extend(item for g in generic for item in g)
        groups = [g for g in groups if g not in generic]
    return groups


def preferred(group: list[tuple[str, ActorFact]]) -> ActorFact:
    """The fact whose identity and name the merged actor takes."""
    return min((f for _, f in group), key=lambda f: _RANK[f.category])


def merged_attribution(group: list[tuple[str, ActorFact]]) -> str:
    """The firmest any source gives: claimed, then stated, then suspected."""
    return min((f.attribution for _, f in group), key=_ATTRIBUTION.__getitem__)


def relocate(fact: ActorFact, country: str, role: str) -> ActorFact:
    """A fact identified without a country, identified again in the incident's country
    ("Civilians" -> "Civilians (Mali)"; "Islamic State" in Burkina Faso -> IS Sahel)."""
    who = identify(fact.quote, country, role)
    if who is None or who.identity == fact.identity:
        return fact
    aliases = {a for a in fact.aliases if a != fact.name} | set(who.names)
    return fact.model_copy(
        update={
            "name": who.name,
            "identity": who.identity,
            "category": who.category,
            "aliases": sorted(aliases, key=lambda a: (name_key(a), a)),
        }
    )
