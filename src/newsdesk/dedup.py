"""Near-duplicate detection: wire copies and syndicated reprints of one article.

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
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsdesk.config import Settings
from newsdesk.text import words

MIN_LENGTH_RATIO = 0.5
"""A text shorter than this fraction of the other is an excerpt, not a reprint."""

_MAGIC = b"NDMH"
_HEADER = struct.Struct("<4sBBHIQ")  # magic, format version, scheme, permutations, shingles, seed
_SCHEMES = ("legacy", "affine32", "affine64")


class Signature(LeanMinHash):  # type: ignore[misc]
    """A MinHash of an article's shingles, plus how many distinct shingles the text has."""

    __slots__ = ("shingles",)

    shingles: int

    def __reduce__(self) -> tuple[object, tuple[bytes]]:
        # Pickled (e.g. sent to a dask worker) through the stored format, shingle count included.
        return NearDuplicateIndex.from_bytes, (NearDuplicateIndex.to_bytes(self),)


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
    similarity = float(first.jaccard(second))
    overlap = similarity * (first.shingles + second.shingles) / (1.0 + similarity)
    return min(1.0, overlap / smaller)


class NearDuplicateIndex:
    """An in-memory LSH index of article signatures; rebuild it from the store after a restart."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.threshold = settings.dedup_threshold
        self.shingle_size = settings.dedup_shingle
        self.num_perm = settings.dedup_permutations
        self._template = MinHash(num_perm=self.num_perm)
        # Low enough that a reprint missing up to half of the text is still a candidate.
        candidate_threshold = self._candidate_threshold()
        self._lsh = MinHashLSH(threshold=candidate_threshold, num_perm=self.num_perm)
        self._signatures: dict[int, Signature] = {}

    def _candidate_threshold(self) -> float:
        # The Jaccard similarity of a text contained at `threshold` in one MIN_LENGTH_RATIO longer.
        c, r = self.threshold, MIN_LENGTH_RATIO
        return min(self.threshold, c * r / (1 + r - c * r)) * 0.9

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, text: str) -> Signature:
        shingle_set = shingles(text, self.shingle_size)
        minhash = MinHash(
            num_perm=self.num_perm,
            seed=self._template.seed,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        if shingle_set:
            minhash.update_batch(list(shingle_set))
        signature = Signature(minhash)
        signature.shingles = len(shingle_set)
        return signature

    @staticmethod
    def to_bytes(signature: Signature) -> bytes:
        values = np.asarray(signature.hashvalues)
        header = _HEADER.pack(
            _MAGIC,
            1,
            _SCHEMES.index(signature.scheme),
            len(values),
            signature.shingles,
            signature.seed,
        )
        return header + values.astype(values.dtype.newbyteorder("<")).tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> Signature:
        try:
            magic, version, scheme, num_perm, count, seed = _HEADER.unpack_from(data)
        except struct.error:
            raise ValueError("not a newsdesk signature (too short)") from None
        if magic != _MAGIC or version != 1:
            raise ValueError("not a newsdesk signature (bad header)")
        scheme_name = _SCHEMES[scheme]
        dtype = "<u4" if scheme_name == "affine32" else "<u8"
        values = np.frombuffer(data, dtype=dtype, offset=_HEADER.size, count=num_perm)
        signature = Signature(seed=seed, hashvalues=values, scheme=scheme_name)
        signature.shingles = count
        return signature

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
        if float(first.jaccard(second)) >= self.threshold:
            return True
        ratio = min(first.shingles, second.shingles) / max(first.shingles, second.shingles)
        return ratio >= MIN_LENGTH_RATIO and containment(first, second) >= self.threshold

    def candidates(self, signature: Signature) -> Sequence[int]:
        if signature.shingles == 0:
            return []
        found: list[int] = self._lsh.query(signature)
        return found

    def find(self, signature: Signature) -> int | None:
        """The indexed article this text reprints (highest estimated Jaccard), or None."""
        best: tuple[float, int] | None = None
        for article_id in self.candidates(signature):
            other = self._signatures[article_id]
            if not self.matches(signature, other):
                continue
            key = (float(signature.jaccard(other)), -article_id)
            if best is None or key > (best[0], -best[1]):
                best = (key[0], article_id)
        return None if best is None else best[1]
