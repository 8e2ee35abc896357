"""A group's leader named beside the group is the group (normalize/leaders.py)."""

import pytest

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.normalize.leaders import fold_leaders, leads
from summarizer.schemas import ActorFact, Extraction

GANG = ["the Cobra gang", "Cobra"]


@pytest.mark.parametrize(
    "text",
    [
        'Jean Baptiste, leader of the "Cobra" gang, said his men carried out the attack.',
        "Jean Baptiste, the self-styled chief of the Cobra gang, spoke on the radio.",
        "Police blamed the Cobra gang, which was behind the attack and is led by Jean Baptiste.",
        "Cobra leader Jean Baptiste was seen in the town on Monday.",
        "Jean Baptiste's Cobra gang has held the road since March.",
        "Jean Baptiste, chef du gang Cobra, a revendiqué l'attaque.",
        "La banda Cobra, liderada por Jean Baptiste, atacó el pueblo.",
        "The attack was led by the Cobra gang under the command of Jean Baptiste.",
        'Selon l\'armée, le gang Cobra "sous le commandement de Jean Baptiste" a attaqué.',
        "La banda Cobra, bajo el mando de Jean Baptiste, atacó el pueblo.",
    ],
)
def test_the_article_calls_him_the_groups_leader(text: str) -> None:
    assert leads(["Jean Baptiste"], GANG, text)
    assert not leads(GANG, ["Jean Baptiste"], text)  # never the other way round


def test_any_of_his_wordings_may_be_the_one_written() -> None:
    text = "Cobra leader Jean Baptiste was seen in the town on Monday."
    assert leads(["Baptiste Jean-Claude", "Jean Baptiste"], GANG, text)


@pytest.mark.parametrize(
    "text",
    [
        # Leader and group in different sentences or lines: no link.
        "Villagers fled from Jean Baptiste. The leader of the Cobra gang was not seen.",
        "Villagers fled from Jean Baptiste\nThe leader of the Cobra gang was not seen.",
        # A speaker who heads something else.
        "Jean Baptiste, head of the regional council, said the Cobra gang attacked.",
        "The Cobra gang attacked the town, said Jean Baptiste, a former leader of the militia.",
        # Led, but not by him.
        "The Cobra gang, led by Paul Martin, attacked; Jean Baptiste fled.",
        "The Cobra gang under the command of Paul Martin attacked Jean Baptiste.",
        "Soldiers under the command of Jean Baptiste drove the Cobra gang out.",
    ],
)
def test_no_leadership_without_the_words_that_say_it(text: str) -> None:
    assert not leads(["Jean Baptiste"], GANG, text)


def _fact(name: str, identity: str | None = None, attribution: str = "stated") -> ActorFact:
    return ActorFact.model_validate(
        {"name": name, "aliases": [name], "quote": name, "identity": identity,
         "category": "group" if identity else None, "attribution": attribution}
    )  # fmt: skip


def test_a_leader_folds_into_his_group_with_its_firmest_attribution() -> None:
    text = "Jean Baptiste, leader of the Cobra gang, claimed responsibility."
    gang, boss = _fact("Cobra gang", "cobra"), _fact("Jean Baptiste", attribution="claimed")
    (folded,) = fold_leaders([boss, gang], text)
    assert folded.name == "Cobra gang" and folded.identity == "cobra"
    assert folded.aliases == ["Cobra gang", "Jean Baptiste"]
    assert folded.attribution == "claimed"
    # Names in name order, whatever their case: "al-Cobra" before "Jean".
    text = "al-Cobra leader Jean Baptiste claimed responsibility."
    (folded,) = fold_leaders([boss, _fact("al-Cobra", "cobra")], text)
    assert folded.aliases == ["al-Cobra", "Jean Baptiste"]


def test_a_known_actor_is_never_folded_and_strangers_stay_apart() -> None:
    text = "Cobra leader Jean Baptiste and the Tiger gang attacked; Tiger leader Paul Martin fled."
    known = _fact("Jean Baptiste", "jean-baptiste-front")  # the dictionary knows him as a group
    gang, tiger, other = _fact("Cobra"), _fact("Tiger"), _fact("Paul Martin")
    kept = fold_leaders([known, gang, tiger, other], text)
    assert [f.name for f in kept] == ["Jean Baptiste", "Cobra", "Tiger"]
    assert kept[2].aliases == ["Paul Martin", "Tiger"]
    assert fold_leaders([gang, _fact("Paul Martin")], "Paul Martin met Cobra.") == [
        gang,
        _fact("Paul Martin"),
    ]


def test_a_chain_of_leaders_ends_in_one_actor() -> None:
    text = (
        "Ali Musa, deputy leader of Tiger, met Tiger leader Paul Martin. Paul Martin's Tiger fled."
    )
    kept = fold_leaders([_fact("Ali Musa"), _fact("Paul Martin"), _fact("Tiger")], text)
    assert len(kept) == 1 and set(kept[0].aliases) == {"Ali Musa", "Paul Martin", "Tiger"}


def test_the_report_lists_the_leader_as_one_of_the_groups_names() -> None:
    text = (
        "Gunmen of the Cobra gang killed 12 villagers in Kaya, Burkina Faso, on Monday. "
        "Jean Baptiste, leader of the Cobra gang, claimed the attack."
    )
    ex = Extraction.model_validate(
        {"is_incident": True, "event_type": "violence_against_civilians", "title": "t",
         "summary": "s", "country": "Burkina Faso",
         "perpetrators": ["Cobra gang", "Jean Baptiste"], "targets": ["villagers"]}
    )  # fmt: skip
    report = to_report(Article(id="a.txt", text=text), ex, [])
    (perp,) = report.perpetrators
    assert "Jean Baptiste" in perp.aliases and perp.attribution == "claimed"
    # A leader the dictionary does not know stays apart as a target: only attackers fold.
    ex = ex.model_copy(
        update={"targets": ["villagers", "Jean Baptiste"], "perpetrators": ["Cobra gang"]}
    )
    assert len(to_report(Article(id="a.txt", text=text), ex, []).targets) == 2
