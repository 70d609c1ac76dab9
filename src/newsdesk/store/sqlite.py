"""The SQLite store: one file in WAL mode, foreign keys on, FTS5 full-text search.

Durability: every commit is in the WAL before ``commit`` returns, so a killed process loses
nothing it committed. ``synchronous=NORMAL`` means a power cut (not a process crash) may lose the
last few commits, never corrupt the file.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from newsdesk.store.base import (
    MARK_END,
    MARK_START,
    SCHEMA_VERSION,
    Store,
    StoreError,
    load_migrations,
    newer_schema_error,
    split_sql,
)

BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "the store is read-only; make it and its folder writable, or use another --db"


class SqliteStore(Store):
    def __init__(self, path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        super().__init__()
        self.location = str(path)
        self.busy_timeout_ms = busy_timeout_ms
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError(
                f"{path}: folder {folder} does not exist; create it or use another --db"
            )
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder, os.W_OK)
        if not read_only and Path(path).exists():
            read_only = not os.access(path, os.W_OK)
        if read_only:
            raise StoreError(f"{path}: {READ_ONLY}")
        try:
            self._conn = sqlite3.connect(
                str(path),
                isolation_level=None,
                check_same_thread=False,
                timeout=self.busy_timeout_ms / 1000,
            )
        except sqlite3.Error as error:
            raise self._translate(error) from error
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as error:
            self._conn.close()
            raise self._translate(error) from error
        except StoreError:
            self._conn.close()
            raise

    def _translate(self, error: sqlite3.Error) -> StoreError:
        name = getattr(error, "sqlite_errorname", "") or ""
        message = str(error)
        where = self.location
        if name.startswith("SQLITE_READONLY") or "readonly" in message:
            text = READ_ONLY
        elif name == "SQLITE_FULL" or "disk is full" in message:
            text = "the disk is full; free some space and re-run (everything committed is intact)"
        elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
            text = "the store is locked by another writer; let it finish or stop it, then retry"
        elif name in {"SQLITE_NOTADB", "SQLITE_CORRUPT"} or "not a database" in message:
            text = "not a newsdesk store (or damaged); point --db at a store file or a new path"
        elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in message:
            text = "cannot open the store file; check that it and its folder are writable"
        elif name.startswith("SQLITE_IOERR"):
            text = f"disk I/O error ({message}); check the disk, then re-run"
        else:
            text = f"database error: {message}"
        return StoreError(f"{where}: {text}")

    def _migrate(self) -> None:
        conn = self._conn
        if self._current_version() == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self._current_version()
            if current > SCHEMA_VERSION:
                raise newer_schema_error(self.location, current)
            for version, _name, script in load_migrations("sqlite"):
                if version <= current:
                    continue
                for statement in split_sql(script):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, datetime.now().astimezone().isoformat()),
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _current_version(self) -> int:
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not exists:
            return 0
        found = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        version = int(found or 0)
        if version > SCHEMA_VERSION:
            raise newer_schema_error(self.location, version)
        return version

    def schema_version(self) -> int:
        with self._lock:
            return self._current_version()

    # --- primitives ---

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise self._translate(error) from error

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self._conn.execute(sql, params).rowcount
        except sqlite3.Error as error:
            raise self._translate(error) from error

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.Error as error:
            raise self._translate(error) from error

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so a busy store waits here (busy_timeout)
        # instead of failing half-way through the transaction.
        self._execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
        if self._conn.in_transaction:
            self._execute("ROLLBACK")

    @contextmanager
    def placement_lock(self) -> Iterator[None]:
        # An OS file lock beside the store: released by the kernel if the holder is killed.
        with open(f"{self.location}.place-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- search ---

    _ARTICLE_RANK = (
        "SELECT rowid AS id, -bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts "
        "WHERE articles_fts MATCH ?"
    )
    _ARTICLE_MATCH = (
        "articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
    )
    _ARTICLE_SCORE = "-bm25(articles_fts, 3.0, 1.0)"
    _ARTICLE_SNIPPET = f"snippet(articles_fts, -1, '{MARK_START}', '{MARK_END}', '…', 24)"
    _ARTICLE_ID = "articles_fts.rowid"
    _BRIEF_RANK = (
        "SELECT rowid AS id, -bm25(briefs_fts) AS score FROM briefs_fts WHERE briefs_fts MATCH ?"
    )
    _BRIEF_MATCH = (
        "briefs_fts JOIN briefs b ON b.story_id = briefs_fts.rowid "
        "JOIN stories s ON s.id = b.story_id WHERE briefs_fts MATCH ?"
    )
    _BRIEF_SCORE = "-bm25(briefs_fts)"
    _BRIEF_ID = "briefs_fts.rowid"
    _BRIEF_SNIPPET = f"snippet(briefs_fts, 0, '{MARK_START}', '{MARK_END}', '…', 24)"

    @staticmethod
    def _match_text(terms: list[str]) -> str:
        # Each word quoted: FTS5 syntax in user input ("NEAR(", "-", quotes) is never parsed.
        return " ".join(f'"{term}"' for term in terms)
