"""Attribution commands: quotes, claims, entity, and the watchlist."""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta

import click
from rich.console import Console
from rich.table import Table

from newsdesk.attribution import (
    WatchMatch,
    entity_report,
    story_attribution,
    watchlist_matches,
)
from newsdesk.cli.context import STORY_ID, current_settings, opened_store
from newsdesk.models import StoryAttribution
from newsdesk.store import Store, StoreError
from newsdesk.text import count_of

# Wide enough for quotes when piped (rich assumes 80 columns without a terminal).
stdout = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 140)


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment is not None else ""


def _attribution(store: Store, story: int) -> tuple[int, StoryAttribution]:
    story_id = store.resolve_story(story)
    found = story_attribution(store, story_id)
    if found is None:
        raise click.ClickException(f"no story {story}: `newsdesk stories` lists them")
    return story_id, found


@click.command()
@click.argument("story", type=STORY_ID)
def quotes(story: int) -> None:
    """Who said what in STORY: speaker, quote, outlet, the outlet they spoke to, date."""
    with opened_store(current_settings()) as store:
        story_id, attribution = _attribution(store, story)
    table = Table(title=f"Quotes in story {story_id}", show_lines=True)
    for column, ratio in (("speaker", 2), ("quote", 5), ("outlet", 1), ("told", 1), ("date", 1)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for q in attribution.quotes:
        text = f"“{q.text}”" if q.direct else q.text
        table.add_row(q.speaker, text, q.outlet, q.told_outlet or "", _day(q.published))
    stdout.print(table)
    if not attribution.quotes:
        click.echo("no quotes found")


@click.command()
@click.argument("story", type=STORY_ID)
@click.option("--min-outlets", type=int, default=1, show_default=True, help="Hide weaker claims.")
def claims(story: int, min_outlets: int) -> None:
    """The claims of STORY, each with its independent outlets and first reporter."""
    with opened_store(current_settings()) as store:
        story_id, attribution = _attribution(store, story)
    table = Table(title=f"Claims in story {story_id}", show_lines=True)
    for column, ratio in (
        ("outlets", 1),
        ("claim", 6),
        ("first reported", 2),
        ("also carried by", 2),
    ):
        table.add_column(column, overflow="fold", ratio=ratio)
    for c in attribution.claims:
        if c.support < min_outlets:
            continue
        # Undated reports (ECB+, plain text) give no order: no outlet can be called the first.
        first = f"{c.first_outlet} {_day(c.first_published)}" if c.first_published else "undated"
        others = [o for o in c.carried_by if o != c.first_outlet]
        table.add_row(str(c.support), c.text, first, ", ".join(others))
    stdout.print(table)


@click.command()
@click.argument("name")
def entity(name: str) -> None:
    """An entity (person, organisation, place, facility) across stories, with its timeline."""
    with opened_store(current_settings()) as store:
        report = entity_report(store, name)
    if report is None:
        raise click.ClickException(f"no stored story mentions {name!r}")
    click.echo(f"{report.name} ({report.kind}), {report.mentions} mentions")
    click.echo(f"aliases: {', '.join(report.aliases)}")
    click.echo(f"stories ({len(report.stories)}):")
    for summary in report.stories:
        click.echo(f"  {summary.id:>6}  {_day(summary.last_published):<10}  {summary.headline}")
    table = Table(title="timeline", show_lines=False)
    for column in ("date", "outlets", "development", "first reported by"):
        table.add_column(column, overflow="fold")
    for event in report.timeline:
        table.add_row(_day(event.day), str(event.support), event.text, event.outlet)
    stdout.print(table)


@click.group()
def watchlist() -> None:
    """Follow entities or keywords: add, remove, list, and see matching stories and claims."""


@watchlist.command("add")
@click.argument("term", nargs=-1, required=True)
def watch_add(term: tuple[str, ...]) -> None:
    """Follow TERM (an entity name or keywords)."""
    text = " ".join(term)
    with opened_store(current_settings(), create=True) as store:
        try:
            added = store.add_watch(text)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"following {text!r}" if added else f"already following {text!r}")


@watchlist.command("remove")
@click.argument("term", nargs=-1, required=True)
def watch_remove(term: tuple[str, ...]) -> None:
    """Stop following TERM."""
    text = " ".join(term)
    with opened_store(current_settings()) as store:
        removed = store.remove_watch(text)
    if not removed:
        raise click.ClickException(f"{text!r} is not on the watchlist")
    click.echo(f"stopped following {text!r}")


@watchlist.command("list")
def watch_list() -> None:
    """The followed terms."""
    with opened_store(current_settings()) as store:
        for term, added in store.watchlist():
            click.echo(f"{term}\t(since {_day(added)})")


@watchlist.command("matches")
@click.option(
    "--since",
    default="7d",
    show_default=True,
    help="Stories updated since: an ISO date/time, or a span back from now like 12h, 7d; 'all'.",
)
def watch_matches(since: str) -> None:
    """Stories updated since --since that mention a followed term, with the claims that do."""
    moment = _parse_since(since)
    with opened_store(current_settings()) as store:
        found = watchlist_matches(store, moment)
    if not found:
        click.echo("no matches")
    for line in describe_matches(found):
        click.echo(line)


def describe_matches(found: Sequence[WatchMatch], max_claims: int | None = None) -> list[str]:
    """Lines for the user: each matching story, then its claims that mention the term."""
    lines = []
    for match in found:
        story = match.story
        lines.append(f"[{match.term}] story {story.id}: {story.headline}")
        shown = match.claims if max_claims is None else match.claims[:max_claims]
        for c in shown:
            lines.append(f"    ({count_of(c.support, 'outlet')}, first {c.first_outlet}) {c.text}")
        if len(shown) < len(match.claims):
            lines.append(f"    (+{len(match.claims) - len(shown)} more claims)")
    return lines


def watch_report(store: Store, stories: Collection[int]) -> list[str]:
    """What ``newsdesk watch`` prints after a poll that touched ``stories``: the watchlist
    matches among them (at most three claims each; `watchlist matches` lists all)."""
    if not stories:
        return []
    return [
        f"watchlist: {line}"
        for line in describe_matches(watchlist_matches(store, stories=stories), max_claims=3)
    ]


def _parse_since(text: str) -> datetime | None:
    if text == "all":
        return None
    units = {"h": "hours", "d": "days", "w": "weeks"}
    if text[:-1].isdigit() and text[-1:] in units:
        try:
            return datetime.now(UTC) - timedelta(**{units[text[-1]]: int(text[:-1])})
        except OverflowError:  # past timedelta's or datetime's range
            raise click.BadParameter(
                f"{text!r} reaches back before the year 1; use a shorter span or 'all'",
                param_hint="'--since'",
            ) from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: use an ISO date, 12h, 7d, 2w or 'all'", param_hint="'--since'"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
