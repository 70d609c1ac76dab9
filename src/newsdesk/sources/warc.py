"""WARC / WARC.gz archives: every HTML response (or resource) record becomes an article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsdesk.config import Settings
from newsdesk.extract import decode_bytes, extract_html, outlet_from_url
from newsdesk.fetch import parse_content_type
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import Draft, Record, finish, guarded

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _http_content_type(record: Any) -> tuple[str, str | None]:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
    return parse_content_type(str(value))


def _read_limited(stream: Any, limit: int) -> bytes:
    """Read up to ``limit`` bytes; warcio's streams return short reads."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(1 << 16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True, slots=True)
class _Payload:
    url: str | None
    charset: str | None
    data: bytes


def _html_payload(record: Any, settings: Settings) -> _Payload | None:
    """The HTML body of a successful response/resource record; None for any other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not str(status).startswith("2"):
            return None
    kind, charset = _http_content_type(record)
    if kind not in _HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = _read_limited(record.content_stream(), settings.fetch_max_bytes + 1)
    missing = getattr(record.raw_stream, "limit", 0)
    if len(data) <= settings.fetch_max_bytes and missing > 0:
        raise EOFError(f"record truncated: {missing:,} bytes missing")
    return _Payload(url, charset, data)


def _article(payload: _Payload, provenance: Provenance, settings: Settings) -> Record:
    if len(payload.data) > settings.fetch_max_bytes:
        return Rejection(provenance, f"page larger than {settings.fetch_max_bytes:,} bytes")
    url = payload.url
    page = extract_html(decode_bytes(payload.data, payload.charset), url)
    return finish(
        Draft(
            key=url or f"{provenance.source}#{provenance.record}",
            title=page.title,
            text=page.text,
            outlet=page.outlet or outlet_from_url(url) or Path(provenance.source).stem,
            provenance=provenance,
            url=url,
            published=page.published,
            language=page.language,
            author=page.author,
        ),
        settings,
    )


def _has_valid_length(record: Any) -> bool:
    length = record.rec_headers.get_header("Content-Length") or record.rec_headers.get_header(
        "length"
    )
    return str(length or "").strip().isdigit()


def _broken(provenance: Provenance, error: Exception, stopped: bool) -> Rejection:
    message = " ".join(str(error).split())[:200] or type(error).__name__
    suffix = ", stopped reading" if stopped else ""
    return Rejection(provenance, f"broken WARC record{suffix}: {message}")


_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


class _Window:
    """A file read only up to byte ``stop``, keeping its absolute ``tell()`` for warcio."""

    def __init__(self, handle: BinaryIO, stop: int) -> None:
        self._handle = handle
        self._stop = stop

    def read(self, size: int = -1) -> bytes:
        left = max(0, self._stop - self._handle.tell())
        return self._handle.read(left if size < 0 else min(size, left))

    def tell(self) -> int:
        return self._handle.tell()


def record_offsets(path: Path) -> list[int]:
    """Byte offsets where the file's records start, up to the first unreadable one.

    Used to split one archive into record ranges that :func:`read_warc` reads in parallel.
    """
    offsets: list[int] = []
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        try:
            for _ in iterator:
                offsets.append(iterator.get_record_offset())
        except _READ_ERRORS:
            pass
    return offsets


def read_warc(
    path: Path, source: str, settings: Settings, start: int = 0, stop: int | None = None
) -> Iterator[Record]:
    """Articles of the archive; with ``start``/``stop`` (record offsets from
    :func:`record_offsets`) only of the records that begin in that byte range."""
    records = 0
    with path.open("rb") as handle:
        handle.seek(start)
        iterator = ArchiveIterator(handle if stop is None else _Window(handle, stop))
        stream = iter(iterator)
        while True:
            try:
                record = next(stream)
            except StopIteration:
                break
            except _READ_ERRORS as error:
                where = f"after record {records}" if records else "start"
                yield _broken(Provenance(source, where), error, stopped=True)
                return
            records += 1
            if not _has_valid_length(record):
                yield _broken(
                    Provenance(source, f"record {records}"),
                    ValueError("no valid record length: not WARC/ARC data"),
                    stopped=True,
                )
                return
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record {records}"
            try:
                payload = _html_payload(record, settings)
            except _READ_ERRORS as error:
                where = f"offset {iterator.get_record_offset()} {record_id}"
                yield _broken(Provenance(source, where), error, stopped=False)
                continue
            # Only valid once the record's content has been read.
            provenance = Provenance(source, f"offset {iterator.get_record_offset()} {record_id}")
            if payload is not None:
                result = guarded(provenance, _article, payload, provenance, settings)
                if result is not None:
                    yield result
        # warcio stops silently at a truncated or corrupt gzip member: look for unread bytes.
        consumed = getattr(iterator, "offset", 0)
        size = path.stat().st_size if stop is None else stop
        if records and consumed < size:
            yield Rejection(
                Provenance(source, f"offset {consumed}"),
                f"broken WARC record, stopped reading: {size - consumed:,} bytes unreadable",
            )
            return
    if records == 0:
        reason = "empty WARC file: no records" if size == 0 else "not a readable WARC file"
        yield Rejection(Provenance(source), reason)
