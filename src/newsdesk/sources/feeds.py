"""RSS/Atom feeds (files or URLs) and single pages by URL.

Each feed entry's linked page is fetched and extracted; when the page cannot be fetched or has no
main text, the entry's own content or summary is used if it is substantial, else the entry is
rejected.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import feedparser

from newsdesk.config import Settings
from newsdesk.extract import decode_bytes, extract_html, outlet_from_url, parse_date
from newsdesk.fetch import ACCEPT_FEED, Fetcher, FetchError
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import (
    Draft,
    InputTooLarge,
    Record,
    finish,
    guarded,
    read_capped,
)
from newsdesk.sources.detect import Format, sniff

# Feed text shorter than this is a teaser, not an article.
_SUBSTANTIAL_WORDS = 60
_TAG = re.compile(r"<[^<>]*>")
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content and summary, as plain paragraphs."""
    candidates = [str(c.get("value", "")) for c in entry.get("content", []) or []]
    candidates.append(str(entry.get("summary", "") or ""))
    best = max(candidates, key=len)
    plain = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", best)))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", plain))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> Any:
    return entry.get("published") or entry.get("updated") or entry.get("created")


def _entry_record(
    entry: Any, index: int, source: str, feed_title: str, fetcher: Fetcher, settings: Settings
) -> Record:
    link = str(entry.get("link") or "") or None
    entry_id = str(entry.get("id") or "") or None
    provenance = Provenance(source, link or entry_id or f"entry {index + 1}")
    title = html.unescape(str(entry.get("title", "") or ""))
    author = str(entry.get("author") or "") or None
    published = parse_date(_entry_date(entry))
    outlet = feed_title or outlet_from_url(link) or outlet_from_url(source) or "unknown"
    text, problem = "", ""
    if link:
        try:
            result = fetcher.fetch(link)
            page = extract_html(decode_bytes(result.content, result.charset), result.url)
            text, title = page.text, title or page.title
            author, published = author or page.author, published or page.published
            problem = "" if text else "no article text found on the linked page"
        except FetchError as error:
            problem = str(error)
    else:
        problem = "entry has no link"
    if not text:
        fallback = _entry_text(entry)
        if len(fallback.split()) >= max(_SUBSTANTIAL_WORDS, settings.min_article_words):
            text = fallback
        else:
            return Rejection(provenance, f"{problem}; feed text too short to use instead")
    return finish(
        Draft(
            key=entry_key(entry, index, source),
            place_key=not (entry.get("link") or entry.get("id")),
            title=title,
            text=text,
            outlet=outlet,
            provenance=provenance,
            url=link,
            published=published,
            author=author,
        ),
        settings,
    )


def entry_key(entry: Any, index: int, source: str) -> str:
    """The key an entry's article is stored under: its link, else its id, else its position."""
    return str(entry.get("link") or "") or str(entry.get("id") or "") or f"{source}#{index}"


def _feed_title(parsed: Any) -> str:
    return " ".join(str(parsed.feed.get("title", "") or "").split())


def read_feed_entries(
    parsed: Any,
    source: str,
    settings: Settings,
    fetcher: Fetcher,
    wanted: Callable[[str], bool],
) -> Iterator[Record]:
    """Records for the entries of a parsed feed whose :func:`entry_key` passes ``wanted``.

    ``newsdesk watch`` uses it to fetch the pages of new entries only.
    """
    feed_title = _feed_title(parsed)
    for index, entry in enumerate(parsed.entries):
        if not wanted(entry_key(entry, index, source)):
            continue
        provenance = Provenance(source, f"entry {index + 1}")
        record = guarded(
            provenance, _entry_record, entry, index, source, feed_title, fetcher, settings
        )
        if record is not None:
            yield record


def _read_feed_bytes(data: bytes, source: str, settings: Settings) -> Iterator[Record]:
    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        reason = "empty feed: no entries"
        if parsed.get("bozo") and not parsed.get("feed"):
            reason = f"not a readable feed: {parsed.get('bozo_exception')}"
        yield Rejection(Provenance(source), " ".join(reason.split()))
        return
    with Fetcher(settings) as fetcher:
        yield from read_feed_entries(parsed, source, settings, fetcher, lambda key: True)


def read_feed_file(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    try:
        data = read_capped(path, settings.fetch_max_bytes)
    except (OSError, EOFError, InputTooLarge) as error:
        yield Rejection(Provenance(source), f"cannot read feed file: {error}")
        return
    yield from _read_feed_bytes(data, source, settings)


def read_url(url: str, settings: Settings) -> Iterator[Record]:
    """Read a URL that is either a feed (each entry fetched) or a single article page."""
    try:
        with Fetcher(settings) as fetcher:
            result = fetcher.fetch(url, accept=ACCEPT_FEED + ",text/html;q=0.8")
    except FetchError as error:
        yield Rejection(Provenance(url), str(error))
        return
    is_feed = any(word in result.content_type for word in ("rss", "atom", "xml"))
    if is_feed or sniff(result.content[:4096]) is Format.FEED:
        yield from _read_feed_bytes(result.content, url, settings)
        return
    page = extract_html(decode_bytes(result.content, result.charset), result.url)
    yield finish(
        Draft(
            key=result.url,
            title=page.title,
            text=page.text,
            outlet=page.outlet or outlet_from_url(result.url) or "unknown",
            provenance=Provenance(url),
            url=result.url,
            published=page.published,
            language=page.language,
            author=page.author,
        ),
        settings,
    )
