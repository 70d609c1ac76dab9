"""Corroboration counts scored against the blind audit in ``tests/data/support``.

Each annotated sentence is a sentence of a newsdesk brief of an ECB+ event or a MultiLing topic;
for every other article of the story a reader judged whether it states the sentence's central fact
("full": all of the sentence, "core": its central fact only, "no", "contradicts"). newsdesk
predicts that an article carries the point when one of its sentences does
(:func:`newsdesk.brief.base.carries_point`, what a brief's "N independent outlets" and the claims
count). An article judged "full" or "core" is a positive.

A second set, ``claim-pairs.jsonl``, holds sentence pairs: a claim and one sentence the claims of
some newsdesk version grouped under it, each judged by a reader blind to the version ("yes": it
states the claim's central fact). It scores what a claim lists as its sources, sentence by sentence.

``python -m newsdesk.evaluation.support [--data ROOT] [--errors] [--split S]`` (also
``newsdesk eval support``). Splits: "dev" and "heldout" are the ECB+ events (one event each,
reported by many outlets within days, or undated) sorted by path, the 1st, 3rd, ... and the 2nd,
4th, ...;
"multiling" the MultiLing topics (one outlet's reports of a story's developments over days or
years); "all" every sentence.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from newsdesk.brief.base import StoryText, carries_point, prepare
from newsdesk.config import Settings
from newsdesk.models import Article
from newsdesk.sources import read_sources
from newsdesk.text import words

REPO = Path(__file__).resolve().parents[3]
ANNOTATIONS = REPO / "tests" / "data" / "support" / "annotations.jsonl"
CLAIM_PAIRS = ANNOTATIONS.with_name("claim-pairs.jsonl")
DATA_ROOT = REPO.parent / "shared" / "data"
SPLITS = ("dev", "heldout", "multiling", "all")
POSITIVE = frozenset({"full", "core"})
MIN_MATCH = 0.8  # difflib ratio of the words of a judged sentence and the candidate taken for it


@dataclass(frozen=True, slots=True)
class GoldSentence:
    story: str
    articles: list[str]  # the story's article files, relative to the data root, in reading order
    sentence: str
    source: str  # the article the sentence is from
    central_fact: str
    labels: dict[str, str]  # other article -> label


@dataclass(frozen=True, slots=True)
class GoldPair:
    story: str  # the ECB+ event folder, relative to the data root
    claim: str
    member: str
    label: str  # "yes", "no" or "contradicts"


@dataclass(slots=True)
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    found_by_label: dict[str, list[int]] = field(default_factory=dict)  # label -> [found, all]

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, label: str, positive: bool, predicted: bool) -> None:
        self.true_positive += positive and predicted
        self.false_positive += predicted and not positive
        self.false_negative += positive and not predicted
        counts = self.found_by_label.setdefault(label, [0, 0])
        counts[0] += predicted
        counts[1] += 1


def load_gold(path: Path = ANNOTATIONS, split: str = "all") -> list[GoldSentence]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            sentences.append(
                GoldSentence(
                    story=record["story"],
                    articles=record["articles"],
                    sentence=record["sentence"],
                    source=record["source"],
                    central_fact=record["central_fact"],
                    labels={j["article"]: j["label"] for j in record["judgments"]},
                )
            )
    if split == "multiling":
        return [s for s in sentences if s.story.startswith("multiling")]
    if split in ("dev", "heldout"):
        events = sorted({s.story for s in sentences if s.story.startswith("ecbplus")})
        keep = set(events[0 if split == "dev" else 1 :: 2])
        sentences = [s for s in sentences if s.story in keep]
    return sentences


def load_pairs(path: Path = CLAIM_PAIRS) -> list[GoldPair]:
    return [
        GoldPair(**json.loads(line))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def find_candidate(story: StoryText, sentence: str, article: int | None = None) -> int:
    """The candidate that reads ``sentence`` (of that article, if given): the same text, else the
    one closest to it word for word (at least ``MIN_MATCH``), so that a change in how sentences are
    split or cleaned does not orphan a judgement."""
    pool = [i for i, c in enumerate(story.candidates) if article is None or c.article == article]
    exact = next((i for i in pool if story.candidates[i].text == sentence), None)
    if exact is not None:
        return exact
    wanted = words(sentence)
    ratio, best = max(
        ((SequenceMatcher(None, wanted, story.candidates[i].tokens).ratio(), i) for i in pool),
        default=(0.0, -1),
    )
    if ratio < MIN_MATCH:
        raise ValueError(f"no candidate sentence reads {sentence!r}")
    return best


def carrying_articles(story: StoryText, sentence: str, source: int) -> set[int]:
    """Which articles (positions) carry the point of ``sentence``, of article ``source``."""
    row = carries_point(story, [find_candidate(story, sentence, source)])[0]
    return {story.candidates[c].article for c in np.flatnonzero(row)}


def evaluate(root: Path = DATA_ROOT, errors: bool = False, split: str = "all") -> Score:
    score = Score()
    settings = Settings()
    cache: dict[str, tuple[list[Article], StoryText]] = {}
    for gold in load_gold(split=split):
        if gold.story not in cache:
            read = read_sources([str(root / file) for file in gold.articles], settings)
            articles = [a for a in read if isinstance(a, Article)]
            cache[gold.story] = articles, prepare(articles)
        articles, story = cache[gold.story]
        # The annotations name each article by its file, relative to the data root.
        files = [str(Path(a.provenance.source).relative_to(root)) for a in articles]
        carrying = carrying_articles(story, gold.sentence, files.index(gold.source))
        carried = {files[i] for i in carrying}
        for article, label in gold.labels.items():
            positive, predicted = label in POSITIVE, article in carried
            score.add(label, positive, predicted)
            if errors and positive != predicted:
                kind = "MISS" if positive else "FALSE"
                print(
                    f"{kind} {article} [{label}] for {gold.sentence[:80]!r} ({gold.central_fact})"
                )
    return score


def evaluate_pairs(root: Path = DATA_ROOT, errors: bool = False) -> Score:
    """How many judged claim members newsdesk's test accepts, and how many of those are right."""
    score = Score()
    settings = Settings()
    by_story: dict[str, list[GoldPair]] = {}
    for pair in load_pairs():
        by_story.setdefault(pair.story, []).append(pair)
    for folder, pairs in by_story.items():
        articles = [
            a for a in read_sources([str(root / folder)], settings) if isinstance(a, Article)
        ]
        story = prepare(articles)
        for pair in pairs:
            claim, member = find_candidate(story, pair.claim), find_candidate(story, pair.member)
            accepted = bool(carries_point(story, [claim])[0][member])
            positive = pair.label == "yes"
            score.add(pair.label, positive, accepted)
            if errors and positive != accepted:
                kind = "MISS" if positive else "FALSE"
                print(
                    f"{kind} {folder} [{pair.label}] {pair.member[:80]!r} for {pair.claim[:80]!r}"
                )
    return score


