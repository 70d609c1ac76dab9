"""The JSON API under ``/api/``: stories, a story with its cited brief, articles, search.

Lists are paginated with ``limit``/``offset`` and say where the next page starts
(``next_offset``, null on the last page). Every response carries an ``ETag`` and a
``Cache-Control`` max-age; send ``If-None-Match`` to get an empty ``304`` when nothing changed.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from newsdesk.serve.app import store_of
from newsdesk.serve.caching import (
    ARTICLE_MAX_AGE,
    LIST_MAX_AGE,
    STORY_MAX_AGE,
    cached_response,
)
from newsdesk.serve.params import JSON, IdPath
from newsdesk.serve.search import SearchForm, SearchQueryError, hit_url, run_search
from newsdesk.serve.views import (
    CitedSentence,
    StoryCard,
    front_page_order,
    load_article,
    load_story,
    story_card,
)
from newsdesk.store import MAX_ID, StoredArticle

MAX_OFFSET = 1_000_000

Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]

_CACHED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the client's copy (If-None-Match) is current."}
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item."}}

router = APIRouter(prefix="/api", tags=["api"])


class StoryOut(BaseModel):
    id: int
    headline: str
    lead: str = Field(description="The brief's opening, plain text.")
    article_count: int
    outlet_count: int
    outlets: list[str] = Field(description="Every outlet that covered the story.")
    first_published: datetime | None
    last_published: datetime | None
    url: str = Field(description="The story's web page (path).")

    @staticmethod
    def of(card: StoryCard, outlets: list[str]) -> StoryOut:
        return StoryOut(
            id=card.id,
            headline=card.headline,
            lead=card.lead,
            article_count=card.article_count,
            outlet_count=card.outlet_count,
            outlets=outlets,
            first_published=card.first_published,
            last_published=card.last_published,
            url=f"/stories/{card.id}",
        )


class StoryList(BaseModel):
    items: list[StoryOut]
    limit: int
    offset: int
    next_offset: int | None


class CitationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    note: int = Field(description="Footnote number, shared by sentences citing one article.")
    article_id: int | None
    article_key: str
    outlet: str
    title: str
    published: datetime | None
    url: str | None = Field(description="The original article (http(s) only).")


class BriefSentenceOut(BaseModel):
    text: str = Field(description="Verbatim from the cited article.")
    support: int = Field(
        description="Distinct independent outlets that carry this point (a wire copy counts once)."
    )
    supporting_outlets: list[str] = Field(description="Those independent outlets.")
    reprinted_by: list[str] = Field(description="Outlets that only ran a syndicated copy.")
    citation: CitationOut

    @staticmethod
    def of(sentence: CitedSentence) -> BriefSentenceOut:
        return BriefSentenceOut(
            text=sentence.text,
            support=sentence.support,
            supporting_outlets=sentence.supporting_outlets,
            reprinted_by=sentence.reprinted_by,
            citation=CitationOut.model_validate(sentence.citation),
        )


class BriefOut(BaseModel):
    method: str
    max_words: int
    word_count: int
    sentences: list[BriefSentenceOut]


class ArticleRefOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    key: str
    outlet: str
    title: str
    published: datetime | None
    url: str | None


class CoverageOut(BaseModel):
    article: ArticleRefOut
    reprints: list[ArticleRefOut] = Field(description="Wire copies and syndicated reprints.")
    reprint_of: ArticleRefOut | None = Field(description="The original, when stored elsewhere.")


class OutletCoverageOut(BaseModel):
    outlet: str
    count: int = Field(description="Articles this outlet ran itself (reprints by others folded).")
    articles: list[CoverageOut]


class StoryDetailOut(BaseModel):
    story: StoryOut
    brief: BriefOut | None
    citations: list[CitationOut]
    coverage: list[OutletCoverageOut]


class ArticleOut(BaseModel):
    id: int
    key: str
    title: str
    outlet: str
    url: str | None = Field(description="As stored; untrusted, may be any scheme.")
    published: datetime | None
    language: str | None
    author: str | None
    provenance: str
    story_id: int | None
    canonical_id: int | None = Field(description="Set when this article reprints another.")
    ingested_at: datetime
    word_count: int

    @staticmethod
    def fields_of(stored: StoredArticle) -> dict[str, Any]:
        article = stored.article
        return {
            "id": stored.id,
            "key": article.key,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "published": article.published,
            "language": article.language,
            "author": article.author,
            "provenance": str(article.provenance),
            "story_id": stored.story_id,
            "canonical_id": stored.canonical_id,
            "ingested_at": stored.ingested_at,
            "word_count": article.word_count,
        }


class ArticleDetailOut(ArticleOut):
    text: str
    reprints: list[ArticleRefOut]


class ArticleList(BaseModel):
    items: list[ArticleOut]
    limit: int
    offset: int
    next_offset: int | None


class SearchHitOut(BaseModel):
    kind: Literal["article", "brief"]
    id: int = Field(description="Article id, or story id for a brief.")
    story_id: int | None
    title: str
    outlet: str | None
    published: datetime | None
    snippet: str = Field(description="Raw text, matches between <mark> and </mark>; unescaped.")
    snippet_html: str = Field(description="The snippet escaped for HTML, only <mark> kept.")
    score: float
    url: str


class SearchResults(BaseModel):
    query: str
    items: list[SearchHitOut]
    limit: int
    offset: int
    next_offset: int | None


def _json(request: Request, model: BaseModel, max_age: int) -> Response:
    return cached_response(request, model.model_dump_json().encode("utf-8"), JSON, max_age)


def _next(offset: int, limit: int, has_more: bool) -> int | None:
    return offset + limit if has_more else None


@router.get("/stories", response_model=StoryList, responses=_CACHED)
def list_stories(request: Request, limit: Limit = 20, offset: Offset = 0) -> Response:
    """Live stories, most recently updated first (the biggest first within a day)."""
    store = store_of(request)
    summaries = store.stories(limit=limit + 1, offset=offset)
    items = [
        StoryOut.of(story_card(s, store.get_brief(s.id)), s.outlets)
        for s in front_page_order(summaries[:limit])
    ]
    page = StoryList(
        items=items,
        limit=limit,
        offset=offset,
        next_offset=_next(offset, limit, len(summaries) > limit),
    )
    return _json(request, page, LIST_MAX_AGE)


@router.get(
    "/stories/{story_id}", response_model=StoryDetailOut, responses={**_CACHED, **_NOT_FOUND}
)
def get_story(request: Request, story_id: IdPath) -> Response:
    """A story with its brief (each sentence cited, with its support) and all its coverage.

    A story merged into another answers with the surviving story (its ``id`` tells).
    """
    store = store_of(request)
    detail = load_story(store, store.resolve_story(story_id))
    if detail is None:
        raise HTTPException(404, f"no story {story_id}")
    brief = None
    if detail.brief is not None:
        brief = BriefOut(
            method=detail.brief.method,
            max_words=detail.brief.max_words,
            word_count=detail.brief.word_count,
            sentences=[BriefSentenceOut.of(s) for s in detail.sentences],
        )
    outlets = sorted({m.article.outlet for m in detail.members}, key=str.casefold)
    body = StoryDetailOut(
        story=StoryOut.of(detail.card, outlets),
        brief=brief,
        citations=[CitationOut.model_validate(s) for s in detail.sources],
        coverage=[
            OutletCoverageOut(
                outlet=group.outlet,
                count=group.count,
                articles=[
                    CoverageOut(
                        article=ArticleRefOut.model_validate(entry.article),
                        reprints=[ArticleRefOut.model_validate(c) for c in entry.copies],
                        reprint_of=ArticleRefOut.model_validate(entry.copy_of)
                        if entry.copy_of
                        else None,
                    )
                    for entry in group.entries
                ],
            )
            for group in detail.groups
        ],
    )
    return _json(request, body, STORY_MAX_AGE)


def _utc_bound(moment: datetime | None, name: str) -> datetime | None:
    if moment is None:
        return None
    try:
        return moment if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        raise HTTPException(422, f"{name} is out of range") from None


@router.get("/articles", response_model=ArticleList, responses=_CACHED)
def list_articles(
    request: Request,
    story_id: Annotated[int | None, Query(ge=0, le=MAX_ID, description="Only this story.")] = None,
    since: Annotated[datetime | None, Query(description="Published at or after.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Articles in publication order (undated ones last, and left out when ``since`` is given)."""
    store = store_of(request)
    found = list(
        islice(
            store.iter_articles(since=_utc_bound(since, "since"), story_id=story_id),
            offset,
            offset + limit + 1,
        )
    )
    page = ArticleList(
        items=[ArticleOut(**ArticleOut.fields_of(s)) for s in found[:limit]],
        limit=limit,
        offset=offset,
        next_offset=_next(offset, limit, len(found) > limit),
    )
    return _json(request, page, LIST_MAX_AGE)


