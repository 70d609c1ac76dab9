"""The near-duplicate index: which stored original a new text reprints.

An article's text (not its headline, which syndication rewrites) becomes a set of word shingles
(``settings.dedup_shingle`` consecutive words); a MinHash of ``settings.dedup_permutations``
permutations estimates the Jaccard similarity of two such sets, and MinHash LSH finds candidates
without comparing against every article.

A reprint often cuts the last paragraphs, which lowers Jaccard similarity without making it a
different article. So a candidate matches when either its estimated Jaccard similarity reaches
``settings.dedup_threshold``, or the shorter text is that much contained in the longer one and
is at least ``MIN_LENGTH_RATIO`` of its length. Containment comes from the Jaccard estimate and
the two exact shingle counts: |A ∩ B| = J (|A| + |B|) / (1 + J).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

from newsdesk.config import Settings
from newsdesk.dedup.minhash import SEED, BandIndex, Signature, minhash
from newsdesk.text import words

MIN_LENGTH_RATIO = 0.5
"""A text shorter than this fraction of the other is an excerpt, not a reprint."""

_MAGIC = b"NDMH"
_HEADER = struct.Struct("<4sBBHIQ")  # magic, format version, scheme, permutations, shingles, seed
_SCHEMES = ("legacy", "affine32", "affine64")  # datasketch's; newsdesk writes only affine32
_AFFINE32 = _SCHEMES.index("affine32")


def shingles(text: str, size: int) -> set[bytes]:
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def containment(first: Signature, second: Signature) -> float:
    """Estimated fraction of the smaller shingle set contained in the larger one."""
    smaller = min(first.shingles, second.shingles)
    if smaller == 0:
        return 0.0
    similarity = first.jaccard(second)
    overlap = similarity * (first.shingles + second.shingles) / (1.0 + similarity)
    return min(1.0, overlap / smaller)


class NearDuplicateIndex:
    """An in-memory LSH index of article signatures; rebuild it from the store after a restart."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.threshold = settings.dedup_threshold
        self.shingle_size = settings.dedup_shingle
        self.num_perm = settings.dedup_permutations
        # Low enough that a reprint missing up to half of the text is still a candidate.
        self._lsh = BandIndex(self._candidate_threshold(), self.num_perm)
        self._signatures: dict[int, Signature] = {}

    def _candidate_threshold(self) -> float:
        # The Jaccard similarity of a text contained at `threshold` in one MIN_LENGTH_RATIO longer.
        c, r = self.threshold, MIN_LENGTH_RATIO
        return min(self.threshold, c * r / (1 + r - c * r)) * 0.9

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, text: str) -> Signature:
        shingle_set = shingles(text, self.shingle_size)
        return Signature(minhash(shingle_set, self.num_perm), len(shingle_set))

    @staticmethod
    def to_bytes(signature: Signature) -> bytes:
        values = signature.hashvalues
        header = _HEADER.pack(_MAGIC, 1, _AFFINE32, len(values), signature.shingles, signature.seed)
        return header + values.astype("<u4").tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> Signature:
        try:
            magic, version, scheme, num_perm, count, seed = _HEADER.unpack_from(data)
        except struct.error:
            raise ValueError("not a newsdesk signature (too short)") from None
        if magic != _MAGIC or version != 1:
            raise ValueError("not a newsdesk signature (bad header)")
        if scheme != _AFFINE32 or seed != SEED:
            name = _SCHEMES[scheme] if scheme < len(_SCHEMES) else f"#{scheme}"
            raise ValueError(
                f"a signature of another MinHash scheme ({name}, seed {seed}) than newsdesk's "
                f"(affine32, seed {SEED})"
            )
        values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size, count=num_perm)
        return Signature(values.astype(np.uint32), count)

    def add(self, article_id: int, signature: Signature) -> None:
        if article_id in self._signatures or signature.shingles == 0:
            return
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature

    def remove(self, article_id: int) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def matches(self, first: Signature, second: Signature) -> bool:
        if first.shingles == 0 or second.shingles == 0:
            return False
        if first.jaccard(second) >= self.threshold:
            return True
        ratio = min(first.shingles, second.shingles) / max(first.shingles, second.shingles)
        return ratio >= MIN_LENGTH_RATIO and containment(first, second) >= self.threshold

    def candidates(self, signature: Signature) -> Sequence[int]:
        if signature.shingles == 0:
            return []
        return sorted(self._lsh.query(signature))

    def find(self, signature: Signature) -> int | None:
        """The indexed article this text reprints (highest estimated Jaccard), or None."""
        best: tuple[float, int] | None = None
        for article_id in self.candidates(signature):
            other = self._signatures[article_id]
            if not self.matches(signature, other):
                continue
            key = (signature.jaccard(other), -article_id)
            if best is None or key > (best[0], -best[1]):
                best = (key[0], article_id)
        return None if best is None else best[1]
