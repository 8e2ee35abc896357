"""Loaders for each format and escaping of hostile text (clustering: test_cluster*.py)."""

from datetime import date
from pathlib import Path

from summarizer.articles import load_articles
from summarizer.reconcile import reconcile
from summarizer.render import md, render_markdown
from summarizer.schemas import (
    ArticleRef,
    ArticleReport,
    DailyBrief,
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
