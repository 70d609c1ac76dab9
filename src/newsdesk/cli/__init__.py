"""The ``newsdesk`` command line: a click group over the pipeline stages.

Exit codes: 0 success; 1 something was rejected or nothing could be done (messages on stderr);
2 usage errors (click's own).
"""

from __future__ import annotations

import click

from newsdesk import __version__
from newsdesk.cli.attribution import COMMANDS as ATTRIBUTION_COMMANDS
from newsdesk.cli.backfill import backfill
from newsdesk.cli.commands import brief, cluster, export, ingest, stories
from newsdesk.cli.context import settings_options
from newsdesk.cli.doctor import doctor
from newsdesk.cli.eval import eval_group
from newsdesk.cli.serve import serve
from newsdesk.cli.watch import watch


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@settings_options
def cli() -> None:
    """Turn news articles from many outlets into one cited brief per story."""


for command in (
    ingest,
    stories,
    brief,
    export,
    cluster,
    serve,
    watch,
    backfill,
    doctor,
    *ATTRIBUTION_COMMANDS,
    eval_group,
):
    cli.add_command(command)


def main() -> None:
    cli()
