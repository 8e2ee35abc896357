"""Config precedence, rule by rule: argument, then environment, then default."""

from pathlib import Path

import pytest

from summarizer._config import (
    DEFAULT_TIMEOUT,
    EMBEDDED_MODEL,
    EMBEDDED_TIMEOUT,
    ModelConfig,
    resolve_actors_file,
    resolve_config,
)
from summarizer.errors import UserError

KEYED = {"OPENAI_API_KEY": "sk-env"}


def test_default_is_the_embedded_model() -> None:
    assert resolve_config(env={}) == ModelConfig(
        model=EMBEDDED_MODEL, timeout=EMBEDDED_TIMEOUT, prices=(0.0, 0.0), span_reasks=False
    )


@pytest.mark.parametrize(
    ("argument", "env", "chosen"),
    [
        ("openai/from-arg", {"SUMMARIZER_MODEL": "openai/from-env"}, "openai/from-arg"),
        (None, {"SUMMARIZER_MODEL": "openai/from-env"}, "openai/from-env"),
        ("", {"SUMMARIZER_MODEL": "openai/from-env"}, "openai/from-env"),
        (None, {"SUMMARIZER_MODEL": ""}, EMBEDDED_MODEL),
    ],
)
def test_model_precedence(argument: str | None, env: dict[str, str], chosen: str) -> None:
    assert resolve_config(argument, env=env | KEYED).model == chosen


@pytest.mark.parametrize(
    ("argument", "env", "seconds"),
    [
        (7.0, {"SUMMARIZER_TIMEOUT": "9"}, 7.0),
        (None, {"SUMMARIZER_TIMEOUT": "9.5"}, 9.5),
        (None, {"SUMMARIZER_TIMEOUT": ""}, None),
        (None, {}, None),
    ],
)
def test_timeout_precedence(
    argument: float | None, env: dict[str, str], seconds: float | None
) -> None:
    # None: the provider's default (a local model on a busy CPU gets longer).
    for model, default in ((EMBEDDED_MODEL, EMBEDDED_TIMEOUT), ("openai/m", DEFAULT_TIMEOUT)):
        config = resolve_config(model, timeout=argument, env=env | KEYED)
        assert config.timeout == (default if seconds is None else seconds)
        assert isinstance(config.timeout, float)


def test_the_embedded_model_waits_longer_than_a_remote_endpoint() -> None:
    assert EMBEDDED_TIMEOUT > DEFAULT_TIMEOUT


def test_endpoint_and_key_precedence() -> None:
    env = {"OPENAI_BASE_URL": "http://env:1/v1", "OPENAI_API_KEY": "sk-env"}
    both = resolve_config("openai/m", base_url="http://arg:2/v1", api_key="sk-arg", env=env)
    assert (both.base_url, both.api_key) == ("http://arg:2/v1", "sk-arg")
    from_env = resolve_config("openai/m", env=env)
    assert (from_env.base_url, from_env.api_key) == ("http://env:1/v1", "sk-env")


def test_empty_environment_values_count_as_unset() -> None:
    config = resolve_config("openai/m", env={"OPENAI_BASE_URL": "", "OPENAI_API_KEY": "sk-x"})
    assert config.base_url is None
    config = resolve_config(
        "openai/m", env={"OPENAI_BASE_URL": "http://h/v1", "OPENAI_API_KEY": ""}
    )
    assert (config.base_url, config.api_key) == ("http://h/v1", None)


def test_a_key_or_an_endpoint_is_enough_and_one_is_needed() -> None:
    assert resolve_config("openai/m", api_key="sk-a", env={}).api_key == "sk-a"
    assert resolve_config("openai/m", base_url="http://h/v1", env={}).base_url == "http://h/v1"
    with pytest.raises(UserError, match=r"^OPENAI_API_KEY is not set \(or give --base-url"):
        resolve_config("openai/m", env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})


