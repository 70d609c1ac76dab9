"""Distributed backfill on Dask: the per-article work in parallel, placement on the driver.

Workers read partitions of the input (groups of files, or record ranges of one WARC file),
extract the articles and compute what placement needs of each on its own: the MinHash signature
of its text and the dense embedding of its title and lead. They return plain data. The driver
stores the articles in input order, then runs the same placement as :func:`newsdesk.pipeline.ingest`
(dedup and clustering, one article at a time in publication order) with those precomputed values,
so a backfill gives the stories a single-process ingest would. Briefs and attribution (spaCy NER:
the costliest per-story work) are computed back on the workers, a few stories per task, from the
stories' articles the driver reads out of the store; the driver saves what they return.

A backfill that dies is simply run again: stored articles are skipped as duplicates, and the
articles stored but not yet placed are placed. A worker that dies has its partitions recomputed
by Dask on another worker; partitions are pure functions of the input.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.attribute.nlp import installed_model_name, ner_model_name, span_rows
from newsdesk.attribute.story import ner_texts
from newsdesk.cluster import Vector, lead_text
from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex
from newsdesk.embed import Embedder, Matrix, MiniLMEmbedder, load_embedder
from newsdesk.extras import missing_extra
from newsdesk.models import Article, Brief, Provenance, Rejection, StoryAttribution
from newsdesk.pipeline import (
    IngestReport,
    ProgressCallback,
    brief_and_attribution,
    no_progress,
    place_unassigned,
    store_articles,
    stories_to_brief,
    story_sources,
)
from newsdesk.sources import folder_files, read_sources
from newsdesk.sources.detect import Format, detect
from newsdesk.sources.warc import read_warc, record_offsets
from newsdesk.store import Store

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 200
"""WARC records (or files, for other formats) per partition: enough work to dwarf the
per-task overhead of Dask (tens of milliseconds), small enough to balance two workers."""
STORIES_PER_TASK = 4
"""Stories briefed per worker task: a 10-article story takes 30-60 ms with attribution, so a task
is worth its Dask overhead, and a few hundred touched stories still spread over the workers."""


class BackfillError(RuntimeError):
    """A backfill that cannot run as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: ``sources`` read whole, or the records of one WARC in [start, stop)."""

    index: int
    sources: tuple[str, ...]
    start: int = 0
    stop: int | None = None
    warc: bool = False


@dataclass(slots=True)
class PartitionResult:
    index: int
    items: list[Article | Rejection]
    signatures: list[bytes]  # one per Article in ``items``, in order
    vectors: Matrix  # one row per Article in ``items``, in order
    embedder: str
    seconds: dict[str, float]  # worker time: read (incl. extraction), signature, embed
    ner_model: str | None = None  # the worker's spaCy model (name-version), if attribution uses one


@dataclass(slots=True)
class BackfillReport:
    ingest: IngestReport = field(default_factory=IngestReport)
    partitions: int = 0
    articles_read: int = 0
    worker_seconds: dict[str, float] = field(default_factory=dict)
    driver_seconds: dict[str, float] = field(default_factory=dict)


# --- planning (driver) ----------------------------------------------------------------------


def _expand(inputs: Sequence[str]) -> Iterator[str]:
    """Files in the order read_sources reads them; URLs and missing paths kept as they are."""
    for item in inputs:
        path = Path(item)
        if not item.lower().startswith(("http://", "https://")) and path.is_dir():
            yield from (str(f) for f in folder_files(path))
        else:
            yield item


def _is_warc(item: str) -> bool:
    path = Path(item)
    try:
        return path.is_file() and detect(path) is Format.WARC
    except OSError:
        return False


def plan_partitions(
    inputs: Sequence[str], partition_size: int, offsets: dict[str, list[int]]
) -> list[Partition]:
    """Partitions in input order: ``partition_size`` records of a WARC (using its record
    ``offsets``), or up to ``partition_size`` consecutive other files or URLs."""
    if partition_size < 1:
        raise BackfillError(f"partition size must be at least 1, not {partition_size}")
    partitions: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            partitions.append(Partition(len(partitions), tuple(group)))
            group.clear()

    for item in _expand(inputs):
        if item not in offsets:
            group.append(item)
            if len(group) >= partition_size:
                flush()
            continue
        flush()
        starts = offsets[item][::partition_size] or [0]
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else None
            partitions.append(Partition(len(partitions), (item,), start, stop, warc=True))
    flush()
    return partitions


# --- partition work (workers) ---------------------------------------------------------------


@cache
def _worker_embedder(name: str) -> Embedder:
    embedder = load_embedder(name)
    if isinstance(embedder, MiniLMEmbedder):
        # One worker process per core: a model using every core fights its neighbours (the
        # vectors are the same either way).
        return MiniLMEmbedder(threads=1)
    return embedder


@cache
def _worker_dedup(threshold: float, shingle: int, permutations: int) -> NearDuplicateIndex:
    settings = Settings(
        dedup_threshold=threshold, dedup_shingle=shingle, dedup_permutations=permutations
    )
    return NearDuplicateIndex(settings)


def _read(partition: Partition, settings: Settings) -> Iterator[Article | Rejection]:
    if not partition.warc:
        yield from read_sources(partition.sources, settings)
        return
    (source,) = partition.sources
    try:
        yield from read_warc(Path(source), source, settings, partition.start, partition.stop)
    except Exception as error:  # as read_sources does: a reader bug rejects the range only
        where = f"offset {partition.start}"
        yield Rejection(
            Provenance(source, where), f"could not read warc: {type(error).__name__}: {error}"
        )


def _record_offsets(item: str) -> list[int]:
    return record_offsets(Path(item))


def run_partition(partition: Partition, settings: Settings) -> PartitionResult:
    """Read, extract, sign and embed one partition (runs on a worker)."""
    started = time.perf_counter()
    items = list(_read(partition, settings))
    articles = [item for item in items if isinstance(item, Article)]
    read_done = time.perf_counter()
    dedup = _worker_dedup(
        settings.dedup_threshold, settings.dedup_shingle, settings.dedup_permutations
    )
    signatures = [NearDuplicateIndex.to_bytes(dedup.signature(a.text)) for a in articles]
    signed = time.perf_counter()
    embedder = _worker_embedder(settings.embedder)
    vectors = embedder.embed([lead_text(a) for a in articles])
    embedded = time.perf_counter()
    return PartitionResult(
        partition.index,
        items,
        signatures,
        vectors,
        embedder.name,
        {"read": read_done - started, "signature": signed - read_done, "embed": embedded - signed},
        ner_model_name() if settings.attribution_ner else None,
    )


# --- placement (driver) ---------------------------------------------------------------------


class PrecomputedEmbedder:
    """``base`` with the vectors workers already computed for some texts looked up, not rerun."""

    def __init__(self, base: Embedder, vectors: dict[str, Vector]) -> None:
        self.name = base.name
        self.dim = base.dim
        self._base = base
        self._vectors = vectors
        self.hits = 0

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        for row, text in enumerate(texts):
            vector = self._vectors.get(text)
            if vector is None:
                missing.append(row)
            else:
                out[row] = vector
        self.hits += len(texts) - len(missing)
        if missing:
            out[missing] = self._base.embed([texts[row] for row in missing])
        return out


def backfill(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    client: Any,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: ProgressCallback = no_progress,
) -> BackfillReport:
    """Backfill ``inputs`` into ``store`` using the Dask ``client``'s workers (see module doc)."""
    report = BackfillReport()
    clock = time.perf_counter()
    warcs = [item for item in _expand(inputs) if _is_warc(item)]
    scans = client.map(_record_offsets, warcs, pure=False)
    offsets = dict(zip(warcs, client.gather(scans), strict=True))
    partitions = plan_partitions(inputs, partition_size, offsets)
    report.partitions = len(partitions)
    base = load_embedder(settings.embedder)
    # Only to compare with the workers' model: the driver itself never runs NER, so it reads the
    # name without loading spaCy.
    ner_model = installed_model_name() if settings.attribution_ner else None
    log.info("backfill planned", extra={"partitions": len(partitions), "warc_files": len(warcs)})
    report.driver_seconds["plan"] = time.perf_counter() - clock

    futures = client.map(run_partition, partitions, settings=settings, pure=False)
    signatures: dict[str, bytes] = {}
    vectors: dict[str, Vector] = {}
    storing = 0.0
    # Results are consumed in input order so that articles are stored in the order a
    # single-process ingest stores them (the first of two copies is the one kept).
    for future in futures:
        result: PartitionResult = future.result()
        future.release()
        if result.embedder != base.name:
            raise BackfillError(
                f"workers embed with {result.embedder} but this machine with {base.name}: "
                "install the same model packages on both, or set the embedder explicitly"
            )
        if result.ner_model != ner_model:
            raise BackfillError(
                f"workers find entities with {result.ner_model or 'rules'} but this machine with "
                f"{ner_model or 'rules'}: install the same model packages on both, or set "
                "attribution_ner = false"
            )
        began = time.perf_counter()
        store_articles(result.items, store, report.ingest, progress)
        storing += time.perf_counter() - began
        articles = [item for item in result.items if isinstance(item, Article)]
        for row, article in enumerate(articles):
            signatures[article.content_hash] = result.signatures[row]
            vectors[lead_text(article)] = result.vectors[row]
        report.articles_read += len(articles)
        for stage, seconds in result.seconds.items():
            report.worker_seconds[stage] = report.worker_seconds.get(stage, 0.0) + seconds
        log.info(
            "partition stored",
            extra={
                "partition": result.index,
                "articles": len(articles),
                "rejected": len(result.items) - len(articles),
                "worker_seconds": round(sum(result.seconds.values()), 3),
            },
        )
    report.driver_seconds["store"] = storing

    began = time.perf_counter()
    embedder = PrecomputedEmbedder(base, vectors)
    place_unassigned(
        store, settings, report.ingest, progress, embedder=embedder, signatures=signatures
    )
    report.driver_seconds["place"] = time.perf_counter() - began
    began = time.perf_counter()
    _brief_on_workers(store, settings, stories_to_brief(store, report.ingest), client, progress)
    report.driver_seconds["brief"] = time.perf_counter() - began
    ingest = report.ingest
    log.info(
        "backfill finished",
        extra={
            "added": ingest.added,
            "duplicates": ingest.duplicates,
            "reprints": ingest.reprints,
            "rejected": len(ingest.rejected),
            "stories_touched": len(ingest.stories_touched),
            "precomputed_vectors_used": embedder.hits,
        },
    )
    return report


