"""JSON Lines: one article object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk.config import Settings
from newsdesk.extract import decode_bytes, extract_html, outlet_from_url, parse_date
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import Draft, Record, capped_lines, finish, guarded, open_input


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


_JSON_TYPES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    dict: "an object",
    list: "a list",
}


class _WrongType(ValueError):
    """An article field holds a JSON value of a type it cannot have."""


def _string(data: dict[str, Any], name: str, joiner: str | None = None) -> str:
    """A text field, stripped; "" when absent or null. With a ``joiner``, a list of strings (and
    nulls) is taken too, its non-blank strings joined by it (paragraphs of a text, fragments of a
    page, the names of several authors). Any other JSON value raises :class:`_WrongType` naming
    the field: a number or an object in a title or a URL is a mapping mistake, not a value to
    guess at."""
    value = data.get(name)
    if value is None or isinstance(value, str):
        return _text(value)
    if joiner is None:
        raise _WrongType(f'field "{name}" is {_JSON_TYPES[type(value)]}, expected a string')
    if isinstance(value, list) and all(p is None or isinstance(p, str) for p in value):
        return joiner.join(part for p in value if (part := _text(p)))
    kind = "a list of other than strings" if isinstance(value, list) else _JSON_TYPES[type(value)]
    raise _WrongType(f'field "{name}" is {kind}, expected a string or a list of strings')


def _date(value: Any) -> datetime | None:
    """A date string, or epoch seconds (milliseconds when over 1e11); None if neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000 if abs(value) > 1e11 else value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(value)


def article_from_object(
    data: Any, provenance: Provenance, default_key: str, fallback_outlet: str, settings: Settings
) -> Record:
    """Turn one JSON article object (JSONL record or news-please file) into an article."""
    if not isinstance(data, dict):
        return Rejection(provenance, f"expected a JSON object, got {type(data).__name__}")
    # A field is read only where it is used: "maintext" when there is no "text", "html" when
    # there is neither, "authors" when there is no "author", "source_domain" without "outlet".
    try:
        url = _string(data, "url") or None
        title = _string(data, "title", " ")
        text = _string(data, "text", "\n\n") or _string(data, "maintext", "\n\n")
        html = "" if text else _string(data, "html", "\n")
        author = _string(data, "author", ", ") or _string(data, "authors", ", ") or None
        outlet = _string(data, "outlet") or _string(data, "source_domain")
        language = _string(data, "language") or None
    except _WrongType as error:
        return Rejection(provenance, str(error))
    dates = (_date(data.get(name)) for name in ("published", "date_publish", "date"))
    published = next((date for date in dates if date is not None), None)
    if not text and html:
        page = extract_html(html, url)
        text, title = page.text, title or page.title
        author, published = author or page.author, published or page.published
        outlet = outlet or (page.outlet or "")
    record_id = data.get("id")
    key = str(record_id).strip() if record_id not in (None, "") else (url or default_key)
    return finish(
        Draft(
            key=key,
            place_key=key == default_key,
            title=title,
            text=text,
            outlet=outlet or outlet_from_url(url) or fallback_outlet,
            provenance=provenance,
            url=url,
            published=published,
            language=language,
            author=author,
        ),
        settings,
    )


def read_jsonl(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    with open_input(path) as handle:
        seen_any = False
        for number, raw in capped_lines(handle, settings.fetch_max_bytes):
            provenance = Provenance(source, f"line {number}")
            if raw is None:
                yield Rejection(provenance, f"line longer than {settings.fetch_max_bytes:,} bytes")
                continue
            if not raw.strip():
                continue
            seen_any = True
            try:
                data = json.loads(decode_bytes(raw))
            except json.JSONDecodeError as error:
                yield Rejection(provenance, f"malformed JSON: {error}")
                continue
            default_key = f"{source}:{number}"
            record = guarded(
                provenance,
                article_from_object,
                *(data, provenance, default_key, path.parent.name, settings),
            )
            if record is not None:
                yield record
        if not seen_any:
            yield Rejection(Provenance(source), "empty file: no JSON lines")
