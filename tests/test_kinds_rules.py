"""Each fact type's reconcile rule, for any kind: the same reports in any order give the
same brief byte for byte, and the same incidents."""

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kindfolder import write_kind

from summarizer.kinds.group import group_facts
from summarizer.kinds.model import GROUPINGS, Kind
from summarizer.kinds.reconcile import reconcile_facts
from summarizer.kinds.registry import load_kind
from summarizer.kinds.rules import Rules
from summarizer.schemas import ActorFact, ArticleRef, CountFact, DateFact, DateValue, PlaceFact
from summarizer.schemas.facts import FactReport, FactValue


@pytest.fixture(scope="module")
def accident(tmp_path_factory: pytest.TempPathFactory) -> Kind:
    return load_kind(write_kind(Path(tmp_path_factory.mktemp("kinds")) / "accident"))


counts = st.builds(
    lambda lo, extra, revision: CountFact(
        quote=f"{lo} dead", min=lo, max=None if extra is None else lo + extra, revision=revision
    ),
    st.integers(0, 60),
    st.none() | st.integers(0, 10),
    st.booleans(),
)
days = st.builds(
    lambda d, explicit: DateFact(
        quote=f"day {d}",
        value=DateValue(start=dt.date(2026, 5, d), end=dt.date(2026, 5, d), precision="day"),
        explicit=explicit,
    ),
    st.integers(1, 6),
    st.booleans(),
)
places = st.sampled_from(
    [
        PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1),
        PlaceFact(name="Takoradi", quote="Takoradi", geonameid=2294915, precision=1),
        PlaceFact(name="Tema port", quote="Tema port"),
    ]
)
actors = st.lists(
    st.sampled_from(["Tema Oil Refinery", "TOR", "Ghana Gas", "Volta River Authority"]),
    max_size=2,
).map(lambda names: [ActorFact(name=n, aliases=[n], quote=n) for n in names])


@st.composite
def reports(draw: st.DrawFn) -> FactReport:
    facts: dict[str, FactValue] = {}
    if draw(st.booleans()):
        hazard = draw(st.sampled_from(["fire", "explosion", "spill"]))
        facts["hazard"] = FactValue(label=hazard)
    if draw(st.booleans()):
        cause = draw(st.sampled_from(["a gas leak", "A gas leak", "a faulty valve"]))
        facts["cause"] = FactValue(quote=cause, label=cause)
    for name in ("killed", "injured"):
        if (count := draw(st.none() | counts)) is not None:
            facts[name] = FactValue(quote=count.quote, count=count)
    if (day := draw(st.none() | days)) is not None:
        facts["date_text"] = FactValue(quote=day.quote, date=day)
    if (place := draw(st.none() | places)) is not None:
        facts["site"] = FactValue(quote=place.quote, label=place.name, place=place)
    if who := draw(actors):
        facts["operator"] = FactValue(actors=who)
    published = draw(st.none() | st.dates(dt.date(2026, 5, 1), dt.date(2026, 5, 9)))
    ident = draw(st.text("abcdef", min_size=1, max_size=4))
    return FactReport(
        article=ArticleRef(id=f"{ident}.md", published=published),
        kind="accident",
        facts=facts,
        title=draw(st.sampled_from([None, "Fire at Tema", "Blast at refinery"])),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=6), st.randoms(), st.sampled_from(GROUPINGS))
def test_any_order_gives_the_same_brief(
    accident: Kind, batch: list[FactReport], rnd: random.Random, grouping: str
) -> None:
    shuffled = list(batch)
    rnd.shuffle(shuffled)
    first = reconcile_facts(batch, accident).model_dump_json()
    assert reconcile_facts(shuffled, accident).model_dump_json() == first
    kind = replace(accident, grouping=grouping)
    grouped = [[r.model_dump_json() for r in g] for g in group_facts(batch, kind)]
    assert [[r.model_dump_json() for r in g] for g in group_facts(shuffled, kind)] == grouped


def _report(ident: str, published: str, **facts: FactValue) -> FactReport:
    return FactReport(
        article=ArticleRef(id=ident, published=dt.date.fromisoformat(published)),
        kind="accident",
        facts=facts,
    )


