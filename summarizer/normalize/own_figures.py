"""The figure of a sentence whose own words say it counts a kind of casualty.

A small model copies the wrong figure from a sentence that gives several: "revised the
death toll down, from 12 to 11, and said the attack left 14 people wounded" as injured
"12". When the span check finds that the copied figure counts another kind, the figure
the sentence's words give that kind is read instead: the one figure followed within its
conjunct, four words at most, by the kind's word ("14 people wounded", "284 individuals
reported as injured"), or right after it ("wounded 14", "injuring another 30"). Pure.
"""

import re

from summarizer.normalize.counted import thing_after
from summarizer.normalize.numwords import figures
from summarizer.normalize.toll_updates import not_this_incident
from summarizer.normalize.tolls import (
    CATEGORY,
    CATEGORY_RE,
    first_kind,
    locate,
    names_beyond_toll,
    sentence_of,
    sentences,
)

# Where a figure's own noun phrase ends: punctuation or a conjunction.
_CONJUNCT = re.compile(r"[,;.:()]|\b(?:and|et|y|while|but|mais|pero|as well as|ainsi que)\b")
# What may stand between a casualty verb and its figure: "wounding another 30".
_BETWEEN = r"(?:(?:another|other|more|at least|some|over|autres?|otr[oa]s|al menos|au moins)\s+)?"
# Auxiliaries do not count among the four words: "23 militaires maliens ont été tués".
_AUXILIARY = re.compile(
    r"were|was|have|has|had|been|are|is|ont|a|été|sont|est|fueron|fue|han|ha|sido|son|es"
)
# "un", "a": an article as often as a figure.
_ARTICLE = re.compile(r"un|une|uno|una|a|an", re.IGNORECASE)
_VERB_BEFORE = re.compile(rf"([\w-]+)\s+{_BETWEEN}$", re.IGNORECASE)


def own_phrase(kind: str, sentence: str, start: int, end: int) -> str | None:
    """The figure at sentence[start:end] with the words that say it counts `kind`, or None."""
    after = _CONJUNCT.split(sentence[end:])[0].split()
    words = " ".join([w for w in after if not _AUXILIARY.fullmatch(w.lower())][:4])
    word = CATEGORY_RE[kind].search(words)
    if first_kind(words) == kind and word and not figures(words[: word.start()]):
        # the kind's word, with no other figure before it ("personas murieron en un ...")
        hit = re.compile(rf"\b(?:{CATEGORY[kind]})[\w-]*", re.IGNORECASE).search(sentence, end)
        assert hit is not None  # the words are the sentence's own
        return sentence[start : hit.end()]
    before = _VERB_BEFORE.search(sentence, 0, start)
    if before and CATEGORY_RE[kind].match(before[1]):
        return sentence[before.start() : end]
    return None


def figure_for(kind: str, span: str, article: str) -> str | None:
    """The one figure of the span's sentence, other than the span's, that its own words
    say counts `kind`, with those words; None when there is none or several."""
    loc = locate(span, article)
    if loc is None:
        return None
    s_start, s_end = sentence_of(article, *loc)
    sentence = article[s_start:s_end]
    found: dict[int, str] = {}
    for start, end, value in figures(sentence):
        outside = s_start + end <= loc[0] or s_start + start >= loc[1]
        if outside and (phrase := own_phrase(kind, sentence, start, end)):
            found.setdefault(value, phrase)
    return next(iter(found.values())) if len(found) == 1 else None


def own_part(kind: str, span: str) -> str | None:
    """The one part of a span listing several counts that names `kind`: "une dizaine de
    blessés" of "8 véhicules incendiés, une dizaine de blessés"; None when no part or
    several do, or the span is one part."""
    parts = [p.strip() for p in _CONJUNCT.split(span) if p and p.strip()]
    named = [p for p in parts if CATEGORY_RE[kind].search(p)]
    return named[0] if len(parts) > 1 and len(named) == 1 else None


# What led to the event told, in the middle of its sentence: the figures after it count
# that earlier event ("violent clashes erupted ..., after three girls were killed", "the
# unrest followed a stabbing ..., which left three children dead"); not a time ("after
# midnight").
_CAUSED_BY = re.compile(
    r"(?<=\w)[,;]?\s+(?:after|following|followed|in the wake of|in response to|"
    r"in retaliation for|sparked by|triggered by|prompted by|après|suite à|en réponse à|"
    r"à la suite d(?:u|e|es|['’])|en représailles à|tras|después de|luego de|en respuesta a|"
    r"en represalia por)\b(?!\s+(?:\d|midnight|dark|dawn|sunset|nightfall|noon|minuit|"
    r"l[ae]s?\s+\d|la medianoche|el mediodía))",
    re.IGNORECASE,
)


def first_figure_for(kind: str, article: str) -> str | None:
    """The article's first figure whose own words say it counts `kind` ("23 militaires
    maliens ont été tués", "left 14 people wounded"), with those words: news states the
    incident's toll first. Skipped: a sentence that counts more than the incident or may
    ("this year", "since 2019", "could rise"), a figure that counts years or things, an
    article read as one ("un bilan"), words that name the toll and not the dead ("47
    blessés" after "bilan"), a figure of the earlier event that led to the one told
    ("clashes erupted ... after three girls were killed in a knife attack")."""
    for sentence in sentences(article):
        if not_this_incident(sentence):
            continue
        for f_start, f_end, _ in figures(sentence):
            if thing_after(sentence, f_end) or _ARTICLE.fullmatch(sentence[f_start:f_end]):
                continue
            if _CAUSED_BY.search(sentence, 0, f_start):
                break
            phrase = own_phrase(kind, sentence, f_start, f_end)
            if phrase and names_beyond_toll(kind, phrase):
                return phrase
    return None
