"""Brief quality on a summarisation data set and on resampled stories drawn from it.

Ten topics move a mean by about 0.005 each, so a change that wins on the full set may only have
won one topic. This script scores each system on the full topics and on random subsets of each
topic's articles (``--sizes`` articles, ``--draws`` subsets per size and topic, fixed seed), scored
against the same human summaries, and counts on how many stories each system beats the first.

    .venv/bin/python benchmarks/brief_resampled.py ../shared/data/multiling2011-en
    .venv/bin/python benchmarks/brief_resampled.py DATA --systems coverage lead lexrank

Systems: newsdesk's brief methods (``newsdesk.brief.METHODS``, run as ``newsdesk brief DIR`` runs
them) and sumy's ``lexrank`` / ``textrank``.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections.abc import Sequence
from pathlib import Path

from newsdesk.brief import METHODS
from newsdesk.evaluation.rouge import rouge_n
from newsdesk.evaluation.summarize import (
    Summarizer,
    Topic,
    load_dataset,
    newsdesk_system,
    read_articles,
    sumy_system,
)
from newsdesk.models import Article

Story = tuple[Topic, list[Article]]


def system(name: str) -> Summarizer:
    if name in ("lexrank", "textrank"):
        return sumy_system(name)
    if name not in METHODS:
        raise SystemExit(f"unknown system {name!r}: {', '.join([*METHODS, 'lexrank', 'textrank'])}")
    return newsdesk_system(name)


def resample(stories: Sequence[Story], sizes: Sequence[int], draws: int, seed: int) -> list[Story]:
    rng = random.Random(seed)
    subsets = []
    for topic, articles in stories:
        for size in sizes:
            if size >= len(articles):
                continue
            for _ in range(draws):
                picked = sorted(rng.sample(range(len(articles)), size))
                subsets.append((topic, [articles[i] for i in picked]))
    return subsets


def recalls(run: Summarizer, stories: Sequence[Story], max_words: int) -> list[tuple[float, float]]:
    scores = []
    for topic, articles in stories:
        summary = "\n".join(run(articles, max_words))
        r1 = rouge_n(summary, topic.models, 1, stem=True, max_words=max_words).recall
        r2 = rouge_n(summary, topic.models, 2, stem=True, max_words=max_words).recall
        scores.append((r1, r2))
    return scores


def wins(mine: Sequence[float], first: Sequence[float]) -> str:
    better = sum(a > b + 1e-9 for a, b in zip(mine, first, strict=True))
    worse = sum(a < b - 1e-9 for a, b in zip(mine, first, strict=True))
    return f"{better}/{worse}"


def stories_from_arguments(
    parser: argparse.ArgumentParser,
) -> tuple[argparse.Namespace, list[Story], list[Story]]:
    """Parse the shared options; the data set's full topics and the stories resampled from them."""
    parser.add_argument("dataset", type=Path, help="MultiLing or DUC layout, as eval summarize")
    parser.add_argument("--budgets", nargs="+", type=int, default=[100, 250])
    parser.add_argument("--sizes", nargs="+", type=int, default=[6, 8])
    parser.add_argument("--draws", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    dataset = load_dataset(args.dataset)
    full = [(t, read_articles(t.sources)) for t in dataset.topics if t.models]
    return args, full, resample(full, args.sizes, args.draws, args.seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", nargs="+", default=["coverage", "lead", "lexrank"])
    args, full, subsets = stories_from_arguments(parser)
    print(
        f"{args.dataset}: {len(full)} topics; {len(subsets)} resampled stories "
        f"({'/'.join(map(str, args.sizes))} articles, {args.draws} draws, seed {args.seed}); "
        "ROUGE recall, Porter stemming, -l at the budget; wins/losses against the first system"
    )
    print("| system | budget | R1 full | R2 full | R1 resampled | R2 resampled | R1 w/l | R2 w/l |")
    print("|---" * 8 + "|")
    for budget in args.budgets:
        first: list[tuple[float, float]] | None = None
        for name in args.systems:
            run = system(name)
            on_full = recalls(run, full, budget)
            on_subsets = recalls(run, subsets, budget)
            if first is None:
                first = on_subsets
            r1 = [s[0] for s in on_subsets]
            r2 = [s[1] for s in on_subsets]
            print(
                f"| {name} | {budget} "
                f"| {statistics.fmean(s[0] for s in on_full):.4f} "
                f"| {statistics.fmean(s[1] for s in on_full):.4f} "
                f"| {statistics.fmean(r1):.4f} | {statistics.fmean(r2):.4f} "
                f"| {wins(r1, [s[0] for s in first])} | {wins(r2, [s[1] for s in first])} |"
            )


if __name__ == "__main__":
    main()
