"""Near-duplicate detection quality on syndicated copies built from real articles.

Originals: the MultiLing 2011 WikiNews and ECB+ articles of >= 40 words (../shared/data).
Each original gets four syndicated variants, made the way wire copies and reprints differ:
  wire     new headline, "CITY (AP) — " dateline and a byline added, text otherwise identical
  trimmed  as wire, and the last paragraph cut
  edited   as trimmed, plus light copy-editing (every 40th word dropped, typographic quotes)
  short    only the first paragraphs holding >= 60% of the words (a short version)
Negatives: every original queried against all other articles (same-event articles included: ECB+
has 86 events with ~11 articles each, MultiLing 10 topics x 10), expecting no match. ECB+ itself
holds real reprints (identical texts from two sites, AP rewrites): two originals whose shorter text
shares >= 75% of its 5-word shingles with the other are counted as copies ("copies found"), not
as false matches, and a variant matched to such a copy of its original counts as correct.

Compared, in one run: newsdesk's NearDuplicateIndex, and a plain datasketch MinHashLSH with
Jaccard >= threshold (what a user would set up first), both on the same signatures (newsdesk's
equal datasketch's bit for bit); and exact content hashing. Signing speed is timed for newsdesk's
MinHash and datasketch's on the same shingle sets. Run: .venv/bin/python benchmarks/bench_dedup.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex, Signature, shingles
from newsdesk.models import Article
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def as_datasketch(signature: Signature) -> LeanMinHash:
    return LeanMinHash(seed=signature.seed, hashvalues=signature.hashvalues, scheme="affine32")


def load_originals() -> list[Article]:
    found = read_sources(
        [str(DATA / "multiling2011-en" / "source"), str(DATA / "ecbplus" / "docs")], Settings()
    )
    return [a for a in found if isinstance(a, Article) and len(a.text.split()) >= 40]


def _wire(article: Article) -> str:
    return "By Staff Writer\n\nWASHINGTON (AP) — " + article.text


def _trimmed(article: Article) -> str:
    paragraphs = split_paragraphs(_wire(article))
    return "\n\n".join(paragraphs[:-1] if len(paragraphs) > 2 else paragraphs)


def _edited(article: Article) -> str:
    kept = [w for i, w in enumerate(_trimmed(article).split(" ")) if i % 40 != 39]
    return " ".join(kept).replace('"', "“").replace("'", "’")


def _short(article: Article) -> str:
    paragraphs = split_paragraphs(article.text)
    total = sum(len(p.split()) for p in paragraphs)
    kept: list[str] = []
    for paragraph in paragraphs:
        kept.append(paragraph)
        if sum(len(p.split()) for p in kept) >= 0.6 * total:
            break
    return "\n\n".join(kept)


VARIANTS: dict[str, Callable[[Article], str]] = {
    "wire": _wire,
    "trimmed": _trimmed,
    "edited": _edited,
    "short": _short,
}


# Ground truth for "these two originals are copies of each other", fixed whatever the settings.
TRUTH_SHINGLE = 5


def exact_containment(first: str, second: str, size: int) -> float:
    a, b = shingles(first, size), shingles(second, size)
    return len(a & b) / max(1, min(len(a), len(b)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shingle", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=None)
    options = parser.parse_args()
    settings = Settings()
    if options.shingle:
        settings = settings.replace(dedup_shingle=options.shingle)
    if options.threshold:
        settings = settings.replace(dedup_threshold=options.threshold)
    originals = load_originals()
    index = NearDuplicateIndex(settings)
    plain = MinHashLSH(threshold=settings.dedup_threshold, num_perm=settings.dedup_permutations)
    started = time.perf_counter()
    signatures: dict[int, Signature] = {i: index.signature(a.text) for i, a in enumerate(originals)}
    per_article = (time.perf_counter() - started) / len(originals)
    shingle_sets = [list(shingles(a.text, settings.dedup_shingle)) for a in originals]
    started = time.perf_counter()
    for items in shingle_sets:
        MinHash(num_perm=settings.dedup_permutations).update_batch(items)
    per_article_datasketch = (time.perf_counter() - started) / len(originals)
    for i, signature in signatures.items():
        index.add(i, signature)
        plain.insert(i, as_datasketch(signature))
    hashes = {a.content_hash: i for i, a in enumerate(originals)}

    def plain_find(signature: Signature, exclude: int | None = None) -> int | None:
        scored = [
            (float(signature.jaccard(signatures[c])), c)
            for c in plain.query(as_datasketch(signature))
            if c != exclude and signature.jaccard(signatures[c]) >= settings.dedup_threshold
        ]
        return max(scored)[1] if scored else None

    copies: dict[tuple[int, int], bool] = {}

    def is_copy(first: int, second: int) -> bool:
        """Whether two originals are themselves copies: the shorter shares >= 75% of its
        shingles with the other (exact count; ECB+ holds such reprints, e.g. AP rewrites)."""
        pair = (min(first, second), max(first, second))
        if pair not in copies:
            copies[pair] = (
                exact_containment(originals[first].text, originals[second].text, TRUTH_SHINGLE)
                >= 0.75
            )
        return copies[pair]

    rows = []
    totals = {"newsdesk": [0, 0, 0], "plain LSH": [0, 0, 0], "exact hash": [0, 0, 0]}
    for name, make in VARIANTS.items():
        counts = {k: [0, 0] for k in totals}  # correct, wrong
        for i, article in enumerate(originals):
            text = make(article)
            signature = index.signature(text)
            copy = replace(article, title="Reprinted: " + article.title, text=text)
            found = {
                "newsdesk": index.find(signature),
                "plain LSH": plain_find(signature),
                "exact hash": hashes.get(copy.content_hash),
            }
            for method, match in found.items():
                if match == i or (match is not None and is_copy(i, match)):
                    counts[method][0] += 1
                elif match is not None:
                    counts[method][1] += 1
        for method, (correct, wrong) in counts.items():
            totals[method][0] += correct
            totals[method][1] += wrong
        rows.append((name, {m: c[0] / len(originals) for m, c in counts.items()}))

    false_matches: dict[str, list[tuple[str, str]]] = {"newsdesk": [], "plain LSH": []}
    real_copies = {"newsdesk": 0, "plain LSH": 0, "exact hash": 0}
    for i, article in enumerate(originals):
        signature = signatures[i]
        index.remove(i)
        match = index.find(signature)
        index.add(i, signature)
        for method, found_match in (("newsdesk", match), ("plain LSH", plain_find(signature, i))):
            if found_match is None:
                continue
            if is_copy(i, found_match):
                real_copies[method] += 1
            else:
                false_matches[method].append((article.key, originals[found_match].key))

    positives = len(VARIANTS) * len(originals)
    print(
        f"{len(originals)} real originals x {len(VARIANTS)} variants = {positives} positive "
        f"queries; {len(originals)} negative queries (original vs all other articles)"
    )
    print(
        f"signature: {per_article * 1e3:.2f} ms/article with shingling, datasketch's MinHash "
        f"{per_article_datasketch * 1e3:.2f} ms/article without "
        f"({settings.dedup_shingle}-word shingles, {settings.dedup_permutations} perms)\n"
    )
    methods = list(totals)
    print(f"{'recall by variant':<18}" + "".join(f"{m:>12}" for m in methods))
    for name, recall in rows:
        print(f"{name:<18}" + "".join(f"{recall[m]:>12.3f}" for m in methods))
    print()
    print(f"{'overall':<18}" + "".join(f"{m:>12}" for m in methods))
    for method in methods:
        false_matches.setdefault(method, [])
    for label in ("recall", "precision", "false matches", "copies found"):
        cells = []
        for method in methods:
            correct, wrong, _ = totals[method]
            fp = wrong + len(false_matches[method])
            if label == "recall":
                cells.append(f"{correct / positives:>12.3f}")
            elif label == "precision":
                cells.append(f"{correct / max(1, correct + fp):>12.3f}")
            elif label == "false matches":
                cells.append(f"{fp:>12d}")
            else:
                cells.append(f"{real_copies[method]:>12d}")
        print(f"{label:<18}" + "".join(cells))
    if false_matches["newsdesk"]:
        print("\nnewsdesk false matches between different originals:")
        for a, b in false_matches["newsdesk"][:20]:
            print(f"  {a}  ~  {b}")
    lengths = [len(a.text.split()) for a in originals]
    print(f"\noriginal length: median {statistics.median(lengths):.0f} words", file=sys.stderr)


if __name__ == "__main__":
    main()
