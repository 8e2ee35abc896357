"""What an article says around a casualty figure: whether it revises an earlier toll, which
earlier figures it replaces, whether only the attackers claim it, and the clause that states it.

The model copies one span per kind of casualty; these read the article around that span,
in English, French and Spanish. Pure.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from text_to_num import alpha2digit

from summarizer.normalize.numbers import QUALIFIER, guess_language
from summarizer.normalize.text import find_quote, loose
from summarizer.schemas.common import CASUALTY_KINDS

CATEGORY = {
    "killed": r"kill|dead|death|died|dying|fatalit|lives|life|bodies|slain|massacr|execut|murder|"
    r"perish|martyr|shahadat|toll|tu[ée]e?s?\b|tuant|mort(?:e|es|s)?\b|décès|deces|victimes|bilan|exécut|"
    r"tomb[ée]s|la vie\b|muert|muri|fallec|asesin|sin vida|la vida\b|víctimas mortales|balance",
    "injured": r"injur|wound|hurt|hospitali[sz]|bless[ée]|herid|lesionad",
    "missing": r"missing|unaccounted|disappear|disparu|desaparec",
    "kidnapped": r"kidnap|abduct|hostage|captive|(?:taken|took|carried|whisked|led) away|"
    r"seized|enlev[ée]|emmen[ée]|otage|rapt|secuestr|plagiad|se llevaron",
}
CATEGORY_RE = {k: re.compile(rf"\b(?:{v})", re.IGNORECASE) for k, v in CATEGORY.items()}

# A figure phrased as an update of an earlier one.
_REVISION = re.compile(
    r"\b(?:(?:rose|risen|rises|rising|climb(?:ed|s|ing)?|jump(?:ed|s)?|increas(?:ed|es|ing)|"
    r"raised?|raising|revised(?: up(?:ward)?)?|mount(?:ed|s)|swell(?:ed|s)?)\s+(?:\w+\s+){0,2}?to|"
    r"(?:new|final|updated|revised|latest)\s+(?:death\s+|casualty\s+)?(?:toll|count|tally|figure)|"
    r"(?:now\s+)?stands?\s+at|as\s+of\s+(?:\w+\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|morning|afternoon|evening|night|noon|midday|today|\d)|"
    r"s['’](?:est\s+)?(?:encore\s+|de nouveau\s+)?alourdi\w*|"
    r"(?:pass\w*|grimp\w*|augment\w*|port[ée]\w*|relev[ée]\w*|revu\w* à la hausse)"
    r"\s+(?:\w+\s+){0,2}?(?:à|a)\b|(?:nouveau|dernier|ultime)\s+bilan|bilan\s+(?:actualisé|"
    r"définitif|revu|s['’]élève)|s['’]élève\w*\s+(?:désormais\s+)?à|"
    r"(?:ascendi\w*|aument\w*|se\s+eleva\w*|elev\w*|subi[óo]\w*|sube\w*|alcanz\w*)\s+(?:\w+\s+){0,2}?a\b|"
    r"(?:nuevo|último|ultimo)\s+balance|(?:balance|cifra)\s+actualizad[ao]|nueva\s+cifra|"
    # the source's own latest information: "the latest local reports put the toll at 25"
    r"(?:latest|most\s+recent|newest)\s+(?:\w+\s+){0,2}?(?:reports?|figures?|information|data)|"
    r"derni[eè]re?s?\s+(?:\w+\s+){0,2}?(?:informations?|chiffres|données|nouvelles)|"
    r"(?:datos|cifras|informes|reportes|información)\s+(?:\w+\s+){0,2}?más\s+recientes|"
    r"[úu]ltim[oa]s\s+(?:\w+\s+){0,2}?(?:datos|cifras|informes|reportes))",
    re.IGNORECASE,
)
# A figure phrased as a correction downward ("revised down to 84", "revu à la baisse").
_LOWERED = re.compile(
    r"\b(?:revis\w*\s+(?:\w+\s+){0,3}?down(?:wards?)?|downward\s+revision|"
    r"lower(?:ed|s|ing)\s+(?:\w+\s+){0,3}?(?:toll|count|tally|figure)|"
    r"(?:toll|count|tally|figure)\s+(?:\w+\s+){0,3}?(?:lowered|cut|reduced)|"
    r"r[ée]vis\w*\s+(?:\w+\s+){0,3}?à\s+la\s+baisse|revu\w*\s+(?:\w+\s+){0,3}?à\s+la\s+baisse|"
    r"revis\w*\s+(?:\w+\s+){0,3}?a\s+la\s+baja|rebaj\w*)",
    re.IGNORECASE,
)
# A sentence that cites an earlier figure ("the U.N. had previously said 70").
_EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|initial(?:ly)?|earlier|at first|first reported|up from|"
    r"précédent\w*|précédemment|initialement|auparavant|premier bilan|d['’]abord|"
    r"anterior(?:mente)?|inicial(?:mente)?|previamente|primer balance)\b",
    re.IGNORECASE,
)
# A count its own source calls unfinished ("the provisional toll is more than 100").
_UNFINISHED = r"provisional|preliminary|partial|provisoire|préliminaire|partiel|preliminar|parcial"
_COUNT_NOUN = r"(?:death\s+)?(?:toll|count|tally|figures?)|bilan|balance|cifra|recuento"
_PROVISIONAL = re.compile(
    rf"\b(?:(?:{_UNFINISHED})\s+(?:{_COUNT_NOUN})|(?:{_COUNT_NOUN})\s+(?:{_UNFINISHED}))\b",
    re.IGNORECASE,
)
# Only the attackers say so: "claimed to have killed 40", "claimed it killed", "affirme
# avoir tué".
_CLAIM = re.compile(
    r"\bclaim\w*\s+(?:to\s+have|(?:that\s+)?(?:they|it)(?:\s+(?:had|has|have))?)\s+"
    r"(?:killed|slain|shot)|"
    r"\bclaim\w*\s+(?:responsibility\s+for\s+)?(?:the\s+)?(?:killing|deaths?|murder)\s+of|"
    r"\bclaim\w*\s+(?:responsibility|the\s+attack)[^.]{0,80}?\bsaid\s+(?:that\s+)?(?:they|it)\s+"
    r"(?:had\s+)?killed|\brevendiqu\w*\s+(?:la\s+mort|l['’]assassinat|avoir\s+tu)|"
    r"\b(?:affirm|assur|prétend|dit|disent|déclar)\w*\s+avoir\s+(?:tué|abattu|neutralisé|éliminé)|"
    r"\b(?:afirm|asegur|dijo|dicen|declar|reivindic)\w*\s+haber\s+(?:matado|asesinado|abatido)|"
    r"\breivindic\w*\s+la\s+muerte",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r"[,;]|\b(?:but|while|whereas|mais|alors que|pero|mientras)\b", re.I)
_TOLL = re.compile(
    r"\b(?:death toll|toll|bilan|balance|número de (?:muertos|víctimas)|cifra de muertos)\b",
    re.IGNORECASE,
)
_TOLL_NOUN = re.compile(r"^(?:toll|bilan|balance|death|fatalit\w*|count|tally)", re.IGNORECASE)
_NP_END = re.compile(
    r"^(?:in|on|at|during|after|before|when|as|and|while|including|near|by|from|following|"
    r"en|à|au|aux|dans|lors|après|et|dont|près|par|selon|durante|tras|y|con|incluyendo|"
    r"cerca|según|del)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;]+[\"'\u201d\u2019\u00bb)]*(?=\s)|\n")
_CLAUSE_END = re.compile(r"[,:)\u2013\u2014]|\s-\s")
# A span that is only the predicate of its clause ("has risen to 36", "est passé à 41").
_PREDICATE = re.compile(
    r"(?:has|have|had|is|was|are|were|now|rose|climbed|stands|reached|est|s['’]|ha|se)\b|"
    r"a\s+(?:tué|fait|coûté|causé|fauché)",
    re.IGNORECASE,
)
_VARIANTS = {"'": "'\u2018\u2019\u201a\u201b\u02bc`", '"': '"\u201c\u201d\u201e\u00ab\u00bb'}
_VARIANTS["-"] = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_WORD_CHARS = re.compile(r"[\w'-]*")
MAX_QUOTE = 200


@dataclass(frozen=True)
class Context:
    quote: str
    revision: bool
    earlier: tuple[int, ...]
    claimed: bool
    provisional: bool = False
    lowered: bool = False


def _char(c: str) -> str:
    for _key, variants in _VARIANTS.items():
        if c in variants:
            return "[" + re.escape(variants) + "]"
    return re.escape(c)


# A calendar day or a time written in digits: the "10" of "2024-11-10" counts nobody.
_DIGIT_DATE = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2})\b")


def occurrences(span: str, article: str) -> list[tuple[int, int]]:
    """Where the span stands in the article's own text, as whole words (loose match), never
    inside a date or a time written in digits."""
    words = span.split()
    if not words:
        return []
    body = r"\s+".join("".join(_char(c) for c in w) for w in words)
    left = r"(?<!\w)" if span.strip()[0].isalnum() else ""
    right = r"(?!\w)" if span.strip()[-1].isalnum() else ""
    dates = [m.span() for m in _DIGIT_DATE.finditer(article)]
    return [
        m.span()
        for m in re.finditer(left + body + right, article, re.IGNORECASE)
        if not any(a <= m.start() < b for a, b in dates)
    ]


def locate(span: str, article: str) -> tuple[int, int] | None:
    found = occurrences(span, article)
    return found[0] if found else None


def sentences(article: str) -> list[str]:
    """The article cut at each sentence end, in order (each piece keeps its end)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(article)]
    return [article[a:b] for a, b in pairwise([0, *ends, len(article)])]


