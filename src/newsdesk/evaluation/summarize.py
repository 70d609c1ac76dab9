"""Brief quality on summarisation data sets: newsdesk against sumy's LexRank and TextRank.

Two layouts are read:

* MultiLing 2011: ``source/M00AB.english`` (topic ``M00A``, article ``B``), ``models/M00A.*``
  human summaries, optionally ``peers/<system>/M00A`` participants' summaries and
  ``PublishedEvaluation/AutomaticEvaluation/ROUGE/Averages/ENGLISH_ROUGE-{1,2}.csv``;
* DUC style: ``docs/<cluster>/`` holding each cluster's articles (TREC SGML or any format
  ``newsdesk.sources`` reads), ``models/<cluster>.*`` its human summaries (``D30001.M.100.T.A``
  matches cluster ``d30001t`` too).

Every system gets the same articles and the same sentences (``newsdesk.text``); scores follow
ROUGE-1.5.5 (``-n 2 -f A``, Porter stemming ``-m`` by default, peers truncated with ``-l``).
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.brief import summarize
from newsdesk.config import Settings
from newsdesk.evaluation.rouge import RougeScore, mean_score, rouge_n
from newsdesk.models import Article
from newsdesk.pipeline import ONE_STORY, scratch_store, store_as_one_story, story_sources
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs, split_sentences, words


class DatasetError(ValueError):
    """A data set folder in neither supported layout; the message says what is missing."""


@dataclass(slots=True)
class Topic:
    name: str
    sources: list[Path]
    models: list[str]
    peers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Dataset:
    layout: str  # "multiling" | "duc"
    topics: list[Topic]
    official: dict[str, dict[int, float]] = field(default_factory=dict)  # system -> n -> recall


@dataclass(slots=True)
class SystemScore:
    system: str
    rouge1: RougeScore
    rouge2: RougeScore
    seconds: float
    note: str = ""
    # Per topic: (topic name, ROUGE-1 recall, ROUGE-2 recall).
    per_topic: list[tuple[str, float, float]] = field(default_factory=list)


_MULTILING_SOURCE = re.compile(r"^(M\d{3})\d+\.english$")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _cluster_key(name: str) -> str:
    """``d30001t`` and ``D30001`` name the same DUC cluster."""
    return re.sub(r"(?<=\d)[a-z]$", "", name.lower())


def load_dataset(root: Path) -> Dataset:
    models_dir = root / "models"
    if not models_dir.is_dir():
        raise DatasetError(f"{root}: no models/ folder of human summaries")
    model_files = sorted(p for p in models_dir.iterdir() if p.is_file())
    if (root / "source").is_dir():
        groups: dict[str, list[Path]] = {}
        for path in sorted((root / "source").iterdir()):
            match = _MULTILING_SOURCE.match(path.name)
            if match:
                groups.setdefault(match.group(1), []).append(path)
        topics = []
        for name, sources in sorted(groups.items()):
            models = [_read(p) for p in model_files if p.name.startswith(name + ".")]
            peers = {
                system.name: _read(system / name)
                for system in sorted((root / "peers").glob("*"))
                if (system / name).is_file()
            }
            topics.append(Topic(name, sources, models, peers))
        return Dataset("multiling", topics, _official_scores(root))
    if (root / "docs").is_dir():
        topics = []
        for cluster in sorted(p for p in (root / "docs").iterdir() if p.is_dir()):
            key = _cluster_key(cluster.name)
            models = [_read(p) for p in model_files if _cluster_key(p.name.split(".")[0]) == key]
            sources = sorted(p for p in cluster.rglob("*") if p.is_file())
            topics.append(Topic(cluster.name, sources, models))
        return Dataset("duc", topics)
    raise DatasetError(f"{root}: neither source/ (MultiLing) nor docs/<cluster>/ (DUC) found")


def _official_scores(root: Path) -> dict[str, dict[int, float]]:
    folder = root / "PublishedEvaluation" / "AutomaticEvaluation" / "ROUGE" / "Averages"
    scores: dict[str, dict[int, float]] = {}
    for n in (1, 2):
        path = folder / f"ENGLISH_ROUGE-{n}.csv"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                system = row["runid"].split("_")[0]
                scores.setdefault(system, {})[n] = float(row["recall"])
    return scores


def read_articles(paths: Sequence[Path], settings: Settings | None = None) -> list[Article]:
    """The articles in ``paths`` (rejected records are skipped: they cannot be summarised)."""
    items = read_sources([str(p) for p in paths], settings or Settings())
    return [item for item in items if isinstance(item, Article)]


# --- systems -------------------------------------------------------------------------------------

Summarizer = Callable[[Sequence[Article], int], list[str]]


def newsdesk_system(method: str = "default", settings: Settings | None = None) -> Summarizer:
    """newsdesk as ``newsdesk brief DIR`` runs it: the articles stored as one story in a scratch
    store, reprints folded under their originals (counted as support, not briefed twice)."""

    def run(articles: Sequence[Article], max_words: int) -> list[str]:
        with scratch_store() as store:
            store_as_one_story(articles, store, settings or Settings())
            sources, reprints = story_sources(store, ONE_STORY)
        brief = summarize(sources, max_words, reprints=reprints, method=method)
        return [s.text for s in brief.sentences]

    return run


class _WordTokenizer:
    """sumy tokenizer over newsdesk's sentences: sumy's own needs NLTK punkt data."""

    language = "english"

    def to_words(self, text: str) -> list[str]:
        return words(text)

    def to_sentences(self, text: str) -> list[str]:
        return split_sentences(text)


def sumy_document(articles: Sequence[Article]) -> Any:
    """A sumy document model holding exactly newsdesk's paragraphs and sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordTokenizer()
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in split_sentences(paragraph)])
        for article in articles
        for paragraph in split_paragraphs(article.text)
    ]
    return ObjectDocumentModel(paragraphs)


