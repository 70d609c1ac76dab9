"""Timelines: each claim as one report tells it, credited to that report, in the order of the days
they say things happened, for a story or for one entity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.event_time import day_of, development_day, tells_background
from newsdesk.models import NO_DATE, Claim, ClaimSource, Entity, TimelineEvent, as_utc
from newsdesk.text import names_any


def _mentions(claim: Claim, entity: Entity) -> bool:
    places = {(m.article_key, m.sentence_index) for m in entity.mentions}
    names = [entity.name, *entity.aliases]
    return any(
        (s.article_key, s.sentence_index) in places or names_any(s.text, names)
        for s in claim.sources
    )


def timeline_order(event: TimelineEvent) -> tuple[bool, datetime, bool, datetime, str, int]:
    """Undated last; then by the day it happened; of one day, what reports opened with (the
    news: "Warship INS Sukanya on Thursday foiled a piracy attempt") before their details, each
    by first report, article and place."""
    return (
        event.day is None,
        day_of(event.day) if event.day else NO_DATE,
        event.sentence_index > 0,
        as_utc(event.when) if event.when else NO_DATE,
        event.article_key,
        event.sentence_index,
    )


def developments(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a story timeline shows: what an article opened with (its news), and what at
    least two independent outlets carry unless it tells of a time before the story ("The last
    major quake to hit southern Iran was in February"); each once (not a claim that
    ``retells`` another); not every sentence of every article."""
    start = _story_start(claims)

    def background(claim: Claim) -> bool:
        published = claim.first_published
        return bool(start and published and tells_background(claim.text, published, start))

    return [
        c for c in claims if not c.retells and (c.lead or (c.support >= 2 and not background(c)))
    ]


def build_timeline(claims: Sequence[Claim], entity: Entity | None = None) -> list[TimelineEvent]:
    """Dated developments (each claim as the report whose words it uses tells it; see
    :func:`_reporting`) by the day each says it happened
    (:func:`newsdesk.event_time.development_day`), oldest first; undated ones last.

    With ``entity``, only claims that mention it (by NER mention or by any of its aliases), so a
    place can be followed across stories when the claims of several stories are passed together.
    """
    story_start = _story_start(claims)
    opening_days = _opening_days(claims, story_start)
    events = []
    for claim in claims:
        if entity is not None and not _mentions(claim, entity):
            continue
        shown = _reporting(claim)
        events.append(
            TimelineEvent(
                when=shown.published,
                text=shown.text,
                outlet=shown.outlet,
                article_key=shown.article_key,
                sentence_index=shown.sentence_index,
                support=claim.support,
                happened=development_day(
                    shown.text,
                    shown.published,
                    story_start,
                    opening_days.get(shown.article_key),
                )
                if shown.published and story_start
                else None,
            )
        )
    return sorted(events, key=timeline_order)


def _opening_days(claims: Sequence[Claim], story_start: datetime | None) -> dict[str, datetime]:
    """The day each article's opening (its first sentence, or its title read as one) says its
    news happened, where the claims hold that opening."""
    first: dict[str, ClaimSource] = {}
    for claim in claims:
        for source in claim.sources:
            known = first.get(source.article_key)
            if known is None or source.sentence_index < known.sentence_index:
                first[source.article_key] = source
    return {
        key: development_day(source.text, source.published, story_start)
        for key, source in first.items()
        if source.sentence_index <= 0 and source.published and story_start
    }


def _story_start(claims: Sequence[Claim]) -> datetime | None:
    """The first publication among the claims' reports."""
    return min((as_utc(c.first_published) for c in claims if c.first_published), default=None)


def _reporting(claim: Claim) -> ClaimSource:
    """The report a timeline shows and credits: the earliest source whose sentence is the claim's
    own text (the first source's may need context: "He was on probation for a previous DUI
    arrest, the CHP said.")."""
    return next((s for s in claim.sources if s.text == claim.text), claim.sources[0])
