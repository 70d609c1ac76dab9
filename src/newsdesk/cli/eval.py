"""``newsdesk eval ...``: quality evaluations on labelled data sets."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("eval")
def eval_group() -> None:
    """Measure brief and clustering quality on labelled data sets."""


@eval_group.command("summarize")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--max-words", type=int, default=None, help="Word budget [MultiLing 250, DUC 100].")
@click.option("--method", default="default", show_default=True, help="newsdesk brief method.")
@click.option("--baselines/--no-baselines", default=True, help="Also run sumy LexRank, TextRank.")
@click.option("--stem/--no-stem", default=True, help="Porter stemming (ROUGE-1.5.5 -m).")
def summarize_command(
    dataset: Path, max_words: int | None, method: str, baselines: bool, stem: bool
) -> None:
    """ROUGE-1/2 of newsdesk briefs on a MultiLing or DUC-style DATASET folder."""
    from newsdesk.evaluation.summarize import (
        DatasetError,
        Summarizer,
        evaluate,
        format_table,
        load_dataset,
        newsdesk_system,
        sumy_system,
    )

    try:
        data = load_dataset(dataset)
    except DatasetError as error:
        raise click.ClickException(str(error)) from None
    budget = max_words or (250 if data.layout == "multiling" else 100)
    systems: dict[str, Summarizer] = {f"newsdesk ({method})": newsdesk_system(method)}
    if baselines:
        systems["sumy LexRank"] = sumy_system("lexrank")
        systems["sumy TextRank"] = sumy_system("textrank")
    results = evaluate(data, systems, budget, stem=stem)
    title = (
        f"{dataset} ({data.layout}, {len(data.topics)} topics): ROUGE-1.5.5 -n 2 -f A "
        f"-l {budget}{' -m' if stem else ''}"
    )
    click.echo(format_table(results, title))
