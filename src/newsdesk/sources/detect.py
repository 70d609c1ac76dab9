"""Recognise an input's format by its name, else by its first bytes."""

from __future__ import annotations

import re
import zlib
from enum import Enum
from pathlib import Path


class Format(Enum):
    JSONL = "jsonl"
    JSON = "json"
    HTML = "html"
    TEXT = "text"
    SGML = "sgml"
    FEED = "feed"
    WARC = "warc"


_BY_SUFFIX = {
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".txt": Format.TEXT,
    ".warc": Format.WARC,
    ".arc": Format.WARC,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".sgml": Format.SGML,
    ".sgm": Format.SGML,
}
_SNIFF_BYTES = 4096
_SGML = re.compile(rb"<DOC(?:\s[^>]*)?>", re.IGNORECASE)
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]", re.I)


def _suffix_format(path: Path) -> Format | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def sniff(head: bytes) -> Format:
    """Guess a format from the first few KB of (decompressed) content."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return Format.WARC
    if _SGML.match(text) or (_SGML.search(text[:1024]) and b"<DOCNO" in text.upper()):
        return Format.SGML
    if text.startswith((b"{", b"[")):
        first_line = text.split(b"\n", 1)[0].strip()
        many_lines = b"\n{" in text or b"\n {" in text
        if text.startswith(b"{") and first_line.endswith(b"}") and many_lines:
            return Format.JSONL
        return Format.JSON
    if _FEED.search(text[:2048]):
        return Format.FEED
    if text.startswith(b"<?xml") and not _HTML.search(text[:2048]):
        return Format.FEED
    if _HTML.search(text[:2048]):
        return Format.HTML
    return Format.TEXT


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"ID3", "an MP3 file"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def binary_kind(path: Path) -> str | None:
    """What a file is when it is no text at all (an image, an archive, a PDF), else None.

    WARC files are not asked: their records carry binary payloads.
    """
    head = _head(path)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with its byte-order mark
        return None
    if len(_CONTROL.findall(head)) > 0.05 * len(head):
        return "binary data"
    return None


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        raw = handle.read(_SNIFF_BYTES)
    if raw.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, _SNIFF_BYTES)
        except zlib.error:
            return b""
    return raw


def detect(path: Path) -> Format:
    """The format of a file: by extension when it is a known one, else by content."""
    by_name = _suffix_format(path)
    if by_name is not None and by_name is not Format.JSON:
        return by_name
    if by_name is Format.JSON:
        head = _head(path)
        return Format.JSONL if sniff(head) is Format.JSONL else Format.JSON
    return sniff(_head(path))
