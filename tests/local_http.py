"""A real HTTP server on 127.0.0.1 for feed and fetch tests (http.server in a thread)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds to wait after each 100 bytes of the body (a slow server)


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path, Route(b"not found", 404))
            etag = route.headers.get("ETag")
            modified = route.headers.get("Last-Modified")
            if (etag and self.headers.get("If-None-Match") == etag) or (
                not etag and modified and self.headers.get("If-Modified-Since") == modified
            ):
                self.send_response(304)
                for name in ("ETag", "Last-Modified"):
                    if name in route.headers:
                        self.send_header(name, route.headers[name])
                self.end_headers()
                return
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if not route.drip:
                self.wfile.write(route.body)
                return
            try:
                for start in range(0, len(route.body), 100):
                    self.wfile.write(route.body[start : start + 100])
                    self.wfile.flush()
                    time.sleep(route.drip)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LocalServer]:
    state = LocalServer("", routes, [])
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
