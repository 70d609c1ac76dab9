from __future__ import annotations

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
