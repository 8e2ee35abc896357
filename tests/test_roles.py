"""actors.role_majority: one side of an incident is not also the other, through the
reconciler (the merged actors' sources count) and on the rule's own ties."""

from summarizer.normalize.roles import separate_roles
from summarizer.reconcile import reconcile
from summarizer.schemas import Actor, ActorFact, ArticleRef, ArticleReport, Evidence


def report(aid: str, perpetrators: list[str], targets: list[str]) -> ArticleReport:
    def facts(names: list[str]) -> list[ActorFact]:
        return [ActorFact(name=n, quote=n) for n in names]

    return ArticleReport(
        article=ArticleRef(id=aid),
        event_type="battle",
        perpetrators=facts(perpetrators),
        targets=facts(targets),
    )


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def test_a_swapped_report_is_outvoted_both_ways() -> None:
    brief = reconcile(
        [
            report("a", ["Wagner Group"], ["Tuareg rebels"]),
            report("b", ["Wagner Group"], ["Tuareg rebels"]),
            report("c", ["Tuareg rebels"], ["Wagner Group"]),
        ]
    )
    assert names(brief.perpetrators) == ["Wagner Group"]
    assert names(brief.targets) == ["Tuareg rebels"]
    found = {c.field: c for c in brief.conflicts if c.rule == "actors.role_majority"}
    assert sorted(found) == ["perpetrators", "targets"]
    assert found["perpetrators"].chosen == "Wagner Group"
    assert [(v.value, v.articles) for v in found["perpetrators"].values] == [
        ("Tuareg rebels (as perpetrator)", ["c"]),
        ("Tuareg rebels (as target)", ["a", "b"]),
    ]
    assert found["targets"].chosen == "Tuareg rebels"
    assert [(v.value, v.articles) for v in found["targets"].values] == [
        ("Wagner Group (as perpetrator)", ["a", "b"]),
        ("Wagner Group (as target)", ["c"]),
    ]


def test_on_a_tie_the_victims_stay_targets_when_someone_else_is_blamed() -> None:
    brief = reconcile(
        [
            report("a", ["Burkinabe soldiers"], ["Burkinabe soldiers"]),
            report("b", ["Burkinabe soldiers", "Islamic State"], ["Burkinabe soldiers"]),
            report("c", ["Ansarul Islam"], []),
        ]
    )
    assert len(brief.perpetrators) == 2
    assert names(brief.targets) == ["Burkinabe soldiers"]
    [roles] = [c for c in brief.conflicts if c.rule == "actors.role_majority"]
    assert (roles.field, roles.chosen) == ("perpetrators", "; ".join(names(brief.perpetrators)))
    assert "Burkinabe soldiers" not in str(roles.chosen)


def actor(name: str, *sources: str, identity: str | None = None) -> Actor:
    evidence = [Evidence(article_id=s, quote=name) for s in sources]
    return Actor(name=name, identity=identity, evidence=evidence)


def test_on_a_tie_with_no_one_else_blamed_both_roles_stay() -> None:
    perpetrators, targets = [actor("Soldiers", "a")], [actor("soldiers", "b")]
    assert separate_roles(perpetrators, targets) == (perpetrators, targets, [])


def test_actors_are_one_by_identity_else_by_name() -> None:
    police = [actor("Kenya Police", "a", "b", identity="police:KE")]
    other = [actor("Police Forces of Kenya", "c", identity="police:KE")]
    kept, targets, conflicts = separate_roles(police, other)
    assert (kept, targets, [c.field for c in conflicts]) == (police, [], ["targets"])
    unrelated = [actor("Kenya Police", "c", identity="police:UG")]
    assert separate_roles(police, unrelated) == (police, unrelated, [])
    # each source counts once, however many quotes it gives
    twice = [actor("Gunmen", "a", "a", "a")]
    assert separate_roles(twice, [actor("gunmen", "b", "c")])[:2] == (
        [],
        [actor("gunmen", "b", "c")],
    )
