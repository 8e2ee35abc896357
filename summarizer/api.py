"""The orchestration: articles -> extractions (cached, concurrent) -> clusters -> briefs.

`summarize()` is for one incident; `daily_brief()` for a day's mixed feed. Both have async
twins. One article's failure (bad file, bad model output, dead endpoint) becomes a
Failure in the result; it never loses the other articles' work.
"""

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from pydantic import BaseModel

from summarizer._config import resolve_config
from summarizer._embedded import cache_dir
from summarizer.articles import Article, dedupe, load_articles
from summarizer.cache import ExtractionCache, cache_key
from summarizer.errors import InputError, ModelError, OutputError, TransportError, UserError
from summarizer.kinds.model import Kind
from summarizer.kinds.prompt import DEFAULT_MAX_CHARS
from summarizer.kinds.registry import load_kind
from summarizer.kinds.rules import Day
from summarizer.schemas import ArticleRef, DailyBrief, Failure, IncidentBrief, Usage
from summarizer.schemas.facts import FactBrief, FactDailyBrief

if TYPE_CHECKING:
    from summarizer._config import ModelConfig
    from summarizer._llm import LLMClient

Source = Article | str | Path
T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[Article, str], None]
# How one kind's articles become reports: the model call, the report, a stored answer.
Steps = tuple[
    Callable[["LLMClient", Article], Awaitable[tuple[BaseModel, list[str], Usage]]],
    Callable[[Article, BaseModel, list[str]], R],
    Callable[[Article, str], tuple[BaseModel, list[str], Usage]],
]


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
    # The kind of incident: a built-in or entry-point name, a kind's folder, or a Kind.
    kind: Kind | str | Path | None = None


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
) -> tuple[list[Any], list[Failure], Usage, RunStats]:
    """Every article's report (the kind's rules say of what model), or its failure."""
    kind = load_kind(options.kind)
    rules = kind.rules

    async def call(client: "LLMClient", article: Article) -> tuple[BaseModel, list[str], Usage]:
        return await rules.call(kind, client, article, options.max_chars)

    def build(article: Article, extraction: BaseModel, warnings: list[str]) -> Any:
        return rules.report(kind, article, extraction, warnings)

    def replayed(article: Article, answer: str) -> tuple[BaseModel, list[str], Usage]:
        return rules.replay(kind, article, answer, options.max_chars)

    return await _extract_all(articles, options, progress, kind, (call, build, replayed))


async def _extract_all(
    articles: Sequence[Article],
    options: Options,
    progress: Progress | None,
    kind: Kind,
    steps: "Steps[R]",
) -> tuple[list[R], list[Failure], Usage, RunStats]:
    """Cache first; model calls run concurrently; one article's failure stays its own."""
    call, build, replay_one = steps
    config = resolve_config(
        options.model, base_url=options.base_url, api_key=options.api_key, timeout=options.timeout
    )
    stats = RunStats(model=config.model)
    use_cache = options.use_cache and options.replay is None
    cache = _open_cache(options, stats) if use_cache else None
    prompt = kind.fingerprint()
    client = None
    try:
        limit = options.concurrency or (1 if config.provider == "embedded" else 8)
        semaphore = asyncio.Semaphore(limit)
        client_lock = asyncio.Lock()

        async def one(article: Article) -> tuple[R | None, Failure | None, Usage]:
            nonlocal client
            if options.replay is not None:
                return _replayed(article, options.replay, replay_one, build)
            key = cache_key(
                config.model, prompt, article.text_hash, options.max_chars, config.span_reasks
            )
            hit = cache.get(key, kind.schema) if cache else None
            if hit is not None:
                stats.cached += 1
                extraction, warnings, usage = hit
            else:
                async with semaphore:
                    async with client_lock:
                        client = client or await _open_client(config)
                    try:
                        extraction, warnings, usage = await call(client, article)
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
            report = build(article, extraction, [*article.warnings, *warnings])
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
    article: Article,
    folder: Path,
    replay_one: Callable[[Article, str], tuple[BaseModel, list[str], Usage]],
    build: Callable[[Article, BaseModel, list[str]], R],
) -> tuple[R | None, Failure | None, Usage]:
    """The article's stored answer through the real checks and normalisers; no model."""
    stem = Path(article.id)
    for path in (folder / f"{stem}.json", folder / stem.with_suffix(".json")):
        if path.is_file():
            try:
                extraction, warnings, _ = replay_one(article, path.read_text(encoding="utf-8"))
            except InputError as exc:
                return None, Failure(source=article.id, kind="input", reason=exc.problem), Usage()
            return build(article, extraction, [*article.warnings, *warnings]), None, Usage()
    reason = f"no stored answer in {folder}"
    return None, Failure(source=article.id, kind="input", reason=reason), Usage()


