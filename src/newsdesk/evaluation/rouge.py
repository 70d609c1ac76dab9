"""ROUGE-N as ROUGE-1.5.5 computes it, in pure Python.

Conventions reproduced from ROUGE-1.5.5.pl (``readText``, ``createNGram``, ``ngramScore``):

* the summary's lines are lower-cased and joined; ``-l N`` keeps the first N whitespace words;
* ``-`` becomes its own token and every other character outside ``[A-Za-z0-9]`` a space; tokens
  that do not start with a letter or digit (the ``-`` tokens) are dropped;
* ``-m`` stems tokens longer than three characters with the original Porter algorithm (without
  ROUGE's WordNet exception list, which is not redistributable: a small, measured difference);
* n-grams run across sentence boundaries; hits are clipped per n-gram;
* ``-f A`` (model average): hits and model n-gram counts are summed over all reference summaries
  before dividing, recall = hits / model n-grams, precision = hits / (peer n-grams x models);
* the reported score is the mean of the per-topic scores; F uses ``alpha`` (``-p``, 0.5 = F1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

_NON_TOKEN = re.compile(r"[^A-Za-z0-9\-]")
_STEMMER = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


@dataclass(frozen=True, slots=True)
class RougeScore:
    recall: float
    precision: float
    f: float


@lru_cache(maxsize=100_000)
def _stem(token: str) -> str:
    return _STEMMER.stem(token) if len(token) > 3 else token


def truncate_words(text: str, max_words: int | None) -> str:
    """The first ``max_words`` whitespace-separated words (ROUGE's ``-l``), all if None."""
    tokens = text.split()
    return " ".join(tokens if max_words is None else tokens[:max_words])


def rouge_tokens(text: str, *, stem: bool = True, max_words: int | None = None) -> list[str]:
    """Tokens of a summary as ROUGE-1.5.5 sees them (lines joined, truncated, stemmed)."""
    lowered = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)
    joined = truncate_words(" ".join(lowered.splitlines()), max_words)
    spaced = _NON_TOKEN.sub(" ", joined.replace("-", " - "))
    tokens = [t for t in spaced.split() if t[0].isascii() and t[0].isalnum()]
    return [_stem(t) for t in tokens] if stem else tokens


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f(recall: float, precision: float, alpha: float) -> float:
    denominator = (1 - alpha) * precision + alpha * recall
    return precision * recall / denominator if denominator > 0 else 0.0


def rouge_n(
    peer: str,
    models: Sequence[str],
    n: int,
    *,
    stem: bool = True,
    max_words: int | None = None,
    alpha: float = 0.5,
) -> RougeScore:
    """ROUGE-N of one peer summary against its reference summaries (``-f A``)."""
    peer_grams = ngrams(rouge_tokens(peer, stem=stem, max_words=max_words), n)
    peer_total = sum(peer_grams.values())
    hits = model_total = peer_count = 0
    for model in models:
        model_grams = ngrams(rouge_tokens(model, stem=stem, max_words=max_words), n)
        hits += sum(min(count, peer_grams[gram]) for gram, count in model_grams.items())
        model_total += sum(model_grams.values())
        peer_count += peer_total
    recall = hits / model_total if model_total else 0.0
    precision = hits / peer_count if peer_count else 0.0
    return RougeScore(recall, precision, _f(recall, precision, alpha))


def mean_score(scores: Iterable[RougeScore], alpha: float = 0.5) -> RougeScore:
    """Average per-topic scores as ROUGE-1.5.5 reports a system (F averaged per topic too)."""
    items = list(scores)
    if not items:
        return RougeScore(0.0, 0.0, 0.0)
    count = len(items)
    return RougeScore(
        sum(s.recall for s in items) / count,
        sum(s.precision for s in items) / count,
        sum(s.f for s in items) / count,
    )
