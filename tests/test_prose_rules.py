"""The prose guard's rules at their edges: the exact message for each fault, the length
caps, every dangling ending, scripts the article itself uses, and where supported numbers
come from."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported, prose_problems, supported_numbers
from summarizer.schemas import Extraction

CONFLICT = load_kind("conflict")

ARTICLE = "Gunmen killed 12 herders near Inekar on Sunday, residents said. Three were wounded."
ASK = "; write it in complete English sentences with only the article's facts"


def ex(
    title: str = "Gunmen kill 12 herders", summary: str = "Gunmen killed 12 herders.", **spans: str
) -> Extraction:
    return Extraction(is_incident=True, event_type="battle", title=title, summary=summary, **spans)


def test_each_fault_has_its_exact_message() -> None:
    assert prose_problems(ex(title="Gunmen kill 12 herders — 进攻 Бой"), CONFLICT, ARTICLE) == {
        "title": f"title 'Gunmen kill 12 herders — 进攻 Бой' uses CJK, CYRILLIC characters the article does not{ASK}"
    }
    assert prose_problems(ex(summary="Gunmen killed 40 and 15 herders."), CONFLICT, ARTICLE) == {
        "summary": f"summary 'Gunmen killed 40 and 15 herders.' names 15, 40, which the article does not{ASK}"
    }
    assert prose_problems(ex(title="Gunmen kill 12 herders and"), CONFLICT, ARTICLE) == {
        "title": f"title 'Gunmen kill 12 herders and' is cut off{ASK}"
    }


def test_the_quoted_text_is_cut_to_80_characters_and_stripped() -> None:
    long = "Gunmen killed herders near Inekar on Sunday, residents said, " * 6 + "Ine-"
    [message] = prose_problems(ex(summary=f"  {long}  "), CONFLICT, ARTICLE).values()
    assert message == f"summary {long[:80]!r} is cut off{ASK}"


@pytest.mark.parametrize(
    ("title", "summary", "cut"),
    [
        ("a" * 139, "b" * 399, []),
        ("a" * 140, "b" * 399, ["title"]),
        ("a" * 139, "b" * 400, ["summary"]),
    ],
)
def test_a_text_that_fills_its_cap_was_cut(title: str, summary: str, cut: list[str]) -> None:
    assert list(prose_problems(ex(title, summary), CONFLICT, ARTICLE)) == cut


@pytest.mark.parametrize(
    "ending",
    ["-", ",", ":", ";", "(", "\u2013", "\u2014", " the", " a", " an", " of", " and", " or",
     " to", " in", " on", " at", " by", " for", " with", " from", " as", " de", " du", " des",
     " la", " le", " les", " et", " à", " en", " el", " los", " las", " y", " del", " THE"],
)  # fmt: skip
def test_dangling_endings(ending: str) -> None:
    problems = prose_problems(ex(summary=f"Gunmen killed 12 herders{ending}"), CONFLICT, ARTICLE)
    assert list(problems) == ["summary"] and "is cut off" in problems["summary"]


@pytest.mark.parametrize("ending", [".", " herders", " then", " Sunday", " theme", "!"])
def test_complete_endings(ending: str) -> None:
    assert prose_problems(ex(summary=f"Gunmen killed 12 herders{ending}"), CONFLICT, ARTICLE) == {}


def test_empty_prose_and_the_articles_own_script_pass() -> None:
    assert prose_problems(ex("  ", ""), CONFLICT, ARTICLE) == {}
    russian = "Ракетный удар по Сумам: погибли 35 человек."
    assert prose_problems(ex("Удар по Сумам", "35 killed in Sumy."), CONFLICT, russian) == {}


def test_supported_numbers_come_from_the_article_and_the_spans() -> None:
    facts = ex(killed="killed 12 herders", injured="Three were wounded")
    assert supported_numbers(facts, CONFLICT, ARTICLE) == {3, 12}
    assert supported_numbers(ex(killed="more than 40 dead"), CONFLICT, "x") == {40, 41}
    assert supported_numbers(ex(), CONFLICT, "Des hommes armés ont tué vingt-deux civils.") == {22}
    assert supported_numbers(ex(missing="between 5 and 9 missing"), CONFLICT, "x") == {5, 9}


def test_a_letter_without_a_unicode_name_is_of_an_unknown_script() -> None:
    tangut = "\U00017000"  # alphabetic, yet unicodedata names no Tangut ideograph
    assert prose_problems(ex(summary=f"Gunmen killed 12 herders {tangut}."), CONFLICT, ARTICLE) == {
        "summary": f"summary 'Gunmen killed 12 herders {tangut}.' uses UNKNOWN characters "
        f"the article does not{ASK}"
    }


def test_spans_are_read_in_the_articles_language() -> None:
    article = (
        "Hombres armados mataron a más de once personas en el pueblo, dijeron las autoridades."
    )
    assert 12 in supported_numbers(ex(killed="más de once"), CONFLICT, article)  # "more than 11"


# What a grammar-capped answer looks like: the model's text stops at the cap, mid-sentence.
LONG_TAIL = " Residents said the gunmen came on motorbikes at dawn and" + " then" * 70


def capped(text: str, cap: int = 400) -> str:
    return text[:cap]


@pytest.mark.parametrize(
    ("summary", "kept"),
    [
        ("Gunmen killed 12 herders near Inekar." + LONG_TAIL, "Gunmen killed 12 herders near Inekar."),
        ("Gunmen killed 12. Three were wounded!" + LONG_TAIL, "Gunmen killed 12. Three were wounded!"),
        ('Herders said "they shot us." Gunmen fled.' + LONG_TAIL, 'Herders said "they shot us." Gunmen fled.'),
        ("Gunmen killed 12 herders. 3 were hurt." + LONG_TAIL, "Gunmen killed 12 herders. 3 were hurt."),
        ("Gunmen killed 12 herders. Later the", "Gunmen killed 12 herders."),
        ("Gen. Ag Gamou's men fled. U.S. troops came." + LONG_TAIL, "Gen. Ag Gamou's men fled. U.S. troops came."),
    ],
)  # fmt: skip
def test_a_cut_off_summary_keeps_its_complete_sentences(summary: str, kept: str) -> None:
    cleaned, warnings = drop_unsupported(ex(summary=capped(summary)), CONFLICT, ARTICLE)
    assert cleaned.summary == kept and not warnings


@pytest.mark.parametrize(
    "summary",
    [
        "Gunmen killed 12 herders near Inekar" + LONG_TAIL,  # no sentence ends before the cut
        "Gunmen killed 12 herders, U.S. said" + LONG_TAIL,  # an abbreviation, not an end
        "Gunmen killed 12 herders near Gen. Ag Gamou's base" + LONG_TAIL,
        "Gunmen killed 12 herders. then" + LONG_TAIL,  # no capital after the stop
        "Gunmen killed 12 herders.Then" + LONG_TAIL,  # no space after the stop
        "Gunmen killed 12 herders x x x x x " + "near Inekar " * 40,  # its cap fell on a space
    ],
)
def test_a_cut_off_summary_without_a_complete_sentence_is_dropped(summary: str) -> None:
    cleaned, [warning] = drop_unsupported(ex(summary=capped(summary)), CONFLICT, ARTICLE)
    assert cleaned.summary == "" and "is cut off" in warning


def test_a_text_cut_at_its_cap_on_a_space_was_cut() -> None:
    summary = capped("Gunmen killed 12 herders. Troops came x " + "Troops came " * 40)
    assert summary.endswith(" ") and len(summary) == 400
    assert drop_unsupported(ex(summary=summary), CONFLICT, ARTICLE)[0].summary == (
        "Gunmen killed 12 herders."
    )


def test_the_kept_sentences_are_checked_like_any_summary() -> None:
    summary = "Gunmen killed 40 herders. Troops came." + LONG_TAIL
    cleaned, [warning] = drop_unsupported(ex(summary=capped(summary)), CONFLICT, ARTICLE)
    assert cleaned.summary == "" and "names 40, which the article does not" in warning


def test_whole_prose_is_kept_as_written() -> None:
    cleaned, _ = drop_unsupported(
        ex("  Gunmen kill 12. ", " Gunmen killed 12. Later"), CONFLICT, ARTICLE
    )
    assert (cleaned.title, cleaned.summary) == ("  Gunmen kill 12. ", " Gunmen killed 12. Later")
    title = "Gunmen kill 12 herders. Three hurt" + " in Inekar" * 12  # a title fills its own cap
    assert (
        drop_unsupported(ex(title=capped(title, 140)), CONFLICT, ARTICLE)[0].title
        == "Gunmen kill 12 herders."
    )
