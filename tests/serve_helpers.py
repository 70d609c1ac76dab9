"""Shared set-up for the web tests: a store of real WikiNews articles, and a live server.

The store holds three real story topics from ``examples/wikinews`` ingested through the real
pipeline, plus two records written here from real article text:

- a syndicated reprint (another outlet, a dateline added) that dedup folds under its original;
- a hostile article whose title, text and URL carry ``<script>`` and other markup, to check that
  every page shows it as text.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from newsdesk.config import Settings
from newsdesk.pipeline import ingest
from newsdesk.serve import create_app
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"
ARTIFACTS = ROOT / "test-artifacts"

TOPICS = (0, 5, 7)  # tsunami aid, the Chile earthquake, the Abu Ghraib trial
REPRINT_OUTLET = "Reprint Daily"
REPRINT_OF = "M0001.english"
HOSTILE_SOURCE = "M0090.english"
HOSTILE_TITLE = (
    "<script>window.__xss='title'</script>"
    '<img src=x onerror="window.__xss=\'img\'"> Harbour & "quotes" closed'
)
HOSTILE_MARKUP = "<script>window.__xss='text'</script><b onmouseover=alert(1)>bold</b>"
HOSTILE_URL = "javascript:window.__xss='url'"
HOSTILE_OUTLET = "Evil <i>Outlet</i>"


def topic_files(*topics: int) -> list[Path]:
    return [p for t in topics for p in sorted(WIKINEWS.glob(f"M00{t}?.english"))]


def _title_and_body(path: Path) -> tuple[str, str]:
    """A WikiNews example file: the title line, then a date line, then the article text."""
    title, _, rest = path.read_text(encoding="utf-8").strip().partition("\n")
    _, _, body = rest.strip().partition("\n")
    return title.strip(), body.strip()


def write_extra_records(path: Path) -> None:
    title, body = _title_and_body(WIKINEWS / REPRINT_OF)
    hostile_text = _title_and_body(WIKINEWS / HOSTILE_SOURCE)[1].split("\n\n")
    hostile_text.insert(1, f"Officials said {HOSTILE_MARKUP} the harbour stayed shut.")
    records = [
        {
            "id": "reprint-daily-1",
            "url": "https://reprint-daily.example/world/tsunami-aid",
            "title": title,
            "text": "COLOMBO (Reprint Daily) - " + body,
            "outlet": REPRINT_OUTLET,
            "published": "2005-01-09T08:00:00+00:00",
        },
        {
            "id": "hostile-1",
            "url": HOSTILE_URL,
            "title": HOSTILE_TITLE,
            "text": "\n\n".join(hostile_text),
            "outlet": HOSTILE_OUTLET,
            "published": "2006-03-01T12:00:00+00:00",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def build_store(folder: Path) -> Settings:
    """Ingest the test corpus into ``folder/news.db`` through the pipeline; return its settings."""
    settings = Settings(db=str(folder / "news.db"))
    extra = folder / "extra.jsonl"
    write_extra_records(extra)
    inputs = [str(p) for p in topic_files(*TOPICS)] + [str(extra)]
    with open_store(settings.db) as store:
        report = ingest(inputs, store, settings)
    assert not report.rejected, report.rejected
    return settings


def free_port() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """A real uvicorn server for ``settings.db`` on a free loopback port; yields its base URL."""
    sock = free_port()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
