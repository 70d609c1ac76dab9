"""Live feeds: real RSS feeds and article pages served on loopback, polled by the watcher."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from local_http import LocalServer, Route, serve
from newsdesk import watch as watch_module
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.pipeline import ingest
from newsdesk.store import open_store
from newsdesk.watch import FeedListError, FeedWatcher, feed_list
from serve_helpers import WIKINEWS, free_port

ARTICLES = ("M0050.english", "M0051.english", "M0052.english")  # one WikiNews story
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def _page(path: Path) -> tuple[str, bytes]:
    """A real WikiNews article as a news page (title line, date line, then paragraphs)."""
    title, _, rest = path.read_text(encoding="utf-8").strip().partition("\n")
    _, _, body = rest.strip().partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    page = (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>"
        '<meta property="og:site_name" content="Loopback Herald"></head>'
        f"<body><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )
    return title, page.encode("utf-8")


def _feed(base: str, names: tuple[str, ...]) -> bytes:
    start = datetime(2009, 6, 1, 9, 0, tzinfo=UTC)
    items = []
    for index, name in enumerate(names):
        title, _ = _page(WIKINEWS / name)
        link = f"{base}/news/{name}.html"
        items.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{format_datetime(start + timedelta(hours=index))}</pubDate>"
            "<description>Teaser only.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Loopback Herald</title><link>{base}/</link><description>news</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


@pytest.fixture
def site() -> Iterator[LocalServer]:
    with serve({}) as server:
        for name in ARTICLES:
            server.routes[f"/news/{name}.html"] = Route(
                _page(WIKINEWS / name)[1], headers=HTML_TYPE
            )
        yield server


def _settings(tmp_path: Path, **changes: object) -> Settings:
    return Settings(db=str(tmp_path / "news.db"), allow_private_addresses=True).replace(**changes)


def _requested(site: LocalServer) -> list[str]:
    return [path for path, _ in site.requests]


def test_etag_304_and_new_items_ingested_once(site: LocalServer, tmp_path: Path) -> None:
    feed = f"{site.base}/feed.xml"
    site.routes["/feed.xml"] = Route(
        _feed(site.base, ARTICLES[:2]),
        headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'},
    )
    settings = _settings(tmp_path)
    with open_store(settings.db) as store:
        watcher = FeedWatcher([feed], store, settings)
        (first,) = watcher.poll_all()
        assert (first.status, first.added, first.rejected) == ("updated", 2, [])
        assert sorted(_requested(site)) == sorted(
            ["/feed.xml"] + [f"/news/{n}.html" for n in ARTICLES[:2]]
        )
        stored = store.article_by_key(f"{site.base}/news/{ARTICLES[0]}.html")
        assert stored is not None and stored.article.outlet == "Loopback Herald"
        assert stored.story_id is not None and store.get_brief(stored.story_id) is not None

        site.requests.clear()
        (second,) = watcher.poll_all()
        assert second.status == "not-modified"
        assert site.requests == [("/feed.xml", site.requests[0][1])]
        assert site.requests[0][1]["if-none-match"] == '"v1"'

        # A new item appears: only its page is fetched, and it is stored once.
        site.routes["/feed.xml"] = Route(
            _feed(site.base, ARTICLES),
            headers={"Content-Type": "application/rss+xml", "ETag": '"v2"'},
        )
        site.requests.clear()
        (third,) = watcher.poll_all()
        assert (third.status, third.added) == ("updated", 1)
        assert _requested(site) == ["/feed.xml", f"/news/{ARTICLES[2]}.html"]
        assert store.article_count() == 3
        (fourth,) = watcher.poll_all()
        assert fourth.status == "not-modified" and store.article_count() == 3


def test_last_modified_304(site: LocalServer, tmp_path: Path) -> None:
    modified = "Mon, 01 Jun 2009 10:00:00 GMT"
    site.routes["/lm.xml"] = Route(
        _feed(site.base, ARTICLES[:1]),
        headers={"Content-Type": "application/rss+xml", "Last-Modified": modified},
    )
    settings = _settings(tmp_path)
    with open_store(settings.db) as store:
        watcher = FeedWatcher([f"{site.base}/lm.xml"], store, settings)
        assert watcher.poll_all()[0].added == 1
        site.requests.clear()
        assert watcher.poll_all()[0].status == "not-modified"
        assert site.requests[0][1]["if-modified-since"] == modified


def test_errors_back_off_per_host_exponentially(site: LocalServer, tmp_path: Path) -> None:
    site.routes["/broken.xml"] = Route(b"server error", status=500)
    site.routes["/good.xml"] = Route(
        _feed(site.base, ARTICLES[:1]), headers={"Content-Type": "application/rss+xml"}
    )
    now = [1000.0]
    settings = _settings(tmp_path, watch_interval=10.0, watch_max_backoff=25.0)
    broken, good = f"{site.base}/broken.xml", f"{site.base}/good.xml"
    with open_store(settings.db) as store:
        watcher = FeedWatcher([broken, good], store, settings, clock=lambda: now[0])
        results = watcher.poll_due()
        assert [r.status for r in results] == ["error", "backing-off"]  # same host: both wait
        assert "HTTP 500" in (results[0].error or "")
        expected_waits = [10.0, 20.0, 25.0, 25.0]  # doubling, capped at watch_max_backoff
        for wait in expected_waits:
            retry_at = now[0] + wait
            now[0] = retry_at - 0.5
            site.requests.clear()
            assert watcher.poll_due() == [] and site.requests == []
            now[0] = retry_at
            statuses = [r.status for r in watcher.poll_due()]
            assert statuses[0] == "error"
        assert watcher.hosts[site.base.removeprefix("http://")].failures == 5
        # The host recovers: the next poll succeeds, resets the backoff and ingests.
        site.routes["/broken.xml"] = site.routes["/good.xml"]
        now[0] += 25.0
        results = watcher.poll_due()
        assert [r.status for r in results] == ["updated", "updated"]
        assert [r.added for r in results] == [1, 0]
        assert watcher.hosts[site.base.removeprefix("http://")].failures == 0
        assert min(f.next_poll for f in watcher.feeds) == now[0] + 10.0


def test_feed_list_reads_opml_and_urls(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>'
        '<outline text="World"><outline text="A" type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline text="B" type="rss" xmlUrl="https://b.example/atom.xml"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    assert feed_list([str(opml), "https://c.example/feed", "https://a.example/rss"]) == [
        "https://a.example/rss",
        "https://b.example/atom.xml",
        "https://c.example/feed",
    ]
    not_opml = tmp_path / "notes.xml"
    not_opml.write_text("<rss/>", encoding="utf-8")
    for bad, message in [
        (str(not_opml), "not an OPML file"),
        (str(tmp_path / "missing.opml"), "not an http(s) feed URL nor an OPML file"),
        ("ftp://x.example/feed", "not an http(s) feed URL"),
    ]:
        with pytest.raises(FeedListError, match=re.escape(message)):
            feed_list([bad])


def test_watch_once_command(site: LocalServer, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Route(
        _feed(site.base, ARTICLES[:2]), headers={"Content-Type": "application/rss+xml"}
    )
    env = {"NEWSDESK_ALLOW_PRIVATE_ADDRESSES": "true"}
    args = ["--db", str(tmp_path / "w.db"), "watch", "--once", f"{site.base}/feed.xml"]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{site.base}/feed.xml: 2 new article(s)"
    site.routes["/broken.xml"] = Route(b"", status=503)
    args[-1] = f"{site.base}/broken.xml"
    failed = CliRunner().invoke(cli, args, env=env)
    assert failed.exit_code == 1 and "error: HTTP 503" in failed.output


def test_serve_with_watch_ingests_while_serving(site: LocalServer, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Route(
        _feed(site.base, ARTICLES), headers={"Content-Type": "application/rss+xml"}
    )
    sock = free_port()
    port = sock.getsockname()[1]
    sock.close()
    env = {
        **os.environ,
        "NEWSDESK_ALLOW_PRIVATE_ADDRESSES": "true",
        "NEWSDESK_WATCH_INTERVAL": "1",
    }
    command = [
        sys.executable,
        "-m",
        "newsdesk",
        "--db",
        str(tmp_path / "live.db"),
        "serve",
        "--port",
        str(port),
        "--watch",
        f"{site.base}/feed.xml",
    ]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        placed = 0  # articles in stories: stored, deduplicated, clustered and briefed
        while time.monotonic() < deadline and placed < len(ARTICLES):
            time.sleep(0.5)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories") as answer:
                    placed = sum(s["article_count"] for s in json.load(answer)["items"])
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert placed == len(ARTICLES)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles") as answer:
            assert len(json.load(answer)["items"]) == len(ARTICLES)
        time.sleep(1.5)  # at least one more poll: the feed is re-fetched conditionally
        assert [p for p in _requested(site) if p.startswith("/news/")].count(
            f"/news/{ARTICLES[0]}.html"
        ) == 1
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""


def test_watcher_keeps_its_placer_unless_another_writer_added_articles(
    site: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restoring the clustering window costs as much as placing it: pay it once per process."""
    built: list[object] = []
    real_placer = watch_module.Placer

    def counting_placer(*args: Any, **kwargs: Any) -> Any:
        built.append(args)
        return real_placer(*args, **kwargs)

    monkeypatch.setattr(watch_module, "Placer", counting_placer)
    feed = f"{site.base}/grow.xml"
    settings = _settings(tmp_path)
    with open_store(settings.db) as store:
        watcher = FeedWatcher([feed], store, settings)
        for count, etag in ((1, '"a"'), (2, '"b"')):
            site.routes["/grow.xml"] = Route(
                _feed(site.base, ARTICLES[:count]),
                headers={"Content-Type": "application/rss+xml", "ETag": etag},
            )
            (result,) = watcher.poll_all()
            assert result.added == 1
        assert len(built) == 1

        # Another writer stores an article: the next poll rebuilds its state from the store.
        other = WIKINEWS / "M0090.english"
        ingest([str(other)], store, settings)
        site.routes["/grow.xml"] = Route(
            _feed(site.base, ARTICLES[:3]),
            headers={"Content-Type": "application/rss+xml", "ETag": '"c"'},
        )
        (result,) = watcher.poll_all()
        assert result.added == 1 and len(built) == 2
        assert all(s.story_id is not None for s in store.iter_articles())
