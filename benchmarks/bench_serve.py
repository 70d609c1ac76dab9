"""Web server under load: story pages and search at concurrency 32, from a second process.

Store: --articles synthetic articles (default 100,000) made by recombining real MultiLing 2011
and ECB+ articles (``bench_store.synthetic_corpus``: chunks of real sentences, real titles with
a serial, 20 outlets, dates over two years). Articles built from the same real article are
cut, in date order, into stories of 1 to 60 articles (geometric sizes, mean about 8); in a
third of the stories with three or more articles, the last one is a reprint of the first
(a dateline added, another outlet), linked as in dedup. A seeded sample of 2,000 stories gets
a real brief (``pipeline.brief_story``, the ILP summariser at ~0.1 s per story); the story
scenarios request exactly those. Built once and cached in out/bench/ (gitignored); the build
takes about ten minutes.

Server: ``uvicorn --factory newsdesk.serve.app:app_from_environment`` in its own process
(--workers, default 1). Load: this script re-run with --client in another process: 32 keep-alive
HTTP/1.1 connections (asyncio), each sending its next request as soon as the last answer is
read, for --seconds per scenario after a 2 s warm-up; --runs runs, medians reported.

Scenarios, each against random targets:
  static     /static/style.css: uvicorn + Starlette floor (what no page can beat)
  story      /stories/{id}: the story page (brief, citations, coverage, timeline)
  story api  /api/stories/{id}: the same story as JSON
  search     /search?q=...: FTS5 bm25 search page over articles and briefs (30 queries)

With --postgres, the same scenarios also run with PostgreSQL 15 behind the server: a throwaway
server (initdb + pg_ctl in a temporary folder, loopback only, fsync off: the load only reads),
loaded with a table-by-table copy of the same SQLite store; the table shows both side by side.

    .venv/bin/python benchmarks/bench_serve.py [--articles 100000] [--seconds 10] [--runs 3]
        [--workers 1] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import QUERIES, percentile, synthetic_corpus
from newsdesk.models import Article
from newsdesk.pipeline import brief_story
from newsdesk.store import open_store
from newsdesk.store.scratch_postgres import scratch_server, server_bindir

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "out" / "bench"
CONCURRENCY = 32
SAMPLE_STORIES = 2000


def _story_sizes(rng: random.Random, total: int) -> list[int]:
    sizes = []
    while total > 0:
        size = min(total, 60, 1 + int(rng.expovariate(1 / 7)))
        sizes.append(size)
        total -= size
    return sizes


def plan_stories(corpus: list[Article], rng: random.Random) -> list[list[Article]]:
    """Cut the articles made from each real article, in date order, into stories; make the last
    article of a third of the stories with three or more a reprint of the first."""
    by_source: dict[str, list[Article]] = defaultdict(list)
    for article in corpus:
        by_source[article.title.rsplit(" (", 1)[0]].append(article)
    stories = []
    for group in by_source.values():
        group.sort(key=lambda a: (a.published, a.key))
        position = 0
        for size in _story_sizes(rng, len(group)):
            members = group[position : position + size]
            position += size
            if size >= 3 and rng.random() < 1 / 3:
                first = members[0]
                members[-1] = replace(
                    members[-1],
                    text="PARIS (Wire) - " + first.text,
                    outlet=f"Reprinter {size % 7}",
                )
            stories.append(members)
    return stories


def briefed_stories(story_count: int) -> list[int]:
    """The stories that get a brief, and that the story scenarios request (a seeded sample:
    briefing all ~14k stories with the ILP summariser would take most of an hour)."""
    return sorted(
        random.Random(5).sample(range(1, story_count + 1), min(SAMPLE_STORIES, story_count))
    )


def build_store(path: Path, count: int, seed: int = 11) -> None:
    """Write the benchmark store to ``path`` (via a temporary file, so a partial build is never
    mistaken for a cached one)."""
    started = time.perf_counter()
    stories = plan_stories(synthetic_corpus(count), random.Random(seed))
    partial = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    with open_store(str(partial)) as store:
        for index in range(0, len(stories), 100):
            with store.transaction():
                for offset, members in enumerate(stories[index : index + 100]):
                    story_id = index + offset + 1
                    ids = [store.add_article(a).article_id for a in members]
                    for article_id in ids:
                        store.assign_story(article_id, story_id)
                    if members[-1].text.startswith("PARIS (Wire) - "):
                        store.mark_duplicate(ids[-1], ids[0])
        elapsed = time.perf_counter() - started
        print(f"  stored {count} articles in {len(stories)} stories: {elapsed:.0f} s")
        briefed = briefed_stories(len(stories))
        for index in range(0, len(briefed), 100):
            with store.transaction():
                for story_id in briefed[index : index + 100]:
                    store.save_brief(story_id, brief_story(store, story_id, 250))
            elapsed = time.perf_counter() - started
            print(f"  briefs: {index + 100}/{len(briefed)} after {elapsed:.0f} s")
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(path)
    print(f"  built {path} in {time.perf_counter() - started:.0f} s")


# --- the load generator (runs in its own process) ---


async def _connection(
    host: str, port: int, paths: list[str], deadline: float, seed: int, out: dict[str, list[float]]
) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            path = paths[rng.randrange(len(paths))]
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            out["latency" if status == 200 else "error"].append(time.perf_counter() - started)
    finally:
        writer.close()


async def _load(base: str, paths: list[str], seconds: float) -> dict[str, list[float]]:
    host, port = base.removeprefix("http://").split(":")
    out: dict[str, list[float]] = {"latency": [], "error": []}
    deadline = time.perf_counter() + seconds
    await asyncio.gather(
        *(_connection(host, int(port), paths, deadline, i, out) for i in range(CONCURRENCY))
    )
    return out


def client(base: str, paths_file: str, seconds: float) -> None:
    paths = json.loads(Path(paths_file).read_text())
    asyncio.run(_load(base, paths, 2.0))  # warm-up
    started = time.perf_counter()
    out = asyncio.run(_load(base, paths, seconds))
    elapsed = time.perf_counter() - started
    latencies = out["latency"]
    print(
        json.dumps(
            {
                "rps": len(latencies) / elapsed,
                "p50": percentile(latencies, 0.5) * 1000 if latencies else None,
                "p99": percentile(latencies, 0.99) * 1000 if latencies else None,
                "errors": len(out["error"]),
                "requests": len(latencies),
            }
        )
    )


# --- PostgreSQL behind the server ---

# Copied in this order (foreign keys); generated tsvector columns are left to PostgreSQL.
_TABLES = (
    "stories", "story_merges", "articles", "sentences", "signatures", "briefs",
    "attributions", "entity_index", "watchlist",
)  # fmt: skip


def copy_to_postgres(db: Path, url: str) -> None:
    """Copy every row of the SQLite store at ``db`` into the (new) PostgreSQL store at ``url``."""
    import psycopg

    started = time.perf_counter()
    open_store(url).close()  # creates the schema
    source = sqlite3.connect(db)
    with psycopg.connect(url) as target:
        for table in _TABLES:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})").fetchall()]
            names = ", ".join(columns)
            with target.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table} ORDER BY rowid"):
                    copy.write_row(row)
        target.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'id'), "
            "(SELECT COALESCE(MAX(id), 1) FROM articles))"
        )
        target.commit()
        target.autocommit = True
        target.execute("VACUUM ANALYZE")
    source.close()
    print(f"  copied {db.name} into PostgreSQL in {time.perf_counter() - started:.0f} s")


# --- the driver ---


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/static/style.css", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--postgres", action="store_true", help="also run with PostgreSQL behind")
    parser.add_argument("--client", nargs=2, metavar=("BASE", "PATHS_JSON"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.client:
        client(options.client[0], options.client[1], options.seconds)
        return

    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"serve-{options.articles}.db"
    if not db.exists():
        print(f"building {db} (cached for later runs)")
        build_store(db, options.articles)
    with open_store(str(db)) as store:
        articles = store.article_count()
        stories = store.stories(limit=10**9, offset=0)
    sample = briefed_stories(max(s.id for s in stories))
    sizes = sorted(s.article_count for s in stories)
    print(
        f"store: {articles} articles, {len(stories)} stories (median {sizes[len(sizes) // 2]}, "
        f"max {sizes[-1]} articles); concurrency {CONCURRENCY}, {options.seconds:g} s x "
        f"{options.runs} runs per scenario, {options.workers} server worker(s), 2 cores"
    )
    scenarios = {
        "static": ["/static/style.css"],
        "story": [f"/stories/{i}" for i in sample],
        "story api": [f"/api/stories/{i}" for i in sample],
        "search": [f"/search?q={quote(q)}" for q in QUERIES],
    }
    results = {"sqlite": run_scenarios(str(db), scenarios, options)}
    if options.postgres:
        if server_bindir() is None:
            raise SystemExit("--postgres needs the PostgreSQL server: apt-get install postgresql")
        with scratch_server("-c max_connections=200 -c shared_buffers=1GB") as url:
            copy_to_postgres(db, url)
            results["postgresql"] = run_scenarios(url, scenarios, options)
    print_table(results)


Runs = dict[str, list[dict[str, float]]]


def run_scenarios(db: str, scenarios: dict[str, list[str]], options: argparse.Namespace) -> Runs:
    """Start the server over the store at ``db``, load it with each scenario, stop it."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NEWSDESK_DB": db}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "newsdesk.serve.app:app_from_environment",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(options.workers),
         "--log-level", "warning", "--no-access-log"],
        env=env,
    )  # fmt: skip
    results: Runs = defaultdict(list)
    try:
        _wait_until_up(base, server)
        for name, paths in scenarios.items():
            paths_file = CACHE / f"paths-{name.replace(' ', '-')}.json"
            paths_file.write_text(json.dumps(paths))
            for _ in range(options.runs):
                answer = subprocess.run(
                    [sys.executable, __file__, "--seconds", str(options.seconds),
                     "--client", base, str(paths_file)],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                results[name].append(json.loads(answer.stdout))
    finally:
        server.terminate()
        server.wait(30)
    return results


def print_table(results: dict[str, Runs]) -> None:
    """One row per scenario and backend: medians over runs, errors summed, req/s relative to
    static on the same backend and (after the first backend) to the first backend."""
    first = next(iter(results.values()))
    header = (
        "scenario",
        "backend",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "vs static",
        "vs " + next(iter(results)),
    )
    print("\n{:<10} {:<10} {:>8} {:>8} {:>8} {:>7} {:>10} {:>10}".format(*header))
    for name in first:
        for backend, runs in results.items():
            floor = statistics.median(r["rps"] for r in runs["static"])
            rps = statistics.median(r["rps"] for r in runs[name])
            ref = statistics.median(r["rps"] for r in first[name])
            p50 = statistics.median(r["p50"] or 0.0 for r in runs[name])
            p99 = statistics.median(r["p99"] or 0.0 for r in runs[name])
            errors = sum(int(r["errors"]) for r in runs[name])
            print(
                f"{name:<10} {backend:<10} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {errors:>7} "
                f"{rps / floor:>10.2f} {rps / ref:>10.2f}"
            )


if __name__ == "__main__":
    main()
