"""The orchestration: articles -> extractions (cached, concurrent) -> clusters -> briefs.

`summarize()` is for one incident; `daily_brief()` for a day's mixed feed. Both have async
twins. One article's failure (bad file, bad model output, dead endpoint) becomes a
Failure in the result; it never loses the other articles' work.
"""

import asyncio
import sqlite3
from collections.abc import Callable, Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from summarizer import extract as extract_module
from summarizer._config import resolve_config
from summarizer._embedded import cache_dir
from summarizer.articles import Article, dedupe, load_articles
from summarizer.cache import ExtractionCache, cache_key
from summarizer.cluster import group
from summarizer.errors import InputError, ModelError, OutputError, TransportError, UserError
from summarizer.extract import DEFAULT_MAX_CHARS, PROMPT_VERSION, extract, to_report
from summarizer.reconcile import reconcile
from summarizer.render import severity_key
from summarizer.schemas import (
    ArticleReport,
    DailyBrief,
    Failure,
    IncidentBrief,
    Usage,
)

if TYPE_CHECKING:
    from summarizer._config import ModelConfig
    from summarizer._llm import LLMClient

Source = Article | str | Path
T = TypeVar("T")
Progress = Callable[[Article, str], None]


@dataclass
class RunStats:
    """What this run did, apart from the brief itself (which is the same on a re-run)."""

    model: str = ""  # the resolved `provider/name`, resolved once per run
    live: Usage = field(default_factory=Usage)
    cached: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Options:
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float | None = None
    concurrency: int | None = None
    use_cache: bool = True
    cache_path: Path | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    published: date | None = None
    # A folder of stored model answers (Extraction JSON per article) replayed instead of
    # calling a model: `<id>.json` or `<id without suffix>.json`.
    replay: Path | None = None


def _split_sources(
    sources: Iterable[Source], published: date | None
) -> tuple[list[Article], list[InputError]]:
    """Articles given as objects and as paths, read, merged and deduplicated as one set."""
    items = list(sources)
    given = [a for a in items if isinstance(a, Article)]
    paths = [str(p) for p in items if not isinstance(p, Article)]
    loaded, errors = load_articles(paths) if paths else ([], [])
    return dedupe([*given, *loaded], published), errors


async def _open_client(config: "ModelConfig") -> "LLMClient":
    from summarizer._llm import LLMClient  # openai/instructor only when a call is needed

    base_url = None
    if config.provider == "embedded":
        from summarizer._embedded import server_url

        base_url = await asyncio.to_thread(server_url)
    return LLMClient(config, base_url=base_url)


def _open_cache(options: Options, stats: RunStats) -> ExtractionCache | None:
    path = options.cache_path or cache_dir() / "extractions.sqlite3"
    try:
        return ExtractionCache(path)
    except (sqlite3.Error, OSError) as exc:  # a broken cache costs speed, never the run
        stats.warnings.append(f"{path}: cache unusable ({exc}); running without it")
        return None


async def extract_reports(
    articles: Sequence[Article], options: Options, progress: Progress | None = None
) -> tuple[list[ArticleReport], list[Failure], Usage, RunStats]:
    """Every article's report, or its failure. Cache first; model calls run concurrently."""
    config = resolve_config(
        options.model, base_url=options.base_url, api_key=options.api_key, timeout=options.timeout
    )
    stats = RunStats(model=config.model)
    use_cache = options.use_cache and options.replay is None
    cache = _open_cache(options, stats) if use_cache else None
    prompt = extract_module.prompt_fingerprint()
    client = None
    try:
        limit = options.concurrency or (1 if config.provider == "embedded" else 8)
        semaphore = asyncio.Semaphore(limit)
        client_lock = asyncio.Lock()

        async def one(article: Article) -> tuple[ArticleReport | None, Failure | None, Usage]:
            nonlocal client
            if options.replay is not None:
                return _replayed(article, options)
            key = cache_key(config.model, prompt, article.text_hash, options.max_chars)
            hit = cache.get(key) if cache else None
            if hit is not None:
                stats.cached += 1
                extraction, warnings, usage = hit
            else:
                async with semaphore:
                    async with client_lock:
                        client = client or await _open_client(config)
                    try:
                        extraction, warnings, usage = await extract(
                            client, article, max_chars=options.max_chars
                        )
                    except ModelError as exc:
                        stats.live = stats.live.add(exc.usage or Usage())
                        failure = Failure(
                            source=article.id, kind=exc.kind, reason=str(exc), detail=exc.detail
                        )
                        if progress:
                            progress(article, f"failed: {exc}")
                        return None, failure, exc.usage or Usage()
                stats.live = stats.live.add(usage)
                if cache:
                    cache.put(key, extraction, warnings, usage)
            if progress:
                progress(article, "done")
            report = to_report(article, extraction, [*article.warnings, *warnings])
            return report, None, usage

        results = await asyncio.gather(*(one(a) for a in articles))
    finally:
        if client is not None:
            await client.aclose()
        if cache is not None:
            if cache.failures:
                stats.warnings.append(
                    f"{cache.path}: {cache.failures} cache reads or writes failed"
                )
            cache.close()
    reports = [r for r, _, _ in results if r is not None]
    failures = [f for _, f, _ in results if f is not None]
    total = Usage()
    for _, _, usage in results:
        total = total.add(usage)
    return reports, failures, total, stats


