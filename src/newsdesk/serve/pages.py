"""Server-rendered HTML pages: front page, story, article and search."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import RedirectResponse

from newsdesk.serve.app import render, store_of
from newsdesk.serve.attribution import entity_groups, entity_url
from newsdesk.serve.caching import (
    ARTICLE_MAX_AGE,
    LIST_MAX_AGE,
    STORY_MAX_AGE,
    cached_response,
)
from newsdesk.serve.params import HTML, IdPath
from newsdesk.serve.search import SearchForm, SearchQueryError, run_search
from newsdesk.serve.views import (
    format_moment,
    front_page_order,
    load_article,
    load_story,
    story_card,
)

router = APIRouter(include_in_schema=False)

FRONT_PAGE_SIZE = 30
SEARCH_PAGE_SIZE = 20
MAX_PAGE = 100_000


def _page_link(path: str, page: int, **params: str) -> str:
    query = {k: v for k, v in params.items() if v}
    if page > 1:
        query["page"] = str(page)
    return path + ("?" + urlencode(query) if query else "")


@router.get("/")
def front_page(request: Request, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> Response:
    store = store_of(request)
    summaries = store.stories(limit=FRONT_PAGE_SIZE + 1, offset=(page - 1) * FRONT_PAGE_SIZE)
    has_next = len(summaries) > FRONT_PAGE_SIZE
    cards = [
        story_card(s, store.get_brief(s.id)) for s in front_page_order(summaries[:FRONT_PAGE_SIZE])
    ]
    pager = {
        "previous": _page_link("/", page - 1) if page > 1 and cards else None,
        "next": _page_link("/", page + 1) if has_next else None,
    }
    body = render(request, "front.html", stories=cards, pager=pager, page=page)
    return cached_response(request, body, HTML, LIST_MAX_AGE)


@router.get("/stories/{story_id:int}")
def story_page(request: Request, story_id: IdPath) -> Response:
    store = store_of(request)
    current = store.resolve_story(story_id)
    if current != story_id:
        return RedirectResponse(f"/stories/{current}", status_code=301)
    detail = load_story(store, story_id)
    if detail is None:
        raise HTTPException(404, f"There is no story {story_id}.")
    # Stored attribution only (ingest computes it): viewing a page never runs NER.
    attribution = store.get_attribution(story_id)
    body = render(
        request,
        "story.html",
        story=detail.card,
        brief_sentences=detail.passages,
        citations=detail.sources,
        timeline=detail.timeline,
        groups=detail.groups,
        entity_groups=entity_groups(attribution.entities if attribution else []),
        entity_url=entity_url,
    )
    return cached_response(request, body, HTML, STORY_MAX_AGE)


@router.get("/articles/{article_id:int}")
def article_page(request: Request, article_id: IdPath) -> Response:
    store = store_of(request)
    detail = load_article(store, article_id)
    if detail is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    stored, article = detail.stored, detail.stored.article
    body = render(
        request,
        "article.html",
        article={
            "title": article.title,
            "outlet": article.outlet,
            "author": article.author,
            "published": format_moment(article.published),
            "language": article.language,
            "word_count": article.word_count,
            "url": detail.url,
            "raw_url": article.url if detail.url is None else None,
            "provenance": str(article.provenance),
            "key": article.key,
            "ingested_at": format_moment(stored.ingested_at),
            "story_id": store.resolve_story(stored.story_id)
            if stored.story_id is not None
            else None,
            "story_headline": detail.story_headline,
            "original": detail.original,
            "reprints": detail.reprints,
            "paragraphs": detail.paragraphs,
        },
    )
    return cached_response(request, body, HTML, ARTICLE_MAX_AGE)


def _parse_day(value: str, name: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise SearchQueryError(
            f"{name} must be a date such as 2005-01-08, not {value!r}."
        ) from None


@router.get("/search")
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=40)] = "",
    until: Annotated[str, Query(max_length=40)] = "",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    store = store_of(request)
    context: dict[str, object] = {
        "query": q,
        "outlet": outlet,
        "since": since,
        "until": until,
        "hits": [],
        "error": None,
        "pager": None,
        "first": 0,
        "last": 0,
    }
    status = 200
    if q.strip():
        try:
            form = SearchForm(q, outlet or None, _parse_day(since, "From"), _parse_day(until, "To"))
            hits, has_next = run_search(
                store, form, limit=SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE
            )
        except SearchQueryError as error:
            context["error"] = str(error)
            status = 400
        else:
            params = {"q": q, "outlet": outlet, "since": since, "until": until}
            context["hits"] = hits
            context["first"] = (page - 1) * SEARCH_PAGE_SIZE + 1
            context["last"] = (page - 1) * SEARCH_PAGE_SIZE + len(hits)
            context["pager"] = {
                "previous": _page_link("/search", page - 1, **params) if page > 1 else None,
                "next": _page_link("/search", page + 1, **params) if has_next else None,
            }
    body = render(request, "search.html", **context)
    if status != 200:
        return Response(body, status_code=status, media_type=HTML)
    return cached_response(request, body, HTML, LIST_MAX_AGE)