def test_each_fact_type_rule_names_itself(accident: Kind) -> None:
    early = _report(
        "a.md",
        "2026-05-05",
        hazard=FactValue(label="fire"),
        killed=FactValue(count=CountFact(quote="three killed", min=3, max=3)),
        cause=FactValue(label="a gas leak"),
    )
    later = _report(
        "b.md",
        "2026-05-06",
        hazard=FactValue(label="explosion"),
        killed=FactValue(count=CountFact(quote="toll rose to 4", min=4, max=4, revision=True)),
    )
    third = _report("c.md", "2026-05-06", hazard=FactValue(label="explosion"))
    brief = reconcile_facts([later, third, early], accident)
    hazard, killed, cause = (brief.fact(f) for f in ("hazard", "killed", "cause"))
    assert hazard is not None and hazard.value == "explosion"
    assert killed is not None and killed.count is not None and killed.count.best == 4
    assert killed.count.low == 3
    assert cause is not None and cause.value == "a gas leak"
    rules = [(c.field, c.rule, c.chosen) for c in brief.conflicts]
    assert ("hazard", "category.majority", "explosion") in rules
    assert ("killed", "count.revision_supersedes", "4") in rules


def test_a_report_without_a_place_joins_the_only_incident_of_its_category(accident: Kind) -> None:
    tema = PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1)
    placed = _report(
        "a.md", "2026-05-05", hazard=FactValue(label="fire"), site=FactValue(place=tema)
    )
    same = _report("b.md", "2026-05-05", hazard=FactValue(label="fire"))
    unstated = _report("c.md", "2026-05-05")
    other = _report("d.md", "2026-05-05", hazard=FactValue(label="spill"))
    groups = [
        [r.article.id for r in g] for g in group_facts([other, unstated, same, placed], accident)
    ]
    assert groups == [["a.md", "b.md"], ["c.md"], ["d.md"]]


def test_spans_that_differ_only_in_case_are_one_value(accident: Kind) -> None:
    one = _report("a.md", "2026-05-05", cause=FactValue(label="A gas leak"))
    two = _report("b.md", "2026-05-06", cause=FactValue(label="a gas leak"))
    three = _report("c.md", "2026-05-06", cause=FactValue(label="a gas leak"))
    other = _report("d.md", "2026-05-04", cause=FactValue(label="a faulty valve"))
    brief = reconcile_facts([three, other, two, one], accident)
    cause = brief.fact("cause")
    assert cause is not None and cause.value == "a gas leak"  # the spelling most sources use
    assert cause.sources == ["a.md", "b.md", "c.md"]
    [conflict] = brief.conflicts
    assert conflict.rule == "span.majority"
    assert [(v.value, v.articles) for v in conflict.values] == [
        ("a faulty valve", ["d.md"]),
        ("a gas leak", ["a.md", "b.md", "c.md"]),
    ]
    alone = reconcile_facts([one, two], accident)
    first = alone.fact("cause")  # a tie of spellings: the earliest report's
    assert alone.conflicts == [] and first is not None and first.value == "A gas leak"


KASESE = PlaceFact(name="Kasese", quote="Kasese", geonameid=232066, precision=1)


def _ids(groups: list[list[FactReport]]) -> list[list[str]]:
    return [[r.article.id for r in g] for g in groups]


def test_a_key_fact_stated_differently_splits_one_place_into_two_incidents() -> None:
    outbreak = load_kind("outbreak")
    at = {"place": FactValue(place=KASESE)}
    cholera = _report("a.md", "2026-05-05", pathogen=FactValue(label="Cholera"), **at)
    measles = _report("b.md", "2026-05-05", pathogen=FactValue(label="measles"), **at)
    vibrio = _report("c.md", "2026-05-05", pathogen=FactValue(label="cholera outbreak"), **at)
    silent = _report("d.md", "2026-05-05", **at)
    reports = [measles, silent, vibrio, cholera]
    assert _ids(group_facts(reports, outbreak)) == [["a.md", "c.md", "d.md"], ["b.md"]]
    for _ in range(5):
        random.shuffle(reports)
        assert _ids(group_facts(reports, outbreak)) == [["a.md", "c.md", "d.md"], ["b.md"]]


