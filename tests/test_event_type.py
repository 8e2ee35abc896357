"""The model's event type against ACLED's definitions, rule by rule and both ways."""

import pytest

from summarizer.kinds.facts import Who
from summarizer.normalize.event_type import acled_definition, coded_event_type
from summarizer.schemas import ActorFact
from summarizer.schemas.facts import FactValue

SOLDIERS = ActorFact(name="Military Forces of Mali", quote="soldiers", category="military")
POLICE = ActorFact(name="Police Forces of Kenya", quote="police", category="police")
VILLAGERS = ActorFact(name="Civilians (Mali)", quote="villagers", category="civilians")
UNKNOWN = ActorFact(name="the market", quote="the market")
GUNS = "Gunmen stormed the post at dawn and opened fire."


@pytest.mark.parametrize(
    ("answer", "targets", "text", "coded"),
    [
        # Explosion/remote violence needs explosives or a weapon fired from afar.
        ("explosion_remote_violence", [SOLDIERS], GUNS, "battle"),
        ("explosion_remote_violence", [VILLAGERS], GUNS, "violence_against_civilians"),
        ("explosion_remote_violence", [SOLDIERS], "A roadside bomb hit the convoy.", None),
        ("explosion_remote_violence", [VILLAGERS], "A drone strike hit the market.", None),
        ("explosion_remote_violence", [SOLDIERS], "Des obus sont tombés sur le camp.", None),
        ("explosion_remote_violence", [VILLAGERS], "Un misil alcanzó el mercado.", None),
        ("explosion_remote_violence", [VILLAGERS], "The blast killed five.", None),
        ("explosion_remote_violence", [UNKNOWN], GUNS, None),  # no category: no evidence
        ("explosion_remote_violence", [], GUNS, None),
        # "exploits" is not an explosion.
        ("explosion_remote_violence", [SOLDIERS], "The group exploits the border.", "battle"),
        # Violence against civilians needs unarmed victims.
        ("violence_against_civilians", [SOLDIERS], GUNS, "battle"),
        ("violence_against_civilians", [POLICE, SOLDIERS], GUNS, "battle"),
        # ... and the weapons tell which of the armed types it is.
        (
            "violence_against_civilians",
            [SOLDIERS],
            "A suicide bomber rammed the post.",
            "explosion_remote_violence",
        ),
        ("violence_against_civilians", [VILLAGERS], GUNS, None),
        ("violence_against_civilians", [VILLAGERS, SOLDIERS], GUNS, None),
        # A battle needs an armed side among the targets.
        ("battle", [VILLAGERS], GUNS, "violence_against_civilians"),
        ("battle", [VILLAGERS, SOLDIERS], GUNS, None),
        ("battle", [SOLDIERS], GUNS, None),
        # Not organised violence: the model's answer stands.
        ("protest", [POLICE], GUNS, None),
        ("riot", [VILLAGERS], GUNS, None),
        ("strategic_development", [SOLDIERS], GUNS, None),
    ],
)
def test_event_type_by_acled_definition(
    answer: str, targets: list[ActorFact], text: str, coded: str | None
) -> None:
    kept, note = coded_event_type(answer, targets, text)
    assert kept == (coded or answer)
    if coded is None:
        assert note is None
    else:
        why = {
            "explosion_remote_violence": "no explosive or remote weapon in the article",
            "violence_against_civilians": "the targets are armed forces, not civilians",
            "battle": "the targets are civilians only",
        }[answer]
        if coded == "explosion_remote_violence":
            why += ", and the article names an explosive or remote weapon"
        assert note == f"event type {answer} read as {coded}: {why} (event_type.acled_definition)"


@pytest.mark.parametrize(
    ("text", "weapon"),
    [("A suicide bomber blew himself up among the worshippers.", "suicide"),
     ("Two blasts tore through the crowd of mourners.", "blast"),
     ("Un coche bomba estalló frente al mercado.", "bomb")],
)  # fmt: skip
def test_remote_violence_against_civilians_is_coded_by_its_means(text: str, weapon: str) -> None:
    """ACLED codes a bombing of civilians as an explosion (remote violence), its victims
    the civilians: the means, not the victims, choose between the two."""
    assert coded_event_type("violence_against_civilians", [VILLAGERS], text) == (
        "explosion_remote_violence",
        "event type violence_against_civilians read as explosion_remote_violence: the article "
        f"names an explosive or remote weapon ({weapon!r}) (event_type.acled_definition)",
    )
    assert coded_event_type("violence_against_civilians", [UNKNOWN], text)[1] is None


