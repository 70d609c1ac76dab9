"""Attribution end to end on real WikiNews articles: stored per story by the ingest pipeline,
brief and claims agreeing on outlet counts, the entity index across stories, the watchlist, the
CLI commands, and the JSON API and pages (FastAPI TestClient)."""

# ruff: noqa: F811

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from html import escape, unescape
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from local_http import LocalServer, Route
from newsdesk.attribute import attribute_articles
from newsdesk.attribute import nlp as nlp_module
from newsdesk.attribute.claims import claim_of
from newsdesk.attribution import watchlist_matches
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.models import Article
from newsdesk.pipeline import ingest
from newsdesk.serve import create_app
from newsdesk.store import Store, StoreError, open_store
from serve_helpers import (
    HOSTILE_MARKUP,
    REPRINT_OF,
    REPRINT_OUTLET,
    WIKINEWS,
    build_store,
)

# Store fixtures shared with test_store (both backends; pytest finds them by name).
from test_store import postgres_server, postgres_url, real_articles, store  # noqa: F401
from test_watch import ARTICLES as WATCH_ARTICLES
from test_watch import _feed as watch_feed
from test_watch import site  # noqa: F401


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_store(tmp_path_factory.mktemp("attribution"))


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def run(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", settings.db, *args], catch_exceptions=False)


def story_of(store: Store, file_name: str) -> int:
    stored = store.article_by_key(str(WIKINEWS / file_name))
    assert stored is not None and stored.story_id is not None
    return store.resolve_story(stored.story_id)


# --- the store ------------------------------------------------------------------------------------


def test_attribution_round_trip_entity_index_and_merge(
    store: Store, real_articles: list[Article]
) -> None:
    tsunami = [a for a in real_articles if "/M000" in a.key][:4]
    attribution = attribute_articles(tsunami)
    assert attribution.quotes and attribution.entities and attribution.claims
    store.save_attribution(7, attribution)
    assert store.get_attribution(7) == attribution
    assert store.get_attribution(8) is None

    entity = next(e for e in attribution.entities if len(e.mentions) > 1)
    for name in (entity.name, entity.name.upper(), *entity.aliases):
        assert store.stories_mentioning(name) == [7]
    assert store.stories_mentioning("no such entity anywhere") == []

    store.save_attribution(7, attribution)  # replacing does not duplicate index rows
    store.save_attribution(9, attribution)
    assert sorted(store.stories_mentioning(entity.name)) == [7, 9]
    store.merge_stories(9, 7)
    assert store.stories_mentioning(entity.name) == [7]
    assert store.get_attribution(9) == attribution  # story 9 now resolves to story 7


def test_watchlist_terms(store: Store) -> None:
    assert store.add_watch("Sohae  Satellite Launching Station")
    assert not store.add_watch("the sohae satellite launching station")
    assert store.add_watch("Pichilemu")
    assert [t for t, _ in store.watchlist()] == [
        "Sohae Satellite Launching Station",
        "Pichilemu",
    ]
    assert store.remove_watch("PICHILEMU") and not store.remove_watch("Pichilemu")
    with pytest.raises(StoreError, match="at least one letter"):
        store.add_watch("  ")


# --- the pipeline ---------------------------------------------------------------------------------


def test_every_story_attributed_and_brief_counts_are_its_claims(settings: Settings) -> None:
    with open_store(settings.db) as store:
        summaries = store.stories(limit=500)
        assert summaries
        checked = 0
        for summary in summaries:
            attribution = store.get_attribution(summary.id)
            brief = store.get_brief(summary.id)
            assert attribution is not None and brief is not None
            keys = {a.article.key for a in store.story_articles(summary.id)}
            assert {q.article_key for q in attribution.quotes} <= keys
            for sentence in brief.sentences:
                claim = claim_of(
                    attribution.claims, sentence.citation.article_key, sentence.sentence_index
                )
                assert claim is not None, sentence.text
                assert set(claim.carried_by) == set(sentence.carried_by)
                assert claim.support == sentence.support
                assert set(claim.outlets) <= set(claim.carried_by)
                checked += 1
        assert checked > 20


def test_reprint_counts_once_but_is_listed(settings: Settings) -> None:
    with open_store(settings.db) as store:
        attribution = store.get_attribution(story_of(store, REPRINT_OF))
    assert attribution is not None
    reprinted = [c for c in attribution.claims if REPRINT_OUTLET in c.carried_by]
    assert reprinted
    assert all(REPRINT_OUTLET not in c.outlets for c in attribution.claims)
    assert all(c.support == len(c.outlets) for c in attribution.claims)


def test_reingest_recomputes_only_touched_stories(settings: Settings, tmp_path: Path) -> None:
    before = datetime.now(UTC)
    with open_store(settings.db) as store:
        ingest([str(WIKINEWS / "M0000.english")], store, settings)  # already stored: no change
        assert store.attribution_updated_since(before) == []
        extra = tmp_path / "late.jsonl"
        text = (WIKINEWS / "M0053.english").read_text(encoding="utf-8").split("\n", 3)[3]
        record = {
            "id": "late-chile",
            "title": "Late Chile report",
            "text": text,
            "outlet": "Late Wire",
            "published": "2010-05-20T10:00:00+00:00",
        }
        extra.write_text(json.dumps(record) + "\n", encoding="utf-8")
        report = ingest([str(extra)], store, settings)
        assert report.added == 1
        assert store.attribution_updated_since(before) == sorted(report.stories_touched)


# --- the CLI --------------------------------------------------------------------------------------


def test_quotes_claims_and_entity_commands(settings: Settings) -> None:
    with open_store(settings.db) as store:
        story = story_of(store, "M0050.english")
        attribution = store.get_attribution(story)
    assert attribution is not None and attribution.quotes
    result = run(settings, "quotes", str(story))
    assert result.exit_code == 0
    speaker = attribution.quotes[0].speaker.split()[0]
    assert speaker in result.output and "Wikinews" in result.output

    result = run(settings, "claims", str(story))
    assert result.exit_code == 0 and "first reported" in result.output

    chile = [e for e in attribution.entities if e.name == "Chile"]
    assert chile
    result = run(settings, "entity", "chile")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Chile (place)")
    assert f"{story:>6}" in result.output and "timeline" in result.output

    missing = run(settings, "entity", "Atlantis Research Facility")
    assert missing.exit_code == 1 and "no stored story mentions" in missing.output
    assert run(settings, "quotes", "999999").exit_code == 1


def test_claims_of_undated_reports_name_no_first_reporter(tmp_path: Path) -> None:
    # Plain-text reports carry no date: which outlet was first cannot be known.
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(
            "Cambodian leader Hun Sen rejected opposition demands for talks outside the country "
            f"on Friday, report {name} said.\n\nHe spoke in Phnom Penh.\n",
            encoding="utf-8",
        )
    settings = Settings(db=str(tmp_path / "undated.db"))
    assert run(settings, "ingest", str(folder)).exit_code == 0
    table = run(settings, "claims", "1").output
    assert "undated" in table and "Hun Sen" in table


def test_watchlist_commands_show_matching_stories_and_claims(settings: Settings) -> None:
    assert "following 'Pichilemu'" in run(settings, "watchlist", "add", "Pichilemu").output
    assert "already" in run(settings, "watchlist", "add", "pichilemu").output
    assert run(settings, "watchlist", "list").output.startswith("Pichilemu\t")
    matches = run(settings, "watchlist", "matches", "--since", "all").output
    assert "[Pichilemu] story" in matches
    claim_lines = [line for line in matches.splitlines() if line.startswith("    (")]
    assert claim_lines
    with open_store(settings.db) as store:
        found = watchlist_matches(store, None)
    assert {m.term for m in found} == {"Pichilemu"} and len(claim_lines) == sum(
        len(m.claims) for m in found
    )
    for match in found:
        for claim in match.claims:
            assert any("pichilemu" in s.text.casefold() for s in claim.sources)
    assert run(settings, "watchlist", "matches", "--since", "2999-01-01").output == "no matches\n"
    assert run(settings, "watchlist", "matches", "--since", "soon").exit_code == 2
    assert "stopped" in run(settings, "watchlist", "remove", "PICHILEMU").output
    assert run(settings, "watchlist", "remove", "Pichilemu").exit_code == 1


# --- the web app ----------------------------------------------------------------------------------


def test_api_quotes_claims_entity_and_watchlist(settings: Settings, client: TestClient) -> None:
    with open_store(settings.db) as store:
        story = story_of(store, "M0050.english")
        attribution = store.get_attribution(story)
    assert attribution is not None
    quotes = client.get(f"/api/stories/{story}/quotes")
    assert quotes.status_code == 200 and quotes.headers["etag"]
    assert [q["text"] for q in quotes.json()["quotes"]] == [q.text for q in attribution.quotes]
    claims = client.get(f"/api/stories/{story}/claims").json()["claims"]
    assert all(c["support"] == len(c["outlets"]) for c in claims)
    assert claims[0]["sources"][0]["outlet"] == claims[0]["first_outlet"]

    entity = client.get("/api/entities/CHILE").json()
    assert entity["name"] == "Chile" and story in [s["id"] for s in entity["stories"]]
    assert client.get("/api/entities/Atlantis%20Research%20Facility").status_code == 404
    assert client.get("/api/stories/999999/quotes").status_code == 404

    with open_store(settings.db) as store:
        store.add_watch("Chile")
    try:
        watch = client.get("/api/watchlist").json()
        assert [t["term"] for t in watch["terms"]] == ["Chile"]
        assert story in {m["story"]["id"] for m in watch["matches"]}
        page = client.get("/watchlist")
        assert page.status_code == 200 and f'href="/stories/{story}"' in page.text
    finally:
        with open_store(settings.db) as store:
            store.remove_watch("Chile")


def test_pages_escape_quotes_from_hostile_articles(settings: Settings, client: TestClient) -> None:
    with open_store(settings.db) as store:
        hostile = store.article_by_key("hostile-1")
        assert hostile is not None and hostile.story_id is not None
        story = store.resolve_story(hostile.story_id)
        attribution = store.get_attribution(story)
    assert attribution is not None
    assert any("<script>" in q.text for q in attribution.quotes)
    page = client.get(f"/stories/{story}/quotes")
    assert page.status_code == 200
    assert "&lt;script&gt;window.__xss=" in page.text
    assert HOSTILE_MARKUP not in page.text and "<script>" not in page.text
    entity = client.get("/entities/Chile")
    assert entity.status_code == 200 and "<h1>Chile</h1>" in entity.text


def test_quotes_page_shows_the_story_timeline(settings: Settings, client: TestClient) -> None:
    with open_store(settings.db) as store:
        story = story_of(store, "M0050.english")
        attribution = store.get_attribution(story)
    assert attribution is not None and attribution.timeline
    page = client.get(f"/stories/{story}/quotes").text
    section = page.split('<section class="developments"', 1)[1].split("</section>", 1)[0]
    first = attribution.timeline[0]
    assert first.day is not None and f'<time datetime="{first.day.date().isoformat()}">' in section
    assert escape(first.text, quote=False) in section


def test_eval_quotes_command_reports_each_split() -> None:
    result = CliRunner().invoke(cli, ["eval", "quotes", "--split", "dev"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if "dev (20 articles) | all |" in line]
    assert len(rows) == 2  # spaCy and the fallback
    f1 = float(rows[0].split("|")[7])
    assert 0.5 < f1 <= 1.0


def test_story_page_links_quotes_and_named_entities(settings: Settings, client: TestClient) -> None:
    with open_store(settings.db) as store:
        story = story_of(store, "M0050.english")
        attribution = store.get_attribution(story)
        hostile = store.article_by_key("hostile-1")
        assert hostile is not None and hostile.story_id is not None
        hostile_story = store.resolve_story(hostile.story_id)
    assert attribution is not None
    page = client.get(f"/stories/{story}")
    assert page.status_code == 200
    html = page.text
    assert f'href="/stories/{story}/quotes"' in html
    assert client.get(f"/stories/{story}/quotes").status_code == 200
    section = html.split('<section class="entities"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a class="entity" href="([^"]+)">([^<]+)</a>', section)
    assert ("/entities/Chile", "Chile") in links
    kinds = {e.name: e.kind for e in attribution.entities}
    headings = {
        "person": "People:",
        "organisation": "Organisations:",
        "place": "Places:",
        "facility": "Facilities:",
    }
    shown = {kinds[unescape(name)] for _, name in links}
    assert {"place", "organisation"} <= shown <= headings.keys(), shown
    assert all(headings[kind] in section for kind in shown)
    # Every linked entity page resolves to that entity (names are URL-quoted).
    for href, name in links[:5]:
        entity = client.get(href)
        assert entity.status_code == 200 and f"<h1>{name}</h1>" in entity.text, href
    # A story with hostile text still renders escaped.
    hostile_page = client.get(f"/stories/{hostile_story}")
    assert hostile_page.status_code == 200 and "<script>" not in hostile_page.text


# --- newsdesk watch -------------------------------------------------------------------------------


def test_watch_reports_new_stories_and_claims_matching_the_watchlist(
    site: LocalServer, tmp_path: Path
) -> None:
    """A real feed on loopback: the poll that ingests the Chile earthquake articles lists that
    story and its claims naming Chile; terms nothing mentions, and a poll that adds nothing,
    print no watchlist lines."""
    site.routes["/feed.xml"] = Route(
        watch_feed(site.base, WATCH_ARTICLES[:2]), headers={"Content-Type": "application/rss+xml"}
    )
    env = {"NEWSDESK_ALLOW_PRIVATE_ADDRESSES": "true"}
    db = ["--db", str(tmp_path / "w.db")]
    invoke = CliRunner().invoke
    for term in ("Chile", "Atlantis Research Facility"):
        assert invoke(cli, [*db, "watchlist", "add", term], env=env).exit_code == 0
    args = [*db, "watch", "--once", f"{site.base}/feed.xml"]
    first = invoke(cli, args, env=env, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    lines = first.output.strip().splitlines()
    assert lines[0] == f"{site.base}/feed.xml: 2 new article(s)"
    with open_store(str(tmp_path / "w.db")) as store:
        headers = set()
        for name in WATCH_ARTICLES[:2]:
            stored = store.article_by_key(f"{site.base}/news/{name}.html")
            assert stored is not None and stored.story_id is not None
            story = store.story(store.resolve_story(stored.story_id))
            assert story is not None
            headers.add(f"watchlist: [Chile] story {story.id}: {story.headline}")
    # One block per new story (both are about Chile): its header, then up to three claims.
    blocks: dict[str, list[str]] = {}
    for line in lines[1:]:
        assert line.startswith("watchlist: ")
        if line.startswith("watchlist:     "):
            blocks[list(blocks)[-1]].append(line)
        else:
            blocks[line] = []
    assert set(blocks) == headers
    for claims in blocks.values():
        shown = [c for c in claims if not c.endswith("more claims)")]
        assert 1 <= len(shown) <= 3
        assert all(
            re.match(r"watchlist:     \(\d+ outlets?, first Loopback Herald\) ", c) for c in shown
        )
        assert all("Chile" in c for c in shown)
    assert not any("Atlantis" in line for line in lines)

    site.routes["/feed.xml"] = Route(
        watch_feed(site.base, WATCH_ARTICLES), headers={"Content-Type": "application/rss+xml"}
    )
    second = invoke(cli, args, env=env, catch_exceptions=False)
    assert second.output.startswith(f"{site.base}/feed.xml: 1 new article(s)")
    third = invoke(cli, args, env=env, catch_exceptions=False)
    assert third.output.strip() == f"{site.base}/feed.xml: 0 new article(s)"


def test_attribution_ner_off_ingests_with_the_rules_only(tmp_path: Path) -> None:
    """``attribution_ner = false``: ingest never touches spaCy and still stores quotes, entities
    and claims for each story (the fast path for bulk ingest)."""
    settings = Settings(db=str(tmp_path / "rules.db"), attribution_ner=False)
    files = [str(WIKINEWS / f"M005{i}.english") for i in range(3)]
    with (
        mock.patch.object(nlp_module, "load_nlp", side_effect=AssertionError("spaCy used")),
        open_store(settings.db) as store,
    ):
        report = ingest(files, store, settings)
        assert report.added == 3
        story = story_of(store, "M0050.english")
        attribution = store.get_attribution(story)
    assert attribution is not None
    assert attribution.quotes and attribution.claims
    found = {(e.name, e.kind) for e in attribution.entities}
    assert {("Chatham Islands", "place"), ("Hawaii News Now", "organisation")} <= found
