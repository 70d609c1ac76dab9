"""Exports and `brief STORY` carry the story's attribution: who said what, who is named, and the
timeline, on real WikiNews reports, through the real CLI."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from corpus import write_jsonl
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.export import digest
from newsdesk.models import (
    Brief,
    Entity,
    EntityMention,
    Quote,
    StoryAttribution,
    TimelineEvent,
)
from newsdesk.serve import create_app
from newsdesk.serve.views import load_story
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"
# Rule-based attribution: the same exports, without loading spaCy for every test run.
ENV = {"NEWSDESK_ATTRIBUTION_NER": "false"}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env=ENV).invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ten reports of the Royal Navy sailors held in Iran (MultiLing topic 2)."""
    path = str(tmp_path_factory.mktemp("export") / "news.db")
    sources = [str(p) for p in sorted(WIKINEWS.glob("M002?.english"))]
    code, _ = run("--db", path, "ingest", *sources)
    assert code == 0
    return path


def largest_story(db: str) -> dict[str, object]:
    stories = json.loads(run("--db", db, "export", "--format", "json")[1])["stories"]
    return max(stories, key=lambda s: s["article_count"])


def test_json_export_holds_quotes_names_and_a_dated_timeline(db: str) -> None:
    story = largest_story(db)
    attribution = story["attribution"]
    assert isinstance(attribution, dict)
    texts = [p.read_text(encoding="utf-8") for p in WIKINEWS.glob("M002?.english")]
    body = " ".join(" ".join(t.split()) for t in texts)
    quotes = attribution["quotes"]
    assert quotes and all(" ".join(q["text"].split()) in body for q in quotes)
    names = {e["name"] for e in attribution["entities"]}
    assert {"Tony Blair", "Mahmoud Ahmadinejad"} <= names
    days = [e["day"] for e in attribution["timeline"]]
    assert days == sorted(days) and len(days) >= 3
    # Each report's news, not every sentence of every report.
    assert len(days) < sum(len(re.findall(r"[.!?]\s", t)) for t in texts) / 4
    assert date.fromisoformat(days[0]) == date(2007, 3, 23)  # the capture


def test_markdown_and_html_exports_show_the_digest(db: str) -> None:
    code, markdown = run("--db", db, "export", "--format", "markdown")
    assert code == 0
    for heading in ("**Who said what**", "**Named**", "**Timeline**"):
        assert heading in markdown
    assert "- 2007-03-23: " in markdown
    story = str(largest_story(db)["id"])
    one = run("--db", db, "export", "--format", "markdown", "--story", story)[1]
    who = one.split("**Who said what**", 1)[1].split("**Named**", 1)[0]
    assert "Margaret Beckett" in who
    code, html = run("--db", db, "export", "--format", "html")
    assert code == 0
    assert "<h3>Who said what</h3>" in html and "<h3>Timeline</h3>" in html
    assert "<time>2007-03-23</time>" in html
    # Stories are named by their id, as `newsdesk brief ID` takes it, not numbered 1, 2, ...
    assert f'<div class="meta">Story {story} · ' in html and "<nav><ul>" in html


def test_brief_of_a_stored_story_carries_its_attribution(db: str) -> None:
    story_id = str(largest_story(db)["id"])
    code, out = run("--db", db, "brief", story_id, "--format", "json")
    assert code == 0
    assert json.loads(out)["attribution"]["quotes"]
    # Files briefed as one story are attributed too, for every format but plain.
    files = [str(p) for p in sorted(WIKINEWS.glob("M002[0-3].english"))]
    code, out = run("brief", *files, "--format", "json")
    assert code == 0 and json.loads(out)["attribution"]["quotes"]
    code, out = run("brief", *files, "--format", "plain")
    assert code == 0 and "Who said what" not in out and out.count("\n") <= 20


def test_html_in_a_quote_is_escaped_in_every_export(tmp_path: Path) -> None:
    db = str(tmp_path / "hostile.db")
    text = (
        '"<script>alert(1)</script> is what we found in the mailbox," said John Smith, a police '
        "spokesman for the city of Springfield, on Monday. The police in Springfield are "
        "investigating the letter, which was delivered to the city hall on Monday morning."
    )
    records = [
        {"id": "x1", "title": "Letter found", "text": text, "outlet": "Springfield Times",
         "published": "2024-05-06T10:00:00+00:00"},
    ]  # fmt: skip
    write_jsonl(tmp_path / "hostile.jsonl", records)
    assert run("--db", db, "ingest", str(tmp_path / "hostile.jsonl"))[0] == 0
    story = json.loads(run("--db", db, "export", "--format", "json")[1])["stories"][0]
    assert any("<script>" in q["text"] for q in story["attribution"]["quotes"])
    html = run("--db", db, "export", "--format", "html")[1]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = run("--db", db, "export", "--format", "markdown")[1]
    assert "<script>" not in markdown and r"\<script\>" in markdown


