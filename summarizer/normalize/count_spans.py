"""A count span in the article's own words: the figure written the other way ("2" for
"two", "deux", "dos") or a range written another way ("54-65" for "entre 54 et 65")
mapped back to the article's words, and the qualifier that stood right before it ("at
least", "over", "almost") put back. Pure."""

import re

from summarizer.normalize.numbers import LEADING_QUALIFIER, QUALIFIER, parse_count
from summarizer.normalize.numwords import number_variants
from summarizer.normalize.text import find_quote, loose

# A range of two figures as the model may write it, and the ways news writes one.
_RANGE = re.compile(
    r"(?:(?:between|entre|from|de)\s+)?(\d+)\s*(?:-|–|to|and|et|y|à|a|or|ou|o)\s*(\d+)",
    re.IGNORECASE,
)
_RANGE_FORMS = (
    "{}-{}", "{}–{}", "{} - {}", "{} to {}", "between {} and {}", "from {} to {}", "{} or {}",
    "entre {} et {}", "de {} à {}", "{} à {}", "{} ou {}",
    "entre {} y {}", "de {} a {}", "{} a {}", "{} o {}",
)  # fmt: skip


def count_span(span: str, article: str) -> str | None:
    """The article's own words for a casualty span, allowing the figure to be written
    the other way ("2 soldiers" for "two soldiers", "deux soldats") and a range another
    way ("54-65" for "entre 54 et 65"), or None."""
    variants = [span, *number_variants(span), *_range_variants(span)]
    return next((v for v in variants if find_quote(v, article) >= 0), None)


def _range_variants(span: str) -> list[str]:
    m = _RANGE.search(span)
    if m is None:
        return []
    forms = (f.format(m[1], m[2]) for f in _RANGE_FORMS)
    return [span[: m.start()] + form + span[m.end() :] for form in forms]


def readable_count(span: str, article: str) -> str:
    """A count span code can read: the article's words when parse_count reads them, else
    the same words (qualifier included) with the figure in digits ("au moins 2 soldats")."""
    quote = count_span(span, article)
    if quote is None or parse_count(quote):
        return quote or span
    full = with_qualifier(quote, article)
    return next((v for v in number_variants(full) if parse_count(v)), span)


def with_qualifier(span: str, article: str) -> str:
    """Put back "at least / over / almost ..." that stood right before the span."""
    pos = find_quote(span, article)
    if pos < 0 or LEADING_QUALIFIER.match(span):
        return span
    m = QUALIFIER.search(loose(article)[max(0, pos - 30) : pos].rstrip())
    return f"{m[1]} {span}" if m else span
