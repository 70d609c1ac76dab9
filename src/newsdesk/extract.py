"""HTML page -> clean article text and metadata, with trafilatura.

Paragraphs are separated by blank lines so :func:`newsdesk.text.split_paragraphs` sees them.
"""

from __future__ import annotations

import codecs
import email.utils
import re
from configparser import ConfigParser
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import charset_normalizer

from newsdesk.text import words


@cache
def _trafilatura_config() -> ConfigParser:
    """trafilatura's settings, built on first use: reading SGML, JSONL or text never pays for
    importing it (about 0.1 s of every CLI command)."""
    from trafilatura.settings import use_config

    config: ConfigParser = use_config()
    # Larger trees than this are pathological (or hostile); trafilatura prunes them.
    config.set("DEFAULT", "max_tree_size", "500000")
    return config


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    title: str
    text: str
    author: str | None
    published: datetime | None
    outlet: str | None
    language: str | None
    url: str | None


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
    rb"""([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding; never raises.

    Order: byte-order mark; UTF-8 when the bytes are UTF-8 with non-ASCII characters, whatever is
    declared (a page saved as UTF-8 keeps a stale iso-8859-1 declaration: "CafÃ©"); a charset
    declared by the transport or the document; ASCII; charset detection, except that a Latin-script
    guess is read as cp1252 (undeclared Western pages, which detection takes for cp775 or cp1250:
    "Cafķ"); cp1252 with replacements.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and not data.isascii():
        return utf8
    match = _DECLARED_CHARSET.search(data[:4096])
    for name in (declared, match.group(1).decode("ascii") if match else None):
        if codec := _known_codec(name):
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    if utf8 is not None:
        return utf8
    try:
        return data.decode(_detected_codec(data))
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# Latin-script codecs that charset detection offers for short Western text ("Café" as cp775:
# "Cafķ"); cp1252 reads such pages right, and detection is kept for other scripts (cp1251,
# koi8-r, cp932 ...), which cp1252 would garble.
_LATIN_LOOKALIKES = frozenset(
    {
        "cp775", "cp850", "cp852", "cp437", "cp1250", "cp1252", "cp1254", "cp1257",
        "iso8859-1", "iso8859-2", "iso8859-4", "iso8859-9", "iso8859-10", "iso8859-13",
        "iso8859-15", "iso8859-16", "mac-roman", "mac-latin2", "mac-iceland",
    }
)  # fmt: skip


def _detected_codec(data: bytes) -> str:
    """The codec charset detection finds for bytes that are not UTF-8, cp1252 for Latin script."""
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    codec = _known_codec(best.encoding) if best is not None else None
    if codec is None or codec.startswith("utf-16") or codec in _LATIN_LOOKALIKES:
        return "cp1252"
    return codec


_STREAM_BOM_CODECS = {
    "utf-8": "utf-8-sig",
    "utf-32-le": "utf-32",
    "utf-32-be": "utf-32",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
}


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252 (stray Latin-1 in UTF-8)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = bytes(error.object[error.start : error.end])
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("newsdesk-cp1252", _cp1252_fallback)


def stream_codec(head: bytes) -> tuple[str, str]:
    """``(encoding, errors)`` for decoding a stream incrementally, chosen from its first bytes.

    As decode_bytes: a byte-order mark, UTF-8 when the head is UTF-8 with non-ASCII characters,
    a declared charset, UTF-8 when the head is ASCII (stray bytes later decode as cp1252),
    charset detection (cp1252 for a Latin-script guess).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):  # codecs that consume the mark themselves
            return _STREAM_BOM_CODECS[encoding], "replace"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        valid_utf8 = True
    except UnicodeDecodeError:
        valid_utf8 = False
    match = _DECLARED_CHARSET.search(head[:4096])
    codec = _known_codec(match.group(1).decode("ascii") if match else None)
    if codec and not (valid_utf8 and not head.isascii()):
        return codec, "replace"
    if valid_utf8:
        return "utf-8", "newsdesk-cp1252"
    return _detected_codec(head), "replace"


