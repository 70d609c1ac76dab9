"""The store's public types and the SQL shared by every backend.

A backend (SQLite, PostgreSQL) supplies a connection, its transaction statements, its error
translation and its full-text search; everything else is written once here in SQL both accept.
Statements use ``?`` placeholders; a backend whose driver wants another style rewrites them.
"""

from __future__ import annotations

import dataclasses
import html
import json
import sqlite3
import threading
import types
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal, Self, Union, get_args, get_origin, get_type_hints
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsdesk.models import (
    NO_DATE,
    Article,
    Brief,
    Provenance,
    StoryAttribution,
    TermCounts,
    plausible_limit,
    plausible_time,
)
from newsdesk.text import split_sentences_with_paragraphs, words

MAX_ID = 2**63 - 1
"""The largest story or article id a store can hold: SQLite's INTEGER and PostgreSQL's BIGINT
are signed 64-bit. The web app and the CLI refuse a larger id up front (a 400/422 or a usage
error), since the database drivers would raise OverflowError on it; any id up to this one is
simply looked up, and not found if absent."""

SCHEMA_VERSION = 7
"""The newest schema version this code knows; migrations 0001..SCHEMA_VERSION exist."""

MARK_START = "<mark>"
MARK_END = "</mark>"

_PAGE = 500


class StoreError(RuntimeError):
    """A store problem the user can act on; the message is one line saying what to do."""


@dataclass(frozen=True, slots=True)
class AddOutcome:
    article_id: int
    status: Literal["added", "duplicate"]
    existing_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    article: Article
    canonical_id: int | None
    story_id: int | None
    ingested_at: datetime


TRIMMED_REVISION = 0.8
"""A revision shorter than this fraction of its longest version is a trimmed re-run."""


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """An original article and its copies among one story's members.

    ``source`` is the version to read and cite: the original, or its newest revision (a later copy
    from the same outlet: a wire write-through, an expanded or corrected version, supersedes what
    it revises), unless that is a trimmed re-run (under :data:`TRIMMED_REVISION` of the longest
    version). ``copies`` are the group's other members: earlier versions and other outlets'
    reprints, which count as support of ``source``.
    """

    original: StoredArticle
    source: StoredArticle
    copies: list[StoredArticle]


def source_groups(members: Sequence[StoredArticle]) -> list[SourceGroup]:
    """The groups of ``members`` whose original is among them, in the originals' order."""
    by_id = {m.id: m for m in members}
    grouped: dict[int, list[StoredArticle]] = {}
    for member in members:
        root = member.id if member.canonical_id is None else member.canonical_id
        if root in by_id:
            grouped.setdefault(root, []).append(member)
    groups = []
    for root, group in grouped.items():
        source = _newest_revision(by_id[root], group)
        groups.append(SourceGroup(by_id[root], source, [m for m in group if m is not source]))
    return groups


def _newest_revision(original: StoredArticle, group: Sequence[StoredArticle]) -> StoredArticle:
    outlet = original.article.outlet
    versions = [m for m in group if m is original or (outlet and m.article.outlet == outlet)]
    longest = max(len(m.article.text) for m in versions)
    full = [m for m in versions if len(m.article.text) >= TRIMMED_REVISION * longest]
    limit = plausible_limit()
    return max(full, key=lambda m: (plausible_time(m.article.published, limit) or NO_DATE, m.id))


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as listed. ``headline`` is the one its brief chose (``Brief.headline``); before
    the story has such a brief, its earliest original's title, else its brief's first sentence."""

    id: int
    headline: str
    article_count: int
    outlets: list[str]
    first_published: datetime | None
    last_published: datetime | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result. ``snippet`` is plain text with matches between ``<mark>`` and ``</mark>``.

    The text around the markers is NOT escaped (it is the article's own text); render it with
    :meth:`snippet_html`, which escapes everything except the markers themselves.
    """

    kind: Literal["article", "brief"]
    id: int
    story_id: int | None
    title: str
    outlet: str | None
    published: datetime | None
    snippet: str
    score: float

    def snippet_html(self) -> str:
        return snippet_to_html(self.snippet)


def snippet_to_html(snippet: str) -> str:
    """Escape a snippet for HTML, turning only the exact match markers back into ``<mark>`` tags.

    A page whose text itself contains the literal string ``<mark>`` can at worst add a highlight;
    no other markup survives.
    """
    parts = []
    for piece in snippet.split(MARK_START):
        parts.append(MARK_END.join(html.escape(p) for p in piece.split(MARK_END)))
    return MARK_START.join(parts)


_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid"})


