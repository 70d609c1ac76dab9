"""Exports over HTTP: an RSS feed of the latest briefs and each story as Markdown or JSON.

The documents themselves come from :mod:`newsdesk.export`, the same renderers as
``newsdesk export``; this module only reads the store and adds HTTP caching.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.responses import RedirectResponse

from newsdesk.export import StoryView, render_markdown, render_rss, story_to_dict
from newsdesk.serve.app import store_of
from newsdesk.serve.caching import LIST_MAX_AGE, STORY_MAX_AGE, cached_response
from newsdesk.store import Store

router = APIRouter(tags=["exports"])

RSS_STORIES = 50
MAX_ID = 2**62
IdPath = Annotated[int, Path(ge=0, le=MAX_ID)]
_COMMON: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the client's copy (If-None-Match) is current."},
}
_STORY: dict[int | str, dict[str, Any]] = {
    **_COMMON,
    301: {"description": "The story was merged into another; its export is at Location."},
    404: {"description": "No such story."},
}


def _view(store: Store, story_id: int) -> StoryView:
    summary = store.story(story_id)
    if summary is None:
        raise HTTPException(404, f"There is no story {story_id}.")
    return StoryView(summary, store.get_brief(story_id), store.story_articles(story_id))


@router.get(
    "/stories.rss",
    response_class=Response,
    responses={
        200: {"content": {"application/rss+xml": {}}, "description": "RSS 2.0"},
        **_COMMON,
    },
)
def rss(request: Request) -> Response:
    """The latest stories' briefs as an RSS 2.0 feed."""
    store = store_of(request)
    views = [
        StoryView(s, store.get_brief(s.id), store.story_articles(s.id))
        for s in store.stories(limit=RSS_STORIES, offset=0)
    ]
    body = render_rss(views, site_url=str(request.base_url)).encode("utf-8")
    return cached_response(request, body, "application/rss+xml; charset=utf-8", LIST_MAX_AGE)


def _export(request: Request, story_id: int, suffix: str) -> Response | None:
    """Redirect a merged story's export to the surviving story's."""
    current = store_of(request).resolve_story(story_id)
    if current != story_id:
        return RedirectResponse(f"/stories/{current}.{suffix}", status_code=301)
    return None


@router.get(
    "/stories/{story_id}.md",
    response_class=Response,
    responses={
        200: {"content": {"text/markdown": {}}, "description": "The story as Markdown"},
        **_STORY,
    },
)
def story_markdown(request: Request, story_id: IdPath) -> Response:
    """One story's brief and sources as Markdown."""
    redirect = _export(request, story_id, "md")
    if redirect is not None:
        return redirect
    body = render_markdown([_view(store_of(request), story_id)]).encode("utf-8")
    return cached_response(request, body, "text/markdown; charset=utf-8", STORY_MAX_AGE)


@router.get(
    "/stories/{story_id}.json",
    response_class=Response,
    responses={
        200: {"content": {"application/json": {}}, "description": "The story as JSON"},
        **_STORY,
    },
)
def story_json(request: Request, story_id: IdPath) -> Response:
    """One story's brief and sources as JSON (the ``newsdesk export --format json`` record)."""
    redirect = _export(request, story_id, "json")
    if redirect is not None:
        return redirect
    view = _view(store_of(request), story_id)
    body = json.dumps(story_to_dict(view), ensure_ascii=False, indent=2).encode("utf-8")
    return cached_response(request, body, "application/json", STORY_MAX_AGE)