def sentence_of(article: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(article, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(article, end)), len(article))
    while left < start and article[left].isspace():
        left += 1
    return left, right


def _numbers(text: str, lang: str) -> list[tuple[int, str]]:
    """Each number in a text (words read as numbers), with the 50 characters after it."""
    converted = alpha2digit(re.sub(r"(\d),(\d{3})\b", r"\1\2", text), lang, threshold=2)
    return [
        (int(m[0]), converted[m.end() : m.end() + 50])
        for m in re.finditer(r"\b\d{1,6}\b", converted)
    ]


def _clause(
    span: tuple[int, int], article: str, kind: str, pattern: re.Pattern[str] | None = None
) -> str:
    """The smallest clause around the span that says who and what: number + who + verb."""
    start, end = span
    s_start, s_end = sentence_of(article, start, end)
    c_start = max((m.end() for m in _CLAUSE_END.finditer(article, s_start, start)), default=s_start)
    while c_start < start and article[c_start].isspace():
        c_start += 1
    ends = [m.start() for m in _CLAUSE_END.finditer(article, end, s_end)]
    c_end = ends[0] if ends else s_end
    pattern = pattern or CATEGORY_RE[kind]
    if _PREDICATE.match(article, start) and start - c_start <= 120:
        start = c_start  # "The number of people killed in ... has risen to 171": its subject
    elif not pattern.search(article, start, end):
        window = max(s_start, start - 100)
        before = list(pattern.finditer(article, window, start))
        after = pattern.search(article, end, min(s_end, end + 80))
        tolls = list(_TOLL.finditer(article, window, start))
        if kind == "killed" and tolls:  # "The death toll from ... has risen to 36"
            start = c_start if tolls[-1].start() >= c_start else tolls[-1].start()
        elif before and (after is None or start - before[-1].end() <= after.start() - end):
            start = before[-1].start()
        elif after:
            end = _word_end(article, after.start())
    if not _has_noun_after_number(article[start:end]):
        end = _noun_phrase_end(article, end, c_end)
    return article[start:end].strip()


