"""A user's kind gets what the fact types bring when the article is read and the sources
settled, with no code of its own: ACLED's actor roles are identified through the actor
dictionary (with the attribution the article gives) and, for a source that placed nothing,
in the incident's country; other roles are kept as written; a date field may drop a date
the article only recalls."""

import sys
from datetime import date
from pathlib import Path

import pytest
from kindfolder import write_kind

from summarizer.articles import Article
from summarizer.kinds.model import Kind
from summarizer.kinds.reconcile import reconcile_facts
from summarizer.kinds.registry import load_kind
from summarizer.kinds.report import to_fact_report

SCHEMA = """
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from summarizer.kinds.facts import Category, Flag, NameText, SpanText, When, Where, Who
from summarizer.normalize.event_type import acled_definition

SEEN = []


def loud(value, facts, text):
    SEEN.append(sorted(type(f).__name__ for f, _ in facts))
    return value.upper(), f"{value} shouted (tone.loud)" if value == "calm" else None


class Raid(BaseModel):
    is_incident: Annotated[bool, Flag()] = True
    event: Annotated[
        Literal["battle", "violence_against_civilians", "explosion_remote_violence"] | None,
        Category(check=acled_definition),
    ] = None
    tone: Annotated[Literal["calm", "tense"] | None, Category(check=loud)] = None
    date_text: Annotated[SpanText | None, When(drop_background=True)] = None
    country: Annotated[NameText | None, Where("country")] = None
    attackers: Annotated[list[NameText], Who("perpetrators")] = Field(default_factory=list)
    victims: Annotated[list[NameText], Who("targets")] = Field(default_factory=list)
    witnesses: Annotated[list[NameText], Who("witness")] = Field(default_factory=list)
    recalled: Annotated[SpanText | None, When()] = None
"""

TEXT = (
    "Suspected JNIM fighters attacked an army post in Mali on Friday, killing soldiers, "
    "residents said. The same post was attacked on November 13, 2018."
)


@pytest.fixture(scope="module")
def raid(tmp_path_factory: pytest.TempPathFactory) -> Kind:
    folder = write_kind(Path(tmp_path_factory.mktemp("kinds")) / "raid")
    (folder / "schema.py").write_text(SCHEMA)
    text = (folder / "kind.yaml").read_text().replace("schema.py:Accident", "schema.py:Raid")
    (folder / "kind.yaml").write_text(text.replace("gold_fields: [", "gold_fields: [date, "))
    return load_kind(folder)


def _read(kind: Kind, text: str = TEXT, **answer: object) -> dict[str, object]:
    article = Article(id="a.txt", text=text, published=date(2023, 3, 4))
    report = to_fact_report(article, kind.schema.model_validate(answer), kind, [])
    return {"facts": report.facts, "warnings": report.warnings}


def test_acled_roles_are_identified_and_attributed_other_roles_kept_as_written(
    raid: Kind,
) -> None:
    read = _read(
        raid,
        country="Mali",
        attackers=["JNIM fighters"],
        victims=["soldiers"],
        witnesses=["residents"],
    )
    facts = read["facts"]
    assert isinstance(facts, dict)
    [attacker] = facts["attackers"].actors
    assert attacker.identity is not None and "JNIM" in attacker.aliases
    assert attacker.attribution == "suspected"  # "Suspected JNIM fighters"
    [victim] = facts["victims"].actors
    assert victim.name == "Military Forces of Mali" and victim.category == "military"
    [witness] = facts["witnesses"].actors
    assert (witness.name, witness.identity, witness.attribution) == ("residents", None, "stated")


def test_a_date_field_may_drop_a_date_the_article_only_recalls(raid: Kind) -> None:
    read = _read(raid, date_text="November 13, 2018", recalled="November 13, 2018")
    facts, warnings = read["facts"], read["warnings"]
    assert isinstance(facts, dict) and isinstance(warnings, list)
    assert facts["date_text"].date.value is None  # dropped, with the reason
    assert any(w.startswith("date 'November 13, 2018'") and "dropped" in w for w in warnings)
    kept = facts["recalled"].date.value  # the same words in a field that keeps them
    assert kept is not None and kept.start == date(2018, 11, 13)


