"""newsdesk's own MinHash and LSH banding, checked against the library they replace.

newsdesk computed signatures with datasketch before it had its own; stored signatures stay valid
only if the two agree bit for bit, and the LSH must pick the bands datasketch would.
"""

# ruff: noqa: F811

from __future__ import annotations

import datasketch
import numpy as np
import pytest
from scipy.integrate import quad

from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex, shingles
from newsdesk.dedup.index import _HEADER
from newsdesk.dedup.minhash import BandIndex, minhash, optimal_bands
from newsdesk.models import Article

# Fixtures shared with test_store (pytest finds them by name; ruff sees redefinitions).
from test_store import real_articles  # noqa: F401


def datasketch_values(items: set[bytes], num_perm: int) -> np.ndarray:
    reference = datasketch.MinHash(num_perm=num_perm)  # its default scheme, affine32 with seed 1
    reference.update_batch(list(items))
    return np.asarray(reference.hashvalues)


@pytest.mark.parametrize("num_perm", [128, 16])
def test_signatures_equal_datasketchs_on_real_articles(
    real_articles: list[Article], num_perm: int
) -> None:
    for article in real_articles:
        items = shingles(article.text, 5)
        assert len(items) > 20
        assert np.array_equal(minhash(items, num_perm), datasketch_values(items, num_perm))


def test_a_long_text_hashed_in_chunks_equals_hashing_it_at_once(
    real_articles: list[Article],
) -> None:
    text = " ".join(a.text for a in real_articles[:40])
    items = shingles(text, 5)
    assert len(items) > 3 * 4096  # more than one chunk
    assert np.array_equal(minhash(items, 64), datasketch_values(items, 64))


def test_empty_set_has_the_empty_signature() -> None:
    assert np.array_equal(minhash([], 8), np.full(8, 0xFFFFFFFF, dtype=np.uint32))


def reference_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) minimising false positive plus false negative area, integrated
    adaptively (how datasketch's MinHashLSH chooses them), at least two bands."""
    best: tuple[float, int, int] | None = None
    for bands in range(2, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):

            def hit(s: float, b: int = bands, r: int = rows) -> float:
                return float(1.0 - (1.0 - s**r) ** b)

            positive = quad(hit, 0.0, threshold)[0]
            negative = quad(lambda s: 1.0 - hit(s), threshold, 1.0)[0]
            error = (positive + negative) / 2
            if best is None or error < best[0]:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


@pytest.mark.parametrize("num_perm", [16, 128])
def test_bands_are_the_ones_adaptive_integration_picks(num_perm: int) -> None:
    for threshold in (0.1, 0.3, 0.4174, 0.5, 0.7, 0.8):
        assert optimal_bands(threshold, num_perm) == reference_bands(threshold, num_perm)


def test_newsdesk_uses_the_bands_of_datasketchs_lsh() -> None:
    index = NearDuplicateIndex(Settings())
    threshold = index._candidate_threshold()
    reference = datasketch.MinHashLSH(threshold=threshold, num_perm=index.num_perm)
    assert optimal_bands(threshold, index.num_perm) == (reference.b, reference.r)


def test_band_index_finds_what_shares_a_band_and_forgets_what_is_removed(
    real_articles: list[Article],
) -> None:
    index = NearDuplicateIndex(Settings())
    signatures = [index.signature(a.text) for a in real_articles[:10]]
    bands = BandIndex(0.4, 128)
    for key, signature in enumerate(signatures):
        bands.insert(key, signature)
    with pytest.raises(ValueError, match="already indexed"):
        bands.insert(3, signatures[3])
    assert 3 in bands.query(signatures[3])
    reprint = index.signature(real_articles[3].text + " Reporting by the wire desk.")
    assert bands.query(reprint) == {3}
    bands.remove(3)
    assert 3 not in bands.query(signatures[3])
    bands.insert(3, signatures[3])
    assert 3 in bands.query(reprint)


def test_a_signature_of_another_scheme_is_refused_with_what_to_do(
    real_articles: list[Article],
) -> None:
    signature = NearDuplicateIndex(Settings()).signature(real_articles[0].text)
    data = NearDuplicateIndex.to_bytes(signature)
    legacy = _HEADER.pack(b"NDMH", 1, 0, 128, signature.shingles, 1) + data[_HEADER.size :]
    with pytest.raises(ValueError, match=r"another MinHash scheme \(legacy, seed 1\)"):
        NearDuplicateIndex.from_bytes(legacy)
