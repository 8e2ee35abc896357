"""What a run cost: a small table of USD prices per million tokens, overridable.

Override or extend with SUMMARIZER_PRICES, a JSON object such as
{"openai/my-model": [0.2, 0.8]} (input, output). It is validated when the config is
resolved, before any model call, so a typo costs nothing. Unknown models cost None
(unknown), never a made-up zero; the embedded model costs nothing.
"""

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, TypeAdapter, ValidationError

from summarizer.errors import UserError

if TYPE_CHECKING:
    from summarizer.schemas import Usage

Price = tuple[float, float]  # USD per 1M prompt tokens, per 1M completion tokens

PRICES: dict[str, Price] = {
    "openai/gpt-4o": (2.50, 10.00),
    "openai/gpt-4o-mini": (0.15, 0.60),
    "openai/gpt-4.1": (2.00, 8.00),
    "openai/gpt-4.1-mini": (0.40, 1.60),
    "openai/gpt-4.1-nano": (0.10, 0.40),
    "embedded/qwen2.5-coder-1.5b": (0.0, 0.0),
}

_USD = Annotated[float, Field(ge=0, allow_inf_nan=False)]
_OVERRIDES: TypeAdapter[dict[str, tuple[_USD, _USD]]] = TypeAdapter(dict[str, tuple[_USD, _USD]])


def price_table(env: Mapping[str, str] | None = None) -> dict[str, Price]:
    """The built-in table with SUMMARIZER_PRICES on top. Raises UserError if that is malformed."""
    env = os.environ if env is None else env
    table = dict(PRICES)
    extra = env.get("SUMMARIZER_PRICES")
    if extra:
        try:
            table.update(_OVERRIDES.validate_json(extra))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"])) or "top level"
            raise UserError(
                f"SUMMARIZER_PRICES is malformed ({where}: {first['msg']}); expected a JSON "
                'object such as {"openai/my-model": [0.2, 0.8]} (USD per 1M input, output tokens)'
            ) from None
    return table


def cost_usd(prices: Price | None, usage: "Usage") -> float | None:
    if prices is None:
        return None
    return round((usage.prompt_tokens * prices[0] + usage.completion_tokens * prices[1]) / 1e6, 6)
