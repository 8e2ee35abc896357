"""The prose guard's rules at their edges: the exact message for each fault, the length
caps, every dangling ending, scripts the article itself uses, and where supported numbers
come from."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import prose_problems, supported_numbers
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
