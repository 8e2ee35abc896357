"""What the article says around a toll, rule by rule at the edges: how far a revision
phrase and an earlier figure's noun reach, thousands separators, words read as numbers,
the noun phrase a bare figure is quoted with, and the death toll named before a figure."""

import pytest

from summarizer.normalize.tolls import (
    Context,
    attackers_killed,
    locate,
    named_casualty,
    occurrences,
    other_casualty,
    read_context,
    toll_before,
)

SPAN = "45 people were killed"
NOW = " Now 45 people were killed."


def earlier(article: str, span: str = SPAN, figure: int = 45) -> tuple[int, ...]:
    return read_context(span, article, "killed", figure).earlier


def test_the_noun_phrase_after_a_bare_figure_is_four_words_at_most() -> None:
    article = "Gunmen killed 20 young Malian army recruits yesterday morning."
    assert read_context("killed 20", article, "killed", 20).quote == (
        "killed 20 young Malian army recruits"
    )


def test_a_revision_phrase_anywhere_in_the_article_that_leads_to_the_figure() -> None:
    article = "Two people were killed in the attack on Monday. By Tuesday the toll rose to two."
    assert read_context("Two people were killed", article, "killed", 2).revision is True
    article = "Two people were killed in the attack on Monday. By Tuesday the toll rose to five."
    assert read_context("Two people were killed", article, "killed", 2).revision is False


@pytest.mark.parametrize(("pad", "revision"), [(26, True), (27, False)])
def test_the_figure_must_follow_the_revision_phrase_within_30_characters(
    pad: int, revision: bool
) -> None:
    article = f"45 people were killed in the raid. Later the toll rose to {'w' * pad} 45."
    assert read_context(SPAN, article, "killed", 45).revision is revision


@pytest.mark.parametrize(("pad", "found"), [(44, (30,)), (45, ())])
def test_an_earlier_figures_noun_must_start_within_50_characters(
    pad: int, found: tuple[int, ...]
) -> None:
    assert earlier(f"Earlier, 30 {'x' * pad} killed." + NOW) == found


def test_earlier_figures_with_thousands_separators() -> None:
    article = "Initially 1,100 deaths were reported. On Friday 1,200 people were confirmed dead."
    assert earlier(article, "1,200 people", 1200) == (1100,)


def test_an_earlier_figure_before_the_span_in_another_sentence() -> None:
    assert earlier("Initially 20 deaths were reported." + NOW) == (20,)


def test_every_earlier_phrase_is_read_after_one_inside_the_span() -> None:
    article = "Initially 21 people were reported killed. Earlier reports said 15 deaths."
    assert earlier(article, "21 people", 21) == (15,)


@pytest.mark.parametrize(
    ("article", "found"),
    [
        ("Earlier reports said 20 wounded, 30 dead.", (30,)),  # 20 counts the wounded
        ("Earlier reports said 20 wounded and 30 dead.", (30,)),
        ("Earlier reports said 45 dead.", ()),  # the same figure is not an earlier one
        ("Earlier reports said 50 dead.", ()),  # nor a higher one
    ],
)
def test_an_earlier_figure_counts_this_kind_and_is_lower(
    article: str, found: tuple[int, ...]
) -> None:
    assert earlier(article + NOW) == found


def test_locate_a_span() -> None:
    assert locate("xyz", "abc") is None
    assert locate("abc", "x abc abc") == (2, 5)


@pytest.mark.parametrize(
    ("span", "article", "before"),
    [
        ("36", "The death toll from the attack has risen to 36.", True),
        ("36", "Le bilan s'est alourdi à 36.", True),
        ("36", "The death toll was 10 and the number of wounded reached 36.", False),
        ("36", "The toll of missing people reached 36.", False),
        ("36", "The toll rose while 5 were kidnapped and 36", False),
        ("36", "Gunmen killed 36 people.", False),
        ("36", "The death toll is unclear. Officials said 36.", False),  # another sentence
        ("99", "The toll rose to 36.", False),
    ],
)
def test_toll_before(span: str, article: str, before: bool) -> None:
    assert toll_before(span, article) is before


