"""The SQLite store under faults: SIGKILL mid-ingest, read-only and full disks, a locked store,
readers in other processes. Runs real subprocesses and (as root) real tmpfs mounts."""

# ruff: noqa: F811

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.models import Article
from newsdesk.store import StoreError, open_store
from newsdesk.store.sqlite import SqliteStore
from newsdesk.text import split_sentences_with_paragraphs

# Fixtures shared with test_store (pytest finds them by name; ruff sees redefinitions).
from test_store import postgres_server, postgres_url, real_articles  # noqa: F401

MULTILING = Path(__file__).resolve().parents[1].parent / "shared/data/multiling2011-en/source"

WORKER = textwrap.dedent(
    """
    import dataclasses, sys
    from newsdesk.config import Settings
    from newsdesk.models import Article
    from newsdesk.sources import read_sources
    from newsdesk.store import open_store

    db, source, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    articles = [a for a in read_sources([source], Settings()) if isinstance(a, Article)]
    with open_store(db) as store:
        for round_ in range(start, start + 1000):
            for i, article in enumerate(articles):
                copy = dataclasses.replace(
                    article,
                    key=f"{article.key}#{round_}",
                    text=f"{article.text}\\n\\nRevision {round_}.",
                )
                if i % 10 < 5:  # one article per transaction
                    outcome = store.add_article(copy)
                    print("C", outcome.article_id, copy.key, flush=True)
                    continue
                if i % 10 == 5:  # five articles plus their story in one transaction
                    batch = [
                        dataclasses.replace(
                            a, key=f"{a.key}#{round_}#batch",
                            text=f"{a.text}\\n\\nRevision {round_} (batch).",
                        )
                        for a in articles[i : i + 5]
                    ]
                    with store.transaction():
                        done = [store.add_article(b) for b in batch]
                        for outcome in done:
                            store.assign_story(outcome.article_id, round_ * 100 + i)
                    for b, outcome in zip(batch, done):
                        print("C", outcome.article_id, b.key, flush=True)
    """
)


