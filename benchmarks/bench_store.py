"""Store throughput and search latency at 10k articles made by recombining real articles.

Corpus: the MultiLing 2011 and ECB+ articles in ../shared/data, cut into chunks of three
sentences; each synthetic article takes five consecutive-in-source chunks from two real articles
(seeded), a real title with a serial number, one of 20 outlets and a date spread over two years.

Measured in the same run, medians over --runs fresh stores:
  add_article, one commit per article     (what `newsdesk ingest` does)
  add_article, 100 articles per transaction
  floor: plain sqlite3 executemany of the same rows into one table without indexes, FTS or
         sentences (what the store's bookkeeping costs on top of raw SQLite)
and search latency (p50 / p99 over 30 queries x 5) of Store.search (FTS5, bm25, snippets, with
and without filters) against the LIKE scan one writes without a full-text index.

With --postgres URL (a server where that user may create databases), the same batched ingest
and searches also run against PostgreSQL, in a database the benchmark creates and drops.

    .venv/bin/python benchmarks/bench_store.py [--articles 10000] [--runs 3] [--postgres URL]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.models import Article, Provenance
from newsdesk.sources import read_sources
from newsdesk.store import Store, open_store
from newsdesk.text import split_sentences

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
QUERIES = [
    "earthquake", "police", "president", "tsunami", "fire", "court", "election", "killed",
    "government", "minister", "storm", "prison", "shooting", "oil", "bank", "football",
    "space", "hospital", "murder trial", "nuclear", "flood", "protest", "arrested",
    "company acquire", "heavyweight", "pirates", "Chile", "India navy", "actress", "award",
]  # fmt: skip


def synthetic_corpus(count: int, seed: int = 7) -> list[Article]:
    real = [
        a
        for a in read_sources(
            [str(DATA / "multiling2011-en" / "source"), str(DATA / "ecbplus" / "docs")],
            Settings(),
        )
        if isinstance(a, Article)
    ]
    chunks: list[list[str]] = []
    for article in real:
        sentences = split_sentences(article.text)
        chunks.append([" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)])
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    corpus = []
    for serial in range(count):
        a, b = rng.sample(range(len(real)), 2)
        first, second = chunks[a], chunks[b]
        cut = rng.randint(0, max(0, len(first) - 3))
        paragraphs = first[cut : cut + 3] + second[:2]
        corpus.append(
            Article(
                key=f"synthetic-{serial}",
                title=f"{real[a].title} ({serial})",
                text="\n\n".join(paragraphs),
                outlet=f"Outlet {serial % 20}",
                provenance=Provenance("bench_store", str(serial)),
                url=f"https://outlet{serial % 20}.example/news/{serial}?utm_source=rss",
                published=start + timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60)),
            )
        )
    return corpus


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def add_each(store: Store, corpus: list[Article]) -> None:
    for article in corpus:
        store.add_article(article)


def add_batched(store: Store, corpus: list[Article]) -> None:
    for i in range(0, len(corpus), 100):
        with store.transaction():
            for article in corpus[i : i + 100]:
                store.add_article(article)


def raw_floor(path: Path, corpus: list[Article]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("CREATE TABLE a (key TEXT, title TEXT, text TEXT, outlet TEXT, p TEXT)")
    for i in range(0, len(corpus), 100):
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO a VALUES (?, ?, ?, ?, ?)",
            [
                (x.key, x.title, x.text, x.outlet, x.published.isoformat() if x.published else "")
                for x in corpus[i : i + 100]
            ],
        )
        connection.execute("COMMIT")
    connection.close()


def latencies(action: Callable[[str], object], rounds: int = 5) -> list[float]:
    found = []
    for _ in range(rounds):
        for query in QUERIES:
            found.append(timed(lambda q=query: action(q)) * 1000)  # type: ignore[misc]
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def postgres_run(admin_url: str, corpus: list[Article], runs: int) -> tuple[float, list[float]]:
    """Median batched-ingest rate over `runs` fresh databases, and search latencies on the last."""
    import psycopg

    rates: list[float] = []
    fts: list[float] = []
    base = admin_url.rsplit("/", 1)[0]
    for run in range(runs):
        name = f"newsdesk_bench_{run}"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
        try:
            with open_store(f"{base}/{name}") as store:
                rates.append(len(corpus) / timed(lambda s=store: add_batched(s, corpus)))  # type: ignore[misc]
                if run == runs - 1:
                    fts = latencies(lambda q: store.search(q, limit=20))
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return statistics.median(rates), fts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", help="postgresql:// URL of a server to compare against")
    options = parser.parse_args()
    corpus = synthetic_corpus(options.articles)
    words = sum(len(a.text.split()) for a in corpus) / len(corpus)
    print(f"{len(corpus)} synthetic articles from real text, {words:.0f} words each on average\n")

    rates: dict[str, list[float]] = {"each": [], "batched": [], "floor": []}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(options.runs):
            for name, adder in (("each", add_each), ("batched", add_batched)):
                with open_store(str(Path(folder) / f"{name}{run}.db")) as store:
                    rates[name].append(len(corpus) / timed(lambda s=store, f=adder: f(s, corpus)))  # type: ignore[misc]
            floor_path = Path(folder) / f"floor{run}.db"
            rates["floor"].append(len(corpus) / timed(lambda p=floor_path: raw_floor(p, corpus)))  # type: ignore[misc]
        floor = statistics.median(rates["floor"])
        print(f"{'add_article throughput':<44}{'articles/s':>12}{'vs floor':>10}")
        labels = {
            "each": "add_article, one commit each",
            "batched": "add_article, 100 per transaction",
            "floor": "floor: raw sqlite3 insert, no index/FTS",
        }
        for name, label in labels.items():
            rate = statistics.median(rates[name])
            print(f"{label:<44}{rate:>12,.0f}{rate / floor:>10.2f}")

        with open_store(str(Path(folder) / "batched0.db")) as store:
            assert store.article_count() == len(corpus), store.article_count()
            hits = [len(store.search(q, limit=20)) for q in QUERIES]
            fts = latencies(lambda q: store.search(q, limit=20))
            filtered = latencies(
                lambda q: store.search(
                    q, outlet="Outlet 3", since=datetime(2021, 1, 1, tzinfo=UTC), limit=20
                )
            )
        scan = sqlite3.connect(Path(folder) / "floor0.db")

        def like(query: str) -> object:
            clauses = " AND ".join("(title LIKE ? OR text LIKE ?)" for _ in query.split())
            params = [f"%{w}%" for w in query.split() for _ in range(2)]
            return scan.execute(f"SELECT key FROM a WHERE {clauses} LIMIT 20", params).fetchall()

        scan_ms = latencies(like)
        scan.close()
    pg_fts: list[float] = []
    if options.postgres:
        pg_rate, pg_fts = postgres_run(options.postgres, corpus, options.runs)
        label = "PostgreSQL: add_article, 100 per transaction"
        print(f"{label:<44}{pg_rate:>12,.0f}{pg_rate / floor:>10.2f}")
    print(
        f"\nsearch over {len(corpus)} articles ({len(QUERIES)} queries, median "
        f"{statistics.median(hits):.0f} hits of max 20)"
    )
    print(f"{'':<44}{'p50 ms':>10}{'p99 ms':>10}")
    for label, values in (
        ("Store.search (FTS5 bm25 + snippet)", fts),
        ("Store.search + outlet + since filters", filtered),
        ("LIKE scan, no ranking (first 20)", scan_ms),
        *([("PostgreSQL search (tsvector, ts_rank)", pg_fts)] if pg_fts else []),
    ):
        print(f"{label:<44}{percentile(values, 0.5):>10.2f}{percentile(values, 0.99):>10.2f}")


if __name__ == "__main__":
    main()
