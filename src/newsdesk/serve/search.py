"""Full-text search over articles and briefs, shared by the search page and ``/api/search``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from markupsafe import Markup

from newsdesk.store import Store


class SearchQueryError(ValueError):
    """A search the user must fix (bad date range, unusable query); the message says how."""


@dataclass(frozen=True, slots=True)
class SearchForm:
    query: str
    outlet: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class HitView:
    kind: str
    id: int
    story_id: int | None
    title: str
    outlet: str | None
    published: datetime | None
    snippet: str
    snippet_html: Markup
    score: float

    @property
    def href(self) -> str:
        if self.kind == "brief":
            return f"/stories/{self.id}"
        return f"/articles/{self.id}"


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _day_end(day: date) -> datetime:
    """The last moment of ``day``: the store's until bound is inclusive, so the day is too."""
    return datetime.combine(day, time.max, tzinfo=UTC)


def run_search(
    store: Store, form: SearchForm, limit: int, offset: int
) -> tuple[list[HitView], bool]:
    """One page of hits, and whether there is a next page."""
    if form.since and form.until and form.since > form.until:
        raise SearchQueryError("The start date is after the end date.")
    hits = store.search(
        form.query,
        outlet=form.outlet,
        since=_day_start(form.since) if form.since else None,
        until=_day_end(form.until) if form.until else None,
        limit=limit + 1,
        offset=offset,
    )
    views = [
        HitView(
            kind=hit.kind,
            id=hit.id,
            story_id=hit.story_id,
            title=hit.title,
            outlet=hit.outlet,
            published=hit.published,
            snippet=hit.snippet,
            snippet_html=Markup(hit.snippet_html()),
            score=hit.score,
        )
        for hit in hits[:limit]
    ]
    return views, len(hits) > limit
