"""Story clustering on real articles: copies, distinct events, the time window, restore, merges."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.cluster import StoryClusterer, cluster_articles, publication_order
from newsdesk.config import Settings
from newsdesk.embed import HashingEmbedder
from newsdesk.evaluation.bcubed import bcubed
from newsdesk.evaluation.cluster import (
    LabelError,
    Labelled,
    jsonl_labels,
    load_labelled_folder,
    load_labelled_jsonl,
)
from newsdesk.models import Article
from newsdesk.pipeline import IngestReport, cluster_inputs, place_unassigned
from newsdesk.sources import read_sources
from newsdesk.store import Store, open_store

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "docs"
pytestmark = pytest.mark.skipif(not ECBPLUS.is_dir(), reason="needs ../shared/data/ecbplus")

EMBEDDER = HashingEmbedder()
SETTINGS = Settings()
T0 = datetime(2024, 3, 1, 12)


def _events(*folders: str) -> Labelled:
    return load_labelled_folder([ECBPLUS / f for f in folders])


def _dated(articles: list[Article], start: datetime = T0, step_hours: float = 1) -> list[Article]:
    return [
        dataclasses.replace(a, published=start + timedelta(hours=i * step_hours))
        for i, a in enumerate(articles)
    ]


def _clusterer(**changes: float) -> StoryClusterer:
    return StoryClusterer(SETTINGS.replace(**changes), EMBEDDER)


def _one_story(clusterer: StoryClusterer, articles: list[Article]) -> int:
    """Adds ``articles`` and returns the one story they end in (after any merges)."""
    placed = [clusterer.add(a) for a in articles]
    final = placed[-1].story_id
    absorbed = {gone for gone, into in clusterer.merges}
    assert {p.story_id for p in placed} - {final} <= absorbed
    return final


def test_verbatim_copy_joins_its_original_even_when_nothing_else_would() -> None:
    articles = _dated(_events("37ecbplus").articles[:4])
    clusterer = _clusterer(cluster_threshold=2.0)  # no article can reach this score
    stories = [clusterer.add(a).story_id for a in articles]
    assert len(set(stories)) == 4
    copy = dataclasses.replace(articles[1], key="reprint", outlet="Other Outlet")
    assignment = clusterer.add(copy)
    assert assignment.story_id == stories[1]
    assert not assignment.is_new


def test_two_earthquakes_are_two_stories() -> None:
    # Topic 37: a 2009 quake in West Papua and a 2013 quake in Aceh, both in Indonesia.
    data = _events("37ecb", "37ecbplus")
    predicted = cluster_articles(_dated(data.articles), SETTINGS, EMBEDDER)
    stories = {
        label: {predicted[k] for k, g in data.gold.items() if g == label}
        for label in ("37ecb", "37ecbplus")
    }
    main = {
        label: max(s, key=lambda x: list(predicted.values()).count(x))
        for label, s in stories.items()
    }
    assert main["37ecb"] != main["37ecbplus"]
    assert bcubed(predicted, data.gold).f1 > 0.8


@pytest.mark.parametrize("topic", ["7", "35"])
def test_similar_events_in_one_window_stay_apart_because_a_tight_story_asks_more(
    topic: str,
) -> None:
    # Topic 7: Klitschko beats Thompson (2012) and Rahman (2008); topic 35: two San Diego
    # Chargers players arrested for drunk driving. Both events arrive within one day, so only
    # the scores can keep them apart: the newcomers reach the absolute threshold but fall short
    # of 0.6 x the cohesion of the story they would join.
    data = _events(f"{topic}ecbplus", f"{topic}ecb")
    articles = _dated(data.articles, step_hours=1)
    ours = bcubed(cluster_articles(articles, SETTINGS, EMBEDDER), data.gold)
    without = bcubed(
        cluster_articles(articles, SETTINGS.replace(cluster_cohesion=0.0), EMBEDDER), data.gold
    )
    assert ours.precision == 1.0 and ours.recall > 0.85
    assert without.precision < 0.6  # the absolute threshold alone merges the two events


def test_clearly_different_events_never_share_a_story() -> None:
    data = _events("1ecb", "37ecbplus", "26ecbplus")  # rehab, earthquake, mafia boss death
    predicted = cluster_articles(data.articles, SETTINGS, EMBEDDER)
    for key, story in predicted.items():
        for other, other_story in predicted.items():
            if story == other_story:
                assert data.gold[key] == data.gold[other]


def test_time_window_separates_the_same_event_weeks_apart() -> None:
    articles = _events("37ecbplus").articles[:6]
    close = _dated(articles, step_hours=6)
    assert len(set(cluster_articles(close, SETTINGS, EMBEDDER).values())) <= 2
    window = SETTINGS.cluster_window_hours
    apart = _dated(articles, step_hours=window + 24)  # each beyond the previous one's window
    assert len(set(cluster_articles(apart, SETTINGS, EMBEDDER).values())) == len(articles)


def test_evicted_articles_leave_the_state() -> None:
    articles = _dated(_events("1ecb").articles, step_hours=SETTINGS.cluster_window_hours / 3)
    clusterer = _clusterer()
    for article in articles:
        clusterer.add(article)
    assert clusterer.active_articles <= 4


FAR_FUTURE = datetime(2099, 3, 1, 12)  # a feed's typo'd year


@pytest.mark.parametrize("unknown", [None, FAR_FUTURE], ids=["undated", "future-dated"])
def test_undated_articles_take_the_time_of_the_article_before(unknown: datetime | None) -> None:
    """A future date (a feed's typo) counts as unknown: the article keeps its arrival place."""
    a, b, c = _events("1ecb").articles[:3]
    ordered = publication_order(
        [
            dataclasses.replace(a, published=T0 + timedelta(days=2)),
            dataclasses.replace(b, published=unknown),
            dataclasses.replace(c, published=T0),
        ]
    )
    assert [x.key for x in ordered] == [c.key, a.key, b.key]


def test_a_future_dated_article_does_not_retire_the_active_stories() -> None:
    # Mid-stream, an unrelated article dated 2099 arrives. Taken at its word it would move the
    # window past every active story, and the quake's later articles would open a new story.
    quake = _dated(_events("37ecbplus").articles[:8])
    typo = dataclasses.replace(_events("26ecbplus").articles[0], published=FAR_FUTURE)
    clusterer = _clusterer()
    quake_story = _one_story(clusterer, quake[:4])
    assert clusterer.add(typo).story_id != quake_story
    assert typo.published == FAR_FUTURE  # the article keeps the source's claim
    for article in quake[4:]:
        assignment = clusterer.add(article)
        assert assignment.story_id == quake_story and not assignment.is_new
    # It then ages out with the stream, as an undated article does, not in 2099.
    later = T0 + timedelta(hours=SETTINGS.cluster_window_hours * 3)
    newer = _dated(_events("1ecb").articles[:3], start=later)
    for article in newer:
        clusterer.add(article)
    assert clusterer.active_articles == len(newer)


def test_restore_ignores_a_future_date_among_the_stored_articles() -> None:
    # The store lists articles by date, so a typo'd 2099 comes last in a restore.
    quake = _dated(_events("37ecbplus").articles[:8])
    typo = dataclasses.replace(_events("26ecbplus").articles[0], published=FAR_FUTURE)
    restarted = _clusterer()
    restarted.restore([*((a, 1) for a in quake[:4]), (typo, 2)])
    assert restarted.active_articles == 5
    assert restarted.add(quake[4]).story_id == 1


def test_a_date_within_a_day_of_now_is_believed() -> None:
    """Feeds in time zones ahead of ours publish "tomorrow"."""
    a, b = _events("1ecb").articles[:2]
    soon = datetime.now(UTC) + timedelta(hours=20)
    ordered = publication_order(
        [dataclasses.replace(a, published=soon), dataclasses.replace(b, published=T0)]
    )
    assert [x.key for x in ordered] == [b.key, a.key]


def test_restore_then_add_matches_an_uninterrupted_run() -> None:
    data = _events("1ecb", "1ecbplus", "37ecb", "37ecbplus", "41ecb")
    articles = _dated(publication_order(data.articles), step_hours=0.5)
    half = len(articles) // 2

    uninterrupted = _clusterer()
    first = [uninterrupted.add(a) for a in articles[:half]]
    next_id = uninterrupted.next_story_id  # the store knows it: absorbed stories stay stored
    expected = [uninterrupted.add(a) for a in articles[half:]]

    final = dict(uninterrupted.merges)

    def resolve(story: int) -> int:
        while story in final:
            story = final[story]
        return story

    stored = [(a, resolve(x.story_id)) for a, x in zip(articles[:half], first, strict=True)]
    restarted = StoryClusterer(SETTINGS, EMBEDDER, next_story_id=next_id)
    restarted.restore(stored)
    assert len({s for _, s in stored}) < half  # the first half did form multi-article stories
    got = [restarted.add(a) for a in articles[half:]]
    assert [(x.story_id, x.is_new) for x in got] == [(x.story_id, x.is_new) for x in expected]


def _ingest_in_calls(store: Store, articles: list[Article], calls: int) -> dict[str, int]:
    """Store and place ``articles`` (in publication order) in ``calls`` ingest calls, each with a
    new Placer, as cron-driven ingest restarts; returns each article's story."""
    keys: list[tuple[str, int]] = []
    bounds = [call * len(articles) // calls for call in range(calls + 1)]
    for start, end in itertools.pairwise(bounds):
        for article in articles[start:end]:
            keys.append((article.key, store.add_article(article).article_id))
        place_unassigned(store, SETTINGS, IngestReport())
    stored = {i: store.get_article(i) for _, i in keys}
    return {key: store.resolve_story(stored[i].story_id or 0) for key, i in keys}


def test_ingest_split_over_restarts_clusters_as_well_as_one_call(tmp_path: Path) -> None:
    # Eight ECB+ topics, 196 articles, 108 of them undated. A restart used to rebuild only the
    # window's dated articles: the document frequencies of everything older, the window stories'
    # undated members and the archive undated articles join were lost. Measured B-cubed F1: one
    # call 0.901; eight calls 0.689 before, 0.915 now.
    data = _events(*(f"{t}{s}" for t in (1, 3, 8, 12, 19, 22, 36, 41) for s in ("ecb", "ecbplus")))
    articles = publication_order(data.articles)
    with open_store(str(tmp_path / "once.db")) as store:
        once = bcubed(_ingest_in_calls(store, articles, 1), data.gold).f1
    with open_store(str(tmp_path / "split.db")) as store:
        split = bcubed(_ingest_in_calls(store, articles, 8), data.gold).f1
        # The store's counts cover every article the clusterer placed (not reprints), once.
        counts = store.term_counts()
        clustered = sum(s.canonical_id is None for s in store.iter_articles())
    assert once >= 0.88
    assert split >= once - 0.02
    assert counts.articles == clustered > len(articles) - 10


def test_a_store_without_term_counts_counts_its_placed_articles_once(tmp_path: Path) -> None:
    # A store written before schema version 5 has placed articles and no counts.
    data = _events("1ecb", "1ecbplus", "37ecbplus")
    articles = publication_order(data.articles)
    with open_store(str(tmp_path / "news.db")) as store:
        _ingest_in_calls(store, articles[:20], 1)
        kept = store.term_counts()
        with store.transaction():
            store._execute("DELETE FROM term_counts")
            store._execute("DELETE FROM term_count_total")
        _ingest_in_calls(store, articles[20:], 1)
        recounted = store.term_counts()
        with open_store(str(tmp_path / "fresh.db")) as fresh:
            _ingest_in_calls(fresh, articles, 1)
            expected = fresh.term_counts()
    assert kept.articles == 20 and kept.terms
    assert recounted == expected


def test_merge_joins_two_stories_and_keeps_the_history() -> None:
    # Two halves of one real article start two stories at a strict threshold; the whole article
    # then matches both, and the stories are merged into the older one.
    source = _events("26ecbplus").articles[0]
    paragraphs = source.text.split(". ")
    half = len(paragraphs) // 2
    first = dataclasses.replace(source, key="first", text=". ".join(paragraphs[:half]))
    second = dataclasses.replace(source, key="second", title="", text=". ".join(paragraphs[half:]))
    whole = dataclasses.replace(source, key="whole", title=source.title + " (update)")
    clusterer = _clusterer(cluster_threshold=0.45, cluster_merge_threshold=0.2)
    a = clusterer.add(first)
    b = clusterer.add(second)
    assert a.is_new and b.is_new and a.story_id != b.story_id
    c = clusterer.add(whole)
    assert c.merged == [(b.story_id, a.story_id)]
    assert c.story_id == a.story_id
    assert clusterer.merges == [(b.story_id, a.story_id)]
    assert clusterer.active_stories == 1


def test_ecbplus_subset_quality_floor() -> None:
    # Ten topics, twenty events, read as `newsdesk cluster` reads them (99 of 231 with a parsed
    # date): measured B-cubed F1 0.919 (P 0.992, R 0.856).
    folders = [f"{t}{s}" for t in range(1, 11) for s in ("ecb", "ecbplus")]
    data = _events(*folders)
    predicted = cluster_articles(data.articles, SETTINGS, EMBEDDER)
    assert bcubed(predicted, data.gold).f1 >= 0.9


def test_undated_article_finds_its_story_after_the_story_left_the_window() -> None:
    # A batch stores undated articles after all dated ones: by then their event may have left
    # the window. They are matched against the archive of stories that left it.
    quake = _events("37ecbplus").articles
    other = _events("26ecbplus").articles[:4]
    clusterer = _clusterer()
    quake_story = _one_story(clusterer, _dated(quake[:6]))
    later = T0 + timedelta(hours=SETTINGS.cluster_window_hours * 3)
    for article in _dated(other, start=later):
        clusterer.add(article)
    assert clusterer.active_articles == len(other)  # the quake articles were evicted
    undated = dataclasses.replace(quake[7], published=None)
    assignment = clusterer.add(undated)
    assert assignment.story_id == quake_story and not assignment.is_new
    mafia = dataclasses.replace(_events("26ecb").articles[0], published=None)
    assert clusterer.add(mafia).story_id != quake_story


def test_without_the_archive_an_undated_article_cannot_reach_a_story_out_of_the_window() -> None:
    quake = _events("37ecbplus").articles
    clusterer = _clusterer(cluster_archive_stories=0)
    quake_story = _one_story(clusterer, _dated(quake[:6]))
    later = T0 + timedelta(hours=SETTINGS.cluster_window_hours * 3)
    for article in _dated(_events("26ecbplus").articles[:4], start=later):
        clusterer.add(article)
    assert clusterer.add(dataclasses.replace(quake[7], published=None)).story_id != quake_story


def test_evaluation_scores_the_articles_newsdesk_cluster_sees() -> None:
    folders = [ECBPLUS / "37ecb", ECBPLUS / "37ecbplus"]
    data = load_labelled_folder(folders)
    assignments, rejected = cluster_inputs([str(f) for f in folders], SETTINGS)
    assert not rejected
    assert sorted(data.gold) == sorted(key for key, _ in assignments)
    assert set(data.gold.values()) == {"37ecb", "37ecbplus"}
    assert any(a.published is not None for a in data.articles)  # dates as the reader parses them
    topics = load_labelled_folder(folders, label_regex=r"docs/(\d+)ecb")
    assert set(topics.gold.values()) == {"37"}


def test_the_cluster_command_keeps_an_undated_article_in_its_arrival_place(
    tmp_path: Path,
) -> None:
    # Three unrelated events; the undated one arrives first. Story ids follow placement order:
    # the undated article is placed first (as `publication_order` puts it), not after every
    # dated one, where a long batch would meet it only after its story left the window.
    first, second, third = (_events(f).articles[0] for f in ("1ecb", "37ecbplus", "26ecbplus"))
    records = [
        {"url": "https://a.example/1", "title": first.title, "text": first.text},
        {
            "url": "https://b.example/2",
            "title": second.title,
            "text": second.text,
            "published": "2024-03-10T12:00:00Z",
        },
        {
            "url": "https://c.example/3",
            "title": third.title,
            "text": third.text,
            "published": "2024-03-01T12:00:00Z",
        },
    ]
    feed = tmp_path / "stream.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assignments, rejected = cluster_inputs([str(feed)], SETTINGS)
    assert not rejected
    story = dict(assignments)
    assert (
        story["https://a.example/1"] < story["https://c.example/3"] < story["https://b.example/2"]
    )


def test_jsonl_labels_follow_the_records_and_a_missing_label_names_the_line(
    tmp_path: Path,
) -> None:
    quake = _events("37ecbplus").articles[:2]
    lines = [
        json.dumps({"id": f"a{i}", "title": a.title, "text": a.text, "story": f"s{i}"})
        for i, a in enumerate(quake)
    ]
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = load_labelled_jsonl([path])
    assert data.gold == {"a0": "s0", "a1": "s1"}
    assert [a.text for a in data.articles] == [a.text for a in quake]
    spelled = f"{tmp_path}/./stream.jsonl"  # kept as given by read_sources, as by jsonl_labels
    (first, second) = read_sources([spelled], SETTINGS)
    labels = jsonl_labels([spelled], "story")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert [labels[(a.provenance.source, a.provenance.record or "")] for a in (first, second)] == [
        "s0",
        "s1",
    ]
    path.write_text(lines[0] + "\n" + json.dumps({"id": "x", "title": "t", "text": quake[1].text}))
    with pytest.raises(LabelError, match="line 2: no 'story' label"):
        load_labelled_jsonl([path])


def test_undated_articles_read_in_random_order_need_an_easier_archive_join() -> None:
    # An undated article takes the time of the one read before it: read in a random order, the
    # undated reports of one event land far apart in time, and only an archive join as easy as
    # an ordinary one (cluster_undated_threshold 0.2, not the merge threshold 0.4) reunites them.
    folders = [f"{t}{s}" for t in range(1, 11) for s in ("ecb", "ecbplus")]
    data = _events(*folders)
    shuffled = list(data.articles)
    random.Random(1).shuffle(shuffled)
    strict = bcubed(cluster_articles(shuffled, SETTINGS, EMBEDDER), data.gold)
    easy = SETTINGS.replace(cluster_undated_threshold=0.2)
    lenient = bcubed(cluster_articles(shuffled, easy, EMBEDDER), data.gold)
    assert lenient.recall > strict.recall + 0.1 and lenient.f1 > strict.f1 + 0.05


def test_eval_cluster_can_read_the_files_in_a_seeded_random_order() -> None:
    from click.testing import CliRunner

    from newsdesk.cli import cli

    folders = [str(ECBPLUS / f) for f in ("3ecb", "3ecbplus", "4ecb", "4ecbplus")]

    def table(*options: str) -> list[str]:
        result = CliRunner().invoke(cli, ["eval", "cluster", *folders, *options])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    ordered, shuffled = table(), table("--shuffle", "3")
    assert shuffled == table("--shuffle", "3")  # the seed fixes the order
    assert ordered[0] == shuffled[0]  # the same labelled articles
    assert ordered[0].startswith(f"{len(_events('3ecb', '3ecbplus', '4ecb', '4ecbplus').gold)} ")
