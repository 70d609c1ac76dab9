"""WARC / WARC.gz archives: every HTML response (or resource) record becomes an article."""

from __future__ import annotations

import re
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
            place_key=not url,
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


_FIRST_LINE = "first line: "


def _one_line(text: str, limit: int | None = 200) -> str:
    """A message on one line of printable characters: a quoted first line of raw bytes (that
    warcio could not read as a header) is left out, other unprintable characters become '?'."""
    line = " ".join(text.split())
    head, found, quoted = line.partition(_FIRST_LINE)
    if found and not (quoted.isascii() and quoted.isprintable()):
        line = f"{head}{_FIRST_LINE}binary data"
    line = "".join(c if c.isprintable() else "?" for c in line)
    return line if limit is None else line[:limit]


def _broken(provenance: Provenance, error: Exception) -> Rejection:
    text = str(error)
    # warcio's advice for a file gzipped whole ("run warcio recompress") is kept entire.
    message = _one_line(text, None if "recompress" in text else 200) or type(error).__name__
    return Rejection(provenance, f"broken WARC record: {message}")


_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


class _Iterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its multi-line warning, raw record bytes included, on stderr
    for a record not followed by a blank line: ``err_count`` counts those, and read_warc says
    which record it was, on one line."""

    INC_RECORD = ""


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


_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"\r?\n\r?\n(?=WARC/1\.\d\r?\n)")
_SCAN_BLOCK = 1 << 20


def _next_record(handle: BinaryIO, after: int, stop: int, gzipped: bool) -> int | None:
    """Offset of the first record start past ``after`` and before ``stop``, to read on from
    after a broken record: a gzip member that inflates to ``WARC/``, or (uncompressed) a
    ``WARC/1.x`` line after a blank line."""
    position = after + 1
    while position < stop:
        handle.seek(position)
        block = handle.read(min(_SCAN_BLOCK, stop - position) + 16)  # overlap the next block
        if not block:
            return None
        if gzipped:
            found = block.find(_GZIP_MAGIC)
            while 0 <= found < _SCAN_BLOCK and position + found < stop:
                if _inflates_to_warc(handle, position + found):
                    return position + found
                found = block.find(_GZIP_MAGIC, found + 1)
        elif (match := _RECORD_START.search(block)) is not None and match.start() < _SCAN_BLOCK:
            return position + match.end() if position + match.end() < stop else None
        position += _SCAN_BLOCK
    return None


def _inflates_to_warc(handle: BinaryIO, offset: int) -> bool:
    handle.seek(offset)
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(handle.read(1 << 16), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def record_offsets(path: Path) -> list[int]:
    """Byte offsets where the file's records start, up to the first unreadable one.

    Used to split one archive into record ranges that :func:`read_warc` reads in parallel.
    """
    offsets: list[int] = []
    with path.open("rb") as handle:
        iterator = _Iterator(handle)
        try:
            for _ in iterator:
                offsets.append(iterator.get_record_offset())
        except _READ_ERRORS:
            pass
    return offsets


@dataclass(slots=True)
class _Progress:
    records: int = 0  # records read so far, across resynchronisations
    resume: int | None = None  # where to read on after a broken record, if anywhere


def read_warc(
    path: Path, source: str, settings: Settings, start: int = 0, stop: int | None = None
) -> Iterator[Record]:
    """Articles of the archive; with ``start``/``stop`` (record offsets from
    :func:`record_offsets`) only of the records that begin in that byte range.

    A broken record (a wrong Content-Length, a corrupt gzip member) is rejected by its offset and
    id, and reading goes on at the next record start found after it.
    """
    progress = _Progress()
    with path.open("rb") as handle:
        size = path.stat().st_size if stop is None else stop
        handle.seek(start)
        gzipped = handle.read(2) == _GZIP_MAGIC[:2]
        position: int | None = start
        while position is not None:
            handle.seek(position)
            progress.resume = None
            yield from _read_from(handle, source, settings, stop, size, gzipped, progress)
            position = progress.resume


def _read_from(
    handle: BinaryIO,
    source: str,
    settings: Settings,
    stop: int | None,
    size: int,
    gzipped: bool,
    progress: _Progress,
) -> Iterator[Record]:
    """The records from the handle's position on, up to the end or a broken record that needs a
    new start: then ``progress.resume`` is where the next record starts, if one was found."""
    first = handle.tell()
    iterator = _Iterator(handle if stop is None else _Window(handle, stop))
    stream = iter(iterator)

    def read_on(after: int) -> str:
        # warcio's offsets are off in a file gzipped whole: always search past this start.
        progress.resume = _next_record(handle, max(after, first), size, gzipped)
        if progress.resume is None:
            return ", stopped reading"
        return f"; read on at offset {progress.resume}"

    while True:
        begin = iterator.offset  # where the record about to be read starts
        try:
            record = next(stream)
        except StopIteration:
            break
        except _READ_ERRORS as error:
            at = max(begin, first)
            where = read_on(at)
            rejection = _broken(Provenance(source, f"offset {at}" if at else "start"), error)
            yield Rejection(rejection.provenance, rejection.reason + where)
            return
        progress.records += 1
        if not _has_valid_length(record):
            where = read_on(begin)
            yield Rejection(
                Provenance(source, f"offset {begin}"),
                f"broken WARC record: no valid record length: not WARC/ARC data{where}",
            )
            return
        record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record {progress.records}"
        errors = iterator.err_count
        broken: Rejection | None = None
        try:
            payload = _html_payload(record, settings)
        except _READ_ERRORS as error:
            payload, broken = None, _broken(Provenance(source), error)
        # Only valid once the record's content has been read; reading on to the next record
        # counts a record not followed by a blank line in err_count.
        provenance = Provenance(source, f"offset {iterator.get_record_offset()} {record_id}")
        missing = getattr(record.raw_stream, "limit", 0)
        if broken is None and missing > 0:
            broken = Rejection(
                provenance, f"broken WARC record: record truncated: {missing:,} bytes missing"
            )
        if broken is None and iterator.err_count > errors:
            broken = Rejection(
                provenance,
                "broken WARC record: its Content-Length does not match its content "
                "(no blank line after it)",
            )
        if broken is not None:
            if gzipped and iterator.err_count == errors:  # the next gzip member is intact
                yield Rejection(provenance, broken.reason)
                continue
            # A length too long swallowed the records after this one, one too short left part of
            # it where the next record should start: read on at the next record start.
            yield Rejection(provenance, broken.reason + read_on(begin))
            return
        if payload is not None:
            result = guarded(provenance, _article, payload, provenance, settings)
            if result is not None:
                yield result
    # warcio stops silently at a truncated or corrupt gzip member: look for unread bytes.
    consumed = getattr(iterator, "offset", 0)
    if progress.records and consumed < size:
        where = read_on(consumed)
        unread = (progress.resume or size) - consumed
        yield Rejection(
            Provenance(source, f"offset {consumed}"),
            f"broken WARC record: {unread:,} bytes unreadable{where}",
        )
    elif progress.records == 0:
        reason = "empty WARC file: no records" if size == 0 else "not a readable WARC file"
        yield Rejection(Provenance(source), reason)
