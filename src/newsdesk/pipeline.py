"""The ingest pipeline: sources -> store -> dedup -> cluster -> brief -> attribute.

Ingest runs in two phases so that a crash loses nothing:

1. every article read is committed to the store on its own (idempotently);
2. every stored article that has no story yet is then deduplicated and clustered in publication
   order, and the briefs of the stories it touched are rebuilt.

A run killed in phase 1 or 2 is completed by the next run: phase 2 picks up whatever was stored
but not yet placed in a story.
"""

from __future__ import annotations

import heapq
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.brief import summarize
from newsdesk.cluster import StoryClusterer, publication_positions
from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex, Signature
from newsdesk.embed import Embedder, load_embedder
from newsdesk.models import (
    NO_DATE,
    Article,
    Brief,
    Rejection,
    StoryAttribution,
    as_utc,
    plausible_limit,
    plausible_time,
)
from newsdesk.sources import read_sources
from newsdesk.store import Store, StoredArticle, open_store, source_groups

if TYPE_CHECKING:
    from newsdesk.attribute.nlp import SpanStore

# The attribution stage (quotes, entities, claims, timeline) is imported where it runs:
# `newsdesk brief DIR --format plain` never attributes, and would pay 0.06 s of imports for it.

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int], None]
"""Called as ``progress(stage, advance)``; stage is "read", "place" or "brief"."""


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    duplicates: int = 0
    reprints: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    new_stories: int = 0
    stories_touched: set[int] = field(default_factory=set)


def no_progress(stage: str, advance: int) -> None:
    del stage, advance