def test_refresh_rebuilds_what_an_older_version_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    sources = [str(p) for p in sorted(WIKINEWS.glob("M002?.english"))]
    assert run("--db", db, "ingest", *sources)[0] == 0
    with open_store(db) as store:
        story = max(store.stories(limit=100), key=lambda s: s.article_count).id
        # What a store written before attribution or briefs existed holds for this story.
        store.save_attribution(story, StoryAttribution())
        store.save_brief(story, Brief([], max_words=250, method="old"))
    code, out = run("--db", db, "refresh")
    assert code == 0 and out.startswith("refreshed ")
    with open_store(db) as store:
        attribution, brief = store.get_attribution(story), store.get_brief(story)
    assert attribution is not None and attribution.quotes and attribution.timeline
    assert brief is not None and brief.sentences and brief.method != "old"
    assert run("--db", db, "refresh", "--story", str(story))[1] == "refreshed 1 story\n"
    assert run("--db", db, "refresh", "--story", "999")[0] == 1


def test_who_said_what_lists_each_named_person_or_organisation_once() -> None:
    def said(speaker: str, name: str | None, text: str, direct: bool, index: int) -> Quote:
        return Quote(text, speaker, name, None, "m0020", "Wikinews", None, direct, index)

    quotes = [
        said("Margaret Beckett, the U.K.'s Foreign Secretary", "Margaret Beckett",
             "the British government sought a full explanation", False, 3),
        said("Iranian law", "Iranian law", "Individuals who are tried and found guilty of "
             "espionage or spying would be penalized by death", False, 4),
        said("Margaret Beckett", "Margaret Beckett", "we sought a full explanation of what "
             "happened", True, 5),
        said("The Royal Navy", "Royal Navy", "they were operating in Iraqi waters", False, 6),
    ]  # fmt: skip
    entities = [
        Entity("Margaret Beckett", "person", ["Beckett", "Margaret Beckett"]),
        Entity("Royal Navy", "organisation", ["Royal Navy"]),
        Entity("Iran", "place", ["Iran", "Iranian"]),
    ]
    shown = digest(StoryAttribution(quotes=quotes, entities=entities)).quotes
    # Beckett's words in quotation marks rather than her reported ones; no "Iranian law".
    assert [q.sentence_index for q in shown] == [5, 6]


def test_the_digest_names_each_speaker_once_and_shows_only_dated_timelines() -> None:
    def said(name: str, text: str, direct: bool, index: int) -> Quote:
        return Quote(text, name, name, None, "k", "AP", None, direct, index)

    quotes = [
        said("the Associated Press", "quoting her lawyer Mark Heller", False, 1),
        said("AP.", "Lohan lawyer Mark Heller told the court she is settling in", False, 2),
        said("Heller", "My client is ensconced in the bosom of that facility right now", True, 3),
        said("Mark Jay Heller", "My client is ensconced in the bosom of that facility", True, 4),
    ]
    entities = [
        Entity("Associated Press", "organisation", ["AP.", "Associated Press"]),
        Entity("Mark Jay Heller", "person", ["Heller", "Mark Jay Heller"]),
        Entity("World Health Organization (WHO", "organisation", ["World Health Organization"]),
        Entity("08:30 BST", "organisation", ["08:30 BST"]),
    ]
    undated = TimelineEvent(None, "Nichols was sentenced to life.", "AP", "k", 0, 2)
    found = digest(StoryAttribution(quotes=quotes, entities=entities, timeline=[undated] * 3))
    # One line per entity, words in quotation marks first; what AP reported is no one's quote.
    assert [q.sentence_index for q in found.quotes] == [3]
    assert found.names == [("People", ["Mark Jay Heller"]), ("Organisations", ["Associated Press"])]
    assert found.timeline == []  # undated events make no timeline


