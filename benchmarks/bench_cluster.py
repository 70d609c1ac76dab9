"""Clustering throughput as the stream grows: articles/s at 10k, 100k (and more) articles.

Corpus: the real ECB+ articles (982, 86 events), recombined. Article i is built from event
e = i mod 86 and recurrence r = i div (86 * per_round): its text is 4-8 sentences drawn from the
real articles of that event (so copies of one event share vocabulary like real follow-ups), its
title the title of one of them, and recurrence r is dated r * 10 days later, so every event
recurs again and again well outside the 7-day window (two rounds of the same story weeks apart).
Dates advance at ``--per-day`` articles per day, so the window holds a bounded number of articles.

Prints, per size, the median over runs of articles/s for the whole stream and for its last
10% (flat cost per article means the two agree), the active window size, and the peer a user
would try first (single-pass TF-IDF over all earlier articles, no window) where it is affordable.

    .venv/bin/python benchmarks/bench_cluster.py --sizes 10000 100000 --runs 3

With ``--write-stream PATH`` it instead writes a labelled quality stream (JSONL with a ``story``
field) for ``newsdesk eval cluster PATH --labels story``, the judged path: the real ECB+ articles
on synthetic dates, each event's articles spread over 1-5 days, topics starting over 60 days, and
a topic's two similar events ``--gap far`` (2-6 weeks apart, beyond the window) or ``--gap close``
(1-8 days apart, inside one window), in random order per topic.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from newsdesk.cluster import StoryClusterer
from newsdesk.config import Settings
from newsdesk.embed import load_embedder
from newsdesk.evaluation.cluster import baseline_clusters, load_labelled_folder
from newsdesk.models import Article, Provenance
from newsdesk.text import split_sentences

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "docs"
START = datetime(2020, 1, 1)


def synthetic_stream(count: int, per_day: int, seed: int = 7) -> Iterator[Article]:
    data = load_labelled_folder([ECBPLUS])
    by_event: dict[str, list[Article]] = defaultdict(list)
    for article in data.articles:
        by_event[data.gold[article.key]].append(article)
    events = sorted(by_event)
    sentences = {e: [s for a in by_event[e] for s in split_sentences(a.text)] for e in events}
    rng = random.Random(seed)
    per_round = max(1, 10 * per_day // len(events))  # articles per event per 10-day round
    for i in range(count):
        event = events[i % len(events)]
        recurrence = i // (len(events) * per_round)
        pool = sentences[event]
        text = " ".join(rng.sample(pool, min(len(pool), rng.randint(4, 8))))
        title = rng.choice(by_event[event]).title
        when = START + timedelta(days=i / per_day) + timedelta(days=recurrence * 10)
        yield Article(
            key=f"s{i}",
            title=title,
            text=text,
            outlet=f"outlet{i % 37}",
            provenance=Provenance("synthetic", str(i)),
            published=when,
        )


def labelled_stream(gap: str, seed: int) -> list[dict[str, str]]:
    """ECB+ events on synthetic dates (see the module doc), as JSONL records, shuffled."""
    data = load_labelled_folder([ECBPLUS])
    by_event: dict[str, list[Article]] = defaultdict(list)
    for article in data.articles:
        by_event[data.gold[article.key]].append(article)
    rng = random.Random(seed)
    low, high = (1, 8) if gap == "close" else (14, 42)
    records: list[dict[str, str]] = []
    for topic in sorted({e.removesuffix("plus").removesuffix("ecb") for e in by_event}, key=int):
        start = START + timedelta(days=rng.uniform(0, 60))
        apart = timedelta(days=rng.uniform(low, high))
        events = [f"{topic}ecb", f"{topic}ecbplus"]
        rng.shuffle(events)
        for order, event in enumerate(events):
            span = rng.uniform(1, 5)
            for article in by_event[event]:
                when = start + apart * order + timedelta(days=rng.uniform(0, span))
                records.append(
                    {
                        "id": article.key,
                        "title": article.title,
                        "text": article.text,
                        "outlet": article.outlet,
                        "published": when.isoformat(),
                        "story": event,
                    }
                )
    rng.shuffle(records)
    return records


def run(count: int, per_day: int, embedder_name: str) -> tuple[float, float, int, int]:
    articles = list(synthetic_stream(count, per_day))
    clusterer = StoryClusterer(Settings(), load_embedder(embedder_name))
    tail_start = int(count * 0.9)
    started = time.perf_counter()
    tail_time = 0.0
    tail_count = 0
    for offset in range(0, count, 256):
        chunk = articles[offset : offset + 256]
        t = time.perf_counter()
        clusterer.add_many(chunk)
        if offset + len(chunk) > tail_start:
            tail_time += time.perf_counter() - t
            tail_count += len(chunk)
    total = time.perf_counter() - started
    tail_rate = tail_count / tail_time if tail_time else float("nan")
    return count / total, tail_rate, clusterer.active_articles, clusterer.active_stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--embedder", default="tfidf")
    parser.add_argument("--peer-max", type=int, default=10_000, help="largest size for the peer")
    parser.add_argument("--write-stream", type=Path, help="write a labelled stream and stop")
    parser.add_argument("--gap", choices=["far", "close"], default="far")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.write_stream is not None:
        records = labelled_stream(args.gap, args.seed)
        with args.write_stream.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        print(f"{len(records)} articles written to {args.write_stream}")
        return
    print(f"embedder={args.embedder}  {args.per_day} articles/day, window 7 days")
    print("articles  runs  newsdesk art/s (all)  (last 10%)  window articles  stories  peer art/s")
    for size in args.sizes:
        results = [run(size, args.per_day, args.embedder) for _ in range(args.runs)]
        rate = statistics.median(r[0] for r in results)
        tail = statistics.median(r[1] for r in results)
        peer = "-"
        if size <= args.peer_max:
            articles = list(synthetic_stream(size, args.per_day))
            t = time.perf_counter()
            baseline_clusters(articles)
            peer = f"{size / (time.perf_counter() - t):.0f}"
        print(
            f"{size:>8}  {args.runs:>4}  {rate:>20.0f}  {tail:>10.0f}  {results[0][2]:>15}"
            f"  {results[0][3]:>7}  {peer:>10}",
            flush=True,
        )


if __name__ == "__main__":
    main()
