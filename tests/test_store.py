"""The SQLite store on real articles (MultiLing 2011 WikiNews sources from ../shared/data)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newsdesk.config import Settings
from newsdesk.models import Article, Brief, BriefSentence, Citation, Provenance, TermCounts
from newsdesk.sources import read_sources
from newsdesk.store import (
    Store,
    StoreError,
    normalise_url,
    open_store,
    snippet_to_html,
)
from newsdesk.store.base import SCHEMA_VERSION, to_json_value
from newsdesk.store.scratch_postgres import scratch_server, server_bindir
from newsdesk.store.sqlite import SqliteStore
from newsdesk.text import split_sentences_with_paragraphs

MULTILING = Path(__file__).resolve().parents[1].parent / "shared/data/multiling2011-en/source"


@pytest.fixture(scope="module")
def real_articles() -> list[Article]:
    found = [a for a in read_sources([str(MULTILING)], Settings()) if isinstance(a, Article)]
    assert len(found) == 100
    return found


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on loopback, torn down after the run."""
    if server_bindir() is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb) not installed: apt-get install postgresql "
            "(scripts/install-system-deps.sh)"
        )
    with scratch_server() as url:
        yield url


_databases = itertools.count()


@contextmanager
def fresh_database(server: str, options: str = "") -> Iterator[str]:
    """A new, empty database on ``server`` (``options``: more CREATE DATABASE clauses), dropped
    after."""
    import psycopg

    name = f"newsdesk_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} {options}")
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server (C locale, as the server)."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path / "news.db")
    else:
        url = request.getfixturevalue("postgres_url")
    with open_store(url) as opened:
        yield opened


def table_dump(path: Path) -> list[tuple[object, ...]]:
    """Every row of every table except ingest timestamps' table order, for change detection."""
    connection = sqlite3.connect(path)
    try:
        rows: list[tuple[object, ...]] = []
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "ORDER BY name"
        ):
            rows.extend((table, *r) for r in connection.execute(f"SELECT * FROM {table}"))
        return rows
    finally:
        connection.close()


def test_article_round_trip_with_sentences(store: Store, real_articles: list[Article]) -> None:
    article = dataclasses.replace(
        real_articles[0], url="https://example.org/a", author="A. Writer", language="en"
    )
    outcome = store.add_article(article)
    assert outcome.status == "added" and outcome.existing_id is None
    stored = store.get_article(outcome.article_id)
    assert stored is not None
    assert stored.article == article
    assert stored.canonical_id is None and stored.story_id is None
    assert store.article_by_key(article.key) == stored
    assert store.sentences(outcome.article_id) == split_sentences_with_paragraphs(article.text)
    assert len(store.sentences(outcome.article_id)) >= 5
    assert store.get_article(outcome.article_id + 1) is None


def test_term_counts_add_up_and_recent_stories_come_newest_first(
    store: Store, real_articles: list[Article]
) -> None:
    assert store.term_counts() == TermCounts({}, 0)
    store.add_term_counts(TermCounts({"quake": 2, "chile": 1}, 2))
    store.add_term_counts(TermCounts({}, 0))
    store.add_term_counts(TermCounts({"quake": 1, "tsunami": 1}, 1))
    assert store.term_counts() == TermCounts({"quake": 3, "chile": 1, "tsunami": 1}, 3)

    undated = dataclasses.replace(real_articles[2], published=None)
    ids = [store.add_article(a).article_id for a in [*real_articles[:2], undated]]
    assert not store.has_undated_articles()  # none placed yet
    for article_id, story_id in zip(ids, (7, 5, 7), strict=True):
        store.assign_story(article_id, story_id)
    assert store.has_undated_articles()
    assert store.recently_placed_stories(5) == [7, 5]
    assert store.recently_placed_stories(1) == [7]


def test_reingest_changes_nothing(tmp_path: Path, real_articles: list[Article]) -> None:
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        first = [store.add_article(a) for a in real_articles]
    assert {o.status for o in first} == {"added"}
    before = table_dump(path)
    with open_store(f"sqlite:///{path}") as store:
        again = [store.add_article(a) for a in real_articles]
        assert store.article_count() == len(real_articles)
    assert [o.status for o in again] == ["duplicate"] * len(real_articles)
    assert [o.existing_id for o in again] == [o.article_id for o in first]
    assert table_dump(path) == before


