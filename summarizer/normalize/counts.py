"""A count span read with its article: the bounds of its figure (with the qualifier the
model left out, "almost 20", and further groups, "and three vigilantes"), whether it
revises an earlier figure, the clause that states it and, for a casualty toll, the
attackers' claim and dead. What the Count fact type reads (summarizer.kinds.report) and
the gold's figures are checked with (summarizer.evaluate._figures). Pure."""

import re

from summarizer.normalize.count_spans import with_qualifier
from summarizer.normalize.numbers import Bounds, guess_language, parse_count
from summarizer.normalize.tolls import attackers_killed, locate, read_context
from summarizer.schemas import CountFact


def span_bounds(span: str, article: str) -> Bounds | None:
    """A casualty span's bounds, with the qualifier before it and the groups after it."""
    return parse_count(
        with_qualifier(span, article) + _more_groups(span, article), guess_language(article)
    )


def count_fact(
    kind: str, span: str | None, article: str, category: re.Pattern[str] | None = None
) -> CountFact | None:
    """A count span read with its article: bounds, groups, revision, clause. A casualty
    count (no `category` of its own words) also reads the attackers' claim and dead."""
    if not span:
        return None
    bounds = span_bounds(span, article)
    if bounds is None:
        return None
    figure = bounds.min if bounds.min is not None else bounds.max
    context = read_context(span, article, kind, figure, category)
    casualty = category is None
    claimed = casualty and context.claimed
    if casualty and kind == "killed" and not claimed and (dead := attackers_killed(span, article)):
        bounds = _with_attackers(bounds, dead)
    return CountFact(
        quote=context.quote,
        min=bounds.min,
        max=bounds.max,
        approximate=bounds.approximate,
        figure=bounds.figure,
        parts=list(bounds.parts),
        revision=context.revision,
        earlier=list(context.earlier),
        claimed=claimed,
        provisional=context.provisional,
        lowered=context.lowered,
    )


def _with_attackers(bounds: Bounds, dead: int) -> Bounds:
    """The victims' toll plus the attackers' own dead, kept as one more part."""
    own = bounds.parts or tuple(
        v for v in (bounds.min if bounds.min is not None else bounds.max,) if v is not None
    )
    return Bounds(
        None if bounds.min is None else bounds.min + dead,
        None if bounds.max is None else bounds.max + dead,
        approximate=bounds.approximate,
        parts=(*own, dead),
        figure=None if bounds.figure is None else bounds.figure + dead,
    )


def _more_groups(span: str, article: str) -> str:
    """ " and three vigilantes" right after "17 soldiers": more groups of the same toll."""
    loc = locate(span, article)
    if loc is None:
        return ""
    m = re.match(r"\s+(?:and|et|y)\s+[^.;:!?\n]{1,60}", article[loc[1] :])
    return m[0] if m else ""
