"""Shared CLI plumbing: global options into :class:`Settings`, opening the store, progress bars."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from newsdesk.config import ConfigError, Settings, load_settings
from newsdesk.logs import LOG_FORMATS, LOG_LEVELS, configure_logging
from newsdesk.models import Rejection
from newsdesk.store import MAX_ID, Store, StoreError, open_store, sqlite_path
from newsdesk.text import count_of

if TYPE_CHECKING:  # the pipeline imports the brief's scipy: 0.3 s that `newsdesk --help` skips
    from newsdesk.pipeline import IngestReport, ProgressCallback

F = TypeVar("F", bound=Callable[..., Any])

stderr = Console(stderr=True, highlight=False)

STORY_ID = click.IntRange(0, MAX_ID)


class FiniteFloatRange(click.FloatRange):
    """``click.FloatRange`` that also refuses ``nan`` and infinities, which ``float()`` reads
    from the words and from overlong numbers (``1e400``): nan passes every range check, and inf
    any lower bound."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        number = click.FLOAT.convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value} is not a finite number.", param, ctx)
        return super().convert(number, param, ctx)


def settings_options(command: F) -> F:
    """Global options of the ``newsdesk`` group; they end up in ``ctx.obj`` as Settings."""

    @click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        default=None,
        help="TOML settings file (default: ./newsdesk.toml if present).",
    )
    @click.option(
        "--db",
        default=None,
        envvar=None,
        help="Store: SQLite file path or postgresql:// URL (default: newsdesk.db).",
    )
    @click.option(
        "--log-level",
        type=click.Choice(LOG_LEVELS, case_sensitive=False),
        default=None,
        help="Log level (default: warning).",
    )
    @click.option(
        "--log-format",
        type=click.Choice(LOG_FORMATS),
        default=None,
        help="Logs on stderr as text, or one JSON object per line (default: text).",
    )
    @click.pass_context
    def wrapper(
        ctx: click.Context,
        /,
        config_file: str | None,
        db: str | None,
        log_level: str | None,
        log_format: str | None,
        **kwargs: Any,
    ) -> Any:
        overrides = {"db": db, "log_level": log_level, "log_format": log_format}
        try:
            ctx.obj = load_settings(config_file, overrides=overrides)
            configure_logging(ctx.obj.log_level, ctx.obj.log_format)
        except (ConfigError, ValueError) as error:
            raise click.UsageError(str(error)) from None
        return ctx.invoke(command, **kwargs)

    # click names the command and writes its help from these.
    wrapper.__name__, wrapper.__doc__ = command.__name__, command.__doc__
    return wrapper  # type: ignore[return-value]


def non_empty_inputs(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """A click callback for input arguments: an empty string would mean the current folder."""
    del ctx, param
    if any(not item for item in value):
        raise click.BadParameter("an input is an empty string (to read this folder, pass '.')")
    return value


def current_settings() -> Settings:
    settings = click.get_current_context().find_root().obj
    assert isinstance(settings, Settings)
    return settings


def require_store_file(settings: Settings) -> None:
    """A one-line CLI error when the configured store is a SQLite file that does not exist:
    opening it would create an empty store, hiding a mistyped --db behind "no stories yet"."""
    path = sqlite_path(settings.db)
    if path is not None and not path.exists():
        raise click.ClickException(
            f"no store at {path}: run `newsdesk ingest PATH` first, or check --db"
        )


@contextmanager
def opened_store(settings: Settings, *, create: bool = False) -> Iterator[Store]:
    """The configured store; a store error, at open or mid-run, becomes a one-line CLI error.

    Only commands that add articles (``create=True``) create a missing SQLite store; the others
    refuse it with :func:`require_store_file`.
    """
    if not create:
        require_store_file(settings)
    try:
        store = open_store(settings.db)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        yield store
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    finally:
        store.close()


def ingest_summary(report: IngestReport) -> str:
    """What an ingest did, in one line: "added 3, duplicates skipped 0, ...; 1 new story, ..."."""
    return (
        f"added {report.added}, duplicates skipped {report.duplicates}, "
        f"reprints linked {report.reprints}, rejected {len(report.rejected)}; "
        f"{count_of(report.new_stories, 'new story', 'new stories')}, "
        f"{count_of(len(report.stories_touched), 'story', 'stories')} updated"
    )


def report_rejections(rejections: Iterable[Rejection]) -> None:
    """One line on stderr per rejected record, naming the file and record."""
    for rejection in rejections:
        stderr.print(f"rejected: {rejection}", markup=False, soft_wrap=True)


@contextmanager
def progress_bar(totals: dict[str, int] | None = None) -> Iterator[ProgressCallback]:
    """A progress display on stderr with one line per pipeline stage; ``totals``: the stages whose
    amount of work is known up front (others show a count without an end)."""
    labels = {"read": "reading articles", "place": "dedup + clustering", "brief": "writing briefs"}
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<20}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=stderr,
        transient=False,
        disable=not stderr.is_terminal,
    ) as progress:
        tasks: dict[str, Any] = {}

        def advance(stage: str, count: int) -> None:
            if stage not in tasks:
                total = (totals or {}).get(stage)
                tasks[stage] = progress.add_task(labels.get(stage, stage), total=total)
            progress.advance(tasks[stage], count)

        yield advance
