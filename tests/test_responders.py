"""Who responded to the event is no side of it: an actor named only arresting, searching or
evacuating (or as a source of the news) is dropped."""

import pytest

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.normalize.responders import responds_only
from summarizer.schemas import ArticleReport, Extraction


def _sides(report: ArticleReport) -> list[str]:
    """The report's warnings but the toll read from the article (no answer gave one)."""
    return [w for w in report.warnings if not w.startswith("killed: none given")]


@pytest.mark.parametrize(
    ("name", "text", "response"),
    [
        ("Police", "Gunmen killed five. Police later arrested two suspects.", "arrested"),
        ("Police", "Gunmen killed five. Police arrested two suspects.", "arrested"),
        ("forces congolaises", "Une bombe a tué 13 fidèles. Les forces congolaises "
         "réussissent dans la foulée, à arrêter un suspect.", "arrêter"),
        ("la policía", "Hombres armados mataron a cinco. La policía detuvo a dos.", "detuvo"),
        ("soldiers", "A bomb killed six. Soldiers evacuated the wounded.", "evacuated"),
        ("the army", "A bomb killed six. The army has launched an investigation.",
         "investigation"),
        # a mention as a source of the news does not make it a side
        ("Police", "Police said five died. Police arrested three.", "arrested"),
        ("Police", "Five died, according to police. Police arrested three.", "arrested"),
        # a word of harm between the name and the response: a side of the event
        ("Police", "Police shot two and arrested three.", None),
        ("Police", "Police fired on the crowd, then arrested three.", None),
        # one mention that acts is enough to keep it
        ("Police", "Police opened fire on the march. Police arrested 40.", None),
        # a response six words on is too far to be its verb; five is near enough
        ("Police", "Police came back to the town and arrested two.", None),
        ("Police", "Police came back to town and arrested two.", "arrested"),
        # speaking only is the sources rule's, not this one's
        ("Police", "Police said five died.", None),
        ("Police", "Gunmen killed five.", None),
        ("Police", "Policemen arrested two.", None),
        # the agent of a response or a discovery, in the passive
        ("Mexican security forces", "Two bodies were discovered by Mexican security forces "
         "on Tuesday.", "discovered"),
        ("pompiers", "Les blessés ont été secourus par les pompiers.", "secourus"),
        ("la policía", "Los cuerpos fueron hallados por la policía.", "hallados"),
        ("soldiers", "Three men were arrested by soldiers.", "arrested"),
        ("soldiers", "Rescued by soldiers, the hostages went home.", "Rescued"),  # at the start
        # ... not the agent of the harm
        ("soldiers", "Two villagers were killed by soldiers.", None),
        ("soldiers", "The bodies were found by soldiers. Soldiers shot two men.", None),
    ],
)  # fmt: skip
def test_a_responder_is_named_only_arresting_searching_or_rescuing(
    name: str, text: str, response: str | None
) -> None:
    assert responds_only(name, text) == response


def _report(text: str, perpetrators: list[str], targets: list[str]) -> ArticleReport:
    ex = Extraction(is_incident=True, event_type="explosion_remote_violence", country="Mali",
                    perpetrators=perpetrators, targets=targets, title="Bombing",
                    summary="A bombing.")  # fmt: skip
    return to_report(Article(id="a.txt", text=text), ex, [])


def test_the_responder_is_dropped_from_either_side_even_when_the_dictionary_knows_it() -> None:
    text = (
        "A bomb planted by Ansar Dine killed 12 worshippers at a church in Mali on Sunday. "
        "Malian soldiers arrested a suspect, and the police evacuated the wounded."
    )
    r = _report(text, ["Ansar Dine", "Malian soldiers"], ["worshippers", "police"])
    assert [a.name for a in r.perpetrators] == ["Ansar Dine"]
    assert [a.name for a in r.targets] == ["Civilians (Mali)"]
    assert _sides(r) == [
        "perpetrators 'Malian soldiers' is named only as responding to the event "
        "('arrested'), not a side of it; dropped",
        "targets 'police' is named only as responding to the event ('evacuated'), not a "
        "side of it; dropped",
    ]


def test_a_group_that_claims_the_attack_stays_whatever_else_it_does() -> None:
    text = "Ansar Dine claimed responsibility for the blast. Ansar Dine detained two men."
    r = _report(text, ["Ansar Dine"], [])
    assert [a.name for a in r.perpetrators] == ["Ansar Dine"] and _sides(r) == []
