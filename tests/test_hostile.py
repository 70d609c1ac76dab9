"""Hostile input: decompression bombs, a 100 MB single line, 100k-deep HTML, path traversal in
WARC target URIs, and <script> in every text field of the HTML export. Loopback and private
feed addresses: tests/test_fetch.py and tests/test_sources_feeds.py (plus the numeric host
spellings below, which they do not cover)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corpus import wikinews_records, write_warc
from newsdesk.config import Settings
from newsdesk.export import load_story_views, render_html
from newsdesk.fetch import FetchError, check_url
from newsdesk.models import Article, Provenance, Rejection
from newsdesk.pipeline import IngestReport, ingest, place_unassigned, rebuild_briefs
from newsdesk.sources import read_sources
from newsdesk.store import open_store

# Runs read_sources in a child limited to 2 GB of address space, printing what it read.
BOUNDED = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
    from newsdesk.config import Settings
    from newsdesk.sources import read_sources
    for item in read_sources([sys.argv[1]], Settings()):
        print(type(item).__name__, str(item)[:300] if type(item).__name__ == "Rejection"
              else item.key)
    print("peak KiB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


def read_bounded(path: Path, timeout: float = 300) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(path)], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert int(lines[-1].split()[-1]) < 1_500_000  # peak memory stayed far below the limit
    return lines[:-1]


def _gzip_bomb(path: Path, prefix: bytes, size: int) -> None:
    """``prefix`` then ``size`` spaces, gzip-compressed in a stream (about 1000:1). Spaces, not
    zero bytes: a file of zero bytes is turned away as binary before its size is ever seen."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    with path.open("wb") as out:
        out.write(compressor.compress(prefix))
        for _ in range(size // len(chunk)):
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())


def test_html_gz_decompression_bomb_is_rejected(tmp_path: Path) -> None:
    bomb = tmp_path / "page.html.gz"
    _gzip_bomb(bomb, b"<html><body><p>", 1 << 30)  # 1 GiB inflated, ~1 MB on disk
    assert bomb.stat().st_size < 2_000_000
    (line,) = read_bounded(bomb)
    assert line.startswith(f"Rejection {bomb}") and "larger than the 10,000,000-byte" in line


def test_warc_gz_decompression_bomb_is_rejected(tmp_path: Path) -> None:
    # A WARC response record claiming a 1 GiB HTML body, gzip-compressed to about 1 MB.
    header = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        f"WARC-Record-ID: <urn:uuid:bomb>\r\nContent-Length: {(1 << 30) + 44}\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    ).encode()
    bomb = tmp_path / "crawl.warc.gz"
    _gzip_bomb(bomb, header, 1 << 30)
    lines = read_bounded(bomb)
    assert lines and all(line.startswith("Rejection") for line in lines)
    assert "larger than 10,000,000 bytes" in lines[0]


def test_100_mb_single_line_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    records = wikinews_records(2)
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as out:
        ok = '{{"id": "ok-{}", "title": "t", "outlet": "o", "text": {}}}\n'
        out.write(ok.format(1, json.dumps(records[0]["text"])))
        out.write('{"id": "huge", "text": "' + "x" * 100_000_000 + '"}\n')
        out.write(ok.format(2, json.dumps(records[1]["text"])))
    lines = read_bounded(path)
    assert lines[0] == "Article ok-1" and lines[2] == "Article ok-2"
    assert lines[1].startswith(f"Rejection {path} [line 2]")

    text = tmp_path / "huge.txt"
    text.write_text("Headline\n\n" + "word " * 20_000_000)  # 100 MB, one line
    (line,) = read_bounded(text)
    assert line.startswith("Rejection") and "larger than" in line


def test_100k_deep_html_does_not_crash(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    depth = 100_000
    body = "<div>" * depth + "<p>" + "Deep nesting text. " * 20 + "</p>" + "</div>" * depth
    page.write_text(f"<html><head><title>Deep</title></head><body>{body}</body></html>")
    (item,) = read_bounded(page)
    assert item.startswith(("Article", "Rejection"))


def test_path_traversal_target_uri_writes_nothing(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc", wikinews_records(2), gzip=False)
    traversal = "https://outlet-1/../../../../tmp/newsdesk-pwned.html"
    data = warc.read_bytes()
    data = data.replace(b"https://outlet-0/news/a0.html", b"file:///../../etc/passwd")
    warc.write_bytes(data.replace(b"https://outlet-1/news/a1.html", traversal.encode()))
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        report = ingest([str(warc)], store, Settings(db=str(db), embedder="tfidf"))
        keys = [s.article.key for s in store.iter_articles()]
    # The file: record is no web page (warcio parses no HTTP headers for it): not an article.
    assert report.added == 1 and keys == [traversal]
    after = sorted(str(p) for p in tmp_path.rglob("*") if not p.name.startswith("news.db"))
    assert after == before  # only the store was written
    assert not Path("/tmp/newsdesk-pwned.html").exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://0/",
        "http://127.1/",
        "http://[0:0:0:0:0:ffff:7f00:1]/",
    ],
)
def test_numeric_spellings_of_loopback_are_refused(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, Settings())


