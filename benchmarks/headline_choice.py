"""How well each story's headline names it: the brief's headline against the earliest title.

Each ECB+ event folder and each MultiLing topic is stored as one story (as ``newsdesk brief DIR``
stores it) and named two ways: by its earliest original's title (how stories were named before
``Brief.headline``) and by its brief's headline (``newsdesk.brief.headline``). Reported:

* ECB+: titles that are no headline (questions, under 4 words, over 20 words, first person, all
  capitals), and how much of the headline's content stems the event's own articles carry against
  those of its twin event (each ECB+ topic holds two similar events: "1ecb" and "1ecbplus");
* MultiLing: ROUGE-1 of the headline against the human summaries, and the share of its content
  stems the summaries use.

    .venv/bin/python benchmarks/headline_choice.py ../shared/data/ecbplus/docs \\
        ../shared/data/multiling2011-en [--list]
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from pathlib import Path

from newsdesk.brief import summarize
from newsdesk.brief.coherence import in_writers_voice, is_question, mostly_capitals
from newsdesk.brief.terms import content_stems
from newsdesk.config import Settings
from newsdesk.evaluation.rouge import rouge_n
from newsdesk.evaluation.summarize import load_dataset
from newsdesk.models import Article
from newsdesk.pipeline import ONE_STORY, scratch_store, store_as_one_story, story_sources
from newsdesk.sources import read_sources
from newsdesk.text import words


def named_story(inputs: Sequence[Path], settings: Settings) -> tuple[str, str, list[Article]]:
    """(earliest title, brief's headline, articles) of ``inputs`` stored as one story."""
    with scratch_store() as store:
        store_as_one_story(read_sources([str(p) for p in inputs], settings), store, settings)
        originals = [s for s in store.story_articles(ONE_STORY) if s.canonical_id is None]
        earliest = next((s.article.title for s in originals if s.article.title), "")
        articles, reprints = story_sources(store, ONE_STORY)
    headline = summarize(articles, settings.brief_max_words, reprints=reprints).headline
    return earliest, headline, articles


def stems(text: str) -> set[str]:
    return set(content_stems(words(text)))


def carried(headline: str, articles: Sequence[Article]) -> float:
    """Mean share of the headline's content stems found in each article (title and text)."""
    mine = stems(headline) or {""}
    return statistics.mean(len(mine & stems(f"{a.title} {a.text}")) / len(mine) for a in articles)


DEFECTS = {
    "question": is_question,
    "under 4 words": lambda h: len(words(h)) < 4,
    "over 20 words": lambda h: len(words(h)) > 20,
    "first person": in_writers_voice,
    "all capitals": mostly_capitals,
}


def ecb_report(docs: Path, settings: Settings, listing: bool) -> None:
    events = sorted((p for p in docs.iterdir() if p.is_dir()), key=lambda p: p.name)
    named = {p.name: named_story([p], settings) for p in events}
    print(f"ECB+: {len(named)} events, each stored as one story")
    print("| headline | " + " | ".join(DEFECTS) + " | mean words | own - twin stems |")
    print("|---" * (len(DEFECTS) + 3) + "|")
    for label, pick in (("earliest title", 0), ("brief's headline", 1)):
        heads = {name: story[pick] for name, story in named.items()}
        counts = [sum(map(test, heads.values())) for test in DEFECTS.values()]
        length = statistics.mean(len(words(h)) for h in heads.values())
        twin = {n: n.removesuffix("plus") if n.endswith("plus") else f"{n}plus" for n in heads}
        apart = statistics.mean(
            carried(heads[n], named[n][2]) - carried(heads[n], named[twin[n]][2])
            for n in heads
            if twin[n] in named
        )
        print(f"| {label} | " + " | ".join(map(str, counts)) + f" | {length:.1f} | {apart:.3f} |")
    changed = [n for n, (old, new, _) in named.items() if old != new]
    print(f"{len(changed)} of {len(named)} headlines differ from the earliest title")
    if listing:
        for name in changed:
            print(f"  {name}: {named[name][0]}\n  {'':>{len(name)}}  -> {named[name][1]}")


def multiling_report(root: Path, settings: Settings, listing: bool) -> None:
    topics = [t for t in load_dataset(root).topics if t.models]
    print(f"MultiLing: {len(topics)} topics, each stored as one story")
    print("| headline | ROUGE-1 recall | ROUGE-1 precision | stems in the summaries |")
    print("|---|---|---|---|")
    named = {t.name: named_story(t.sources, settings) for t in topics}
    for label, pick in (("earliest title", 0), ("brief's headline", 1)):
        scores = [rouge_n(named[t.name][pick], t.models, 1) for t in topics]
        used = [
            len(stems(named[t.name][pick]) & set().union(*map(stems, t.models)))
            / max(1, len(stems(named[t.name][pick])))
            for t in topics
        ]
        print(
            f"| {label} | {statistics.mean(s.recall for s in scores):.4f} | "
            f"{statistics.mean(s.precision for s in scores):.3f} | {statistics.mean(used):.3f} |"
        )
    if listing:
        for name, (old, new, _) in named.items():
            if old != new:
                print(f"  {name}: {old}\n  {'':>{len(name)}}  -> {new}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ecbplus", type=Path, help="ECB+ docs/ folder: one folder per event")
    parser.add_argument("multiling", type=Path, help="MultiLing 2011 (source/ and models/)")
    parser.add_argument("--list", action="store_true", help="print every changed headline")
    args = parser.parse_args()
    settings = Settings()
    ecb_report(args.ecbplus, settings, args.list)
    multiling_report(args.multiling, settings, args.list)


if __name__ == "__main__":
    main()