def run_and_kill(db: str, start: int, after_lines: int) -> list[tuple[int, str]]:
    """Run the ingest worker, SIGKILL it once it has reported `after_lines` commits."""
    process = subprocess.Popen(
        [sys.executable, "-c", WORKER, db, str(MULTILING), str(start)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    committed: list[tuple[int, str]] = []
    for line in process.stdout:
        _, article_id, key = line.split(" ", 2)
        committed.append((int(article_id), key.strip()))
        if len(committed) >= after_lines:
            process.send_signal(signal.SIGKILL)
            break
    committed.extend((int(a), k.strip()) for _, a, k in (ln.split(" ", 2) for ln in process.stdout))
    assert process.wait(timeout=30) == -signal.SIGKILL
    return committed


def check_consistent(url: str) -> None:
    if url.startswith("postgresql://"):
        import psycopg

        connection: Any = psycopg.connect(url)
    else:
        connection = sqlite3.connect(url)
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    try:
        orphans = connection.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()
        assert orphans == (0,)
        batches = connection.execute(
            "SELECT story_id, COUNT(*) FROM articles WHERE key LIKE '%#batch' GROUP BY story_id"
        ).fetchall()
        assert all(count == 5 for _, count in batches), batches
    finally:
        connection.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "killed.db")
    url: str = request.getfixturevalue("postgres_url")
    return url


def test_sigkill_mid_ingest_loses_nothing_committed(store_url: str) -> None:
    db = store_url
    all_committed: list[tuple[int, str]] = []
    for attempt, (start, kill_after) in enumerate([(0, 137), (10, 251), (20, 64)]):
        committed = run_and_kill(db, start, kill_after)
        assert len(committed) >= kill_after
        all_committed.extend(committed)
        check_consistent(db)
        with open_store(db) as store:
            for article_id, key in all_committed:
                stored = store.article_by_key(key)
                assert stored is not None, f"committed article {key} lost after kill {attempt}"
                assert stored.id == article_id
                assert store.sentences(article_id) == split_sentences_with_paragraphs(
                    stored.article.text
                )
            # At most the transaction in flight when the kill came (<= 5 articles) was
            # committed but not yet reported; it is complete (checked above), never partial.
            assert 0 <= store.article_count() - len(all_committed) <= 5
    # Re-running the same ingest adds nothing for what is already there.
    with open_store(db) as store:
        before = store.article_count()
        for _, key in all_committed[:50]:
            stored = store.article_by_key(key)
            assert stored is not None
            assert store.add_article(stored.article).status == "duplicate"
        assert store.article_count() == before


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real small filesystem we can fill or make read-only (needs root, as on CI)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs (run the suite as root, as CI does)")
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_read_only_store_gives_one_clear_line(tmpfs: Path, real_articles: list[Article]) -> None:
    db = tmpfs / "news.db"
    with open_store(str(db)) as store:
        store.add_article(real_articles[0])
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    with pytest.raises(StoreError) as raised:
        open_store(str(db))
    message = str(raised.value)
    assert message.startswith(f"{db}: the store is read-only")
    assert "writable" in message and "\n" not in message
    subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    with open_store(str(db)) as store:
        assert store.article_count() == 1


def test_read_only_file_for_ordinary_user(tmp_path: Path, real_articles: list[Article]) -> None:
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        store.add_article(real_articles[0])
    db.chmod(0o444)
    if os.geteuid() == 0:
        # Root ignores file modes: ask as an ordinary user, in a subprocess.
        tmp_path.chmod(0o755)
        for parent in tmp_path.parents:
            if parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o005)
        command = [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import sys\nfrom newsdesk.store import open_store, StoreError\n"
            "try:\n    open_store(sys.argv[1])\nexcept StoreError as e:\n    print(e)\n",
            str(db),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        message = result.stdout.strip()
    else:
        with pytest.raises(StoreError) as raised:
            open_store(str(db))
        message = str(raised.value)
    assert (
        message
        == f"{db}: the store is read-only; make it and its folder writable, or use another --db"
    )


def test_full_disk_is_a_clear_error_and_loses_nothing(
    tmpfs: Path, real_articles: list[Article]
) -> None:
    db = tmpfs / "news.db"
    added: list[str] = []
    with open_store(str(db)) as store:
        with pytest.raises(StoreError) as raised:
            for round_ in range(1000):
                for article in real_articles:
                    copy = dataclasses.replace(
                        article, key=f"{article.key}#{round_}", text=f"{article.text} r{round_}"
                    )
                    store.add_article(copy)
                    added.append(copy.key)
        message = str(raised.value)
        assert "disk is full" in message and "\n" not in message, message
        assert len(added) > 5
    subprocess.run(["mount", "-o", "remount,size=64m", str(tmpfs)], check=True)
    check_consistent(str(db))
    with open_store(str(db)) as store:
        assert store.article_count() == len(added)
        assert all(store.article_by_key(k) is not None for k in added)
        assert store.add_article(dataclasses.replace(real_articles[0], key="after")).status == (
            "added"
        )


def test_locked_store_gives_clear_error_and_reads_still_work(
    tmp_path: Path, real_articles: list[Article]
) -> None:
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        store.add_article(real_articles[0])
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO stories (id, created_at) VALUES (99, 'now')")
    try:
        with SqliteStore(db, busy_timeout_ms=200) as store:
            assert store.article_count() == 1  # readers are not blocked under WAL
            with pytest.raises(StoreError, match="locked by another writer; let it finish"):
                store.add_article(real_articles[1])
            other.execute("ROLLBACK")
            assert store.add_article(real_articles[1]).status == "added"
    finally:
        other.close()


def test_reader_in_another_process_sees_only_committed(
    tmp_path: Path, real_articles: list[Article]
) -> None:
    db = tmp_path / "news.db"
    count = [
        sys.executable,
        "-c",
        "import sys\nfrom newsdesk.store import open_store\n"
        "with open_store(sys.argv[1]) as s:\n    print(s.article_count(), len(s.search('the')))",
        str(db),
    ]
    with open_store(str(db)) as store:
        for article in real_articles[:10]:
            store.add_article(article)
        with store.transaction():
            store.add_article(real_articles[10])
            seen = subprocess.run(count, capture_output=True, text=True, timeout=60)
            assert seen.stdout.split()[0] == "10", seen.stderr
        seen = subprocess.run(count, capture_output=True, text=True, timeout=60)
        assert seen.stdout.split()[0] == "11", seen.stderr
