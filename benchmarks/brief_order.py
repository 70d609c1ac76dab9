"""How well a brief's sentence order agrees with the order of the human summaries.

Each brief sentence is matched to the human-summary sentence it shares most content words with
(Dice >= 0.3; unmatched sentences are left out), and every pair of matched brief sentences counts
as in order when the human summary tells the two in the same order. Reported: the share of pairs
in order, summed over all briefs and all human summaries (0.5 is a random order). The same
sentences are ordered three ways, side by side: newsdesk's (by the day each sentence says its
event happened, then place in the article, then publication), by publication then place (the
order before), and by place in the article alone.

    .venv/bin/python benchmarks/brief_order.py ../shared/data/multiling2011-en
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from brief_resampled import Story, stories_from_arguments
from newsdesk.brief import summarize
from newsdesk.brief.terms import content_stems
from newsdesk.config import Settings
from newsdesk.models import BriefSentence, as_utc
from newsdesk.pipeline import ONE_STORY, scratch_store, store_as_one_story, story_sources
from newsdesk.text import split_sentences, words

_NO_DATE = datetime.min.replace(tzinfo=UTC)
Order = Callable[[list[BriefSentence]], list[BriefSentence]]


def _published(sentence: BriefSentence) -> datetime:
    return as_utc(sentence.citation.published) if sentence.citation.published else _NO_DATE


ORDERS: dict[str, Order] = {
    "newsdesk (event day)": lambda sentences: sentences,
    "publication, place": lambda sentences: sorted(
        sentences, key=lambda s: (_published(s), s.sentence_index)
    ),
    "place in article": lambda sentences: sorted(
        sentences, key=lambda s: (s.sentence_index, _published(s))
    ),
}


def _stems(text: str) -> set[str]:
    return set(content_stems(words(text.lower())))


def matched_positions(sentences: Sequence[str], model: str, threshold: float = 0.3) -> list[int]:
    """Index in ``model`` of each sentence's best match (Dice of content stems), -1 if none."""
    targets = [_stems(s) for s in split_sentences(model)]
    positions = []
    for sentence in sentences:
        mine = _stems(sentence)
        scores = [2 * len(mine & t) / (len(mine) + len(t)) if mine and t else 0.0 for t in targets]
        best = max(range(len(scores)), key=scores.__getitem__, default=-1)
        positions.append(best if best >= 0 and scores[best] >= threshold else -1)
    return positions


def pairs_in_order(positions: Sequence[int]) -> tuple[int, int]:
    agree = disagree = 0
    for a, b in itertools.combinations([p for p in positions if p >= 0], 2):
        agree += b > a
        disagree += b < a
    return agree, disagree


def score(stories: Sequence[Story], budget: int) -> dict[str, tuple[int, int]]:
    totals = dict.fromkeys(ORDERS, (0, 0))
    for topic, articles in stories:
        with scratch_store() as store:
            store_as_one_story(articles, store, Settings())
            sources, reprints = story_sources(store, ONE_STORY)
        brief = summarize(sources, budget, reprints=reprints)
        for name, order in ORDERS.items():
            texts = [s.text for s in order(list(brief.sentences))]
            for model in topic.models:
                agree, disagree = pairs_in_order(matched_positions(texts, model))
                totals[name] = (totals[name][0] + agree, totals[name][1] + disagree)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args, full, subsets = stories_from_arguments(parser)
    print(
        f"{args.dataset}: {len(full)} topics, {len(subsets)} resampled stories; share of sentence "
        "pairs in the human summaries' order (pairs in order / out of order)"
    )
    print("| order | budget | full topics | resampled stories |")
    print("|---|---|---|---|")
    for budget in args.budgets:
        on_full = score(full, budget)
        on_subsets = score(subsets, budget)
        for name in ORDERS:
            cells = []
            for agree, disagree in (on_full[name], on_subsets[name]):
                share = agree / (agree + disagree) if agree + disagree else float("nan")
                cells.append(f"{share:.3f} ({agree}/{disagree})")
            print(f"| {name} | {budget} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
