"""What the pages and the API show, built from the store: plain dataclasses, no HTML.

The HTML templates and the JSON API both render these, so a story page and ``/api/stories/{id}``
always agree on citations, support counts and how reprints are folded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.event_time import citation_day
from newsdesk.models import NO_DATE, Brief, BriefSentence, Citation, as_utc
from newsdesk.serve.timeline import Timeline, coverage_histogram
from newsdesk.store import Store, StoredArticle, StorySummary
from newsdesk.text import split_paragraphs
from newsdesk.urls import safe_url

LEAD_CHARS = 280
FRONT_OUTLETS = 8


def format_moment(moment: datetime | None) -> str:
    """``8 Jan 2005`` or ``8 Jan 2005 14:30`` (UTC offsets are kept as the source gave them)."""
    if moment is None:
        return ""
    day = f"{moment.day} {moment.strftime('%b %Y')}"
    if moment.hour or moment.minute:
        return f"{day} {moment.strftime('%H:%M')}"
    return day


def format_span(first: datetime | None, last: datetime | None) -> str:
    if first is None or last is None:
        return format_moment(first or last)
    if first.date() == last.date():
        start, end = format_moment(first), format_moment(last)
        return start if start == end or " " not in end else f"{start}–{last.strftime('%H:%M')}"
    return f"{format_moment(first)} – {format_moment(last)}"


def _sort_moment(moment: datetime | None) -> datetime:
    return NO_DATE if moment is None else as_utc(moment)


def lead_of(brief: Brief | None, max_chars: int = LEAD_CHARS) -> str:
    """The first sentences of the brief, cut at a word boundary (the page clamps it to 2 lines)."""
    if brief is None or not brief.sentences:
        return ""
    text = ""
    for sentence in brief.sentences:
        text = f"{text} {sentence.text}".strip()
        if len(text) >= max_chars:
            break
    if len(text) <= max_chars:
        return text
    return text[:max_chars].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True, slots=True)
class StoryCard:
    id: int
    headline: str
    lead: str
    article_count: int
    outlet_count: int
    outlets: list[str]
    more_outlets: int
    span: str
    first_published: datetime | None
    last_published: datetime | None


def front_page_order(summaries: Sequence[StorySummary]) -> list[StorySummary]:
    """Newest day first, biggest story first within a day, then most recently updated."""
    return sorted(
        summaries,
        key=lambda s: (
            _sort_moment(s.last_published).date(),
            s.article_count,
            _sort_moment(s.last_published),
        ),
        reverse=True,
    )


def story_card(summary: StorySummary, brief: Brief | None) -> StoryCard:
    outlets = sorted(set(summary.outlets), key=str.casefold)
    return StoryCard(
        id=summary.id,
        headline=summary.headline,
        lead=lead_of(brief),
        article_count=summary.article_count,
        outlet_count=len(outlets),
        outlets=outlets[:FRONT_OUTLETS],
        more_outlets=max(0, len(outlets) - FRONT_OUTLETS),
        span=format_span(summary.first_published, summary.last_published),
        first_published=summary.first_published,
        last_published=summary.last_published,
    )


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as listed on a story page."""

    id: int
    key: str
    outlet: str
    title: str
    published: datetime | None
    url: str | None

    @staticmethod
    def of(stored: StoredArticle) -> ArticleRef:
        article = stored.article
        return ArticleRef(
            id=stored.id,
            key=article.key,
            outlet=article.outlet,
            title=article.title,
            published=article.published,
            url=safe_url(article.url),
        )


@dataclass(slots=True)
class CoverageEntry:
    """An original article with the reprints folded under it (or an orphaned reprint)."""

    article: ArticleRef
    copies: list[ArticleRef] = field(default_factory=list)
    copy_of: ArticleRef | None = None


@dataclass(slots=True)
class OutletGroup:
    outlet: str
    entries: list[CoverageEntry]

    @property
    def count(self) -> int:
        """Articles this outlet published itself (reprints of them by others not counted)."""
        return len(self.entries)


def group_by_outlet(
    members: Sequence[StoredArticle], originals: Mapping[int, ArticleRef] | None = None
) -> list[OutletGroup]:
    """Originals grouped by outlet (largest group first), each with its reprints folded under it.

    A reprint whose original is stored in another story is listed as its own entry, pointing to
    that original (looked up in ``originals``).
    """
    originals = originals or {}
    by_id = {m.id: m for m in members}
    copies: dict[int, list[ArticleRef]] = {}
    for member in members:
        if member.canonical_id is not None and member.canonical_id in by_id:
            copies.setdefault(member.canonical_id, []).append(ArticleRef.of(member))
    groups: dict[str, list[CoverageEntry]] = {}
    for member in members:
        if member.canonical_id is not None and member.canonical_id in by_id:
            continue
        entry = CoverageEntry(
            ArticleRef.of(member),
            sorted(copies.get(member.id, []), key=lambda r: (_sort_moment(r.published), r.id)),
            originals.get(member.canonical_id) if member.canonical_id is not None else None,
        )
        groups.setdefault(member.article.outlet, []).append(entry)
    result = [
        OutletGroup(
            outlet, sorted(entries, key=lambda e: (_sort_moment(e.article.published), e.article.id))
        )
        for outlet, entries in groups.items()
    ]
    result.sort(key=lambda g: (-g.count, g.outlet.casefold()))
    return result


