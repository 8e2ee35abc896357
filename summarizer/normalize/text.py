"""Text comparison helpers shared by quote verification and name matching."""

import re
import unicodedata
from functools import cache, lru_cache

from stop_words import get_stop_words

# The languages the articles come in. Titles are asked for in English; summaries, quotes
# and texts may be in the article's language, so each one's stop words are left out of
# distinctive words and proper names.
LANGUAGES = ("en", "fr", "es")

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})  # fmt: skip


def loose(text: str) -> str:
    """Whitespace, case, curly quotes and dashes folded: the only liberties a quote may take."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def strip_accents(text: str) -> str:
    """The text without its accents ("février" -> "fevrier"), case and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # pure, and called for every pair the clusterer compares
def name_key(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key for names ("Jama'at" ~ "Jamaat")."""
    bare = re.sub(r"['\u2019]", "", strip_accents(text.translate(_QUOTES)).casefold())
    words = re.sub(r"[^\w]+", " ", bare).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def stop_words() -> frozenset[str]:
    """The stop words of LANGUAGES, folded as name_key folds words ("été" -> "ete"), so
    that folded words are compared with them."""
    return frozenset(k for lang in LANGUAGES for w in get_stop_words(lang) if (k := name_key(w)))


def find_quote(quote: str, article: str) -> int:
    """Where `quote` stands in `article` as whole words (index into the loose article), or -1.

    Whole words: "0" must not be found inside "10,000", nor "Mali" inside "Somalia".
    """
    found = find_quotes(quote, article)
    return found[0] if found else -1


def find_quotes(quote: str, article: str) -> list[int]:
    """Everywhere `quote` stands in `article` as whole words (indexes into the loose article)."""
    needle = loose(quote)
    if not needle:
        return []
    left = r"(?<!\w)" if needle[0].isalnum() else ""
    right = r"(?!\w)" if needle[-1].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(needle) + right, loose(article))]


def mentions(name: str, article: str) -> list[re.Match[str]]:
    """Every place the article's own text writes `name`: whole words, any case, any space."""
    pattern = r"\s+".join(re.escape(w) for w in name.split())
    return list(re.finditer(rf"(?<!\w){pattern}(?!\w)", article, re.IGNORECASE))


def beside_every_mention(
    name: str, article: str, after: re.Pattern[str] | None, before: re.Pattern[str]
) -> str | None:
    """The words (the patterns' group `words`) that stand beside every mention of `name`:
    `after` matched right at its end, else `before` (a pattern ending in `$`) right up to
    its start. The first mention's words; None when one mention has neither, or the
    article never writes the name ("X said", "according to X", "the X bar")."""
    words = []
    for m in mentions(name, article):
        hit = (after.match(article, m.end()) if after else None) or before.search(
            article, 0, m.start()
        )
        if hit is None:
            return None
        words.append(hit["words"])
    return words[0] if words else None