def test_every_armed_category_at_once_is_still_armed() -> None:
    everyone = [
        SOLDIERS,
        POLICE,
        ActorFact(name="JNIM", quote="JNIM", category="group"),
        ActorFact(name="Unidentified Armed Group (Mali)", quote="gunmen", category="unidentified"),
    ]
    assert coded_event_type("violence_against_civilians", everyone, GUNS)[0] == "battle"


PROTESTERS = ActorFact(
    name="Protesters (Kenya)", quote="protesters", category="other", identity="protesters:KE"
)
ALIKE = ActorFact(name="Protest Committee", quote="committee", category="other")
UNPLACED = ActorFact(name="Protesters", quote="rioters", category="other", identity="protesters")


@pytest.mark.parametrize(
    ("answer", "targets", "perpetrators", "text", "coded"),
    [
        # force used on demonstrators, or theirs: a protest or a riot, never organised violence
        ("violence_against_civilians", [PROTESTERS], [POLICE],
         "Police fired on protesters who stormed parliament and set it ablaze.", "riot"),
        ("violence_against_civilians", [PROTESTERS], [POLICE],
         "Police shot dead five peaceful protesters.", "protest"),
        ("battle", [POLICE], [PROTESTERS], "Demonstrators clashed with police.", "riot"),
        ("explosion_remote_violence", [PROTESTERS], [], "Tear gas canisters hit the crowd.",
         "protest"),
        ("protest", [POLICE], [PROTESTERS], "Rioters looted shops in the centre.", "riot"),
        ("protest", [], [PROTESTERS], "Des émeutiers ont pillé des magasins.", "riot"),
        ("protest", [], [PROTESTERS], "Hubo disturbios y saqueos en el centro.", "riot"),
        ("protest", [PROTESTERS], [], "A mob threw stones at the town hall.", "riot"),
        # a peaceful march stays a protest; a riot stays a riot, words or not
        ("protest", [], [PROTESTERS], "Thousands marched peacefully to parliament.", None),
        ("riot", [], [PROTESTERS], "Thousands marched peacefully to parliament.", None),
        ("strategic_development", [PROTESTERS], [], "Rioters looted shops.", None),
        # without demonstrators as a side, the armed rules hold ("storm" included)
        ("violence_against_civilians", [SOLDIERS], [ALIKE], GUNS, "battle"),
        # the model's "protest" says demonstrators are a side, named or not
        ("protest", [POLICE], [], "Rioters looted shops.", "riot"),
        ("protest", [POLICE], [ALIKE], "Protesters: bricks and bottles hurled at police.",
         "riot"),
        ("protest", [POLICE], [ALIKE], "The crowd hurled bottles at police.", "riot"),
        ("protest", [POLICE], [ALIKE], "Police fired on the protest march.", None),
        ("protest", [POLICE], [ALIKE], "They hurled bottles at police.", None),  # who did?
        # demonstrators whose country was not located are demonstrators still
        ("violence_against_civilians", [POLICE], [UNPLACED], "Rioters attacked police.", "riot"),
    ],
)  # fmt: skip
def test_demonstrators_make_a_protest_or_a_riot(
    answer: str,
    targets: list[ActorFact],
    perpetrators: list[ActorFact],
    text: str,
    coded: str | None,
) -> None:
    kept, note = coded_event_type(answer, targets, text, perpetrators)
    assert kept == (coded or answer)
    assert (note is None) == (coded is None)


def test_the_note_says_which_words_tell_of_rioting() -> None:
    text = "Police fired on protesters who stormed parliament."
    assert coded_event_type("violence_against_civilians", [PROTESTERS], text) == (
        "riot",
        "event type violence_against_civilians read as riot: demonstrators are a side and the "
        "article tells of their violence ('stormed') (event_type.acled_definition)",
    )
    assert coded_event_type("battle", [], "Police dispersed the march.", [PROTESTERS]) == (
        "protest",
        "event type battle read as protest: demonstrators are a side and the article tells "
        "of no violence of theirs (event_type.acled_definition)",
    )


def test_the_category_check_reads_both_sides() -> None:
    """acled_definition hands the Who("perpetrators") actors over as well as the targets."""
    facts = [
        (Who(role="perpetrators"), FactValue(actors=[PROTESTERS])),
        (Who(role="targets"), FactValue(actors=[POLICE])),
    ]
    assert acled_definition("battle", facts, "Rioters looted shops.")[0] == "riot"
    assert acled_definition("battle", facts[1:], "Rioters looted shops.")[0] == "battle"
