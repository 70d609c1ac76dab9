"""Attribution stage: who said what (quotes), about whom (entities), confirmed by whom (claims),
and when (timeline). Store-free functions over :mod:`newsdesk.models` dataclasses.

The names below load their module on first use: claims stand on the brief's scipy, which
commands that only read stored attribution (`newsdesk quotes`, `entity`) never need."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.attribute.claims import group_claims
    from newsdesk.attribute.entities import extract_entities, find_entity
    from newsdesk.attribute.quotes import extract_quotes
    from newsdesk.attribute.story import attribute_articles, warm_entities
    from newsdesk.attribute.timeline import build_timeline

_MODULE_OF = {
    "attribute_articles": "story",
    "build_timeline": "timeline",
    "extract_entities": "entities",
    "extract_quotes": "quotes",
    "find_entity": "entities",
    "group_claims": "claims",
    "warm_entities": "story",
}

__all__ = [
    "attribute_articles",
    "build_timeline",
    "extract_entities",
    "extract_quotes",
    "find_entity",
    "group_claims",
    "warm_entities",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
