"""End-to-end ingest on real WikiNews articles: store, dedup, clustering, briefs, crash safety."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from corpus import big_jsonl, wikinews_records, write_jsonl
from newsdesk.attribute.nlp import body_and_sentences, clear_cache, entity_spans, load_nlp
from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex
from newsdesk.export import load_story_views, render_markdown
from newsdesk.models import Article
from newsdesk.pipeline import (
    IngestReport,
    Placer,
    ingest,
    place_unassigned,
    store_articles,
    story_sources,
)
from newsdesk.sources import read_sources
from newsdesk.store import open_store
from newsdesk.store.base import TRIMMED_REVISION
from newsdesk.text import split_sentences_with_paragraphs
from test_dedup import syndicate

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"


def topic_files(*topics: int) -> list[str]:
    return [str(p) for t in topics for p in sorted(WIKINEWS.glob(f"M00{t}?.english"))]


def settings_for(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "news.db"))


def test_ingest_builds_stories_with_verbatim_cited_briefs(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    files = topic_files(5, 7)  # the Chile earthquake and the Abu Ghraib trial: unrelated events
    with open_store(settings.db) as store:
        report = ingest(files, store, settings)
        assert report.added == 20
        assert not report.rejected
        stories = store.stories(limit=100, offset=0)
        assert stories, "ingest made no story"
        # The two events must never share a story.
        for story in stories:
            names = {
                Path(a.article.provenance.source).name[:4] for a in store.story_articles(story.id)
            }
            assert len(names) == 1, f"story {story.id} mixes events: {names}"
        sources = {Path(f).read_text(encoding="utf-8") for f in files}
        for story in stories:
            brief = store.get_brief(story.id)
            assert brief is not None
            assert brief.word_count <= settings.brief_max_words
            for sentence in brief.sentences:
                assert any(sentence.text in text for text in sources), sentence.text
                assert sentence.citation.outlet
                assert sentence.citation.title


def test_reingest_changes_nothing(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    files = topic_files(3)
    with open_store(settings.db) as store:
        first = ingest(files, store, settings)
        before = [(s.id, s.article_count, s.headline) for s in store.stories(limit=100, offset=0)]
        briefs = {sid: store.get_brief(sid) for sid, _, _ in before}
        second = ingest(files, store, settings)
        assert first.added == 10
        assert second.added == 0 and second.duplicates == 10
        assert store.article_count() == 10
        after = [(s.id, s.article_count, s.headline) for s in store.stories(limit=100, offset=0)]
        assert after == before
        assert {sid: store.get_brief(sid) for sid, _, _ in after} == briefs


def _reprint_jsonl(tmp_path: Path) -> Path:
    """A WikiNews article and its syndicated copy: other outlet and headline, last paragraph cut."""
    original = (WIKINEWS / "M0050.english").read_text(encoding="utf-8")
    title, body = original.split("\n", 1)
    paragraphs = [p for p in body.split("\n\n") if p.strip()][1:]  # drop the dateline paragraph
    reprint_body = "SANTIAGO, Chile (Wire) — " + "\n\n".join(paragraphs[:-1])
    records = [
        {
            "id": "orig-1",
            "url": "https://news.example.org/chile-quake",
            "title": title,
            "text": "\n\n".join(paragraphs),
            "outlet": "Example News",
            "published": "2010-02-27T10:00:00Z",
        },
        {
            "id": "copy-1",
            "url": "https://daily.example.com/world/quake-hits-chile",
            "title": "Massive quake strikes Chile",
            "text": reprint_body,
            "outlet": "Example Daily",
            "published": "2010-02-27T13:00:00Z",
        },
    ]
    path = tmp_path / "reprint.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_syndicated_copy_is_one_source_listing_both_outlets(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    path = _reprint_jsonl(tmp_path)
    with open_store(settings.db) as store:
        report = ingest([str(path)], store, settings)
        assert report.added == 2 and report.reprints == 1
        copy = store.article_by_key("copy-1")
        original = store.article_by_key("orig-1")
        assert copy is not None and original is not None
        assert copy.canonical_id == original.id
        assert copy.story_id == original.story_id
        brief = store.get_brief(original.story_id or 0)
        assert brief is not None and brief.sentences
        assert all(s.citation.article_key == "orig-1" for s in brief.sentences)
        assert any(
            s.supporting_outlets == ["Example News"] and s.reprinted_by == ["Example Daily"]
            for s in brief.sentences
        )


@pytest.mark.parametrize("damage", ["damaged row", "permutations changed"])
def test_a_stored_signature_the_index_cannot_use_is_recomputed_and_the_reprint_still_found(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    settings = settings_for(tmp_path)
    records = _reprint_jsonl(tmp_path).read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "original.jsonl", tmp_path / "copy.jsonl"
    first.write_text(records[0] + "\n", encoding="utf-8")
    second.write_text(records[1] + "\n", encoding="utf-8")
    with open_store(settings.db) as store:
        assert ingest([str(first)], store, settings).added == 1
    if damage == "damaged row":
        with sqlite3.connect(settings.db) as connection:
            connection.execute("UPDATE signatures SET signature = x'4e444d48'")
    else:
        settings = settings.replace(dedup_permutations=64)
    with (
        caplog.at_level(logging.WARNING, logger="newsdesk.pipeline"),
        open_store(settings.db) as store,
    ):
        report = ingest([str(second)], store, settings)
        copy, original = store.article_by_key("copy-1"), store.article_by_key("orig-1")
        assert copy is not None and original is not None
        assert report.reprints == 1 and copy.canonical_id == original.id
        saved = dict((i, data) for i, data, _ in store.iter_signatures())[original.id]
    assert "recomputed" in caplog.text and f"article {original.id}" in caplog.text
    assert len(NearDuplicateIndex.from_bytes(saved).hashvalues) == settings.dedup_permutations


def test_sigkill_mid_ingest_then_rerun_loses_nothing(tmp_path: Path) -> None:
    count = 400
    source = big_jsonl(tmp_path, count)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsdesk", "--db", str(db), "ingest", str(source)]
    env = {**os.environ, "NEWSDESK_EMBEDDER": "tfidf"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with open_store(str(db)) as store:
                    stored = store.article_count()
            except Exception:  # the writer may hold the lock for a moment
                continue
            if stored >= 50:
                break
    if process.poll() is not None:
        pytest.fail(f"ingest finished before it could be killed ({stored} stored); make it bigger")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with open_store(str(db)) as store:
        survived = store.article_count()
    assert survived >= 50

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(str(db)) as store:
        assert store.article_count() == count
        keys = [s.article.key for s in store.iter_articles()]
        assert sorted(keys) == sorted(f"a{i}" for i in range(count))
        assert all(s.story_id is not None for s in store.iter_articles())


def test_briefs_left_stale_by_a_crash_are_rebuilt_by_the_next_ingest(tmp_path: Path) -> None:
    """A run killed after placing articles but before writing briefs: the next run writes them."""
    settings = settings_for(tmp_path)
    files = topic_files(4)
    with open_store(settings.db) as store:
        report = IngestReport()
        store_articles(read_sources(files[:5], settings), store, report)
        place_unassigned(store, settings, report)  # ... and the process dies here
        stale = store.stories_with_stale_briefs()
        assert stale and set(stale) == report.stories_touched
        assert all(store.get_brief(story_id) is None for story_id in stale)

        rerun = ingest(files[:5], store, settings)
        assert rerun.added == 0
        assert store.stories_with_stale_briefs() == []
        assert all(store.get_brief(story_id) is not None for story_id in stale)


def test_two_ingests_at_once_never_share_a_story_id(tmp_path: Path) -> None:
    """Placement is locked across processes, so concurrent writers allocate distinct stories."""
    db = str(tmp_path / "shared.db")
    env = {**os.environ, "NEWSDESK_EMBEDDER": "tfidf"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "--db", db, "ingest", *topic_files(topic)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for topic in (2, 7)  # sailors seized by Iran; the Abu Ghraib trials
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    with open_store(db) as store:
        assert store.article_count() == 20
        for story in store.stories(limit=1000, offset=0):
            topics = {
                Path(a.article.provenance.source).name[:4] for a in store.story_articles(story.id)
            }
            assert len(topics) == 1, f"story {story.id} mixes {topics}"
        assert all(s.story_id is not None for s in store.iter_articles())


def test_a_kept_placer_forgets_signatures_a_window_old_but_still_finds_recent_reprints(
    tmp_path: Path,
) -> None:
    # A month of articles, one a day, placed in daily calls by one kept Placer (as `newsdesk
    # watch` does): the MinHash index holds about one window of them, not the whole month.
    settings = settings_for(tmp_path)
    records = wikinews_records(30)
    for day, record in enumerate(records):
        record["published"] = (datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=day)).isoformat()
    window_days = settings.cluster_window_hours / 24
    yesterday = records[-2]
    reprint = dict(yesterday, id="copy", outlet="Reprint Daily")
    reprint["text"] = yesterday["text"] + "\n\nThis story first appeared in " + yesterday["outlet"]
    with open_store(settings.db) as store:
        report = IngestReport()
        placer = Placer(store, settings)
        for day, record in enumerate([*records, reprint]):
            path = write_jsonl(tmp_path / f"day{day}.jsonl", [record])
            store_articles(read_sources([str(path)], settings), store, report)
            place_unassigned(store, settings, report, placer=placer)
            assert placer.indexed_signatures <= window_days + 2
        assert report.reprints == 1
        copy = next(s for s in store.iter_articles() if s.article.outlet == "Reprint Daily")
        assert copy.canonical_id is not None


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_ner_spans_are_stored_so_a_new_process_does_not_run_ner_again(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    clear_cache()  # earlier tests in this process ingested the same texts
    with open_store(settings.db) as store:
        ingest(topic_files(5), store, settings)
        texts = [body_and_sentences(s.article.text)[0] for s in store.iter_articles()]
        first = entity_spans(texts)  # spaCy's spans, as ingest computed them
        assert sum(map(len, first)) > 50
        clear_cache()  # what a new process starts with
        nlp = load_nlp()
        assert nlp is not None
        model_meta = nlp.meta

        class NoNER:
            meta = model_meta  # the same model name and version

            def pipe(self, *args: object, **kwargs: object) -> object:
                raise AssertionError("NER ran again on a stored text")

        assert entity_spans(texts, nlp=NoNER(), persisted=store) == first


def test_a_restart_folds_reprints_of_undated_articles_as_an_uninterrupted_ingest_does(
    tmp_path: Path,
) -> None:
    # Cron-driven ingest runs a new process per batch, and its new Placer restored only the
    # signatures of the window's dated articles: the wire copy of an undated article from an
    # earlier batch went unrecognised and was counted as one more outlet. A restart now holds the
    # index a running ingest holds: an undated article is filed under the newest time seen then
    # (the first time seen, if none had been) and is forgotten a window after it.
    settings = settings_for(tmp_path)
    files = [str(WIKINEWS / f"M00{topic}0.english") for topic in (1, 5, 7, 8)]
    london, quake, trial, flight = (
        a for a in read_sources(files, settings) if isinstance(a, Article)
    )
    start = datetime(2010, 2, 27, 10, tzinfo=UTC)
    first = dataclasses.replace(london, published=None)  # filed before any time was seen
    undated = dataclasses.replace(trial, published=None)  # filed under the quake's time
    later = dataclasses.replace(flight, published=start + timedelta(days=11))  # past the window
    copies = [syndicate(undated), syndicate(first)]
    calls = [
        [first, dataclasses.replace(quake, published=start), undated],
        [*copies, later],
        [
            dataclasses.replace(c, key="again-" + c.key, title="Update", outlet="Daily")
            for c in copies
        ],
    ]

    def ingest_in_calls(
        name: str, batches: list[list[Article]], restart: bool
    ) -> tuple[dict[str, str], list[list[str]]]:
        """(reprint key -> original key, stories as key sets) after placing ``batches`` in turn,
        each with a new Placer (a new process) or all with one kept Placer."""
        with open_store(str(tmp_path / f"{name}.db")) as store:
            kept = None if restart else Placer(store, settings)
            for batch in batches:
                for article in batch:
                    store.add_article(article)
                place_unassigned(store, settings, IngestReport(), placer=kept)
            if kept is not None:
                assert Placer(store, settings).indexed_signatures == kept.indexed_signatures
            stored = {s.id: s for s in store.iter_articles()}
            members: dict[int | None, set[str]] = {}
            for s in stored.values():
                members.setdefault(s.story_id, set()).add(s.article.key)
            reprints = {
                s.article.key: stored[s.canonical_id].article.key
                for s in stored.values()
                if s.canonical_id is not None
            }
            return reprints, sorted(map(sorted, members.values()))

    once = ingest_in_calls("once", [[a for batch in calls for a in batch]], restart=True)
    assert once[0] == {copies[0].key: undated.key, copies[1].key: first.key}
    assert ingest_in_calls("restarts", calls, restart=True) == once
    assert ingest_in_calls("kept", calls, restart=False) == once


def test_a_future_dated_article_does_not_make_the_placer_forget_the_window(
    tmp_path: Path,
) -> None:
    # A feed's typo (a date a year ahead) must not push the signature clock past everything.
    settings = settings_for(tmp_path)
    original, typo = wikinews_records(2)
    original["published"] = datetime.now(UTC).isoformat()
    typo["published"] = (datetime.now(UTC) + timedelta(days=400)).isoformat()
    copy = dict(original, id="copy", outlet="Reprint Daily")
    copy["text"] = original["text"] + "\n\nThis story first appeared in " + original["outlet"]
    with open_store(settings.db) as store:
        report = IngestReport()
        placer = Placer(store, settings)
        for day, record in enumerate([original, typo, copy]):
            path = write_jsonl(tmp_path / f"item{day}.jsonl", [record])
            store_articles(read_sources([str(path)], settings), store, report)
            place_unassigned(store, settings, report, placer=placer)
        assert report.reprints == 1


def test_a_typod_year_keeps_the_placer_on_the_stream_after_a_restart_too(tmp_path: Path) -> None:
    # An archive replayed in 2010's time: a date of 2099 mid-stream must neither make the kept
    # Placer forget the window (signatures and stories) nor make a restarted one restore the
    # wrong window. The typo's own date stays stored as the source gave it.
    settings = settings_for(tmp_path)
    start = datetime(2010, 2, 27, 10, tzinfo=UTC)

    def record(key: str, path: str, published: str) -> dict[str, str]:
        title, body = Path(path).read_text(encoding="utf-8").split("\n", 1)
        return {"id": key, "title": title, "text": body, "published": published}

    def reprint(original: dict[str, str]) -> dict[str, str]:
        text = original["text"] + "\n\nThis story first appeared in Example News."
        return dict(original, id="copy-" + original["id"], outlet="Reprint Daily", text=text)

    quake = [
        record(f"q{hour}", path, (start + timedelta(hours=hour)).isoformat())
        for hour, path in enumerate(topic_files(5))
    ]
    typo = record("typo", topic_files(7)[0], "2099-03-01")
    month_old = record("old", topic_files(3)[0], (start - timedelta(days=30)).isoformat())

    def place(name: str, records: list[dict[str, str]], placer: Placer | None) -> None:
        path = write_jsonl(tmp_path / f"{name}.jsonl", records)
        store_articles(read_sources([str(path)], settings), store, report)
        place_unassigned(store, settings, report, placer=placer)

    def quake_stories() -> set[int | None]:
        return {s.story_id for s in store.iter_articles() if s.article.key.startswith("q")}

    with open_store(settings.db) as store:
        report = IngestReport()
        placer = Placer(store, settings)
        place("first", [month_old, *quake[:4], typo], placer)
        opened, stories = report.new_stories, quake_stories()
        place("second", [*quake[4:7], reprint(quake[0])], placer)
        assert report.reprints == 1
        assert report.new_stories == opened and quake_stories() == stories

        # A restart restores what the kept Placer holds, the window up to the newest plausible
        # date: not the month-old article, nor the reprint (found through its original).
        restarted = Placer(store, settings).indexed_signatures
        assert restarted == placer.indexed_signatures == store.article_count() - 2
        place("restart", [quake[7], reprint(quake[1])], None)
        assert report.reprints == 2
        assert report.new_stories == opened and quake_stories() == stories
        stored = next(s for s in store.iter_articles() if s.article.key == "typo")
        assert stored.article.published == datetime(2099, 3, 1, tzinfo=UTC)


def _revision_jsonl(tmp_path: Path) -> Path:
    """A real WikiNews article as a wire service sends it: a short first version, then a longer
    write-through with a new lead and the rest of the text, then a newspaper's reprint of it."""
    original = (WIKINEWS / "M0014.english").read_text(encoding="utf-8")
    title, body = original.split("\n", 1)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()][1:]  # no date line
    new_lead = (
        "Survivors of the London bombings delivered a petition with 12,000 signatures to "
        "Downing Street on Monday, renewing their call for an independent public inquiry."
    )
    first = "\n\n".join(paragraphs[: len(paragraphs) * 3 // 4])
    revised = "\n\n".join([new_lead, *paragraphs])
    records = [
        {"id": "wire-1", "title": title, "text": first, "outlet": "Example Wire",
         "published": "2005-12-18T08:00:00Z"},
        {"id": "wire-1-writethru", "title": title, "text": revised, "outlet": "Example Wire",
         "published": "2005-12-19T09:00:00Z"},
        {"id": "daily-1", "title": "Bomb survivors want inquiry", "text": revised,
         "outlet": "Example Daily", "published": "2005-12-19T12:00:00Z"},
    ]  # fmt: skip
    path = tmp_path / "revision.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_a_wire_write_through_supersedes_its_first_version_in_the_brief(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    with open_store(settings.db) as store:
        report = ingest([str(_revision_jsonl(tmp_path))], store, settings)
        assert report.added == 3 and report.reprints == 2  # both later versions are copies
        first = store.article_by_key("wire-1")
        assert first is not None and first.story_id is not None
        articles, reprints = story_sources(store, first.story_id)
        # The newest full version of the wire story is briefed; the reprint still supports it.
        assert [a.key for a in articles] == ["wire-1-writethru"]
        assert reprints == {"wire-1-writethru": ["Example Wire", "Example Daily"]}
        brief = store.get_brief(first.story_id)
        assert brief is not None
        assert {s.citation.article_key for s in brief.sentences} == {"wire-1-writethru"}
        revised = store.article_by_key("wire-1-writethru")
        assert revised is not None
        sentences = [t for _, t in split_sentences_with_paragraphs(revised.article.text)]
        for sentence in brief.sentences:  # each cites its place in the version it cites
            assert sentences[sentence.sentence_index].endswith(sentence.text)
        assert all(s.reprinted_by == ["Example Daily"] for s in brief.sentences)
        # The export lists the briefed version as source [1], run also by the other outlet.
        markdown = render_markdown(load_story_views(store, [first.story_id]))
        assert "[0]" not in markdown
        assert markdown.count(" [1]") == len(brief.sentences)
        assert "1. Example Wire: " in markdown and "(also run by Example Daily)" in markdown


def test_a_trimmed_re_run_does_not_supersede_the_full_version(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    path = _revision_jsonl(tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    full, trimmed = records[1], dict(records[1])
    trimmed.update(id="wire-1-trim", published="2005-12-20T09:00:00Z")
    paragraphs = full["text"].split("\n\n")
    trimmed["text"] = "\n\n".join(paragraphs[: len(paragraphs) * 2 // 3])  # "trims to 500 words"
    path.write_text("\n".join(json.dumps(r) for r in (full, trimmed)) + "\n", encoding="utf-8")
    with open_store(settings.db) as store:
        ingest([str(path)], store, settings)
        stored = store.article_by_key("wire-1-trim")
        assert stored is not None and stored.canonical_id is not None and stored.story_id
        assert len(trimmed["text"]) < TRIMMED_REVISION * len(full["text"])
        articles, _ = story_sources(store, stored.story_id)
        assert [a.key for a in articles] == ["wire-1-writethru"]


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_among_the_ner_workers_is_one_line_and_the_rerun_finishes(tmp_path: Path) -> None:
    """Ctrl-C while spaCy's worker processes ran printed 35-109 lines of tracebacks (one per
    worker), and the process then hung at exit on spaCy's input queues."""
    multiling = ROOT.parent / "shared" / "data" / "multiling2011-en" / "source"
    command = [sys.executable, "-m", "newsdesk", "--db", str(tmp_path / "n.db")]
    process = subprocess.Popen(
        [*command, "ingest", str(multiling)],  # 100 articles: NER runs on 2 worker processes
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 120
        while len(_children(process.pid)) < 2 and process.poll() is None:
            assert time.monotonic() < deadline, "the NER workers never started"
            time.sleep(0.05)
        time.sleep(0.3)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the parent and its workers
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr
    assert stderr.splitlines() == [
        "interrupted: run the same ingest again to finish (nothing committed is lost)"
    ]
    rerun = subprocess.run(
        [*command, "ingest", str(multiling)], capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    with open_store(str(tmp_path / "n.db")) as store:
        assert store.article_count() == 100
        assert store.stories_with_stale_briefs() == []
        stories = store.stories(limit=1_000, offset=0)
        assert stories and all(store.get_brief(s.id) is not None for s in stories)


def test_a_restart_keeps_the_window_of_what_it_placed_not_of_what_it_just_stored(
    tmp_path: Path,
) -> None:
    """Cron ingest stores a batch, then starts a Placer. A batch holding a day-3 report on the
    search for Air France Flight 447 (WikiNews M008) and a day-12 report on Chile's earthquake
    used to restore the clusterer's window back from day 12: the crash story (days 0-2) had left
    it, so the report started a story of its own, where an uninterrupted ingest adds it to the
    crash's."""
    settings = settings_for(tmp_path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    crash = [a for a in read_sources(topic_files(8), settings) if isinstance(a, Article)][:4]
    chile = next(a for a in read_sources(topic_files(5), settings) if isinstance(a, Article))
    first = [
        dataclasses.replace(a, published=start + timedelta(days=d)) for d, a in enumerate(crash[:3])
    ]
    second = [
        dataclasses.replace(crash[3], published=start + timedelta(days=3)),
        dataclasses.replace(chile, published=start + timedelta(days=12)),
    ]

    def story_of_follow_up(
        batches: list[list[Article]], name: str
    ) -> tuple[int | None, int | None]:
        with open_store(str(tmp_path / name)) as store:
            for batch in batches:
                report = IngestReport()
                store_articles(batch, store, report)
                place_unassigned(store, settings, report)  # a new Placer: a new process
            stories = {s.article.key: s.story_id for s in store.iter_articles()}
        return stories[crash[3].key], stories[crash[0].key]

    follow_up, crash_story = story_of_follow_up([first + second], "once.db")
    assert follow_up == crash_story
    follow_up, crash_story = story_of_follow_up([first, second], "split.db")
    assert follow_up == crash_story
