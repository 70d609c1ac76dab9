from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