class Placer:
    """Places stored articles into stories: near-duplicate check first, then the clusterer.

    Its state is rebuilt from the store, so live ingest continues where the last run stopped: the
    MinHash index, the clusterer's document frequencies (kept in the store), the window's stories
    and, where undated articles occur, the archive of stories that left it
    (:meth:`_recent_assignments`). A kept Placer (``newsdesk watch``) forgets signatures filed
    a clustering window before the newest time seen, so its memory stays bounded however long it
    runs: a reprint is looked for among one window of articles. An undated article is filed under
    the newest time seen then (under the first time seen if none had been); the store keeps each
    signature's time, so a restart indexes exactly what a kept Placer holds.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        single_story: int | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        """With ``single_story``, every article goes to that story (``newsdesk brief PATH``).

        ``embedder`` replaces the one ``settings.embedder`` names (backfill passes one holding
        vectors its workers computed with that same model).
        """
        self._store = store
        self._settings = settings
        self._dedup = NearDuplicateIndex(settings)
        self._dedup_window = timedelta(hours=settings.cluster_window_hours)
        self._dedup_times: list[tuple[datetime, int]] = []  # a heap of (time, id): oldest first
        self._dedup_clock: datetime | None = None
        self._dedup_untimed: list[int] = []  # ids filed before any time was seen
        self._single_story = single_story
        self._clusterer: StoryClusterer | None = None
        if single_story is None:
            self._clusterer = StoryClusterer(
                settings,
                embedder if embedder is not None else load_embedder(settings.embedder),
                next_story_id=(store.max_story_id() or 0) + 1,
            )
        self._restore()

    def _restore(self) -> None:
        limit = plausible_limit()
        # The clusterer's clock is the newest article it placed: a batch stored but not yet placed
        # must not move the window it restores.
        latest = plausible_time(self._store.latest_published(until=limit, placed=True), limit)
        since = (
            None
            if latest is None
            else latest - timedelta(hours=self._settings.cluster_window_hours)
        )
        if self._clusterer is not None:
            self._restore_frequencies(self._clusterer)
            self._clusterer.restore(self._recent_assignments(since), counted=True)
        # What a kept Placer indexes: the originals filed within a window of the latest time filed
        # (all of them while none has a time).
        clock = plausible_time(self._store.latest_filed(until=limit), limit)
        filed_since = None if clock is None else clock - self._dedup_window
        recomputed: list[tuple[int, Signature, datetime | None]] = []
        for article_id, data, filed in self._store.iter_signatures(since=filed_since):
            # Stored before schema 7: the article's own date, maybe a typo'd year (then the clock).
            when = None if filed is None else plausible_time(filed, limit) or clock
            signature = self._readable_signature(article_id, data)
            if signature is None:
                signature = self._recomputed_signature(article_id)
                recomputed.append((article_id, signature, filed))
            self._remember(article_id, signature, when)
        for article_id, signature, filed in recomputed:
            self._store.save_signature(article_id, NearDuplicateIndex.to_bytes(signature), filed)

    def _readable_signature(self, article_id: int, data: bytes) -> Signature | None:
        """The stored signature, or None when this index cannot use it: a damaged row, or one
        made with other MinHash settings (``dedup_permutations`` changed since)."""
        try:
            signature = NearDuplicateIndex.from_bytes(data)
        except ValueError as error:
            log.warning(
                "article %d: stored signature unreadable (%s); recomputed", article_id, error
            )
            return None
        if len(signature.hashvalues) != self._dedup.num_perm:
            log.warning(
                "article %d: stored signature has %d permutations, not %d; recomputed",
                article_id,
                len(signature.hashvalues),
                self._dedup.num_perm,
            )
            return None
        return signature

    def _recomputed_signature(self, article_id: int) -> Signature:
        stored = self._store.get_article(article_id)
        return self._dedup.signature(stored.article.text if stored is not None else "")

    def _recent_assignments(self, since: datetime | None) -> list[tuple[Article, int]]:
        """The placed articles an uninterrupted clusterer would still hold, in publication order
        (undated ones last): every article of each story with one published since ``since``
        (undated members too) and, if the store holds undated articles, of the last
        ``cluster_archive_stories`` stories placed into (the archive undated articles can join).
        """
        stories = {
            s.story_id for s in self._store.iter_articles(since=since) if s.story_id is not None
        }
        archive = self._settings.cluster_archive_stories
        if since is not None and archive and self._store.has_undated_articles():
            stories.update(self._store.recently_placed_stories(archive + len(stories)))
        placed = [
            s
            for story_id in stories
            for s in self._store.iter_articles(story_id=story_id)
            if s.canonical_id is None
        ]
        placed.sort(key=_publication_key)
        return [(s.article, s.story_id) for s in placed if s.story_id is not None]

    def save_frequencies(self) -> None:
        """Add the document frequencies counted since the last call to the store's.

        Once per batch, not per article: that costs a fifth of placing. Counts lost to a crash
        in between only make a few terms look rarer.
        """
        if self._clusterer is not None:
            self._store.add_term_counts(self._clusterer.take_new_frequencies())

    def _restore_frequencies(self, clusterer: StoryClusterer) -> None:
        saved = self._store.term_counts()
        if saved.articles:
            clusterer.load_frequencies(saved)
            return
        # A store from before the counts were kept (or an empty one): count its articles once.
        placed = (
            s.article
            for s in self._store.iter_articles()
            if s.story_id is not None and s.canonical_id is None
        )
        clusterer.count_frequencies(placed)
        self._store.add_term_counts(clusterer.take_new_frequencies())

    def _remember(self, article_id: int, signature: Signature, when: datetime | None) -> None:
        """Index a signature, and forget those a window older than the newest time seen.

        ``when`` is a time :func:`~newsdesk.models.plausible_time` accepted, or the clock's.
        """
        self._dedup.add(article_id, signature)
        if when is None:
            self._dedup_untimed.append(article_id)
            return
        if self._dedup_untimed:
            # Those filed before any time was seen count as filed under the first one: kept a
            # window more, not for good (a store that began undated must not restore all of it).
            for untimed in self._dedup_untimed:
                heapq.heappush(self._dedup_times, (when, untimed))
            self._dedup_untimed.clear()
            self._store.file_untimed_signatures(when)
        heapq.heappush(self._dedup_times, (when, article_id))
        if self._dedup_clock is None or when > self._dedup_clock:
            self._dedup_clock = when
        cutoff = self._dedup_clock - self._dedup_window
        while self._dedup_times and self._dedup_times[0][0] < cutoff:
            self._dedup.remove(heapq.heappop(self._dedup_times)[1])

    @property
    def indexed_signatures(self) -> int:
        return len(self._dedup)

    def place(
        self, stored: StoredArticle, report: IngestReport, signature: Signature | None = None
    ) -> int:
        """Give one stored article its story; returns the story id.

        ``signature``, when given, is the article text's precomputed MinHash signature.
        """
        if signature is None:
            signature = self._dedup.signature(stored.article.text)
        # An undated (or future-dated) article takes the newest time seen, as in the clusterer.
        when = plausible_time(stored.article.published, plausible_limit()) or self._dedup_clock
        self._store.save_signature(stored.id, NearDuplicateIndex.to_bytes(signature), when)
        original_id = self._dedup.find(signature)
        original = self._store.get_article(original_id) if original_id is not None else None
        if original is not None and original.story_id is not None:
            canonical_id = original.canonical_id or original.id
            self._store.mark_duplicate(stored.id, canonical_id)
            story_id = self._store.resolve_story(original.story_id)
            self._store.assign_story(stored.id, story_id)
            report.reprints += 1
            return story_id

        self._remember(stored.id, signature, when)
        if self._clusterer is None:
            story_id = self._single_story or 1
            self._store.ensure_story(story_id)
            self._store.assign_story(stored.id, story_id)
            return story_id
        assignment = self._clusterer.add(stored.article)
        for absorbed, into in assignment.merged:
            self._store.merge_stories(absorbed, into)
            report.stories_touched.discard(absorbed)
            report.stories_touched.add(into)
        if assignment.is_new:
            self._store.ensure_story(assignment.story_id)
            report.new_stories += 1
        self._store.assign_story(stored.id, assignment.story_id)
        return assignment.story_id


def _publication_key(stored: StoredArticle) -> tuple[bool, datetime, int]:
    """Publication order, undated last, then storage order: how the store lists articles."""
    published = stored.article.published
    return published is None, NO_DATE if published is None else as_utc(published), stored.id


def story_sources(store: Store, story_id: int) -> tuple[list[Article], dict[str, list[str]]]:
    """A story's articles to brief, one per original (its newest revision, see
    :class:`newsdesk.store.SourceGroup`), and the outlets of each one's copies by its key."""
    groups = source_groups(store.story_articles(story_id))
    reprints = {
        g.source.article.key: [m.article.outlet for m in g.copies] for g in groups if g.copies
    }
    return [g.source.article for g in groups], reprints


