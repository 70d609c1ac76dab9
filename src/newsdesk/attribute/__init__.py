"""Attribution stage: who said what (quotes), about whom (entities), confirmed by whom (claims),
and when (timeline). Store-free functions over :mod:`newsdesk.models` dataclasses."""

from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.quotes import extract_quotes
from newsdesk.attribute.story import attribute_articles, warm_entities
from newsdesk.attribute.timeline import build_timeline

__all__ = [
    "attribute_articles",
    "build_timeline",
    "extract_entities",
    "extract_quotes",
    "find_entity",
    "group_claims",
    "warm_entities",
]
