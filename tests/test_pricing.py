"""The price table and the cost of a run: per-million prices, overrides, unknown models."""

import pytest

from summarizer.errors import UserError
from summarizer.pricing import PRICES, cost_usd, price_table
from summarizer.schemas import Usage


@pytest.fixture(autouse=True)
def _no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_PRICES", raising=False)


def test_table_is_the_builtin_one_and_a_copy() -> None:
    table = price_table()
    assert table == PRICES
    table["openai/gpt-4o"] = (0.0, 0.0)
    assert price_table()["openai/gpt-4o"] == (2.50, 10.00)


def test_override_replaces_and_extends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/gpt-4o": [1, 3], "openai/mine": ["0.5", 2]}')
    table = price_table()
    assert table["openai/gpt-4o"] == (1.0, 3.0)
    assert table["openai/mine"] == (0.5, 2.0)
    assert all(isinstance(p, float) for p in table["openai/mine"])
    assert table["openai/gpt-4o-mini"] == (0.15, 0.60)  # the rest untouched


def test_empty_override_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", "")
    assert price_table() == PRICES


@pytest.mark.parametrize(
    ("model", "prompt", "completion", "usd"),
    [
        ("openai/gpt-4o", 1_000_000, 0, 2.5),  # input price per million
        ("openai/gpt-4o", 0, 1_000_000, 10.0),  # output price per million
        ("openai/gpt-4o", 1000, 500, 0.0075),
        ("openai/gpt-4.1-nano", 1, 0, 0.0),  # 1e-7 rounds away at 6 decimals
        ("openai/gpt-4o-mini", 1234, 0, 0.000185),  # 0.0001851 rounded to 6 decimals
        ("embedded/qwen2.5-coder-1.5b", 5000, 700, 0.0),
    ],
)
def test_cost(model: str, prompt: int, completion: int, usd: float) -> None:
    cost = cost_usd(
        price_table().get(model), Usage(prompt_tokens=prompt, completion_tokens=completion)
    )
    assert cost == usd
    assert isinstance(cost, float)


def test_unknown_model_costs_unknown_not_zero() -> None:
    assert (
        cost_usd(
            price_table().get("openai/not-priced"), Usage(prompt_tokens=10, completion_tokens=10)
        )
        is None
    )


def test_cost_uses_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/mine": [2, 4]}')
    assert (
        cost_usd(
            price_table().get("openai/mine"),
            Usage(prompt_tokens=500_000, completion_tokens=250_000),
        )
        == 2.0
    )


@pytest.mark.parametrize(
    ("value", "where", "msg"),
    [
        ("[1, 2]", "top level", "Input should be an object"),
        ('{"openai/m": [0.2]}', "openai/m.1", "Field required"),
        ('{"openai/m": [-1, 2]}', "openai/m.0", "Input should be greater than or equal to 0"),
        ('{"openai/m": [1, "x"]}', "openai/m.1", "Input should be a valid number"),
        ("{not json", "top level", "Invalid JSON"),
    ],
)
def test_a_malformed_override_names_where_and_why(value: str, where: str, msg: str) -> None:
    with pytest.raises(UserError) as caught:
        price_table({"SUMMARIZER_PRICES": value})
    text = str(caught.value)
    assert text.startswith(f"SUMMARIZER_PRICES is malformed ({where}: {msg}")
    assert text.endswith(
        'expected a JSON object such as {"openai/my-model": [0.2, 0.8]} '
        "(USD per 1M input, output tokens)"
    )
