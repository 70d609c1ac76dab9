"""Ingest + dedup + cluster throughput and story-lookup latency as the store grows (10k..1M).

Corpus (JSONL, built once and cached under out/bench/, prefix-stable: the 10k corpus is the first
10k lines of the 1M one): the real ECB+ articles (86 events, folder labels) and MultiLing 2011
articles (10 topics) in ../shared/data, 96 events. Article i belongs to event ``i mod 96``; its
text is 4-8 real sentences sampled from that event's articles (paragraphs of 2-3 sentences), its
title a real title of that event. Dates: ``--per-day`` articles per day (default 1000), and the
stream is cut into 10-day rounds separated by 10-day gaps, so every event recurs every 20 days,
well outside the 7-day clustering window (each round is a new story). Every 20th article is a
wire copy of an earlier article of the same event, with another outlet and a one-line credit
appended (a near-duplicate for MinHash, not an exact one for the store).

The store is fed as a stream: ``--chunk`` articles per ingest call, each call being the real
pipeline phases ``store_articles`` (reading the JSONL) then ``place_unassigned`` (dedup +
cluster, restoring the clusterer from the store's last window as a fresh process would). Briefs
are timed separately: after each checkpoint, ``rebuild_briefs`` (brief + attribution) on up to
``--brief-sample`` stories the last chunk touched.

At each checkpoint size the table gives articles/s over the whole run and over its last 10%
(flat cost per article means the two agree), the stories touched per chunk and brief time per
story, and p50/p99 latency of ``store.story``, ``store.story_articles``, ``store.resolve_story``
(random story ids, merged ones included) and the front page ``store.stories(limit=30)``.

    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 100000
    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 100000 1000000  # hours on 2 cores
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import percentile
from newsdesk.config import Settings
from newsdesk.evaluation.cluster import load_labelled_folder
from newsdesk.models import Article
from newsdesk.pipeline import (
    IngestReport,
    Placer,
    place_unassigned,
    rebuild_briefs,
    store_articles,
)
from newsdesk.sources import read_sources
from newsdesk.store import Store, open_store
from newsdesk.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "out" / "bench"
START = datetime(2020, 1, 1, tzinfo=UTC)
ROUND_DAYS = 10
REPRINT_EVERY = 20


def _events() -> dict[str, list[Article]]:
    """Real articles grouped by event: ECB+ folders, MultiLing topics."""
    by_event: dict[str, list[Article]] = {}
    for prefix, labelled in (
        ("", load_labelled_folder([DATA / "ecbplus" / "docs"])),
        (
            "ml",
            load_labelled_folder(
                [DATA / "multiling2011-en" / "source"], label_regex=r"source/M\d\d(\d)"
            ),
        ),
    ):
        for article in labelled.articles:
            by_event.setdefault(prefix + labelled.gold[article.key], []).append(article)
    return by_event


def synthetic_records(count: int, per_day: int, seed: int = 11) -> Iterator[dict[str, str]]:
    """The JSONL records of the module doc, in publication order."""
    by_event = _events()
    events = sorted(by_event)
    pools = {e: [s for a in by_event[e] for s in split_sentences(a.text)] for e in events}
    titles = {e: [a.title for a in by_event[e] if a.title] or [e] for e in events}
    rng = random.Random(seed)
    per_round = ROUND_DAYS * per_day
    recent: dict[str, list[dict[str, str]]] = {}
    for i in range(count):
        event = events[i % len(events)]
        round_, within = divmod(i, per_round)
        when = START + timedelta(days=round_ * 2 * ROUND_DAYS + within / per_day)
        outlet = f"Outlet {rng.randrange(60)}"
        earlier = recent.get(event)
        if i % REPRINT_EVERY == REPRINT_EVERY - 1 and earlier:
            original = rng.choice(earlier)
            text = f"{original['text']}\n\nDistributed by {outlet}."
            title = original["title"]
        else:
            pool = pools[event]
            picked = rng.sample(pool, min(len(pool), rng.randint(4, 8)))
            cuts = list(range(0, len(picked), rng.choice((2, 3))))
            text = "\n\n".join(" ".join(picked[c : c + 3]) for c in cuts)
            title = rng.choice(titles[event])
        record = {
            "id": f"scale-{i}",
            "url": f"https://outlet{outlet.split()[1]}.example/{i}",
            "title": title,
            "text": text,
            "outlet": outlet,
            "published": when.isoformat(),
        }
        kept = recent.setdefault(event, [])
        kept.append(record)
        del kept[:-20]
        yield record


def corpus_file(count: int, per_day: int) -> Path:
    """The cached corpus of ``count`` records (a prefix of any larger cached one is reused)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"scale-{count}-{per_day}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as out:
            for record in synthetic_records(count, per_day):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial.rename(path)
    return path


def latency_ms(action: Callable[[int], object], ids: list[int]) -> tuple[float, float]:
    found = []
    for story_id in ids:
        began = time.perf_counter()
        action(story_id)
        found.append((time.perf_counter() - began) * 1000)
    return percentile(found, 0.5), percentile(found, 0.99)


