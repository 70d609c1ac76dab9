"""Incremental story clustering: each article, in publication order, joins a story or opens one.

An article is compared with every story active within ``settings.cluster_window_hours`` of it:
the score is the average link (mean over the story's articles) of a weighted mix of dense
title+lead embedding cosines, TF-IDF term cosines and entity-term cosines (capitalised words,
numbers), optionally damped by the time gap. Document frequencies count every article seen, not
only the window's: a short window alone makes a topic's common words look rare.

The best story scoring at or above ``settings.cluster_threshold``, and at or above
``settings.cluster_cohesion`` times the story's cohesion (the mean score between its own articles;
that relative bar is capped at ``settings.cluster_threshold_cap``), takes the article; otherwise it
opens a new story. The relative bar keeps a tight story (one death, one match) from absorbing an
article about a similar event that shares its topic words but is less alike than its members
(Fred LaRue's death and Mark Felt's: both Watergate figures). After a story grows, a story that
has become as similar to it as ``cluster_merge_threshold`` is merged into the older of the two,
and the merge is reported so stored assignments can follow.

An undated article has no place in time: it is scored against the active stories and against an
archive of the last ``cluster_archive_stories`` stories that left the window (joining one needs
``cluster_undated_threshold``), and then takes the time of the story it joins. So does an
article dated later than tomorrow (:func:`newsdesk.models.plausible_time`): a feed's typo'd year
would otherwise move the window past every active story at once.

:meth:`StoryClusterer.restore` on stored assignments, in publication order, rebuilds the
active stories and, from the stories that left the window among them, the archive;
:meth:`StoryClusterer.load_frequencies` restores the document frequencies of every article placed
before (the store keeps them: :meth:`StoryClusterer.take_new_frequencies`). Which assignments a
restart replays is the caller's choice (:class:`newsdesk.pipeline.Placer`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from newsdesk.config import Settings
from newsdesk.embed import Embedder, load_embedder
from newsdesk.models import NO_DATE, Article, TermCounts, plausible_limit, plausible_time
from newsdesk.text import ENGLISH_STOPWORDS, split_paragraphs, split_sentences, words

Vector = npt.NDArray[np.float32]

# Words too common in news to tell stories apart, on top of the usual English stop words.
_STOP_WORDS = ENGLISH_STOPWORDS | frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "year",
        "years",
        "mr",
        "mrs",
        "ms",
        "percent",
        "people",
        "time",
        "like",
        "just",
        "according",
        "new",
    ]
)
_LEAD_CHARS = 600
_TITLE_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: its story, whether it opened that story, and merges it caused."""

    story_id: int
    is_new: bool
    merged: list[tuple[int, int]] = field(default_factory=list)


Sparse = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


@dataclass(slots=True)
class _Item:
    key: str
    digest: str
    time: datetime | None
    dense: Vector
    terms: Sparse
    ents: Sparse
    story: int = -1


@dataclass(slots=True)
class _Story:
    id: int
    slot: int
    members: set[int] = field(default_factory=set)
    terms: dict[int, float] = field(default_factory=dict)  # sum of members' term weights
    ents: dict[int, float] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None
    _vectors: tuple[Sparse, Sparse] | None = None
    # Members with a non-empty dense / term / entity vector: each adds 1 to its channel's |sum|^2.
    nonempty: list[int] = field(default_factory=lambda: [0, 0, 0])

    def add(self, terms: Sparse, ents: Sparse, sign: float) -> None:
        _add_weights(self.terms, terms, sign)
        _add_weights(self.ents, ents, sign)
        self._vectors = None

    def _cached(self) -> tuple[Sparse, Sparse]:
        if self._vectors is None:
            self._vectors = (_to_sparse(self.terms), _to_sparse(self.ents))
        return self._vectors

    def term_vector(self) -> Sparse:
        return self._cached()[0]

    def entity_vector(self) -> Sparse:
        return self._cached()[1]


