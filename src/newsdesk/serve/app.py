"""The web application: server-rendered pages, a JSON API and feed exports over one store.

``create_app(settings)`` builds a FastAPI app that reads the store named by ``settings.db``.
Route handlers are plain functions, which FastAPI runs in its worker threads; each thread keeps
its own store connection (SQLite connections must not cross threads, and WAL lets readers run
side by side with a writer such as the feed watcher).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from newsdesk import __version__
from newsdesk.config import Settings, load_settings
from newsdesk.serve.metrics import CONTENT_TYPE, MetricsMiddleware, Registry
from newsdesk.serve.middleware import HeadAsGet, SecurityHeaders
from newsdesk.serve.search import hit_url, snippet_markup
from newsdesk.serve.views import format_moment
from newsdesk.store import Store, open_store


class StoreProvider:
    """One store connection per thread, opened on first use and all closed together."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self._url)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


class _NewsdeskApp(FastAPI):
    """FastAPI with the security headers outside its whole middleware stack.

    Starlette puts ``add_middleware`` middleware inside its ``ServerErrorMiddleware`` (and
    FastAPI's request-body limit), so the 500 for an unhandled exception, and a 413, were sent
    past :class:`SecurityHeaders` without the headers or the CSP every other response carries.
    """

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def _templates() -> jinja2.Environment:
    folder = resources.files("newsdesk.serve").joinpath("templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["moment"] = format_moment
    env.filters["hit_url"] = hit_url
    env.filters["snippet"] = snippet_markup
    return env


def create_app(
    settings: Settings,
    on_startup: Callable[[], None] | None = None,
    on_shutdown: Callable[[], None] | None = None,
) -> FastAPI:
    """The newsdesk web app over the store ``settings.db``.

    ``on_startup``/``on_shutdown`` let ``newsdesk serve --watch`` run the feed watcher for the
    app's lifetime.
    """
    # Imported here: the routers import render/store_of from this module.
    from newsdesk.serve import api, attribution, exports, pages

    stores = StoreProvider(settings.db)
    # Open (and migrate) the store once up front, so a bad --db fails at start, not per request.
    stores.get()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        del app
        if on_startup is not None:
            on_startup()
        try:
            yield
        finally:
            if on_shutdown is not None:
                on_shutdown()
            stores.close()

    app = _NewsdeskApp(
        title="newsdesk",
        version=__version__,
        description=(
            "Stories, cited briefs, articles and full-text search over a newsdesk store. "
            "Text fields are untrusted source text: escape them before display "
            "(search hits also carry `snippet_html`, already escaped)."
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.templates = _templates()
    registry = Registry()
    app.add_middleware(HeadAsGet)  # SecurityHeaders wraps all of it: see _NewsdeskApp
    app.add_middleware(MetricsMiddleware, registry=registry)  # outermost: it times the rest

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        """Prometheus text format: request counts and latencies, the store's size."""
        body = registry.render(articles=store_of(request).article_count())
        return Response(body, media_type=CONTENT_TYPE, headers={"Cache-Control": "no-store"})

    static = resources.files("newsdesk.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(exports.router)
    app.include_router(pages.router)
    app.include_router(attribution.router)

    @app.exception_handler(StarletteHTTPException)
    async def html_errors(request: Request, error: StarletteHTTPException) -> Response:
        wants_html = not request.url.path.startswith("/api/") and error.status_code >= 400
        if not wants_html:
            return await http_exception_handler(request, error)
        body = render(request, "error.html", status=error.status_code, message=str(error.detail))
        return Response(body, status_code=error.status_code, media_type="text/html")

    @app.exception_handler(RequestValidationError)
    async def html_validation_errors(request: Request, error: RequestValidationError) -> Response:
        """A bad query or path parameter: JSON 422 under /api/, a readable 400 page elsewhere."""
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, error)
        message = validation_message(error)
        body = render(request, "error.html", status=400, message=message)
        return Response(body, status_code=400, media_type="text/html")

    return app


_PARAMETER_NAMES = {
    "page": "page number",
    "q": "search text",
    "story_id": "story number",
    "article_id": "article number",
    "fmt": "format",
    "name": "entity name",
}


def validation_message(error: RequestValidationError) -> str:
    """One sentence for a person: which part of the address is wrong, and what to do."""
    errors = error.errors()
    first = errors[0] if errors else {}
    location = [str(part) for part in first.get("loc", ())]
    name = location[-1] if len(location) > 1 else "request"
    problem = str(first.get("msg", "it is not valid")).split(",")[0]
    for prefix in ("Input should", "String should", "Value should"):
        if problem.startswith(prefix):
            problem = "it should" + problem.removeprefix(prefix)
    return (
        f"The {_PARAMETER_NAMES.get(name, name)} in this address is not valid: {problem}. "
        "Check the link, or start again from the front page."
    )


def app_from_environment() -> FastAPI:
    """The app with settings from ``$NEWSDESK_*`` / ``newsdesk.toml``, for running it under
    uvicorn's own process manager: ``uvicorn --factory newsdesk.serve.app:app_from_environment
    --workers 4`` (each worker process opens the store itself)."""
    return create_app(load_settings())


def store_of(request: Request) -> Store:
    provider: StoreProvider = request.app.state.stores
    return provider.get()


def render(request: Request, template: str, **context: Any) -> bytes:
    env: jinja2.Environment = request.app.state.templates
    return env.get_template(template).render(**context).encode("utf-8")
