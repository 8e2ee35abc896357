"""Model configuration, in one place: argument, then environment, then default.

Kept apart from `_llm` so resolving a config (every run does, even one served wholly from
the cache) never imports openai or instructor.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import UserError
from summarizer.pricing import Price, price_table

EMBEDDED_MODEL = "embedded/qwen2.5-coder-1.5b"
PROVIDERS = ("openai", "embedded")
DEFAULT_TIMEOUT = 120.0  # seconds per HTTP request to a remote endpoint
# The embedded model runs on the user's own CPU: ~20 s an article when idle,
# several minutes when other work shares the cores. It cannot hang on a network.
EMBEDDED_TIMEOUT = 900.0
DEFAULT_TRANSPORT_RETRIES = 3  # per request, after the first attempt
DEFAULT_RUN_RETRY_BUDGET = 50  # transport retries across a whole run
DEFAULT_MAX_REASKS = 1  # validation re-asks per article
# The targeted re-ask of fields that fail the span check. The embedded 1.5B model fixed 1
# of 37 such re-asks on the 48 development articles, and they cost a quarter of the run's
# time, so it does not get them unless asked; a failing field is dropped at once.
SPAN_REASKS_ENV = "SUMMARIZER_SPAN_REASKS"
DEFAULT_MAX_TOKENS = 700
MAX_RETRY_AFTER = 60.0  # never sleep longer than this on one Retry-After


@dataclass(frozen=True)
class ModelConfig:
    """Where and how to call a model. The key is kept out of repr and of every message."""

    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    transport_retries: int = DEFAULT_TRANSPORT_RETRIES
    max_reasks: int = DEFAULT_MAX_REASKS
    span_reasks: bool = True  # re-ask the fields that fail the span check
    max_tokens: int = DEFAULT_MAX_TOKENS
    prices: Price | None = None  # USD per 1M tokens (in, out); None: unknown

    @property
    def provider(self) -> str:
        return self.model.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.model.split("/", 1)[1]


def resolve_config(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
) -> ModelConfig:
    """Config precedence, in one place: argument, then environment, then default."""
    env = os.environ if env is None else env
    chosen = model or env.get("SUMMARIZER_MODEL") or EMBEDDED_MODEL
    provider, _, name = chosen.partition("/")
    if provider not in PROVIDERS or not name:
        raise UserError(
            f"unknown model {chosen!r}: use openai/NAME (any OpenAI-compatible endpoint) "
            f"or {EMBEDDED_MODEL}"
        )
    if provider == "embedded" and chosen != EMBEDDED_MODEL:
        raise UserError(
            f"unknown embedded model {chosen!r}: the embedded model is {EMBEDDED_MODEL}"
        )
    default = EMBEDDED_TIMEOUT if provider == "embedded" else DEFAULT_TIMEOUT
    seconds = timeout or _seconds(env.get("SUMMARIZER_TIMEOUT"), default)
    prices = price_table(env).get(chosen)
    reask = _flag(env.get(SPAN_REASKS_ENV), SPAN_REASKS_ENV, default=provider != "embedded")
    if provider == "embedded":
        return ModelConfig(model=chosen, timeout=seconds, prices=prices, span_reasks=reask)
    url = base_url or env.get("OPENAI_BASE_URL") or None
    key = api_key or env.get("OPENAI_API_KEY") or None
    if key is None and url is None:
        raise UserError("OPENAI_API_KEY is not set (or give --base-url for a local server)")
    return ModelConfig(
        model=chosen, base_url=url, api_key=key, timeout=seconds, prices=prices, span_reasks=reask
    )


def resolve_actors_file(
    option: str | None = None, env: Mapping[str, str] | None = None
) -> Path | None:
    """The user's actor dictionary, added to the shipped one: the option, then
    SUMMARIZER_ACTORS, else none."""
    env = os.environ if env is None else env
    chosen = option or env.get("SUMMARIZER_ACTORS") or None
    return Path(chosen) if chosen else None


def _flag(value: str | None, name: str, *, default: bool) -> bool:
    if not value:
        return default
    word = value.strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise UserError(f"{name} must be 1 or 0 (true or false), not {value!r}")


def _seconds(value: str | None, default: float) -> float:
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise UserError(f"SUMMARIZER_TIMEOUT must be a positive number of seconds, not {value!r}")
    return seconds
