"""Attribution over HTTP: a story's quotes and claims, an entity across stories, the watchlist.

JSON under ``/api/`` and server-rendered pages (``/stories/{id}/quotes``, ``/entities/{name}``,
``/watchlist``) read the same functions as the CLI (:mod:`newsdesk.attribution`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import quote as url_quote

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response

from newsdesk.attribution import (
    EntityReport,
    WatchMatch,
    entity_report,
    story_attribution,
    watchlist_matches,
)
from newsdesk.models import Entity, StoryAttribution
from newsdesk.serve.app import render, store_of
from newsdesk.serve.caching import LIST_MAX_AGE, STORY_MAX_AGE, cached_response
from newsdesk.serve.params import HTML, JSON, IdPath
from newsdesk.store import Store
from newsdesk.store.base import to_json_value

router = APIRouter()

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such story or entity."}}

NamePath = Annotated[str, Path(min_length=1, max_length=200)]
Since = Annotated[
    datetime | None,
    Query(description="Only stories whose attribution changed at or after this time."),
]


def _json(request: Request, value: Any, max_age: int) -> Response:
    body = json.dumps(to_json_value(value), ensure_ascii=False).encode("utf-8")
    return cached_response(request, body, JSON, max_age)


def _story(store: Store, story_id: int) -> tuple[int, StoryAttribution]:
    current = store.resolve_story(story_id)
    found = story_attribution(store, current, compute=False)
    if found is None:
        raise HTTPException(404, f"There is no story {story_id}.")
    return current, found


def _entity(store: Store, name: str) -> EntityReport:
    report = entity_report(store, name)
    if report is None:
        raise HTTPException(404, f"No stored story mentions {name!r}.")
    return report


def _matches(found: list[WatchMatch]) -> list[dict[str, Any]]:
    return [
        {"term": m.term, "story": to_json_value(m.story), "claims": to_json_value(m.claims)}
        for m in found
    ]


@router.get("/api/stories/{story_id}/quotes", tags=["attribution"], responses=_NOT_FOUND)
def api_quotes(request: Request, story_id: IdPath) -> Response:
    """The story's direct and indirect quotes: speaker, told outlet, publishing outlet, date."""
    current, found = _story(store_of(request), story_id)
    return _json(request, {"story_id": current, "quotes": found.quotes}, STORY_MAX_AGE)


@router.get("/api/stories/{story_id}/claims", tags=["attribution"], responses=_NOT_FOUND)
def api_claims(request: Request, story_id: IdPath) -> Response:
    """The story's claims with their sources, independent outlets and first reporter, and the
    story timeline (first report of each claim)."""
    current, found = _story(store_of(request), story_id)
    payload = {
        "story_id": current,
        "claims": [{**to_json_value(c), "support": c.support} for c in found.claims],
        "timeline": found.timeline,
    }
    return _json(request, payload, STORY_MAX_AGE)


@router.get("/api/stories/{story_id}/entities", tags=["attribution"], responses=_NOT_FOUND)
def api_story_entities(request: Request, story_id: IdPath) -> Response:
    """People, organisations, places and facilities named in the story, with their aliases."""
    current, found = _story(store_of(request), story_id)
    return _json(request, {"story_id": current, "entities": found.entities}, STORY_MAX_AGE)


@router.get("/api/entities/{name:path}", tags=["attribution"], responses=_NOT_FOUND)
def api_entity(request: Request, name: NamePath) -> Response:
    """An entity (by name or alias) across stories, with its timeline over them."""
    return _json(request, _entity(store_of(request), name), LIST_MAX_AGE)


@router.get("/api/watchlist", tags=["attribution"])
def api_watchlist(request: Request, since: Since = None) -> Response:
    """The followed terms, and the stories and claims that mention them."""
    store = store_of(request)
    payload = {
        "terms": [{"term": t, "added_at": a} for t, a in store.watchlist()],
        "matches": _matches(watchlist_matches(store, since)),
    }
    return _json(request, payload, LIST_MAX_AGE)


@router.get("/stories/{story_id:int}/quotes", include_in_schema=False)
def quotes_page(request: Request, story_id: IdPath) -> Response:
    store = store_of(request)
    current, found = _story(store, story_id)
    summary = store.story(current)
    assert summary is not None
    body = render(
        request,
        "attribution_story.html",
        story=summary,
        quotes=found.quotes,
        claims=found.claims,
        timeline=found.timeline,
        entities=found.entities[:40],
        entity_url=entity_url,
    )
    return cached_response(request, body, HTML, STORY_MAX_AGE)


@router.get("/entities/{name:path}", include_in_schema=False)
def entity_page(request: Request, name: NamePath) -> Response:
    report = _entity(store_of(request), name)
    body = render(request, "entity.html", entity=report)
    return cached_response(request, body, HTML, LIST_MAX_AGE)


@router.get("/watchlist", include_in_schema=False)
def watchlist_page(request: Request, since: Since = None) -> Response:
    store = store_of(request)
    body = render(
        request,
        "watchlist.html",
        terms=store.watchlist(),
        matches=watchlist_matches(store, since),
        entity_url=entity_url,
    )
    return cached_response(request, body, HTML, LIST_MAX_AGE)


def entity_url(name: str) -> str:
    """The entity's page. Every ``/`` is quoted too; the server decodes ``%2F`` before routing,
    which is why the entity routes take a ``{name:path}``."""
    return "/entities/" + url_quote(name, safe="")


ENTITY_KINDS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("facility", "Facilities"),
)
STORY_ENTITIES_PER_KIND = 12


def entity_groups(entities: Sequence[Entity]) -> list[tuple[str, list[Entity]]]:
    """A story's entities for its page: (heading, most mentioned first) per kind, empty kinds
    left out."""
    groups = [
        (heading, [e for e in entities if e.kind == kind][:STORY_ENTITIES_PER_KIND])
        for kind, heading in ENTITY_KINDS
    ]
    return [(heading, found) for heading, found in groups if found]
