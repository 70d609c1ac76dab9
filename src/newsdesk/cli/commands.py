"""The pipeline commands: ingest, brief, export, refresh, cluster."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import click

from newsdesk.brief.base import prepare
from newsdesk.cli.context import (
    STORY_ID,
    current_settings,
    ingest_summary,
    non_empty_inputs,
    opened_store,
    progress_bar,
    report_rejections,
)
from newsdesk.config import ConfigError, with_flags
from newsdesk.export import (
    FORMATS,
    StoryView,
    load_story_views,
    render,
    story_to_dict,
    story_view,
)
from newsdesk.pipeline import (
    ONE_STORY,
    attribute_story,
    brief_story,
    cluster_inputs,
    rebuild_briefs,
    scratch_store,
    store_as_one_story,
    story_sources,
)
from newsdesk.pipeline import ingest as run_ingest
from newsdesk.sources import read_sources
from newsdesk.store import MAX_ID, Store
from newsdesk.text import count_of


@click.command()
@click.argument("inputs", nargs=-1, required=True, callback=non_empty_inputs)
def ingest(inputs: tuple[str, ...]) -> None:
    """Read articles from files, folders, feeds or URLs into the store.

    INPUTS are JSONL, HTML, text or JSON files, folders of them, RSS/Atom feeds, WARC files,
    TREC/LDC SGML files, or http(s) URLs of feeds and pages. Exits with 1 if any record was
    rejected (each one is reported on stderr); everything else is still stored.
    """
    settings = current_settings()
    try:
        with opened_store(settings, create=True) as store, progress_bar() as progress:
            report = run_ingest(list(inputs), store, settings, progress)
    except KeyboardInterrupt:
        click.echo(
            "interrupted: run the same ingest again to finish (nothing committed is lost)", err=True
        )
        sys.exit(130)
    report_rejections(report.rejected)
    click.echo(ingest_summary(report))
    if report.rejected:
        sys.exit(1)


@click.command()
@click.argument("target", nargs=-1, required=True, callback=non_empty_inputs)
@click.option(
    "--max-words", type=click.IntRange(min=1), default=None, help="Word budget (default: settings)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plain", "markdown", "json"]),
    default="markdown",
    show_default=True,
)
def brief(target: tuple[str, ...], max_words: int | None, fmt: str) -> None:
    """Print the brief of a stored STORY id, or of all articles in PATHs taken as one story.

    \b
    newsdesk brief 12                       a stored story
    newsdesk brief DIR --max-words 100 --format plain
                                            files as one story; one sentence per line
    """
    settings = current_settings()
    budget = settings.brief_max_words if max_words is None else max_words
    if len(target) == 1 and target[0].isdigit() and not Path(target[0]).exists():
        story_id = int(target[0])
        if story_id > MAX_ID:
            raise click.BadParameter(f"no story id is above {MAX_ID}", param_hint="'TARGET...'")
        with opened_store(settings) as store:
            view = _fresh_brief_view(store, story_id, budget, f"story {story_id}")
    else:
        with scratch_store() as store:
            items = read_sources(list(target), settings)
            report_rejections(store_as_one_story(items, store, settings))
            if store.story(ONE_STORY) is None:
                raise click.ClickException("no article could be read from the given paths")
            view = _fresh_brief_view(store, ONE_STORY, budget, "the given articles")
            if fmt != "plain":  # who said what, named, timeline: as for a stored story
                attribute_story(store, ONE_STORY, view.brief, ner=settings.attribution_ner)
                view = replace(view, attribution=store.get_attribution(ONE_STORY))
    if fmt == "plain":
        sentences = view.brief.sentences if view.brief else []
        click.echo("".join(s.text + "\n" for s in sentences), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(story_to_dict(view), ensure_ascii=False, indent=2))
    else:
        click.echo(render([view], "markdown"), nl=False)


def _fresh_brief_view(store: Store, story_id: int, max_words: int, name: str) -> StoryView:
    """A story with a brief made now at ``max_words``; the stored brief is left as it is.

    When no sentence fits, a note on stderr says so (the brief is empty, and exit status 0, as
    for the other commands with nothing to show).
    """
    resolved = store.resolve_story(story_id)
    summary = store.story(resolved)
    if summary is None:
        raise click.ClickException(f"no story {story_id}: `newsdesk stories` lists them")
    brief = brief_story(store, resolved, max_words)
    if brief.headline:  # a story read from PATHs has no stored brief that chose it
        summary = replace(summary, headline=brief.headline)
    if not brief.sentences:
        articles, _ = story_sources(store, resolved)
        shortest = min((unit.length for unit in prepare(articles).units), default=None)
        if shortest is None:
            click.echo(f"no sentence of {name} can be briefed", err=True)
        else:
            click.echo(
                f"no sentence of {name} fits in {count_of(max_words, 'word')} "
                f"(the shortest has {shortest}); raise --max-words",
                err=True,
            )
    return story_view(store, summary, brief)


def require_stories(store: Store, story_ids: Sequence[int]) -> None:
    """A usage error naming the ids among ``story_ids`` that are no story."""
    missing = [i for i in story_ids if store.story(store.resolve_story(i)) is None]
    if missing:
        listed = ", ".join(map(str, missing))
        raise click.ClickException(f"no story {listed}: `newsdesk stories` lists them")


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to this file instead of stdout.",
)
@click.option(
    "--story",
    "story_ids",
    type=STORY_ID,
    multiple=True,
    metavar="ID",
    help="Only this story; repeat the option for more (--story 3 --story 7).",
)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="Where the web UI is published: RSS items link to URL/stories/ID "
    "(default: setting site_url, http://127.0.0.1:8000).",
)
def export(fmt: str, output: str | None, story_ids: tuple[int, ...], site_url: str | None) -> None:
    """Export stories with their briefs and citations (HTML is one self-contained page)."""
    try:
        settings = with_flags(current_settings(), site_url=site_url)
    except ConfigError as error:
        raise click.UsageError(str(error)) from None
    with opened_store(settings) as store:
        require_stories(store, story_ids)
        views: list[StoryView] = load_story_views(store, story_ids or None)
    text = render(views, fmt, site_url=settings.site_url)
    if output is None:
        click.echo(text, nl=False)
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(text, encoding="utf-8")
    click.echo(f"wrote {len(views)} stories to {output}", err=True)


@click.command()
@click.option("--story", "story_ids", type=STORY_ID, multiple=True, help="Only these stories.")
def refresh(story_ids: tuple[int, ...]) -> None:
    """Rebuild the briefs, quotes, entities, claims and timelines of every stored story (or of
    --story ones) with this version of newsdesk and the current settings.

    Ingest only rebuilds the stories it touches: run this after upgrading newsdesk or changing
    a brief or attribution setting.
    """
    settings = current_settings()
    with opened_store(settings) as store:
        require_stories(store, story_ids)
        ids = (
            sorted({store.resolve_story(i) for i in story_ids})
            if story_ids
            else [s.id for s in store.stories(limit=MAX_ID, offset=0)]
        )
        try:
            with progress_bar({"brief": len(ids)}) as progress:
                rebuild_briefs(
                    store,
                    ids,
                    settings.brief_max_words,
                    progress,
                    ner=settings.attribution_ner,
                    processes=settings.attribution_processes,
                )
        except KeyboardInterrupt:
            click.echo("interrupted: the stories refreshed so far are saved", err=True)
            sys.exit(130)
    click.echo(f"refreshed {len(ids)} {'story' if len(ids) == 1 else 'stories'}")


@click.command()
@click.argument("inputs", nargs=-1, required=True, callback=non_empty_inputs)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def cluster(inputs: tuple[str, ...], fmt: str) -> None:
    """Cluster all articles in INPUTS into stories, without touching the store.

    Prints one line per article: {"article": ID, "story": STORY_ID}, where ID is the SGML DOCNO,
    else the JSONL id, else the URL, else the file path.
    """
    del fmt
    settings = current_settings()
    with progress_bar() as progress:
        assignments, rejected = cluster_inputs(list(inputs), settings, progress)
    report_rejections(rejected)
    if not assignments:
        raise click.ClickException("no article could be read from the given inputs")
    for key, story_id in assignments:
        click.echo(json.dumps({"article": key, "story": story_id}, ensure_ascii=False))
