"""A casualty figure must say what it counts, at one of its places in the article (never
inside a date written in digits): a figure no casualty word stands near counts nobody."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import span_problems

KIND = load_kind("conflict")


def _problems(text: str, **counts: str) -> dict[str, str]:
    answer = KIND.schema.model_validate({"is_incident": True, **counts})
    return {k: v for k, v in span_problems(answer, KIND, text).items() if k in counts}


@pytest.mark.parametrize(
    ("text", "counts", "problems"),
    [
        # "managed to escape": no toll of any kind (the next sentence's death is another's)
        ("Gunmen took 312 pupils from the school on Thursday, but 25 of them managed to escape "
         "and walked home. A vigilante who tried to stop them lost his life.",
         {"killed": "25 of them managed to", "injured": "25 of them managed to"},
         {"killed": "killed '25 of them managed to' does not say it counts killed",
          "injured": "injured '25 of them managed to' counts killed, not injured"}),
        # "took away" counts the kidnapped, not the dead
        ("Gunmen stormed the school and took away no fewer than 312 students and a teacher.",
         {"killed": "no fewer than 312 students"},
         {"killed": "killed 'no fewer than 312 students' counts kidnapped, not killed"}),
        # the "12" of a date line is skipped; the one beside "sin vida" says it
        ("date 2023-12-18\nUn ataque armado en una posada. El saldo fue de 12 personas sin vida "
         "y 11 lesionados.", {"killed": "12"}, {}),
        # a casualty word before it in its sentence, or right after it, is enough
        ("The toll from the blast stood at 40 on Monday.", {"killed": "40"}, {}),
        ("Officials counted 40 dead after the blast.", {"killed": "40"}, {}),
        ("Officials counted 40 after the blast, all of them dead.", {"killed": "40"}, {}),
        # only the figure's own sentence before it: a death in the sentence before is not it
        ("It rained. Five died. Then 40 came home.", {"killed": "40"},
         {"killed": "killed '40' does not say it counts killed"}),
        # after it: up to its sentence's end, within 120 characters
        ("Officials counted 40 in the wreck that left the capital at dawn and overturned on "
         "the mountain road near the border, all of them dead in the ravine below the road",
         {"killed": "40"}, {}),
        ("Officials counted 40 in the wreck of the bus that left the capital at dawn and "
         "overturned on the mountain road near the border crossing at Kasindi, all of them dead.",
         {"killed": "40"}, {"killed": "killed '40' does not say it counts killed"}),
        # a line break is only the text's wrapping; a blank line ends the paragraph
        ("The agency said that two\npatients had died.", {"killed": "two"}, {}),
        ("The agency counted two\n\nPatients had died elsewhere.", {"killed": "two"},
         {"killed": "killed 'two' does not say it counts killed"}),
        # a figure in the article's language
        ("Vingt soldats ont été tués dimanche.", {"killed": "Vingt soldats"}, {}),
    ],
)  # fmt: skip
def test_a_casualty_figure_says_what_it_counts(
    text: str, counts: dict[str, str], problems: dict[str, str]
) -> None:
    assert _problems(text, **counts) == problems


def test_a_count_of_another_field_is_refused_by_that_fields_words() -> None:
    outbreak = load_kind("outbreak")
    text = "Officials reported 48 suspected cases and 12 confirmed cases of cholera."
    answer = outbreak.schema.model_validate(
        {"is_incident": True, "confirmed": "48 suspected cases", "deaths": "12 confirmed cases"}
    )
    problems = span_problems(answer, outbreak, text)
    assert problems["confirmed"] == "confirmed '48 suspected cases' counts suspected, not confirmed"
    assert problems["deaths"] == "deaths '12 confirmed cases' counts confirmed, not deaths"
    answer = outbreak.schema.model_validate({"is_incident": True, "deaths": "48"})
    assert span_problems(answer, outbreak, "Officials reported 48 on Monday.")["deaths"] == (
        "deaths '48' does not say it counts killed"
    )
