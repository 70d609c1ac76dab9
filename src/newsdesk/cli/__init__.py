"""The ``newsdesk`` command line: a click group over the pipeline stages."""

from __future__ import annotations

import click

from newsdesk import __version__
from newsdesk.cli.eval import eval_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
def cli() -> None:
    """Turn news articles from many outlets into one cited brief per story."""


cli.add_command(eval_group)


def main() -> None:
    cli()