def test_a_country_told_by_demonyms_is_quoted_from_the_targets(raid: Kind) -> None:
    text = "Nigerian gunmen attacked Nigerian soldiers at a checkpoint on Friday."
    read = _read(raid, text, attackers=["Nigerian gunmen"], victims=["Nigerian soldiers"])
    facts = read["facts"]
    assert isinstance(facts, dict)
    place = facts["country"].place
    assert (place.code, place.quote) == ("NG", "Nigerian soldiers")


def test_actors_a_source_left_unplaced_are_identified_in_the_incidents_country(
    raid: Kind,
) -> None:
    placed = Article(id="a.txt", text="JNIM attacked soldiers in Mali on Friday.")
    unplaced = Article(id="b.txt", text="Fighters attacked soldiers at a post on Friday.")
    reports = [
        to_fact_report(a, raid.schema.model_validate(answer), raid, [])
        for a, answer in (
            (placed, {"country": "Mali", "victims": ["soldiers"]}),
            (unplaced, {"victims": ["soldiers"]}),
        )
    ]
    assert reports[1].facts["victims"].actors[0].name != "Military Forces of Mali"
    victims = reconcile_facts(reports, raid).fact("victims")
    assert victims is not None
    [soldiers] = victims.actors
    assert soldiers.name == "Military Forces of Mali"
    assert {e.article_id for e in soldiers.evidence} == {"a.txt", "b.txt"}


def test_a_source_placed_in_another_country_keeps_its_own_identification(raid: Kind) -> None:
    """Two sources place the incident in Mali, a third in Niger: its soldiers are Niger's
    forces still (a cross-border raid has two), not re-identified as Mali's."""
    answers = [
        ("a.txt", "Soldiers were attacked in Mali on Friday.", "Mali"),
        ("b.txt", "Soldiers were attacked in Mali on Friday.", "Mali"),
        ("c.txt", "Soldiers were attacked in Niger on Friday.", "Niger"),
    ]
    reports = [
        to_fact_report(
            Article(id=i, text=text),
            raid.schema.model_validate({"country": country, "victims": ["Soldiers"]}),
            raid,
            [],
        )
        for i, text, country in answers
    ]
    victims = reconcile_facts(reports, raid).fact("victims")
    assert victims is not None
    assert sorted(a.name for a in victims.actors) == [
        "Military Forces of Mali",
        "Military Forces of Niger",
    ]


def test_a_name_the_dictionary_lacks_is_one_actor_under_its_written_names(raid: Kind) -> None:
    """A group the dictionary does not know, named in full and by its acronym: one actor,
    no identity, both wordings kept (sorted as names compare)."""
    text = "Fighters of Ansar al-Wadi (AAW) attacked a convoy on Friday. AAW fled."
    read = _read(raid, text, country="Mali", attackers=["Ansar al-Wadi (AAW)", "AAW"])
    facts = read["facts"]
    assert isinstance(facts, dict)
    [group] = facts["attackers"].actors
    assert (group.name, group.aliases) == ("Ansar al-Wadi", ["AAW", "Ansar al-Wadi"])
    assert (group.identity, group.category, group.attribution) == (None, None, "stated")


def test_only_perpetrators_carry_an_attribution(raid: Kind) -> None:
    """ "Suspected smugglers" as targets: the word describes them, it attributes nothing."""
    text = "Gunmen attacked suspected smugglers near Gao, Mali, on Friday."
    read = _read(raid, text, country="Mali", victims=["suspected smugglers"])
    facts = read["facts"]
    assert isinstance(facts, dict)
    [victims] = facts["victims"].actors
    assert victims.attribution == "stated" and victims.name == "smugglers"


@pytest.fixture(scope="module")
def accident(tmp_path_factory: pytest.TempPathFactory) -> Kind:
    return load_kind(write_kind(Path(tmp_path_factory.mktemp("kinds")) / "accident"))


