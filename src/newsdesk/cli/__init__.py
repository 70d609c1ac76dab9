"""The ``newsdesk`` command line: a click group over the pipeline stages.

Exit codes: 0 success; 1 something was rejected or nothing could be done (messages on stderr);
2 usage errors (click's own).

Each command's module is imported when that command runs, so ``newsdesk brief DIR`` does not pay
for the web server, the Dask backfill or the evaluation code.
"""

from __future__ import annotations

import ast
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import click

from newsdesk import __version__
from newsdesk.cli.context import settings_options

# Command name -> "module:attribute" of its click command.
COMMANDS = {
    "ingest": "newsdesk.cli.commands:ingest",
    "stories": "newsdesk.cli.stories:stories",
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

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``newsdesk --help``, with each command's one-line help read from
        its docstring in the source: importing every command's module for it took 0.5 s."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            short_help = None if name in self.commands else _short_help(COMMANDS[name], limit)
            if short_help is None:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                short_help = command.get_short_help_str(limit)
            rows.append((name, short_help))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _short_help(target: str, limit: int) -> str | None:
    """The short help click makes from a "module:function" command's docstring, read without
    importing the module; None when its source cannot be read."""
    module, attribute = target.split(":")
    spec = find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    try:
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    except OSError:  # not a file on disk (a zip archive): import the command instead
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == attribute:
            docstring = ast.get_docstring(node)
            return click.Command(attribute, help=docstring).get_short_help_str(limit)
    return None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@settings_options
def cli() -> None:
    """Turn news articles from many outlets into one cited brief per story."""


def main() -> None:
    cli()