@dataclass
class Progress:
    done: int = 0
    seconds: float = 0.0
    chunks: list[tuple[int, float]] = field(default_factory=list)  # (articles, seconds)
    touched: list[int] = field(default_factory=list)
    reprints: int = 0
    stories_opened: int = 0

    def tail_rate(self) -> float:
        """Articles/s over the last 10% of the articles done so far (whole chunks)."""
        want, count, seconds = self.done * 0.1, 0, 0.0
        for articles, spent in reversed(self.chunks):
            count, seconds = count + articles, seconds + spent
            if count >= want:
                break
        return count / seconds if seconds else float("nan")


def lookups(store: Store, rng: random.Random, samples: int) -> dict[str, tuple[float, float]]:
    top = store.max_story_id() or 1
    ids = [rng.randint(1, top) for _ in range(samples)]
    front = [0] * max(10, samples // 5)
    return {
        "story": latency_ms(store.story, ids),
        "story_articles": latency_ms(store.story_articles, ids),
        "resolve_story": latency_ms(store.resolve_story, ids),
        "front page": latency_ms(lambda _: store.stories(limit=30), front),
    }


def brief_ms(store: Store, touched: set[int], sample: int, max_words: int) -> float:
    """Median ms to rebuild one touched story's brief and attribution."""
    picked = sorted(touched)[-sample:]
    spent = []
    for story_id in picked:
        began = time.perf_counter()
        rebuild_briefs(store, [story_id], max_words)
        spent.append((time.perf_counter() - began) * 1000)
    return statistics.median(spent) if spent else float("nan")


def run(size: int, options: argparse.Namespace) -> None:
    corpus = corpus_file(size, options.per_day)
    db = OUT / f"scale-{size}{'-reuse' if options.reuse_placer else ''}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = Settings(db=str(db))
    checkpoints = sorted({c for c in options.sizes if c <= size} | {size})
    progress = Progress()
    rng = random.Random(3)
    items = read_sources([str(corpus)], settings)
    placer: Placer | None = None
    chunk_size = max(1, min(options.chunk, size // 10))
    mode = "one placer kept" if options.reuse_placer else "window restored per call"
    print(f"# size {size}: corpus {corpus.name}, store {db.name}, chunk {chunk_size}, {mode}")
    header = (
        f"{'articles':>9} {'art/s all':>9} {'last10%':>8} {'stories':>8} {'touch/chunk':>11} "
        f"{'brief ms':>8} {'db MB':>7}  p50/p99 ms: story  story_articles  resolve  front(30)"
    )
    print(header, flush=True)
    with open_store(str(db)) as store:
        for checkpoint in checkpoints:
            while progress.done < checkpoint:
                step = min(chunk_size, checkpoint - progress.done)
                chunk = list(itertools.islice(items, step))
                if not chunk:
                    break
                report = IngestReport()
                began = time.perf_counter()
                store_articles(chunk, store, report)
                if options.reuse_placer and placer is None:
                    placer = Placer(store, settings)
                place_unassigned(store, settings, report, placer=placer)
                spent = time.perf_counter() - began
                progress.done += len(chunk)
                progress.seconds += spent
                progress.chunks.append((len(chunk), spent))
                progress.touched.append(len(report.stories_touched))
                progress.reprints += report.reprints
                progress.stories_opened += report.new_stories
                if options.verbose:
                    print(
                        f"  chunk to {progress.done}: {len(chunk) / spent:.0f} art/s, "
                        f"{len(report.stories_touched)} stories touched, "
                        f"{report.reprints} reprints, rejected {len(report.rejected)}",
                        flush=True,
                    )
            brief = brief_ms(
                store, report.stories_touched, options.brief_sample, settings.brief_max_words
            )
            latencies = lookups(store, rng, options.lookups)
            cells = "  ".join(f"{p50:.2f}/{p99:.2f}" for p50, p99 in latencies.values())
            megabytes = (
                sum(
                    Path(f"{db}{s}").stat().st_size
                    for s in ("", "-wal")
                    if Path(f"{db}{s}").exists()
                )
                / 2**20
            )
            print(
                f"{progress.done:>9} {progress.done / progress.seconds:>9.0f} "
                f"{progress.tail_rate():>8.0f} {store.max_story_id() or 0:>8} "
                f"{statistics.median(progress.touched):>11.0f} {brief:>8.0f} {megabytes:>7.0f}"
                f"  {cells}",
                flush=True,
            )
    print(
        f"# size {size}: {progress.reprints} reprints linked, "
        f"{progress.stories_opened} stories opened",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--chunk", type=int, default=10_000, help="articles per ingest call")
    parser.add_argument("--lookups", type=int, default=200, help="story ids sampled per size")
    parser.add_argument("--brief-sample", type=int, default=20)
    parser.add_argument("--single-run", action="store_true", help="one store, sizes as checkpoints")
    parser.add_argument(
        "--reuse-placer",
        action="store_true",
        help="keep one Placer across ingest calls (a long-running process) instead of "
        "restoring the clustering window from the store on every call",
    )
    parser.add_argument("--verbose", action="store_true", help="a line per chunk")
    options = parser.parse_args()
    print(
        f"{options.per_day} articles/day, events recur every {2 * ROUND_DAYS} days, "
        f"window {Settings().cluster_window_hours / 24:.0f} days, embedder {Settings().embedder}"
    )
    sizes = [max(options.sizes)] if options.single_run else sorted(options.sizes)
    for size in sizes:
        run(size, options)


if __name__ == "__main__":
    main()
