"""Rule-by-rule behaviour: inputs -> brief fields, independent of how the rules are coded.

Each test pins one documented rule with the smallest case that tells it apart from its
plausible mistakes (minority wins, precedence reversed, single linkage, attribution lost).
"""

from datetime import date
from typing import Any

import pytest
from conftest import FakeServer
from fakes import scripted

from summarizer import Article, summarize
from summarizer.cluster import cluster
from summarizer.reconcile import reconcile
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    DateFact,
    DateValue,
    PlaceFact,
)
from summarizer.schemas.common import EVENT_TYPES


def _report(aid: str, published: str | None = None, **facts: Any) -> ArticleReport:
    ref = ArticleRef(id=aid, published=date.fromisoformat(published) if published else None)
    return ArticleReport(article=ref, **({"event_type": "battle"} | facts))


def _place(name: str) -> PlaceFact:
    return PlaceFact(name=name, quote=name)


def _on(iso: str) -> DateFact:
    d = date.fromisoformat(iso)
    return DateFact(quote=iso, value=DateValue(start=d, end=d, precision="day"))


def _rule(brief: Any, field: str) -> tuple[str, str | None]:
    [conflict] = [c for c in brief.conflicts if c.field == field]
    return conflict.rule, conflict.chosen


# place.majority / place.earliest_report


def test_place_majority_beats_the_earliest_report() -> None:
    reports = [
        _report("a", "2025-03-01", location=_place("Anefis")),  # earliest, but alone
        _report("b", "2025-03-02", location=_place("Tessalit")),
        _report("c", "2025-03-03", location=_place("Tessalit")),
    ]
    brief = reconcile(reports)
    assert brief.location is not None and brief.location.name == "Tessalit"
    assert _rule(brief, "location") == ("place.majority", "Tessalit")


def test_place_tie_goes_to_the_earliest_report() -> None:
    reports = [
        _report("z", "2025-03-01", location=_place("Tessalit")),  # earliest; id sorts last
        _report("a", "2025-03-02", location=_place("Anefis")),
    ]
    brief = reconcile(reports)
    assert brief.location is not None and brief.location.name == "Tessalit"
    assert _rule(brief, "location") == ("place.earliest_report", "Tessalit")


# event_type.majority / event_type.precedence


def test_event_type_majority() -> None:
    brief = reconcile(
        [
            _report("a", event_type="battle"),
            _report("b", event_type="protest"),
            _report("c", event_type="protest"),
        ]
    )
    assert brief.event_type == "protest"
    assert _rule(brief, "event_type") == ("event_type.majority", "protest")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("battle", "violence_against_civilians"),
        ("explosion_remote_violence", "riot"),
        ("protest", "other"),
    ],
)
def test_event_type_tie_follows_the_fixed_precedence(one: str, other: str) -> None:
    """ACLED's order: the type listed first in EVENT_TYPES wins a tie, whatever the order."""
    first = min(one, other, key=EVENT_TYPES.index)
    for pair in ((one, other), (other, one)):
        brief = reconcile([_report("a", event_type=pair[0]), _report("b", event_type=pair[1])])
        assert brief.event_type == first
        assert _rule(brief, "event_type") == ("event_type.precedence", first)


def test_event_type_tie_prefers_violence_over_a_protest() -> None:
    """Spelled out, so reordering EVENT_TYPES itself cannot pass unnoticed."""
    brief = reconcile([_report("a", event_type="protest"), _report("b", event_type="battle")])
    assert brief.event_type == "battle"
    brief = reconcile([_report("a", event_type="riot"), _report("b", event_type="other")])
    assert brief.event_type == "riot"


# The headline keeps attribution.


def test_headline_marks_suspected_perpetrators() -> None:
    suspect = ActorFact(name="JNIM", attribution="suspected", quote="suspected JNIM")
    brief = reconcile([_report("a", perpetrators=[suspect], country=_place("Mali"))])
    assert "Perpetrators: JNIM (suspected)." in brief.headline
    claimed = ActorFact(name="JNIM", attribution="claimed", quote="JNIM")
    brief = reconcile([_report("a", perpetrators=[claimed], country=_place("Mali"))])
    assert "Perpetrators: JNIM (claimed)." in brief.headline and "suspected" not in brief.headline
    stated = ActorFact(name="JNIM", attribution="stated", quote="JNIM")
    brief = reconcile([_report("a", perpetrators=[stated], country=_place("Mali"))])
    assert "Perpetrators: JNIM." in brief.headline


# Complete linkage: a chain of near matches must not glue two incidents.


def test_chain_of_near_matches_is_not_one_incident() -> None:
    """A~B and B~C (a day apart each), but A and C are two days apart: incompatible."""
    common: dict[str, Any] = {"country": _place("Mali"), "location": _place("Gao")}
    reports = [
        _report("a", date=_on("2025-03-01"), **common),
        _report("b", date=_on("2025-03-02"), **common),
        _report("c", date=_on("2025-03-03"), **common),
    ]
    groups = [[r.article.id for r in g] for g in cluster(reports)]
    assert sorted(map(len, groups)) == [1, 2]
    assert not any({"a", "c"} <= set(g) for g in groups)
    # Each adjacent pair alone is one incident: the split is the linkage, not the pair rule.
    assert [[r.article.id for r in g] for g in cluster(reports[:2])] == [["a", "b"]]
    assert [[r.article.id for r in g] for g in cluster(reports[1:])] == [["b", "c"]]


# Attribution read from the article's words, through the real extraction stack.

ATTACK = "attacked the army post at Ber"
FACTS = {"event_type": "battle", "date_text": None, "country": "Mali", "town": "Ber",
         "targets": ["army post"], "killed": "killing 3 soldiers"}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        (f"Fighters suspected to be from JNIM {ATTACK}, killing 3 soldiers.", "suspected"),
        (f"JNIM claimed responsibility after its men {ATTACK}, killing 3 soldiers.", "claimed"),
        (f"JNIM fighters {ATTACK}, killing 3 soldiers, the army said.", "stated"),
    ],
)
def test_attribution_read_from_the_article(
    sentence: str, attribution: str, env: dict[str, str], server: FakeServer
) -> None:
    server.handler = scripted({ATTACK: FACTS | {"perpetrators": ["JNIM"]}})
    brief = summarize([Article(id="ber", text=sentence + " Mali.\n")], use_cache=False)
    [actor] = brief.perpetrators
    assert actor.attribution == attribution
    assert actor.name == "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" and "JNIM" in actor.aliases
    assert ("(JNIM) (suspected)" in brief.headline) == (attribution == "suspected")
