"""Clustering evaluation on labelled data: newsdesk's clusterer against a single-pass baseline.

Labels come from the folder layout (an article's label is the name of the folder holding it, or a
regular expression's first group on its path: ``--label-regex 'docs/(\\d+)ecb'`` scores ECB+
topics) or from a field of JSONL records (``story`` by default).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from newsdesk.cluster import cluster_articles, publication_order
from newsdesk.config import Settings
from newsdesk.embed import Embedder
from newsdesk.evaluation.bcubed import Scores, bcubed, pairwise
from newsdesk.models import Article, Provenance


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


_DATE_LINE = re.compile(
    r"^(?:\w+day,\s+)?(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(\d{1,2}),\s+(\d{4})\s*$"
)
_PREFIX_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})\s+")


def _read_text_file(path: Path) -> Article:
    """A plain-text article: first line the title (maybe "YYYY/MM/DD title"), a date line maybe."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    title = lines[0].strip() if lines else ""
    published: datetime | None = None
    match = _PREFIX_DATE.match(title)
    if match:
        published = datetime(int(match[1]), int(match[2]), int(match[3]))
        title = title[match.end() :]
    body = lines[1:]
    for position, line in enumerate(body[:4]):
        date = _DATE_LINE.match(line.strip())
        if date:
            published = datetime.strptime(" ".join(date.groups()), "%B %d %Y")
            body = body[:position] + body[position + 1 :]
            break
    return Article(
        key=str(path),
        title=title,
        text="\n".join(body).strip(),
        outlet=path.parent.name,
        provenance=Provenance(str(path)),
        published=published,
    )


def _read_json_file(path: Path) -> Article:
    """A news-please style JSON record (title, text, date_publish, source_domain, url)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    published = None
    # Free-form dates ("Posted 12 / 19 / 2005 3 : 36 PM") are left out: the article is undated.
    with contextlib.suppress(ValueError):
        published = datetime.fromisoformat(str(record.get("date_publish")))
    return Article(
        key=str(path),
        title=str(record.get("title") or ""),
        text=str(record.get("text") or ""),
        outlet=str(record.get("source_domain") or path.parent.name),
        provenance=Provenance(str(path)),
        url=record.get("url"),
        published=published,
    )


def _files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file())
        else:
            found.append(path)
    return [p for p in found if not p.name.startswith(".")]


def load_labelled_folder(
    paths: Sequence[Path], label_regex: str | None = None, label_depth: int = 1
) -> Labelled:
    """Articles from files under ``paths``, labelled by folder name (``label_depth`` levels up:
    1 is the immediate parent) or by the first group of ``label_regex`` searched in the path."""
    pattern = re.compile(label_regex) if label_regex else None
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for file in _files(paths):
        if file.suffix == ".jsonl":
            raise LabelError(f"{file}: JSONL input takes its labels from a field, not folders")
        article = _read_json_file(file) if file.suffix == ".json" else _read_text_file(file)
        if pattern is not None:
            match = pattern.search(file.as_posix())
            if match is None:
                raise LabelError(f"{file}: label regex {label_regex!r} does not match the path")
            label = match.group(1) if match.groups() else match.group(0)
        else:
            label = file.parents[label_depth - 1].name
        articles.append(article)
        gold[article.key] = label
    return Labelled(articles, gold)


def load_labelled_jsonl(paths: Sequence[Path], field: str = "story") -> Labelled:
    """Articles from JSONL records (id, url, title, text, outlet, published), labelled by the
    record's ``field``."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for file in _files(paths):
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{file}: line {number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise LabelError(f"{where}: not JSON ({error.msg})") from None
                if field not in record:
                    raise LabelError(f"{where}: no {field!r} label")
                key = str(record.get("id") or record.get("url") or f"{file}:{number}")
                published = record.get("published")
                articles.append(
                    Article(
                        key=key,
                        title=str(record.get("title") or ""),
                        text=str(record.get("text") or ""),
                        outlet=str(record.get("outlet") or ""),
                        provenance=Provenance(str(file), str(number)),
                        url=record.get("url"),
                        published=datetime.fromisoformat(published) if published else None,
                    )
                )
                gold[key] = str(record[field])
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


def jsonl_labels(paths: Sequence[Path], field: str) -> dict[tuple[str, str], str]:
    """(file, "line N") -> the record's ``field``, for JSONL files under ``paths``."""
    labels: dict[tuple[str, str], str] = {}
    for file in _files(paths):
        with file.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise LabelError(f"{file}: line {number}: not JSON ({error.msg})") from None
                if not isinstance(record, dict) or field not in record:
                    raise LabelError(f"{file}: line {number}: no {field!r} label")
                labels[(str(file), f"line {number}")] = str(record[field])
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
