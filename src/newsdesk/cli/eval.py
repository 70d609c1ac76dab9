"""``newsdesk eval ...``: quality evaluations on labelled data sets."""

from __future__ import annotations

from pathlib import Path

import click

from newsdesk.brief import DEFAULT_METHOD, METHODS
from newsdesk.cli.context import FiniteFloatRange, non_empty_inputs

shared_data_option = click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Shared data root holding multiling2011-en and ecbplus [../shared/data].",
)


@click.group("eval")
def eval_group() -> None:
    """Measure brief and clustering quality on labelled data sets."""


@eval_group.command("summarize")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--max-words",
    type=click.IntRange(min=1),
    default=None,
    help="Word budget [MultiLing 250, DUC 100].",
)
@click.option(
    "--method",
    type=click.Choice(list(METHODS)),
    default=DEFAULT_METHOD,
    show_default=True,
    help="newsdesk brief method.",
)
@click.option("--baselines/--no-baselines", default=True, help="Also run sumy LexRank, TextRank.")
@click.option("--stem/--no-stem", default=True, help="Porter stemming (ROUGE-1.5.5 -m).")
@click.option("--per-topic", is_flag=True, help="Also print every system's scores per topic.")
def summarize_command(
    dataset: Path, max_words: int | None, method: str, baselines: bool, stem: bool, per_topic: bool
) -> None:
    """ROUGE-1/2 of newsdesk briefs on a MultiLing or DUC-style DATASET folder.

    newsdesk's briefs are made as ``newsdesk brief CLUSTER_DIR --max-words N`` makes them."""
    from newsdesk.cli.context import current_settings
    from newsdesk.evaluation.summarize import (
        DatasetError,
        Summarizer,
        evaluate,
        format_table,
        format_topic_table,
        load_dataset,
        newsdesk_system,
        sumy_system,
    )

    try:
        data = load_dataset(dataset)
    except DatasetError as error:
        raise click.ClickException(str(error)) from None
    budget = max_words or (250 if data.layout == "multiling" else 100)
    settings = current_settings()
    systems: dict[str, Summarizer] = {f"newsdesk ({method})": newsdesk_system(method, settings)}
    if baselines:
        systems["sumy LexRank"] = sumy_system("lexrank")
        systems["sumy TextRank"] = sumy_system("textrank")
    results = evaluate(data, systems, budget, stem=stem, settings=settings)
    title = (
        f"{dataset} ({data.layout}, {len(data.topics)} topics): ROUGE-1.5.5 -n 2 -f A "
        f"-l {budget}{' -m' if stem else ''}"
    )
    click.echo(format_table(results, title))
    if per_topic:
        click.echo()
        click.echo(format_topic_table(results))


@eval_group.command("cluster")
@click.argument("inputs", nargs=-1, required=True, callback=non_empty_inputs)
@click.option(
    "--labels",
    default="folder",
    show_default=True,
    help="'folder' (label = a folder of the file's path) or the JSONL field holding the story.",
)
@click.option("--label-depth", type=int, default=1, show_default=True, help="Folder levels up.")
@click.option("--label-regex", default=None, help="Label = first group of this regex on the path.")
@click.option(
    "--baseline-threshold",
    type=FiniteFloatRange(0.0, 1.0),
    default=0.2,
    show_default=True,
    help="Cosine at which the baseline joins an article to its nearest earlier one.",
)
@click.option(
    "--shuffle",
    "seed",
    type=click.IntRange(min=0),
    default=None,
    help="Read the files in a random order (this seed), not sorted: undated articles take the "
    "time of the one read before them, so their stories depend on the order.",
)
def cluster_command(
    inputs: tuple[str, ...],
    labels: str,
    label_depth: int,
    label_regex: str | None,
    baseline_threshold: float,
    seed: int | None,
) -> None:
    """B-cubed and pairwise P/R/F1 of `newsdesk cluster` on labelled INPUTS, and of a baseline.

    The baseline is single-pass TF-IDF: each article joins the cluster of its most similar
    earlier article if their cosine reaches --baseline-threshold.
    """
    from newsdesk.cli.context import current_settings
    from newsdesk.evaluation.cluster import (
        LabelError,
        baseline_clusters,
        files_in_random_order,
        format_results,
        jsonl_labels,
        label_of_path,
        score,
    )
    from newsdesk.models import Article
    from newsdesk.pipeline import cluster_inputs
    from newsdesk.sources import read_sources

    settings = current_settings()
    if seed is not None:
        inputs = tuple(files_in_random_order(inputs, seed))
    articles = [a for a in read_sources(list(inputs), settings) if isinstance(a, Article)]
    try:
        if labels == "folder":
            gold = {
                a.key: label_of_path(a.provenance.source, label_regex, label_depth)
                for a in articles
            }
        else:
            by_record = jsonl_labels(list(inputs), labels)
            gold = {
                a.key: by_record[(a.provenance.source, a.provenance.record or "")]
                for a in articles
                if (a.provenance.source, a.provenance.record or "") in by_record
            }
    except LabelError as error:
        raise click.ClickException(str(error)) from None
    assignments, rejected = cluster_inputs(list(inputs), settings)
    ours = dict(assignments)
    gold = {key: label for key, label in gold.items() if key in ours}
    results = [
        score("newsdesk", ours, gold),
        score(
            f"baseline tf-idf@{baseline_threshold}",
            baseline_clusters(articles, baseline_threshold),
            gold,
        ),
    ]
    title = (
        f"{len(gold)} labelled articles, {len(set(gold.values()))} labels"
        f" ({len(rejected)} inputs rejected by the reader)"
    )
    click.echo(format_results(results, title))


@eval_group.command("quotes")
@click.option("--split", type=click.Choice(["all", "dev", "heldout", "dev2", "dev3"]), default=None)
@click.option("--errors", is_flag=True, help="Print every miss, false hit and wrong speaker.")
@shared_data_option
def quotes_command(split: str | None, errors: bool, data: Path | None) -> None:
    """Quote and speaker precision/recall on the annotated articles (tests/data/quotes)."""
    from newsdesk.evaluation.quotes import main

    argv = [*(["--split", split] if split else []), *(["--errors"] if errors else [])]
    main([*argv, *(["--data", str(data)] if data else [])])


@eval_group.command("support")
@click.option("--split", type=click.Choice(["dev", "heldout", "multiling", "all"]), default=None)
@click.option("--errors", is_flag=True, help="Print every outlet missed or wrongly counted.")
@shared_data_option
def support_command(split: str | None, errors: bool, data: Path | None) -> None:
    """Corroboration counts against the blind audit (tests/data/support): which outlets carry a
    brief sentence's point, and which sentences a claim rightly lists."""
    from newsdesk.evaluation.support import main

    argv = [*(["--split", split] if split else []), *(["--errors"] if errors else [])]
    main([*argv, *(["--data", str(data)] if data else [])])
