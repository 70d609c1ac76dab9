"""``newsdesk eval ...``: quality evaluations on labelled data sets."""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Measure brief and clustering quality on labelled data sets."""