def test_occurrences_whole_words_any_case_and_quote_variants() -> None:
    assert occurrences("(12 dead)", "toll(12 dead)x") == [(4, 13)]  # brackets: no boundary
    assert occurrences("10", "110 killed") == []
    assert occurrences("11", "110") == []
    assert occurrences("TWELVE dead", "twelve dead") == [(0, 11)]
    assert occurrences("l'armée", "par l\u2019armée") == [(4, 11)]


def test_a_span_the_article_lacks_is_its_own_quote() -> None:
    assert read_context("xyz", "abc", "killed", None) == Context("xyz", False, (), False)


@pytest.mark.parametrize(
    ("span", "article", "quote"),
    [
        ("killed 20", "Gunmen killed 20 - officials said on Monday.", "killed 20"),
        ("36", "Gunmen struck a village. The death toll stood at 36 on Monday.",
         "The death toll stood at 36"),
        ("36", "Gunmen struck a village. The death toll, officials said, stood at 36.",
         "death toll, officials said, stood at 36"),
        ("36 people were killed in the attack on the village",
         "They said at least 36 people were killed in the attack on the village.",
         "at least 36 people were killed in the attack on the village"),
    ],
)  # fmt: skip
def test_the_clause_quoted(span: str, article: str, quote: str) -> None:
    assert read_context(span, article, "killed", None).quote == quote


@pytest.mark.parametrize(
    ("pad", "quote"),
    [
        (88, "The number of people killed in"),  # the subject 120 characters before
        (89, "killed in"),  # 121: only from the casualty word, 100 characters before
        (90, "has risen to 171"),  # 101: nothing
    ],
)
def test_the_subject_of_a_predicate_span_within_120_characters(pad: int, quote: str) -> None:
    article = f"The number of people killed in {'x' * pad} has risen to 171."
    assert read_context("has risen to 171", article, "killed", 171).quote.startswith(quote)


@pytest.mark.parametrize(("pad", "ends"), [(64, "killed"), (65, "36 a b c d")])
def test_a_casualty_word_after_the_figure_within_80_characters(pad: int, ends: str) -> None:
    article = f"On Monday 36 a b c d e {'x' * pad} killed."
    assert read_context("36", article, "killed", 36).quote.endswith(ends)


@pytest.mark.parametrize(
    ("span", "article", "before"),
    [
        ("36", "Officials said 36, and the toll may rise.", False),  # a toll after it
        ("toll reached 36", "The toll reached 36.", False),  # a toll inside it
        ("36 wounded", "The death toll is 36 wounded.", True),  # its own words not between
    ],
)
def test_toll_before_reads_only_before_the_span(span: str, article: str, before: bool) -> None:
    assert toll_before(span, article) is before


# ---- the attackers' own dead ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("span", "article", "dead"),
    [
        # the span itself counts the attackers, from the sentence's first word to its end
        ("6 militants were killed", "6 militants were killed.", None),
        # the span's sentence is skipped, the next ones still read
        (
            "6 militants were killed",
            "6 militants were killed in the raid. Later, 2 militants were shot dead.",
            2,
        ),
        # a separate operation is skipped, the incident's own still read
        (
            "12 soldiers",
            "In a separate attack, 4 gunmen were killed. Gunmen killed 12 soldiers; "
            "3 assailants were killed.",
            3,
        ),
        # "two" is read as 2 (text2num reads only values above its threshold)
        ("12 soldiers", "Gunmen killed 12 soldiers. Two attackers were killed.", 2),
        ("12 soldiers", "Gunmen killed 12 soldiers.", None),
    ],
)
def test_attackers_killed(span: str, article: str, dead: int | None) -> None:
    assert attackers_killed(span, article) == dead


