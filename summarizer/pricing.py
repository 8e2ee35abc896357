"""What a run cost: a small table of USD prices per million tokens, overridable.

Override or extend with SUMMARIZER_PRICES, a JSON object such as
{"openai/my-model": [0.2, 0.8]} (input, output). Unknown models cost None (unknown),
never a made-up zero; the embedded model costs nothing.
"""

import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.schemas import Usage

PRICES: dict[str, tuple[float, float]] = {
    "openai/gpt-4o": (2.50, 10.00),
    "openai/gpt-4o-mini": (0.15, 0.60),
    "openai/gpt-4.1": (2.00, 8.00),
    "openai/gpt-4.1-mini": (0.40, 1.60),
    "openai/gpt-4.1-nano": (0.10, 0.40),
    "embedded/qwen2.5-coder-1.5b": (0.0, 0.0),
}


def price_table() -> dict[str, tuple[float, float]]:
    table = dict(PRICES)
    extra = os.environ.get("SUMMARIZER_PRICES")
    if extra:
        for model, pair in json.loads(extra).items():
            table[model] = (float(pair[0]), float(pair[1]))
    return table


def cost_usd(model: str, usage: "Usage") -> float | None:
    prices = price_table().get(model)
    if prices is None:
        return None
    return round((usage.prompt_tokens * prices[0] + usage.completion_tokens * prices[1]) / 1e6, 6)
