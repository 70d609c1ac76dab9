"""ASGI middleware for what every response shares: ``HEAD`` wherever ``GET`` is served, and
security headers."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; frame-ancestors 'none'"
# FastAPI's API docs load Swagger UI / ReDoc from a CDN and start them with an inline script.
CSP_EXEMPT = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})


class HeadAsGet:
    """Answer ``HEAD`` as the ``GET`` route would, headers only (FastAPI routes take ``GET``
    alone, so feed readers' and monitors' ``HEAD`` requests got 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self._app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server still sees HEAD, and so sends no body whatever Content-Length says.
        as_get = {**scope, "method": "GET"}
        try:
            await self._app(as_get, receive, headers_only)
        finally:
            if "route" in as_get:  # for the metrics, which label requests by route
                scope["route"] = as_get["route"]


class SecurityHeaders:
    """``nosniff``, no referrer, no framing, and a Content-Security-Policy that allows only the
    site's own scripts and styles (the pages have no inline ones) on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        exempt = scope["path"] in CSP_EXEMPT

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if not exempt:
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            await send(message)

        await self._app(scope, receive, with_headers)