def test_a_report_without_a_place_joins_the_only_incident_of_its_key() -> None:
    outbreak = load_kind("outbreak")
    placed = _report(
        "a.md", "2026-05-05", pathogen=FactValue(label="Lassa fever"), place=FactValue(place=KASESE)
    )
    same = _report("b.md", "2026-05-06", pathogen=FactValue(label="Lassa"))
    other = _report("c.md", "2026-05-06", pathogen=FactValue(label="cholera"))
    unstated = _report("d.md", "2026-05-06")
    groups = _ids(group_facts([unstated, other, same, placed], outbreak))
    assert groups == [["a.md", "b.md"], ["c.md"], ["d.md"]]


def test_a_category_that_is_no_key_does_not_split_a_place(accident: Kind) -> None:
    tema = PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1)
    fire = _report("a.md", "2026-05-05", hazard=FactValue(label="fire"), site=FactValue(place=tema))
    blast = _report(
        "b.md", "2026-05-05", hazard=FactValue(label="explosion"), site=FactValue(place=tema)
    )
    assert _ids(group_facts([blast, fire], accident)) == [["a.md", "b.md"]]


def test_a_report_that_revises_one_count_is_the_later_one_for_the_others(accident: Kind) -> None:
    """ "The toll rose to 8 ... 12 injured": that report's injured figure replaces the
    earlier 10, though it carries no "rose" of its own (same day: no later_supersedes)."""

    def report(ident: str, killed: CountFact, injured: int) -> FactReport:
        hurt = CountFact(quote=f"{injured} injured", min=injured, max=injured)
        return FactReport(
            article=ArticleRef(id=ident, published=dt.date(2026, 5, 2)),
            kind="accident",
            facts={
                "killed": FactValue(quote=killed.quote, count=killed),
                "injured": FactValue(quote=hurt.quote, count=hurt),
            },
        )

    first = report("a.md", CountFact(quote="5 dead", min=5, max=5), 10)
    rose = CountFact(quote="the toll rose to 8", min=8, max=8, revision=True, earlier=[5])
    later = report("b.md", rose, 12)
    for order in ([first, later], [later, first]):
        brief = reconcile_facts(order, accident)
        injured = brief.fact("injured")
        assert injured is not None and injured.count is not None
        assert injured.count.best == 12
        assert ("injured", "count.update_carries") in {(c.field, c.rule) for c in brief.conflicts}


def _blamed(ident: str, *actors: ActorFact) -> FactReport:
    return FactReport(
        article=ArticleRef(id=ident, published=dt.date(2026, 5, 2)),
        kind="conflict",
        facts={"perpetrators": FactValue(actors=list(actors))},
    )


def test_a_field_of_acleds_perpetrator_role_is_settled_by_that_roles_rules() -> None:
    """Read by the fact types alone (no kind rules), a Who("perpetrators") field gets the
    perpetrators' rules: the unnamed attackers join the group another source blames, and
    sources that blame different groups are reported; an actor of another role does not."""
    kind = replace(load_kind("conflict"), rules=Rules())
    group = ActorFact(
        name="Boko Haram", quote="Boko Haram", identity="boko-haram", category="group"
    )
    gunmen = ActorFact(
        name="gunmen", quote="gunmen", identity="unidentified:NG", category="unidentified"
    )
    other = ActorFact(name="ISWAP", quote="ISWAP", identity="iswap", category="group")
    for order in (
        [_blamed("a", group), _blamed("b", gunmen)],
        [_blamed("b", gunmen), _blamed("a", group)],
    ):
        brief = reconcile_facts(order, kind)
        found = brief.fact("perpetrators")
        assert found is not None and [a.name for a in found.actors] == ["Boko Haram"]
        assert [(c.field, c.rule) for c in brief.conflicts] == [
            ("perpetrators", "actors.named_over_generic")
        ]
        assert found.label == "Boko Haram [as: gunmen]"  # what the other source called it
    suspected = group.model_copy(update={"attribution": "suspected"})
    shown = reconcile_facts([_blamed("a", suspected)], kind).fact("perpetrators")
    assert shown is not None and shown.label == "Boko Haram (suspected)"
    split = reconcile_facts([_blamed("a", group), _blamed("c", other)], kind)
    assert [(c.field, c.rule) for c in split.conflicts] == [
        ("perpetrators", "actors.distinct_groups")
    ]
    targets = [
        r.model_copy(update={"facts": {"targets": r.facts["perpetrators"]}})
        for r in (_blamed("a", group), _blamed("c", other))
    ]
    assert reconcile_facts(targets, kind).conflicts == []


