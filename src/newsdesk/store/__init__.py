"""The store: articles, sentences, near-duplicate links, stories, briefs and full-text search.

``open_store(url)`` picks the backend from the URL: a file path or ``sqlite:///path`` opens (or
creates) a SQLite store; ``postgresql://...`` a PostgreSQL one. Both apply the numbered schema
migrations in ``migrations/`` on open and refuse a store whose schema is newer than the code.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.store.base import (
    MAX_ID,
    AddOutcome,
    SearchHit,
    SourceGroup,
    Store,
    StoredArticle,
    StoreError,
    StorySummary,
    normalise_url,
    snippet_to_html,
    source_groups,
)

__all__ = [
    "MAX_ID",
    "AddOutcome",
    "SearchHit",
    "SourceGroup",
    "Store",
    "StoreError",
    "StoredArticle",
    "StorySummary",
    "normalise_url",
    "open_store",
    "snippet_to_html",
    "source_groups",
    "sqlite_path",
]


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite store ``url`` (a path or ``sqlite:///path``); None for PostgreSQL."""
    if url.startswith(("postgresql://", "postgres://")):
        return None
    return Path(url.removeprefix("sqlite:///"))


def open_store(url: str) -> Store:
    """Open the store at ``url`` (a SQLite file path, ``sqlite:///path`` or ``postgresql://``)."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from newsdesk.store.postgres import PostgresStore
        except ImportError as error:
            from newsdesk.extras import missing_extra

            raise StoreError(missing_extra("PostgreSQL support", "postgres", error)) from error
        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    elif "://" in url:
        raise StoreError(
            f"{url}: unknown store URL; use a file path, sqlite:///path or postgresql://"
        )
    from newsdesk.store.sqlite import SqliteStore

    return SqliteStore(url)