# ---- revision, claim and provisional windows --------------------------------------------------
def test_a_revision_phrase_next_to_the_span_without_a_figure() -> None:
    """Read around the span itself (80 characters before, 40 after), not the whole article."""
    assert read_context("60 people", "The death toll rose to 60 people.", "killed", None).revision
    assert not read_context("60 people", "Gunmen killed 60 people.", "killed", None).revision
    after = "60 people were killed, the new toll said."
    assert read_context("60 people", after, "killed", None).revision
    far = "60 people were killed in the market, officials said on Monday; the new toll said."
    assert not read_context("60 people", far, "killed", None).revision


@pytest.mark.parametrize(("pad", "revised"), [(71, True), (72, False)])
def test_the_revision_window_before_the_span_is_80_characters(pad: int, revised: bool) -> None:
    article = f"Toll rose to {'a' * pad} 60 people."
    assert article.index("60") - article.index("rose") == 9 + pad  # 80, then 81
    assert read_context("60 people", article, "killed", None).revision is revised


def test_a_claim_must_lead_to_the_figure_in_its_clause() -> None:
    claim = "JNIM claimed to have killed 40 soldiers"
    assert read_context("40 soldiers", f"{claim}.", "killed", None).claimed
    denied = f"{claim}, and the army said on Monday that only 10 soldiers died in the clash."
    assert read_context("10 soldiers", denied, "killed", None).claimed is False
    assert read_context("40 soldiers", denied, "killed", None).claimed is True


@pytest.mark.parametrize(("gap", "claimed"), [(40, True), (41, False)])
def test_a_claim_at_most_40_characters_before_the_figure(gap: int, claimed: bool) -> None:
    filler = ("x" * (gap - 2)).join("  ")  # a space on each side of one long word
    article = f"JNIM claimed to have killed{filler}40 soldiers."
    between = article[article.index("killed") + len("killed") : article.index("40")]
    assert len(between) == gap
    assert read_context("40 soldiers", article, "killed", None).claimed is claimed


def test_provisional_is_read_before_the_figure_only() -> None:
    before = "The provisional toll is 12 people killed."
    assert read_context("12 people", before, "killed", None).provisional is True
    after = "Gunmen killed 12 people, the army said, citing no provisional toll later."
    assert read_context("12 people", after, "killed", None).provisional is False


@pytest.mark.parametrize(
    ("span", "article", "other"),
    [
        # The casualty word of the other conjunct is not this figure's.
        ("34", "24 soldiers killed and 34 injured in the attack.", None),
        ("huit", "Le bilan fait état de 14 soldats tombés et de huit blessés.", None),
        ("9", "Dejó 10 muertos y 9 heridos en el bar.", None),
        ("30", "23 soldiers were martyred as well as 30 troops wounded.", None),
        ("5", "Two were killed, while 5 were wounded.", None),
        # The figure's own noun, right after it, over a word before it.
        ("siete", "Además de los 10 muertos hubo siete heridos.", None),
        ("30", "Soldiers died; 30 troops wounded were flown out.", None),
        ("4", "Gunmen shot dead 4 people at the bar.", "killed"),
        ("6", "Officials said 6 of them later died.", "killed"),  # no noun: read further on
        # Within its own conjunct, the word before the figure says what it counts.
        ("20", "The attackers killed 20 and wounded 5.", "killed"),
        ("two", "Gunmen wounded three farmers and killed two guards.", "killed"),
        ("three", "Gunmen killed two guards and wounded three farmers.", None),
        ("20", "The attackers killed 20 soldiers.", "killed"),
        # No word before it: the first casualty word after it.
        ("12", "Officials counted 12 dead after the attack.", "killed"),
    ],
)
def test_a_bare_figure_counts_what_its_own_conjunct_says(
    span: str, article: str, other: str | None
) -> None:
    assert other_casualty("injured", span, article) == other


TOLL = "The death toll from Sunday's strike on the city has risen to 36"


