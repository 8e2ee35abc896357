"""Rendering helpers and templates, rule by rule: escaping, links, plurals, user templates."""

from datetime import date
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.render import (
    actor_label,
    casualty_range,
    check_template,
    link,
    md,
    place_label,
    plural,
    render_json,
    render_markdown,
    settled,
    severity_key,
)
from summarizer.schemas import (
    ArticleRef,
    Casualties,
    Conflict,
    DailyBrief,
    IncidentBrief,
    SourceValue,
)
from summarizer.schemas.brief import Actor, Place, ReconciledDate


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        (None, ""),
        (0, "0"),
        ("  two \n\t words  ", "two words"),
        ("a & b", "a &amp; b"),
        ("&lt;", "&amp;lt;"),  # an entity stays text
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        (
            "*bold* `code` ~s~ {x} a|b back\\slash",
            "\\*bold\\* \\`code\\` \\~s\\~ \\{x\\} a\\|b back\\\\slash",
        ),
        ("[l](http://u)", "\\[l\\](http://u)"),
        ("snake_case _edge_", "snake_case \\_edge\\_"),  # intraword underscores are literal
        ("- item", "\\- item"),
        ("# title", "\\# title"),
        ("> quote", "&gt; quote"),  # already inert as an entity
        ("+ x", "\\+ x"),
        ("! x", "\\! x"),
        ("= x", "\\= x"),
        ("12. x", "\\12. x"),
        ("3) x", "\\3) x"),
        ("x - y # z", "x - y # z"),  # only at the start of a line
    ],
)
def test_md(text: object, escaped: str) -> None:
    assert md(text) == escaped


@pytest.mark.parametrize(
    ("text", "url", "out"),
    [
        ("A [title]", "https://e.org/a?b=1", "[A \\[title\\]](<https://e.org/a?b=1>)"),
        ("T", "http://e.org", "[T](<http://e.org>)"),
        ("T <x>", None, "T &lt;x&gt;"),
        ("T", "", "T"),
        ("T", "javascript:alert(1)", "T"),
        ("T", "ftp://e.org/f", "T"),
        ("T", "HTTPS://E.ORG", "T"),  # scheme as feeds write it; anything else stays text
        ("T", "https://e.org/a b", "T"),
        ("T", "https://e.org/a)(x", "T"),
        ("T", "x https://e.org", "T"),
    ],
)
def test_link(text: str, url: str | None, out: str) -> None:
    assert link(text, url) == out


@pytest.mark.parametrize(
    ("count", "out"),
    [(0, "0 incidents"), (1, "1 incident"), (2, "2 incidents"), (21, "21 incidents")],
)
def test_plural(count: int, out: str) -> None:
    assert plural(count, "incident") == out


@pytest.mark.parametrize(
    ("c", "out"),
    [
        (None, "unknown"),
        (Casualties(), "unknown"),
        (Casualties(best=5), "best 5, high open"),
        (Casualties(low=3, best=5, high=9), "low 3, best 5, high 9"),
        (Casualties(low=5, best=5, high=5, approximate=True), "best 5, high 5 (approximate)"),
    ],
)
def test_casualty_range(c: Casualties | None, out: str) -> None:
    assert casualty_range(c) == out


def test_builtin_template_counts_and_spacing() -> None:
    text = render_markdown(DailyBrief(articles=1))
    assert text.startswith("# Daily incident brief\n\n1 article: 0 incidents, 0 not about")
    assert "0 failures." in text
    assert "\n\n\n" not in text and text.endswith(".\n") and not text.endswith("\n\n")
    many = render_markdown(
        DailyBrief(articles=2, not_incidents=[ArticleRef(id="n1", url="https://e.org/n")])
    )
    assert "2 articles: 0 incidents, 1 not about an incident" in many
    assert "- [n1](<https://e.org/n>) (n1)" in many


