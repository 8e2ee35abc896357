"""The relevance gate: an article with no word of harm, violence or protest costs no model
call; any such word, in English, French or Spanish, sends it to the model."""

from pathlib import Path

import pytest
from conftest import FakeServer
from fakes import scripted

from summarizer.api import Options, daily_brief
from summarizer.normalize.relevance import may_report_incident


@pytest.mark.parametrize(
    "text",
    [
        "The council adopted next year's budget for rural roads.",
        "Grain harvest expected to beat last year's; families who lost livestock need help.",
        "Ministers agreed to resume talks on the river they share.",
        "La récolte de mil sera meilleure que l'an dernier.",
        "El congreso aprobó el presupuesto para las carreteras.",
    ],
)
def test_no_word_of_harm_is_not_an_incident(text: str) -> None:
    assert not may_report_incident(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the village at dawn.",
        "Two people were killed on the road to Gao.",
        "A roadside blast hit a convoy.",
        "Police fired tear gas at the crowd.",
        "Protesters marched on parliament.",
        "Des hommes armés ont attaqué le poste.",
        "Trois personnes ont été tuées.",
        "Une manifestation a dégénéré.",
        "Un tiroteo dejó tres heridos.",
        "Hombres armados secuestraron a dos comerciantes.",
        "Five farmers were abducted.",
        "An air strike hit the market.",
    ],
)
def test_any_word_of_harm_goes_to_the_model(text: str) -> None:
    assert may_report_incident(text)


def test_a_gated_article_sends_no_request_and_is_listed_as_not_an_incident(
    tmp_path: Path, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted({"killed 4": {"event_type": "battle", "killed": "killed 4"}})
    (tmp_path / "budget.txt").write_text("The council adopted its budget for rural roads.\n")
    (tmp_path / "gao.txt").write_text("Gunmen killed 4 traders in Gao, Mali.\n")
    daily, stats = daily_brief([tmp_path], Options(use_cache=False))
    assert len(server.requests) == 1 and stats.live.calls == 1
    assert "Gunmen killed 4" in str(server.requests[0]["messages"])
    assert [a.id for a in daily.not_incidents] == ["budget.txt"]
    assert [i.killed.best if i.killed else None for i in daily.incidents] == [4]