def test_script_in_every_text_field_is_escaped_in_html_export(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    text = " ".join(f"{evil} Sentence number {i} about the harbour storm." for i in range(8))
    article = Article(
        key=f"key{evil}",
        title=f"Title {evil}",
        text=text,
        outlet=f"Outlet {evil}",
        provenance=Provenance(f"file{evil}"),
        url=f"https://x.example/{evil}",
        published=datetime(2024, 1, 1, tzinfo=UTC),
        language="en",
        author=f"Author {evil}",
    )
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        store.add_article(article)
        report = IngestReport()
        place_unassigned(store, Settings(embedder="tfidf"), report)
        rebuild_briefs(store, report.stories_touched, 100)
        page = render_html(load_story_views(store))
    assert "alert(1)" in page  # the text is shown...
    assert "<script>alert" not in page  # ...but never as markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_non_utf8_and_nul_bytes_are_read_or_rejected(tmp_path: Path) -> None:
    page = tmp_path / "weird.html"
    page.write_bytes(
        b"<html><body><p>" + b"caf\xe9 \x00 \xff\xfe news text here. " * 30 + b"</p></body></html>"
    )
    (item,) = read_sources([str(page)], Settings())
    assert isinstance(item, Article | Rejection)


def test_binary_files_in_a_folder_are_rejected_by_name_and_the_articles_still_read(
    tmp_path: Path,
) -> None:
    """A stray image, PDF or archive in a folder of articles is not read as text."""
    folder = tmp_path / "cluster"
    folder.mkdir()
    wikinews = Path(__file__).resolve().parents[1] / "examples" / "wikinews"
    for path in sorted(wikinews.glob("M005?.english"))[:3]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    random = bytes((i * 193 + 71) % 256 for i in range(3000))  # every byte value, no text
    files = {
        "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random,
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + random,
        "bundle.zip": b"PK\x03\x04\x14\x00" + random,
        "NOEXT0001": random,
        "story.txt.gz": zlib.compress(random),  # not gzip framing: read as raw bytes
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    items = list(read_sources([str(folder)], Settings()))
    articles = [i for i in items if isinstance(i, Article)]
    rejected = {
        Path(str(i.provenance.source)).name: i.reason for i in items if isinstance(i, Rejection)
    }
    assert len(articles) == 3
    assert set(rejected) == set(files)
    assert rejected["photo.jpg"].startswith("a JPEG image, not an article")
    assert rejected["report.pdf"].startswith("a PDF document")
    assert rejected["bundle.zip"].startswith("a ZIP archive")
    assert rejected["NOEXT0001"].startswith("binary data")


def test_a_named_pipe_in_a_folder_is_rejected_by_name_and_never_opened(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: ingest of a folder holding one
    hung forever. It is named and skipped; the folder's articles are still read."""
    folder = tmp_path / "cluster"
    folder.mkdir()
    (record,) = wikinews_records(1)
    (folder / "a.txt").write_text(f"{record['title']}\n\n{record['text']}", encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").symlink_to(folder / "b.txt")
    (folder / "d.txt").symlink_to(folder / "gone.txt")
    lines = read_bounded(folder, timeout=60)
    assert lines[0] == f"Article {folder / 'a.txt'}"
    assert lines[1:] == [
        f"Rejection {folder / 'b.txt'}: a named pipe (FIFO), not a regular file: skipped unread",
        f"Rejection {folder / 'c.txt'}: a named pipe (FIFO), not a regular file: skipped unread",
        f"Rejection {folder / 'd.txt'}: a broken symbolic link, not a file",
    ]


def test_placeholder_dates_do_not_break_ingest_briefs_or_pages(tmp_path: Path) -> None:
    """A source dating one article "0001-01-01" and another "9999-12-31": the clustering window
    reached back from year 1 and overflowed, and the story page's chart spanned ten millennia.
    Both dates are kept as the source gave them; the clocks and the chart treat them as unknown."""
    from fastapi.testclient import TestClient

    from newsdesk.serve import create_app

    wikinews = Path(__file__).resolve().parents[1] / "examples" / "wikinews"
    records = []
    for name, published in (("M0060", "0001-01-01T00:00:00Z"), ("M0062", "9999-12-31T00:00:00Z")):
        title, _, text = (wikinews / f"{name}.english").read_text(encoding="utf-8").partition("\n")
        records.append(
            {"id": name, "title": title, "text": text, "published": published, "outlet": name}
        )
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "news.db"), embedder="tfidf")
    with open_store(settings.db) as store:
        report = ingest([str(path)], store, settings)
        assert report.added == 2 and not report.rejected
        views = load_story_views(store)
        assert views and all(v.brief is not None and v.brief.sentences for v in views)
        years = {s.article.published.year for s in store.iter_articles() if s.article.published}
        assert years == {1, 9999}
        render_html(views)
        story_ids = [v.story.id for v in views]
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "brief", str(path), "--format", "plain"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip(), done.stderr
    with TestClient(create_app(settings)) as client:
        for story_id in story_ids:
            assert client.get(f"/stories/{story_id}").status_code == 200


@pytest.mark.parametrize(
    "content",
    [
        "<DOC " * 40_000,
        "<DOC>\n<DOCNO " * 20_000,
        "<DOC><DOCNO>APW1</DOCNO><TEXT " + "<TEXT " * 40_000,
        "<DOC><DOCNO>APW1</DOCNO><TEXT>" + "<P " * 60_000,
    ],
    ids=["doc", "docno", "text", "p"],
)
def test_sgml_tags_without_their_closing_bracket_are_read_in_linear_time(
    tmp_path: Path, content: str
) -> None:
    """Each "<DOC " used to scan for a ">" to the end of the file: 100 KB of them took 21 s.
    These 200 KB files take milliseconds; the timeout is only there to fail instead of hang."""
    path = tmp_path / "hostile.sgml"
    path.write_text(content, encoding="ascii")
    lines = read_bounded(path, timeout=20)
    assert lines and lines[0].startswith(("Article APW1", f"Rejection {path}"))
