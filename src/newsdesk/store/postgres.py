"""The PostgreSQL store: the same schema and SQL as SQLite, with PostgreSQL's own text search.

Several processes may write at once: inserts rely on unique constraints (``ON CONFLICT DO
NOTHING``), so two workers adding the same article store it once. Each Store holds one
connection; open one Store per process or thread pool.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict

from newsdesk.store.base import (
    MARK_END,
    MARK_START,
    SCHEMA_VERSION,
    Store,
    StoreError,
    load_migrations,
    newer_schema_error,
)

LOCK_TIMEOUT = "10s"
PLACEMENT_LOCK_KEY = 0x6E657773  # "news": the advisory lock that placers take
_MIGRATION_LOCK = 7_364_001  # advisory lock id: concurrent openers migrate one at a time

# Search as SQLite's FTS5 does (migration 0004): the 'newsdesk_english' configuration stems with
# Porter and keeps stopwords; newsdesk_search_text() is the text as indexed (in a C-locale
# database, non-ASCII punctuation made separable). Queries and snippets go through both.
_CONFIG = "'newsdesk_english'"
_QUERY = f"websearch_to_tsquery({_CONFIG}, newsdesk_search_text(?))"
_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=12, MaxFragments=2"


def _display(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://?"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


class PostgresStore(Store):
    # NO KEY UPDATE: does not conflict with the KEY SHARE lock a foreign-key check takes.
    _FOR_UPDATE = " FOR NO KEY UPDATE"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.location = _display(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            first_line = str(error).strip().splitlines()[-1] if str(error).strip() else ""
            raise StoreError(
                f"{self.location}: cannot connect to PostgreSQL ({first_line}); "
                "check that the server is running and the URL, user and password are right"
            ) from error
        try:
            self._conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
            self._migrate()
        except psycopg.Error as error:
            self._conn.close()
            raise self._translate(error) from error
        except StoreError:
            self._conn.close()
            raise

    def _translate(self, error: psycopg.Error) -> StoreError:
        where = self.location
        if isinstance(error, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            text = "the database is read-only for this user; connect as a role that can write"
        elif isinstance(error, errors.DiskFull):
            text = (
                "the server's disk is full; free some space and re-run (committed data is intact)"
            )
        elif isinstance(error, errors.LockNotAvailable | errors.DeadlockDetected):
            text = "the store is locked by another writer; let it finish or stop it, then retry"
        elif isinstance(error, psycopg.OperationalError):
            text = f"lost the PostgreSQL connection ({str(error).strip()}); check the server, retry"
        else:
            text = "database error: " + " ".join(str(error).split())
        return StoreError(f"{where}: {text}")

    def _migrate(self) -> None:
        conn = self._conn
        row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if row and row[0] and self._current_version() == SCHEMA_VERSION:
            return  # up to date: no lock needed, and a read-only role can still read
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self._current_version()
            for version, _name, script in load_migrations("postgresql"):
                if version <= current:
                    continue
                conn.execute(script.encode("utf-8"))
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (%s, now()::text)",
                    (version,),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _current_version(self) -> int:
        row = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        version = int(row[0] or 0) if row else 0
        if version > SCHEMA_VERSION:
            raise newer_schema_error(self.location, version)
        return version

    def schema_version(self) -> int:
        with self._lock:
            return self._current_version()

    # --- primitives: the shared SQL uses ? placeholders and no literal % or ? ---

    @staticmethod
    def _sql(sql: str) -> bytes:
        return sql.replace("?", "%s").encode("utf-8")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cursor = self._conn.execute(self._sql(sql), params or None)
            return cursor.fetchall() if cursor.description is not None else []
        except psycopg.Error as error:
            raise self._translate(error) from error

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self._conn.execute(self._sql(sql), params or None).rowcount
        except psycopg.Error as error:
            raise self._translate(error) from error

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)
        except psycopg.Error as error:
            raise self._translate(error) from error

    def _rollback(self) -> None:
        if self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self._execute("ROLLBACK")

    @contextmanager
    def placement_lock(self) -> Iterator[None]:
        # A session-level advisory lock, released by the server if this connection dies. Polled
        # with try-lock: a blocking wait would hit this session's lock_timeout during a long
        # ingest by another process.
        while True:
            with self._lock:
                row = self._conn.execute(
                    "SELECT pg_try_advisory_lock(%s)", (PLACEMENT_LOCK_KEY,)
                ).fetchone()
            if row is not None and row[0]:
                break
            time.sleep(0.2)
        try:
            yield
        finally:
            with self._lock:
                self._conn.execute("SELECT pg_advisory_unlock(%s)", (PLACEMENT_LOCK_KEY,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- search: tsvector columns (title weighted A, text B), ts_rank and ts_headline ---

    _ARTICLE_RANK = (
        "SELECT a.id, ts_rank(a.search, q)::float8 AS score "
        f"FROM articles a, {_QUERY} q WHERE a.search @@ q"
    )
    _ARTICLE_ID = "a.id"
    _ARTICLE_MATCH = f"articles a, {_QUERY} q WHERE a.search @@ q"
    _ARTICLE_SCORE = "ts_rank(a.search, q)::float8"
    _ARTICLE_SNIPPET = f"ts_headline({_CONFIG}, newsdesk_search_text(a.text), q, '{_HEADLINE}')"
    _BRIEF_RANK = (
        "SELECT b.story_id AS id, ts_rank(b.search, q)::float8 AS score "
        f"FROM briefs b, {_QUERY} q WHERE b.search @@ q"
    )
    _BRIEF_ID = "b.story_id"
    _BRIEF_MATCH = f"briefs b JOIN stories s ON s.id = b.story_id, {_QUERY} q WHERE b.search @@ q"
    _BRIEF_SCORE = "ts_rank(b.search, q)::float8"
    _BRIEF_SNIPPET = f"ts_headline({_CONFIG}, newsdesk_search_text(b.text), q, '{_HEADLINE}')"

    @staticmethod
    def _match_text(terms: list[str]) -> str:
        # Each word quoted, for websearch_to_tsquery: a word the parser splits ("china's") is a
        # phrase, as FTS5 makes it, not two words anywhere; "or" and "-" are never operators.
        return " ".join(f'"{term}"' for term in terms)