@dataclass(slots=True)
class _Archived:
    """What a story's articles that left the window add up to: for undated articles only."""

    dense: Vector
    terms: dict[int, float] = field(default_factory=dict)
    ents: dict[int, float] = field(default_factory=dict)
    size: int = 0
    last: datetime | None = None


def lead_text(article: Article) -> str:
    """Title plus the opening of the text: what an article is about, for the dense embedding."""
    lead = " ".join(split_paragraphs(article.text[: _LEAD_CHARS * 2]))[:_LEAD_CHARS]
    return f"{article.title}. {lead}" if article.title else lead


def content_terms(article: Article) -> Counter[str]:
    """Content-word counts of title (weighted) and text, stop words and short tokens dropped."""
    counts: Counter[str] = Counter()
    for word in words(article.text):
        if len(word) > 2 and word not in _STOP_WORDS:
            counts[word] += 1
    for word in words(article.title):
        if len(word) > 2 and word not in _STOP_WORDS:
            counts[word] += _TITLE_WEIGHT
    return counts


_CAPITALISED = re.compile(r"[A-Z][A-Za-z'’.-]*[A-Za-z]|[A-Z]")
_POSSESSIVE = re.compile(r"['’]s$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def entity_terms(article: Article) -> Counter[str]:
    """Cheap named-entity proxy: capitalised words not opening a sentence, and numbers.

    Names, places, organisations, magnitudes and years are what tell two similar events apart
    (two earthquakes share every common word but not the place, the magnitude or the date).
    """
    counts: Counter[str] = Counter()
    for text in (article.title, article.text):
        opens_with_name = False
        for sentence in split_sentences(text):
            tokens = sentence.split()
            for position, token in enumerate(tokens):
                inside = position > 0 or opens_with_name
                token = token.strip("\"“”‘’'()[],;:!?")
                if not token:
                    continue
                if _NUMBER.fullmatch(token.rstrip(".")):
                    if len(token) > 1 or inside:
                        counts["#" + token.rstrip(".")] += 1
                    continue
                if inside and _CAPITALISED.fullmatch(token):
                    word = _POSSESSIVE.sub("", token.rstrip(".")).lower()
                    if word not in _STOP_WORDS:
                        counts["@" + word] += 1
            # Tokenised text spaces a closing quotation mark from its sentence ("quickly . ''"):
            # the sentence after it mostly opens with the speaker's name ("McAfee said ...").
            opens_with_name = sentence.endswith((" ''", " ”"))
    return counts


class _TermSpace:
    """Term ids, document frequencies, and IDF-weighted cosines of sparse vectors.

    Document frequencies are cumulative: every article ever added counts, including those that
    have left the window (see the module doc). IDF is computed from them at scoring time; term
    weights are stored raw and weighted when compared.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []  # by id
        self.df = np.zeros(1024, dtype=np.float64)
        self.documents = 0
        self._unsaved: list[npt.NDArray[np.int64]] = []  # ids counted since take_unsaved
        self._scratch = np.zeros(1024, dtype=np.float64)
        self._version = 0
        self._idf_of = -1
        self._idf = np.zeros(0, dtype=np.float64)

    def encode(self, weights: dict[str, float]) -> Sparse:
        ids = np.fromiter((self._id(t) for t in weights), dtype=np.int64, count=len(weights))
        values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        return ids, values

    def ids_of(self, terms: Iterable[str]) -> npt.NDArray[np.int64]:
        return np.array(sorted(self._id(t) for t in terms), dtype=np.int64)

    def _id(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.ids)
            self.terms.append(term)
            if found >= len(self.df):
                self.df = np.concatenate([self.df, np.zeros_like(self.df)])
                self._scratch = np.zeros_like(self.df)
                self._version += 1
        return found

    def count(self, ids: npt.NDArray[np.int64]) -> None:
        """Count one more document, holding the terms ``ids``."""
        self.df[ids] += 1
        self.documents += 1
        self._unsaved.append(ids)
        self._version += 1

    def load(self, counts: TermCounts) -> None:
        """Add counts kept from earlier runs (not reported again by :meth:`take_unsaved`)."""
        ids = np.fromiter((self._id(t) for t in counts.terms), dtype=np.int64)
        self.df[ids] += np.fromiter(counts.terms.values(), dtype=np.float64, count=len(ids))
        self.documents += counts.articles
        self._version += 1

    def take_unsaved(self) -> TermCounts:
        """The counts added since the last call."""
        if not self._unsaved:
            return TermCounts({}, 0)
        ids, articles = np.unique(np.concatenate(self._unsaved), return_counts=True)
        taken = TermCounts(
            {self.terms[i]: int(n) for i, n in zip(ids.tolist(), articles.tolist(), strict=True)},
            len(self._unsaved),
        )
        self._unsaved.clear()
        return taken

    def idf(self, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        if self._idf_of != self._version:
            # One vectorised pass per change of the window beats recomputing per comparison.
            self._idf = np.log((self.documents + 1) / (self.df + 1)) + 1.0
            self._idf_of = self._version
        result: npt.NDArray[np.float64] = self._idf[ids]
        return result

    def unit(self, vector: Sparse) -> Sparse:
        """``vector`` scaled to unit length under the current IDF weighting."""
        ids, values = vector
        norm = float(np.linalg.norm(values * self.idf(ids)))
        return ids, values / norm if norm else values

    def dot(self, query: Sparse, other: Sparse) -> float:
        """IDF-weighted dot product; for sums of unit vectors, the sum of pairwise cosines."""
        q_ids, q_values = query
        o_ids, o_values = other
        if not len(q_ids) or not len(o_ids):
            return 0.0
        scratch = self._scratch
        scratch[q_ids] = q_values * self.idf(q_ids)
        dot = float(scratch[o_ids] @ (o_values * self.idf(o_ids)))
        scratch[q_ids] = 0.0
        return dot


class StoryClusterer:
    """Assigns articles to stories one at a time, in publication order (see the module doc)."""

    def __init__(
        self, settings: Settings, embedder: Embedder | None = None, next_story_id: int = 1
    ) -> None:
        self.settings = settings
        self.embedder = embedder if embedder is not None else load_embedder(settings.embedder)
        self.next_story_id = next_story_id
        self.window = timedelta(hours=settings.cluster_window_hours)
        self.threshold = settings.cluster_threshold
        self.cohesion_factor = settings.cluster_cohesion
        self.threshold_cap = settings.cluster_threshold_cap
        self.merge_threshold = settings.cluster_merge_threshold
        self.undated_threshold = settings.cluster_undated_threshold
        total = settings.cluster_dense_weight + settings.cluster_term_weight
        total += settings.cluster_entity_weight
        self.weights = (
            settings.cluster_dense_weight / total,
            settings.cluster_term_weight / total,
            settings.cluster_entity_weight / total,
        )
        self.candidates = settings.cluster_candidates
        self.half_life_hours = settings.cluster_half_life_hours
        self.merges: list[tuple[int, int]] = []
        self._items: dict[int, _Item] = {}
        self._order: deque[int] = deque()
        self._next_item = 0
        self._stories: dict[int, _Story] = {}
        self._by_hash: dict[str, int] = {}
        self._space = _TermSpace()
        self._clock: datetime | None = None
        self._centroids = np.zeros((64, self.embedder.dim), dtype=np.float32)  # member sums
        self._slot_story = np.full(64, -1, dtype=np.int64)
        self._slot_size = np.zeros(64, dtype=np.int64)
        self._free_slots: list[int] = list(range(63, -1, -1))
        self.archive_size = settings.cluster_archive_stories
        self._archive: OrderedDict[int, _Archived] = OrderedDict()
        self._archive_matrix: tuple[npt.NDArray[np.int64], Vector, Vector] | None = None

    # -- public API -------------------------------------------------------------------------

    def add(self, article: Article) -> Assignment:
        """Assign one article (the next in publication order) to a story."""
        return self._add_batch([article], [None])[0]

    def add_many(self, articles: Sequence[Article]) -> list[Assignment]:
        """Like :meth:`add` on each article in turn, embedding them in one batch."""
        return self._add_batch(articles, [None] * len(articles))

    def restore(self, items: Iterable[tuple[Article, int]], counted: bool = False) -> None:
        """Warm the state from stored assignments: articles in publication order, their stories.

        ``counted``: the articles' terms are already in the frequencies loaded before.
        """
        pairs = list(items)
        for start in range(0, len(pairs), 256):
            chunk = pairs[start : start + 256]
            self._add_batch([a for a, _ in chunk], [s for _, s in chunk], count=not counted)
        if pairs:
            self.next_story_id = max(self.next_story_id, max(s for _, s in pairs) + 1)

    def load_frequencies(self, counts: TermCounts) -> None:
        """Start from the document frequencies of the articles placed before a restart."""
        self._space.load(counts)

    def count_frequencies(self, articles: Iterable[Article]) -> None:
        """Count articles placed earlier without placing them (a store that kept no counts)."""
        for article in articles:
            terms = content_terms(article).keys() | entity_terms(article).keys()
            self._space.count(self._space.ids_of(terms))

    def take_new_frequencies(self) -> TermCounts:
        """The document frequencies counted since the last call, for the store to add up."""
        return self._space.take_unsaved()

    @property
    def active_stories(self) -> int:
        return len(self._stories)

    @property
    def active_articles(self) -> int:
        return len(self._items)

    # -- internals --------------------------------------------------------------------------

    def _add_batch(
        self, articles: Sequence[Article], known: Sequence[int | None], count: bool = True
    ) -> list[Assignment]:
        if not articles:
            return []
        dense = self.embedder.embed([lead_text(a) for a in articles])
        results: list[Assignment] = []
        limit = plausible_limit()
        for row, (article, story_id) in enumerate(zip(articles, known, strict=True)):
            time = plausible_time(article.published, limit)
            self._advance_clock(time)
            item = _Item(
                article.key,
                article.content_hash,
                time,
                dense[row],
                self._space.unit(self._space.encode(_sublinear(content_terms(article)))),
                self._space.unit(self._space.encode(_sublinear(entity_terms(article)))),
            )
            if story_id is None:
                results.append(self._assign(item))
            else:
                self._insert(item, story_id, count)
                results.append(Assignment(story_id, False))
        return results

    def _advance_clock(self, time: datetime | None) -> None:
        if time is None or (self._clock is not None and time <= self._clock):
            return
        self._clock = time
        cutoff = time - self.window
        while self._order:
            index = self._order[0]
            item = self._items.get(index)
            if item is not None and item.time is not None and item.time >= cutoff:
                break
            self._order.popleft()
            if item is not None:
                self._evict(index)

    def _assign(self, item: _Item) -> Assignment:
        copy_of = self._by_hash.get(item.digest)
        if copy_of is not None and copy_of in self._items:
            story_id = self._items[copy_of].story
            self._insert(item, story_id)
            return Assignment(story_id, False)
        best_id, best_score = self._best_story(item)
        if best_id is None or best_score < self.threshold:
            story_id = self.next_story_id
            self.next_story_id += 1
            self._insert(item, story_id)
            return Assignment(story_id, True)
        index = self._insert(item, best_id)
        merged = self._merge_similar(best_id)
        return Assignment(self._items[index].story, False, merged)

    def _score(self, dense: float, terms: Sparse, ents: Sparse, size: int, story: _Story) -> float:
        """Average link: the mean similarity between the ``size`` articles summed in ``dense``
        (a dot product of embedding sums), ``terms`` and ``ents``, and the story's articles."""
        return self._score_parts(
            dense,
            self._space.dot(terms, story.term_vector()),
            self._space.dot(ents, story.entity_vector()),
            size * len(story.members),
        )

    def _score_parts(self, dense: float, terms: float, ents: float, pairs: int) -> float:
        w_dense, w_terms, w_ents = self.weights
        return (w_dense * dense + w_terms * terms + w_ents * ents) / pairs

    def _cohesion(self, story: _Story) -> float:
        """Mean score over pairs of the story's articles (0 for a single article).

        For a sum of unit vectors, |sum|^2 = n + 2 * (sum of pairwise cosines), per channel, where
        n counts the members whose vector in that channel is not empty (an empty one adds 0).
        Member term vectors were unit length under the IDF of their arrival, so this is close, not
        exact; it is computed afresh because document frequencies move with every article (a
        cached value went stale enough to cost 0.01 F1 on the synthetic streams).
        """
        size = len(story.members)
        if size < 2:
            return 0.0
        centroid = self._centroids[story.slot]
        terms, ents = story.term_vector(), story.entity_vector()
        dense_count, term_count, entity_count = story.nonempty
        return self._score_parts(
            float(centroid @ centroid) - dense_count,
            self._space.dot(terms, terms) - term_count,
            self._space.dot(ents, ents) - entity_count,
            size * (size - 1),
        )

    def _decay(self, time: datetime | None, story: _Story) -> float:
        if time is None or story.last is None or story.first is None or not self.half_life_hours:
            return 1.0
        if story.first <= time <= story.last:
            return 1.0
        gap = min(abs(time - story.last), abs(time - story.first)).total_seconds() / 3600.0
        return float(0.5 ** (gap / self.half_life_hours))

    def _in_window(self, time: datetime | None, story: _Story) -> bool:
        if time is None or story.first is None or story.last is None:
            return True
        return story.first - self.window <= time <= story.last + self.window

    def _nearest(
        self, vector: Vector, exclude: int | None = None, limit: int | None = None
    ) -> list[tuple[_Story, float]]:
        """The stories whose articles' embeddings are closest to ``vector`` on average, each with
        the dot product of ``vector`` and the sum of its articles' embeddings."""
        sums = self._centroids @ vector
        sizes = self._slot_size.astype(np.float32)
        means = np.where(sizes > 0, sums / np.maximum(sizes, 1), -np.inf)
        k = min(limit or self.candidates, len(means))
        top = np.argpartition(-means, k - 1)[:k] if k < len(means) else np.arange(len(means))
        found: list[tuple[_Story, float]] = []
        for slot in top:
            story_id = int(self._slot_story[slot])
            if story_id >= 0 and story_id != exclude:
                found.append((self._stories[story_id], float(sums[slot])))
        return found

    def _best_story(self, item: _Item) -> tuple[int | None, float]:
        best_id: int | None = None
        best = -1.0
        for story, dense in self._nearest(item.dense):
            if not self._in_window(item.time, story):
                continue
            score = self._score(dense, item.terms, item.ents, 1, story)
            score *= self._decay(item.time, story)
            if score <= best or score < self.threshold:
                continue
            # Capped, so that two near-copies opening a story do not lock out the next outlet's
            # rewrite of the same event.
            if score >= min(self.threshold_cap, self.cohesion_factor * self._cohesion(story)):
                best_id, best = story.id, score
        if item.time is None:
            archived_id, archived_score = self._best_archived(item)
            # An archived story is not near in time: by default it must be as close as a merge.
            if archived_score >= self.undated_threshold and archived_score > best:
                best_id, best = archived_id, archived_score
        return best_id, best

    def _merge_similar(self, story_id: int) -> list[tuple[int, int]]:
        """Merge stories that the growth of ``story_id`` has made indistinguishable from it."""
        merged: list[tuple[int, int]] = []
        while True:
            story = self._stories[story_id]
            target: _Story | None = None
            best = self.merge_threshold
            size = len(story.members)
            for other, dense in self._nearest(self._centroids[story.slot] / size, story_id, 8):
                if not (self._in_window(story.first, other) or self._in_window(story.last, other)):
                    continue
                dense *= size
                terms, ents = story.term_vector(), story.entity_vector()
                score = self._score(dense, terms, ents, size, other)
                if score >= best:
                    target, best = other, score
            if target is None:
                return merged
            into, absorbed = sorted((story, target), key=lambda s: s.id)
            self._absorb(absorbed, into)
            merged.append((absorbed.id, into.id))
            self.merges.append((absorbed.id, into.id))
            story_id = into.id

    def _absorb(self, absorbed: _Story, into: _Story) -> None:
        for index in absorbed.members:
            self._items[index].story = into.id
        into.members |= absorbed.members
        into.nonempty = [a + b for a, b in zip(into.nonempty, absorbed.nonempty, strict=True)]
        self._slot_size[into.slot] = len(into.members)
        into.add(absorbed.term_vector(), absorbed.entity_vector(), 1.0)
        self._centroids[into.slot] += self._centroids[absorbed.slot]
        into.first = _min_time(into.first, absorbed.first)
        into.last = _max_time(into.last, absorbed.last)
        self._release(absorbed)
        gone = self._archive.pop(absorbed.id, None)
        if gone is not None:
            kept = self._archive.get(into.id)
            if kept is None:
                self._archive[into.id] = gone
            else:
                kept.dense += gone.dense
                _add_weights(kept.terms, _to_sparse(gone.terms), 1.0)
                _add_weights(kept.ents, _to_sparse(gone.ents), 1.0)
                kept.size += gone.size
                kept.last = _max_time(kept.last, gone.last)
            self._archive_matrix = None

    def _new_slot(self) -> int:
        if not self._free_slots:
            size = len(self._slot_story)
            self._centroids = np.vstack([self._centroids, np.zeros_like(self._centroids)])
            self._slot_story = np.concatenate([self._slot_story, np.full(size, -1, np.int64)])
            self._slot_size = np.concatenate([self._slot_size, np.zeros(size, np.int64)])
            self._free_slots = list(range(2 * size - 1, size - 1, -1))
        return self._free_slots.pop()

    def _release(self, story: _Story) -> None:
        self._centroids[story.slot] = 0.0
        self._slot_story[story.slot] = -1
        self._slot_size[story.slot] = 0
        self._free_slots.append(story.slot)
        del self._stories[story.id]

    def _insert(self, item: _Item, story_id: int, count: bool = True) -> int:
        if item.time is None:
            # An undated article takes the time of the story it joins (its nearest neighbours),
            # else the latest time seen: it then ages out of the window with them.
            active = self._stories.get(story_id)
            archived = self._archive.get(story_id)
            item.time = _max_time(
                active.last if active is not None else None,
                archived.last if archived is not None else None,
            )
            if item.time is None:
                item.time = self._clock
        index = self._next_item
        self._next_item += 1
        item.story = story_id
        self._items[index] = item
        self._order.append(index)
        self._by_hash[item.digest] = index
        if count:
            self._space.count(np.union1d(item.terms[0], item.ents[0]))
        story = self._stories.get(story_id)
        if story is None:
            story = _Story(story_id, self._new_slot())
            self._slot_story[story.slot] = story_id
            self._stories[story_id] = story
        story.members.add(index)
        self._slot_size[story.slot] = len(story.members)
        story.add(item.terms, item.ents, 1.0)
        _count_nonempty(story, item, 1)
        self._centroids[story.slot] += item.dense
        story.first = _min_time(story.first, item.time)
        story.last = _max_time(story.last, item.time)
        return index

    def _evict(self, index: int) -> None:
        item = self._items.pop(index)
        if self._by_hash.get(item.digest) == index:
            del self._by_hash[item.digest]
        self._archive_item(item)
        story = self._stories.get(item.story)
        if story is None:
            return
        story.members.discard(index)
        self._slot_size[story.slot] = len(story.members)
        if not story.members:
            self._release(story)
            return
        story.add(item.terms, item.ents, -1.0)
        _count_nonempty(story, item, -1)
        self._centroids[story.slot] -= item.dense
        known = [t for t in (self._items[i].time for i in story.members) if t is not None]
        story.first = min(known) if known else None
        story.last = max(known) if known else None

    def _archive_item(self, item: _Item) -> None:
        if not self.archive_size:
            return
        archived = self._archive.get(item.story)
        if archived is None:
            archived = self._archive[item.story] = _Archived(np.zeros_like(item.dense))
            while len(self._archive) > self.archive_size:
                self._archive.popitem(last=False)
        else:
            self._archive.move_to_end(item.story)
        archived.dense += item.dense
        _add_weights(archived.terms, item.terms, 1.0)
        _add_weights(archived.ents, item.ents, 1.0)
        archived.size += 1
        archived.last = _max_time(archived.last, item.time)
        self._archive_matrix = None

    def _best_archived(self, item: _Item) -> tuple[int | None, float]:
        """The archived story an undated article matches best, and its score."""
        if not self._archive:
            return None, -1.0
        if self._archive_matrix is None:
            ids = list(self._archive)
            self._archive_matrix = (
                np.array(ids, dtype=np.int64),
                np.stack([self._archive[i].dense for i in ids]),
                np.array([self._archive[i].size for i in ids], dtype=np.float32),
            )
        ids_array, matrix, sizes = self._archive_matrix
        sums = matrix @ item.dense
        k = min(self.candidates, len(sums))
        top = np.argpartition(-(sums / sizes), k - 1)[:k]
        best_id: int | None = None
        best = -1.0
        for slot in top:
            story_id = int(ids_array[slot])
            archived = self._archive[story_id]
            score = self._score_parts(
                float(sums[slot]),
                self._space.dot(item.terms, _to_sparse(archived.terms)),
                self._space.dot(item.ents, _to_sparse(archived.ents)),
                archived.size,
            )
            if score > best:
                best_id, best = story_id, score
        return best_id, best


def _count_nonempty(story: _Story, item: _Item, sign: int) -> None:
    flags = (bool(np.any(item.dense)), len(item.terms[0]) > 0, len(item.ents[0]) > 0)
    for channel, present in enumerate(flags):
        story.nonempty[channel] += sign * present


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    return {term: 1.0 + math.log(count) for term, count in counts.items()}


def _add_weights(total: dict[int, float], part: Sparse, sign: float) -> None:
    for term, weight in zip(part[0].tolist(), part[1].tolist(), strict=True):
        value = total.get(term, 0.0) + sign * weight
        if value > 1e-9:
            total[term] = value
        else:
            total.pop(term, None)


def _to_sparse(weights: dict[int, float]) -> Sparse:
    ids = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
    values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
    return ids, values


def _min_time(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def _max_time(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def publication_positions(times: Sequence[datetime | None]) -> list[int]:
    """Indices of items given in arrival order, sorted into publication order: by date, and an
    undated item keeps its place after the item that arrived before it (its arrival is its
    best-known time; sorting undated items last would reach them after their story left the
    window). A date :func:`~newsdesk.models.plausible_time` rejects counts as none."""
    keyed: list[tuple[datetime, int]] = []
    last = NO_DATE
    limit = plausible_limit()
    for position, when in enumerate(times):
        moment = plausible_time(when, limit)
        if moment is not None:
            last = moment
        keyed.append((last, position))
    keyed.sort()
    return [position for _, position in keyed]


def publication_order(articles: Sequence[Article]) -> list[Article]:
    """Articles sorted by date; an undated article keeps its place after the one before it."""
    return [articles[i] for i in publication_positions([a.published for a in articles])]


def cluster_articles(
    articles: Sequence[Article], settings: Settings, embedder: Embedder | None = None
) -> dict[str, int]:
    """Cluster a batch through the incremental path; returns article key -> final story id."""
    clusterer = StoryClusterer(settings, embedder)
    ordered = publication_order(articles)
    assigned: dict[str, int] = {}
    for start in range(0, len(ordered), 256):
        chunk = ordered[start : start + 256]
        for article, assignment in zip(chunk, clusterer.add_many(chunk), strict=True):
            assigned[article.key] = assignment.story_id
    final = dict(clusterer.merges)

    def resolve(story: int) -> int:
        while story in final:
            story = final[story]
        return story

    return {key: resolve(story) for key, story in assigned.items()}