StorySources = tuple[int, list[Article], dict[str, list[str]]]
Briefed = tuple[int, Brief, StoryAttribution]


@dataclass(slots=True)
class BriefedBatch:
    stories: list[Briefed]
    ner_model: str | None  # the model the spans below came from (None: no spaCy)
    spans: list[tuple[str, str]]  # (text hash, spans JSON), for the store's ner_spans


def brief_stories(stories: list[StorySources], max_words: int, ner: bool) -> BriefedBatch:
    """Worker task: the brief and attribution of each story from its sources, and the NER spans
    it computed, so the driver can keep them as an ingest does."""
    briefed = [
        (story_id, *brief_and_attribution(articles, reprints, max_words, ner))
        for story_id, articles, reprints in stories
    ]
    if not ner:
        return BriefedBatch(briefed, None, [])
    texts = ner_texts([a for _, articles, _ in stories for a in articles])
    return BriefedBatch(briefed, ner_model_name(), span_rows(texts))


def _brief_on_workers(
    store: Store,
    settings: Settings,
    story_ids: Sequence[int],
    client: Any,
    progress: ProgressCallback,
) -> None:
    """Brief ``story_ids`` on the workers and save the results as they come back. At most a few
    tasks per worker are in flight, so the driver never holds every story's text at once."""
    from distributed import as_completed

    batches = (
        list(story_ids[start : start + STORIES_PER_TASK])
        for start in range(0, len(story_ids), STORIES_PER_TASK)
    )

    def submit(batch: list[int]) -> Any:
        sources = [(story_id, *story_sources(store, story_id)) for story_id in batch]
        return client.submit(
            brief_stories, sources, settings.brief_max_words, settings.attribution_ner, pure=False
        )

    in_flight = max(2, 3 * len(client.scheduler_info().get("workers", {})))
    first = [submit(batch) for batch in itertools.islice(batches, in_flight)]
    pending = as_completed(first)  # type: ignore[no-untyped-call]
    for future in pending:
        batch_result: BriefedBatch = future.result()
        if batch_result.ner_model is not None:
            store.save_ner_spans(batch_result.ner_model, batch_result.spans)
        for story_id, brief, attribution in batch_result.stories:
            with store.transaction():
                store.save_brief(story_id, brief)
                store.save_attribution(story_id, attribution)
            progress("brief", 1)
        future.release()
        batch = next(batches, None)
        if batch is not None:
            pending.add(submit(batch))  # type: ignore[no-untyped-call]


def start_client(scheduler: str | None, workers: int) -> Any:
    """A Dask client of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers``
    single-threaded worker processes. Close it (and its cluster) with :func:`close_client`.

    Raises BackfillError, naming the pip command, when the 'distributed' extra is not installed."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise BackfillError(missing_extra("backfill", "distributed", error)) from error

    if scheduler:
        return Client(scheduler, timeout="30s")  # type: ignore[no-untyped-call]
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster)  # type: ignore[no-untyped-call]


def close_client(client: Any) -> None:
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()