def _template(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine" / "t.md.j2"
    path.parent.mkdir(exist_ok=True)
    path.write_text(body)
    return path


def test_user_template_is_used_and_tidied(tmp_path: Path) -> None:
    path = _template(tmp_path, "\n\n{{ brief.articles }} read\n\n\n\n{{ plural(2, 'x') }}  \n\n\n")
    assert render_markdown(DailyBrief(articles=3), path) == "\n\n3 read\n\n2 xs\n"
    check_template(path)  # compiles: no error


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "{{ brief.nothing_here }}",
            "template error: 'summarizer.schemas.brief.DailyBrief object' has no attribute 'nothing_here'",
        ),
        (
            "{{ brief.__class__.__mro__ }}",
            "template error: access to attribute '__class__' of 'DailyBrief' object is unsafe.",
        ),
    ],
)
def test_user_template_errors_name_the_file(tmp_path: Path, body: str, problem: str) -> None:
    path = _template(tmp_path, body)
    with pytest.raises(InputError) as caught:
        render_markdown(DailyBrief(), path)
    assert (caught.value.source, caught.value.problem) == (str(path), problem)


def test_syntax_errors_fail_early_with_the_line(tmp_path: Path) -> None:
    path = _template(tmp_path, "ok\n{% for x in %}\n")
    with pytest.raises(InputError) as caught:
        check_template(path)
    assert caught.value.source == str(path)
    assert caught.value.problem.startswith("template error: ")
    assert caught.value.problem.endswith("(line 2)")


def test_json_round_trips() -> None:
    daily = DailyBrief(articles=4, model="openai/m")
    out = render_json(daily)
    assert out.endswith("}\n") and out.startswith('{\n  "schema_version": "1",')
    assert DailyBrief.model_validate_json(out) == daily


def _incident(id_: str, killed: int | None, day: int | None) -> IncidentBrief:
    return IncidentBrief(
        id=id_,
        title=id_,
        headline=id_,
        killed=Casualties(best=killed) if killed is not None else None,
        date=ReconciledDate(start=date(2025, 11, day), end=date(2025, 11, day), precision="day")
        if day
        else None,
    )


def test_severity_order_deadliest_then_latest_then_id() -> None:
    incidents = [
        _incident("a-undated", 5, None),
        _incident("b-old", 5, 1),
        _incident("d-new", 5, 9),  # listed before c-new: ties go by id, not input order
        _incident("c-new", 5, 9),
        _incident("e-deadliest", 40, 2),
        _incident("f-no-toll", None, 10),
        _incident("g-unknown-best", None, 10).model_copy(update={"killed": Casualties()}),
        _incident("h-none-killed", 0, 10),
    ]
    ordered = [i.id for i in sorted(incidents, key=severity_key)]
    # At an equal toll an undated incident comes first (its empty date key sorts first).
    assert ordered == [
        "e-deadliest",
        "a-undated",
        "c-new",
        "d-new",
        "b-old",
        "h-none-killed",
        "f-no-toll",
        "g-unknown-best",
    ]
    assert severity_key(incidents[3]) == (-5, severity_key(incidents[2])[1], "c-new")


def _conflict(field: str, rule: str, chosen: str, *values: tuple[str, list[str]]) -> Conflict:
    return Conflict(
        field=field,
        rule=rule,
        chosen=chosen,
        values=[SourceValue(value=v, articles=a) for v, a in values],
    )


def test_one_disagreement_settled_by_several_rules_is_one_line() -> None:
    tolls = (("12", ["a.md"]), ("31", ["b.md"]))
    later = _conflict("killed", "casualties.later_supersedes", "31", *tolls)
    revised = _conflict("killed", "casualties.revision_supersedes", "31", *tolls)
    high = _conflict("killed", "casualties.highest_reported", "40", *tolls)  # another choice
    other_values = _conflict("killed", "casualties.most_conservative", "31", ("31", ["c.md"]))
    date_rule = _conflict("date", "date.intersection", "31", *tolls)  # another field
    lines = settled([later, revised, high, other_values, date_rule])
    assert [(s.field, s.chosen, s.rules) for s in lines] == [
        ("killed", "31", ["casualties.later_supersedes", "casualties.revision_supersedes"]),
        ("killed", "40", ["casualties.highest_reported"]),
        ("killed", "31", ["casualties.most_conservative"]),
        ("date", "31", ["date.intersection"]),
    ]
    assert [v.value for v in lines[0].values] == ["12", "31"]
    assert settled([]) == []


