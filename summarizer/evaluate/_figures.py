"""The oracle's casualty facts read from the article itself, as the pipeline reads a span.

The gold `per_article` block gives each article's bounds but not the words around them, so a
numbers-only report cannot tell a revised toll ("rose to 36") or an attackers' claim from a
plain one. When the article's text is at hand, the oracle looks for the span a correct model
would copy: the shortest run of words, from a number on, that the pipeline's own reader
(`count_fact`) turns into exactly the gold bounds, with a clause of the right kind. The
oracle then stands in for the model only; the deterministic layer is the pipeline's. Pure.
"""

import re

from summarizer.normalize.counts import count_fact, span_bounds
from summarizer.normalize.numbers import Bounds, guess_language, written_numbers
from summarizer.normalize.tolls import CATEGORY_RE, attackers_killed
from summarizer.schemas import CountFact

_WORD = re.compile(r"[\w'\u2019-]+(?:[.,]\d+)*")
_MAX_WORDS = 6


def _starts(article: str, lang: str) -> list[re.Match[str]]:
    """Words that write a number ("36", "twenty-three", "dozens"): where a span may begin."""
    return [m for m in _WORD.finditer(article) if written_numbers(m[0], lang)]


def _same(bounds: Bounds | CountFact, low: int | None, high: int | None) -> bool:
    """The span says what the gold says; the gold leaves max null when no higher figure is
    given, so "36 killed" (36 to 36) states gold min 36, max null."""
    if low is None:
        return bounds.min is None and bounds.max == high
    return bounds.min == low and bounds.max in {high, low if high is None else high}


def _less(low: int | None, high: int | None, dead: int) -> tuple[int | None, int | None]:
    return (None if low is None else low - dead), (None if high is None else high - dead)


def located_fact(kind: str, low: int | None, high: int | None, article: str) -> CountFact | None:
    """The pipeline's fact for the first span of the article stating these bounds: a span
    naming the kind of casualty itself ("36 people killed") before one that only leads to
    a clause that does (a bare "36" may first stand in a date)."""
    lang = guess_language(article)
    words = list(_WORD.finditer(article))
    index = {m.start(): i for i, m in enumerate(words)}
    # The pipeline adds the attackers' own dead to a killed span; the gold figure has them.
    dead = (attackers_killed("", article) or 0) if kind == "killed" else 0
    spans = []
    for start in _starts(article, lang):
        i = index[start.start()]
        for last in words[i : i + _MAX_WORDS]:
            span = article[start.start() : last.end()]
            if "\n" in span:
                break
            bounds = span_bounds(span, article)
            if bounds is not None and any(_same(bounds, *_less(low, high, d)) for d in {0, dead}):
                spans.append(span)
    named = [s for s in spans if CATEGORY_RE[kind].search(s)]
    for span in [*named, *spans]:
        fact = count_fact(kind, span, article)
        if fact and CATEGORY_RE[kind].search(fact.quote) and _same(fact, low, high):
            return fact
    return None
