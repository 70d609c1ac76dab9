from __future__ import annotations

import gzip as gz
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corpus import wikinews_records, write_warc
from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources

DATA = Path(__file__).parent / "data" / "sources"
PAGE = (DATA / "site" / "harbor-storm.html").read_bytes()


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    writer.write_record(record)


def _write_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://www.coastalherald.example/storm", PAGE, "text/html")
        _response(writer, "https://www.coastalherald.example/logo.png", b"\x89PNG...", "image/png")
        latin = PAGE.decode().replace("second day", "second day in Málaga").encode("latin-1")
        _response(
            writer, "https://www.coastalherald.example/es", latin, "text/html; charset=iso-8859-1"
        )


def test_warc_and_warc_gz(tmp_path: Path) -> None:
    for name, gzip in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        _write_warc(path, gzip)
        records = list(read_sources([str(path)], Settings()))
        assert [type(r) for r in records] == [Article, Article], name
        first, second = records
        assert isinstance(first, Article) and isinstance(second, Article)
        assert first.key == "https://www.coastalherald.example/storm"
        assert first.outlet == "Coastal Herald"
        assert first.text.startswith("The harbor stayed closed")
        assert first.provenance.record is not None and "urn:uuid:" in first.provenance.record
        assert "Málaga" in second.title


def test_warc_without_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, gzip=False)
    renamed = path.rename(tmp_path / "CC-MAIN-00001")
    assert len([r for r in read_sources([str(renamed)], Settings()) if isinstance(r, Article)]) == 2


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    for gzip in (False, True):
        path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
        _write_warc(path, gzip)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 900])  # cut into the last response record
        records = list(read_sources([str(path)], Settings()))
        assert isinstance(records[0], Article)
        assert isinstance(records[-1], Rejection)
        assert str(path) in str(records[-1]) and "offset" in str(records[-1])
        assert "WARC" in records[-1].reason


def test_empty_and_garbage_warc(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b" + b"not really gzip" * 10)
    records = list(read_sources([str(empty), str(garbage)], Settings()))
    assert len(records) == 2 and all(isinstance(r, Rejection) for r in records)
    assert str(records[0]) == f"{empty}: empty WARC file: no records"
    assert str(garbage) in str(records[1])


def _records(path: Path) -> list[tuple[int, str, str]]:
    """(offset, WARC-Record-ID, WARC-Type) of each record, as warcio reads an intact file."""
    found = []
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            rid, kind = (record.rec_headers.get_header(h) for h in ("WARC-Record-ID", "WARC-Type"))
            found.append((iterator.get_record_offset(), rid, kind))
    return found


def _set_length(data: bytes, offset: int, change: int) -> bytes:
    """``data`` with the WARC Content-Length of the record at ``offset`` off by ``change``."""
    start = data.index(b"Content-Length: ", offset) + len(b"Content-Length: ")
    end = data.index(b"\r\n", start)
    return data[:start] + str(int(data[start:end]) + change).encode() + data[end:]


@pytest.mark.parametrize("change", [-300, 300], ids=["too-short", "too-long"])
def test_a_wrong_content_length_rejects_that_record_and_keeps_every_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: int
) -> None:
    """Too short, the record was stored cut off; too long, it took in the next record's start
    and that record was lost; both with only warcio's multi-line raw-bytes warning on stderr."""
    intact = write_warc(tmp_path / "intact.warc", wikinews_records(4), gzip=False)
    expected = {a.key: a.text for a in read_sources([str(intact)], Settings())}
    offsets = _records(intact)
    offset, record_id, kind = offsets[3]  # the second article's response
    assert kind == "response"
    broken = tmp_path / "broken.warc"
    broken.write_bytes(_set_length(intact.read_bytes(), offset, change))

    items = list(read_sources([str(broken)], Settings()))
    (rejection,) = [i for i in items if isinstance(i, Rejection)]
    assert str(rejection) == (
        f"{broken} [offset {offset} {record_id}]: broken WARC record: its Content-Length does "
        f"not match its content (no blank line after it); read on at offset {offsets[4][0]}"
    )
    articles = {i.key: i.text for i in items if isinstance(i, Article)}
    assert len(articles) == 3 and all(expected[key] == text for key, text in articles.items())
    assert capsys.readouterr().err == ""


def test_a_corrupt_gzip_member_loses_only_its_own_record(tmp_path: Path) -> None:
    """Every member after a corrupt one was dropped; and the rejection quoted raw bytes."""
    intact = write_warc(tmp_path / "intact.warc.gz", wikinews_records(4))
    offsets = _records(intact)
    offset, _, _ = offsets[3]
    data = bytearray(intact.read_bytes())
    data[offset + 20 : offset + 60] = bytes(range(200, 240))  # inside the deflate stream
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(bytes(data))

    items = list(read_sources([str(broken)], Settings()))
    articles = [i for i in items if isinstance(i, Article)]
    (rejection,) = [i for i in items if isinstance(i, Rejection)]
    assert len(articles) == 3
    assert str(rejection).startswith(f"{broken} [offset {offset}]: broken WARC record: ")
    assert str(rejection).endswith(f"; read on at offset {offsets[4][0]}")
    assert str(rejection).isascii() and str(rejection).isprintable()


def test_a_warc_gzipped_whole_keeps_warcio_advice(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "plain.warc", wikinews_records(2), gzip=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gz.compress(plain.read_bytes()))
    (rejection,) = read_sources([str(whole)], Settings())
    assert isinstance(rejection, Rejection) and "\n" not in rejection.reason
    assert "warcio recompress <path/to/file> <path/to/new_file>" in rejection.reason
