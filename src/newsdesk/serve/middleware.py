"""ASGI middleware for what every response shares: ``HEAD`` wherever ``GET`` is served."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
