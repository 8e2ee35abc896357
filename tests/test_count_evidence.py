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
    ],
)  # fmt: skip
def test_a_casualty_figure_says_what_it_counts(
    text: str, counts: dict[str, str], problems: dict[str, str]
) -> None:
    assert _problems(text, **counts) == problems