def test_byte_different_copy_is_duplicate(store: Store, real_articles: list[Article]) -> None:
    original = real_articles[3]
    first = store.add_article(original)
    copy = dataclasses.replace(
        original,
        key="mirror/copy-1",
        title="  " + original.title.upper() + " ",
        text=original.text.replace("\n\n", "\r\n\r\n  ").replace(". ", ".  "),
        outlet="Mirror",
        provenance=Provenance("mirror.jsonl", "7"),
    )
    assert copy.text != original.text
    outcome = store.add_article(copy)
    assert (outcome.status, outcome.existing_id) == ("duplicate", first.article_id)
    assert store.article_count() == 1


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM/News/Story?id=3#comments",
            "https://www.example.com/News/Story?id=3",
        ),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?fbclid=xyz", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


def test_same_url_after_normalisation_is_duplicate(
    store: Store, real_articles: list[Article]
) -> None:
    first = store.add_article(
        dataclasses.replace(real_articles[0], url="https://news.example.com/story/42?ref=home")
    )
    other = dataclasses.replace(
        real_articles[1],  # a different text: only the URL says it is the same page
        url="HTTPS://News.Example.com/story/42?ref=home&utm_campaign=x#top",
    )
    outcome = store.add_article(other)
    assert (outcome.status, outcome.existing_id) == ("duplicate", first.article_id)
    different = dataclasses.replace(real_articles[1], url="https://news.example.com/story/43")
    assert store.add_article(different).status == "added"


def test_same_key_from_the_same_source_is_duplicate(
    store: Store, real_articles: list[Article]
) -> None:
    """An id (a DOCNO, a JSONL id) names one article: an edited text under it is a duplicate.
    A key that is only a place is another matter (the test below)."""
    first = store.add_article(real_articles[0])
    edited = dataclasses.replace(
        real_articles[1],
        key=real_articles[0].key,
        provenance=real_articles[0].provenance,
        place_key=False,
    )
    assert store.add_article(edited).existing_id == first.article_id


def test_same_key_from_another_source_is_a_different_article(
    store: Store, real_articles: list[Article]
) -> None:
    """Two JSONL files that both number their records "1": neither article is lost."""
    first = dataclasses.replace(
        real_articles[0], key="1", provenance=Provenance("a.jsonl", "line 1")
    )
    other = dataclasses.replace(
        real_articles[1], key="1", provenance=Provenance("b.jsonl", "line 1")
    )
    assert store.add_article(first).status == "added"
    outcome = store.add_article(other)
    original = store.article_by_key("1")
    assert original is not None and original.article.provenance.source == "a.jsonl"
    assert outcome.status == "added" and outcome.article_id != original.id
    stored = store.get_article(outcome.article_id)
    assert stored is not None and stored.article.key == "1 @ b.jsonl"
    assert stored.article.text == other.text
    assert store.add_article(other).status == "duplicate"  # re-ingest still changes nothing
    assert store.article_count() == 2


def test_migrations_on_empty_file_and_reopen(tmp_path: Path, real_articles: list[Article]) -> None:
    path = tmp_path / "empty.db"
    path.touch()  # an existing, zero-byte file is a new store
    with open_store(str(path)) as store:
        store.add_article(real_articles[0])
    connection = sqlite3.connect(path)
    versions = connection.execute("SELECT version FROM schema_version").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()
    with open_store(str(path)) as store:
        assert store.article_count() == 1
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT COUNT(*) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    connection.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(str(path)).close()
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match=r"newer than this newsdesk supports.*upgrade newsdesk"):
        open_store(str(path))


def test_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="not a newsdesk store"):
        open_store(str(path))
    assert path.read_text().startswith("these are not")


def test_unknown_url_scheme_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://localhost/news")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "news.db"))


