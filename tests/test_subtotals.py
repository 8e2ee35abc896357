"""A casualty figure given as a part of a toll stands for the toll."""

import pytest

from summarizer.articles import Article
from summarizer.kinds.registry import load_kind
from summarizer.kinds.report import to_fact_report
from summarizer.normalize.own_figures import first_figure_for
from summarizer.normalize.subtotals import whole_of


@pytest.mark.parametrize(
    ("kind", "text", "span", "whole"),
    [
        # the whole before the breakdown, in the same sentence
        ("killed", "Hubo 14 personas fallecidas, de las cuales 11 eran de un grupo criminal.",
         "11 eran de un grupo", "14 personas fallecidas"),
        ("killed", "Gunmen opened fire, killing at least 70 people, among them about 10 women.",
         "10 women", "70 people"),
        ("killed", "L'attaque a fait 32 morts dont 22 enfants.", "22 enfants", "32 morts"),
        ("killed", "The toll has risen to 36, including 24 children.", "24 children", "36"),
        ("killed", "La cifra de muertos se eleva a 89, entre ellos 31 mujeres.", "31 mujeres", "89"),
        ("injured", "Il y a 14 soldats tués et huit blessés dont trois graves.", "trois graves",
         "huit blessés"),
        # the whole the breakdown's opening names
        ("killed", "Out of the total 22 fatalities, the CRPF lost eight men.", "eight men",
         "22 fatalities"),
        ("killed", "De los 14 muertos, 11 eran sicarios.", "11 eran sicarios", "14 muertos"),
        # the breakdown names only the kind: the article's first figure of it before
        ("killed", "Al menos 14 personas murieron en un choque. De los fallecidos, 11 eran "
         "sicarios.", "11 eran sicarios", "14 personas murieron"),
        ("killed", "At least 26 people were killed. Among the dead are two foreign nationals.",
         "two foreign nationals", "26 people were killed"),
        ("killed", "At least 26 people were killed. Two foreigners were among the dead.",
         "Two foreigners", "26 people were killed"),
        ("killed", "Au moins 40 personnes ont été tuées. Parmi les victimes, 12 enfants.",
         "12 enfants", "40 personnes ont été tuées"),
        ("killed", "Gunmen opened fire, killing at least 70 people, among them about 10 women.",
         "them about 10 women", "70 people"),
        ("killed", "Toll: 36, including 24 children.", "24 children", "36"),
        ("killed", "At least 90 people were killed. 30 soldiers were among the dead.",
         "30 soldiers", "90 people were killed"),
        # the gravely injured are some of the injured
        ("injured", "More than 50 officers were injured. Police said eight officers suffered "
         "serious injuries.", "eight officers suffered serious injuries",
         "50 officers were injured"),
        ("injured", "Hubo 30 heridos. Cinco personas resultaron heridas de gravedad.",
         "Cinco personas resultaron heridas", "30 heridos"),
        ("injured", "50 were injured in all. In the north, 8 people were injured.",
         "8 people were injured", None),
        ("injured", "More than 50 were injured. Police said 8 were hurt. One was serious.",
         "8 were hurt", None),
        ("injured", "Eight officers suffered serious injuries. 50 were injured.",
         "Eight officers suffered serious injuries", None),
        ("injured", "Eight officers were injured. Police said 20 were killed, not seriously "
         "hurt.", "Eight officers were injured", None),
        # no whole: the figure before counts something else, or is no larger, or none
        ("killed", "Jóvenes de entre 17 y 30 años, de los cuales 11 fueron masacrados.",
         "11 fueron masacrados", None),
        ("killed", "4 ciudadanos fueron secuestrados, de los cuales 2 fallecieron.",
         "2 fallecieron", None),
        ("killed", "Il y a huit blessés dont trois morts.", "trois morts", None),
        ("killed", "It killed 5 people, including 7 children.", "7 children", None),
        ("killed", "At least 12 people were killed, including five children.", "12 people", None),
        ("killed", "Among the wounded are two foreign nationals.", "two foreign nationals", None),
        ("injured", "At least 26 people were killed. Among the dead are two policemen.",
         "two policemen", None),
        ("killed", "Among the dead are two foreign nationals.", "two foreign nationals", None),
        ("killed", "Twelve people were killed. Among the dead were 20 soldiers.", "20 soldiers",
         None),
        ("killed", "Il y a 3 morts dont 3 enfants.", "3 enfants", None),
        ("killed", "Out of the 8 fatalities, eight were soldiers.", "eight were soldiers", None),
        ("killed", "Jóvenes de 30 años, según el balance, de los cuales 11 fueron masacrados.",
         "11 fueron masacrados", None),
        ("killed", "At least 26 people were killed.\nTwo foreigners fled\nothers were among the "
         "dead.", "Two foreigners", None),
        # a span that is not in the article, or has no figure
        ("killed", "Ten people died.", "11 people", None),
        ("killed", "Ten people died, including children.", "children", None),
    ],
)  # fmt: skip
def test_the_toll_a_figure_is_a_part_of(kind: str, text: str, span: str, whole: str | None) -> None:
    assert whole_of(kind, span, text) == whole


def test_a_figure_with_no_other_figure_before_its_kinds_word_is_its_own() -> None:
    # "un" after the kind's word is no figure before it
    text = "Al menos 14 personas murieron en un enfrentamiento."
    assert first_figure_for("killed", text) == "14 personas murieron"
    # a figure before the kind's word is that word's figure, not the first one's
    assert first_figure_for("killed", "Hubo 14 personas con 3 muertos.") == "3 muertos"


KIND = load_kind("conflict")


@pytest.mark.parametrize(
    ("text", "killed", "low", "warned"),
    [
        ("Gunmen killed 14 people in Texcapilla, of whom 11 were gang members.",
         "11 were gang members", 14, True),
        # a whole only the attackers claim is no toll: the part stays
        ("The group claimed to have killed 40 soldiers, including 12 officers.",
         "12 officers", 12, False),
        ("Gunmen killed 14 people in Texcapilla.", "killed 14 people", 14, False),
    ],
)  # fmt: skip
def test_the_report_reads_the_whole_toll(text: str, killed: str, low: int, warned: bool) -> None:
    answer = KIND.schema.model_validate({"is_incident": True, "killed": killed})
    warnings: list[str] = []
    report = to_fact_report(Article(id="a.txt", text=text), answer, KIND, warnings)
    count = report.facts["killed"].count
    assert count is not None and count.min == low
    notes = [w for w in report.warnings if "is a part of" in w]
    whole = "'14 people in Texcapilla'"
    assert notes == (
        [f"killed: {killed!r} is a part of {whole}, which is the toll"] if warned else []
    )