def brief_story(store: Store, story_id: int, max_words: int) -> Brief:
    """Summarise a stored story: canonical articles, with reprints counted as support."""
    articles, reprints = story_sources(store, story_id)
    return summarize(articles, max_words, reprints=reprints)


def attribute_story(
    store: Store, story_id: int, brief: Brief | None = None, ner: bool = True
) -> None:
    """Compute and store the story's quotes, entities, claims and timeline.

    ``brief`` (the story's brief) seeds the claims, so the brief's outlet counts are its claims'.
    ``ner=False``: the rule-based entity fallback instead of spaCy (``settings.attribution_ner``).
    """
    from newsdesk.attribute import attribute_articles

    articles, reprints = story_sources(store, story_id)
    if brief is None:
        brief = store.get_brief(story_id)
    attribution = attribute_articles(
        articles, reprints, brief, nlp=None if ner else False, persisted=store
    )
    store.save_attribution(story_id, attribution)


def brief_and_attribution(
    articles: Sequence[Article],
    reprints: Mapping[str, Sequence[str]],
    max_words: int,
    ner: bool = True,
    persisted: SpanStore | None = None,
) -> tuple[Brief, StoryAttribution]:
    """A story's brief and attribution from its sources (:func:`story_sources`): what a backfill
    worker computes. ``persisted`` (the store, where there is one) keeps NER spans across runs."""
    from newsdesk.attribute import attribute_articles

    brief = summarize(articles, max_words, reprints=reprints)
    nlp = None if ner else False
    attribution = attribute_articles(articles, reprints, brief, nlp=nlp, persisted=persisted)
    return brief, attribution


