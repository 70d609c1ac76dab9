"""Terms of brief sentences: stopwords, stems and content stems (shared by every method)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import cast

from newsdesk.text import ENGLISH_STOPWORDS

STOPWORDS: frozenset[str] = ENGLISH_STOPWORDS | frozenset(
    ["s", "t", "said", "says", "say", "also", "would", "could", "may", "might", "us", "mr", "mrs"]
)


def _load_stemmer() -> Callable[[str], str]:
    """Snowball English from PyStemmer (C, ~50x faster), else NLTK's Porter."""
    try:
        import Stemmer  # type: ignore[import-not-found]

        return cast(Callable[[str], str], Stemmer.Stemmer("english").stemWord)
    except ImportError:  # pragma: no cover - exercised only without PyStemmer
        from nltk.stem.porter import PorterStemmer

        return cast(Callable[[str], str], PorterStemmer().stem)


_STEM = _load_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEM(word) if len(word) > 3 else word


def content_stems(tokens: Sequence[str]) -> list[str]:
    return [stem(t) for t in tokens if t not in STOPWORDS and not t.isdigit()]
