"""Ingest throughput (articles/s) by pipeline phase, and brief time per story.

Builds a JSONL corpus by recombining real WikiNews paragraphs from examples/wikinews (each
synthetic article takes four paragraphs of one event, so stories stay coherent), then times, in
the same run and on the same input:

* read only (sources: JSONL parsing),
* read + store (SQLite, sentences, full-text index),
* full ingest (read, store, MinHash dedup, clustering, briefs),
* then, as a new process would, an incremental ingest of ``--more`` further articles into that
  store (the NER cache cleared): once with the NER spans the first ingest stored, once with that
  table emptied (what re-attributing the touched stories costs without it),

and reports medians over several runs with the ratio of each phase to read-only.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 2000] [--more 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from newsdesk.attribute.nlp import clear_cache
from newsdesk.config import load_settings
from newsdesk.pipeline import (
    IngestReport,
    brief_story,
    ingest,
    place_unassigned,
    store_articles,
)
from newsdesk.sources import read_sources
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(path: Path, count: int) -> None:
    by_event: dict[str, list[str]] = {}
    for file in sorted((ROOT / "examples" / "wikinews").glob("*.english")):
        paragraphs = [
            p.strip() for p in file.read_text("utf-8").split("\n\n") if len(p.split()) > 20
        ]
        by_event.setdefault(file.name[:4], []).extend(paragraphs)
    events = sorted(by_event)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            event = events[i % len(events)]
            paragraphs = by_event[event]
            picked = [paragraphs[(i * 3 + j) % len(paragraphs)] for j in range(4)]
            record = {
                "id": f"bench-{i}",
                "title": f"{event} report {i}",
                "text": f"Update {i}.\n\n" + "\n\n".join(picked),
                "outlet": f"Outlet {i % 25}",
                # Each event recurs every ~10 days, so the time window matters.
                "published": (start + timedelta(hours=i * 240 / max(1, count // 10))).isoformat(),
            }
            out.write(json.dumps(record) + "\n")


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--more", type=int, default=50, help="articles of the incremental ingest")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        corpus, more = Path(folder) / "corpus.jsonl", Path(folder) / "more.jsonl"
        build_corpus(corpus, args.articles + args.more)
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        corpus.write_text("".join(lines[: args.articles]), encoding="utf-8")
        more.write_text("".join(lines[args.articles :]), encoding="utf-8")
        # NEWSDESK_* variables choose, e.g., NEWSDESK_ATTRIBUTION_NER=false
        settings = load_settings(overrides={"db": str(Path(folder) / "bench.db")})
        results: dict[str, list[float]] = {
            "read": [],
            "read+store": [],
            "read+store+place": [],
            "full ingest": [],
            "+more, spans kept": [],
            "+more, spans gone": [],
        }
        brief_times: list[float] = []
        for run in range(args.runs):
            results["read"].append(timed(lambda: list(read_sources([str(corpus)], settings))))

            def store_only(db: str) -> None:
                with open_store(db) as store:
                    store_articles(read_sources([str(corpus)], settings), store, IngestReport())

            store_db, place_db = f"{folder}/s{run}.db", f"{folder}/p{run}.db"
            results["read+store"].append(timed(partial(store_only, store_db)))

            def store_place(db: str) -> None:
                with open_store(db) as store:
                    report = IngestReport()
                    store_articles(read_sources([str(corpus)], settings), store, report)
                    place_unassigned(store, settings, report)

            results["read+store+place"].append(timed(partial(store_place, place_db)))

            db = f"{folder}/f{run}.db"
            clear_cache()  # else a repeated run finds every text's NER spans cached
            with open_store(db) as store:
                began = time.perf_counter()
                report = ingest([str(corpus)], store, settings)
                results["full ingest"].append(time.perf_counter() - began)
                for story_id in sorted(report.stories_touched)[:20]:
                    began = time.perf_counter()
                    brief_story(store, story_id, settings.brief_max_words)
                    brief_times.append(time.perf_counter() - began)
            for phase, forget in (("+more, spans kept", False), ("+more, spans gone", True)):
                copy = f"{folder}/m{run}{int(forget)}.db"
                shutil.copyfile(db, copy)
                with open_store(copy) as store:
                    if forget:
                        with store.transaction():
                            store._execute("DELETE FROM ner_spans")
                    clear_cache()  # a new process
                    results[phase].append(timed(partial(ingest, [str(more)], store, settings)))

    base = statistics.median(results["read"])
    print(f"{args.articles} articles, {args.runs} runs (medians)")
    print(f"{'phase':<20}{'seconds':>10}{'articles/s':>12}{'x read':>8}")
    for phase, times in results.items():
        median = statistics.median(times)
        count = args.more if phase.startswith("+more") else args.articles
        print(f"{phase:<20}{median:>10.2f}{count / median:>12.0f}{median / base:>8.1f}")
    print(
        f"brief per story: median {statistics.median(brief_times) * 1000:.0f} ms "
        f"over {len(brief_times)} stories"
    )


if __name__ == "__main__":
    main()