def _word_end(text: str, pos: int) -> int:
    m = _WORD_CHARS.match(text, pos)
    return m.end() if m else pos


def _has_noun_after_number(text: str) -> bool:
    return bool(re.search(r"\d+\s+[^\W\d]", text)) or not re.search(r"\d", text)


def _noun_phrase_end(article: str, end: int, limit: int) -> int:
    """Past the who of "killed at least 20 Malian troops": up to four words, no preposition."""
    pos, words = end, 0
    for m in re.finditer(r"\s+([\w'-]+)", article[end:limit]):
        if words == 4 or _NP_END.match(m[1]) or m.start() != pos - end:
            break
        pos, words = end + m.end(), words + 1
    return pos


def _the_tolls_figure(span: str, article: str) -> bool:
    """The span is the first figure after a death toll its sentence names, with no other
    casualty word or figure between ("the death toll has been revised down to 84")."""
    between = _after_toll(span, article)
    return between is not None and not re.search(r"\d", between)


def toll_before(span: str, article: str) -> bool:
    """The span's sentence names a death toll before it, with no other casualty word between."""
    return _after_toll(span, article) is not None


def _after_toll(span: str, article: str) -> str | None:
    """The words between the death toll the span's sentence last names before it and the
    span, when no casualty word of another kind stands there; else None."""
    loc = locate(span, article)
    if loc is None:
        return None
    s_start, _ = sentence_of(article, *loc)
    tolls = list(_TOLL.finditer(article, s_start, loc[0]))
    if not tolls:
        return None
    between = article[tolls[-1].end() : loc[0]]
    others = ("injured", "missing", "kidnapped")
    return None if any(CATEGORY_RE[k].search(between) for k in others) else between


