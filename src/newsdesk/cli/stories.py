"""``newsdesk stories``: the stored stories, newest first (the store alone, not the pipeline)."""

from __future__ import annotations

import click

from newsdesk.cli.context import current_settings, opened_store
from newsdesk.store import MAX_ID
from newsdesk.text import count_of


@click.command()
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_ID),
    default=50,
    show_default=True,
    help="How many stories to list.",
)
@click.option("--offset", type=click.IntRange(0, MAX_ID), default=0, show_default=True)
def stories(limit: int, offset: int) -> None:
    """List stories, newest first."""
    settings = current_settings()
    with opened_store(settings) as store:
        summaries = store.stories(limit=limit, offset=offset)
        total = store.story_count() if summaries else 0
    for story in summaries:
        last = story.last_published.date().isoformat() if story.last_published else "undated"
        click.echo(
            f"{story.id:>6}  {last:<10}  {count_of(story.article_count, 'article'):>12}  "
            f"{count_of(len(story.outlets), 'outlet'):>10}  {story.headline}"
        )
    hidden = total - offset - len(summaries)
    if hidden > 0:
        click.echo(
            f"{count_of(hidden, 'more story', 'more stories')} not listed: "
            f"--offset {offset + len(summaries)} for the next page, "
            f"--limit {total - offset} for all of them",
            err=True,
        )
    if not summaries and offset:
        click.echo(f"no stories past the first {offset}: lower --offset", err=True)
    elif not summaries:
        click.echo("no stories yet: run `newsdesk ingest PATH` first", err=True)
