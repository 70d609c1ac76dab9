"""Reading attribution back from the store: a story's, an entity's across stories, and what
matches the watchlist. Shared by the CLI and the web app (``newsdesk.serve.attribution``)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.attribute import build_timeline, find_entity
from newsdesk.attribute.timeline import timeline_order
from newsdesk.models import Claim, Entity, StoryAttribution, TimelineEvent
from newsdesk.store import Store, StorySummary
from newsdesk.text import mentions_any, names_any


def story_attribution(
    store: Store, story_id: int, *, compute: bool = True
) -> StoryAttribution | None:
    """The story's stored attribution; None when there is no such story.

    A story stored before attribution existed has none: with ``compute`` it is worked out and
    stored now (the CLI), else it reads as empty (the web app, which never writes on a GET).
    """
    if store.story(story_id) is None:
        return None
    found = store.get_attribution(story_id)
    if found is None and compute:
        from newsdesk.pipeline import attribute_story  # the pipeline only for an old story

        attribute_story(store, story_id)
        found = store.get_attribution(story_id)
    return found or StoryAttribution()


@dataclass(slots=True)
class EntityReport:
    """One entity across every story that mentions it, with its timeline over those stories."""

    name: str
    kind: str
    aliases: list[str]
    stories: list[StorySummary]
    timeline: list[TimelineEvent] = field(default_factory=list)
    mentions: int = 0


def entity_report(store: Store, name: str) -> EntityReport | None:
    """What the store knows about the entity ``name`` (its name or any alias); None: nothing."""
    found: list[tuple[StorySummary, Entity, list[Claim]]] = []
    for story_id in store.stories_mentioning(name):
        summary = store.story(story_id)
        attribution = store.get_attribution(story_id)
        if summary is None or attribution is None:
            continue
        entity = find_entity(attribution.entities, name)
        if entity is not None:
            found.append((summary, entity, attribution.claims))
    if not found:
        return None
    kinds: dict[str, int] = {}
    names: dict[str, int] = {}
    aliases: dict[str, None] = {}
    for _, entity, _ in found:
        kinds[entity.kind] = kinds.get(entity.kind, 0) + len(entity.mentions)
        names[entity.name] = names.get(entity.name, 0) + len(entity.mentions)
        aliases.update(dict.fromkeys(entity.aliases))
    # The timeline of each story's claims that mention its version of the entity, merged.
    events = [e for _, entity, claims in found for e in build_timeline(claims, entity=entity)]
    events.sort(key=timeline_order)
    return EntityReport(
        name=max(names, key=lambda n: (names[n], len(n))),
        kind=max(kinds, key=lambda k: kinds[k]),
        aliases=sorted(aliases),
        stories=[summary for summary, _, _ in found],
        timeline=events,
        mentions=sum(names.values()),
    )


@dataclass(slots=True)
class WatchMatch:
    """A story updated since the given time that mentions a watched term, and its claims that do."""

    term: str
    story: StorySummary
    claims: list[Claim]


def watchlist_matches(
    store: Store, since: datetime | None = None, stories: Collection[int] | None = None
) -> list[WatchMatch]:
    """Stories whose attribution changed at or after ``since`` (all when None) that mention a
    watched term, as an entity (name or alias) or as words in a claim; newest stories first.
    ``stories``: only these (e.g. the stories one poll of ``newsdesk watch`` touched)."""
    terms = [term for term, _ in store.watchlist()]
    if not terms:
        return []
    wanted = None if stories is None else {store.resolve_story(s) for s in stories}
    matches: list[WatchMatch] = []
    for story_id in store.attribution_updated_since(since):
        if wanted is not None and story_id not in wanted:
            continue
        attribution = store.get_attribution(story_id)
        summary = store.story(story_id)
        if attribution is None or summary is None or summary.id != story_id:
            continue
        for term in terms:
            entity = find_entity(attribution.entities, term)
            # The watched term as typed matches in any case; the entity's names as written.
            names = [] if entity is None else [entity.name, *entity.aliases]
            claims = [
                c
                for c in attribution.claims
                if any(mentions_any(s.text, [term]) or names_any(s.text, names) for s in c.sources)
            ]
            exact = entity is not None and mentions_any(
                " ".join([entity.name, *entity.aliases]), [term]
            )
            if claims or exact:
                matches.append(WatchMatch(term, summary, claims))
    return matches