def test_embedded_ignores_endpoint_and_key() -> None:
    env = {"OPENAI_BASE_URL": "http://env/v1", "OPENAI_API_KEY": "sk-env"}
    config = resolve_config(EMBEDDED_MODEL, base_url="http://arg/v1", api_key="sk-arg", env=env)
    assert config == ModelConfig(
        model=EMBEDDED_MODEL, timeout=EMBEDDED_TIMEOUT, prices=(0.0, 0.0), span_reasks=False
    )


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("anthropic/claude", "unknown model 'anthropic/claude': use openai/NAME"),
        ("openai/", "unknown model 'openai/'"),
        ("openai", "unknown model 'openai'"),
        ("gpt-4o", "unknown model 'gpt-4o'"),
        (
            "embedded/other",
            f"unknown embedded model 'embedded/other': the embedded model is {EMBEDDED_MODEL}",
        ),
    ],
)
def test_unknown_models_are_user_errors(model: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        resolve_config(model, env=KEYED)
    assert str(caught.value).startswith(message)
    assert str(caught.value).endswith(EMBEDDED_MODEL)


def test_reads_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MODEL", "openai/proc")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-proc")
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "3")
    config = resolve_config()
    assert (config.model, config.api_key, config.timeout) == ("openai/proc", "sk-proc", 3.0)


def test_provider_and_name_split_at_the_first_slash() -> None:
    config = ModelConfig(model="openai/org/model-1")
    assert (config.provider, config.name) == ("openai", "org/model-1")


def test_the_key_stays_out_of_repr() -> None:
    config = resolve_config("openai/m", api_key="sk-SECRET", env={})
    assert "sk-SECRET" not in repr(config)


def test_a_model_name_may_hold_slashes() -> None:
    # OpenAI-compatible servers often name models "org/model".
    config = resolve_config("openai/org/model-1", env=KEYED)
    assert (config.model, config.provider, config.name) == (
        "openai/org/model-1",
        "openai",
        "org/model-1",
    )


@pytest.mark.parametrize(
    ("option", "env", "chosen"),
    [
        ("mine.yaml", {"SUMMARIZER_ACTORS": "env.yaml"}, Path("mine.yaml")),  # the option first
        (None, {"SUMMARIZER_ACTORS": "env.yaml"}, Path("env.yaml")),
        (None, {"SUMMARIZER_ACTORS": ""}, None),  # empty is unset
        ("", {}, None),
        (None, {}, None),
    ],
)
def test_the_actor_file_option_then_the_environment(
    option: str | None, env: dict[str, str], chosen: Path | None
) -> None:
    assert resolve_actors_file(option, env) == chosen


def test_the_actor_file_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_ACTORS", "from-env.yaml")
    assert resolve_actors_file() == Path("from-env.yaml")


@pytest.mark.parametrize("value", ["0", "-5", "soon", "nan"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(value: str) -> None:
    with pytest.raises(UserError) as caught:
        resolve_config("openai/m", env=KEYED | {"SUMMARIZER_TIMEOUT": value})
    assert str(caught.value) == (
        f"SUMMARIZER_TIMEOUT must be a positive number of seconds, not {value!r}"
    )


def test_prices_come_from_the_given_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_PRICES", '{"openai/m": [9, 9]}')  # not the env given
    env = KEYED | {"SUMMARIZER_PRICES": '{"openai/m": [1.5, 2.5]}'}
    assert resolve_config("openai/m", env=env).prices == (1.5, 2.5)
    assert resolve_config("openai/m", base_url="http://h/v1", env={}).prices is None


def test_a_fraction_of_a_second_is_a_timeout() -> None:
    assert resolve_config("openai/m", env=KEYED | {"SUMMARIZER_TIMEOUT": "0.5"}).timeout == 0.5


@pytest.mark.parametrize(
    ("model", "value", "expected"),
    [
        ("embedded/qwen2.5-coder-1.5b", None, False),  # the 1.5B model rarely fixes a span
        ("openai/gpt-4o-mini", None, True),
        ("embedded/qwen2.5-coder-1.5b", "1", True),
        ("embedded/qwen2.5-coder-1.5b", "true", True),
        ("openai/gpt-4o-mini", "0", False),
        ("openai/gpt-4o-mini", "off", False),
        ("openai/gpt-4o-mini", "", True),  # empty counts as unset
    ],
)
def test_span_reasks_default_by_model_then_the_environment(
    model: str, value: str | None, expected: bool
) -> None:
    env = {"OPENAI_API_KEY": "k"} | ({"SUMMARIZER_SPAN_REASKS": value} if value is not None else {})
    assert resolve_config(model, env=env).span_reasks is expected


def test_a_span_reasks_value_that_is_not_a_flag_is_refused() -> None:
    with pytest.raises(UserError, match=r"SUMMARIZER_SPAN_REASKS must be 1 or 0.*'maybe'"):
        resolve_config(None, env={"SUMMARIZER_SPAN_REASKS": "maybe"})
