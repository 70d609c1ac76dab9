"""``newsdesk backfill INPUTS...``: ingest a large archive with the work spread over Dask."""

from __future__ import annotations

import sys

import click

from newsdesk.backfill import (
    DEFAULT_PARTITION_SIZE,
    BackfillError,
    close_client,
    start_client,
)
from newsdesk.backfill import (
    backfill as run_backfill,
)
from newsdesk.cli.context import (
    current_settings,
    ingest_summary,
    non_empty_inputs,
    opened_store,
    progress_bar,
    report_rejections,
)
from newsdesk.text import count_of


@click.command()
@click.argument("inputs", nargs=-1, required=True, callback=non_empty_inputs)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786); default: a local cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Worker processes of the local cluster (ignored with --scheduler).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=DEFAULT_PARTITION_SIZE,
    show_default=True,
    help="WARC records (or other files) per unit of work.",
)
def backfill(
    inputs: tuple[str, ...], scheduler: str | None, workers: int, partition_size: int
) -> None:
    """Ingest INPUTS (WARC files, folders, any format `ingest` reads) on Dask workers.

    Extraction, dedup signatures and embeddings run in parallel; storing, dedup, clustering and
    briefs then run here, giving the same stories as `newsdesk ingest`. A killed backfill is
    completed by running it again. Exits with 1 if any record was rejected.
    """
    settings = current_settings()
    # The client first: without the 'distributed' extra this fails before a store is created.
    try:
        client = start_client(scheduler, workers)
    except BackfillError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot reach the Dask scheduler: {error}") from None
    try:
        with opened_store(settings, create=True) as store, progress_bar() as progress:
            report = run_backfill(list(inputs), store, settings, client, partition_size, progress)
    except BackfillError as error:
        raise click.ClickException(str(error)) from None
    finally:
        close_client(client)
    ingest = report.ingest
    report_rejections(ingest.rejected)
    click.echo(f"{ingest_summary(ingest)} ({count_of(report.partitions, 'partition')})")
    if ingest.rejected:
        sys.exit(1)
