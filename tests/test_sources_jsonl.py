from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs

DATA = Path(__file__).parent / "data" / "sources"


def _read(path: Path, settings: Settings | None = None) -> list[Article | Rejection]:
    return list(read_sources([str(path)], settings or Settings()))


def test_jsonl_good_lines_survive_bad_ones() -> None:
    records = _read(DATA / "articles.jsonl")
    articles = [r for r in records if isinstance(r, Article)]
    rejections = {r.provenance.record: r.reason for r in records if isinstance(r, Rejection)}
    assert [a.key for a in articles] == [
        "wire-001",
        "https://daily.example.org/news/budget-vote",
        f"{DATA / 'articles.jsonl'}:4",
    ]
    assert set(rejections) == {"line 3", "line 5", "line 6"}
    assert rejections["line 3"].startswith("malformed JSON")
    assert "too short" in rejections["line 6"]
    first = articles[0]
    assert first.published == datetime(2023, 5, 2, 22, 30, tzinfo=UTC)
    assert (first.outlet, first.language) == ("Example News", "en")
    assert len(split_paragraphs(first.text)) == 3


def test_jsonl_html_field_goes_through_extraction() -> None:
    article = [r for r in _read(DATA / "articles.jsonl") if isinstance(r, Article)][1]
    assert article.text.startswith("Riders will see two new bus lines")
    assert "Home | News" not in article.text and "Copyright" not in article.text
    assert article.title == "Budget vote brings more buses"


def test_empty_and_oversized_lines(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    assert [str(r) for r in _read(empty)] == [f"{empty}: empty file: no JSON lines"]

    big = tmp_path / "big.jsonl"
    line = b'{"id": "ok", "title": "t", "text": "one two three four five six", "outlet": "o"}\n'
    big.write_bytes(b'{"text": "' + b"x" * 50_000 + b'"}\n' + line)
    records = _read(big, Settings(fetch_max_bytes=10_000))
    assert isinstance(records[0], Rejection) and records[0].provenance.record == "line 1"
    assert "longer than 10,000 bytes" in records[0].reason
    assert isinstance(records[1], Article) and records[1].key == "ok"


def test_cp1252_line_is_decoded_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    text = "The café’s owner said “business is back” after the re-opening on Monday."
    path.write_bytes(('{"id": "c1", "title": "Café", "text": "' + text + '"}\n').encode("cp1252"))
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert article.text == text


def test_fields_of_another_json_type_are_used_or_rejected_by_name(tmp_path: Path) -> None:
    """A list of paragraphs, a number as text and epoch dates were silently dropped."""
    body = "The council approved the harbour budget on Tuesday after a long debate."
    lines = [
        {"id": "a", "text": [body, "  ", "Work starts in May, the mayor said."]},
        {"id": "b", "title": "Numbers", "text": 12345},
        {"id": "c", "text": body, "published": 1_700_000_000},
        {"id": "d", "text": body + " Again.", "published": 1_700_000_000_123},
        {"id": "e", "text": body + " Once more.", "published": True, "date": "2020-01-02"},
        {"id": "f", "text": body + " Last.", "published": "sometime soon"},
        {"id": "g", "maintext": {"p": body}},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    records = {r.provenance.record: r for r in _read(path)}
    first = records["line 1"]
    assert isinstance(first, Article)
    assert split_paragraphs(first.text) == [body, "Work starts in May, the mayor said."]
    assert [str(records[f"line {n}"]) for n in (2, 7)] == [
        f'{path} [line 2]: field "text" is a number, expected a string or a list of strings',
        f'{path} [line 7]: field "maintext" is an object, expected a string or a list of strings',
    ]
    dates = {}
    for n in (3, 4, 5, 6):
        article = records[f"line {n}"]
        assert isinstance(article, Article) and article.text.startswith(body)
        dates[n] = article.published
    assert dates == {
        3: datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC),
        4: datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC),
        5: datetime(2020, 1, 2, tzinfo=UTC),  # the boolean is no date; the next field is
        6: None,
    }


def test_title_html_author_and_url_of_another_json_type_are_used_or_rejected_by_name(
    tmp_path: Path,
) -> None:
    """A number or a list in "title", "html", "author" or "url" was dropped without a word (the
    article stored untitled, unattributed or without its link). A list of strings is what
    scrapers write for a title, an author list or page fragments, and is used; anything else
    rejects the record, naming the file, the line and the field."""
    body = "The council approved the harbour budget on Tuesday after a long debate."
    page = ["<html><body><article>", f"<p>{body}</p>", "</article></body></html>"]
    lines = [
        {"id": "a", "title": ["Harbour budget", " approved "], "text": body},
        {"id": "b", "author": ["Ann Lee", " Bo Chen ", ""], "text": body + " Again."},
        {"id": "c", "authors": "Ann Lee", "text": body + " Once more."},
        {"id": "d", "title": "From a page", "html": page},
        {"id": "e", "text": body + " Still.", "html": 42},  # text given: the html is not read
        {"id": "f", "title": 2024, "text": body},
        {"id": "g", "url": ["https://news.example/a"], "text": body},
        {"id": "h", "author": {"name": "Ann Lee"}, "text": body},
        {"id": "i", "title": "No text", "html": 42},
        {"id": "j", "title": ["Harbour", 7], "text": body},
        {"id": "k", "url": 7, "text": body},
        {"id": "l", "authors": ["Ann Lee", None, 3], "text": body},
        {"id": "m", "authors": ["Ann Lee", None], "text": body + " Last."},  # null: no name
    ]
    path = tmp_path / "typed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    records = {r.provenance.record: r for r in _read(path)}
    articles = [records[f"line {n}"] for n in (1, 2, 3, 4, 5, 13)]
    stored = [a for a in articles if isinstance(a, Article)]
    assert stored == articles
    assert stored[0].title == "Harbour budget approved"
    authors = [a.author for a in stored]
    assert authors == [None, "Ann Lee, Bo Chen", "Ann Lee", None, None, "Ann Lee"]
    assert (stored[3].title, stored[3].text) == ("From a page", body)
    assert stored[4].text == body + " Still."
    assert [str(records[f"line {n}"]) for n in range(6, 13)] == [
        f'{path} [line 6]: field "title" is a number, expected a string or a list of strings',
        f'{path} [line 7]: field "url" is a list, expected a string',
        f'{path} [line 8]: field "author" is an object, expected a string or a list of strings',
        f'{path} [line 9]: field "html" is a number, expected a string or a list of strings',
        f'{path} [line 10]: field "title" is a list of other than strings, '
        "expected a string or a list of strings",
        f'{path} [line 11]: field "url" is a number, expected a string',
        f'{path} [line 12]: field "authors" is a list of other than strings, '
        "expected a string or a list of strings",
    ]