def _with_qualifier(loc: tuple[int, int], article: str) -> tuple[int, int]:
    """The span with the "at least / over / almost" that stood right before it."""
    base = max(0, loc[0] - 30)
    m = QUALIFIER.search(article[base : loc[0]].rstrip().casefold())
    return (base + m.start(), loc[1]) if m else loc


def _revised_in_article(article: str, figure: int, lang: str) -> bool:
    """A revision phrase anywhere in the article leads to this figure ("toll rises to 110")."""
    for m in _REVISION.finditer(article):
        following = _numbers(article[m.end() : m.end() + 30], lang)
        if following and following[0][0] == figure:
            return True
    return False


def _lowered_in_article(article: str, figure: int, lang: str, category: re.Pattern[str]) -> bool:
    """A correction downward leads to this figure in its sentence, which names this kind
    before the figure or right after it ("Revising down the death toll, the minister said
    the number of martyrs has been announced as 84", "rebajada a 84 muertos"; not the 84
    of "the toll was revised down to 84, with 284 injured" for the injured)."""
    for m in _LOWERED.finditer(article):
        s_start, s_end = sentence_of(article, m.start(), m.end())
        following = _numbers(article[m.end() : s_end], lang)
        digit = re.search(r"\d", article[m.end() : s_end])
        upto = m.end() + digit.start() if digit else s_end
        if not following or following[0][0] != figure:
            continue
        noun = re.split(r",|;|\band\b|\bet\b|\by\b", following[0][1])[0]  # "84 muertos"
        if category.search(article, s_start, upto) or category.search(noun):
            return True
    return False


def _earlier(
    article: str, loc: tuple[int, int], category: re.Pattern[str], figure: int, lang: str
) -> list[int]:
    """Lower figures the article cites as earlier counts of this kind."""
    found = []
    for m in _EARLIER.finditer(article):
        s_start, s_end = sentence_of(article, m.start(), m.end())
        if s_start <= loc[0] < s_end and m.start() < loc[1]:
            continue  # "initial reports say 21 killed": this figure is the early one
        for value, near in _numbers(article[s_start:s_end], lang):
            noun = re.split(r",|;|\band\b|\bet\b|\by\b", near)[0]
            if value < figure and category.search(noun):
                found.append(value)
    return sorted(set(found))


def _claim_before(article: str, s_start: int, start: int, end: int) -> bool:
    """The attackers' claim leads to the figure, in the same clause."""
    claims = list(_CLAIM.finditer(article, s_start, end))
    between = article[claims[-1].end() : start] if claims else ""
    return bool(claims) and len(between) <= 40 and not _NEW_CLAUSE.search(between)


def _claimed_elsewhere(article: str, figure: int) -> bool:
    """The article gives this figure as the attackers' claim somewhere ("Benin: 70 soldiers
    killed" in a headline, then "the group claimed the deaths of 70 soldiers")."""
    for m in re.finditer(rf"(?<![\d,.]){figure}(?![\d,.]\d)", article):
        s_start, _ = sentence_of(article, m.start(), m.end())
        if _claim_before(article, s_start, m.start(), m.end()):
            return True
    return False


