"""Distributed backfill on a real Dask LocalCluster: same stories as a single-process ingest,
WARC record ranges that add up to the whole file, and the command line with JSON logs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus import ecbplus_records, record_url, wikinews_records, write_jsonl, write_warc
from newsdesk.backfill import backfill, close_client, plan_partitions, run_partition, start_client
from newsdesk.config import Settings
from newsdesk.models import Article
from newsdesk.pipeline import ingest
from newsdesk.sources import read_sources
from newsdesk.sources.warc import record_offsets
from newsdesk.store import Store, open_store


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    client = start_client(None, 2)
    try:
        yield client
    finally:
        close_client(client)


def story_partition(store: Store) -> list[list[str]]:
    """The stories as sorted lists of article keys (story ids themselves may differ)."""
    stories: dict[int, list[str]] = {}
    for stored in store.iter_articles():
        assert stored.story_id is not None, f"{stored.article.key} was never placed"
        stories.setdefault(store.resolve_story(stored.story_id), []).append(stored.article.key)
    return sorted(sorted(keys) for keys in stories.values())


def _syndicated_copy(record: dict[str, Any]) -> dict[str, Any]:
    """A reprint of a real article by another outlet: new headline, last paragraph cut."""
    paragraphs = record["text"].split("\n\n")
    text = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else record["text"]
    return {
        **record,
        "id": record["id"] + "-copy",
        "outlet": "reprints.example",
        "title": "Reprint: " + record["title"],
        "text": text,
    }


def test_backfill_gives_the_stories_of_a_single_process_ingest(tmp_path: Path, client: Any) -> None:
    # Three ECB+ topics, each with two similar events, as a crawler's WARC, plus a reprint and
    # a JSONL file of other stories: the clustering decisions are far from trivial.
    records = ecbplus_records(["10", "11", "12"])
    reprint = _syndicated_copy(records[5])
    records.append(reprint)
    warc = write_warc(tmp_path / "news.warc.gz", records)
    jsonl = write_jsonl(tmp_path / "other.jsonl", wikinews_records(12))
    inputs = [str(warc), str(jsonl)]
    settings = Settings()

    with open_store(str(tmp_path / "single.db")) as single:
        expected = ingest(inputs, single, settings)
        single_stories = story_partition(single)
        single_briefs = {
            tuple(sorted(a.article.key for a in single.story_articles(s.id))): (
                single.get_brief(s.id),
                single.get_attribution(s.id),
            )
            for s in single.stories(limit=1000)
        }
    assert expected.added == len(records) + 12 and expected.reprints >= 1

    with open_store(str(tmp_path / "distributed.db")) as store:
        report = backfill(inputs, store, settings, client, partition_size=9)
        assert report.partitions >= 2 * len(records) // 9  # the WARC really was split
        assert report.ingest.added == expected.added
        assert report.ingest.reprints == expected.reprints
        assert report.ingest.rejected == expected.rejected == []
        assert story_partition(store) == single_stories
        assert 1 < len(single_stories) < expected.added
        copy = store.article_by_key(record_url(reprint))
        assert copy is not None and copy.canonical_id is not None
        quoted = named = 0
        for story in store.stories(limit=1000):
            keys = tuple(sorted(a.article.key for a in store.story_articles(story.id)))
            # Briefs and attribution were computed on the workers, yet match the single process.
            single_brief, single_attribution = single_briefs[keys]
            brief, attribution = store.get_brief(story.id), store.get_attribution(story.id)
            assert brief is not None and single_brief is not None
            assert [s.text for s in brief.sentences] == [s.text for s in single_brief.sentences]
            assert attribution is not None and attribution == single_attribution
            quoted += len(attribution.quotes)
            named += len(attribution.entities)
        assert quoted > 0 and named > 0  # the comparison above was not of empty attributions

        again = backfill(inputs, store, settings, client, partition_size=9)
        assert again.ingest.added == 0 and again.ingest.duplicates == expected.added
        assert story_partition(store) == single_stories

    # The workers' NER spans were kept, as a single-process ingest keeps them.
    def spans(db: Path) -> set[tuple[str, str, str]]:
        with sqlite3.connect(db) as connection:
            return set(connection.execute("SELECT model, text_hash, spans FROM ner_spans"))

    kept = spans(tmp_path / "distributed.db")
    assert kept == spans(tmp_path / "single.db") and len(kept) >= expected.added


def test_warc_record_ranges_add_up_to_the_whole_file(tmp_path: Path) -> None:
    records = wikinews_records(23)
    for gzip in (True, False):
        warc = write_warc(tmp_path / f"w{int(gzip)}.warc{'.gz' if gzip else ''}", records, gzip)
        offsets = record_offsets(warc)
        assert len(offsets) == 2 * len(records)  # request + response per page
        partitions = plan_partitions([str(warc)], 5, {str(warc): offsets})
        assert len(partitions) == 10 and partitions[-1].stop is None
        settings = Settings(embedder="tfidf")
        pieces = [run_partition(p, settings) for p in partitions]
        ranged = [item for piece in pieces for item in piece.items]
        whole = list(read_sources([str(warc)], settings))
        assert ranged == whole
        assert all(isinstance(item, Article) for item in whole) and len(whole) == len(records)
        assert sum(len(piece.signatures) for piece in pieces) == len(records)


def test_files_are_grouped_in_input_order(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Title {i}\n\nSome text here number {i}.")
    partitions = plan_partitions([str(folder), "https://example.com/feed"], 2, {})
    assert [p.sources for p in partitions] == [
        (str(folder / "0.txt"), str(folder / "1.txt")),
        (str(folder / "2.txt"), str(folder / "3.txt")),
        (str(folder / "4.txt"), "https://example.com/feed"),
    ]


def test_backfill_command_with_json_logs(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "news.warc.gz", wikinews_records(30))
    db = tmp_path / "news.db"
    command = [
        sys.executable,
        "-m",
        "newsdesk",
        "--db",
        str(db),
        "--log-format",
        "json",
        "--log-level",
        "info",
        "backfill",
        str(warc),
        "--workers",
        "1",
        "--partition-size",
        "20",
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NEWSDESK_EMBEDDER": "tfidf"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 30, duplicates skipped 0")
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    names = [e["message"] for e in events if e["logger"] == "newsdesk.backfill"]
    assert names == ["backfill planned"] + ["partition stored"] * 3 + ["backfill finished"]
    finished = events[-1]
    assert finished["added"] == 30 and finished["level"] == "info" and "time" in finished
    with open_store(str(db)) as store:
        assert store.article_count() == 30


def test_installed_model_name_is_the_loaded_models_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.attribute import nlp

    if nlp.load_nlp() is None:
        pytest.skip(f"spaCy model {nlp.MODEL_NAME} not installed")
    assert nlp.installed_model_name() == nlp.ner_model_name() == nlp.model_name(nlp.load_nlp())
    monkeypatch.setattr(nlp, "MODEL_NAME", "no_such_model_package")
    assert nlp.installed_model_name() is None


def test_the_driver_does_not_load_spacy(
    tmp_path: Path, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.attribute import nlp

    expected_model = nlp.installed_model_name()
    if expected_model is None:
        pytest.skip(f"spaCy model {nlp.MODEL_NAME} not installed")

    def refuse() -> None:
        raise AssertionError("the driver loaded the spaCy pipeline")

    # In this (the driver's) process only: the workers are processes of their own.
    monkeypatch.setattr(nlp, "load_nlp", refuse)
    warc = write_warc(tmp_path / "news.warc.gz", wikinews_records(8))
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        report = backfill([str(warc)], store, Settings(embedder="tfidf"), client, partition_size=4)
        assert report.ingest.added == 8
        assert all(store.get_attribution(s.id) is not None for s in store.stories(limit=100))
    # The workers did use spaCy, and the driver named their model right (else BackfillError).
    with sqlite3.connect(db) as connection:
        models = {model for (model,) in connection.execute("SELECT model FROM ner_spans")}
    assert models == {expected_model}
