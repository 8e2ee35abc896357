"""A casualty figure must count people: the word right after it says when it counts years,
a day of a month, a distance or things instead (normalize/counted.py), and the span check
then rejects it, reading the part of the span that names the field's kind when there is
one (kinds/verify.py)."""

import pytest

from summarizer.kinds.registry import load_kind
from summarizer.kinds.verify import drop_unsupported
from summarizer.normalize.counted import bare_figure_counts_things, span_counts_things
from summarizer.normalize.own_figures import own_part
from summarizer.normalize.tolls import toll_word_only

KIND = load_kind("conflict")


@pytest.mark.parametrize(
    ("span", "thing"),
    [
        ("15 años", "anos"), ("a 15-year-old boy", "year"), ("âgé de 34 ans", "ans"),
        ("3 de marzo, donde falleció", "marzo"), ("le 12 mars", "mars"), ("on 3 May, 2024", "may"),
        ("8 véhicules incendiés, une dizaine de blessés", "vehicules"), ("five houses", "houses"),
        ("10 km from the town", "km"), ("40%", "percent"), ("2 000 dollars", "dollars"),
    ],
)  # fmt: skip
def test_what_a_figure_counts_when_it_is_not_people(span: str, thing: str) -> None:
    assert span_counts_things(span) == thing


@pytest.mark.parametrize(
    "span",
    ["20 soldats tués", "36 people", "three may have died", "12 Malian soldiers", "two bodies",
     "the 20 dead", "17 personas", "3 of them", "at least 20", "une dizaine de blessés",
     "twenty villagers and their houses"],
)  # fmt: skip
def test_people_and_figures_with_no_noun_are_not_things(span: str) -> None:
    assert span_counts_things(span) is None


def test_a_bare_figure_is_read_with_the_articles_next_word() -> None:
    text = "Relatives of a 15 year old mourned. Police said 15 people died."
    first, second = text.index("15"), text.rindex("15")
    assert bare_figure_counts_things("15", text, first + 2) == "year"
    assert bare_figure_counts_things("15", text, second + 2) is None
    assert bare_figure_counts_things("15 people", text, second + 9) is None  # not bare
    odd = "Police said 20 people years ago."  # (the words after a span with a noun: not read)
    assert bare_figure_counts_things("20 people", odd, odd.index("20") + 9) is None
    assert bare_figure_counts_things("3 or 4", "3 or 4 years", 6) is None  # two figures
    assert bare_figure_counts_things("dozens", "dozens of years", 6) is None  # no figure


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("8 véhicules incendiés, une dizaine de blessés", "une dizaine de blessés"),
        ("20 killed; 14 wounded", "14 wounded"),
        ("14 wounded", None),  # one part: nothing to choose
        ("14 wounded, ", None),  # (nor with a blank one after it)
        ("3 wounded and 5 injured", None),  # two parts name the kind: not for code to pick
        ("3 houses burned, 5 cars", None),  # no part names it
    ],
)
def test_the_part_of_a_span_that_names_the_kind(span: str, expected: str | None) -> None:
    assert own_part("injured", span) == expected


def _dropped(text: str, **counts: str) -> tuple[dict[str, object], list[str]]:
    answer = KIND.schema.model_validate({"is_incident": True, **counts})
    cleaned, warnings = drop_unsupported(answer, KIND, text)
    return {k: getattr(cleaned, k) for k in counts}, warnings


def test_a_span_whose_figure_counts_vehicles_is_read_from_its_part_that_names_the_injured() -> None:
    text = "Le bilan fait état de 20 soldats tués, 8 véhicules incendiés, une dizaine de blessés."
    counts, warnings = _dropped(
        text, killed="20 soldats tués", injured="8 véhicules incendiés, une dizaine de blessés"
    )
    assert counts == {"killed": "20 soldats tués", "injured": "une dizaine de blessés"}
    assert warnings == [
        "injured '8 véhicules incendiés, une dizaine de blessés' counts vehicules, not people; "
        "read 'une dizaine de blessés', its part that names injured"
    ]


@pytest.mark.parametrize(
    ("text", "killed", "thing"),
    [
        ("Familiares de un adolescente de 15 años lloraron su muerte.", "15 años", "anos"),
        ("El 3 de marzo, donde falleció, fue un día triste.", "3 de marzo", "marzo"),
    ],
)
def test_an_age_or_a_date_is_no_toll(text: str, killed: str, thing: str) -> None:
    assert _dropped(text, killed=killed) == (
        {"killed": None}, [f"killed {killed!r} counts {thing}, not people; dropped"]
    )  # fmt: skip


def test_a_bare_figure_stands_where_it_counts_people_only() -> None:
    age = "A 15 year old was among the dead."
    assert _dropped(age, killed="15")[0] == {"killed": None}
    toll = "A 15 year old was hurt. In all 15 people were killed."
    assert _dropped(toll, killed="15") == ({"killed": "15"}, [])


def test_a_figure_that_counts_two_kinds_stands_where_one_is_the_fields() -> None:
    """ "two" is the kidnapped in one sentence and the dead in another: it stands as the
    dead, since the article says so there."""
    text = (
        "Two of four Americans kidnapped by gunmen on Friday were found. "
        "Officials were still investigating how the two Americans died."
    )
    assert _dropped(text, killed="two") == ({"killed": "two"}, [])
    only = "Two of four Americans kidnapped by gunmen on Friday were found alive."
    assert _dropped(only, killed="two") == (
        {"killed": None}, ["killed 'two' counts kidnapped, not killed; dropped"]
    )  # fmt: skip


def test_each_place_the_span_stands_is_read_where_it_is() -> None:
    """Blank lines before a mention must not shift where its words are read (the loose
    article folds them): "siete" is the dead's here, not the injured's."""
    text = (
        "Video: the moment of the blast\n\n\n\nSiete muertos y setenta heridos dejó el "
        "atentado.\n\nEl camión dejó siete fallecidos y más de setenta personas heridas."
    )
    assert _dropped(text, killed="siete") == ({"killed": "7"}, [])  # (in digits, as read)


@pytest.mark.parametrize(
    ("span", "other"),
    [
        ("Le bilan fait état de 47 blessés", "injured"),
        ("a toll of 28 wounded", "injured"),
        ("the death toll rose to 36", None),  # "death" names the dead
        ("le bilan est de 12", None),  # the toll alone: no other kind
        ("balance de 7 heridos y 3 muertos", None),  # the dead named too
    ],
)
def test_a_toll_word_alone_does_not_make_a_figure_the_dead(span: str, other: str | None) -> None:
    assert toll_word_only("killed", span) == other


def test_the_injured_given_as_the_dead_by_the_toll_word_move_to_the_injured() -> None:
    text = "Le bilan fait état de 47 blessés du côté des gendarmes. Aucun mort."
    assert _dropped(text, killed="Le bilan fait état de 47 blessés") == (
        {"killed": None},
        ["killed 'Le bilan fait état de 47 blessés' counts injured, not killed; moved to "
         "injured"],
    )  # fmt: skip


def test_a_bare_figure_after_a_toll_word_counts_what_its_own_noun_names() -> None:
    text = "Le bilan fait état de 47 blessés du côté des gendarmes. Aucun mort."
    assert _dropped(text, killed="47")[1] == [
        "killed '47' counts injured, not killed; moved to injured"
    ]
    toll = "The death toll has risen to 36, officials said."
    assert _dropped(toll, killed="36") == ({"killed": "36"}, [])
