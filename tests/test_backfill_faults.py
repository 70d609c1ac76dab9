"""Backfill under faults: SIGKILL of the whole backfill (driver, scheduler and workers) and of
one worker of a running cluster, then a restart; no article is lost or duplicated. (A read-only
or full store: tests/test_store_faults.py; backfill opens the store the same way as ingest.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from corpus import record_url, wikinews_records, write_warc
from newsdesk.store import open_store

ENV = {**os.environ, "NEWSDESK_EMBEDDER": "tfidf"}
COUNT = 240


def _command(db: Path, warc: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsdesk",
        "--db",
        str(db),
        "--log-format",
        "json",
        "--log-level",
        "info",
        "backfill",
        str(warc),
        "--partition-size",
        "16",
        *extra,
    ]


def _wait_for_stored_partition(stream: IO[str], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 180
    for line in stream:
        if line.startswith("{") and json.loads(line)["message"] == "partition stored":
            return
        if time.monotonic() > deadline:
            break
    pytest.fail(f"no partition was stored (exit {process.poll()})")


def _assert_complete(db: Path, records: list[dict[str, object]]) -> None:
    with open_store(str(db)) as store:
        stored = list(store.iter_articles())
    keys = [s.article.key for s in stored]
    assert len(keys) == len(set(keys)) == COUNT  # nothing lost, nothing twice
    assert set(keys) == {record_url(r) for r in records}
    assert all(s.story_id is not None for s in stored)


def test_sigkill_backfill_mid_run_then_rerun(tmp_path: Path) -> None:
    records = wikinews_records(COUNT)
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    db = tmp_path / "news.db"
    process = subprocess.Popen(
        _command(db, warc, "--workers", "2"),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stderr is not None
    _wait_for_stored_partition(process.stderr, process)
    assert process.poll() is None, "backfill finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # driver, scheduler and worker processes at once
    process.wait()
    with open_store(str(db)) as store:
        survived = store.article_count()
    assert 0 < survived < COUNT

    rerun = subprocess.run(_command(db, warc), env=ENV, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"duplicates skipped {survived}" in rerun.stdout
    _assert_complete(db, records)


def test_sigkill_one_worker_mid_run(tmp_path: Path) -> None:
    records = wikinews_records(COUNT)
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    db = tmp_path / "news.db"
    port_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "distributed.cli.dask_scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(port_file),
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[subprocess.Popen[bytes]] = []
    try:
        deadline = time.monotonic() + 60
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(port_file.read_text())["address"]
        for _ in range(2):
            workers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        address,
                        "--no-nanny",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                    ],
                    env=ENV,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        backfill = subprocess.Popen(
            _command(db, warc, "--scheduler", address),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert backfill.stderr is not None
        _wait_for_stored_partition(backfill.stderr, backfill)
        assert backfill.poll() is None, "backfill finished before a worker could be killed"
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait()
        rest = backfill.stderr.read()
        assert backfill.wait(timeout=600) == 0, rest[-2000:]
        _assert_complete(db, records)
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                process.kill()
                process.wait()
