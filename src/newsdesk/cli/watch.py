"""``newsdesk watch FEEDS...``: poll feeds and ingest new items as they appear."""

from __future__ import annotations

import threading

import click

from newsdesk.cli.attribution import watch_report
from newsdesk.cli.context import (
    FiniteFloatRange,
    current_settings,
    non_empty_inputs,
    opened_store,
    stderr,
)
from newsdesk.config import MAX_SECONDS
from newsdesk.watch import FeedListError, FeedWatcher, PollResult, feed_list


def describe(result: PollResult) -> str:
    """One line for the user about one poll."""
    if result.status == "updated":
        rejected = f", {len(result.rejected)} rejected" if result.rejected else ""
        return f"{result.feed}: {result.added} new article(s){rejected}"
    if result.status == "error":
        return f"{result.feed}: error: {result.error}"
    return f"{result.feed}: {result.status}"


def feeds_or_usage_error(arguments: tuple[str, ...]) -> list[str]:
    try:
        return feed_list(arguments)
    except FeedListError as error:
        raise click.UsageError(str(error)) from None


@click.command()
@click.argument("feeds", nargs=-1, required=True, callback=non_empty_inputs)
@click.option(
    "--interval",
    type=FiniteFloatRange(min=1.0, max=MAX_SECONDS),
    default=None,
    help="Seconds between polls of each feed (default: settings.watch_interval, 300).",
)
@click.option("--once", is_flag=True, help="Poll every feed once, then exit.")
def watch(feeds: tuple[str, ...], interval: float | None, once: bool) -> None:
    """Poll RSS/Atom FEEDS (URLs, or OPML files listing them) and ingest new items.

    Feeds are fetched with conditional GET (ETag / Last-Modified); only entries not yet stored
    have their pages fetched. A host that fails is retried after a wait that doubles with each
    error (up to settings.watch_max_backoff). After a poll that ingested something, the stories
    it touched that mention a watchlist term are listed with their matching claims. Stop with
    Ctrl-C.
    """
    settings = current_settings()
    if interval is not None:
        settings = settings.replace(watch_interval=interval)
    urls = feeds_or_usage_error(feeds)
    with opened_store(settings, create=True) as store:
        watcher = FeedWatcher(urls, store, settings)

        def report(result: PollResult) -> None:
            click.echo(describe(result))
            for line in watch_report(store, result.stories):
                click.echo(line)

        if once:
            results = watcher.poll_all()
            for result in results:
                report(result)
            if any(r.status == "error" for r in results):
                raise SystemExit(1)
            return
        stderr.print(
            f"watching {len(urls)} feed(s) every {settings.watch_interval:g} s; Ctrl-C to stop",
            markup=False,
        )
        stop = threading.Event()
        try:
            watcher.run(stop, report=report)
        except KeyboardInterrupt:
            stop.set()
