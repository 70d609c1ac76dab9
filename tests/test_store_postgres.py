"""PostgreSQL-only store behaviour against a real server started by the tests (see test_store.py
for the server fixture; the shared behaviour runs there on both backends)."""

# ruff: noqa: F811

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
import pytest

from newsdesk.models import Article
from newsdesk.store import StoreError, open_store
from newsdesk.store.base import SCHEMA_VERSION

# Fixtures shared with test_store (pytest finds them by name; ruff sees redefinitions).
from test_store import postgres_server, postgres_url, real_articles  # noqa: F401

pytestmark = pytest.mark.postgres

MULTILING = Path(__file__).resolve().parents[1].parent / "shared/data/multiling2011-en/source"


def test_migrations_on_empty_database_and_reopen(
    postgres_url: str,
    real_articles: list[Article],
) -> None:
    with open_store(postgres_url) as store:
        store.add_article(real_articles[0])
    with open_store(postgres_url) as store:
        assert store.article_count() == 1
    with psycopg.connect(postgres_url) as connection:
        versions = connection.execute("SELECT version FROM schema_version").fetchall()
        assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
        connection.execute("INSERT INTO schema_version VALUES (%s, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match=r"newer than this newsdesk supports.*upgrade"):
        open_store(postgres_url)


def test_unreachable_server_is_one_clear_line() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://newsdesk:secret@127.0.0.1:9/none")
    message = str(raised.value)
    assert message.startswith("postgresql://newsdesk@127.0.0.1:9/none: cannot connect")
    assert "secret" not in message and "\n" not in message


def test_read_only_role_gets_clear_error(
    postgres_url: str,
    real_articles: list[Article],
) -> None:
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS reader")
        admin.execute("CREATE ROLE reader LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader_url = postgres_url.replace("postgres@", "reader@")
    try:
        with open_store(reader_url) as store:
            assert store.article_count() == 0
            with pytest.raises(StoreError, match="read-only for this user; connect as a role"):
                store.add_article(real_articles[0])
            assert store.article_count() == 0
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY reader")
            admin.execute("DROP ROLE reader")


WRITER = textwrap.dedent(
    """
    import sys
    from newsdesk.config import Settings
    from newsdesk.models import Article
    from newsdesk.sources import read_sources
    from newsdesk.store import open_store

    url, source, order = sys.argv[1], sys.argv[2], sys.argv[3]
    articles = [a for a in read_sources([source], Settings()) if isinstance(a, Article)]
    if order == "reverse":
        articles.reverse()
    added = 0
    with open_store(url) as store:
        for article in articles:
            added += store.add_article(article).status == "added"
            store.assign_story(store.article_by_key(article.key).id, 1)
    print(added)
    """
)


def test_concurrent_writers_store_each_article_once(postgres_url: str) -> None:
    open_store(postgres_url).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, postgres_url, str(MULTILING), order],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in ("forward", "reverse", "forward")
    ]
    results = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], [err for _, err in results]
    assert sum(int(out) for out, _ in results) == 100  # every article added by exactly one
    with open_store(postgres_url) as store:
        assert store.article_count() == 100
        story = store.story(1)
        assert story is not None and story.article_count == 100
    with psycopg.connect(postgres_url) as connection:
        orphans = connection.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()
        assert orphans == (0,)
