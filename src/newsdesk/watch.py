"""Live feeds: poll RSS/Atom feeds on an interval and ingest new items as they appear.

Each poll is a conditional GET (the feed's last ``ETag`` and ``Last-Modified`` are sent back), so
an unchanged feed costs one 304 and no parsing. A changed feed is parsed and only entries whose
key (link, else id) is not stored yet have their pages fetched; they then go through the same
pipeline as ``newsdesk ingest`` (store, dedup, cluster, briefs). Errors back off per host,
exponentially, up to ``settings.watch_max_backoff`` seconds; a success resets the host.
"""

from __future__ import annotations

import logging
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import feedparser

from newsdesk.config import Settings
from newsdesk.fetch import ACCEPT_FEED, Fetcher, FetchError
from newsdesk.models import Rejection
from newsdesk.pipeline import Placer, ingest_records
from newsdesk.sources.feeds import read_feed_entries
from newsdesk.store import Store, StoreError

log = logging.getLogger(__name__)


class FeedListError(ValueError):
    """A FEEDS argument that is neither an http(s) URL nor a readable OPML file."""


def _opml_feeds(path: Path) -> list[str]:
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise FeedListError(f"{path}: cannot read OPML file: {error}") from None
    if root.tag.lower() != "opml":
        raise FeedListError(f"{path}: not an OPML file (root element <{root.tag}>)")
    urls = [
        outline.get("xmlUrl") or outline.get("xmlurl") or "" for outline in root.iter("outline")
    ]
    return [u.strip() for u in urls if u.strip()]


def feed_list(arguments: Sequence[str]) -> list[str]:
    """Feed URLs from the command line: http(s) URLs as given, OPML files expanded, in order."""
    feeds: list[str] = []
    for argument in arguments:
        if urlsplit(argument).scheme in ("http", "https"):
            feeds.append(argument)
        elif Path(argument).is_file():
            found = _opml_feeds(Path(argument))
            if not found:
                raise FeedListError(f"{argument}: OPML file lists no feeds (no xmlUrl outlines)")
            feeds.extend(found)
        else:
            raise FeedListError(f"{argument}: not an http(s) feed URL nor an OPML file")
    return list(dict.fromkeys(feeds))


@dataclass(slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    next_poll: float = 0.0


@dataclass(slots=True)
class HostState:
    failures: int = 0
    retry_at: float = 0.0


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one feed did.

    status: "updated" (feed changed; ``added`` new articles), "not-modified" (304),
    "error" (``error`` says why; the host backs off), "backing-off" (skipped: host in backoff).
    """

    feed: str
    status: str
    added: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    error: str | None = None
    stories: list[int] = field(default_factory=list)  # stories the ingest touched


class FeedWatcher:
    """Polls feeds and ingests their new entries into ``store``; one instance per thread."""

    def __init__(
        self,
        feeds: Sequence[str],
        store: Store,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self.feeds = [FeedState(url) for url in feeds]
        self.hosts: dict[str, HostState] = {}
        # Kept across polls so each small batch does not restore the whole clustering window
        # again; dropped when the store grew by other hands since our last ingest.
        self._placer: Placer | None = None
        self._articles_after_last_ingest = -1

    def backoff_delay(self, failures: int) -> float:
        """Seconds to leave a host alone after ``failures`` consecutive errors."""
        base = max(self._settings.watch_interval, 1.0)
        return float(min(self._settings.watch_max_backoff, base * 2 ** (failures - 1)))

    def poll_due(self) -> list[PollResult]:
        """Poll every feed whose time has come; the main step of :meth:`run`."""
        now = self._clock()
        return [self._poll(feed) for feed in self.feeds if feed.next_poll <= now]

    def poll_all(self) -> list[PollResult]:
        """Poll every feed now (hosts in backoff are still skipped)."""
        return [self._poll(feed) for feed in self.feeds]

    def next_wakeup(self) -> float:
        return min((feed.next_poll for feed in self.feeds), default=self._clock())

    def run(
        self, stop: threading.Event, report: Callable[[PollResult], None] | None = None
    ) -> None:
        """Poll until ``stop`` is set. An unexpected error is logged and polling goes on."""
        while not stop.is_set():
            try:
                for result in self.poll_due():
                    if report is not None:
                        report(result)
            except Exception:
                log.exception("feed watcher: unexpected error; polling continues")
                stop.wait(self._settings.watch_interval)
            stop.wait(max(0.05, self.next_wakeup() - self._clock()))

    def _poll(self, feed: FeedState) -> PollResult:
        host = urlsplit(feed.url).netloc.lower()
        state = self.hosts.setdefault(host, HostState())
        now = self._clock()
        if state.retry_at > now:
            feed.next_poll = max(feed.next_poll, state.retry_at)
            return PollResult(feed.url, "backing-off")
        try:
            result = self._fetch_and_ingest(feed)
        except StoreError as error:
            feed.next_poll = self._clock() + self._settings.watch_interval
            log.error("%s: %s", feed.url, error)
            return PollResult(feed.url, "error", error=str(error))
        except FetchError as error:
            state.failures += 1
            delay = self.backoff_delay(state.failures)
            state.retry_at = self._clock() + delay
            feed.next_poll = state.retry_at
            log.warning("%s: %s (retrying this host in %.0f s)", feed.url, error, delay)
            return PollResult(feed.url, "error", error=str(error))
        state.failures = 0
        state.retry_at = 0.0
        feed.next_poll = self._clock() + self._settings.watch_interval
        return result

    def _fetch_and_ingest(self, feed: FeedState) -> PollResult:
        with Fetcher(self._settings) as fetcher:
            response = fetcher.fetch(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=ACCEPT_FEED
            )
            if response.not_modified:
                return PollResult(feed.url, "not-modified")
            parsed = feedparser.parse(response.content)
            if parsed.get("bozo") and not parsed.entries:
                raise FetchError(f"not a readable feed: {parsed.get('bozo_exception')}")
            # Remember the validators only once the feed has been read, so a failed ingest
            # is retried in full at the next poll.
            records = read_feed_entries(parsed, feed.url, self._settings, fetcher, self._is_new)
            report = ingest_records(records, self._store, self._settings, placer=self._placer_now())
            self._articles_after_last_ingest = self._store.article_count()
        feed.etag = response.etag
        feed.last_modified = response.last_modified
        for rejection in report.rejected:
            log.warning("%s", rejection)
        return PollResult(
            feed.url,
            "updated",
            added=report.added,
            rejected=report.rejected,
            stories=sorted(report.stories_touched),
        )

    def _placer_now(self) -> Placer:
        if self._placer is None or self._store.article_count() != self._articles_after_last_ingest:
            # Built after this poll's articles are stored would be better, but a Placer only
            # restores placed articles, so building it first loses nothing.
            self._placer = Placer(self._store, self._settings)
        return self._placer

    def _is_new(self, key: str) -> bool:
        return self._store.article_by_key(key) is None
