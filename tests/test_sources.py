"""Who told the news is no side of the event: an actor named only as a source is dropped."""

import re

import pytest

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.normalize.sources import said_only, source_at
from summarizer.schemas import ArticleReport, Extraction


def _sides(report: ArticleReport) -> list[str]:
    """The report's warnings but the toll read from the article (no answer gave one)."""
    return [w for w in report.warnings if not w.startswith("killed: none given")]


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("Marnia Council", "Gunmen killed six. Marnia Council said this in a post.", "said"),
        ("the governor", "Gunmen killed six. The governor has said that women died.", "has said"),
        ("gouverneur du Nord", "Le gouverneur du Nord a publié sur X que six sont morts.", "a publié"),
        ("ministerio", "Seis muertos, según el ministerio. El ministerio dijo más.", "según"),
        ("Marnia Council", "Six died, according to Marnia Council.", "according to"),
        ("MFL", "Aid workers and MFL say 56 died. The Marnia Front (MFL) said more died.",
         "say"),
        ("Marnia Council", "According to Marnia Council, six died.", "According to"),
        ("gouverneur du Nord", "Une vidéo partagée par le gouverneur du Nord montre les corps.", "partagée par"),
        ("Marnia Council", "Six died, Marnia Council, which runs the town, said.", None),
        # one mention as a side of the event is enough to keep it
        ("Marnia Council", "Gunmen attacked Marnia Council. Marnia Council said six died.", None),
        ("Marnia Council", "Marnia Council gunmen killed six.", None),
        # a name the article never writes, or only inside another word
        ("Portville Council", "Marnia Council said six died.", None),
        ("Council", "The Councillors said six died.", None),
    ],
)  # fmt: skip
def test_a_source_is_named_only_beside_a_verb_of_saying(
    name: str, text: str, words: str | None
) -> None:
    assert said_only(name, text) == words


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Police said five died.", True),
        ("Five died, according to Police.", True),
        ("According to Police, five died.", True),
        ("Police arrested five.", False),
        ("Police and the army said five died.", False),  # the verb is not right after it
    ],
)
def test_whether_one_mention_is_a_source(text: str, source: bool) -> None:
    mention = re.search("Police", text)
    assert mention is not None and source_at(text, mention) is source


def _report(text: str, perpetrators: list[str], targets: list[str]) -> ArticleReport:
    ex = Extraction(is_incident=True, event_type="violence_against_civilians", country="Mali",
                    perpetrators=perpetrators, targets=targets, title="Attack",
                    summary="An attack.")  # fmt: skip
    return to_report(Article(id="a.txt", text=text), ex, [])


def test_the_speaker_is_dropped_from_either_side_with_a_warning() -> None:
    text = (
        "Gunmen of the Katiba Macina killed 20 villagers in Mali on Sunday. The regional "
        "governor posted on X that women were among the victims, and Marnia Council said "
        "the village was empty."
    )
    r = _report(text, ["Katiba Macina", "regional governor"], ["villagers", "Marnia Council"])
    assert [a.identity for a in r.perpetrators] == ["jnim"]  # the Katiba is JNIM's
    assert [a.name for a in r.targets] == ["Civilians (Mali)"]
    assert _sides(r) == [
        "perpetrators 'regional governor' is named only as a source of the news ('posted'), "
        "not a side of the event; dropped",
        "targets 'Marnia Council' is named only as a source of the news ('said'), not a side "
        "of the event; dropped",
    ]


@pytest.mark.parametrize(
    ("text", "answer", "perpetrator"),
    [
        # a group that speaks to claim the attack is its perpetrator
        ("Ansar Dine said it claimed responsibility for the attack that killed 20.",
         "Ansar Dine", "Ansar Dine"),
        # an actor the dictionary knows: the police who say what they did stay
        ("Police said they fired on the crowd.", "Police", "Police Forces of Mali"),
        # a side of the event once is enough
        ("Ansar Dine gunmen killed 20. Ansar Dine said more would die.", "Ansar Dine",
         "Ansar Dine"),
    ],
)  # fmt: skip
def test_a_speaker_that_acts_claims_or_is_known_stays(
    text: str, answer: str, perpetrator: str
) -> None:
    r = _report(text, [answer], [])
    assert [a.name for a in r.perpetrators] == [perpetrator] and _sides(r) == []


def test_a_target_that_speaks_stays_when_the_dictionary_knows_it() -> None:
    r = _report("Gunmen killed 20. Residents said the gunmen came at dawn.", [], ["Residents"])
    assert [a.name for a in r.targets] == ["Civilians (Mali)"] and _sides(r) == []


def test_whether_the_dictionary_knows_the_speaker_is_read_in_the_incidents_country() -> None:
    """ "Taliban" names the group only where it operates: in Mali, a speaker so called is
    unknown, and dropped; in Afghanistan it is the group, and stays."""
    text = "Gunmen killed 20 in the town. The Taliban said the town was calm."
    mali = _report(text, ["Taliban"], [])
    assert mali.perpetrators == [] and "named only as a source" in _sides(mali)[0]
    ex = Extraction(is_incident=True, event_type="battle", country="Afghanistan",
                    perpetrators=["Taliban"], title="Attack", summary="An attack.")  # fmt: skip
    afghan = to_report(Article(id="a.txt", text=text + " Afghanistan."), ex, [])
    assert [a.identity for a in afghan.perpetrators] == ["taliban"] and _sides(afghan) == []


def test_a_venue_target_that_speaks_stands_for_the_civilians_in_it() -> None:
    text = "Gunmen killed 20. St Mary's church said in a statement that 20 worshippers died."
    r = _report(text, [], ["St Mary's church"])
    assert [a.name for a in r.targets] == ["Civilians (Mali)"] and _sides(r) == []
