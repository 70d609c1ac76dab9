"""Clustering evaluation on labelled data: newsdesk's clusterer against a single-pass baseline.

Labels come from the folder layout (an article's label is the name of the folder holding it, or a
regular expression's first group on its path: ``--label-regex 'docs/(\\d+)ecb'`` scores ECB+
topics) or from a field of JSONL records (``story`` by default). Articles are read by
:func:`newsdesk.sources.read_sources`, the reader ``newsdesk cluster`` uses, so what is scored here
(keys, titles, texts, dates) is what the command clusters.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsdesk.cluster import cluster_articles, publication_order
from newsdesk.config import Settings
from newsdesk.embed import Embedder
from newsdesk.evaluation.bcubed import Scores, bcubed, pairwise
from newsdesk.models import Article
from newsdesk.sources import folder_files, not_regular, read_sources


class LabelError(ValueError):
    """An input whose gold label cannot be determined; the message names the file."""


@dataclass(frozen=True, slots=True)
class Labelled:
    articles: list[Article]
    gold: dict[str, str]


@dataclass(frozen=True, slots=True)
class Result:
    method: str
    clusters: int
    bcubed: Scores
    pairwise: Scores


def _read(paths: Sequence[Path], settings: Settings | None) -> list[Article]:
    """Articles exactly as ``newsdesk cluster`` reads them (rejected records left out)."""
    items = read_sources([str(p) for p in paths], settings or Settings())
    return [item for item in items if isinstance(item, Article)]


def load_labelled_folder(
    paths: Sequence[Path],
    label_regex: str | None = None,
    label_depth: int = 1,
    settings: Settings | None = None,
) -> Labelled:
    """Articles read from ``paths`` by the real reader, labelled by folder name (``label_depth``
    levels up: 1 is the immediate parent) or by the first group of ``label_regex`` on the path."""
    articles = _read(paths, settings)
    gold = {a.key: label_of_path(a.provenance.source, label_regex, label_depth) for a in articles}
    return Labelled(articles, gold)


def load_labelled_jsonl(
    paths: Sequence[Path], field: str = "story", settings: Settings | None = None
) -> Labelled:
    """Articles read from JSONL files by the real reader, labelled by the record's ``field``."""
    by_record = jsonl_labels(paths, field)
    articles = _read(paths, settings)
    gold: dict[str, str] = {}
    for article in articles:
        where = (article.provenance.source, article.provenance.record or "")
        if where not in by_record:
            raise LabelError(f"{where[0]}: {where[1]}: no {field!r} label")
        gold[article.key] = by_record[where]
    return Labelled(articles, gold)


def baseline_clusters(articles: Sequence[Article], threshold: float = 0.2) -> dict[str, int]:
    """Single-pass TF-IDF clustering: each article, in publication order, joins the cluster of the
    most similar earlier article if their cosine reaches ``threshold``, else starts one."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    ordered = publication_order(articles)
    if not ordered:
        return {}
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title} {a.text}" for a in ordered]
    )
    similarity = (matrix @ matrix.T).toarray()
    labels: list[int] = []
    for i in range(len(ordered)):
        j = int(np.argmax(similarity[i, :i])) if i else -1
        labels.append(labels[j] if j >= 0 and similarity[i, j] >= threshold else i)
    return {a.key: label for a, label in zip(ordered, labels, strict=True)}


def label_of_path(path: str, label_regex: str | None = None, label_depth: int = 1) -> str:
    """An article's gold label from its file path: a folder name or a regex's first group."""
    if label_regex is not None:
        match = re.search(label_regex, Path(path).as_posix())
        if match is None:
            raise LabelError(f"{path}: label regex {label_regex!r} does not match the path")
        return match.group(1) if match.groups() else match.group(0)
    parents = Path(path).parents
    if label_depth < 1 or label_depth > len(parents) - 1:
        raise LabelError(f"{path}: no folder {label_depth} level(s) up to take a label from")
    return parents[label_depth - 1].name


def _files(inputs: Sequence[str | Path]) -> list[tuple[Path, str]]:
    """Files under ``inputs``, each with the name read_sources gives it (its provenance source):
    a file passed directly keeps the spelling it was given (``./a.jsonl``)."""
    found: list[tuple[Path, str]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend((f, str(f)) for f in folder_files(path) if not_regular(f) is None)
        else:
            found.append((path, str(item)))
    return found


def files_in_random_order(inputs: Sequence[str | Path], seed: int) -> list[str]:
    """The files under ``inputs`` (as read_sources names them), shuffled by ``seed``: to measure
    how much clustering owes to the order files arrive in."""
    files = [source for _, source in _files(inputs)]
    random.Random(seed).shuffle(files)
    return files


def jsonl_labels(inputs: Sequence[str | Path], field: str) -> dict[tuple[str, str], str]:
    """(file, "line N") -> the record's ``field``, for JSONL files under ``inputs``, keyed as
    read_sources names the records' provenance (pass the inputs as given to read_sources)."""
    labels: dict[tuple[str, str], str] = {}
    for file, source in _files(inputs):
        with file.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise LabelError(f"{source}: line {number}: not JSON ({error.msg})") from None
                if not isinstance(record, dict) or field not in record:
                    raise LabelError(f"{source}: line {number}: no {field!r} label")
                labels[(source, f"line {number}")] = str(record[field])
    return labels


def score(method: str, predicted: dict[str, int], gold: dict[str, str]) -> Result:
    clusters = len({predicted[k] for k in gold})
    return Result(method, clusters, bcubed(predicted, gold), pairwise(predicted, gold))


def evaluate(data: Labelled, settings: Settings, embedder: Embedder | None = None) -> list[Result]:
    """Scores of newsdesk's clusterer and of the single-pass TF-IDF baseline on ``data``."""
    ours = cluster_articles(data.articles, settings, embedder)
    base = baseline_clusters(data.articles)
    return [score("newsdesk", ours, data.gold), score("baseline tf-idf", base, data.gold)]


def format_results(results: Sequence[Result], title: str) -> str:
    lines = [
        title,
        f"{'method':<24} {'clusters':>8}  {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
        f"  {'pair P':>6} {'pair R':>6} {'pair F1':>7}",
    ]
    for r in results:
        lines.append(
            f"{r.method:<24} {r.clusters:>8}  {r.bcubed.precision:6.3f} {r.bcubed.recall:6.3f}"
            f" {r.bcubed.f1:6.3f}  {r.pairwise.precision:6.3f} {r.pairwise.recall:6.3f}"
            f" {r.pairwise.f1:7.3f}"
        )
    return "\n".join(lines)
