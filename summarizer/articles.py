"""Articles and their loaders: .txt, .md (YAML front matter), .html, .jsonl, and stdin.

A loader never raises for one bad input: it returns the articles it could read and one
InputError per input it could not, so the other articles' results are never lost.
"""

import hashlib
import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from summarizer.errors import InputError
from summarizer.schemas.report import ArticleRef

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


class Article(BaseModel):
    """One news article. `id` is stable across runs (file name, feed id, or text hash)."""

    id: str
    text: str = Field(min_length=1)
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = Field(default_factory=list)

    def ref(self) -> ArticleRef:
        """What a report or brief says of its article."""
        return ArticleRef(
            id=self.id,
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            published=self.published,
        )

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, value: Any) -> Any:
        # Feeds give timestamps ("2025-11-08T06:30:00Z"); the day is what dating needs.
        if isinstance(value, str) and len(value) > 10 and value[4] == "-":
            return value[:10]
        return value

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> "Article":
        fields.setdefault("id", hashlib.sha256(text.encode()).hexdigest()[:16])
        return cls(text=text, **fields)


def _decode(raw: bytes, source: str) -> tuple[str, list[str]]:
    if b"\x00" in raw[:8192]:
        raise InputError(source, "binary file, not text")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        # Old feeds are often Windows-1252; latin-1 never fails. Say so either way.
        for codec in ("cp1252", "latin-1"):
            try:
                return raw.decode(codec), [f"{source}: not UTF-8, decoded as {codec}"]
            except UnicodeDecodeError:
                continue
    raise InputError(source, "cannot decode text")  # pragma: no cover (latin-1 always works)


def _require_text(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(source, "empty article (no text)")
    return text.strip()


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        return {}, text
    try:
        meta = yaml.safe_load(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        raise InputError(
            source, f"front matter is not valid YAML ({exc.__class__.__name__})"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(source, "front matter is not a mapping")
    return meta, parts[1].lstrip("-\n")


def _html_text(html: str, source: str) -> tuple[dict[str, Any], str]:
    try:
        import trafilatura  # heavy: only when there is HTML to read
    except ImportError as exc:  # trafilatura, or lxml_html_clean since lxml 6 split it out
        # lxml 6 raises a bare ImportError (no .name) that mentions the new package.
        named = "lxml_html_clean" if "lxml_html_clean" in str(exc) else exc.name
        package = (named or "trafilatura").split(".")[0]
        raise InputError(
            source, f"reading HTML needs the {package!r} package: pip install {package}"
        ) from None

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    fields: dict[str, Any] = {}
    if meta is not None:
        fields = {"title": meta.title, "published": meta.date, "outlet": meta.sitename}
        fields = {k: v for k, v in fields.items() if v}
    return fields, _require_text(text, source)


def _article(source: str, text: str, fields: dict[str, Any], warnings: list[str]) -> Article:
    known = {k: fields.get(k) for k in ("title", "published", "outlet", "url") if fields.get(k)}
    try:
        return Article(id=str(fields.get("id") or source), text=text, warnings=warnings, **known)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(source, problem) from None


def _jsonl(
    path_name: str, text: str, warnings: list[str]
) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path_name}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(source, "line is not a JSON object")
            body = record.get("text") or record.get("content") or ""
            record.setdefault("id", record.get("id") or source)
            articles.append(_article(source, _require_text(str(body), source), record, warnings))
        except json.JSONDecodeError as exc:
            errors.append(InputError(source, f"not JSON ({exc.msg})"))
        except InputError as exc:
            errors.append(exc)
    return articles, errors


def _load_file(path: Path, name: str) -> tuple[list[Article], list[InputError]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [InputError(name, exc.strerror or "cannot read file")]
    try:
        text, warnings = _decode(raw, name)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            return _jsonl(name, text, warnings)
        fields: dict[str, Any] = {}
        if suffix in (".md", ".markdown"):
            fields, text = _front_matter(text, name)
        elif suffix in (".html", ".htm"):
            fields, text = _html_text(text, name)
        return [_article(name, _require_text(text, name), fields, warnings)], []
    except InputError as exc:
        return [], [exc]


def _expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    files, errors = [], []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
            )
            if not found:
                errors.append(
                    InputError(str(path), "folder holds no articles (" + ", ".join(SUFFIXES) + ")")
                )
            files += found
        elif path.is_file():
            files.append(path)
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    return files, errors


def _unique_ids(articles: list[Article]) -> list[Article]:
    """File names are the ids; two folders may share one, so qualify repeats by text hash."""
    seen: dict[str, int] = {}
    for a in articles:
        seen[a.id] = seen.get(a.id, 0) + 1
    return [
        a.model_copy(update={"id": f"{a.id}#{a.text_hash[:8]}"}) if seen[a.id] > 1 else a
        for a in articles
    ]


def load_articles(
    paths: Iterable[str | Path], *, published: date | None = None, stdin: str | None = None
) -> tuple[list[Article], list[InputError]]:
    """Read every path ("-" is stdin). Returns (articles sorted by id, one error per bad input).

    Duplicates (same text) are kept once. `published` fills in articles that give no date.
    """
    paths = list(paths)
    articles: list[Article] = []
    errors: list[InputError] = []
    if "-" in paths:
        paths.remove("-")
        text = stdin if stdin is not None else sys.stdin.read()
        try:
            articles.append(_article("stdin", _require_text(text, "stdin"), {}, []))
        except InputError as exc:
            errors.append(exc)
    files, missing = _expand(paths)
    errors += missing
    for path in files:
        found, bad = _load_file(path, path.name)
        articles += found
        errors += bad
    return dedupe(articles, published), errors


def dedupe(articles: Iterable[Article], published: date | None = None) -> list[Article]:
    """Each text once (the copy with the smallest id wins), sorted by id, ids made unique.

    `published` fills in articles that give no date.
    """
    ordered = sorted(articles, key=lambda a: (a.id, a.text_hash), reverse=True)
    unique = {a.text_hash: a for a in ordered}
    result = _unique_ids(sorted(unique.values(), key=lambda a: (a.id, a.text_hash)))
    if published is None:
        return result
    return [a if a.published else a.model_copy(update={"published": published}) for a in result]
