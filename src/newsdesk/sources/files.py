"""Single-article files: HTML pages, plain text (incl. WikiNews-style), news-please JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.extract import decode_bytes, extract_html, parse_date
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import (
    Draft,
    InputTooLarge,
    Record,
    finish,
    guarded,
    read_capped,
    reflow,
)
from newsdesk.sources.jsonl import article_from_object


def _read(path: Path, source: str, settings: Settings) -> bytes | Rejection:
    try:
        data = read_capped(path, settings.fetch_max_bytes)
    except InputTooLarge as error:
        return Rejection(Provenance(source), f"file {error}")
    except (OSError, EOFError) as error:
        return Rejection(Provenance(source), f"cannot read file: {error}")
    if not data.strip():
        return Rejection(Provenance(source), "empty file")
    return data


def read_html_file(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    data = _read(path, source, settings)
    if isinstance(data, Rejection):
        yield data
        return
    page = extract_html(data, None)
    yield finish(
        Draft(
            key=source,
            place_key=True,
            title=page.title,
            text=page.text,
            outlet=page.outlet or path.parent.name,
            provenance=Provenance(source),
            url=page.url,
            published=page.published,
            language=page.language,
            author=page.author,
        ),
        settings,
    )


def read_json_file(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    data = _read(path, source, settings)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        parsed = json.loads(decode_bytes(data))
    except json.JSONDecodeError as error:
        yield Rejection(Provenance(source), f"malformed JSON: {error}")
        return
    if isinstance(parsed, list):
        if not parsed:
            yield Rejection(Provenance(source), "empty JSON list")
        for index, item in enumerate(parsed):
            provenance = Provenance(source, f"item {index}")
            record = guarded(
                provenance,
                article_from_object,
                item,
                provenance,
                f"{source}#{index}",
                path.parent.name,
                settings,
            )
            if record is not None:
                yield record
    else:
        yield article_from_object(parsed, Provenance(source), source, path.parent.name, settings)


# WikiNews export: "2005/01/08 Title" (date optional), blank line, "Saturday, January 8, 2005".
_DATED_TITLE = re.compile(r"^(\d{4}/\d{2}/\d{2})\s+(.+)$")
_DATELINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}(?!\d)\s*"
)
_DATELINE_SEARCH = 3  # a caption or two may come before the dateline


def _paragraph_lines(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def read_text_file(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    data = _read(path, source, settings)
    if isinstance(data, Rejection):
        yield data
        return
    text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = _paragraph_lines(text)
    if not paragraphs:
        yield Rejection(Provenance(source), "empty file")
        return
    first_lines = paragraphs[0].strip().split("\n", 1)
    title_line = first_lines[0].strip()
    rest = [first_lines[1]] if len(first_lines) > 1 else []
    body = rest + paragraphs[1:]
    published = None
    wikinews = False
    if match := _DATED_TITLE.match(title_line):
        published, title_line, wikinews = parse_date(match.group(1)), match.group(2), True
    for index, paragraph in enumerate(body[:_DATELINE_SEARCH]):
        if match := _DATELINE.match(paragraph.strip()):
            published = parse_date(match.group(0)) or published
            after = paragraph.strip()[match.end() :]
            body, wikinews = ([after] if after else []) + body[index + 1 :], True
            break
    yield finish(
        Draft(
            key=source,
            place_key=True,
            title=title_line,
            text="\n\n".join(q for p in body for q in reflow(p)),
            outlet="Wikinews" if wikinews else path.parent.name,
            provenance=Provenance(source),
            published=published,
        ),
        settings,
    )
