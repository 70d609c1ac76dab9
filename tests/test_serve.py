"""The web pages and exports, in process, over a store of real WikiNews articles."""

from __future__ import annotations

import json
import queue
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

import feedparser
import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.export import FORMATS, StoryView, load_story_views, render, render_rss
from newsdesk.models import Brief, BriefSentence, Citation, Entity, EntityMention, StoryAttribution
from newsdesk.pipeline import ingest
from newsdesk.serve import create_app
from newsdesk.serve.timeline import coverage_histogram
from newsdesk.store import MAX_ID, Store, StoredArticle, StorySummary, open_store
from newsdesk.urls import safe_url
from serve_helpers import (
    HOSTILE_MARKUP,
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    REPRINT_OUTLET,
    WIKINEWS,
    build_store,
    live_server,
)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_store(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def store(settings: Settings) -> Iterator[Store]:
    with open_store(settings.db) as opened:
        yield opened


def _reprint(store: Store) -> StoredArticle:
    found = store.article_by_key("reprint-daily-1")
    assert found is not None and found.canonical_id is not None, "dedup did not link the reprint"
    return found


def _hostile(store: Store) -> StoredArticle:
    found = store.article_by_key("hostile-1")
    assert found is not None and found.story_id is not None
    return found


class _Elements(HTMLParser):
    """Every start tag with its attributes, to check what the browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def assert_no_injected_markup(html: str) -> None:
    tags = elements(html)
    assert not [t for t, _ in tags if t == "script"]
    assert not [a for _, a in tags if any(name.startswith("on") for name in a)]
    assert not [a for _, a in tags if (a.get("href") or "").startswith("javascript:")]
    assert not [t for t, _ in tags if t in {"img", "b", "i"}]


def test_front_page_lists_stories_with_counts_outlets_and_span(
    client: TestClient, store: Store
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    stories = store.stories(limit=100, offset=0)
    assert len(stories) >= 4
    for story in stories:
        assert f'href="/stories/{story.id}"' in page.text
    reprinted = store.story(_reprint(store).story_id or -1)
    assert reprinted is not None
    card = page.text.split(f'href="/stories/{reprinted.id}"', 1)[1].split("</li>", 1)[0]
    assert f"{reprinted.article_count} articles" in card
    assert "2 outlets" in card and REPRINT_OUTLET in card and "Wikinews" in card
    assert re.search(r"<time>\d+ \w{3} \d{4}", card)
    assert '<p class="lead">' in card
    # Newest day first.
    order = [int(m) for m in re.findall(r'<h2><a href="/stories/(\d+)">', page.text)]
    days = [store.story(i).last_published for i in order]  # type: ignore[union-attr]
    assert all(a is not None for a in days)
    assert days == sorted(days, reverse=True)  # type: ignore[type-var]


def test_story_page_cites_every_brief_sentence_and_folds_reprints(
    client: TestClient, store: Store
) -> None:
    reprint = _reprint(store)
    assert reprint.story_id is not None
    page = client.get(f"/stories/{reprint.story_id}")
    assert page.status_code == 200
    html = page.text
    brief = store.get_brief(reprint.story_id)
    assert brief is not None and brief.sentences
    members = {m.article.key: m for m in store.story_articles(reprint.story_id)}
    notes = re.findall(r'<a class="cite" href="#cite-(\d+)"', html)
    assert len(notes) == len(brief.passages())
    for note in set(notes):
        assert f'<li id="cite-{note}">' in html
    for sentence in brief.sentences:
        cited = members[sentence.citation.article_key]
        assert sentence.text in cited.article.text  # verbatim from the cited article
        assert f'href="/articles/{cited.id}"' in html
    assert html.count('class="support"') == len(brief.passages())
    # The reprint is folded under its original, inside the original outlet's group.
    original = store.get_article(reprint.canonical_id or -1)
    assert original is not None
    group = html.split(f'<a href="/articles/{original.id}">', 1)[1].split("</li>\n", 1)[0]
    assert '<details class="copies">' in group
    assert f'<a href="/articles/{reprint.id}">{REPRINT_OUTLET}: ' in group
    # The timeline has one bar per arrival bucket, adding up to the dated articles.
    counts = [int(c) for c in re.findall(r"<title>[^<]*: (\d+) articles?</title>", html)]
    assert sum(counts) == len(members)


def test_article_page_shows_text_metadata_provenance_and_story(
    client: TestClient, store: Store
) -> None:
    reprint = _reprint(store)
    page = client.get(f"/articles/{reprint.id}")
    assert page.status_code == 200
    assert "COLOMBO (Reprint Daily)" in page.text
    assert REPRINT_OUTLET in page.text
    assert str(reprint.article.provenance).replace("/", "/") in page.text
    assert f'href="/stories/{reprint.story_id}"' in page.text
    assert f'href="/articles/{reprint.canonical_id}"' in page.text  # "reprint of"
    assert 'href="https://reprint-daily.example/world/tsunami-aid"' in page.text
    original = client.get(f"/articles/{reprint.canonical_id}")
    assert f'<li><a href="/articles/{reprint.id}">{REPRINT_OUTLET}</a></li>' in original.text


def test_hostile_title_text_url_and_outlet_are_shown_as_text(
    client: TestClient, store: Store
) -> None:
    hostile = _hostile(store)
    pages = {
        "front": client.get("/").text,
        "story": client.get(f"/stories/{hostile.story_id}").text,
        "article": client.get(f"/articles/{hostile.id}").text,
        "search": client.get("/search", params={"q": "harbour stayed shut"}).text,
    }
    escaped_title = "&lt;script&gt;window.__xss=&#39;title&#39;&lt;/script&gt;"
    for name, html in pages.items():
        assert_no_injected_markup(html)
        assert escaped_title in html or name == "search", name
    article = pages["article"]
    assert "&lt;b onmouseover=alert(1)&gt;bold&lt;/b&gt;" in article
    assert "Evil &lt;i&gt;Outlet&lt;/i&gt;" in article
    assert '<span class="unsafe-url">javascript:window.__xss=&#39;url&#39;</span>' in article
    # Search highlights the words with real <mark> tags, and nothing else becomes markup.
    search = pages["search"]
    assert "<mark>harbour</mark>" in search.lower() or "<mark>Harbour</mark>" in search
    assert "&lt;script&gt;" in search
    assert HOSTILE_MARKUP not in search and HOSTILE_TITLE not in search
    assert HOSTILE_OUTLET not in search


def test_search_filters_by_outlet_and_dates(client: TestClient, store: Store) -> None:
    everything = client.get("/search", params={"q": "tsunami"}).text
    assert everything.count('<li class="hit') >= 2
    only_reprint = client.get("/search", params={"q": "tsunami", "outlet": REPRINT_OUTLET}).text
    hits = re.findall(r'<li class="hit hit-(\w+)">', only_reprint)
    assert hits and set(hits) <= {"article", "brief"}
    assert f'href="/articles/{_reprint(store).id}"' in only_reprint
    for article_id in re.findall(r'<h2><a href="/articles/(\d+)">', only_reprint):
        found = store.get_article(int(article_id))
        assert found is not None and found.article.outlet == REPRINT_OUTLET
    # The reprint is dated 2005-01-09: a range that ends the day before excludes it.
    before = client.get(
        "/search", params={"q": "tsunami", "outlet": REPRINT_OUTLET, "until": "2005-01-08"}
    ).text
    assert f'href="/articles/{_reprint(store).id}"' not in before
    same_day = client.get(
        "/search",
        params={
            "q": "tsunami",
            "outlet": REPRINT_OUTLET,
            "since": "2005-01-09",
            "until": "2005-01-09",
        },
    ).text
    assert f'href="/articles/{_reprint(store).id}"' in same_day
    bad = client.get("/search", params={"q": "tsunami", "since": "yesterday"})
    assert bad.status_code == 400 and "must be a date" in bad.text
    backwards = client.get(
        "/search", params={"q": "x", "since": "2005-02-01", "until": "2005-01-01"}
    )
    assert backwards.status_code == 400


def test_etag_and_cache_control(client: TestClient, store: Store) -> None:
    story_id = store.stories(limit=1, offset=0)[0].id
    for path in ("/", f"/stories/{story_id}", "/api/stories", f"/api/stories/{story_id}"):
        first = client.get(path)
        assert first.status_code == 200
        assert first.headers["cache-control"].startswith("public, max-age=")
        etag = first.headers["etag"]
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_missing_items_are_404_pages(client: TestClient) -> None:
    for path in ("/stories/999999", "/articles/999999", "/stories/999999.md"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
    assert client.get("/api/stories/999999").json() == {"detail": "no story 999999"}


def test_the_web_and_the_cli_take_ids_up_to_the_same_64_bit_limit(
    client: TestClient, settings: Settings
) -> None:
    """The web refused ids above 2**62 while the CLI took them up to 2**63 - 1: one limit now,
    what SQLite's INTEGER and PostgreSQL's BIGINT hold. Up to it an id is looked up (not
    found); past it, a 400 page, a 422 under /api/, a usage error in the CLI; never a 500."""
    largest, past = MAX_ID, MAX_ID + 1
    assert largest == 2**63 - 1
    for template in (
        "/stories/{}",
        "/articles/{}",
        "/stories/{}.md",
        "/stories/{}/quotes",
        "/api/stories/{}",
        "/api/articles/{}",
        "/api/stories/{}/claims",
    ):
        assert client.get(template.format(2**62 + 1)).status_code == 404, template
        assert client.get(template.format(largest)).status_code == 404, template
        expected = 422 if template.startswith("/api/") else 400
        assert client.get(template.format(past)).status_code == expected, template
    assert client.get(f"/api/articles?story_id={largest}").json()["items"] == []
    assert client.get(f"/api/articles?story_id={past}").status_code == 422

    runner = CliRunner()
    for command in (["brief", "{}"], ["quotes", "{}"], ["export", "--story", "{}"]):
        found = runner.invoke(cli, ["--db", settings.db, *(a.format(largest) for a in command)])
        assert found.exit_code == 1, command
        assert found.stderr.strip().endswith(f"no story {largest}: `newsdesk stories` lists them")
        refused = runner.invoke(cli, ["--db", settings.db, *(a.format(past) for a in command)])
        assert refused.exit_code == 2 and not refused.stdout, command
        assert str(largest) in refused.stderr.splitlines()[-1], command
        assert "Traceback" not in refused.stderr


def test_bad_parameters_get_a_readable_error_page_and_json_under_api(client: TestClient) -> None:
    for path, wrong in (
        ("/?page=0", "page number"),
        ("/?page=abc", "page number"),
        ("/search?q=" + "a" * 501, "search text"),
        ("/stories/abc.md", "story number"),
        ("/stories/1.xml", "format"),
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        assert response.headers["content-type"].startswith("text/html"), path
        (message,) = re.findall(r'<p class="error">([^<]+)</p>', response.text)
        assert message.startswith(f"The {wrong} in this address is not valid: it should "), path
        assert message.endswith("Check the link, or start again from the front page."), path
    api = client.get("/api/stories?limit=0")
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["query", "limit"]


def test_a_page_past_the_last_says_so_and_links_to_the_first(client: TestClient) -> None:
    response = client.get("/?page=99999")
    assert response.status_code == 200
    assert "There are no stories on this page." in response.text
    assert '<a href="/">Go to the first page</a>' in response.text
    assert "No stories yet" not in response.text and 'rel="prev"' not in response.text


def test_rss_feed_of_briefs(client: TestClient, store: Store) -> None:
    response = client.get("/stories.rss")
    assert response.headers["content-type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    stories = store.stories(limit=50, offset=0)
    assert [e.title for e in feed.entries] == [s.headline for s in stories]
    first_brief = store.get_brief(stories[0].id)
    assert first_brief is not None
    assert feed.entries[0].link.endswith(f"/stories/{stories[0].id}")
    assert first_brief.sentences[0].text.split()[0] in feed.entries[0].description


def test_rss_is_dated_by_its_newest_story_so_a_revalidation_gets_304(
    client: TestClient, store: Store
) -> None:
    first = client.get("/stories.rss")
    newest = max(a.ingested_at for a in store.iter_articles())
    built = re.findall(r"<lastBuildDate>([^<]+)</lastBuildDate>", first.text)
    assert built == [format_datetime(newest)]
    time.sleep(1.1)  # "now" would have moved on by a second
    again = client.get("/stories.rss", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("path", ["/", "/api/stories", "/stories.rss", "/stories/1.md", "/metrics"])
def test_head_is_answered_wherever_get_is(client: TestClient, store: Store, path: str) -> None:
    path = path.replace("/1.", f"/{store.stories(limit=1, offset=0)[0].id}.")
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200, path
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if path != "/metrics":  # its body counts the requests themselves
        assert head.headers["etag"] == got.headers["etag"]
        assert head.headers["content-length"] == str(len(got.content))
    metrics = client.get("/metrics").text
    assert 'newsdesk_http_requests_total{method="HEAD",route="' in metrics


def test_every_response_carries_the_security_headers(client: TestClient, store: Store) -> None:
    story_id = store.stories(limit=1, offset=0)[0].id
    csp = "default-src 'self'; script-src 'self'; frame-ancestors 'none'"
    for path in (
        "/",
        f"/stories/{story_id}",
        f"/stories/{story_id}.json",
        "/stories.rss",
        "/api/stories",
        "/api/stories/999999",
        "/stories/999999",
        "/?page=0",
        "/static/style.css",
        "/metrics",
        "/openapi.json",
    ):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["content-security-policy"] == csp, path
    # Swagger UI comes from a CDN and starts with an inline script: its page has no CSP.
    docs = client.get("/docs")
    assert docs.status_code == 200 and "content-security-policy" not in docs.headers
    assert docs.headers["x-content-type-options"] == "nosniff"


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
}


def test_unhandled_errors_and_unknown_paths_carry_the_security_headers_too(
    settings: Settings, tmp_path: Path
) -> None:
    """Starlette sends the 500 for an unhandled exception from outside the app's middleware:
    the headers must still be on it. A real server, and a real database error: the stories
    table is renamed away under the running app."""
    copy = tmp_path / "broken.db"
    shutil.copy(settings.db, copy)
    with live_server(Settings(db=str(copy))) as base:
        with sqlite3.connect(copy) as db:
            db.execute("ALTER TABLE stories RENAME TO stories_gone")
        for path, status in (
            ("/", 500),
            ("/api/stories", 500),
            ("/no-such-page", 404),
            ("/api/no-such-thing", 404),
        ):
            response = httpx.get(base + path, timeout=20)
            assert response.status_code == status, path
            for name, value in SECURITY_HEADERS.items():
                assert response.headers.get(name) == value, (path, name)
        head = httpx.head(base + "/", timeout=20)
        assert head.status_code == 500 and head.headers["x-frame-options"] == "DENY"


CONTROL_TITLE = "Harbour\x00 closed\x01 after\nthe\x0bstorm \x1b[31mtonight"
CONTROL_OUTLET = "Evil\x00\n  News\r\n"


def _no_controls(text: str) -> bool:
    return not any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in text)


def test_control_characters_are_stripped_at_ingest_and_the_rss_stays_xml(
    tmp_path: Path,
) -> None:
    text = (WIKINEWS / "M0090.english").read_text(encoding="utf-8").split("\n", 3)[3]
    record = {
        "id": "controls-1",
        "url": "https://controls.example/a",
        "title": CONTROL_TITLE,
        "text": text.replace(". ", ".\x00 \x1b[0m", 3).replace("Olympics", "Olym\x01pics"),
        "outlet": CONTROL_OUTLET,
        "author": "A\x07. Writer",
        "published": "2008-08-25T12:00:00+00:00",
    }
    source = tmp_path / "controls.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "controls.db"))
    with open_store(settings.db) as store:
        assert not ingest([str(source)], store, settings).rejected
        stored = store.article_by_key("controls-1")
    assert stored is not None
    article = stored.article
    assert article.title == "Harbour closed after the storm [31mtonight"
    assert article.outlet == "Evil News" and article.author == "A. Writer"
    assert _no_controls(article.text) and "Olympics" in article.text
    with TestClient(create_app(settings)) as client:
        feed = client.get("/stories.rss")
    ElementTree.fromstring(feed.content)  # well-formed XML
    assert "Harbour closed after the storm" in feed.text


def test_rss_writer_drops_characters_xml_cannot_carry() -> None:
    moment = datetime(2024, 5, 1, 9, tzinfo=UTC)
    citation = Citation("k", CONTROL_OUTLET, CONTROL_TITLE, None, moment)
    brief = Brief([BriefSentence("Said\x00 \x1bso\ufffe.", citation, 0)], 60, "test")
    summary = StorySummary(7, CONTROL_TITLE, 1, [CONTROL_OUTLET], moment, moment)
    feed = ElementTree.fromstring(render_rss([StoryView(summary, brief, [])]))
    item = feed.find("channel/item")
    assert item is not None
    assert _no_controls(item.findtext("title") or "")
    assert "<p>Said so. [Evil" in (item.findtext("description") or "")


def test_story_markdown_and_json_exports(client: TestClient, store: Store) -> None:
    story_id = _reprint(store).story_id
    summary = store.story(story_id or -1)
    brief = store.get_brief(story_id or -1)
    assert summary is not None and brief is not None
    markdown = client.get(f"/stories/{story_id}.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("## ")
    data = json.loads(client.get(f"/stories/{story_id}.json").text)
    assert data["id"] == story_id and data["headline"] == summary.headline
    assert [s["text"] for s in data["brief"]] == [s.text for s in brief.sentences]
    assert any(REPRINT_OUTLET in s["reprinted_by"] for s in data["sources"])


def test_exports_null_or_drop_a_javascript_url_as_the_api_does(
    client: TestClient, store: Store
) -> None:
    hostile = _hostile(store)
    story_id = store.resolve_story(hostile.story_id or -1)
    data = client.get(f"/stories/{story_id}.json").json()
    (source,) = [s for s in data["sources"] if s["article"] == hostile.article.key]
    assert source["url"] is None
    # The brief cites the hostile article: its URL is null there too, as in the API.
    api = client.get(f"/api/stories/{story_id}").json()
    cited = {c["article_key"]: c["url"] for c in api["citations"]}
    assert cited[hostile.article.key] is None
    assert {s["article"]: s["url"] for s in data["brief"]}.items() <= cited.items()
    assert "javascript:" not in client.get(f"/stories/{story_id}.md").text
    views = load_story_views(store, [story_id])
    for fmt in FORMATS:
        assert "javascript:" not in render(views, fmt), fmt


def test_merged_story_redirects_to_the_survivor(settings: Settings, tmp_path: Path) -> None:
    copy = tmp_path / "merged.db"
    shutil.copy(settings.db, copy)
    with open_store(str(copy)) as store:
        first, second = (s.id for s in store.stories(limit=2, offset=0))
        store.merge_stories(second, first)
    with TestClient(create_app(Settings(db=str(copy)))) as client:
        page = client.get(f"/stories/{second}", follow_redirects=False)
        assert page.status_code == 301 and page.headers["location"] == f"/stories/{first}"
        assert client.get(f"/api/stories/{second}").json()["story"]["id"] == first
        export = client.get(f"/stories/{second}.md", follow_redirects=False)
        assert export.headers["location"] == f"/stories/{first}.md"


def test_entity_names_with_a_slash_link_to_their_pages(settings: Settings, tmp_path: Path) -> None:
    copy = tmp_path / "slash.db"
    shutil.copy(settings.db, copy)
    names = ("Comcast/Xfinity", "Frost/Nixon")
    with open_store(str(copy)) as store:
        story_id = store.stories(limit=1, offset=0)[0].id
        key = store.story_articles(story_id)[0].article.key
        mention = EntityMention(article_key=key, sentence_index=0, text="x")
        entities = [Entity(name, "organisation", mentions=[mention]) for name in names]
        store.save_attribution(story_id, StoryAttribution(entities=entities))
    with TestClient(create_app(Settings(db=str(copy)))) as client:
        html = client.get(f"/stories/{story_id}").text
        links = dict(re.findall(r'<a class="entity" href="([^"]+)">([^<]+)</a>', html))
        assert sorted(links.values()) == list(names)
        for href, name in links.items():
            page = client.get(href)
            assert page.status_code == 200 and f"<h1>{name}</h1>" in page.text, href
        assert client.get("/entities/Comcast%2FXfinity").status_code == 200
        entity = client.get("/api/entities/Frost%2FNixon")
        assert entity.status_code == 200 and entity.json()["name"] == "Frost/Nixon"


def test_safe_url_allows_only_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//x.org/",
        "http://exa mple.org",
        "https:///path",
        "",
        None,
    ):
        assert safe_url(bad) is None, bad


def test_timeline_buckets_by_the_finest_scale_that_fits(store: Store) -> None:
    dates = [m.article.published for m in store.iter_articles()]
    chart = coverage_histogram(dates)
    assert chart is not None
    assert sum(bar.count for bar in chart.bars) == sum(1 for d in dates if d is not None)
    assert len(chart.bars) <= 48
    hours = coverage_histogram(
        [datetime(2024, 5, 1, h, tzinfo=UTC) for h in (9, 9, 10, 15)] + [None]
    )
    assert hours is not None and hours.bucket == "hour" and hours.undated == 1
    assert [b.count for b in hours.bars] == [2, 1, 1]
    assert max(b.height for b in hours.bars) == hours.bars[0].height
    assert coverage_histogram([None, None]) is None


def test_metrics_count_requests_by_route_template(client: TestClient, store: Store) -> None:
    story_id = store.stories(limit=1, offset=0)[0].id
    for _ in range(3):
        assert client.get(f"/stories/{story_id}").status_code == 200
    assert client.get("/api/stories/999999999").status_code == 404
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = response.text
    line = re.search(
        r'^newsdesk_http_requests_total\{method="GET",route="/stories/\{story_id(?::int)?\}",'
        r'status="200"\} (\d+)$',
        text,
        re.M,
    )
    assert line is not None and int(line.group(1)) >= 3
    assert re.search(r'route="/api/stories/\{story_id(?::int)?\}",status="404"\} \d+$', text, re.M)
    assert f"newsdesk_articles {store.article_count()}\n" in text
    buckets = re.findall(
        r'^newsdesk_http_request_duration_seconds_bucket\{method="GET",'
        r'route="/stories/\{story_id(?::int)?\}",le="([^"]+)"\} (\d+)$',
        text,
        re.M,
    )
    counts = [int(c) for _, c in buckets]
    assert buckets[-1][0] == "+Inf" and counts == sorted(counts) and counts[-1] >= 3


def _serve(db: str, *options: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newsdesk", "--db", db, "serve", *options]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _first_line(stream: IO[str], timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    return lines.get(timeout=timeout)


def test_serve_announces_the_port_it_listens_on_once_it_answers(settings: Settings) -> None:
    process = _serve(settings.db, "--port", "0")
    try:
        assert process.stderr is not None
        line = _first_line(process.stderr, timeout=120)
        announced = r"newsdesk web UI on (http://127\.0\.0\.1:(\d+)/) \(store (.*)\)\n"
        found = re.fullmatch(announced, line)
        assert found, line
        assert int(found[2]) != 0 and found[3] == settings.db  # the real port, on one line
        # The announced address answers at once.
        response = httpx.get(found[1], timeout=30)
        assert response.status_code == 200 and "newsdesk" in response.text
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0 and err == "", err


def test_serve_on_a_port_in_use_is_one_error_line_and_no_announcement(settings: Settings) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        process = _serve(settings.db, "--port", str(port))
        out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert out == ""
    assert err == (
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use (another server "
        "uses it: pick another --port, or --port 0 for a free one)\n"
    )


def test_the_footer_api_link_is_the_schema_which_needs_no_internet(client: TestClient) -> None:
    for path in ("/", "/search?q=earthquake", "/no-such-page"):
        links = {a.get("href"): a for tag, a in elements(client.get(path).text) if tag == "a"}
        assert "/openapi.json" in links and "/docs" not in links, path
    schema = client.get("/openapi.json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert any(path.startswith("/api/") for path in schema.json()["paths"])
    assert client.get("/docs").status_code == 200  # Swagger UI is still there for those online
    help_text = " ".join(CliRunner().invoke(cli, ["serve", "--help"]).stdout.split())
    assert "The API schema is /openapi.json (works offline)" in help_text


def _rss_links(feed: str) -> list[str]:
    channel = ElementTree.fromstring(feed).find("channel")
    assert channel is not None
    return [channel.findtext("link") or ""] + [
        item.findtext("link") or "" for item in channel.findall("item")
    ]


def test_rss_export_links_to_the_site_url_and_the_served_feed_to_the_request_host(
    settings: Settings,
) -> None:
    def export(*options: str, env: dict[str, str] | None = None) -> list[str]:
        args = ["--db", settings.db, "export", "--format", "rss", *options]
        result = CliRunner(env=env).invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return _rss_links(result.stdout)

    default = export()
    assert default[0] == "http://127.0.0.1:8000/" and len(default) > 2
    assert all(re.fullmatch(r"http://127\.0\.0\.1:8000/stories/\d+", u) for u in default[1:])
    published = export("--site-url", "https://news.example.org/desk/")
    assert published[0] == "https://news.example.org/desk/"
    assert published[1:] == [
        u.replace("http://127.0.0.1:8000", "https://news.example.org/desk") for u in default[1:]
    ]
    from_env = export(env={"NEWSDESK_SITE_URL": "https://env.example"})
    assert all(u.startswith("https://env.example/") for u in from_env)
    bad = CliRunner().invoke(cli, ["export", "--format", "rss", "--site-url", "news.example"])
    assert bad.exit_code == 2 and "must be an http(s) URL" in bad.stderr

    served = settings.replace(site_url="https://news.example.org")
    with TestClient(create_app(served), base_url="http://reader.example:8123") as client:
        links = _rss_links(client.get("/stories.rss").text)
    assert links[0] == "http://reader.example:8123/"
    assert all(u.startswith("http://reader.example:8123/stories/") for u in links[1:])
