"""WARC / WARC.gz archives: every HTML response (or resource) record becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsdesk.config import Settings
from newsdesk.extract import decode_bytes, extract_html, outlet_from_url
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import Draft, Record, finish

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _http_content_type(record: Any) -> tuple[str, str | None]:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
    kind, _, params = str(value).partition(";")
    charset = None
    for part in params.split(";"):
        name, _, setting = part.partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _record_article(
    record: Any, source: str, provenance: Provenance, settings: Settings
) -> Record | None:
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
    stream = record.content_stream()
    data = stream.read(settings.fetch_max_bytes + 1)
    if len(data) > settings.fetch_max_bytes:
        return Rejection(provenance, f"page larger than {settings.fetch_max_bytes:,} bytes")
    page = extract_html(decode_bytes(data, charset), url)
    return finish(
        Draft(
            key=url or f"{source}#{provenance.record}",
            title=page.title,
            text=page.text,
            outlet=page.outlet or outlet_from_url(url) or Path(source).stem,
            provenance=provenance,
            url=url,
            published=page.published,
            language=page.language,
            author=page.author,
        ),
        settings,
    )


def read_warc(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    records = 0
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        while True:
            offset = "?"
            try:
                record = next(iterator)
            except StopIteration:
                break
            except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
                where = f"offset {iterator.offset}" if hasattr(iterator, "offset") else "end"
                message = " ".join(str(error).split())[:200]
                yield Rejection(
                    Provenance(source, where), f"broken WARC record, stopped reading: {message}"
                )
                return
            records += 1
            offset = str(iterator.get_record_offset())
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            provenance = Provenance(source, f"offset {offset} {record_id}".strip())
            try:
                result = _record_article(record, source, provenance, settings)
            except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
                message = " ".join(str(error).split())[:200]
                yield Rejection(provenance, f"broken WARC record: {message}")
                continue
            if result is not None:
                yield result
    if records == 0:
        yield Rejection(Provenance(source), "empty WARC file: no records")
