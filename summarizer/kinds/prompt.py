"""A kind's messages for one article: its prompt templates rendered, and the text the
model sees (text addressed to the model left out, cut to fit the context). Pure but for
reading the templates."""

from functools import cache

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from summarizer.articles import Article
from summarizer.kinds.model import Kind
from summarizer.kinds.registry import load_kind
from summarizer.normalize.injection import strip_injections

DEFAULT_MAX_CHARS = 12_000  # about 3,000 tokens: leaves room for prompt and answer in 8k
_END_MARKER = "ARTICLE>>>"


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


def prepared_text(article: Article, max_chars: int) -> tuple[str, list[str]]:
    """The text the model sees: injections left out, cut to fit; and warnings saying so."""
    clean, removed = strip_injections(article.text)
    warnings = [
        f"{article.id}: left out text addressed to the model: {passage[:120]!r}"
        for passage in removed
    ]
    text, cut = fit_text(article.model_copy(update={"text": clean or " "}), max_chars)
    return text, warnings + cut
