"""Brief speed: newsdesk's summarize() against sumy's LexRank, side by side, on one core.

Input: the ten MultiLing 2011 topics (ten WikiNews articles each), read once. Both systems get the
same articles and the same sentences (newsdesk.text), include their own sentence splitting and
produce a brief of each budget (100 words, the DUC setting, and 250, the MultiLing and CLI default).
newsdesk's stem cache is cleared before every story, so each story is timed cold. The systems' runs
are interleaved so that load from other processes hits both alike. Reported per budget: the median
over REPEATS runs of the mean time per story, and the ratio.

    .venv/bin/python benchmarks/bench_brief.py [DATASET] [--repeats N] [--max-words N ...]
"""

from __future__ import annotations

import os

# One core: pin the BLAS/OpenMP pools before numpy and scipy load.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from newsdesk.brief import summarize  # noqa: E402
from newsdesk.brief.terms import stem  # noqa: E402
from newsdesk.evaluation.summarize import load_dataset, read_articles, sumy_system  # noqa: E402
from newsdesk.models import Article  # noqa: E402

DEFAULT_DATASET = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "multiling2011-en"
)


def per_story_seconds(
    run: Callable[[Sequence[Article]], object], stories: Sequence[Sequence[Article]], repeats: int
) -> tuple[list[float], list[float]]:
    """Mean wall-clock and CPU seconds per story, one value per repeat."""
    wall, cpu = [], []
    for _ in range(repeats):
        wall_total = cpu_total = 0.0
        for articles in stories:
            stem.cache_clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            run(articles)
            wall_total += time.perf_counter() - start
            cpu_total += time.process_time() - start_cpu
        wall.append(wall_total / len(stories))
        cpu.append(cpu_total / len(stories))
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--max-words", type=int, nargs="+", default=[100, 250])
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    dataset = load_dataset(args.dataset)
    stories = [read_articles(topic.sources) for topic in dataset.topics]
    for budget in args.max_words:
        report(stories, budget, args.repeats)


def report(stories: Sequence[Sequence[Article]], budget: int, repeats: int) -> None:
    sizes = [len(s) for s in stories]
    lexrank = sumy_system("lexrank")
    systems: dict[str, Callable[[Sequence[Article]], object]] = {
        "newsdesk (default)": lambda articles: summarize(articles, budget),
        "sumy LexRank": lambda articles: lexrank(articles, budget),
    }
    # Warm-up: imports, first calls.
    for run in systems.values():
        run(stories[0])

    wall: dict[str, list[float]] = {name: [] for name in systems}
    cpu: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(repeats):
        for name, run in systems.items():
            w, c = per_story_seconds(run, stories, 1)
            wall[name] += w
            cpu[name] += c

    print(
        f"Brief time per story: {len(stories)} stories of {min(sizes)}-{max(sizes)} articles, "
        f"{budget} words, 1 core, median of {repeats} runs"
    )
    print(f"{'system':<22} {'wall ms':>8} {'CPU ms':>8} {'CPU min':>8} {'CPU max':>8}")
    for name in systems:
        print(
            f"{name:<22} {statistics.median(wall[name]) * 1000:>8.1f} "
            f"{statistics.median(cpu[name]) * 1000:>8.1f} "
            f"{min(cpu[name]) * 1000:>8.1f} {max(cpu[name]) * 1000:>8.1f}"
        )
    for label, table in (("wall", wall), ("CPU", cpu)):
        ratio = statistics.median(table["sumy LexRank"]) / statistics.median(
            table["newsdesk (default)"]
        )
        print(f"speed-up of newsdesk over sumy LexRank ({label} time): {ratio:.1f}x")
    print()


if __name__ == "__main__":
    main()