def sumy_system(algorithm: str) -> Summarizer:
    """sumy's LexRank or TextRank; top-rated sentences until the budget is reached.

    Like the published baselines, the last sentence may run past the budget (ROUGE's ``-l``
    cuts it), which favours the baseline slightly over newsdesk, which never exceeds it.
    """
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
    summarizer = classes[algorithm](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(articles: Sequence[Article], max_words: int) -> list[str]:
        def within_budget(infos: list[Any]) -> list[Any]:
            chosen, total = [], 0
            for info in infos:
                if total >= max_words:
                    break
                chosen.append(info)
                total += len(str(info.sentence).split())
            return chosen

        return [str(s) for s in summarizer(sumy_document(articles), within_budget)]

    return run


# --- scoring -------------------------------------------------------------------------------------


def score_summaries(
    summaries: Sequence[str], topics: Sequence[Topic], max_words: int | None, stem: bool
) -> tuple[RougeScore, RougeScore, list[tuple[str, float, float]]]:
    """Mean ROUGE-1 and ROUGE-2 over topics, and each topic's recalls."""
    pairs = list(zip(summaries, topics, strict=True))
    r1 = [rouge_n(s, t.models, 1, stem=stem, max_words=max_words) for s, t in pairs]
    r2 = [rouge_n(s, t.models, 2, stem=stem, max_words=max_words) for s, t in pairs]
    per_topic = [(t.name, a.recall, b.recall) for t, a, b in zip(topics, r1, r2, strict=True)]
    return mean_score(r1), mean_score(r2), per_topic


def evaluate(
    dataset: Dataset,
    systems: dict[str, Summarizer],
    max_words: int,
    *,
    stem: bool = True,
    settings: Settings | None = None,
) -> list[SystemScore]:
    topics = [t for t in dataset.topics if t.models]
    articles = [read_articles(t.sources, settings) for t in topics]
    results = []
    for name, system in systems.items():
        start = time.perf_counter()
        summaries = ["\n".join(system(a, max_words)) for a in articles]
        seconds = time.perf_counter() - start
        r1, r2, per_topic = score_summaries(summaries, topics, max_words, stem)
        results.append(SystemScore(name, r1, r2, seconds, per_topic=per_topic))
    if dataset.layout == "multiling":
        results.extend(_participants(dataset, topics, max_words, stem))
    return results


def _participants(
    dataset: Dataset, topics: Sequence[Topic], max_words: int, stem: bool
) -> list[SystemScore]:
    """The best official participant by ROUGE-2 (not the topline, which saw the models)."""
    official = {s: v for s, v in dataset.official.items() if s != "ID10" and 2 in v}
    if not official:
        return []
    best = max(official, key=lambda s: official[s][2])
    if not all(best in t.peers for t in topics):
        return []
    r1, r2, per_topic = score_summaries([t.peers[best] for t in topics], topics, max_words, stem)
    scores = official[best]
    note = f"official (no stemming, no -l): R1 {scores.get(1, 0):.4f} R2 {scores[2]:.4f}"
    return [SystemScore(f"best participant {best}", r1, r2, 0.0, note, per_topic)]


def format_topic_table(results: Sequence[SystemScore]) -> str:
    """ROUGE-1 / ROUGE-2 recall of every system on every topic."""
    systems = [r for r in results if r.per_topic]
    if not systems:
        return ""
    header = "topic    " + "".join(f"{r.system[:21]:>23}" for r in systems)
    lines = [header, "         " + "      R1 recall R2 recall" * len(systems)]
    for i, (topic, _, _) in enumerate(systems[0].per_topic):
        cells = "".join(f"{r.per_topic[i][1]:>14.4f}{r.per_topic[i][2]:>9.4f}" for r in systems)
        lines.append(f"{topic:<9}{cells}")
    return "\n".join(lines)


def format_table(results: Sequence[SystemScore], title: str) -> str:
    lines = [
        title,
        f"{'system':<28} {'R1 recall':>9} {'R1 F':>7} {'R2 recall':>9} {'R2 F':>7} {'seconds':>8}",
    ]
    for r in results:
        lines.append(
            f"{r.system:<28} {r.rouge1.recall:>9.4f} {r.rouge1.f:>7.4f} "
            f"{r.rouge2.recall:>9.4f} {r.rouge2.f:>7.4f} {r.seconds:>8.2f}"
            + (f"  {r.note}" if r.note else "")
        )
    return "\n".join(lines)