def store_articles(
    items: Iterable[Article | Rejection],
    store: Store,
    report: IngestReport,
    progress: ProgressCallback = no_progress,
) -> None:
    """Phase 1: commit every article read; count duplicates and keep rejections."""
    for item in items:
        progress("read", 1)
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        outcome = store.add_article(item)
        if outcome.status == "added":
            report.added += 1
        else:
            report.duplicates += 1


_SAVE_FREQUENCIES_EVERY = 1000  # placements; the unsaved counts take about 2 kB an article


def place_unassigned(
    store: Store,
    settings: Settings,
    report: IngestReport,
    progress: ProgressCallback = no_progress,
    single_story: int | None = None,
    embedder: Embedder | None = None,
    signatures: Mapping[str, bytes] | None = None,
    placer: Placer | None = None,
) -> None:
    """Phase 2: dedup and cluster, in publication order, every article without a story.

    ``signatures`` maps an article's content hash to its precomputed signature bytes, and
    ``embedder`` may hold precomputed vectors (see :class:`Placer`): both from backfill workers.
    ``placer`` is one kept from an earlier call on the same store: building one restores the
    whole clustering window (as costly as placing that many articles), which a long-running
    process ingesting small batches should pay once. Pass one only while this process is the
    store's sole writer; otherwise its state misses what others placed.
    """
    with store.placement_lock():
        # Read under the lock: another process may have placed these meanwhile.
        arrived = sorted(store.unassigned_articles(), key=lambda s: s.id)
        positions = publication_positions([s.article.published for s in arrived])
        pending = [arrived[i] for i in positions]
        if not pending:
            return
        if placer is None:
            placer = Placer(store, settings, single_story, embedder)
        try:
            for done, stored in enumerate(pending, 1):
                known = (signatures or {}).get(stored.article.content_hash)
                signature = None if known is None else NearDuplicateIndex.from_bytes(known)
                with store.transaction():
                    report.stories_touched.add(placer.place(stored, report, signature))
                progress("place", 1)
                if done % _SAVE_FREQUENCIES_EVERY == 0:
                    placer.save_frequencies()
        finally:
            placer.save_frequencies()


def rebuild_briefs(
    store: Store,
    story_ids: Iterable[int],
    max_words: int,
    progress: ProgressCallback = no_progress,
    ner: bool = True,
    processes: int = 1,
) -> None:
    """Brief and attribute ``story_ids`` and save both. With ``ner`` and ``processes`` > 1, the
    NER of many stories' articles runs as one batch on that many processes where forking is safe
    (:func:`newsdesk.attribute.nlp.fork_is_safe`), in groups the span cache can hold."""
    from newsdesk.attribute import warm_entities
    from newsdesk.attribute.nlp import CACHE_TEXTS, fork_is_safe

    processes = processes if ner and fork_is_safe() else 1
    group: list[tuple[int, list[Article], dict[str, list[str]]]] = []
    texts = 0

    def flush() -> None:
        if processes > 1:
            # One NER batch over the group's articles on several cores; each story then finds
            # its spans cached.
            everything = [a for _, articles, _ in group for a in articles]
            warm_entities(everything, processes=processes, persisted=store)
        for story_id, articles, reprints in group:
            brief, attribution = brief_and_attribution(articles, reprints, max_words, ner, store)
            store.save_brief(story_id, brief)
            store.save_attribution(story_id, attribution)
            progress("brief", 1)
        group.clear()

    for story_id in sorted(set(story_ids)):
        articles, reprints = story_sources(store, story_id)
        if group and texts + 2 * len(articles) > CACHE_TEXTS:
            flush()
            texts = 0
        group.append((story_id, articles, reprints))
        texts += 2 * len(articles)  # a body and a headline each
    flush()