@pytest.mark.parametrize(
    ("place", "label"),
    [
        (None, "unknown"),
        (Place(name="Soumpi"), "Soumpi"),
        (Place(name="Mali", code="ML"), "Mali (ML)"),
        (Place(name="Gao", lat=16.27167, lon=-0.04472), "Gao (16.2717, -0.0447)"),
        (Place(name="Gao", lat=16.27167), "Gao"),  # half a coordinate is none
        (Place(name="Gao", lon=-0.04472), "Gao"),
        (
            Place(name="Gao", lat=16.27167, lon=-0.04472, precision=1),
            "Gao (16.2717, -0.0447; precision 1: the place)",
        ),
        (
            Place(name="Gao", lat=16.27167, lon=-0.04472, precision=2),
            "Gao (16.2717, -0.0447; precision 2: near the place)",
        ),
        (
            Place(name="Tombouctou", code="ML-6", lat=16.77348, lon=-3.00742, precision=3,
                  inferred=True),
            "Tombouctou (ML-6; 16.7735, -3.0074; precision 3: the region's point; inferred)",
        ),
        (Place(name="X", lat=1.0, lon=2.0, precision=4), "X (1.0000, 2.0000; precision 4: )"),
        (Place(name="Mali", inferred=True), "Mali (inferred)"),
    ],
)  # fmt: skip
def test_place_label(place: Place | None, label: str) -> None:
    assert place_label(place) == label


@pytest.mark.parametrize(
    ("c", "out"),
    [
        (Casualties(best=20, parts=[17, 3]), "best 20 (17 + 3), high open"),
        (Casualties(low=20, best=20, high=25), "best 20, high 25"),  # low shown only below best
        (Casualties(low=12, best=31), "low 12, best 31, high open"),
        (Casualties(best=20, approximate=True), "best 20, high open (approximate)"),
        (Casualties(claimed=40), "unknown; attackers claim 40 (not a toll)"),
        (Casualties(best=0, claimed=40), "best 0, high open; attackers claim 40 (not a toll)"),
        (
            Casualties(low=8, best=54, revised_from=8, claimed=70),
            "low 8, best 54, high open; revised up from 8; attackers claim 70 (not a toll)",
        ),
        (Casualties(best=5, revised_from=0), "best 5, high open; revised up from 0"),
    ],
)
def test_casualty_range_parts_low_and_claims(c: Casualties, out: str) -> None:
    assert casualty_range(c) == out


def test_a_template_sees_the_kind_and_the_explain_flag(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ kind.name }} {{ explain }} {{ brief.articles }}")
    assert render_markdown(DailyBrief(articles=2), path) == "conflict False 2\n"
    assert render_markdown(DailyBrief(), path, kind="outbreak") == "outbreak False 0\n"
    assert render_markdown(DailyBrief(), path, explain=True, kind="outbreak") == "outbreak True 0\n"


@pytest.mark.parametrize(
    ("actor", "label"),
    [
        (Actor(name="JNIM"), "JNIM"),
        (Actor(name="JNIM", aliases=["JNIM", "jnim"]), "JNIM"),  # the same words: not repeated
        (
            Actor(name="Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", aliases=["JNIM"]),
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",  # the acronym is in the name
        ),
        (
            Actor(name="Military Forces of Mali", aliases=["Malian troops", "FAMa"]),
            "Military Forces of Mali [as: Malian troops, FAMa]",
        ),
        (
            Actor(name="Civilians (Mali)", aliases=["a", "b", "c", "d", "e"]),
            "Civilians (Mali) [as: a, b, c, d]",  # four wordings at most
        ),
        (Actor(name="Forces", aliases=["Force"]), "Forces [as: Force]"),  # whole words only
    ],
)
def test_actor_label(actor: Actor, label: str) -> None:
    assert actor_label(actor) == label