def orphan_originals(store: Store, members: Sequence[StoredArticle]) -> dict[int, ArticleRef]:
    """Originals, stored outside this story, of reprints in it."""
    inside = {m.id for m in members}
    found: dict[int, ArticleRef] = {}
    for member in members:
        original_id = member.canonical_id
        if original_id is None or original_id in inside or original_id in found:
            continue
        original = store.get_article(original_id)
        if original is not None:
            found[original_id] = ArticleRef.of(original)
    return found


@dataclass(frozen=True, slots=True)
class CitedSource:
    note: int
    article_id: int | None
    article_key: str
    outlet: str
    title: str
    published: datetime | None
    url: str | None


@dataclass(frozen=True, slots=True)
class CitedSentence:
    text: str
    note: int
    citation: CitedSource
    support: int
    supporting_outlets: list[str]
    reprinted_by: list[str]
    day: datetime | None = None  # shown beside the citation (event_time.citation_day)

    @property
    def carried_by(self) -> list[str]:
        return [*self.supporting_outlets, *self.reprinted_by]


def cite_brief(
    store: Store, brief: Brief | None, members: Sequence[StoredArticle]
) -> tuple[list[CitedSentence], list[CitedSentence], list[CitedSource]]:
    """Number the brief's citations as footnotes (one per cited article, in order of first use),
    and cite its sentences and its passages (:meth:`Brief.passages`, what the page shows)."""
    if brief is None:
        return [], [], []
    ids = {m.article.key: m.id for m in members}
    notes: dict[str, CitedSource] = {}
    for sentence in brief.sentences:
        if sentence.citation.article_key not in notes:
            notes[sentence.citation.article_key] = _cited_source(
                store, sentence.citation, len(notes) + 1, ids
            )
    sentences = [_cited_sentence(brief, s, notes[s.citation.article_key]) for s in brief.sentences]
    passages = [_cited_sentence(brief, s, notes[s.citation.article_key]) for s in brief.passages()]
    return sentences, passages, list(notes.values())


def _cited_source(store: Store, citation: Citation, note: int, ids: dict[str, int]) -> CitedSource:
    article_id = ids.get(citation.article_key)
    if article_id is None:
        stored = store.article_by_key(citation.article_key)
        article_id = stored.id if stored is not None else None
    return CitedSource(
        note=note,
        article_id=article_id,
        article_key=citation.article_key,
        outlet=citation.outlet,
        title=citation.title,
        published=citation.published,
        url=safe_url(citation.url),
    )


def _cited_sentence(brief: Brief, sentence: BriefSentence, source: CitedSource) -> CitedSentence:
    return CitedSentence(
        text=sentence.text,
        note=source.note,
        citation=source,
        support=sentence.support,
        supporting_outlets=sentence.supporting_outlets,
        reprinted_by=sentence.reprinted_by,
        day=citation_day(brief, sentence),
    )


def paragraphs(text: str) -> list[str]:
    return split_paragraphs(text) or ([text] if text.strip() else [])


@dataclass(frozen=True, slots=True)
class StoryDetail:
    card: StoryCard
    brief: Brief | None
    sentences: list[CitedSentence]
    passages: list[CitedSentence]
    sources: list[CitedSource]
    groups: list[OutletGroup]
    orphans: dict[int, ArticleRef]
    timeline: Timeline | None
    members: list[StoredArticle]


def load_story(store: Store, story_id: int) -> StoryDetail | None:
    """Everything a story page shows; ``None`` if there is no such (live) story."""
    summary = store.story(story_id)
    if summary is None:
        return None
    members = store.story_articles(story_id)
    brief = store.get_brief(story_id)
    sentences, passages, sources = cite_brief(store, brief, members)
    orphans = orphan_originals(store, members)
    return StoryDetail(
        card=story_card(summary, brief),
        brief=brief,
        sentences=sentences,
        passages=passages,
        sources=sources,
        groups=group_by_outlet(members, orphans),
        orphans=orphans,
        timeline=coverage_histogram([m.article.published or m.ingested_at for m in members]),
        members=members,
    )


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    stored: StoredArticle
    url: str | None
    paragraphs: list[str]
    story_headline: str | None
    original: ArticleRef | None
    reprints: list[ArticleRef]


def load_article(store: Store, article_id: int) -> ArticleDetail | None:
    stored = store.get_article(article_id)
    if stored is None:
        return None
    story = (
        store.story(store.resolve_story(stored.story_id)) if stored.story_id is not None else None
    )
    original = None
    if stored.canonical_id is not None:
        found = store.get_article(stored.canonical_id)
        original = ArticleRef.of(found) if found is not None else None
    reprints = [ArticleRef.of(r) for r in store.reprints(stored.id) if r.id != stored.id]
    return ArticleDetail(
        stored=stored,
        url=safe_url(stored.article.url),
        paragraphs=paragraphs(stored.article.text),
        story_headline=story.headline if story is not None else None,
        original=original,
        reprints=reprints,
    )