def finish_briefs(
    store: Store,
    settings: Settings,
    report: IngestReport,
    progress: ProgressCallback = no_progress,
) -> None:
    """Phase 3: rebuild the briefs of the stories this run touched, and of any story whose brief
    a crashed earlier run left older than its newest article."""
    rebuild_briefs(
        store,
        stories_to_brief(store, report),
        settings.brief_max_words,
        progress,
        ner=settings.attribution_ner,
        processes=settings.attribution_processes,
    )


def stories_to_brief(store: Store, report: IngestReport) -> list[int]:
    """The stories this run touched, and any whose brief a crashed run left stale."""
    return sorted(report.stories_touched | set(store.stories_with_stale_briefs()))


def ingest_records(
    items: Iterable[Article | Rejection],
    store: Store,
    settings: Settings,
    progress: ProgressCallback = no_progress,
    placer: Placer | None = None,
) -> IngestReport:
    """Store, deduplicate, cluster and brief already-read records (all three phases).

    ``placer``: see :func:`place_unassigned`."""
    report = IngestReport()
    store_articles(items, store, report, progress)
    place_unassigned(store, settings, report, progress, placer=placer)
    finish_briefs(store, settings, report, progress)
    return report


def ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    progress: ProgressCallback = no_progress,
) -> IngestReport:
    """Read, store, deduplicate, cluster and brief everything in ``inputs``."""
    report = ingest_records(read_sources(inputs, settings), store, settings, progress)
    log.info(
        "ingest finished",
        extra={
            "added": report.added,
            "duplicates": report.duplicates,
            "reprints": report.reprints,
            "rejected": len(report.rejected),
            "stories_touched": len(report.stories_touched),
        },
    )
    return report


@contextmanager
def scratch_store() -> Iterator[Store]:
    """A throw-away SQLite store for the store-free commands (same code path as live ingest)."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-") as folder:
        store = open_store(str(Path(folder) / "scratch.db"))
        try:
            yield store
        finally:
            store.close()


def _store_keeping_ids(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    report: IngestReport,
    progress: ProgressCallback,
) -> list[tuple[str, int]]:
    """Phase 1 for the store-free commands, remembering each input article's stored id."""
    keyed: list[tuple[str, int]] = []
    for item in read_sources(inputs, settings):
        progress("read", 1)
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        # For a duplicate, article_id is the already stored copy.
        keyed.append((item.key, store.add_article(item).article_id))
    return keyed


def cluster_inputs(
    inputs: Sequence[str], settings: Settings, progress: ProgressCallback = no_progress
) -> tuple[list[tuple[str, int]], list[Rejection]]:
    """Cluster the articles in ``inputs`` as live ingest would; returns (key, story) pairs."""
    report = IngestReport()
    with scratch_store() as store:
        keyed = _store_keeping_ids(inputs, store, settings, report, progress)
        place_unassigned(store, settings, report, progress)
        assignments = []
        for key, article_id in keyed:
            stored = store.get_article(article_id)
            assert stored is not None and stored.story_id is not None
            assignments.append((key, store.resolve_story(stored.story_id)))
    return assignments, report.rejected


ONE_STORY = 1
"""The story id :func:`store_as_one_story` gives every article."""


def store_as_one_story(
    items: Iterable[Article | Rejection], store: Store, settings: Settings
) -> list[Rejection]:
    """Store all articles read as story :data:`ONE_STORY` (``newsdesk brief PATH``), reprints
    folded under their originals as in live ingest; returns the rejected records."""
    report = IngestReport()
    store_articles(items, store, report)
    place_unassigned(store, settings, report, single_story=ONE_STORY)
    return report.rejected