def read_context(
    span: str,
    article: str,
    kind: str,
    figure: int | None,
    category: re.Pattern[str] | None = None,
) -> Context:
    """What the article says around one casualty span (see the module docstring).
    `category` (the words of what is counted) defaults to the casualty kind's."""
    found = occurrences(span, article)
    if not found:
        return Context(span, False, (), False)
    category = category or CATEGORY_RE[kind]
    # The first place where the span's clause says what kind of casualty it counts.
    clauses = [
        (_clause(_with_qualifier(loc, article), article, kind, category), loc) for loc in found
    ]
    quote, loc = next(((q, lc) for q, lc in clauses if category.search(q)), clauses[0])
    lang = guess_language(article)
    start, end = _with_qualifier(loc, article)
    s_start, s_end = sentence_of(article, start, end)
    revision = bool(_REVISION.search(article, max(s_start, start - 80), min(s_end, end + 40)))
    earlier: list[int] = []
    if figure is not None:
        revision = revision or _revised_in_article(article, figure, lang)
        earlier = _earlier(article, loc, category, figure, lang)
    claimed = _claim_before(article, s_start, start, end) or (
        figure is not None and _claimed_elsewhere(article, figure)
    )
    if len(quote) > MAX_QUOTE:
        quote = article[start:end]
    provisional = bool(_PROVISIONAL.search(article, s_start, start))
    lowered = figure is not None and _lowered_in_article(article, figure, lang, category)
    revised = (revision or bool(earlier)) and not lowered
    return Context(quote, revised, tuple(earlier), claimed, provisional, lowered)


# The attackers' own dead, counted apart from their victims' ("Six militants who stormed
# the building were killed"): killed counts every death in the incident (ACLED's fatalities).
_ATTACKERS = (
    r"terrorists?|militants?|attackers?|assailants?|insurgents?|gunmen|jihadists?|bandits?|"
    r"(?:suicide\s+)?bombers?|terroristes?|assaillants?|d?jihadistes?|insurgés?|"
    r"atacantes?|terroristas?|sicarios?|pistoleros?|insurgentes?|yihadistas?"
)
_DIED = (
    r"killed|shot dead|neutrali[sz]ed|eliminated|tu[ée]s|abattus|neutralis[ée]s|[ée]limin[ée]s|"
    r"muertos|abatidos|neutralizados|asesinados"
)
_ATTACKERS_DIED = re.compile(
    rf"\b(\d+)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ATTACKERS})\b(?:[^.;\d]{{0,60}}?\b"
    rf"(?:were|was|been|are|ont\s+été|sont|été|fueron|han\s+sido|resultaron)\s+"
    rf"(?:\w+\s+){{0,3}}?(?:{_DIED})\b|[^.;\d]{{0,40}}?\b(?:{_DIED})\s*(?:[.;,]|$)|"
    r"\s+(?:died|murieron|sont morts|ont péri))",
    re.IGNORECASE,
)
# Attackers killed elsewhere or in all the day's operations are another event's dead.
_SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|another|other|various|in response|in retaliation|total|across|"
    r"séparément|autres?|riposte|représailles|otras?|otros?|en respuesta|represalia)\b",
    re.IGNORECASE,
)


# One attacker who died, by no figure: "Murió uno de los sospechosos", "one of the
# gunmen was shot dead", "l'un des assaillants a été tué".
_ONE_OF = re.compile(
    rf"\b(?:one|uno|una|l['’]un|un)\s+(?:of\s+the|de\s+los|des)\s+(?:[\w-]+\s+)?"
    rf"(?:{_ATTACKERS}|suspects|sospechosos)\b",
    re.IGNORECASE,
)
_ONE_DIED = re.compile(
    rf"\b(?:{_DIED}|died|dead|murió|muri[oó]|muerte|mort|décédé|abatido|tué|shot dead|"
    r"succumbed|falleció)\b",
    re.IGNORECASE,
)


def _one_attacker_died(sentence: str) -> bool:
    """The sentence tells of one attacker's death and gives no figure of its own."""
    return bool(_ONE_OF.search(sentence) and _ONE_DIED.search(sentence)) and not re.search(
        r"\d", sentence
    )


def attackers_killed(span: str, article: str) -> int | None:
    """The attackers' dead the article counts in this incident, when it gives one figure
    ("one of the suspects died" is one)."""
    loc = locate(span, article)
    lang = guess_language(article)
    found = set()
    for m in re.finditer(r"[^.!?\n]+", article):
        if loc and m.start() <= loc[0] < m.end() and _ATTACKERS_DIED.search(span):
            continue  # the span itself counts the attackers
        sentence = m[0]
        if _SEPARATE.search(sentence) or _CLAIM.search(sentence):
            continue
        converted = alpha2digit(sentence, lang, threshold=2)
        found |= {int(d[1]) for d in _ATTACKERS_DIED.finditer(converted)}
        found |= {1} if _one_attacker_died(sentence) else set()
    return found.pop() if len(found) == 1 else None


