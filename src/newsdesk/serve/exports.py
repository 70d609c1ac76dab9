"""Exports over HTTP: an RSS feed of the latest briefs and each story as Markdown or JSON.

The documents themselves come from :mod:`newsdesk.export`, the same renderers as
``newsdesk export``; this module only reads the store and adds HTTP caching.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse

from newsdesk.export import (
    StoryView,
    render_markdown,
    render_rss,
    story_to_dict,
    story_view,
)
from newsdesk.serve.app import store_of
from newsdesk.serve.caching import LIST_MAX_AGE, STORY_MAX_AGE, cached_response
from newsdesk.serve.params import IdPath
from newsdesk.store import Store

router = APIRouter(tags=["exports"])

RSS_STORIES = 50
_COMMON: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the client's copy (If-None-Match) is current."},
}
_STORY: dict[int | str, dict[str, Any]] = {
    **_COMMON,
    301: {"description": "The story was merged into another; its export is at Location."},
    400: {"description": "A malformed story id or format: an HTML page says which."},
    404: {"description": "No such story."},
}


def _view(store: Store, story_id: int) -> StoryView:
    summary = store.story(story_id)
    if summary is None:
        raise HTTPException(404, f"There is no story {story_id}.")
    return story_view(store, summary)


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


def _markdown(view: StoryView) -> str:
    return render_markdown([view])


def _json(view: StoryView) -> str:
    return json.dumps(story_to_dict(view), ensure_ascii=False, indent=2)


_FORMATS: dict[str, tuple[Callable[[StoryView], str], str]] = {
    "md": (_markdown, "text/markdown; charset=utf-8"),
    "json": (_json, "application/json"),
}


@router.get(
    "/stories/{story_id}.{fmt}",
    response_class=Response,
    responses={
        200: {
            "content": {"text/markdown": {}, "application/json": {}},
            "description": "The story's brief and sources as Markdown (.md) or JSON (.json)",
        },
        **_STORY,
    },
)
def story_export(request: Request, story_id: IdPath, fmt: Literal["md", "json"]) -> Response:
    """One story's brief and sources, as ``newsdesk export`` writes them."""
    store = store_of(request)
    current = store.resolve_story(story_id)
    if current != story_id:
        return RedirectResponse(f"/stories/{current}.{fmt}", status_code=301)
    renderer, media_type = _FORMATS[fmt]
    body = renderer(_view(store, story_id)).encode("utf-8")
    return cached_response(request, body, media_type, STORY_MAX_AGE)