def test_who_said_what_shows_the_story_s_actors_first_and_no_outlet_s_report() -> None:
    """ECB+ 24ecbplus and 25ecb: "according to AFP" and "Le Monde reported" are news, not
    quotes; the coach the story's reports name is shown before a golfer of a news round-up."""

    def said(speaker: str, text: str, direct: bool, index: int) -> Quote:
        return Quote(text, speaker, speaker, None, f"a{index}", "outlet", None, direct, index)

    quotes = [
        said("AFP", "Four men rammed their car into an upmarket jewelry store in central Paris "
             "on Monday", False, 1),
        said("Le Monde", "the thieves reversed their car out of the store and set fire to it",
             False, 2),
        said("Trevor Immelman", "To become an honorary life member ... is something extremely "
             "special", True, 3),
        said("Sean Payton", "Right now, for him, it's going to be rehab and rest with it", True, 4),
        said("Gerard Benezat", "They are absolutely not afraid of anything", True, 5),
    ]  # fmt: skip
    entities = [
        Entity("AFP", "organisation", ["AFP"], [EntityMention("a1", 0, "AFP")]),
        Entity("Le Monde", "organisation", ["Le Monde"], [EntityMention("a2", 0, "Le Monde")]),
        Entity("Trevor Immelman", "person", ["Trevor Immelman"], [EntityMention("a3", 0, "x")]),
        Entity("Sean Payton", "person", ["Payton", "Sean Payton"],
               [EntityMention(k, 0, "Payton") for k in ("a4", "b", "c")]),
        Entity("Gerard Benezat", "person", ["Gerard Benezat"], [EntityMention("a5", 0, "x")]),
    ]  # fmt: skip
    shown = digest(StoryAttribution(quotes=quotes, entities=entities)).quotes
    assert [q.speaker for q in shown] == ["Sean Payton", "Trevor Immelman", "Gerard Benezat"]


def test_a_speaker_called_by_surname_is_shown_by_full_name() -> None:
    """ECB+ 5ecbplus: '"I look at Mo Cheeks and I know Mo Cheeks," King said.' The story names
    Billy King, the 76ers' president, in full elsewhere; the page said only "King"."""
    said = Quote(
        "I look at Mo Cheeks and I know Mo Cheeks", "King", "King", None, "a", "AP", None, True, 3
    )
    entities = [
        Entity("Billy King", "person", ["Billy King", "King"], [EntityMention("a", 1, "King")]),
    ]
    shown = digest(StoryAttribution(quotes=[said], entities=entities)).quotes
    assert [q.speaker for q in shown] == ["Billy King"]
    assert shown[0].text == said.text


@pytest.fixture(scope="module")
def torch_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The reports of the 2008 Olympic torch relay (MultiLing topic 9), April to August 2008."""
    path = str(tmp_path_factory.mktemp("torch") / "news.db")
    code, _ = run("--db", path, "ingest", *(str(p) for p in sorted(WIKINEWS.glob("M009?.english"))))
    assert code == 0
    return path


def test_a_day_named_from_the_day_of_writing_is_dated_where_a_brief_spans_days(
    torch_db: str,
) -> None:
    """ "The 2008 Olympic Torch has arrived in London today" (April 5) in a brief of reports from
    several days: its citation shows the date, in every export and on the story page. A sentence
    that names no day that way keeps the bare citation."""
    stories = json.loads(run("--db", torch_db, "export", "--format", "json")[1])["stories"]
    story = next(s for s in stories if "London" in s["headline"])
    brief = story["brief"]
    shown = [(s["text"], s["published"][:10]) for s in brief]
    assert len({day for _, day in shown}) > 1
    relative = re.compile(r"\b(?:today|yesterday|tomorrow|this morning|[A-Z][a-z]+day)\b")
    dated = [(text, day) for text, day in shown if relative.search(text)]
    assert any("arrived in London today" in text for text, _ in dated)
    undated = [text for text, _ in shown if not relative.search(text)]
    assert undated

    markdown = run("--db", torch_db, "export", "--format", "markdown")[1].splitlines()
    support = r"(?: \(\d+ independent outlets\))?$"
    for text, day in dated:
        line = next(line for line in markdown if text in line)
        assert re.search(rf"\[\d+, {day}\]{support}", line), line
    for text in undated:
        line = next(line for line in markdown if text in line)
        assert relative.search(line) or re.search(rf"\[\d+\]{support}", line), line

    html = run("--db", torch_db, "export", "--format", "html")[1]
    rss = run("--db", torch_db, "export", "--format", "rss")[1]
    for _, day in dated:
        assert re.search(rf"\[\d+, {day}\]</a>", html)
        assert re.search(rf", {day}\]&lt;/p&gt;", rss)  # the item's HTML, escaped

    page = TestClient(create_app(Settings(db=torch_db))).get(f"/stories/{story['id']}").text
    for _, day in dated:
        shown = date.fromisoformat(day)
        assert f", {shown.day} {shown.strftime('%b %Y')}]</a>" in page  # "[1, 5 Apr 2008]"
    with open_store(torch_db) as store:
        detail = load_story(store, int(story["id"]))
    assert detail is not None
    days = {p.text: p.day for p in detail.passages}
    for text, day in dated:
        passage = next(t for t in days if text in t)
        assert days[passage] is not None and days[passage].date().isoformat() == day
    assert all(days[next(t for t in days if text in t)] is None for text in undated)
