"""Loaders for each format, escaping of hostile text, and clustering of a synthetic day."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.articles import load_articles
from summarizer.cluster import cluster
from summarizer.reconcile import reconcile
from summarizer.render import md, render_markdown
from summarizer.schemas import (
    ActorFact,
    ArticleRef,
    ArticleReport,
    DailyBrief,
    DateFact,
    DateValue,
    PlaceFact,
)


def test_each_format_and_bad_lines(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Raid\npublished: 2025-11-08\noutlet: X\n---\nBody A\n"
    )
    (tmp_path / "b.jsonl").write_text(
        '{"id": "f1", "content": "Body B", "published": "2025-11-08T06:00:00Z"}\n'
        "not json\n"
        '{"title": "no text"}\n'
    )
    (tmp_path / "c.html").write_text(
        "<html><head><title>Attack</title></head><body><article><p>"
        + "Fighters attacked a base in the north on Friday, officials said. " * 5
        + "</p></article></body></html>"
    )
    (tmp_path / "dup.txt").write_text("Body A\n")  # same text as a.md: kept once
    articles, errors = load_articles([tmp_path])
    by_id = {a.id: a for a in articles}
    assert by_id["a.md"].title == "Raid" and by_id["a.md"].published == date(2025, 11, 8)
    assert by_id["f1"].published == date(2025, 11, 8) and by_id["f1"].text == "Body B"
    assert "Fighters attacked a base" in by_id["c.html"].text
    assert "dup.txt" not in by_id
    assert sorted(str(e) for e in errors) == [
        "b.jsonl:2: not JSON (Expecting value)",
        "b.jsonl:3: empty article (no text)",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds no articles" in str(load_articles([empty])[1][0])


def test_hostile_article_text_renders_as_text() -> None:
    evil = "<script>alert(1)</script> [click](javascript:alert(1)) | ![x](http://e/x.png)"
    safe = md(evil)
    assert "<script>" not in safe and "&lt;script&gt;" in safe
    assert "[click](javascript" not in safe and "\\[click\\](javascript" in safe
    ref = ArticleRef(id="evil.txt", title=evil, url="javascript:alert(1)")
    report = ArticleReport(article=ref, event_type="riot", title=evil, summary=evil)
    text = render_markdown(DailyBrief(articles=1, incidents=[reconcile([report])]))
    assert "<script>" not in text and "[click](javascript" not in text
    assert "](<javascript" not in text  # a non-http(s) URL never becomes a link


def _r(aid: str, day: int, country: str, town: str, who: str, pub: int = 9) -> ArticleReport:
    d = date(2025, 11, day)
    return ArticleReport(
        article=ArticleRef(id=aid, published=date(2025, 11, pub)),
        event_type="battle",
        date=DateFact(quote="q", value=DateValue(start=d, end=d, precision="day")),
        country=PlaceFact(name=country, quote=country),
        location=PlaceFact(name=town, quote=town),
        perpetrators=[ActorFact(name=who, quote=who)],
    )


DAY = [
    # incident 1: Soumpi, JNIM, 7 Nov (three outlets, one says the full name)
    _r("a1", 7, "Mali", "Soumpi", "JNIM"), _r("a2", 7, "Mali", "Soumpi", "JNIM"),
    _r("a3", 7, "Mali", "Soumpi", "Jama'at Nusrat al-Islam wal-Muslimin"),
    # incident 2: same day, same country, other town and group
    _r("b1", 7, "Mali", "Menaka", "ISSP"), _r("b2", 7, "Mali", "Menaka", "ISSP"),
    # the trap: a later article on Soumpi recalls the 7 Nov attack but reports a new one
    _r("c1", 9, "Mali", "Soumpi", "JNIM"), _r("c2", 9, "Mali", "Soumpi", "JNIM"),
    # incidents 4-6 elsewhere
    _r("d1", 8, "Nigeria", "Maiduguri", "Boko Haram"), _r("d2", 8, "Nigeria", "Maiduguri", "Boko Haram"),
    _r("d3", 8, "Nigeria", "Maiduguri", "Boko Haram"),
    _r("e1", 6, "Burkina Faso", "Djibo", "JNIM"), _r("e2", 6, "Burkina Faso", "Djibo", "JNIM"),
    _r("e3", 7, "Burkina Faso", "Djibo", "JNIM"),  # a day of slack
    _r("f1", 8, "Somalia", "Mogadishu", "al-Shabaab"), _r("f2", 8, "Somalia", "Mogadishu", "al-Shabaab"),
    _r("f3", 8, "Somalia", "Mogadishu", "Al Shabaab"),
    _r("g1", 5, "Niger", "Tillaberi", "ISSP"), _r("g2", 5, "Niger", "Tillaberi", "ISSP"),
    _r("g3", 5, "Niger", "Tillaberi", "ISSP"), _r("g4", 5, "Niger", "Tillaberi", "ISSP"),
]  # fmt: skip
TRUTH = sorted(sorted(g) for g in [["a1", "a2", "a3"], ["b1", "b2"], ["c1", "c2"], ["d1", "d2", "d3"],
                                    ["e1", "e2", "e3"], ["f1", "f2", "f3"], ["g1", "g2", "g3", "g4"]])  # fmt: skip


def _ids(groups: list[list[ArticleReport]]) -> list[list[str]]:
    return sorted(sorted(r.article.id for r in g) for g in groups)


def test_synthetic_day_clusters_into_its_incidents() -> None:
    assert len(DAY) >= 20
    assert _ids(cluster(DAY)) == TRUTH


@settings(max_examples=60, deadline=None)
@given(st.permutations(DAY))
def test_clustering_is_order_independent(day: list[ArticleReport]) -> None:
    assert _ids(cluster(day)) == TRUTH


_TOWNS = st.sampled_from(["Soumpi", "Boni", "Gao", "Tombouctou", ""])
_REGIONS = st.sampled_from(["Tombouctou", "Gao", ""])


@st.composite
def _report(draw: st.DrawFn, n: int) -> ArticleReport:
    day = draw(st.integers(1, 6))
    width = draw(st.sampled_from([0, 0, 0, 6]))
    town, region = draw(_TOWNS), draw(_REGIONS)
    dated = draw(st.booleans()) or day == 1
    return ArticleReport(
        article=ArticleRef(id=f"r{n}"),
        event_type="battle",
        date=DateFact(quote="q", value=DateValue(
            start=date(2025, 11, day), end=date(2025, 11, day + width),
            precision="day" if width == 0 else "week")) if dated else None,
        country=PlaceFact(name="Mali", quote="Mali") if draw(st.booleans()) else None,
        admin1=PlaceFact(name=region, quote=region) if region else None,
        location=PlaceFact(name=town, quote=town) if town else None,
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 14).flatmap(lambda k: st.tuples(*[_report(i) for i in range(k)])))
def test_candidate_pairs_cover_every_compatible_pair(reports: tuple[ArticleReport, ...]) -> None:
    """The blocking that keeps clustering near-linear never skips a pair that could join."""
    from summarizer.cluster import _candidates, affinity

    members = list(range(len(reports)))
    compatible = {
        (i, j)
        for i in members
        for j in members[i + 1 :]
        if affinity(reports[i], reports[j]) is not None
    }
    assert compatible <= _candidates(reports, members)