_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}}){_ORDINAL}\s+({_MONTH_NAME})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})\b", re.IGNORECASE
)
_NUMERIC = re.compile(
    r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?)?"
)
# Tokenised text (as in ECB+) spaces its separators: "12 / 16 / 08 1 : 30 AM", "2013 - 09 - 26".
_SPACED_SEPARATOR = re.compile(r"(?<=\d) ([/:-]) (?=\d)")
_DATE_PATTERNS = (_NUMERIC, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _build(year: int, month: int, day: int, *clock: str | None) -> datetime | None:
    hour, minute, second = (int(part) if part else 0 for part in clock) if clock else (0, 0, 0)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


def parse_date(value: object) -> datetime | None:
    """Parse the date formats found in news data into an aware UTC datetime; None if unparseable.

    Handles ISO 8601, RFC 822 (feeds, HTTP), "2005/01/08", "10/16/1998 09:24:00" and "12/16/08"
    (US order, as in LDC data), "January 8, 2005", "December 15th, 2008" and "8 January 2005",
    also with tokenised spacing ("12 / 16 / 08 1 : 30 AM"). Naive times are taken as UTC.
    """
    if isinstance(value, datetime):
        return _utc(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return _utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _utc(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    text = _SPACED_SEPARATOR.sub(r"\1", text)
    # The first date in the text wins: a date field may run on into the story ("December 23,
    # 2012 ... against Houston (10/1/61)").
    found = [m for m in (p.search(text) for p in _DATE_PATTERNS) if m is not None]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    if match.re is _MONTH_DAY_YEAR:
        return _build(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    if match.re is _DAY_MONTH_YEAR:
        return _build(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    groups = match.groups()
    if groups[0]:
        return _build(int(groups[0]), int(groups[1]), int(groups[2]), *groups[3:6])
    year = int(groups[8])
    if len(groups[8]) == 2:  # "12/16/08": the century that does not put it in a later year
        year += 2000 if 2000 + year <= datetime.now(UTC).year else 1900
    month, day = int(groups[6]), int(groups[7])
    if month > 12 >= day:  # "14/09/2013": day first, as outside the US
        month, day = day, month
    hour, minute, second = groups[9:12]
    if hour is not None and groups[12] is not None:  # "1:30 PM" is 13:30, "12:05 AM" 00:05
        hour = str(int(hour) % 12 + (12 if groups[12].lower() == "p" else 0))
    return _build(year, month, day, hour, minute, second)


# The year and month in a web address: ".../2010/09/kraft-shooting..." ("2010 / 09" tokenised).
_URL_YEAR_MONTH = re.compile(r"/\s*((?:19|20)\d\d)\s*/\s*(\d{1,2})\s*/")


def settle_day_and_month(published: datetime | None, url: str | None) -> datetime | None:
    """A numeric date read in the wrong order, put right by the article's address: "11/09/2010"
    (read in US order: 9 November) under ".../2010/09/..." is 11 September."""
    if published is None or not url or (found := _URL_YEAR_MONTH.search(url)) is None:
        return published
    year, month = int(found.group(1)), int(found.group(2))
    if (published.year, published.month) == (year, month) or published.day != month:
        return published
    try:
        swapped = published.replace(month=published.day, day=published.month)
    except ValueError:
        return published
    return swapped if swapped.year == year else published


def outlet_from_url(url: str | None) -> str | None:
    """The site's domain without ``www.``, e.g. ``bbc.co.uk``; None when there is no host."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


_LINE_BREAKS = re.compile(r"\s*\n\s*")


def _paragraphs(text: str) -> str:
    return _LINE_BREAKS.sub("\n\n", text.strip())


# Below this many words (a short news item's length) the precise pass may have missed the
# article; the broad pass's text is taken when it has this many times as many. On the 181 pages
# of article-extraction-benchmark that changes three pages (mean token F1 0.956 -> 0.969) and
# loses none; any bar from 150 to 300 words picks the same pages (BENCHMARKS.md).
_FEW_WORDS = 150
_BROADER = 2


def _bare_extraction(source: str, url: str | None, precise: bool) -> dict[str, Any]:
    """trafilatura's text and metadata of a page: with newsdesk's precision settings (no tables,
    no comments), or with trafilatura's defaults (tables included) without comments."""
    import trafilatura

    document = trafilatura.bare_extraction(
        source,
        url=url,
        favor_precision=precise,
        include_comments=False,
        include_tables=not precise,
        with_metadata=True,
        config=_trafilatura_config(),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return {}
    return document if isinstance(document, dict) else document.as_dict()


def extract_html(html: str | bytes, url: str | None = None) -> ExtractedPage:
    """Extract the main article of a page; ``text`` is empty when no main text was found.

    Bytes are decoded robustly first (BOM, declared charset, UTF-8, detection).
    """
    source = decode_bytes(html) if isinstance(html, bytes) else html
    empty = ExtractedPage("", "", None, None, outlet_from_url(url), None, url)
    if not source.strip():
        return empty
    document = _bare_extraction(source, url, precise=True)
    found = len((_string(document, "text") or "").split())
    if found < _FEW_WORDS:
        # The precise pass found little: a page laid out in tables (The Space Review, a table of
        # race results), or a teaser it took for the article (Barron's). trafilatura's own
        # settings, tables included, read it whole; taken when they find far more.
        broad = _bare_extraction(source, url, precise=False)
        if len((_string(broad, "text") or "").split()) >= _BROADER * max(found, 1):
            document = broad
    if not _string(document, "text"):
        return empty
    title = _string(document, "title") or ""
    text = _without_title(_paragraphs(_string(document, "text") or ""), title)
    page_url = url or _string(document, "url")
    site_name = _string(document, "sitename")
    if not site_name or not page_url:
        # trafilatura's metadata pass can miss what the head states (a BGR page's og:site_name).
        declared_name, declared_url = declared_site(source)
        site_name, page_url = site_name or declared_name, page_url or declared_url
    if site_name and "://" in site_name:  # an address for a name: "https://www.hawaiinewsnow.com"
        site_name = outlet_from_url(site_name)
    return ExtractedPage(
        title=title,
        text=text,
        author=_string(document, "author"),
        published=parse_date(_string(document, "date")),
        outlet=site_name or outlet_from_url(page_url),
        language=_string(document, "language") or guess_language(text),
        url=page_url,
    )


_HEAD_TAG = re.compile(r"<(meta|link)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_SITE_NAME_KEYS = ("og:site_name", "application-name")
_URL_KEYS = ("canonical", "og:url")


def declared_site(source: str) -> tuple[str | None, str | None]:
    """The site name and absolute http(s) URL a page's head declares (``og:site_name`` or
    ``application-name``; ``rel="canonical"`` or ``og:url``), each None when absent."""
    found: dict[str, str] = {}
    for kind, attributes in _HEAD_TAG.findall(source[:_HEAD_CHARS]):
        values = {
            m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTRIBUTE.finditer(attributes)
        }
        if kind.lower() == "link":
            key, value = values.get("rel", "").lower(), values.get("href", "")
        else:
            key = (values.get("property") or values.get("name") or "").lower()
            value = values.get("content", "")
        value = " ".join(value.split())
        if value and key in (*_SITE_NAME_KEYS, *_URL_KEYS):
            found.setdefault(key, value)
    name = next((found[k] for k in _SITE_NAME_KEYS if k in found), None)
    urls = (found[k] for k in _URL_KEYS if k in found)
    return name, next((u for u in urls if urlsplit(u).scheme in ("http", "https")), None)


_HEAD_CHARS = 200_000  # metadata sits in the head; a huge body need not be scanned


def _without_title(text: str, title: str) -> str:
    """Drop a leading paragraph that repeats the headline (trafilatura keeps the page's h1)."""
    first, _, rest = text.partition("\n\n")
    if rest and title and first.strip().casefold() == title.strip().casefold():
        return rest
    return text


def _string(document: dict[str, Any], name: str) -> str | None:
    value = document.get(name)
    return value.strip() or None if isinstance(value, str) else None


_STOPWORDS = {
    "en": "the and of to in is that for it was on with as he said by at from his an be have",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als",
    "fr": "le la les de des et en du une un est pour que qui dans au sur pas par il",
    "es": "el la de que y en los del se las por un para con una su al es lo como",
    "it": "il di che la è e per un in del non una sono le con si da al della",
    "nl": "de het een van en in is dat op te zijn met voor niet aan er die",
    "pt": "o de a que e do da em um para com não uma os no se na por mais",
}
_STOPWORD_SETS = {language: frozenset(ws.split()) for language, ws in _STOPWORDS.items()}


def guess_language(text: str) -> str | None:
    """Cheap language guess from stop-word frequencies; None when nothing stands out."""
    tokens = words(text[:5000])
    if len(tokens) < 5:
        return None
    scores = {
        language: sum(token in stop for token in tokens)
        for language, stop in _STOPWORD_SETS.items()
    }
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] >= max(2, len(tokens) // 20) else None
