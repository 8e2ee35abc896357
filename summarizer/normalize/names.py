"""Actor names: cleaning what the model copied, and deciding when two names are one actor."""

import re
from functools import lru_cache

from rapidfuzz import fuzz

from summarizer.normalize.text import name_key

# Words that describe members of a group rather than name it ("JNIM fighters").
_MEMBER_WORDS = r"fighters|militants|insurgents|members|elements|combatants|jihadists|rebels"
_LEAD = re.compile(
    rf"^(?:(?:suspected|alleged|presumed|armed)\s+)?(?:(?:{_MEMBER_WORDS})\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_LINKED = re.compile(r"^[\w'’-]+-(?:linked|affiliated|aligned|backed)\s+", re.IGNORECASE)
_TAIL = re.compile(rf"\s+(?:{_MEMBER_WORDS})$", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^)]+)\)\s*")
# Particles skipped when forming an acronym: JNIM = Jama'at Nusrat al-Islam wal-Muslimin.
_PARTICLES = {"al", "el", "wal", "wa", "of", "the", "and", "for", "de", "du", "des", "la", "le"}


def split_name(raw: str) -> list[str]:
    """'suspected members of Jama'at ... (JNIM)' -> ['Jama'at ...', 'JNIM']."""
    names = [m.strip() for m in _PAREN.findall(raw)]
    main = _PAREN.sub(" ", raw).strip()
    main = _LINKED.sub("", _LEAD.sub("", main)).strip()
    stripped = _TAIL.sub("", main).strip()
    main = stripped or main
    return [n for n in [main, *names] if n]


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name_key(name)) if w and w not in _PARTICLES]
    return "".join(w[0] for w in words).upper()


def _is_acronym(text: str) -> bool:
    bare = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(bare) <= 8 and bare.isupper()


# Words for a state's armed forces: "Malian soldiers" and "Malian troops" are one actor.
_FORCES = re.compile(
    r"\b(?:armed forces|defen[cs]e forces|security forces|forces|army|military|soldiers|"
    r"troops|servicemen|armed forces of)\b"
)


def force_key(text: str) -> str:
    return re.sub(r"\s+", " ", _FORCES.sub("forces", name_key(text))).strip()


@lru_cache(maxsize=1 << 16)  # pure; a day's feed repeats the same few group names
def same_name(a: str, b: str) -> bool:
    """One actor? Same key, acronym of the other, or a close fuzzy match."""
    ka, kb = force_key(a), force_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if _is_acronym(a) and len(kb.split()) > 1 and acronym(b) == re.sub(r"[^A-Z]", "", a):
        return True
    if _is_acronym(b) and len(ka.split()) > 1 and acronym(a) == re.sub(r"[^A-Z]", "", b):
        return True
    if min(len(ka), len(kb)) < 5:
        return False
    return fuzz.token_sort_ratio(ka, kb) >= 90


def same_actor(names_a: list[str], names_b: list[str]) -> bool:
    return any(same_name(a, b) for a in names_a for b in names_b)


def display_name(names: list[str]) -> str:
    """The fullest name, with its acronym when one was seen: 'Full Name (ACR)'."""
    full = sorted(names, key=lambda n: (_is_acronym(n), -len(n), n))[0]
    short = sorted(n for n in names if _is_acronym(n) and same_name(n, full) and n != full)
    return f"{full} ({short[0]})" if short else full
