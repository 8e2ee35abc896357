"""The oracle reads each gold casualty figure where the article states it (the pipeline's
own reader: revision, claim, clause), and stays numbers-only without the text."""

import json
from pathlib import Path

from summarizer.evaluate._figures import located_fact
from summarizer.evaluate.gold import GoldCase, oracle_reports
from summarizer.evaluate.run import EvalOptions, evaluate
from summarizer.reconcile import reconcile

EARLY = "Gunmen killed at least 45 villagers in Kafa on Monday, officials said."
LATER = "The death toll from Monday's attack on Kafa has risen to 60, a local official said."
LATER_FR = "Le bilan de l'attaque de lundi contre Kafa s'est alourdi à 60 morts, selon un élu."
CLAIM = "The group claimed to have killed 90 soldiers in Kafa. The army said 60 soldiers died."


def case(per_article: dict[str, dict[str, object]]) -> GoldCase:
    return GoldCase.model_validate(
        {
            "format": "gold-v1",
            "id": "kafa",
            "articles": [{"file": f} for f in per_article],
            "incident": {"event_type": "battle", "killed": {"min": 60, "max": None}},
            "per_article": per_article,
        }
    )


def test_a_revised_toll_in_the_text_supersedes_the_earlier_count() -> None:
    gold = case({"a.txt": {"killed": {"min": 45}}, "b.txt": {"killed": {"min": 60}}})
    numbers_only = reconcile(oracle_reports(gold)).killed
    assert numbers_only and numbers_only.best == 45  # no wording: the conservative figure
    for later in (LATER, LATER_FR):
        read = reconcile(oracle_reports(gold, {"a.txt": EARLY, "b.txt": later})).killed
        assert read and (read.best, read.low) == (60, 45)


def test_the_fact_is_the_pipelines_reading_of_the_span() -> None:
    fact = located_fact("killed", 60, None, LATER)
    assert fact and fact.revision and fact.min == 60 and "death toll" in fact.quote
    fact = located_fact("killed", 45, None, EARLY)
    assert fact and not fact.revision and fact.quote == "killed at least 45 villagers"
    fact = located_fact("killed", 90, None, CLAIM)
    assert fact and fact.claimed  # the attackers' figure, not a toll
    assert located_fact("killed", 61, None, LATER) is None  # not stated: numbers-only
    assert located_fact("injured", 60, None, LATER) is None  # a death toll is not injured


def test_spanish_exact_count_matches_an_open_gold_max() -> None:
    text = "Al menos 24 personas murieron en el ataque; 80 resultaron heridas."
    fact = located_fact("injured", 80, None, text)  # gold leaves max null for an exact 80
    assert fact and (fact.min, fact.max) == (80, 80) and "heridas" in fact.quote


def test_oracle_leaves_conflicts_its_inputs_cannot_show_unscored(tmp_path: Path) -> None:
    data = {
        "format": "gold-v1",
        "id": "kafa",
        "articles": [{"file": "a.txt"}, {"file": "b.txt"}],
        "incident": {"killed": {"min": 60, "max": None}, "perpetrators": [["gunmen"]]},
        "per_article": {"a.txt": {"killed": {"min": 45}}, "b.txt": {"killed": {"min": 60}}},
        "conflicts": ["killed", "perpetrators"],
    }
    (tmp_path / "kafa.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "a.txt").write_text(EARLY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LATER, encoding="utf-8")
    report = evaluate([tmp_path / "kafa.json"], EvalOptions(mode="oracle"))
    [result] = report.cases
    assert result.unscored_conflicts == ["perpetrators"]
    assert result.fields["conflicts"].tp == 1 and result.fields["conflicts"].fn == 0
    assert result.fields["killed"].exact == 1  # read from the texts beside the gold
