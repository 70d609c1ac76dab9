"""Backfill throughput with 1 and 2 local Dask workers, beside a single-process ingest.

Builds one WARC.gz of real ECB+ articles (each wrapped as an HTML page in a response record, with
its request record, as a crawler writes them), then times on that same file, in one run:

* ``newsdesk ingest`` in one process (the peer a user would otherwise pick),
* ``newsdesk backfill`` on a LocalCluster of 1 worker process, and of 2,

each into a fresh store, median of several runs (clusters started and their models loaded before
timing). It also prints the measured per-article costs of each stage (worker: read+extract,
signature, embedding; driver: store, place, brief) and the store's size per article, the
numbers the scale-out plan in BENCHMARKS.md is built on.

    .venv/bin/python benchmarks/bench_backfill.py [--topics 8] [--runs 3] [--partition-size 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus import ECBPLUS, ecbplus_records, write_warc  # noqa: E402
from newsdesk.attribute.nlp import clear_cache, load_nlp  # noqa: E402
from newsdesk.backfill import BackfillReport, backfill, close_client, start_client  # noqa: E402
from newsdesk.config import Settings, load_settings  # noqa: E402
from newsdesk.pipeline import ingest  # noqa: E402
from newsdesk.store import open_store  # noqa: E402


def topics(count: int) -> list[str]:
    names = sorted({p.name.removesuffix("ecbplus").removesuffix("ecb") for p in ECBPLUS.iterdir()})
    return sorted(names, key=int)[:count]


def _nlp_loaded() -> bool:
    return load_nlp() is not None  # not the model itself: it would be pickled back (~15 MB)


def run_ingest(warc: Path, settings: Settings, folder: Path) -> tuple[float, int, int]:
    clear_cache()  # the NER cache would let a repeated run skip the costliest per-story work
    db = folder / f"ingest-{time.monotonic_ns()}.db"
    with open_store(str(db)) as store:
        began = time.perf_counter()
        report = ingest([str(warc)], store, settings)
        seconds = time.perf_counter() - began
    return seconds, report.added, db.stat().st_size


def run_backfill(
    warc: Path, settings: Settings, folder: Path, client: Any, size: int
) -> tuple[float, BackfillReport]:
    clear_cache()
    client.run(clear_cache)  # the workers brief and attribute: their NER caches too
    db = folder / f"backfill-{time.monotonic_ns()}.db"
    with open_store(str(db)) as store:
        began = time.perf_counter()
        report = backfill([str(warc)], store, settings, client, partition_size=size)
        seconds = time.perf_counter() - began
    return seconds, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=8, help="ECB+ topics (about 23 each)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--partition-size", type=int, default=40, help="WARC records")
    args = parser.parse_args()
    settings = load_settings()  # NEWSDESK_* variables choose, e.g., the embedder

    with tempfile.TemporaryDirectory(prefix="bench-backfill-") as tmp:
        folder = Path(tmp)
        records = ecbplus_records(topics(args.topics))
        warc = write_warc(folder / "ecbplus.warc.gz", records)
        warm = write_warc(folder / "warm.warc.gz", records[:6])
        print(f"input: {warc.name}, {len(records)} articles, {warc.stat().st_size:,} bytes")

        ingest_runs = [run_ingest(warc, settings, folder) for _ in range(args.runs)]
        articles = ingest_runs[0][1]
        rows: list[tuple[str, float]] = [
            ("ingest, 1 process", statistics.median(r[0] for r in ingest_runs))
        ]
        reports: dict[int, BackfillReport] = {}
        for workers in (1, 2):
            client = start_client(None, workers)
            try:
                client.wait_for_workers(workers)
                run_backfill(warm, settings, folder, client, 2)  # load models on every worker
                if settings.attribution_ner:
                    client.run(_nlp_loaded)  # briefs and attribution run on the workers too
                runs = [
                    run_backfill(warc, settings, folder, client, args.partition_size)
                    for _ in range(args.runs)
                ]
            finally:
                close_client(client)
            assert all(r.ingest.added == articles for _, r in runs)
            rows.append((f"backfill, {workers} worker(s)", statistics.median(s for s, _ in runs)))
            reports[workers] = runs[-1][1]

        print(f"\n{'mode':<22} {'median s':>9} {'articles/s':>11} {'vs ingest':>10}")
        for name, seconds in rows:
            ratio = rows[0][1] / seconds
            print(f"{name:<22} {seconds:>9.2f} {articles / seconds:>11.1f} {ratio:>9.2f}x")
        print(f"\nbackfill 2 workers / 1 worker throughput: {rows[1][1] / rows[2][1]:.2f}x")

        report = reports[1]
        print(f"\nper-article cost (1-worker run, {report.partitions} partitions), ms:")
        for stage, seconds in sorted(report.worker_seconds.items()):
            print(f"  worker {stage:<10} {1000 * seconds / articles:8.1f}")
        for stage, seconds in sorted(report.driver_seconds.items()):
            print(f"  driver {stage:<10} {1000 * seconds / articles:8.1f}")
        size = statistics.median(r[2] for r in ingest_runs)
        print(f"store size: {size / articles / 1024:.1f} KiB per article (SQLite, FTS included)")
        print(f"WARC.gz input: {warc.stat().st_size / articles / 1024:.1f} KiB per article")


if __name__ == "__main__":
    main()
