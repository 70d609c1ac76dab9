"""The ``newsdesk`` command line: a click group over the pipeline stages.

Exit codes: 0 success; 1 something was rejected or nothing could be done (messages on stderr);
2 usage errors (click's own).

Each command's module is imported when that command runs, so ``newsdesk brief DIR`` does not pay
for the web server, the Dask backfill or the evaluation code.
"""

from __future__ import annotations

from importlib import import_module

import click

from newsdesk import __version__
from newsdesk.cli.context import settings_options

# Command name -> "module:attribute" of its click command.
COMMANDS = {
    "ingest": "newsdesk.cli.commands:ingest",
    "stories": "newsdesk.cli.commands:stories",
    "brief": "newsdesk.cli.commands:brief",
    "export": "newsdesk.cli.commands:export",
    "refresh": "newsdesk.cli.commands:refresh",
    "cluster": "newsdesk.cli.commands:cluster",
    "serve": "newsdesk.cli.serve:serve",
    "watch": "newsdesk.cli.watch:watch",
    "backfill": "newsdesk.cli.backfill:backfill",
    "doctor": "newsdesk.cli.doctor:doctor",
    "quotes": "newsdesk.cli.attribution:quotes",
    "claims": "newsdesk.cli.attribution:claims",
    "entity": "newsdesk.cli.attribution:entity",
    "watchlist": "newsdesk.cli.attribution:watchlist",
    "eval": "newsdesk.cli.eval:eval_group",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (the pattern in click's documentation)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name].split(":")
            command = getattr(import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{COMMANDS[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@settings_options
def cli() -> None:
    """Turn news articles from many outlets into one cited brief per story."""


def main() -> None:
    cli()
