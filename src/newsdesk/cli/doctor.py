"""``newsdesk doctor``: check the store, its schema, search, the models and disk space."""

from __future__ import annotations

import sys

import click

from newsdesk.cli.context import current_settings
from newsdesk.doctor import run_checks


@click.command()
def doctor() -> None:
    """Check that newsdesk can run here; exits with 1 if any check FAILs.

    WARN means it works in a degraded way, e.g. a model package is missing and its fallback is
    used.
    """
    checks = run_checks(current_settings())
    width = max(len(c.name) for c in checks)
    for check in checks:
        click.echo(f"{check.status:<5} {check.name:<{width}}  {check.detail}")
    if any(c.status == "FAIL" for c in checks):
        sys.exit(1)
