"""The death toll an article gives as a rise is its latest count."""

import pytest

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.kinds.registry import load_kind
from summarizer.kinds.report import to_fact_report
from summarizer.normalize.toll_updates import latest_toll, not_this_incident
from summarizer.schemas import ArticleReport, Extraction


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Massacre: death toll rises to 110 — UN. Gunmen killed 43 farmers on Saturday.",
         "rises to 110"),
        ("The death toll from the April 13 strike on Sumy has risen to 36.", "risen to 36"),
        ("The toll has climbed to 1,200 after the quake.", "climbed to 1,200"),
        ("The death toll rose by five to 45.", "rose by five to 45"),
        ("The death toll reached 51 on Monday.", "reached 51"),
        ("Le bilan s'est alourdi à 30 morts.", "s'est alourdi à 30"),
        ("Le bilan humain a grimpé à 41.", "grimpé à 41"),
        ("La cifra de muertos asciende a 36.", "asciende a 36"),
        ("El número de fallecidos aumentó a 12.", "aumentó a 12"),
        # the highest of two updates
        ("Toll rises to 109. Later the toll rose to 115, a local official said.",
         "rose to 115"),
        ("Toll rises to 115. Earlier the toll had risen to 109.", "rises to 115"),
        # a toll that may rise, or sums more than one incident
        ("The death toll could rise to 200.", None),
        ("Officials fear the toll may climb to 60.", None),
        ("Le bilan pourrait grimper à 50.", None),
        ("The death toll from attacks this year has risen to 500.", None),
        ("The toll since January rose to 300.", None),
        ("La cifra de muertos en lo que va del año asciende a 90.", None),
        ("In 2019, a similar attack's death toll rose to 60.", None),
        ("Officials say the toll could, they fear, rise to 60.", None),
        # a natural disaster's toll
        ("The death toll from the earthquake has risen to 2,200.", None),
        ("Le bilan des inondations s'est alourdi à 30 morts.", None),
        ("La cifra de muertos por el huracán asciende a 36.", None),
        ("The death toll from the May 3 attack has risen to 40.", "risen to 40"),
        # only its own sentence, up to the figure, can make it another toll
        ("The death toll rose to 40. It could rise further.", "rose to 40"),
        ("A. It could get worse. The death toll rose to 40.", "rose to 40"),
        ("Since X-day, the death toll rose to 300.", None),
        # no toll, no rise, or the rise in another sentence
        ("Gunmen killed 43 farmers. Prices rose to 50 naira.", None),
        ("The death toll stands at 40.", None),
        ("The death toll is unclear. It rose to 5 percent.", None),
        ("Tolls rose to 5 euros on the bridge.", None),
    ],
)  # fmt: skip
def test_the_latest_toll_is_the_highest_rise_the_article_states(
    text: str, span: str | None
) -> None:
    assert latest_toll(text) == span


_TEXT = (
    "Massacre: death toll rises to 110 — UN. Gunmen killed 43 farmers in Zabarmari, "
    "Nigeria, on Saturday, and wounded six."
)


def _report(killed: str | None, text: str = _TEXT) -> ArticleReport:
    ex = Extraction(is_incident=True, event_type="violence_against_civilians",
                    country="Nigeria", killed=killed, injured="wounded six",
                    title="Massacre", summary="Gunmen killed farmers.")  # fmt: skip
    return to_report(Article(id="a.txt", text=text), ex, [])


@pytest.mark.parametrize("killed", ["killed 43 farmers", None])
def test_the_articles_update_stands_over_a_lower_figure_or_none(killed: str | None) -> None:
    kind = load_kind("conflict")
    answer = kind.schema.model_validate({"is_incident": True, "killed": killed})
    fact = to_fact_report(Article(id="a.txt", text=_TEXT), answer, kind, []).facts["killed"]
    assert fact.quote == "death toll rises to 110"  # the fact's evidence, as the count's
    r = _report(killed)
    assert r.killed is not None and (r.killed.min, r.killed.revision) == (110, True)
    assert r.killed.quote == "death toll rises to 110"
    assert r.injured is not None and r.injured.min == 6  # the other counts are untouched
    was = repr(killed) if killed else "none"
    assert r.warnings == [
        f"killed: the article's update 'death toll rises to 110' stands (the answer: {was})"
    ]


@pytest.mark.parametrize(
    ("text", "killed", "low"),
    [
        # the model's figure is already as high
        (_TEXT.replace("killed 43", "killed 110"), "killed 110 farmers", 110),
        (_TEXT.replace("killed 43", "killed 120"), "killed 120 farmers", 120),
        # no update in the article
        (_TEXT.replace("death toll rises to 110", "gunmen strike"), "killed 43 farmers", 43),
        # an update the attackers claim is no toll
        ("The group claimed to have killed 300, and its toll rose to 300. Gunmen killed 43 "
         "farmers in Zabarmari, Nigeria, and wounded six.", "killed 43 farmers", 43),
    ],
)  # fmt: skip
def test_the_answer_stands_when_the_article_gives_no_higher_update(
    text: str, killed: str, low: int
) -> None:
    r = _report(killed, text)
    assert r.killed is not None and r.killed.min == low
    assert not any("update" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A magnitude 7.2 earthquake killed more than 2,200 people.", True),
        ("Les inondations ont fait 30 morts.", True),
        ("The toll this year is 500.", True),
        ("Gunmen killed 3 people on Monday.", False),
    ],
)
def test_a_toll_of_more_than_the_incident(sentence: str, expected: bool) -> None:
    assert not_this_incident(sentence) is expected
