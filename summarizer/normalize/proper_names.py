"""The proper names an article's own text uses, read without the model. Pure.

Reports of one incident name the same village, commander, hospital or armed group even
when the model's extracted fields disagree or are missing (a wrong country, no date, a
district for a village), in any of the three languages. Grouping compares these names.

A proper name here: a capitalised word of four letters or more, not at the start of a
sentence, not a stop word nor a month or weekday ("Saturday", "Saturdays"), and never
written in lower case in the same text (so "Attack" in a headline is not a name when the
text says "attack").
"""

import re

from summarizer.normalize.dates import CALENDAR_WORDS
from summarizer.normalize.text import name_key, stop_words

_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
# What ends a sentence or opens a quotation, a heading or a list item, then spaces.
_OPENER = re.compile(r"(?:^|[.!?:;\"\u00ab\u201c\u2014\u2013\n*#|-])[\s\u00a0]*$")
# French elision ("d'Amadou", "l'Oudalan"): the name is what follows.
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['\u2019](?=\w)", re.IGNORECASE)
MIN_LETTERS = 4


def _common(key: str) -> bool:
    return key in stop_words() or key in CALENDAR_WORDS or key.removesuffix("s") in CALENDAR_WORDS


def proper_names(text: str) -> list[str]:
    """The text's proper names, folded as place keys are (accents, case, apostrophes), sorted."""
    words = [(m.start(), _ELISION.sub("", m.group(), count=1)) for m in _WORD.finditer(text)]
    lower = {name_key(w) for _, w in words if not _capitalised(w)}
    found = set()
    for start, word in words:
        if not _capitalised(word) or _OPENER.search(text, max(0, start - 4), start):
            continue
        key = name_key(word)
        if len(key) >= MIN_LETTERS and key not in lower and not _common(key):
            found.add(key)
    return sorted(found)


def _capitalised(word: str) -> bool:
    """ "Kasindi", and "al-Noura" (an Arabic article before the name)."""
    return word[0].isupper() or word.rpartition("-")[2][:1].isupper()