@router.get(
    "/articles/{article_id}", response_model=ArticleDetailOut, responses={**_CACHED, **_NOT_FOUND}
)
def get_article(request: Request, article_id: IdPath) -> Response:
    """One article: its extracted text, metadata, provenance, story and reprints."""
    detail = load_article(store_of(request), article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id}")
    body = ArticleDetailOut(
        **ArticleOut.fields_of(detail.stored),
        text=detail.stored.article.text,
        reprints=[ArticleRefOut.model_validate(r) for r in detail.reprints],
    )
    return _json(request, body, ARTICLE_MAX_AGE)


@router.get(
    "/search",
    response_model=SearchResults,
    responses={**_CACHED, 400: {"description": "An unusable filter (e.g. since after until)."}},
)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words, all required.")],
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[date | None, Query(description="Published on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Full-text search (bm25) over articles and briefs, best first, with highlighted snippets."""
    try:
        hits, has_more = run_search(
            store_of(request), SearchForm(q, outlet, since, until), limit=limit, offset=offset
        )
    except SearchQueryError as error:
        raise HTTPException(400, str(error)) from None
    body = SearchResults(
        query=q,
        items=[
            SearchHitOut(
                **dataclasses.asdict(hit),
                snippet_html=hit.snippet_html(),
                url=hit_url(hit),
            )
            for hit in hits
        ],
        limit=limit,
        offset=offset,
        next_offset=_next(offset, limit, has_more),
    )
    return _json(request, body, LIST_MAX_AGE)
