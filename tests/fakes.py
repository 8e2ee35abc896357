"""A real OpenAI-compatible HTTP server on 127.0.0.1, scripted per test or benchmark.

The whole openai + instructor + tenacity stack runs against it unchanged; callers assert
on the requests it actually received. Used by tests/ and benchmarks/.
"""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; str -> sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 800,
    completion_tokens: int = 200,
    choices: bool = True,
) -> dict[str, Any]:
    """A chat.completion body as OpenAI and llama.cpp's server send it."""
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1762560000,
        "model": "test-model",
        "choices": [],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
    if choices:
        body["choices"] = [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ]
    return body


def article_of(request: dict[str, Any]) -> str:
    user = [m for m in request["messages"] if m["role"] == "user"]
    return user[0]["content"] if user else ""


class FakeServer:
    """ThreadingHTTPServer speaking /v1/chat/completions, answering via `handler`."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict[str, Any]] = []
        self.health_checks = 0
        self.loading_checks = 0  # GET /health answers 503 (loading) this many times first
        self.headers: list[dict[str, str]] = []
        self.handler: Callable[[dict[str, Any]], Reply] = lambda _: Reply(status=400, body={})
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # llama.cpp's /health: 503 while loading, then 200
                outer.health_checks += 1
                loading = outer.health_checks <= outer.loading_checks
                data = json.dumps({"status": "loading model" if loading else "ok"}).encode()
                self.send_response(503 if loading else 200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                with outer._lock:
                    outer.requests.append(request)
                    outer.headers.append(dict(self.headers))
                reply = outer.handler(request)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                data = body.encode()
                try:
                    self.send_response(reply.status)
                    ctype = "application/json" if not isinstance(reply.body, str) else "text/html"
                    self.send_header("content-type", ctype)
                    self.send_header("content-length", str(len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # the default backlog of 5 stalls concurrent clients

        self._server = Server(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/v1"  # the address it was bound to

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def scripted(
    answers: dict[str, dict[str, Any]], delay: float = 0.0
) -> Callable[[dict[str, Any]], Reply]:
    """A scripted model: answers the extraction listed under a phrase found in the prompt."""

    def handler(request: dict[str, Any]) -> Reply:
        prompt = json.dumps(request["messages"], ensure_ascii=False)
        for marker, facts in answers.items():
            if marker in prompt:
                body = {"is_incident": True, "title": marker, "summary": marker} | facts
                return Reply(body=completion(json.dumps(body)), delay=delay)
        return Reply(status=400, body={"error": {"message": "unknown article"}})

    return handler