def normalise_url(url: str) -> str:
    """The URL identity used for deduplication.

    Scheme and host lower-cased, default port and fragment dropped, tracking parameters
    (``utm_*`` and the common click ids) removed, an empty path written as ``/``.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is not None and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{host}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in _TRACKING_PARAMS
    ]
    path = parts.path or ("/" if host else "")
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def sort_key(moment: datetime | None) -> str | None:
    """The instant as UTC text that sorts correctly; naive times are taken as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def load_migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of ``migrations/NNNN_*.<dialect>.sql``, in version order."""
    found = []
    for entry in resources.files("newsdesk.store").joinpath("migrations").iterdir():
        name = entry.name
        if name.endswith(f".{dialect}.sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"{dialect} migrations are not numbered 1..n: {versions}")
    return found


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements (trigger bodies kept whole)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def newer_schema_error(location: str, found: int) -> StoreError:
    return StoreError(
        f"{location}: store schema version {found} is newer than this newsdesk supports "
        f"({SCHEMA_VERSION}); upgrade newsdesk to open it"
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _parse_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _sort_time(value: str | None) -> datetime | None:
    """The instant a :func:`sort_key` names, in UTC."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


# --- JSON for briefs: dataclasses round-trip exactly, driven by their type hints. ---


def to_json_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    return value


