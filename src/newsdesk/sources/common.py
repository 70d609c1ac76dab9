"""Helpers shared by the source readers: decoding, dates, outlets, size caps, article checks."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast

from newsdesk.config import Settings
from newsdesk.extract import guess_language, settle_day_and_month
from newsdesk.models import Article, Provenance, Rejection

Record = Article | Rejection


class _LineReader(Protocol):
    def readline(self, size: int = ..., /) -> bytes: ...


class InputTooLarge(ValueError):
    """An input exceeded a configured size cap."""


def open_input(path: Path) -> BinaryIO:
    """A file opened for reading bytes, gunzipped when its name ends in ``.gz``."""
    if path.suffix.lower() == ".gz":
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def read_capped(path: Path, cap: int) -> bytes:
    """Read a file (gunzipping ``.gz``), refusing more than ``cap`` bytes of content."""
    with open_input(path) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise InputTooLarge(f"larger than the {cap:,}-byte limit (fetch_max_bytes)")
    return data


def capped_lines(handle: _LineReader, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, line)``; a line longer than ``cap`` bytes yields None instead."""
    number = 0
    while True:
        line = handle.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # discard the rest of the oversized line in bounded chunks
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def reflow(block: str) -> list[str]:
    """Paragraphs of a block of hard-wrapped lines (no blank lines), each on one line.

    Newswire text marks a paragraph by indenting its first line; text with long unindented lines
    has one paragraph per line; anything else is one paragraph.
    """
    lines = [line.rstrip() for line in block.split("\n") if line.strip()]
    if not lines:
        return []
    indents = [len(line) - len(line.lstrip()) for line in lines]
    starts = [indent > min(indents) for indent in indents]
    if any(starts[1:]) and not all(starts[1:]):
        paragraphs: list[list[str]] = []
        for line, start in zip(lines, starts, strict=True):
            if start or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line)
        return [" ".join(" ".join(p).split()) for p in paragraphs]
    if sum(map(len, lines)) / len(lines) > 100:
        return [" ".join(line.split()) for line in lines]
    return [" ".join(" ".join(lines).split())]


_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”'’)\]]*\s")


def truncate_text(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a paragraph, else sentence, boundary."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max((m.start() for m in _BREAK.finditer(head)), default=-1)
    if cut < limit // 2:
        cut = max((m.end() for m in _SENTENCE_END.finditer(head)), default=-1)
    if cut < limit // 2:
        cut = head.rfind(" ")
    return head[: cut if cut > 0 else limit].rstrip()


@dataclass(slots=True)
class Draft:
    """An article's fields before the common checks turn it into an Article or a Rejection."""

    key: str
    title: str
    text: str
    outlet: str
    provenance: Provenance
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    author: str | None = None
    place_key: bool = False  # the key is the file path or record number (see Article)


def guarded(
    provenance: Provenance, build: Callable[..., Record | None], *args: Any
) -> Record | None:
    """Run ``build(*args)`` for one record; an unexpected error rejects that record only."""
    try:
        return build(*args)
    except Exception as error:
        message = " ".join(str(error).split())[:200]
        return Rejection(provenance, f"could not convert record: {type(error).__name__}: {message}")


# C0 control characters but tab, newline and carriage return: invalid in XML (RSS) and never
# meant as text. The ones Python counts as whitespace (\x0b, \x0c, \x1c-\x1f) become a space.
_CONTROLS = {c: " " if chr(c).isspace() else None for c in range(0x20) if chr(c) not in "\t\n\r"}


def finish(draft: Draft, settings: Settings) -> Record:
    """Apply the checks every source shares: non-empty, long enough, truncated when huge; strip
    control characters, put titles and outlets on one line, and read a numeric date in the order
    the article's address confirms."""
    text = draft.text.translate(_CONTROLS).strip()
    title = " ".join(draft.title.translate(_CONTROLS).split())
    outlet = " ".join(draft.outlet.translate(_CONTROLS).split())
    if not text and len(title.split()) >= settings.min_article_words:
        # A headline-only record (a feed entry, an ECB+ item whose body was one sentence) is
        # still an article: its headline is its text, so it gets a story like any other.
        text = title
    if len(text) > settings.max_article_chars:
        text = truncate_text(text, settings.max_article_chars)
    count = len(text.split())
    if count == 0:
        return Rejection(draft.provenance, "no article text")
    if count < settings.min_article_words:
        return Rejection(
            draft.provenance,
            f"too short ({count} words, minimum {settings.min_article_words})",
        )
    return Article(
        key=draft.key,
        title=title,
        text=text,
        outlet=outlet.removeprefix("www.") or "unknown",
        provenance=draft.provenance,
        url=draft.url or None,
        published=settle_day_and_month(draft.published, draft.url),
        language=draft.language or guess_language(text),
        author=(draft.author or "").translate(_CONTROLS) or None,
        place_key=draft.place_key,
    )