@pytest.mark.parametrize(
    ("kind", "span", "article", "other"),
    [
        # The span's own words first: its own kind, or another's.
        ("injured", "34 injured", "Officials said 34 injured were treated.", None),
        ("injured", "20 killed", "Gunmen left 20 killed.", "killed"),
        ("killed", "5 wounded", "The death toll rose to 12, and 5 wounded were flown out.",
         "injured"),
        # A toll named before a bare figure makes it a death toll, for the dead only.
        ("killed", "36", f"{TOLL}. Doctors treated the injured.", None),
        ("injured", "36", f"{TOLL}; the dead include two children.", "killed"),
        # The first casualty word after it, when it is this count's own kind.
        ("injured", "12", "Officials counted 12 after the attack, all of them wounded.", None),
        # Two words make the figure's noun, not three.
        ("injured", "siete", "Además de los 10 muertos hubo siete personas heridas.", None),
        ("injured", "12", "Gunmen killed 12 people near wounded soldiers.", "killed"),
        # A casualty word opening the article is in the window before the figure.
        ("killed", "3", "Wounded 3 farmers fled.", "injured"),
    ],
)  # fmt: skip
def test_what_a_bare_figure_counts(kind: str, span: str, article: str, other: str | None) -> None:
    assert other_casualty(kind, span, article) == other


@pytest.mark.parametrize(("gap", "other"), [(25, "injured"), (26, None)])
def test_the_word_before_the_figure_within_25_characters(gap: int, other: str | None) -> None:
    article = "They wounded " + "x" * (gap - len("wounded ") - 1) + " 3 of the farmers."
    assert article.index(" 3 ") + 1 - article.index("wounded") == gap
    assert other_casualty("killed", "3", article) == other


@pytest.mark.parametrize(("gap", "other"), [(116, "killed"), (117, None)])
def test_the_word_after_the_figure_within_120_characters(gap: int, other: str | None) -> None:
    article = "Officials counted 3 " + "x" * (gap - 2) + " dead in all."
    assert article.index("dead") - article.index("3") - 1 == gap
    assert other_casualty("injured", "3", article) == other


@pytest.mark.parametrize(
    ("article", "span", "other"),
    [
        # the first figure after a death toll its sentence names is the toll's
        ("Officials revised the death toll down on Monday, from 12 to 11, and said the attack "
         "left 14 people wounded.", "12", "killed"),
        ("The death toll from the blasts has been revised down to 84, with an additional 284 "
         "individuals reported as injured.", "84", "killed"),
        # a figure between: the toll is that figure's, this one counts what follows it
        ("The death toll rose to 12; 30 others were hospitalized.", "30", None),
        # its own noun says what it counts
        ("The death toll is 12, with 30 wounded.", "30", None),
    ],
)  # fmt: skip
def test_the_first_figure_after_a_death_toll_counts_the_dead(
    article: str, span: str, other: str | None
) -> None:
    assert other_casualty("injured", span, article) == other


@pytest.mark.parametrize(
    ("span", "text", "expected"),
    [
        ("took away 312 pupils", "Gunmen took away 312 pupils.", "kidnapped"),  # its own words
        ("30", "Police said 30 wounded were taken to hospital.", "injured"),  # its noun
        ("30", "30 wounded were taken to hospital.", "injured"),  # at the article's start
        ("312 pupils", "Gunmen abducted 312 pupils.", "kidnapped"),  # the word right before it
        # a casualty word of another conjunct, or further off, is not its own
        ("312 pupils", "Two guards were killed and 312 pupils fled.", None),
        ("12", "The death toll was revised down, from 12 to 11.", None),
        ("12", "Rescuers found 12 children. All were dead.", None),
        ("99", "Gunmen abducted 312 pupils.", None),  # not in the article
    ],
)
def test_the_kind_a_figures_own_words_name(span: str, text: str, expected: str | None) -> None:
    assert named_casualty(span, text) == expected
