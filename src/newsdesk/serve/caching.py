"""HTTP caching: a strong ETag over the response body, and ``304 Not Modified`` on a match.

Pages are rendered from the store on every request (rendering is cheap next to the network), so
the ETag is a hash of what would be sent; clients and proxies revalidate after ``max-age``.
"""

from __future__ import annotations

import hashlib

from fastapi import Request, Response

# Seconds a client may reuse a response without asking again. Stories and search results change
# as feeds are ingested, so they are short; an article's text never changes once stored.
LIST_MAX_AGE = 30
STORY_MAX_AGE = 60
ARTICLE_MAX_AGE = 600


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


def cached_response(request: Request, body: bytes, media_type: str, max_age: int) -> Response:
    """A response carrying ``ETag`` and ``Cache-Control``, or an empty 304 if the client has it."""
    etag = etag_for(body)
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type=media_type, headers=headers)