def from_json_value(kind: Any, data: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in get_args(kind) if a is not type(None)]
        return from_json_value(options[0], data) if len(options) == 1 else data
    if origin is list:
        (item,) = get_args(kind)
        return [from_json_value(item, v) for v in data]
    if origin is dict:
        _, item = get_args(kind)
        return {k: from_json_value(item, v) for k, v in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        values = {
            f.name: from_json_value(hints[f.name], data[f.name])
            for f in dataclasses.fields(kind)
            if f.init and f.name in data
        }
        return kind(**values)
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data


# A story's name until its brief chooses one (Brief.headline): its earliest original's title.
_EARLIEST_TITLE = (
    "SELECT x.title FROM articles x WHERE x.story_id = {story} AND x.canonical_id IS NULL "
    "AND x.title <> '' ORDER BY x.published_sort IS NULL, x.published_sort, x.id LIMIT 1"
)

_ARTICLE_COLUMNS = (
    "id, key, url, title, text, outlet, published, language, author, provenance_source, "
    "provenance_record, canonical_id, story_id, ingested_at"
)


def _article_from_row(row: Sequence[Any]) -> StoredArticle:
    article = Article(
        key=row[1],
        url=row[2],
        title=row[3],
        text=row[4],
        outlet=row[5],
        published=_parse_time(row[6]),
        language=row[7],
        author=row[8],
        provenance=Provenance(row[9], row[10]),
    )
    ingested = _parse_time(row[13])
    assert ingested is not None
    return StoredArticle(row[0], article, row[11], row[12], ingested)


class Store(ABC):
    """Articles, their sentences, near-duplicate links, stories and briefs, with search.

    Every write method commits by itself unless called inside :meth:`transaction`. A Store may be
    shared between threads: calls are serialised on its one connection.
    """

    location: str
    # Appended to a SELECT that must lock the rows it reads until the transaction ends
    # (PostgreSQL; SQLite has one writer at a time and needs nothing).
    _FOR_UPDATE = ""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0

    # --- backend primitives ---

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; return the number of rows it changed."""

    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _commit(self) -> None:
        self._execute("COMMIT")

    @abstractmethod
    def _rollback(self) -> None: ...

    # --- full-text search: the dialect supplies these pieces, the query shape is shared ---

    _ARTICLE_RANK: str
    """SELECT id, score of every article matching the match text (one parameter), no ORDER BY:
    touches the full-text index only, so ranking never reads the articles table."""
    _ARTICLE_MATCH: str
    """FROM ... WHERE <match>, for articles aliased ``a``; one parameter: the match text."""
    _ARTICLE_SCORE: str
    _ARTICLE_SNIPPET: str
    _ARTICLE_ID: str
    """The matched article's id as the full-text index sees it (selects rows by id cheaply)."""
    _BRIEF_RANK: str
    _BRIEF_MATCH: str
    """Likewise for briefs aliased ``b``, joined to their stories aliased ``s``."""
    _BRIEF_SCORE: str
    _BRIEF_SNIPPET: str
    _BRIEF_ID: str

    SEARCH_CANDIDATES = 1000
    """With filters, the best this many matches are filtered first; only when fewer than a page
    pass does the search filter every match (results are the same either way)."""

    @staticmethod
    @abstractmethod
    def _match_text(terms: list[str]) -> str:
        """The backend's query text requiring every term (already tokenised by text.words)."""

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Full-text search over article titles and text and brief text, best match first.

        ``query`` is free text: its words must all occur (stemmed); operators are not parsed.
        ``outlet`` keeps articles from that outlet and briefs of stories it covered; ``since`` and
        ``until`` bound the article's (or the story's last) publication time, inclusive.
        Snippets mark matches with ``<mark>``/``</mark>`` (see :class:`SearchHit`).
        """
        terms = words(query)
        if not terms:
            return []
        match = self._match_text(terms)
        article_where: list[str] = []
        brief_where: list[str] = []
        article_params: list[Any] = []
        brief_params: list[Any] = []
        if outlet is not None:
            article_where.append("a.outlet = ?")
            article_params.append(outlet)
            # Not a correlated EXISTS: SQLite would walk the outlet's index for every brief.
            brief_where.append(
                "b.story_id IN (SELECT x.story_id FROM articles x WHERE x.outlet = ?)"
            )
            brief_params.append(outlet)
        for bound, operator in ((since, ">="), (until, "<=")):
            if bound is not None:
                article_where.append(f"a.published_sort {operator} ?")
                brief_where.append(f"s.last_sort <> '' AND s.last_sort {operator} ?")
                article_params.append(str(sort_key(bound)))
                brief_params.append(str(sort_key(bound)))
        wanted = offset + limit
        # Rank each kind, then make snippets only for the page: snippets are the costly part.
        # The best ``wanted`` of each kind hold the best ``wanted`` of both together.
        ranked: list[tuple[str, int, float]] = []
        details = {
            "article": f"SELECT a.id, a.story_id, a.title, a.outlet, a.published, "
            f"{self._ARTICLE_SNIPPET} FROM {self._ARTICLE_MATCH} "
            f"AND {self._ARTICLE_ID} IN ({{ids}})",
            "brief": f"SELECT b.story_id, b.story_id, COALESCE(NULLIF(b.headline, ''), "
            f"({_EARLIEST_TITLE.format(story='b.story_id')}), ''), NULL, "
            f"s.last_published, {self._BRIEF_SNIPPET} FROM {self._BRIEF_MATCH} "
            f"AND {self._BRIEF_ID} IN ({{ids}})",
        }
        found: dict[tuple[str, int], tuple[Any, ...]] = {}
        with self._lock:
            for kind, rank, full, join, where, params in (
                (
                    "article",
                    self._ARTICLE_RANK,
                    f"SELECT a.id, {self._ARTICLE_SCORE} FROM {self._ARTICLE_MATCH}",
                    "JOIN articles a ON a.id = r.id",
                    article_where,
                    article_params,
                ),
                (
                    "brief",
                    self._BRIEF_RANK,
                    f"SELECT b.story_id, {self._BRIEF_SCORE} FROM {self._BRIEF_MATCH}",
                    "JOIN briefs b ON b.story_id = r.id JOIN stories s ON s.id = b.story_id",
                    brief_where,
                    brief_params,
                ),
            ):
                best = self._best_matches(rank, full, join, where, match, params, wanted)
                ranked.extend((kind, item_id, score) for item_id, score in best)
            ranked.sort(key=lambda hit: (-hit[2], hit[0], hit[1]))
            ranked = ranked[offset:wanted]
            for kind, sql in details.items():
                ids = [i for k, i, _ in ranked if k == kind]
                if ids:
                    marks = ", ".join("?" for _ in ids)
                    for row in self._rows(sql.format(ids=marks), [match, *ids]):
                        found[(kind, int(row[0]))] = row[1:]
        hits = []
        for kind, item_id, score in ranked:
            story, title, hit_outlet, published, snippet = found[(kind, item_id)]
            hits.append(
                SearchHit(
                    kind="article" if kind == "article" else "brief",
                    id=item_id,
                    story_id=None if story is None else int(story),
                    title=str(title),
                    outlet=hit_outlet,
                    published=_parse_time(published),
                    snippet=str(snippet),
                    score=score,
                )
            )
        return hits

    def _best_matches(
        self,
        rank: str,
        full: str,
        join: str,
        where: list[str],
        match: str,
        params: list[Any],
        wanted: int,
    ) -> list[tuple[int, float]]:
        """The ``wanted`` best (id, score) matches passing ``where``, best first, ties by id."""
        order = "ORDER BY 2 DESC, 1 LIMIT ?"
        if not where:
            rows = self._rows(f"SELECT r.id, r.score FROM ({rank}) r {order}", [match, wanted])
            return [(int(i), float(score)) for i, score in rows]
        # bm25 must score every match anyway; filtering only the best candidates saves reading
        # every matching row (a common word matches a third of the store).
        cap = max(self.SEARCH_CANDIDATES, wanted)
        candidates = self._rows(
            f"SELECT r.id, r.score, CASE WHEN {' AND '.join(where)} THEN 1 ELSE 0 END "
            f"FROM (SELECT * FROM ({rank}) r0 ORDER BY 2 DESC, 1 LIMIT ?) r {join} "
            f"ORDER BY 2 DESC, 1",
            [*params, match, cap],
        )
        kept = [(int(i), float(score)) for i, score, keep in candidates if keep]
        if len(kept) >= wanted or len(candidates) < cap:
            return kept[:wanted]
        rows = self._rows(f"{full} AND {' AND '.join(where)} {order}", [match, *params, wanted])
        return [(int(i), float(score)) for i, score in rows]

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def placement_lock(self) -> AbstractContextManager[None]:
        """Held by whoever places articles into stories (dedup + clustering), across processes:
        story ids come from the placer's memory of the store, so two placers at once could give
        two stories one id, or place one article twice. Other writes need not wait for it."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions ---

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all of them are committed together at the end, or none on an error.

        Nested use makes a savepoint, so an error caught inside rolls back only the inner block.
        """
        with self._lock:
            if self._depth:
                name = f"sp{self._depth}"
                self._execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    self._execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self._execute(f"RELEASE SAVEPOINT {name}")
                    raise
                else:
                    self._execute(f"RELEASE SAVEPOINT {name}")
                finally:
                    self._depth -= 1
                return
            self._begin()
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self._commit()
            except BaseException:
                self._rollback()
                raise

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    # --- articles ---

    def add_article(self, article: Article) -> AddOutcome:
        """Store an article and its sentences, unless the same article is already stored.

        The same key from the same source, the same normalised URL or the same content hash
        counts as the same article: the outcome is then ``duplicate`` with the stored article's id,
        and nothing changes. A key already taken by a record of another source (two JSONL files
        that both number their records from 1) does not make a different article a duplicate:
        it is stored under ``"KEY @ SOURCE"``. Nor does a key that is only a place
        (``Article.place_key``: a file path, a line) taken by an article of other content: a file
        overwritten in place, or one of the same name read from another folder, holds a new
        article, stored under ``"KEY #HASH"`` (a prefix of its content hash).
        """
        url_norm = normalise_url(article.url) if article.url else None
        digest = article.content_hash
        with self.transaction():
            key = article.key
            owner = self._scalar("SELECT provenance_source FROM articles WHERE key = ?", (key,))
            if owner is not None and owner != article.provenance.source:
                key = f"{article.key} @ {article.provenance.source}"
            if article.place_key:
                held = self._scalar("SELECT content_hash FROM articles WHERE key = ?", (key,))
                if held is not None and held != digest:
                    key = f"{key} #{digest[:12]}"
            existing = self._find_existing(key, url_norm, digest)
            if existing is not None:
                return AddOutcome(existing, "duplicate", existing)
            inserted = self._rows(
                "INSERT INTO articles (key, url, url_norm, content_hash, title, text, outlet, "
                "published, published_sort, language, author, provenance_source, "
                "provenance_record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING RETURNING id",
                (
                    key,
                    article.url,
                    url_norm,
                    digest,
                    article.title,
                    article.text,
                    article.outlet,
                    None if article.published is None else article.published.isoformat(),
                    sort_key(article.published),
                    article.language,
                    article.author,
                    article.provenance.source,
                    article.provenance.record,
                    _now(),
                ),
            )
            if not inserted:  # another writer stored it between our check and our insert
                existing = self._find_existing(key, url_norm, digest)
                assert existing is not None
                return AddOutcome(existing, "duplicate", existing)
            article_id = int(inserted[0][0])
            self._execute_many(
                "INSERT INTO sentences (article_id, idx, paragraph, text) VALUES (?, ?, ?, ?)",
                [
                    (article_id, index, paragraph, sentence)
                    for index, (paragraph, sentence) in enumerate(
                        split_sentences_with_paragraphs(article.text)
                    )
                ],
            )
        return AddOutcome(article_id, "added", None)

    def _find_existing(self, key: str, url_norm: str | None, digest: str | None) -> int | None:
        found = self._scalar("SELECT id FROM articles WHERE key = ?", (key,))
        if found is None and url_norm is not None:
            found = self._scalar("SELECT id FROM articles WHERE url_norm = ?", (url_norm,))
        if found is None and digest is not None:
            found = self._scalar("SELECT id FROM articles WHERE content_hash = ?", (digest,))
        return None if found is None else int(found)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self._lock:
            rows = self._rows(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            )
        return _article_from_row(rows[0]) if rows else None

    def article_by_key(self, key: str) -> StoredArticle | None:
        with self._lock:
            rows = self._rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE key = ?", (key,))
        return _article_from_row(rows[0]) if rows else None

    def article_count(self) -> int:
        return int(self._scalar("SELECT COUNT(*) FROM articles"))

    def sentences(self, article_id: int) -> list[tuple[int, str]]:
        """The article's stored sentences as (paragraph, text), in order."""
        with self._lock:
            rows = self._rows(
                "SELECT paragraph, text FROM sentences WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        return [(int(p), str(t)) for p, t in rows]

    def iter_articles(
        self, since: datetime | None = None, story_id: int | None = None
    ) -> Iterator[StoredArticle]:
        """Articles in publication order (then id); undated articles come last (none with since).

        Rows are fetched in pages, so the caller may write to the store while iterating.
        """
        conditions: list[str] = []
        params: list[Any] = []
        if since is not None:
            conditions.append("published_sort >= ?")
            params.append(sort_key(since))
        if story_id is not None:
            conditions.append("story_id = ?")
            params.append(self.resolve_story(story_id))
        return self._iter_articles(conditions, params, undated=since is None)

    def unassigned_articles(self) -> Iterator[StoredArticle]:
        """Articles not yet in a story, in publication order (undated last)."""
        return self._iter_articles(["story_id IS NULL"], [], undated=True)

    def stories_with_stale_briefs(self) -> list[int]:
        """Live stories whose brief is missing or older than their newest article.

        After a crash between placing articles and rebuilding briefs, these are the briefs the
        next ingest must rebuild.
        """
        with self._lock:
            rows = self._rows(
                "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story_id = s.id "
                "WHERE s.merged_into IS NULL AND s.article_count > 0 AND (b.story_id IS NULL "
                "OR b.updated_at < "
                "(SELECT MAX(a.ingested_at) FROM articles a WHERE a.story_id = s.id)) "
                "ORDER BY s.id"
            )
        return [int(row[0]) for row in rows]

    def latest_published(
        self, until: datetime | None = None, *, placed: bool = False
    ) -> datetime | None:
        """The publication time of the most recently published article (of those published at
        or before ``until``, when given; of those placed into a story, when ``placed``)."""
        return _parse_time(
            self._scalar(
                "SELECT published FROM articles WHERE published_sort IS NOT NULL "
                + ("" if until is None else "AND published_sort <= ? ")
                + ("AND story_id IS NOT NULL " if placed else "")
                + "ORDER BY published_sort DESC, id DESC LIMIT 1",
                () if until is None else (sort_key(until),),
            )
        )

    def _iter_articles(
        self, conditions: list[str], params: list[Any], *, undated: bool
    ) -> Iterator[StoredArticle]:
        where = " AND ".join(["1 = 1", *conditions])
        # Dated articles keyset-paged on (published_sort, id), then undated ones by id.
        last: tuple[str, int] | None = None
        while True:
            page_where = where + " AND published_sort IS NOT NULL"
            page_params = list(params)
            if last is not None:
                page_where += " AND (published_sort > ? OR (published_sort = ? AND id > ?))"
                page_params += [last[0], last[0], last[1]]
            with self._lock:
                rows = self._rows(
                    f"SELECT {_ARTICLE_COLUMNS}, published_sort FROM articles WHERE {page_where} "
                    f"ORDER BY published_sort, id LIMIT {_PAGE}",
                    page_params,
                )
            for row in rows:
                yield _article_from_row(row)
            if len(rows) < _PAGE:
                break
            last = (rows[-1][-1], rows[-1][0])
        if not undated:
            return
        last_id = 0
        while True:
            with self._lock:
                rows = self._rows(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE {where} "
                    f"AND published_sort IS NULL AND id > ? ORDER BY id LIMIT {_PAGE}",
                    [*params, last_id],
                )
            for row in rows:
                yield _article_from_row(row)
            if len(rows) < _PAGE:
                break
            last_id = rows[-1][0]

    # --- NER spans (attribution's cache that outlives the process) ---

    def ner_spans(self, model: str, text_hashes: Sequence[str]) -> dict[str, str]:
        """Stored spans (JSON) of the given text hashes under ``model``; missing ones left out."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(text_hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            with self._lock:
                rows = self._rows(
                    f"SELECT text_hash, spans FROM ner_spans WHERE model = ? "
                    f"AND text_hash IN ({marks})",
                    [model, *chunk],
                )
            found.update((str(h), str(spans)) for h, spans in rows)
        return found

    def save_ner_spans(self, model: str, rows: Sequence[tuple[str, str]]) -> None:
        """Keep (text hash, spans JSON) pairs under ``model``; known hashes are left as they are."""
        if not rows:
            return
        with self.transaction():
            self._execute_many(
                "INSERT INTO ner_spans (model, text_hash, spans) VALUES (?, ?, ?) "
                "ON CONFLICT (model, text_hash) DO NOTHING",
                [(model, text_hash, spans) for text_hash, spans in rows],
            )

    # --- near duplicates ---

    def save_signature(self, article_id: int, signature: bytes, filed: datetime | None) -> None:
        """Keep an article's signature and the time the near-duplicate index filed it under
        (None: the index had seen no time yet)."""
        with self.transaction():
            self._execute(
                "INSERT INTO signatures (article_id, signature, filed_sort) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature, "
                "filed_sort = excluded.filed_sort",
                (article_id, signature, sort_key(filed)),
            )

    def file_untimed_signatures(self, filed: datetime) -> None:
        """File the signatures saved with no time under ``filed``: the first time the index saw."""
        with self.transaction():
            self._execute(
                "UPDATE signatures SET filed_sort = ? WHERE filed_sort IS NULL", (sort_key(filed),)
            )

    def latest_filed(self, until: datetime) -> datetime | None:
        """The latest time, at or before ``until``, an original's signature was filed under."""
        found = self._scalar(
            "SELECT s.filed_sort FROM signatures s JOIN articles a ON a.id = s.article_id "
            "WHERE s.filed_sort <= ? AND a.canonical_id IS NULL "
            "ORDER BY s.filed_sort DESC LIMIT 1",
            (sort_key(until),),
        )
        return _sort_time(found)

    def iter_signatures(
        self, since: datetime | None = None
    ) -> Iterator[tuple[int, bytes, datetime | None]]:
        """(article id, signature, time filed under) of the originals (not reprints) filed at or
        after ``since``; of every original when ``since`` is None."""
        last_id = 0
        while True:
            sql = (
                "SELECT s.article_id, s.signature, s.filed_sort FROM signatures s "
                "JOIN articles a ON a.id = s.article_id "
                "WHERE s.article_id > ? AND a.canonical_id IS NULL"
            )
            params: list[Any] = [last_id]
            if since is not None:
                sql += " AND s.filed_sort >= ?"
                params.append(sort_key(since))
            with self._lock:
                rows = self._rows(sql + f" ORDER BY s.article_id LIMIT {_PAGE}", params)
            for article_id, signature, filed in rows:
                yield int(article_id), bytes(signature), _sort_time(filed)
            if len(rows) < _PAGE:
                return
            last_id = rows[-1][0]

    # --- clustering: what a restarted clusterer reads back ---

    def has_undated_articles(self) -> bool:
        """Whether any article placed in a story has no publication time."""
        return (
            self._scalar(
                "SELECT 1 FROM articles WHERE published_sort IS NULL AND story_id IS NOT NULL "
                "LIMIT 1"
            )
            is not None
        )

    def recently_placed_stories(self, limit: int) -> list[int]:
        """The ``limit`` stories that took an article last (by article id), newest first."""
        with self._lock:
            rows = self._rows(
                "SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id "
                "ORDER BY MAX(id) DESC LIMIT ?",
                (limit,),
            )
        return [int(story_id) for (story_id,) in rows]

    def term_counts(self) -> TermCounts:
        """Every placed article's terms counted (empty in a store that has not counted them)."""
        with self._lock:
            total = self._scalar("SELECT articles FROM term_count_total WHERE id = 1")
            rows = self._rows("SELECT term, articles FROM term_counts")
        return TermCounts({str(term): int(n) for term, n in rows}, int(total or 0))

    def add_term_counts(self, counts: TermCounts) -> None:
        if not counts.articles:
            return
        with self.transaction():
            self._execute_many(
                "INSERT INTO term_counts (term, articles) VALUES (?, ?) ON CONFLICT (term) "
                "DO UPDATE SET articles = term_counts.articles + excluded.articles",
                sorted(counts.terms.items()),
            )
            self._execute(
                "INSERT INTO term_count_total (id, articles) VALUES (1, ?) ON CONFLICT (id) "
                "DO UPDATE SET articles = term_count_total.articles + excluded.articles",
                (counts.articles,),
            )

    def mark_duplicate(self, article_id: int, canonical_id: int) -> None:
        """Record that ``article_id`` reprints ``canonical_id`` (or that one's own original)."""
        with self.transaction():
            root = self._scalar("SELECT canonical_id FROM articles WHERE id = ?", (canonical_id,))
            target = canonical_id if root is None else int(root)
            if target == article_id:
                raise StoreError(f"article {article_id} cannot be a reprint of itself")
            changed = self._execute(
                "UPDATE articles SET canonical_id = ? WHERE id = ?", (target, article_id)
            )
            if not changed:
                raise StoreError(f"no article with id {article_id}")

    def reprints(self, canonical_id: int) -> list[StoredArticle]:
        with self._lock:
            rows = self._rows(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE canonical_id = ? "
                "ORDER BY published_sort, id",
                (canonical_id,),
            )
        return [_article_from_row(r) for r in rows]

    # --- stories ---

    def ensure_story(self, story_id: int) -> None:
        with self.transaction():
            self._execute(
                "INSERT INTO stories (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                (story_id, _now()),
            )

    def resolve_story(self, story_id: int) -> int:
        """The story an id stands for now, following merges (the id itself if never merged)."""
        seen = {story_id}
        with self._lock:
            while True:
                target = self._scalar("SELECT merged_into FROM stories WHERE id = ?", (story_id,))
                if target is None or target in seen:
                    return story_id
                story_id = int(target)
                seen.add(story_id)

    def assign_story(self, article_id: int, story_id: int) -> None:
        with self.transaction():
            story_id = self.resolve_story(story_id)
            self.ensure_story(story_id)
            previous = self._scalar("SELECT story_id FROM articles WHERE id = ?", (article_id,))
            if previous == story_id:
                return
            if not self._execute(
                "UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id)
            ):
                raise StoreError(f"no article with id {article_id}")
            self._refresh_story(story_id)
            if previous is not None:
                self._refresh_story(int(previous))

    def merge_stories(self, source_id: int, target_id: int) -> int:
        """Move every article of ``source_id`` into ``target_id``; return the surviving story.

        The merge is recorded in ``story_merges`` and :meth:`resolve_story` follows it. The source
        story's brief is dropped (its articles now belong to the target's).
        """
        with self.transaction():
            source = self.resolve_story(source_id)
            target = self.resolve_story(target_id)
            if source == target:
                return target
            self.ensure_story(source)
            self.ensure_story(target)
            self._execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (target, source))
            self._execute("UPDATE stories SET merged_into = ? WHERE id = ?", (target, source))
            self._execute(
                "INSERT INTO story_merges (source_id, target_id, merged_at) VALUES (?, ?, ?)",
                (source, target, _now()),
            )
            self._execute("DELETE FROM briefs WHERE story_id = ?", (source,))
            self._execute("DELETE FROM entity_index WHERE story_id = ?", (source,))
            self._execute("DELETE FROM attributions WHERE story_id = ?", (source,))
            self._refresh_story(source)
            self._refresh_story(target)
        return target

    def merged_from(self, story_id: int) -> list[int]:
        """Ids of the stories merged (directly or through others) into ``story_id``."""
        found: list[int] = []
        frontier = [story_id]
        with self._lock:
            while frontier:
                current = frontier.pop()
                for (source,) in self._rows(
                    "SELECT source_id FROM story_merges WHERE target_id = ? ORDER BY source_id",
                    (current,),
                ):
                    found.append(int(source))
                    frontier.append(int(source))
        return sorted(found)

    def _refresh_story(self, story_id: int) -> None:
        # Lock the story row first: two writers adding to one story at once would otherwise each
        # count without the other's article and the later UPDATE would lose one.
        self._rows(f"SELECT id FROM stories WHERE id = ?{self._FOR_UPDATE}", (story_id,))
        count = int(self._scalar("SELECT COUNT(*) FROM articles WHERE story_id = ?", (story_id,)))
        first = self._rows(
            "SELECT published, published_sort FROM articles WHERE story_id = ? "
            "AND published_sort IS NOT NULL ORDER BY published_sort, id LIMIT 1",
            (story_id,),
        )
        last = self._rows(
            "SELECT published, published_sort FROM articles WHERE story_id = ? "
            "AND published_sort IS NOT NULL ORDER BY published_sort DESC, id DESC LIMIT 1",
            (story_id,),
        )
        self._execute(
            "UPDATE stories SET article_count = ?, first_published = ?, last_published = ?, "
            "last_sort = ? WHERE id = ?",
            (
                count,
                first[0][0] if first else None,
                last[0][0] if last else None,
                last[0][1] if last else "",
                story_id,
            ),
        )

    def max_story_id(self) -> int | None:
        found = self._scalar("SELECT MAX(id) FROM stories")
        return None if found is None else int(found)

    _STORY_COLUMNS = "id, article_count, first_published, last_published"
    _LIVE_STORIES = "merged_into IS NULL AND article_count > 0"

    def story_count(self) -> int:
        """How many stories :meth:`stories` lists in all."""
        return int(self._scalar(f"SELECT COUNT(*) FROM stories WHERE {self._LIVE_STORIES}"))

    def stories(self, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Live (unmerged, non-empty) stories, most recently published first."""
        with self._lock:
            rows = self._rows(
                f"SELECT {self._STORY_COLUMNS} FROM stories WHERE {self._LIVE_STORIES} "
                "ORDER BY last_sort DESC, id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            )
            return [self._summary(row) for row in rows]

    def story(self, story_id: int) -> StorySummary | None:
        story_id = self.resolve_story(story_id)
        with self._lock:
            rows = self._rows(
                f"SELECT {self._STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)
            )
            return self._summary(rows[0]) if rows else None

    def _summary(self, row: Sequence[Any]) -> StorySummary:
        story_id = int(row[0])
        outlets = [
            str(o)
            for (o, _) in self._rows(
                "SELECT outlet, MIN(COALESCE(published_sort, '')) AS first_seen FROM articles "
                "WHERE story_id = ? GROUP BY outlet ORDER BY first_seen, outlet",
                (story_id,),
            )
        ]
        headline = self._scalar(
            f"SELECT COALESCE(NULLIF(b.headline, ''), ({_EARLIEST_TITLE.format(story='s.id')})) "
            "FROM stories s LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id = ?",
            (story_id,),
        )
        if not headline:
            brief = self.get_brief(story_id)
            headline = brief.sentences[0].text if brief and brief.sentences else ""
        return StorySummary(
            id=story_id,
            headline=str(headline),
            article_count=int(row[1]),
            outlets=outlets,
            first_published=_parse_time(row[2]),
            last_published=_parse_time(row[3]),
        )

    def story_articles(self, story_id: int) -> list[StoredArticle]:
        return list(self.iter_articles(story_id=story_id))

    # --- briefs ---

    def save_brief(self, story_id: int, brief: Brief) -> None:
        """Store the story's brief, replacing any earlier one; its headline names the story."""
        payload = json.dumps(to_json_value(brief), ensure_ascii=False)
        text = "\n".join(s.text for s in brief.sentences)
        with self.transaction():
            story_id = self.resolve_story(story_id)
            self.ensure_story(story_id)
            self._execute(
                "INSERT INTO briefs (story_id, brief, text, headline, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET "
                "brief = excluded.brief, text = excluded.text, headline = excluded.headline, "
                "updated_at = excluded.updated_at",
                (story_id, payload, text, brief.headline, _now()),
            )

    def get_brief(self, story_id: int) -> Brief | None:
        payload = self._scalar(
            "SELECT brief FROM briefs WHERE story_id = ?", (self.resolve_story(story_id),)
        )
        if payload is None:
            return None
        brief: Brief = from_json_value(Brief, json.loads(payload))
        return brief

    # --- attribution: quotes, entities, claims, timeline; the entity index; the watchlist ---

    def save_attribution(self, story_id: int, attribution: StoryAttribution) -> None:
        """Store the story's attribution, replacing any earlier one, and index its entities
        under their names and aliases (casefolded) for :meth:`stories_mentioning`."""
        columns = [
            json.dumps(to_json_value(part), ensure_ascii=False)
            for part in (
                attribution.quotes,
                attribution.entities,
                attribution.claims,
                attribution.timeline,
            )
        ]
        index: dict[tuple[str, str], tuple[str, int]] = {}
        for entity in attribution.entities:
            for name in (entity.name, *entity.aliases):
                key = (entity_key(name), entity.name)
                if key[0] and key not in index:
                    index[key] = (entity.kind, len(entity.mentions))
        with self.transaction():
            story_id = self.resolve_story(story_id)
            self.ensure_story(story_id)
            self._execute(
                "INSERT INTO attributions (story_id, quotes, entities, claims, timeline, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET "
                "quotes = excluded.quotes, entities = excluded.entities, "
                "claims = excluded.claims, timeline = excluded.timeline, "
                "updated_at = excluded.updated_at",
                (story_id, *columns, _now()),
            )
            self._execute("DELETE FROM entity_index WHERE story_id = ?", (story_id,))
            self._execute_many(
                "INSERT INTO entity_index (name, story_id, entity, kind, mentions) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (name, story_id, entity, kind, mentions)
                    for (name, entity), (kind, mentions) in index.items()
                ],
            )

    def get_attribution(self, story_id: int) -> StoryAttribution | None:
        with self._lock:
            rows = self._rows(
                "SELECT quotes, entities, claims, timeline FROM attributions WHERE story_id = ?",
                (self.resolve_story(story_id),),
            )
        if not rows:
            return None
        hints = get_type_hints(StoryAttribution)
        parts = {
            name: from_json_value(hints[name], json.loads(value))
            for name, value in zip(
                ("quotes", "entities", "claims", "timeline"), rows[0], strict=True
            )
        }
        return StoryAttribution(**parts)

    def attribution_updated_since(self, since: datetime | None = None) -> list[int]:
        """Stories whose attribution was (re)computed at or after ``since``, newest first."""
        sql = "SELECT story_id FROM attributions"
        params: list[Any] = []
        if since is not None:
            sql += " WHERE updated_at >= ?"
            params.append(since.astimezone(UTC).isoformat())
        with self._lock:
            rows = self._rows(sql + " ORDER BY updated_at DESC, story_id DESC", params)
        return [int(r[0]) for r in rows]

    def stories_mentioning(self, entity_name: str) -> list[int]:
        """Live stories with an entity named ``entity_name`` (its name or an alias, any case),
        the most mentioned first."""
        with self._lock:
            rows = self._rows(
                "SELECT e.story_id, SUM(e.mentions) FROM entity_index e "
                "JOIN stories s ON s.id = e.story_id "
                "WHERE e.name = ? AND s.merged_into IS NULL "
                "GROUP BY e.story_id ORDER BY 2 DESC, e.story_id DESC",
                (entity_key(entity_name),),
            )
        return [int(r[0]) for r in rows]

    def add_watch(self, term: str) -> bool:
        """Follow ``term`` (an entity or keyword); False if it was already followed."""
        key = entity_key(term)
        if not key:
            raise StoreError("a watchlist term needs at least one letter or digit")
        with self.transaction():
            return bool(
                self._execute(
                    "INSERT INTO watchlist (term_key, term, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (term_key) DO NOTHING",
                    (key, " ".join(term.split()), _now()),
                )
            )

    def remove_watch(self, term: str) -> bool:
        """Stop following ``term``; False if it was not followed."""
        with self.transaction():
            return bool(
                self._execute("DELETE FROM watchlist WHERE term_key = ?", (entity_key(term),))
            )

    def watchlist(self) -> list[tuple[str, datetime]]:
        """Followed terms as (term, when added), in the order they were added."""
        with self._lock:
            rows = self._rows("SELECT term, added_at FROM watchlist ORDER BY added_at, term")
        return [(str(t), datetime.fromisoformat(a)) for t, a in rows]


def entity_key(name: str) -> str:
    """How entity names and watch terms are compared: casefolded, single-spaced, no "the"."""
    text = " ".join(name.casefold().replace("’", "'").split())
    return text[4:] if text.startswith("the ") else text
