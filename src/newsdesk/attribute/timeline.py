"""Timelines: the first report of each claim, in time order, for a story or for one entity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.models import Claim, Entity, TimelineEvent
from newsdesk.text import mentions_any


def _mentions(claim: Claim, entity: Entity) -> bool:
    places = {(m.article_key, m.sentence_index) for m in entity.mentions}
    names = [entity.name, *entity.aliases]
    return any(
        (s.article_key, s.sentence_index) in places or mentions_any(s.text, names)
        for s in claim.sources
    )


def build_timeline(
    claims: Sequence[Claim], entity: Entity | None = None, min_support: int = 1
) -> list[TimelineEvent]:
    """Dated developments (earliest report of each claim), oldest first; undated ones last.

    With ``entity``, only claims that mention it (by NER mention or by any of its aliases), so a
    place can be followed across stories when the claims of several stories are passed together.
    """
    events = [
        TimelineEvent(
            when=c.first_published,
            text=c.text,
            outlet=c.first_outlet,
            article_key=c.sources[0].article_key,
            sentence_index=c.sources[0].sentence_index,
            support=c.support,
        )
        for c in claims
        if c.support >= min_support and (entity is None or _mentions(c, entity))
    ]
    events.sort(
        key=lambda e: (e.when is None, e.when or datetime.min, e.article_key, e.sentence_index)
    )
    return events
