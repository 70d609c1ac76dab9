from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs

ROOT_WIKINEWS = Path(__file__).resolve().parents[1] / "examples" / "wikinews"

DATA = Path(__file__).parent / "data" / "sources"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def _read(*paths: Path | str, settings: Settings | None = None) -> list[Article | Rejection]:
    return list(read_sources([str(p) for p in paths], settings or Settings()))


def _articles(*paths: Path | str, settings: Settings | None = None) -> list[Article]:
    return [r for r in _read(*paths, settings=settings) if isinstance(r, Article)]


def test_wikinews_text_file_parses_title_and_dates() -> None:
    (article,) = _articles(DATA / "wikinews.txt")
    assert article.title == "Ferry service resumes on northern island route"
    assert article.published == datetime(2005, 3, 14, tzinfo=UTC)
    assert article.outlet == "Wikinews"
    assert article.text.startswith("Ferry service between the mainland")
    assert "Monday, March 14" not in article.text
    assert len(split_paragraphs(article.text)) == 3


def test_multiling_sources_are_all_read() -> None:
    folder = SHARED / "multiling2011-en" / "source"
    articles = _articles(folder)
    assert len(articles) == 100
    assert all(a.outlet == "Wikinews" and a.published is not None for a in articles)
    assert all(a.title and a.title not in a.text[: len(a.title) + 5] for a in articles)
    assert [a.key for a in articles] == sorted(a.key for a in articles)


def test_generic_text_first_line_is_title() -> None:
    (article,) = _articles(DATA / "notes.txt")
    assert article.title == "Library extends weekend hours"
    assert article.outlet == "sources"  # the parent folder
    assert article.text.startswith("The central library will stay open")
    assert "\n" not in article.text  # wrapped lines joined into one paragraph


def test_news_please_json_and_ecbplus() -> None:
    (article,) = _articles(DATA / "site" / "newsplease.json")
    assert article.key == "https://www.harbor-gazette.com/2019/07/08/dredging"
    assert (article.outlet, article.author) == ("harbor-gazette.com", "Maria Lopez")
    assert article.published == datetime(2019, 7, 8, 14, 5, tzinfo=UTC)

    ecb = _articles(SHARED / "ecbplus" / "docs" / "1ecb")
    assert len(ecb) >= 5
    assert all(a.key.endswith(".json") and a.language == "en" for a in ecb)


def test_html_file_metadata() -> None:
    (article,) = _articles(DATA / "site" / "harbor-storm.html")
    assert article.title == "Storm closes harbor for second day"
    assert article.outlet == "Coastal Herald"
    assert article.author == "Jamie Chen"
    assert article.published is not None and article.published.date().isoformat() == "2021-11-03"
    assert article.text.startswith("The harbor stayed closed")
    assert "Most read" not in article.text and "All rights reserved" not in article.text


def test_missing_and_empty_inputs_are_rejections(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    records = _read(tmp_path / "missing.jsonl", empty, DATA / "notes.txt")
    assert [str(r) for r in records[:2]] == [
        f"{tmp_path / 'missing.jsonl'}: no such file or folder",
        f"{empty}: empty file",
    ]
    assert isinstance(records[2], Article)


def test_cp1252_html_and_text(tmp_path: Path) -> None:
    body = "Le maire a déclaré que « la récolte » serait meilleure — selon l’équipe — cette année."
    (tmp_path / "page.html").write_bytes(
        f"<html><body><article><h1>Récolte</h1><p>{body}</p><p>{body}</p></article></body></html>".encode(
            "cp1252"
        )
    )
    (tmp_path / "note.txt").write_bytes(f"Récolte\n\n{body}\n".encode("cp1252"))
    html_article, text_article = _articles(tmp_path)
    assert "déclaré" in html_article.text and "\ufffd" not in html_article.text
    assert text_article.text == body
    assert text_article.language == "fr"


def test_huge_articles_are_truncated_and_huge_files_refused(tmp_path: Path) -> None:
    paragraph = "The committee met again on Tuesday to review the figures. " * 20
    (tmp_path / "long.txt").write_text("Long report\n\n" + "\n\n".join([paragraph] * 200))
    settings = Settings(max_article_chars=10_000, fetch_max_bytes=300_000)
    (article,) = _articles(tmp_path / "long.txt", settings=settings)
    assert 5_000 < len(article.text) <= 10_000
    assert article.text.endswith("figures.")

    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.write(b"<html><body>")
        for _ in range(400):
            handle.write(b"<p>" + b"filler text " * 100 + b"</p>")
    (rejection,) = _read(huge, settings=settings)
    assert isinstance(rejection, Rejection) and "300,000-byte limit" in rejection.reason


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    import gzip

    bomb = tmp_path / "page.html.gz"
    with gzip.open(bomb, "wb") as handle:
        for _ in range(100):
            handle.write(b" " * 1_000_000)  # zero bytes would be rejected as binary first
    assert bomb.stat().st_size < 200_000
    (rejection,) = _read(bomb, settings=Settings(fetch_max_bytes=5_000_000))
    assert isinstance(rejection, Rejection) and "limit" in rejection.reason


def test_one_bad_item_of_a_json_list_spares_the_rest(tmp_path: Path) -> None:
    body = (ROOT_WIKINEWS / "M0030.english").read_text(encoding="utf-8")
    items = [
        {"title": "First", "text": body, "url": "https://a.example/1"},
        ["not", "an", "article"],
        {"title": "Third", "text": body + "\n\nA closing line.", "url": "https://a.example/3"},
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    records = list(read_sources([str(path)], Settings()))
    assert [r.title for r in records if isinstance(r, Article)] == ["First", "Third"]
    (rejection,) = [r for r in records if isinstance(r, Rejection)]
    assert rejection.provenance.record == "item 1" and str(path) in str(rejection)
