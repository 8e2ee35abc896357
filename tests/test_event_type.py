"""The model's event type against ACLED's definitions, rule by rule and both ways."""

import pytest

from summarizer.normalize.event_type import coded_event_type
from summarizer.schemas import ActorFact

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


def test_every_armed_category_at_once_is_still_armed() -> None:
    everyone = [
        SOLDIERS,
        POLICE,
        ActorFact(name="JNIM", quote="JNIM", category="group"),
        ActorFact(name="Unidentified Armed Group (Mali)", quote="gunmen", category="unidentified"),
    ]
    assert coded_event_type("violence_against_civilians", everyone, GUNS)[0] == "battle"