def test_brief_round_trip_and_replace(store: Store, real_articles: list[Article]) -> None:
    store.ensure_story(5)
    brief = Brief(
        sentences=[
            BriefSentence(
                text="U.S. citizens donating in 2005 may write off their donations.",
                citation=Citation(
                    article_key=real_articles[0].key,
                    outlet="Wikinews",
                    title=real_articles[0].title,
                    url=None,
                    published=datetime(2005, 1, 8, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
                ),
                sentence_index=0,
                supporting_outlets=["Wikinews", "AP", "Reuters"],
            ),
            BriefSentence(
                text="The law is intended to promote donating — “quickly”.",
                citation=Citation(
                    "k2", "AP", "Title", "https://ap.example/x", datetime(2005, 1, 9)
                ),
                sentence_index=3,
            ),
        ],
        max_words=250,
        method="ilp",
    )
    store.save_brief(5, brief)
    loaded = store.get_brief(5)
    assert loaded == brief
    assert loaded is not None
    assert loaded.sentences[0].citation.published == brief.sentences[0].citation.published
    assert loaded.sentences[0].citation.published.utcoffset() == timedelta(hours=-5)  # type: ignore[union-attr]
    assert loaded.sentences[1].citation.published.tzinfo is None  # type: ignore[union-attr]
    shorter = Brief(sentences=brief.sentences[1:], max_words=100, method="lead")
    store.save_brief(5, shorter)
    assert store.get_brief(5) == shorter
    assert store.get_brief(6) is None


def _load_outlets(store: Store, articles: list[Article]) -> list[int]:
    outlets = ["Alpha Times", "Beta Post", "Gamma Wire"]
    ids = []
    for i, article in enumerate(articles):
        ids.append(
            store.add_article(dataclasses.replace(article, outlet=outlets[i % 3])).article_id
        )
    return ids


def test_search_bm25_order_filters_and_snippets(store: Store, real_articles: list[Article]) -> None:
    _load_outlets(store, real_articles)
    hits = store.search("tsunami")
    assert len(hits) >= 5
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        stored = store.get_article(hit.id)
        assert stored is not None
        assert "tsunami" in (stored.article.title + stored.article.text).lower()
        assert "<mark>" in hit.snippet and "tsunami" in hit.snippet.lower()
    # bm25: an article about the tsunami outranks one that mentions it in passing.
    top = store.get_article(hits[0].id)
    last = store.get_article(hits[-1].id)
    assert top is not None and last is not None

    def density(a: Article) -> float:
        return (a.title + a.text).lower().count("tsunami") / len(a.text.split())

    assert density(top.article) > density(last.article)
    # Stemming: "donations" finds "donating".
    assert any("donating" in h.snippet.lower() for h in store.search("donations"))
    # All words must occur.
    assert store.search("tsunami zzzunknownword") == []
    # Filters.
    beta = store.search("tsunami", outlet="Beta Post")
    assert beta and {h.outlet for h in beta} == {"Beta Post"}
    assert {h.id for h in beta} < {h.id for h in hits}
    dates = sorted(h.published for h in hits if h.published is not None)
    middle = dates[len(dates) // 2]
    later = store.search("tsunami", since=middle)
    earlier = store.search("tsunami", until=middle - timedelta(seconds=1))
    assert later and all(h.published is not None and h.published >= middle for h in later)
    assert all(h.published is not None and h.published < middle for h in earlier)
    assert len(later) + len(earlier) == len(hits)
    # Paging.
    assert store.search("tsunami", limit=2, offset=1) == hits[1:3]
    # Operators and punctuation are taken as words, never as FTS syntax errors.
    assert store.search('tsunami" OR NEAR(') == store.search("tsunami or near")


def test_search_candidate_cap_changes_no_result(store: Store, real_articles: list[Article]) -> None:
    _load_outlets(store, real_articles)
    filters: list[dict[str, Any]] = [
        {"outlet": "Beta Post"},
        {"since": min(a.published for a in real_articles if a.published is not None)},
    ]
    expected = [store.search("tsunami", limit=2, offset=1, **f) for f in filters]
    assert all(expected)
    # A cap of 3 candidates: some filters keep enough of them, others need every match.
    store.SEARCH_CANDIDATES = 3
    assert [store.search("tsunami", limit=2, offset=1, **f) for f in filters] == expected


def test_search_finds_briefs(store: Store, real_articles: list[Article]) -> None:
    ids = _load_outlets(store, real_articles[:3])
    store.assign_story(ids[0], 1)
    store.save_brief(
        1,
        Brief(
            [
                BriefSentence(
                    "Volunteers rebuilt the lighthouse.", Citation("k", "O", "T", None, None), 0
                )
            ],
            50,
            "lead",
        ),
    )
    hits = store.search("lighthouse")
    assert [(h.kind, h.id, h.story_id) for h in hits] == [("brief", 1, 1)]
    assert hits[0].title == real_articles[0].title
    assert store.search("lighthouse", outlet="Alpha Times")[0].kind == "brief"
    assert store.search("lighthouse", outlet="Gamma Wire") == []


def test_snippet_html_escapes_untrusted_text(store: Store, real_articles: list[Article]) -> None:
    hostile = dataclasses.replace(
        real_articles[0],
        key="hostile",
        title="<script>alert(1)</script> Flood",
        text="<img src=x onerror=alert(1)> The flood <b>waters</b> rose & fell. </mark>",
    )
    store.add_article(hostile)
    (hit,) = store.search("flood waters")
    rendered = snippet_to_html(hit.snippet)
    assert "<img" not in rendered and "<b>" not in rendered and "<script" not in rendered
    if isinstance(store, SqliteStore):  # PostgreSQL's ts_headline drops tags from snippets
        assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert rendered.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    assert "<mark>flood</mark>" in rendered and "&amp;" in rendered
    assert hit.snippet_html() == rendered


def test_iteration_order_and_filters(store: Store, real_articles: list[Article]) -> None:
    undated = dataclasses.replace(
        real_articles[0], key="undated", text="Undated text " * 9, published=None
    )
    store.add_article(undated)
    for article in real_articles[:30]:
        store.add_article(article)
    listed = list(store.iter_articles())
    assert len(listed) == 31 == store.article_count()
    assert listed[-1].article.key == "undated"
    moments = [(s.article.published, s.id) for s in listed[:-1]]
    assert moments == sorted(moments)
    cut = moments[10][0]
    assert cut is not None
    since = list(store.iter_articles(since=cut))
    assert [s.id for s in since] == [s.id for s in listed[:-1] if s.article.published >= cut]  # type: ignore[operator]
    assert store.latest_published() == moments[-1][0]
    # Bounded: the newest at or before a time (a future-dated typo must not set the window).
    assert store.latest_published(until=cut) == cut
    assert store.latest_published(until=moments[0][0] - timedelta(seconds=1)) is None  # type: ignore[operator]
    assert store.latest_published(placed=True) is None
    store.assign_story(listed[0].id, 3)
    assert store.latest_published(placed=True) == moments[0][0]
    assert [s.id for s in store.iter_articles(story_id=3)] == [listed[0].id]
    assert listed[0].id not in {s.id for s in store.unassigned_articles()}
    assert len(list(store.unassigned_articles())) == 30


def test_iteration_pages_while_writing(store: Store, real_articles: list[Article]) -> None:
    base = real_articles[0]
    with store.transaction():
        for i in range(1203):
            store.add_article(
                dataclasses.replace(
                    base,
                    key=f"k{i}",
                    text=f"{base.text} Update {i}.",
                    published=datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=i % 700),
                )
            )
    seen = []
    for stored in store.unassigned_articles():
        store.assign_story(stored.id, 1 + stored.id % 4)  # writes while the iterator is open
        seen.append(stored.id)
    assert sorted(seen) == list(range(1, 1204))
    assert sum(s.article_count for s in store.stories()) == 1203


def test_stories_summaries_and_merge_history(store: Store, real_articles: list[Article]) -> None:
    ids = _load_outlets(store, real_articles[:6])
    by_time = sorted(ids, key=lambda i: (store.get_article(i).article.published, i))  # type: ignore[union-attr]
    for article_id in by_time[:3]:
        store.assign_story(article_id, 10)
    for article_id in by_time[3:]:
        store.assign_story(article_id, 11)
    store.mark_duplicate(by_time[0], by_time[1])  # the earliest is a reprint: not the headline
    story = store.story(10)
    assert story is not None
    assert story.article_count == 3
    first = store.get_article(by_time[0])
    second = store.get_article(by_time[1])
    assert first is not None and second is not None
    assert story.headline == second.article.title
    assert story.first_published == first.article.published
    assert set(story.outlets) == {store.get_article(i).article.outlet for i in by_time[:3]}  # type: ignore[union-attr]
    assert [s.id for s in store.stories()] == [11, 10]  # newest first
    assert store.max_story_id() == 11
    store.save_brief(10, Brief([], 10, "x"))

    assert store.merge_stories(10, 11) == 11
    assert store.resolve_story(10) == 11
    assert [s.id for s in store.stories()] == [11]
    assert store.story(10) == store.story(11)
    merged = store.story(11)
    assert merged is not None and merged.article_count == 6
    assert [s.id for s in store.story_articles(10)] == by_time
    assert store.get_brief(10) is None  # the source's brief went with it
    # A later merge chains; history is kept and followed.
    store.ensure_story(12)
    store.merge_stories(11, 12)
    assert store.resolve_story(10) == 12
    assert store.merged_from(12) == [10, 11]
    store.assign_story(by_time[0], 10)  # an old id resolves to the surviving story
    assert store.get_article(by_time[0]).story_id == 12  # type: ignore[union-attr]
    assert store.merge_stories(10, 12) == 12  # already one story: nothing to do
    if isinstance(store, SqliteStore):
        connection = sqlite3.connect(Path(store.location))
        history = connection.execute(
            "SELECT source_id, target_id FROM story_merges ORDER BY merged_at"
        ).fetchall()
        connection.close()
        assert history == [(10, 11), (11, 12)]


def test_reprints_and_signatures(store: Store, real_articles: list[Article]) -> None:
    ids = [store.add_article(a).article_id for a in real_articles[:4]]
    store.mark_duplicate(ids[1], ids[0])
    store.mark_duplicate(ids[2], ids[1])  # a reprint of a reprint points at the original
    assert {r.id for r in store.reprints(ids[0])} == {ids[1], ids[2]}
    with pytest.raises(StoreError):
        store.mark_duplicate(ids[0], ids[0])
    filed = datetime(2010, 2, 27, 10, tzinfo=UTC)
    store.save_signature(ids[0], b"\x01\x02", None)
    store.save_signature(ids[0], b"\x03", filed)  # replaced, with the time it was filed under
    store.save_signature(ids[1], b"\x05", filed + timedelta(days=1))  # reprints: never restored
    store.save_signature(ids[2], b"\x06", filed + timedelta(days=2))
    store.save_signature(ids[3], b"\x04", None)  # filed before the index had seen any time
    assert list(store.iter_signatures()) == [(ids[0], b"\x03", filed), (ids[3], b"\x04", None)]
    assert list(store.iter_signatures(since=filed)) == [(ids[0], b"\x03", filed)]
    assert store.latest_filed(until=filed + timedelta(days=30)) == filed  # reprints' left out
    assert store.latest_filed(until=filed - timedelta(seconds=1)) is None
    first_seen = filed + timedelta(hours=1)
    store.file_untimed_signatures(first_seen)
    assert list(store.iter_signatures(since=first_seen)) == [(ids[3], b"\x04", first_seen)]


def test_transaction_rolls_back_everything(store: Store, real_articles: list[Article]) -> None:
    store.add_article(real_articles[0])
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(real_articles[1])
        store.assign_story(1, 4)
        raise RuntimeError("boom")
    assert store.article_count() == 1
    assert store.get_article(1).story_id is None  # type: ignore[union-attr]
    with store.transaction():
        store.add_article(real_articles[1])
        with pytest.raises(RuntimeError), store.transaction():
            store.add_article(real_articles[2])
            raise RuntimeError("inner")
        store.add_article(real_articles[3])
    assert {s.article.key for s in store.iter_articles()} == {
        real_articles[i].key for i in (0, 1, 3)
    }


def test_full_ingest_on_each_backend_releases_the_placement_lock(store: Store) -> None:
    from newsdesk.pipeline import ingest

    wikinews = Path(__file__).resolve().parents[1] / "examples" / "wikinews"
    files = [str(p) for p in sorted(wikinews.glob("M009?.english"))]
    report = ingest(files, store, Settings(embedder="tfidf"))
    assert report.added == 10 and not report.rejected
    assert all(s.story_id is not None for s in store.iter_articles())
    with store.placement_lock():  # released by the ingest: taking it again does not hang
        assert list(store.unassigned_articles()) == []


def test_ner_spans_round_trip_and_keep_the_first_copy(store: Store) -> None:
    store.save_ner_spans("en_core_web_sm-3.8.0", [("h1", '[[0, 5, "Seoul", "GPE"]]'), ("h2", "[]")])
    store.save_ner_spans("en_core_web_sm-3.8.0", [("h1", "[]"), ("h1", "[]")])  # known: kept
    store.save_ner_spans("other-1.0", [("h1", "[]")])
    found = store.ner_spans("en_core_web_sm-3.8.0", ["h1", "h2", "h3", "h1"])
    assert found == {"h1": '[[0, 5, "Seoul", "GPE"]]', "h2": "[]"}
    assert store.ner_spans("other-1.0", ["h1"]) == {"h1": "[]"}
    assert store.ner_spans("en_core_web_sm-3.8.0", []) == {}


# --- stopwords and accents: PostgreSQL finds what SQLite's FTS5 finds --------------------------

STOPWORD_QUERIES = ["The Who", "it", "what was it", "the people who", "to be or not to be"]
"""Queries made (mostly or only) of English stopwords, which PostgreSQL's 'english' text search
configuration drops (a query of stopwords only then finds nothing)."""


def _band_article(template: Article) -> Article:
    return dataclasses.replace(
        template,
        key="the-who",
        url=None,
        title="The Who return to the Café de Paris",
        text="The Who played the Café de Paris in London on Saturday, their first club show in "
        "a decade.\n\nThe band’s guitarist said “it felt like coming home”.",
    )


def _keys(store: Store, query: str) -> set[str]:
    found = set()
    for hit in store.search(query, limit=500):
        if hit.kind != "article":
            continue
        stored = store.get_article(hit.id)
        assert stored is not None
        found.add(stored.article.key)
    return found


@pytest.mark.postgres
@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_postgres_search_finds_stopwords_and_accents_as_sqlite_does(
    tmp_path: Path, postgres_server: str, locale: str, real_articles: list[Article]
) -> None:
    # In a C locale PostgreSQL's parser takes any non-ASCII character for a letter ("People’s" one
    # word), in C.UTF-8 not: both must find what SQLite finds.
    options = f"TEMPLATE template0 LOCALE '{locale}'"
    articles = [*real_articles, _band_article(real_articles[0])]
    with (
        fresh_database(postgres_server, options) as url,
        open_store(str(tmp_path / "news.db")) as sqlite,
        open_store(url) as postgres,
    ):
        for store in (sqlite, postgres):
            for article in articles:
                store.add_article(article)
        for query in [*STOPWORD_QUERIES, "country's", "People’s", "home"]:
            expected = _keys(sqlite, query)
            assert expected, query
            assert _keys(postgres, query) == expected, query
        # A stopword in a longer query is required, not ignored.
        with_who = _keys(sqlite, "tsunami who")
        assert with_who and with_who < _keys(sqlite, "tsunami")
        assert _keys(postgres, "tsunami who") == with_who
        # A word with an apostrophe is a phrase: "china's" is not any article with "china" and "s".
        assert _keys(postgres, "china's") == _keys(sqlite, "china's") < _keys(sqlite, "china s")
        # Accents are ignored both ways ("cafe" finds "Café" and "café" finds "cafe").
        assert _keys(sqlite, "cafe") == _keys(postgres, "cafe") == {"the-who"}
        assert _keys(postgres, "CAFÉ") == {"the-who"}
        # Ranking and snippets: the band's article, whose title is the query, comes first, with
        # the stopwords marked; a word between typographic quotes is found and marked.
        for store in (sqlite, postgres):
            hits = store.search("The Who")
            top = store.get_article(hits[0].id)
            assert top is not None and top.article.key == "the-who", store.location
            assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
            assert "<mark>The</mark> <mark>Who</mark> played" in hits[0].snippet, store.location
            (band,) = [h for h in store.search("coming home") if h.id == top.id]
            assert "<mark>coming</mark> <mark>home</mark>" in band.snippet, store.location


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def upgrade_target(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """(backend, url) of the store an upgrade test keeps: a SQLite file, or the test PostgreSQL
    database."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "old.db")
    return "postgres", str(request.getfixturevalue("postgres_url"))


@contextmanager
def _store_at_schema(
    version: int, url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """The store at ``url`` as the code of schema ``version`` made it: its migrations only."""
    from newsdesk.store import base, postgres, sqlite

    module = sqlite if backend == "sqlite" else postgres
    with monkeypatch.context() as patch:
        patch.setattr(module, "SCHEMA_VERSION", version)
        patch.setattr(
            module, "load_migrations", lambda dialect: base.load_migrations(dialect)[:version]
        )
        with open_store(url) as old:
            assert old.schema_version() == version
            yield old


def test_store_at_schema_3_upgrades_in_place_and_finds_stopwords(
    upgrade_target: tuple[str, str],
    tmp_path: Path,
    real_articles: list[Article],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend, url = upgrade_target
    articles = [*real_articles[:30], _band_article(real_articles[0])]
    brief = Brief(
        [BriefSentence("The Who said it was over.", Citation("k", "O", "T", None, None), 0)],
        50,
        "lead",
    )
    # The store as the code of schema 3 made it: its migrations only, and its articles and brief.
    with _store_at_schema(3, url, backend, monkeypatch) as old:
        ids = [old.add_article(article).article_id for article in articles]
        old.assign_story(ids[-1], 1)
        _save_brief_as_before_6(old, 1, brief)
    with open_store(str(tmp_path / "fresh.db")) as fresh:
        for article in articles:
            fresh.add_article(article)
        expected = {query: _keys(fresh, query) for query in STOPWORD_QUERIES}
    with open_store(url) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        assert upgraded.article_count() == len(articles)
        for query, keys in expected.items():
            assert keys and _keys(upgraded, query) == keys, query
        (brief_hit,) = [h for h in upgraded.search("who said it", limit=500) if h.kind == "brief"]
        assert brief_hit.id == 1 and "<mark>Who</mark>" in brief_hit.snippet


def _save_brief_as_before_6(store: Store, story_id: int, brief: Brief) -> None:
    """Save a brief as the code of schema 5 and earlier did: no headline in the JSON or a column."""
    payload = {k: v for k, v in to_json_value(brief).items() if k != "headline"}
    with store.transaction():
        store._execute(
            "INSERT INTO briefs (story_id, brief, text, updated_at) VALUES (?, ?, ?, ?)",
            (
                story_id,
                json.dumps(payload),
                "\n".join(s.text for s in brief.sentences),
                "2026-01-01",
            ),
        )


def test_store_at_schema_5_keeps_its_headlines_until_a_brief_chooses_one(
    upgrade_target: tuple[str, str],
    tmp_path: Path,
    real_articles: list[Article],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend, url = upgrade_target
    chile = sorted((a for a in real_articles if "M005" in a.key), key=lambda a: a.key)[:5]
    earliest = chile[0]
    assert earliest.title.startswith("8.8 magnitude earthquake hits Chile")
    assert chile[2].title == "New earthquake hits Chile"
    brief = Brief(
        [BriefSentence("A strong earthquake hit Chile.", Citation("k", "O", "T", None, None), 0)],
        50,
        "lead",
        headline=chile[2].title,
    )
    with _store_at_schema(5, url, backend, monkeypatch) as old:
        for article in chile:
            old.assign_story(old.add_article(article).article_id, 1)
        _save_brief_as_before_6(old, 1, brief)
    with open_store(url) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        # Until its brief is rebuilt, the story is named as before: by its earliest title.
        summary = upgraded.story(1)
        assert summary is not None and summary.headline == earliest.title
        loaded = upgraded.get_brief(1)
        assert loaded is not None and loaded.headline == ""
        assert loaded.sentences == brief.sentences
        upgraded.save_brief(1, brief)
        assert [s.headline for s in upgraded.stories()] == [chile[2].title]
        (hit,) = [h for h in upgraded.search("strong earthquake") if h.kind == "brief"]
        assert hit.title == chile[2].title


def test_signatures_stored_before_schema_7_are_filed_under_their_publication_time(
    upgrade_target: tuple[str, str],
    tmp_path: Path,
    real_articles: list[Article],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsdesk.dedup import NearDuplicateIndex
    from newsdesk.pipeline import Placer

    backend, url = upgrade_target
    published = datetime(2010, 2, 27, 10, tzinfo=UTC)
    articles = [
        dataclasses.replace(real_articles[0], published=published),
        dataclasses.replace(real_articles[1], published=None),
        dataclasses.replace(real_articles[2], published=published + timedelta(days=1)),  # reprint
        dataclasses.replace(real_articles[3], published=datetime(2099, 3, 1, tzinfo=UTC)),  # typo
    ]
    index = NearDuplicateIndex(Settings())
    with _store_at_schema(6, url, backend, monkeypatch) as old:
        ids = [old.add_article(a).article_id for a in articles]
        old.mark_duplicate(ids[2], ids[0])
        with old.transaction():
            for article_id, article in zip(ids, articles, strict=True):
                old._execute(
                    "INSERT INTO signatures (article_id, signature) VALUES (?, ?)",
                    (article_id, NearDuplicateIndex.to_bytes(index.signature(article.text))),
                )
    with open_store(url) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        assert upgraded.latest_filed(until=datetime(2098, 1, 1, tzinfo=UTC)) == published
        # When the undated one was filed is unknown: restored, as before schema 7, only by a
        # store that has no time at all.
        week = timedelta(days=7)
        assert [i for i, _, _ in upgraded.iter_signatures(since=published - week)] == [
            ids[0],
            ids[3],
        ]
        assert [i for i, _, _ in upgraded.iter_signatures()] == [ids[0], ids[1], ids[3]]
        # The typo'd year is restored under the newest plausible time, not as the newest time.
        assert Placer(upgraded, Settings(), single_story=1).indexed_signatures == 2


@pytest.mark.postgres
def test_postgres_role_that_cannot_create_extensions_still_finds_stopwords(
    postgres_url: str, real_articles: list[Article]
) -> None:
    import psycopg

    # The role may create tables in the schema but not extensions in the database: the migration
    # does without unaccent (accents then count) and everything else works.
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS tables_only")
        admin.execute("CREATE ROLE tables_only LOGIN")
        admin.execute("GRANT CREATE ON SCHEMA public TO tables_only")
    try:
        url = postgres_url.replace("//postgres@", "//tables_only@")
        with open_store(url) as store:
            assert store.schema_version() == SCHEMA_VERSION
            store.add_article(_band_article(real_articles[0]))
            assert _keys(store, "the who") == _keys(store, "café") == {"the-who"}
            assert _keys(store, "cafe") == set()
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY tables_only")
            admin.execute("DROP ROLE tables_only")


def test_a_place_key_taken_by_other_content_holds_a_new_article(
    store: Store, real_articles: list[Article]
) -> None:
    """A key that is only where the article was read (a path, a line) names no article for good:
    other content read there later is a new article. A key that is an id still does."""
    place = Provenance("today.jsonl", "line 1")
    first = dataclasses.replace(real_articles[0], key="today.jsonl:1", provenance=place)
    first = dataclasses.replace(first, place_key=True)
    later = dataclasses.replace(first, title=real_articles[1].title, text=real_articles[1].text)
    assert store.add_article(first).status == "added"
    outcome = store.add_article(later)
    assert outcome.status == "added"
    stored = store.get_article(outcome.article_id)
    assert stored is not None and stored.article.key == f"today.jsonl:1 #{later.content_hash[:12]}"
    assert [store.add_article(a).status for a in (first, later)] == ["duplicate", "duplicate"]

    with_id = dataclasses.replace(real_articles[2], key="wire-7", provenance=place, place_key=False)
    revised = dataclasses.replace(with_id, text=with_id.text + " A later paragraph, revised.")
    assert store.add_article(with_id).status == "added"
    assert store.add_article(revised).status == "duplicate"
    assert store.article_count() == 3
