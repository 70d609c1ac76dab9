"""``newsdesk serve``: the web UI and JSON API, optionally fed live by ``--watch FEEDS``."""

from __future__ import annotations

import sys
import threading

import click

from newsdesk.cli.context import current_settings, opened_store, require_store_file, stderr
from newsdesk.cli.watch import describe, feeds_or_usage_error
from newsdesk.config import Settings
from newsdesk.store import StoreError
from newsdesk.watch import FeedWatcher


class BackgroundWatcher:
    """Runs a :class:`FeedWatcher` in a daemon thread for the web server's lifetime."""

    def __init__(self, feeds: list[str], settings: Settings) -> None:
        self._feeds = feeds
        self._settings = settings
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        # An exception here would end the thread quietly while the server goes on serving stale
        # stories; say so on stderr instead, in one line.
        try:
            with opened_store(self._settings, create=True) as store:
                watcher = FeedWatcher(self._feeds, store, self._settings)
                watcher.run(self._stop, report=lambda r: stderr.print(describe(r), markup=False))
        except (click.ClickException, StoreError) as error:
            message = error.format_message() if isinstance(error, click.ClickException) else error
            stderr.print(f"watch stopped: {message}", markup=False)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsdesk-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._settings.fetch_timeout + 5)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--watch",
    "watch_feeds",
    multiple=True,
    metavar="FEED",
    help="Also poll this feed URL or OPML file and ingest new items (repeatable).",
)
def serve(host: str, port: int, watch_feeds: tuple[str, ...]) -> None:
    """Serve the web UI (stories, briefs, articles, search) and the JSON API under /api/.

    Open http://HOST:PORT/ in a browser. The API schema is /openapi.json (works offline);
    /docs shows it in Swagger UI, which loads from a CDN and so needs internet access.
    """
    # Imported here: the web stack is only needed by this command.
    import uvicorn

    from newsdesk.serve import create_app
    from newsdesk.serve.listen import AnnouncingServer, BindError, listening_socket, url_of

    settings = current_settings()
    if not watch_feeds:  # with --watch, the watcher creates the store as `newsdesk watch` does
        require_store_file(settings)
    background = (
        BackgroundWatcher(feeds_or_usage_error(watch_feeds), settings) if watch_feeds else None
    )
    try:
        app = create_app(
            settings,
            on_startup=background.start if background else None,
            on_shutdown=background.stop if background else None,
        )
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        sock = listening_socket(host, port)
    except BindError as error:
        raise click.ClickException(str(error)) from None

    def announce(bound_port: int) -> None:
        url = url_of(host, bound_port)
        message = f"newsdesk web UI on {url} (store {settings.db})"
        stderr.print(message, markup=False, soft_wrap=True)  # one line, however long

    server = AnnouncingServer(uvicorn.Config(app, log_level="warning"), on_listening=announce)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl+C it shut down on, as uvicorn.run
        pass
    finally:
        sock.close()
    if not server.started:  # the app's startup failed; uvicorn has said why
        sys.exit(1)
