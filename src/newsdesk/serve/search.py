"""Full-text search over articles and briefs, shared by the search page and ``/api/search``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from markupsafe import Markup

from newsdesk.store import SearchHit, Store, snippet_to_html


class SearchQueryError(ValueError):
    """A search the user must fix (bad date range, unusable query); the message says how."""


@dataclass(frozen=True, slots=True)
class SearchForm:
    query: str
    outlet: str | None = None
    since: date | None = None
    until: date | None = None


def hit_url(hit: SearchHit) -> str:
    """The page a hit links to: the story for a brief, else the article."""
    return f"/stories/{hit.id}" if hit.kind == "brief" else f"/articles/{hit.id}"


def snippet_markup(snippet: str) -> Markup:
    """A hit's snippet as HTML: escaped, with only the store's ``<mark>`` markers kept."""
    return Markup(snippet_to_html(snippet))


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _day_end(day: date) -> datetime:
    """The last moment of ``day``: the store's until bound is inclusive, so the day is too."""
    return datetime.combine(day, time.max, tzinfo=UTC)


def run_search(
    store: Store, form: SearchForm, limit: int, offset: int
) -> tuple[list[SearchHit], bool]:
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
    return hits[:limit], len(hits) > limit