def _all_failed(failures: list[Failure]) -> ModelError:
    """One error for a run where every article failed, naming each of them."""
    kinds = {f.kind for f in failures}
    error = TransportError if kinds == {"transport"} else OutputError
    message = "; ".join(f"{f.source}: {f.reason}" for f in failures)
    return error(f"no article could be extracted: {message}", failures=failures)


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no running loop: the usual case
        running = False
    else:
        running = True
    if not running:  # outside the handler, so a failure's traceback is not chained to it
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1, thread_name_prefix="summarizer") as worker:
        return worker.submit(asyncio.run, coroutine).result()


def _replayed(
    article: Article, options: Options
) -> tuple[ArticleReport | None, Failure | None, Usage]:
    """The article's stored answer through the real checks and normalisers; no model."""
    assert options.replay is not None
    stem = Path(article.id)
    for path in (options.replay / f"{stem}.json", options.replay / stem.with_suffix(".json")):
        if path.is_file():
            try:
                extraction, warnings, _ = extract_module.replay(
                    article, path.read_text(encoding="utf-8"), max_chars=options.max_chars
                )
            except InputError as exc:
                return None, Failure(source=article.id, kind="input", reason=exc.problem), Usage()
            return to_report(article, extraction, [*article.warnings, *warnings]), None, Usage()
    reason = f"no stored answer in {options.replay}"
    return None, Failure(source=article.id, kind="input", reason=reason), Usage()


def _input_failures(errors: list[InputError]) -> list[Failure]:
    return [Failure(source=e.source, kind="input", reason=e.problem) for e in errors]


async def adaily_brief(
    sources: Iterable[Source], options: Options | None = None, progress: Progress | None = None
) -> tuple[DailyBrief, RunStats]:
    """A day's articles -> one brief per incident, ordered by severity."""
    options = options or Options()
    articles, errors = _split_sources(sources, options.published)
    reports, failures, usage, stats = await extract_reports(articles, options, progress)
    model = stats.model
    grouped = group(reports)
    incidents = [
        reconcile(g, model=model, prompt_version=PROMPT_VERSION).model_copy(
            update={"grouping": why}
        )
        for g, why in zip(grouped.groups, grouped.reasons, strict=True)
    ]
    incidents.sort(key=severity_key)
    days = [d for b in incidents if b.date for d in (b.date.start, b.date.end)]
    daily = DailyBrief(
        first_date=min(days) if days else None,
        last_date=max(days) if days else None,
        articles=len(articles),
        incidents=incidents,
        not_incidents=sorted((r.article for r in reports if not r.is_incident), key=lambda a: a.id),
        failures=sorted(_input_failures(errors) + failures, key=lambda f: f.source),
        kept_apart=grouped.kept_apart,
        usage=usage,
        model=model,
        prompt_version=PROMPT_VERSION,
    )
    return daily, stats


def daily_brief(
    sources: Iterable[Source], options: Options | None = None, progress: Progress | None = None
) -> tuple[DailyBrief, RunStats]:
    return _run(adaily_brief(sources, options, progress))


async def asummarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    published: date | None = None,
    use_cache: bool = True,
) -> IncidentBrief:
    """Articles about one incident -> one reconciled IncidentBrief.

    Raises InputError when an input cannot be read, UserError for a bad model or key, and
    ModelError when no article could be extracted at all.
    """
    items = [sources] if isinstance(sources, Article | str | Path) else list(sources)
    options = Options(
        model=model, base_url=base_url, api_key=api_key, published=published, use_cache=use_cache
    )
    articles, errors = _split_sources(items, published)
    if errors:
        raise InputError.of(errors)
    if not articles:
        raise UserError("no articles given")
    reports, failures, _, stats = await extract_reports(articles, options)
    if not reports:
        raise _all_failed(failures)
    brief = reconcile(reports, model=stats.model, prompt_version=PROMPT_VERSION)
    extra = [f"{f.source}: {f.reason}" for f in failures]
    return brief.model_copy(update={"warnings": brief.warnings + extra}) if extra else brief


def summarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    published: date | None = None,
    use_cache: bool = True,
) -> IncidentBrief:
    """Synchronous twin of `asummarize`. Inside a running event loop it runs in a worker
    thread and blocks that loop until done: `await asummarize(...)` there instead."""
    return _run(
        asummarize(
            sources,
            model=model,
            base_url=base_url,
            api_key=api_key,
            published=published,
            use_cache=use_cache,
        )
    )
