"""A whole story's attribution at once: quotes, entities, claims and timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.entities import extract_entities
from newsdesk.attribute.nlp import NLPArg, SpanStore, body_and_sentences, entity_spans
from newsdesk.attribute.quotes import extract_quotes
from newsdesk.attribute.timeline import build_timeline, developments
from newsdesk.models import Article, Brief, StoryAttribution


def warm_entities(
    articles: Sequence[Article],
    nlp: NLPArg = None,
    processes: int = 1,
    persisted: SpanStore | None = None,
) -> None:
    """Run NER over the bodies and headlines of ``articles`` in one batch, into the span cache
    that quotes and entities read: for one story, or for many stories at once (``processes``).
    With ``persisted``, spans stored by earlier processes are reused and new ones stored."""
    entity_spans(ner_texts(articles), nlp, processes, persisted)


def ner_texts(articles: Sequence[Article]) -> list[str]:
    """The texts attribution runs NER on: each article's body and headline."""
    bodies = [body_and_sentences(a.text)[0] for a in articles]
    return [*bodies, *(a.title or "" for a in articles)]


def attribute_articles(
    articles: Sequence[Article],
    reprints: Mapping[str, Sequence[str]] | None = None,
    brief: Brief | None = None,
    nlp: NLPArg = None,
    persisted: SpanStore | None = None,
) -> StoryAttribution:
    """Attribution of a story's canonical ``articles`` (``reprints``: key -> copies' outlets).

    All bodies and headlines go through NER in one batch (``nlp.pipe``); quotes and entities then
    reuse those spans. ``brief`` seeds the claims so that its counts and theirs agree.
    """
    warm_entities(articles, nlp, persisted=persisted)
    quotes = [q for a in articles for q in extract_quotes(a, nlp=nlp)]
    claims = group_claims(articles, reprints=reprints, brief=brief)
    return StoryAttribution(
        quotes=quotes,
        entities=extract_entities(articles, nlp=nlp),
        claims=claims,
        timeline=build_timeline(developments(claims)),
    )