def _seen(ident: str, day: int, *names: str, **facts: FactValue) -> FactReport:
    return FactReport(
        article=ArticleRef(id=ident, published=dt.date(2026, 5, day)),
        kind="accident",
        facts=facts,
        names=list(names),
    )


def _on(day: int) -> FactValue:
    value = DateValue(start=dt.date(2026, 5, day), end=dt.date(2026, 5, day), precision="day")
    return FactValue(date=DateFact(quote=f"May {day}", value=value, explicit=True))


def test_grouped_as_events_a_day_apart_at_one_place_are_two_incidents(accident: Kind) -> None:
    """`grouping: event` scores each pair as the conflict kind's clusterer does: one
    place on one day joins, one place on days far apart does not (as `place` would); the
    articles' shared proper names count; a key fact stated differently still splits."""
    tema = FactValue(place=PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1))
    first = _seen("a.md", 5, "tema", "ghana gas", site=tema, date_text=_on(4))
    same = _seen("b.md", 5, "tema", "ghana gas", site=tema, date_text=_on(4))
    later = _seen("c.md", 9, "tema", site=tema, date_text=_on(9))
    events = replace(accident, grouping="event")
    assert _ids(group_facts([later, same, first], events)) == [["a.md", "b.md"], ["c.md"]]
    assert _ids(group_facts([later, same, first], accident)) == [["a.md", "b.md", "c.md"]]
    undated = [r.model_copy(update={"facts": {"site": tema}, "names": []}) for r in (first, same)]
    assert _ids(group_facts(undated, events)) == [["a.md"], ["b.md"]]  # a place alone: 3 < 4
    outbreak = replace(load_kind("outbreak"), grouping="event")
    at = {"place": FactValue(place=KASESE), "date_text": _on(4)}
    cholera = _seen("a.md", 5, pathogen=FactValue(label="cholera"), **at)
    measles = _seen("b.md", 5, pathogen=FactValue(label="measles"), **at)
    assert _ids(group_facts([measles, cholera], outbreak)) == [["a.md"], ["b.md"]]


def test_grouped_by_place_the_most_precise_place_decides() -> None:
    """Two towns of one country are two incidents (the town, not the shared country, is the
    key); a place the gazetteer could not find is keyed by its folded name, never by a
    missing id or code."""
    outbreak = load_kind("outbreak")
    ghana = FactValue(place=PlaceFact(name="Ghana", quote="Ghana", code="GH"))
    tema = FactValue(place=PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1))
    takoradi = FactValue(
        place=PlaceFact(name="Takoradi", quote="Takoradi", geonameid=2294915, precision=1)
    )
    a = _seen("a.md", 5, country=ghana, place=tema)
    b = _seen("b.md", 5, country=ghana, place=takoradi)
    c = _seen("c.md", 5, country=ghana)
    assert sorted(_ids(group_facts([c, b, a], outbreak))) == [["a.md"], ["b.md"], ["c.md"]]
    assert _ids(
        group_facts([c, c.model_copy(update={"article": ArticleRef(id="d.md")})], outbreak)
    ) == [["c.md", "d.md"]]
    port = _seen("e.md", 5, place=FactValue(place=PlaceFact(name="Tema port", quote="Tema port")))
    market = _seen("f.md", 5, place=FactValue(place=PlaceFact(name="Kumasi market", quote="x")))
    same = _seen("g.md", 6, place=FactValue(place=PlaceFact(name="TEMA Port", quote="TEMA Port")))
    assert sorted(_ids(group_facts([same, market, port], outbreak))) == [["e.md", "g.md"], ["f.md"]]