def _input_failures(errors: list[InputError]) -> list[Failure]:
    return [Failure(source=e.source, kind="input", reason=e.problem) for e in errors]


async def adaily_brief(
    sources: Iterable[Source], options: Options | None = None, progress: Progress | None = None
) -> tuple[DailyBrief | FactDailyBrief, RunStats]:
    """A day's articles -> one brief per incident, grouped and ordered by the kind's rules
    (the conflict kind's: by severity; a kind of fact types': by place)."""
    options = options or Options()
    kind = load_kind(options.kind)  # an invalid kind fails here, before any model call
    options = replace(options, kind=kind)
    articles, errors = _split_sources(sources, options.published)
    reports, failures, usage, stats = await extract_reports(articles, options, progress)
    day = Day(
        articles=len(articles),
        not_incidents=sorted((r.article for r in reports if not r.is_incident), key=_by_id),
        failures=sorted(_input_failures(errors) + failures, key=lambda f: f.source),
        usage=usage,
        model=stats.model,
        prompt_version=kind.prompt_version,
    )
    daily: DailyBrief | FactDailyBrief = kind.rules.daily(
        kind, [r for r in reports if r.is_incident], day
    )
    return daily, stats


def _by_id(article: ArticleRef) -> str:
    return article.id


def daily_brief(
    sources: Iterable[Source], options: Options | None = None, progress: Progress | None = None
) -> tuple[DailyBrief | FactDailyBrief, RunStats]:
    return _run(adaily_brief(sources, options, progress))


@overload
async def asummarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = ...,
    base_url: str | None = ...,
    api_key: str | None = ...,
    published: date | None = ...,
    use_cache: bool = ...,
    kind: None = ...,
) -> IncidentBrief: ...


@overload
async def asummarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = ...,
    base_url: str | None = ...,
    api_key: str | None = ...,
    published: date | None = ...,
    use_cache: bool = ...,
    kind: Kind | str | Path,
) -> IncidentBrief | FactBrief: ...


async def asummarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    published: date | None = None,
    use_cache: bool = True,
    kind: Kind | str | Path | None = None,
) -> IncidentBrief | FactBrief:
    """Articles about one incident -> one reconciled brief: an IncidentBrief for the
    conflict kind (the default), a FactBrief for a kind built from fact types.

    Raises InputError when an input cannot be read or the kind is invalid, UserError for a
    bad model or key, and ModelError when no article could be extracted at all.
    """
    return await _asummarize(sources, model, base_url, api_key, published, use_cache, kind)


async def _asummarize(
    sources: Iterable[Source] | Source,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    published: date | None,
    use_cache: bool,
    kind: Kind | str | Path | None,
) -> IncidentBrief | FactBrief:
    items = [sources] if isinstance(sources, Article | str | Path) else list(sources)
    chosen = load_kind(kind)  # an invalid kind fails here, before any model call
    options = Options(
        model=model,
        base_url=base_url,
        api_key=api_key,
        published=published,
        use_cache=use_cache,
        kind=chosen,
    )
    articles, errors = _split_sources(items, published)
    if errors:
        raise InputError.of(errors)
    if not articles:
        raise UserError("no articles given")
    reports, failures, _, stats = await extract_reports(articles, options)
    if not reports:
        raise _all_failed(failures)
    brief: IncidentBrief | FactBrief = chosen.rules.brief(chosen, reports, stats.model)
    extra = [f"{f.source}: {f.reason}" for f in failures]
    return brief.model_copy(update={"warnings": brief.warnings + extra}) if extra else brief


@overload
def summarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = ...,
    base_url: str | None = ...,
    api_key: str | None = ...,
    published: date | None = ...,
    use_cache: bool = ...,
    kind: None = ...,
) -> IncidentBrief: ...


@overload
def summarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = ...,
    base_url: str | None = ...,
    api_key: str | None = ...,
    published: date | None = ...,
    use_cache: bool = ...,
    kind: Kind | str | Path,
) -> IncidentBrief | FactBrief: ...


def summarize(
    sources: Iterable[Source] | Source,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    published: date | None = None,
    use_cache: bool = True,
    kind: Kind | str | Path | None = None,
) -> IncidentBrief | FactBrief:
    """Synchronous twin of `asummarize`. Inside a running event loop it runs in a worker
    thread and blocks that loop until done: `await asummarize(...)` there instead."""
    return _run(_asummarize(sources, model, base_url, api_key, published, use_cache, kind))
