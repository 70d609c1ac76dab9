from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from local_http import LocalServer, Route, serve
from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources

DATA = Path(__file__).parent / "data" / "sources"
LOCAL = Settings(allow_private_addresses=True)


@pytest.fixture
def site() -> object:
    with serve({}) as server:
        page = (DATA / "site" / "harbor-storm.html").read_bytes()
        server.routes["/news/storm-harbor.html"] = Route(
            page, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        for name in ("rss", "atom", "empty"):
            xml = (DATA / "feeds" / f"{name}.xml").read_text().replace("{base}", server.base)
            server.routes[f"/{name}.xml"] = Route(
                xml.encode(), headers={"Content-Type": "application/rss+xml"}
            )
        yield server


def test_rss_feed_url_fetches_pages_and_falls_back(site: LocalServer) -> None:
    records = list(read_sources([f"{site.base}/rss.xml"], LOCAL))
    assert len(records) == 3
    storm, ferry, gallery = records
    assert isinstance(storm, Article)
    assert storm.key == f"{site.base}/news/storm-harbor.html"
    assert storm.outlet == "Coastal Herald - News"
    assert storm.published == datetime(2021, 11, 3, 7, 45, tzinfo=UTC)
    assert storm.author == "Jamie Chen"
    assert "We have not seen water this high since 1998" in storm.text  # from the page
    # The page is missing (404): the entry's substantial description is used instead.
    assert isinstance(ferry, Article)
    assert ferry.text.startswith("The ferry operator will run a reduced winter schedule")
    assert len(ferry.text.split("\n\n")) == 2
    # Missing page and only a teaser: rejected, naming the feed and the entry.
    assert isinstance(gallery, Rejection)
    assert str(gallery).startswith(f"{site.base}/rss.xml [{site.base}/news/gone.html]: HTTP 404")
    user_agents = {headers.get("user-agent") for _, headers in site.requests}
    assert user_agents == {Settings().user_agent}


def test_atom_feed_file_and_empty_feed(site: LocalServer, tmp_path: Path) -> None:
    atom = tmp_path / "gazette.atom"
    atom.write_bytes(site.routes["/atom.xml"].body)
    records = list(read_sources([str(atom), f"{site.base}/empty.xml"], LOCAL))
    article, empty = records
    assert isinstance(article, Article) and article.outlet == "Harbor Gazette"
    assert article.text.startswith("The harbor stayed closed to all boat traffic")
    assert str(empty) == f"{site.base}/empty.xml: empty feed: no entries"


def test_page_url_is_extracted(site: LocalServer) -> None:
    (article,) = read_sources([f"{site.base}/news/storm-harbor.html"], LOCAL)
    assert isinstance(article, Article)
    assert article.title == "Storm closes harbor for second day"


def test_loopback_refused_by_default(site: LocalServer) -> None:
    (rejection,) = read_sources([f"{site.base}/rss.xml"], Settings())
    assert isinstance(rejection, Rejection)
    assert "non-public address 127.0.0.1" in rejection.reason
    assert site.requests == []


def test_feed_file_links_to_loopback_are_refused(site: LocalServer, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(site.routes["/rss.xml"].body)
    records = list(read_sources([str(feed)], Settings()))
    assert [type(r) for r in records] == [Rejection, Article, Rejection]
    assert "refused" in str(records[0])
    assert site.requests == []