def test_each_fact_keeps_the_words_it_was_read_from(accident: Kind) -> None:
    """What the brief's evidence quotes: the count's clause, the date and span as written;
    a category is a judgement, with no words of the article behind it."""
    text = "A fire at the Tema refinery killed three workers on Monday. A gas leak caused it."
    article = Article(id="a.txt", text=text, published=date(2026, 5, 5))
    answer = {"is_incident": True, "hazard": "fire", "date_text": "Monday", "cause": "A gas leak",
              "killed": "killed three workers", "operator": ["Tema refinery"]}  # fmt: skip
    facts = to_fact_report(article, accident.schema.model_validate(answer), accident, []).facts
    assert facts["killed"].quote == "killed three workers" and facts["killed"].count is not None
    assert (facts["date_text"].quote, facts["cause"].quote) == ("Monday", "A gas leak")
    assert (facts["hazard"].quote, facts["hazard"].label) == (None, "fire")
    assert facts["cause"].label == "A gas leak"
    assert [a.name for a in facts["operator"].actors] == ["Tema refinery"]
    assert "injured" not in facts  # no span: no fact


def test_a_category_check_recodes_the_answer_from_the_other_facts_and_says_why(
    raid: Kind,
) -> None:
    """The conflict kind's event-type check is a Category's check like any: here in a
    user's schema, the targets are the Who("targets") field's actors, whatever its name."""
    read = _read(raid, event="violence_against_civilians", country="Mali", victims=["soldiers"])
    facts = read["facts"]
    assert isinstance(facts, dict) and facts["event"].label == "battle"
    assert read["warnings"] == [
        "event type violence_against_civilians read as battle: the targets are armed forces, "
        "not civilians (event_type.acled_definition)"
    ]
    kept = _read(raid, event="violence_against_civilians", victims=["villagers"])
    assert isinstance(kept["facts"], dict) and kept["facts"]["event"].label == (
        "violence_against_civilians"
    )
    assert kept["warnings"] == []


def test_a_category_check_sees_the_other_read_facts_and_only_for_an_incident(raid: Kind) -> None:
    module = sys.modules[raid.schema.__module__]
    module.SEEN.clear()
    read = _read(raid, tone="calm", country="Mali", attackers=["JNIM fighters"])
    assert isinstance(read["facts"], dict) and read["facts"]["tone"].label == "CALM"
    assert read["warnings"] == ["calm shouted (tone.loud)"]
    assert module.SEEN == [["Where", "Who"]]  # the facts read beside it, not itself
    module.SEEN.clear()
    quiet = _read(raid, is_incident=False, tone="calm")
    assert isinstance(quiet["facts"], dict) and quiet["facts"]["tone"].label == "calm"
    assert quiet["warnings"] == [] and module.SEEN == []


def test_a_kind_s_acled_roles_keep_one_side_each(raid: Kind) -> None:
    """actors.role_majority, as for the built-in brief: two sources have the soldiers
    attacked, one has them attacking; the witnesses' role is not one of ACLED's."""
    text = "JNIM and Ansar al-Wadi fighters attacked soldiers in Mali on Friday, villagers said."
    answers = [
        ("a.txt", {"attackers": ["JNIM"], "victims": ["soldiers"]}),
        (
            "b.txt",
            {
                "attackers": ["JNIM", "Ansar al-Wadi"],
                "victims": ["soldiers"],
                "witnesses": ["villagers"],
            },
        ),
        ("c.txt", {"attackers": ["soldiers"], "victims": ["JNIM"], "witnesses": ["soldiers"]}),
    ]
    reports = [
        to_fact_report(Article(id=i, text=text), raid.schema.model_validate(a), raid, [])
        for i, a in answers
    ]
    brief = reconcile_facts(reports, raid)
    attackers, victims = brief.fact("attackers"), brief.fact("victims")
    assert attackers is not None and victims is not None
    assert len(attackers.actors) == 2 and "military" not in [a.identity for a in attackers.actors]
    assert attackers.label == "; ".join(a.name for a in attackers.actors)  # follows them
    assert [a.identity for a in victims.actors] == ["military"]
    witnesses = brief.fact("witnesses")
    assert witnesses is not None and len(witnesses.actors) == 2
    roles = [(c.field, c.rule) for c in brief.conflicts if c.rule == "actors.role_majority"]
    assert roles == [("attackers", "actors.role_majority"), ("victims", "actors.role_majority")]