def test_grouped_as_events_the_event_type_names_and_words_count() -> None:
    """Each signal the conflict kind's clusterer reads reaches it from the fact types: one
    place a day apart joins with the same ACLED event type (3 + 1 + 1) and not with
    another (3 + 1 - 1); reports without a place on one day join on four shared proper
    names (2 + 2), or six distinctive words of their titles, or of their summaries."""
    kind = replace(load_kind("conflict"), grouping="event")
    tema = FactValue(place=PlaceFact(name="Tema", quote="Tema", geonameid=2294700, precision=1))

    def seen(ident: str, day: int, **rest: object) -> FactReport:
        facts = {k: v for k, v in rest.items() if isinstance(v, FactValue)}
        other = {k: v for k, v in rest.items() if not isinstance(v, FactValue)}
        report = _seen(ident, 5, date_text=_on(day), **facts).model_copy(update=other)
        return report.model_copy(update={"kind": "conflict"})

    battle, protest = FactValue(label="battle"), FactValue(label="protest")
    a = seen("a.md", 4, town=tema, event_type=battle)
    assert len(group_facts([a, seen("b.md", 5, town=tema, event_type=battle)], kind)) == 1
    assert len(group_facts([a, seen("c.md", 5, town=tema, event_type=protest)], kind)) == 2
    names = ["kofi annan", "ama ata aidoo", "jerry rawlings", "kwame nkrumah"]
    words = "Refinery blaze engulfs storage tanks near harbour"
    for shared in ({"names": names}, {"title": words}, {"summary": words}):
        pair = [seen("d.md", 4, **shared), seen("e.md", 4, **shared)]
        assert len(group_facts(pair, kind)) == 1, shared
        assert len(group_facts([seen("d.md", 4), seen("e.md", 4)], kind)) == 2


def test_a_brief_keeps_every_sources_title_and_summary_and_names_its_model(
    accident: Kind,
) -> None:
    early = _report("a.md", "2026-05-05", hazard=FactValue(label="fire"))
    later = _report("b.md", "2026-05-06", hazard=FactValue(label="fire"))
    early = early.model_copy(update={"title": "Fire at Tema", "summary": "A tank burned."})
    later = later.model_copy(update={"summary": "Three died."})
    brief = reconcile_facts([later, early], accident, model="local/qwen")
    assert [(s.article_id, s.title, s.summary) for s in brief.summaries] == [
        ("a.md", "Fire at Tema", "A tank burned."),
        ("b.md", None, "Three died."),
    ]
    assert (brief.title, brief.model, [f.field for f in brief.facts]) == (
        "Fire at Tema",
        "local/qwen",
        ["hazard"],
    )


def test_with_no_publication_date_the_full_days_a_text_writes_give_the_year() -> None:
    """ "June 22" in two undated reports, and a third that writes "On June 24, 2025, the
    group claimed the bombing of June 22, 2025": the day is June 22, 2025."""
    conflict = load_kind("conflict")

    def undated(ident: str, quote: str, days: list[str]) -> FactReport:
        written = [dt.date.fromisoformat(d) for d in days]
        value = DateValue(start=written[-1], end=written[-1], precision="day") if days else None
        when = DateFact(quote=quote, value=value, explicit=True)
        return FactReport(
            article=ArticleRef(id=ident),
            kind="conflict",
            facts={"date_text": FactValue(quote=quote, date=when)},
            days=written,
        )

    reports = [
        undated("a", "June 22", []),
        undated("b", "22 de junio", []),
        undated("c", "June 24, 2025", ["2025-06-22", "2025-06-24"]),
    ]
    when = reconcile_facts(reports, conflict).fact("date_text")
    assert when is not None and when.date is not None
    assert (when.date.start, when.date.end) == (dt.date(2025, 6, 22),) * 2
    assert when.date.undated_anchor == ["a", "b"]
