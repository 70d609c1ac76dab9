"""Pairs of briefs for a blind read: newsdesk's against sumy LexRank's, on the same stories.

Writes a JSON list of ``{"story", "A", "B"}`` (each brief a list of sentences, the two systems in
random order) and, to a separate file the reader must not see, which side is which. The reader
(a person, or a helper told only to read the pairs file) judges each pair; BENCHMARKS.md gives
the questions asked and the verdicts. LexRank gets newsdesk's sentence splitting and its
top-rated sentences within the same word budget, shown in document order.

    .venv/bin/python benchmarks/blind_pairs.py --ecbplus ../shared/data/ecbplus/docs \\
        --multiling ../shared/data/multiling2011-en --sample 40 --seed 77 \\
        --pairs /tmp/pairs.json --key /tmp/key.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from newsdesk.brief import summarize
from newsdesk.evaluation.summarize import read_articles, sumy_document
from newsdesk.models import Article


def lexrank_brief(articles: list[Article], max_words: int) -> list[str]:
    """sumy LexRank's top-rated sentences that fit in ``max_words``, in document order."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def within_budget(infos: list[Any]) -> list[Any]:  # best rated first
        chosen, total = [], 0
        for info in infos:
            length = len(str(info.sentence).split())
            if total + length <= max_words:
                chosen.append(info)
                total += length
        return chosen

    return [str(s) for s in summarizer(sumy_document(articles), within_budget)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus", type=Path, help="ECB+ docs/ folder: one story per event")
    parser.add_argument("--multiling", type=Path, help="MultiLing folder: one story per topic")
    parser.add_argument("--sample", type=int, default=40, help="ECB+ events drawn at random")
    parser.add_argument("--seed", type=int, default=77)
    parser.add_argument("--max-words", type=int, default=100)
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--key", type=Path, required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    stories: list[tuple[str, list[Path]]] = []
    if args.ecbplus:
        events = sorted(p for p in args.ecbplus.iterdir() if p.is_dir())
        drawn = rng.sample(events, min(args.sample, len(events)))
        stories += [(event.name, [event]) for event in drawn]
    if args.multiling:
        sources = sorted((args.multiling / "source").iterdir())
        for topic in sorted({p.name[:4] for p in sources}):
            stories.append((topic, [p for p in sources if p.name.startswith(topic)]))
    pairs, key = [], {}
    for name, paths in stories:
        articles = read_articles(paths)
        ours = [s.text for s in summarize(articles, args.max_words).sentences]
        theirs = lexrank_brief(articles, args.max_words)
        ours_first = rng.random() < 0.5
        a, b = (ours, theirs) if ours_first else (theirs, ours)
        pairs.append({"story": name, "A": a, "B": b})
        key[name] = "A=newsdesk" if ours_first else "A=lexrank"
    args.pairs.write_text(json.dumps(pairs, indent=1, ensure_ascii=False), encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{len(pairs)} pairs written to {args.pairs}; the key to {args.key}")


if __name__ == "__main__":
    main()