# Where a clause's conjunct ends: punctuation, or "and", "et", "y", "as well as" ...
_CONJUNCT = re.compile(
    r"[,;.:]|\b(?:and|et|y|while|whereas|but|mais|pero|plus|as well as|ainsi que)\b"
)


def first_kind(text: str) -> str | None:
    """The casualty kind whose word comes first in `text`."""
    hits = sorted((m.start(), k) for k in CASUALTY_KINDS if (m := CATEGORY_RE[k].search(text)))
    return hits[0][1] if hits else None


def _own_noun(text: str, end: int) -> str | None:
    """The casualty kind the two words right after the figure (ending at `end` of the
    folded article) name, in its conjunct: the figure's own noun ("10 muertos hubo siete
    heridos": heridos, not muertos)."""
    after = _CONJUNCT.split(text[end : end + 60])[0]
    return first_kind(" ".join(after.split()[:2]))


def _nearest_before(text: str, pos: int) -> str | None:
    """ "wounded three farmers": the nearest casualty word before the figure at `pos`, in its
    clause and its own conjunct ("24 killed and 34 injured": "killed" is the other figure's)."""
    before = _CONJUNCT.split(text[max(0, pos - 25) : max(pos, 0)])[-1]
    nearest = max(
        ((m.end(), k) for k in CASUALTY_KINDS for m in CATEGORY_RE[k].finditer(before)),
        default=None,
    )
    return nearest[1] if nearest else None


def named_casualty(span: str, article: str) -> str | None:
    """The casualty kind a figure's own words name: its span's, the noun right after it, or
    the nearest casualty word before it in its clause ("took away 312 students"); None when
    only words further off would say. A toll's own word names no kind ("le bilan ... 47
    blessés": the injured)."""
    if found := first_kind(_TOLL_ONLY.sub(" ", span)):
        return found
    pos = find_quote(span, article)
    if pos < 0:
        return None
    text = loose(article)
    return _own_noun(text, pos + len(loose(span))) or _nearest_before(text, pos)


# A toll's own word ("the toll", "le bilan") names a count, not who it counts.
_TOLL_ONLY = re.compile(r"\b(?:toll|bilan|balance)\b", re.IGNORECASE)


def names_beyond_toll(kind: str, text: str) -> bool:
    """The text names `kind` by a word other than a toll's ("le bilan" alone names no one)."""
    return bool(CATEGORY_RE[kind].search(_TOLL_ONLY.sub(" ", text)))


def toll_word_only(kind: str, span: str) -> str | None:
    """The other casualty kind a span names when it names `kind` only by a toll's word:
    "Le bilan fait état de 47 blessés" counts the injured, not the dead."""
    if names_beyond_toll(kind, span):
        return None
    return first_kind(span[m.end() :]) if (m := _TOLL_ONLY.search(span)) else None


def other_casualty(kind: str, span: str, article: str, at: int | None = None) -> str | None:
    """The other kind of casualty the span counts (by its own words, the noun right after
    the figure, the nearest casualty word before it in its clause and conjunct, or the first
    one after it), or None; read where the span stands at `at` (an index into the loose
    article, as `find_quotes` gives), else where it first does."""
    if CATEGORY_RE[kind].search(span):
        return None
    others = [k for k in CASUALTY_KINDS if k != kind and CATEGORY_RE[k].search(span)]
    pos = find_quote(span, article) if at is None else at
    text, end = loose(article), pos + len(loose(span))
    if not others and pos >= 0 and (own := _own_noun(text, end)):
        return None if own == kind else own  # "34 injured", "huit blessés", "30 troops wounded"
    if not others and kind == "killed" and toll_before(span, article):
        return None  # "the death toll ... has risen to 36" (not "le bilan ... 47 blessés")
    if not others and _the_tolls_figure(span, article):
        return "killed"  # "the death toll ... from 12 to 11, and ... 14 wounded": 12 is the toll
    nearest = _nearest_before(text, pos)
    if not others and pos >= 0 and nearest:
        others = [] if nearest == kind else [nearest]
    elif not others:
        first = first_kind(text[end : end + 120])
        others = [first] if first and first != kind else []
    return others[0] if others else None