def format_table(rows: dict[str, Score]) -> str:
    labels = ("full", "core", "no", "contradicts")
    lines = [
        "| split | pairs | precision | recall | F1 | "
        + " | ".join(f"{label} found" for label in labels)
        + " |",
        "|---|---|---|---|---|" + "---|" * len(labels),
    ]
    for name, s in rows.items():
        pairs = sum(total for _, total in s.found_by_label.values())
        found = " | ".join("{}/{}".format(*s.found_by_label.get(label, [0, 0])) for label in labels)
        lines.append(
            f"| {name} | {pairs} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {found} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DATA_ROOT, help="shared data root")
    parser.add_argument("--errors", action="store_true", help="print every miss and false hit")
    parser.add_argument(
        "--split", choices=SPLITS, default=None, help="one split only (default: each of them)"
    )
    args = parser.parse_args(argv)
    rows = {}
    for split in [args.split] if args.split else SPLITS:
        label = f"{split} ({len(load_gold(split=split))} sentences)"
        rows[label] = evaluate(args.data.resolve(), args.errors, split)
    print(format_table(rows))
    pairs = evaluate_pairs(args.data.resolve(), args.errors)
    found = " | ".join(
        "{}/{}".format(*pairs.found_by_label.get(label, [0, 0]))
        for label in ("yes", "no", "contradicts")
    )
    print()
    print(
        "| claim members, read blind | pairs | precision | recall | yes found | no found "
        "| contradicts found |\n|---|---|---|---|---|---|---|"
    )
    total = sum(n for _, n in pairs.found_by_label.values())
    print(f"| sentence pairs | {total} | {pairs.precision:.3f} | {pairs.recall:.3f} | {found} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
