"""One article -> one ArticleReport: render the prompt, call the model, verify, normalise.

The model only copies spans. Code then
- checks every span is in the article (whitespace, case, curly quotes and dashes folded);
  a span that is not is first sent back to the model (instructor re-asks with the error,
  through the validation context), and dropped with a warning if the model insists;
- checks a casualty span speaks of the right kind of casualty (killed vs injured vs ...);
- recovers qualifiers the model left out ("20 people" where the article says "almost 20");
- resolves dates against the publication date, which the model never sees.
Text in the article addressed to the model ("ignore the instructions above...") is left
out before the call, so neither the model nor the span check ever sees it.
"""

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from pydantic import (
    ConfigDict,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from summarizer.articles import Article
from summarizer.errors import InputError
from summarizer.kinds.model import Kind
from summarizer.kinds.reask import Checks, checked_call
from summarizer.kinds.registry import load_kind
from summarizer.normalize.actors import (
    attribution,
    identify,
    merge_actors,
    merged_attribution,
    preferred,
)
from summarizer.normalize.count_spans import count_span, readable_count, with_qualifier
from summarizer.normalize.dates import explicit_spans, resolve_date, stated_date
from summarizer.normalize.event_type import coded_event_type
from summarizer.normalize.injection import strip_injections
from summarizer.normalize.locate import known_region
from summarizer.normalize.locate import locate as locate_places
from summarizer.normalize.names import display_name, split_name
from summarizer.normalize.numbers import (
    Bounds,
    guess_language,
    parse_count,
)
from summarizer.normalize.numwords import is_placeholder
from summarizer.normalize.places import country_code, country_spelling
from summarizer.normalize.proper_names import proper_names
from summarizer.normalize.prose import prose_problems
from summarizer.normalize.relevance import may_report_incident
from summarizer.normalize.text import find_quote, loose, name_key
from summarizer.normalize.tolls import (
    CATEGORY_RE,
    attackers_killed,
    locate,
    read_context,
    toll_before,
)
from summarizer.schemas import (
    CASUALTY_KINDS,
    ActorFact,
    ArticleReport,
    CountFact,
    Extraction,
    PlaceFact,
    Usage,
)
from summarizer.schemas.extraction import answer_schema

if TYPE_CHECKING:
    from summarizer._llm import LLMClient

DEFAULT_MAX_CHARS = 12_000  # about 3,000 tokens: leaves room for prompt and answer in 8k
_END_MARKER = "ARTICLE>>>"

_PLACE_FIELDS = ("country", "region", "town")


@cache
def _templates(folder: str) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def render_messages(
    article: Article, text: str, kind: "Kind | str | None" = None, version: str | None = None
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The kind's messages, with `{{ article }}` and `{{ title }}` slots, and what fills them
    (`version`: another prompt version of the same kind, for benchmarks).

    instructor renders every message as a Jinja template with the context it is given (the
    same context our validators read). So article text never goes into a message itself,
    where `{{ ... }}` in an article would be run as a template: it fills a slot, and a
    slot's value is never rendered again. System prompt first and unchanging, so
    llama.cpp reuses its cached prefix.
    """
    kind = load_kind(kind)
    env = _templates(str(kind.folder))
    version = version or kind.prompt_version
    system = env.get_template(f"{version}.system.j2").render()
    user = env.get_template(f"{version}.user.j2").render(title=bool(article.title))
    context = {
        "article": text.replace(_END_MARKER, "ARTICLE> > >"),
        "title": (article.title or "").replace(_END_MARKER, "ARTICLE> > >"),
    }
    return [{"role": "system", "content": system}, {"role": "user", "content": user}], context


def fit_text(article: Article, max_chars: int) -> tuple[str, list[str]]:
    """Cut an over-long article at a paragraph boundary, and say so."""
    text = article.text
    if len(text) <= max_chars:
        return text, []
    cut = text.rfind("\n", 0, max_chars)
    cut = cut if cut > max_chars // 2 else max_chars
    warning = (
        f"{article.id}: article cut to {cut:,} of {len(text):,} characters "
        "to fit the model's context"
    )
    return text[:cut].rstrip(), [warning]


def _category_problem(kind: str, span: str, article: str) -> str | None:
    """None when the span (or the words right after it) speak of this kind of casualty."""
    if CATEGORY_RE[kind].search(span):
        return None
    others = [k for k in CASUALTY_KINDS if k != kind and CATEGORY_RE[k].search(span)]
    if not others and kind == "killed" and toll_before(span, article):
        return None  # "the death toll ... has risen to 36"
    pos = find_quote(span, article)
    # "wounded three farmers": the nearest casualty word before the figure, in its clause.
    before = re.split(r"[,;.:]", loose(article)[max(0, pos - 25) : max(pos, 0)])[-1]
    nearest = max(
        ((m.end(), k) for k in CASUALTY_KINDS for m in CATEGORY_RE[k].finditer(before)),
        default=None,
    )
    if not others and pos >= 0 and nearest:
        others = [] if nearest[1] == kind else [nearest[1]]
    elif not others:
        after = loose(article)[pos + len(loose(span)) : pos + len(loose(span)) + 120]
        hits = sorted((m.start(), k) for k in CASUALTY_KINDS if (m := CATEGORY_RE[k].search(after)))
        others = [hits[0][1]] if hits and hits[0][1] != kind else []
    if others:
        return f"{kind} {span!r} counts {others[0]}, not {kind}"
    return None


def settle_spans(ex: Extraction, article: str) -> Extraction:
    """Placeholders ("unknown", "N/A", a bare "0") read as null, figures written the other
    way mapped to readable spans, the date put in the article's own words. Pure."""
    update: dict[str, Any] = {"date_text": article_date_span(ex.date_text, article)}
    for name in ("date_text", *_PLACE_FIELDS, *CASUALTY_KINDS):
        value = update.get(name, getattr(ex, name))
        if value is not None and is_placeholder(value):
            update[name] = None
        elif value is not None and name in CASUALTY_KINDS:
            update[name] = readable_count(value, article)
    if (country := update.get("country", ex.country)) and find_quote(country, article) < 0:
        # "Ukraine" for an article that writes "Ucrania": the article's own spelling
        code = country_code(country)
        update["country"] = (code and country_spelling(code, article)) or country
    for role in ("perpetrators", "targets"):
        update[role] = [a for a in getattr(ex, role) if not is_placeholder(a)]
    return ex.model_copy(update=update)


def _inferred_region(field: str, part: str, ex: Extraction) -> bool:
    """A region not written in the article passes when it is one of its country's."""
    return field == "region" and known_region(part, ex.country)


def _span_problems(ex: Extraction, article: str) -> dict[str, str]:
    """field (or field[i]) -> why that span is not acceptable."""
    problems: dict[str, str] = {}
    if ex.date_text and find_quote(ex.date_text, article) < 0:
        problems["date_text"] = f"date_text {ex.date_text!r} is not in the article"
    for name in _PLACE_FIELDS:
        value = getattr(ex, name)
        parts = [p for p in (value or "").split(",") if p.strip()]
        if any(find_quote(p, article) < 0 and not _inferred_region(name, p, ex) for p in parts):
            problems[name] = f"{name} {value!r} is not in the article"
    for role in ("perpetrators", "targets"):
        for i, actor in enumerate(getattr(ex, role)):
            if not any(find_quote(n, article) >= 0 for n in [actor, *split_name(actor)]):
                problems[f"{role}[{i}]"] = f"{role} name {actor!r} is not in the article"
    for kind in CASUALTY_KINDS:
        span = getattr(ex, kind)
        if not span:
            continue
        quote = count_span(span, article)
        if quote is None:
            problems[kind] = f"{kind} {span!r} is not in the article"
        elif problem := _category_problem(kind, quote, article):
            problems[kind] = problem
    problems.update(prose_problems(ex, article))
    return problems


class VerifiedExtraction(Extraction):
    """Extraction whose spans must stand in the article given as validation context."""

    @model_validator(mode="after")
    def _spans_in_article(self, info: ValidationInfo) -> "VerifiedExtraction":
        article = (info.context or {}).get("article")
        if article:
            settled = settle_spans(self, article)
            for name in Extraction.model_fields:
                setattr(self, name, getattr(settled, name))
            problems = _span_problems(self, article)
            if problems:
                raise ValueError(
                    "; ".join(problems.values())
                    + ". Copy each span exactly as the article writes it, or use null."
                )
        return self


def article_date_span(date_text: str | None, article: str) -> str | None:
    """A date the model translated or reformatted ("7 November 2025" for "7 novembre
    2025") replaced by the article's own words for the same day, when it has exactly one."""
    if not date_text or find_quote(date_text, article) >= 0:
        return date_text
    value, explicit = resolve_date(date_text, None)
    if value is None or not explicit:
        return date_text
    same = {span for span, v in explicit_spans(article) if v == value}
    return same.pop() if len(same) == 1 else date_text


def drop_unsupported(ex: Extraction, article: str) -> tuple[Extraction, list[str]]:
    """The lenient pass, field by field: null every unsupported span (one bad field never
    costs the others), keep a warning for each."""
    ex = settle_spans(ex, article)
    problems = _span_problems(ex, article)
    update: dict[str, Any] = {f: None for f in problems if "[" not in f}
    update |= {f: "" for f in ("title", "summary") if f in problems}  # required: blank, not null
    for role in ("perpetrators", "targets"):
        keep = [a for i, a in enumerate(getattr(ex, role)) if f"{role}[{i}]" not in problems]
        update[role] = keep
    cleaned = Extraction.model_validate(ex.model_dump() | update)
    return cleaned, [f"{p}; dropped" for p in problems.values()]


def _actors(names: list[str], article: str, country: str | None, role: str) -> list[ActorFact]:
    """Each actor once, with its identity (dictionary or ACLED's generic actors), every
    wording kept as an alias, and the attribution the article's words give it."""
    facts = []
    for raw in names:
        parts = split_name(raw)
        who = identify(raw, country, role)
        facts.append(
            ActorFact(
                name=who.name if who else display_name(parts),
                aliases=sorted({*parts, *(who.names if who else ())}, key=name_key),
                attribution=(
                    attribution([raw, *parts, *(who.names if who else ())], article)
                    if role == "perpetrators"
                    else "stated"
                ),
                quote=raw,
                identity=who.identity if who else None,
                category=who.category if who else None,
            )
        )
    merged = []
    for group in merge_actors([("", f) for f in facts], role):
        lead = preferred(group)
        aliases = {a for _, f in group for a in f.aliases}
        if lead.identity is None:
            aliases |= {f.name for _, f in group}
        merged.append(
            lead.model_copy(
                update={
                    "aliases": sorted(aliases, key=lambda a: (name_key(a), a)),
                    "attribution": merged_attribution(group),
                    "name": lead.name if lead.identity else display_name(sorted(aliases)),
                }
            )
        )
    return merged


def _places(ex: Extraction, article: str, warnings: list[str]) -> dict[str, PlaceFact | None]:
    """Country, admin1 and location, filled in and located through the gazetteer."""
    return locate_places(
        ex.country, ex.region, ex.town, [*ex.targets, *ex.perpetrators], article, warnings
    )


def to_report(article: Article, ex: Extraction, warnings: list[str]) -> ArticleReport:
    """Normalise verified spans into the article's report. Pure."""
    warnings = list(warnings)
    date = None
    if ex.date_text:
        date = stated_date(
            "date", ex.date_text, article.published, article.text, warnings, drop_background=True
        )
    places = _places(ex, article.text, warnings)
    code = places["country"].code if places["country"] else None
    counts = {kind: count_fact(kind, getattr(ex, kind), article.text) for kind in CASUALTY_KINDS}
    targets = _actors(ex.targets, article.text, code, "targets")
    event_type, note = coded_event_type(ex.event_type, targets, article.text)
    warnings += [note] if note else []
    return ArticleReport(
        article=article.ref(),
        is_incident=ex.is_incident,
        event_type=event_type if ex.is_incident else None,
        date=date,
        **places,
        perpetrators=_actors(ex.perpetrators, article.text, code, "perpetrators"),
        targets=targets,
        **counts,
        title=ex.title.strip() or None,
        summary=ex.summary.strip() or None,
        names=proper_names(article.text) if ex.is_incident else [],
        warnings=warnings,
    )


def _two_branches(schema: dict[str, Any]) -> None:
    branched = answer_schema(schema)
    schema.clear()
    schema.update(branched)


class Answer(Extraction):
    """What the model is asked for: the Extraction, or `{"is_incident": false}` alone."""

    model_config = ConfigDict(title="Extraction", json_schema_extra=_two_branches)


def span_bounds(span: str, article: str) -> Bounds | None:
    """A casualty span's bounds, with the qualifier before it and the groups after it."""
    return parse_count(
        with_qualifier(span, article) + _more_groups(span, article), guess_language(article)
    )


def count_fact(
    kind: str, span: str | None, article: str, category: re.Pattern[str] | None = None
) -> CountFact | None:
    """A count span read with its article: bounds, groups, revision, clause. A casualty
    count (no `category` of its own words) also reads the attackers' claim and dead."""
    if not span:
        return None
    bounds = span_bounds(span, article)
    if bounds is None:
        return None
    figure = bounds.min if bounds.min is not None else bounds.max
    context = read_context(span, article, kind, figure, category)
    casualty = category is None
    claimed = casualty and context.claimed
    if casualty and kind == "killed" and not claimed and (dead := attackers_killed(span, article)):
        bounds = _with_attackers(bounds, dead)
    return CountFact(
        quote=context.quote,
        min=bounds.min,
        max=bounds.max,
        approximate=bounds.approximate,
        figure=bounds.figure,
        parts=list(bounds.parts),
        revision=context.revision,
        earlier=list(context.earlier),
        claimed=claimed,
        provisional=context.provisional,
    )


def _with_attackers(bounds: Bounds, dead: int) -> Bounds:
    """The victims' toll plus the attackers' own dead, kept as one more part."""
    own = bounds.parts or tuple(
        v for v in (bounds.min if bounds.min is not None else bounds.max,) if v is not None
    )
    return Bounds(
        None if bounds.min is None else bounds.min + dead,
        None if bounds.max is None else bounds.max + dead,
        approximate=bounds.approximate,
        parts=(*own, dead),
        figure=None if bounds.figure is None else bounds.figure + dead,
    )


def _more_groups(span: str, article: str) -> str:
    """ " and three vigilantes" right after "17 soldiers": more groups of the same toll."""
    loc = locate(span, article)
    if loc is None:
        return ""
    m = re.match(r"\s+(?:and|et|y)\s+[^.;:!?\n]{1,60}", article[loc[1] :])
    return m[0] if m else ""


def prepared_text(article: Article, max_chars: int) -> tuple[str, list[str]]:
    """The text the model sees: injections left out, cut to fit; and warnings saying so."""
    clean, removed = strip_injections(article.text)
    warnings = [
        f"{article.id}: left out text addressed to the model: {passage[:120]!r}"
        for passage in removed
    ]
    text, cut = fit_text(article.model_copy(update={"text": clean or " "}), max_chars)
    return text, warnings + cut


def replay(
    article: Article, answer: str, *, max_chars: int = DEFAULT_MAX_CHARS, kind: Kind | None = None
) -> tuple[Extraction, list[str], Usage]:
    """A stored model answer (Extraction JSON) through the same checks as a live one.

    What a live call would re-ask is dropped with a warning, as after a failed re-ask: the
    deterministic layer is measured on exactly what it would keep of this answer.
    """
    text, warnings = prepared_text(article, max_chars)
    context = render_messages(article, text, kind)[1]
    try:
        verified = VerifiedExtraction.model_validate_json(answer, context=context)
        return Extraction.model_validate(verified.model_dump()), warnings, Usage()
    except ValidationError:
        try:
            raw = Extraction.model_validate_json(answer)
        except ValidationError as exc:
            raise InputError(
                article.id, f"stored answer is not an Extraction ({exc.error_count()} errors)"
            ) from None
    cleaned, dropped = drop_unsupported(raw, text)
    return cleaned, warnings + dropped, Usage()


async def extract(
    client: "LLMClient",
    article: Article,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    kind: Kind | None = None,
) -> tuple[Extraction, list[str], Usage]:
    """One model call for one article, plus one re-ask naming only the fields whose spans
    are not in the article. A field still unsupported after it is dropped on its own."""
    text, warnings = prepared_text(article, max_chars)
    if not may_report_incident(text):  # a budget or a harvest: no call at all
        note = f"{article.id}: no word of violence, harm or protest; not sent to the model"
        return Extraction(is_incident=False), [*warnings, note], Usage()
    messages, context = render_messages(article, text, kind)
    checks: Checks[Extraction] = Checks(
        settle=lambda ex: settle_spans(ex, text),
        problems=lambda ex: _span_problems(ex, text),
        drop=lambda ex: drop_unsupported(ex, text),
        reports=lambda ex: ex.is_incident,
    )
    cleaned, dropped, usage = await checked_call(
        client, messages, context, Answer, Extraction, checks
    )
    return cleaned, warnings + dropped, usage
