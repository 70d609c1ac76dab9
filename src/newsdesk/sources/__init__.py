"""Ingest sources: turn files, folders and URLs into :class:`Article` records or :class:`Rejection`.

``read_sources`` never raises for bad input: every unreadable file or record becomes a one-line
Rejection naming the file and record, and the rest of the input is still read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.models import Article, Provenance, Rejection
from newsdesk.sources.common import Record
from newsdesk.sources.detect import Format, binary_kind, detect
from newsdesk.sources.files import read_html_file, read_json_file, read_text_file
from newsdesk.sources.jsonl import read_jsonl
from newsdesk.sources.sgml import read_sgml

__all__ = ["Article", "Rejection", "folder_files", "not_regular", "read_sources"]

Reader = Callable[[Path, str, Settings], Iterator[Record]]


def _file_reader(fmt: Format) -> Reader:
    # Imported lazily: feeds and WARC pull in the HTTP client and warcio.
    if fmt is Format.FEED:
        from newsdesk.sources.feeds import read_feed_file

        return read_feed_file
    if fmt is Format.WARC:
        from newsdesk.sources.warc import read_warc

        return read_warc
    readers: dict[Format, Reader] = {
        Format.JSONL: read_jsonl,
        Format.JSON: read_json_file,
        Format.HTML: read_html_file,
        Format.TEXT: read_text_file,
        Format.SGML: read_sgml,
    }
    return readers[fmt]


def folder_files(folder: Path) -> Iterator[Path]:
    """Entries under ``folder`` but folders, recursively, in sorted order; hidden ones skipped.

    Named pipes, sockets and devices are yielded too, so that they can be reported: check
    :func:`not_regular` before opening one (reading a named pipe blocks forever).
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_regular(path: Path) -> str | None:
    """Why ``path`` (a symbolic link followed) is not a regular file to read, else None."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if path.is_symlink():
            return "a broken symbolic link, not a file"
        return f"cannot read file: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: skipped unread"


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    try:
        fmt = detect(path)
        binary = None if fmt is Format.WARC else binary_kind(path)
    except OSError as error:
        yield Rejection(Provenance(source), f"cannot read file: {error}")
        return
    if binary is not None:
        yield Rejection(
            Provenance(source),
            f"{binary}, not an article: newsdesk reads JSONL, JSON, HTML, text, TREC/LDC SGML, "
            "RSS/Atom and WARC files",
        )
        return
    try:
        yield from _file_reader(fmt)(path, source, settings)
    except Exception as error:  # a reader bug must not stop the rest of the input
        yield Rejection(
            Provenance(source), f"could not read {fmt.value} file: {type(error).__name__}: {error}"
        )


def _read_url(url: str, settings: Settings) -> Iterator[Record]:
    from newsdesk.sources.feeds import read_url

    try:
        yield from read_url(url, settings)
    except Exception as error:
        yield Rejection(Provenance(url), f"could not read URL: {type(error).__name__}: {error}")


def read_sources(inputs: Sequence[str], settings: Settings) -> Iterator[Article | Rejection]:
    """Read articles from files, folders (recursively, sorted) and http(s) URLs, in input order."""
    for item in inputs:
        if not item:  # Path("") is the current folder: never what was meant
            yield Rejection(Provenance("''"), "empty input name")
            continue
        if item.lower().startswith(("http://", "https://")):
            yield from _read_url(item, settings)
            continue
        path = Path(item)
        if path.is_dir():
            for file in folder_files(path):
                if (reason := not_regular(file)) is not None:
                    yield Rejection(Provenance(str(file)), reason)
                else:
                    yield from _read_file(file, str(file), settings)
        elif path.is_file():
            yield from _read_file(path, item, settings)
        elif path.exists():
            yield Rejection(Provenance(item), "not a regular file or folder")
        else:
            yield Rejection(Provenance(item), "no such file or folder")
