"""TREC / LDC SGML: one or more ``<DOC>`` records (DUC, TDT, Gigaword, AQUAINT).

Parsed with forgiving regular expressions, not an XML parser: these files hold unescaped ``&``,
unclosed and stray tags, and no root element.
"""

from __future__ import annotations

import codecs
import html
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.extract import parse_date, stream_codec
from newsdesk.models import Provenance, Rejection
from newsdesk.sources.common import Draft, Record, finish, open_input, reflow

OUTLETS = {
    "AP": "Associated Press",
    "APW": "Associated Press",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
    "AFP": "Agence France-Presse",
    "AFE": "Agence France-Presse",
    "LTW": "Los Angeles Times/Washington Post",
    "LA": "Los Angeles Times",
    "WSJ": "Wall Street Journal",
    "FT": "Financial Times",
    "SJMN": "San Jose Mercury News",
    "FBIS": "Foreign Broadcast Information Service",
    "CNA": "Central News Agency",
    "WPB": "Washington Post/Bloomberg",
}

# Attributes are bounded: with ``[^>]*`` every one of 20,000 "<DOC " (no ">") scanned to the end
# of the file, 21 s for 100 KB.
_ATTRIBUTES = r"(?:\s[^<>]{0,500})?"
_DOC_START = re.compile(rf"<DOC({_ATTRIBUTES})>", re.IGNORECASE)
_DOC_END = re.compile(r"</DOC\s*>", re.IGNORECASE)
_ID_ATTRIBUTE = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,200}>")
_PARAGRAPH = re.compile(rf"<P{_ATTRIBUTES}>(.*?)(?=</P\s*>|<P[\s>]|$)", re.IGNORECASE | re.DOTALL)
_DOCNO_DATE = re.compile(r"^([A-Z]+?)(?:_[A-Z]{3})?_?(\d{8})[.\-_]\d+$")
_DOCNO_SHORT_DATE = re.compile(r"^([A-Z]+?)(\d{6})-\d+$")
_DOCNO_PREFIX = re.compile(r"^([A-Z]+)")
# LDC's own entity codes in TDT / AQUAINT wire text, which html.unescape leaves in place: &UR; and
# &LR; around bylines, &QL; &QC; &QR; typesetting quads, &HT; a tab, &Cx1f; control bytes, &MD;
# an em dash.
_LDC_ENTITY = re.compile(r"(?<![A-Za-z0-9])&(MD|[A-Z][A-Za-z]|Cx[0-9A-Fa-f]{2});")


# An unclosed field ends where the next top-level field starts.
_NEXT_FIELD = (
    r"(?=<(?:DOCNO|DOCID|DOCTYPE|DATE_TIME|DATE|DATELINE|HEADLINE|HEAD|HL|TI|TEXT|BODY|TRAILER"
    r"|SLUG|KEYWORD|/BODY|/DOC)[\s>])"
)


def _field(record: str, *names: str) -> str | None:
    for name in names:
        pattern = rf"<{name}{_ATTRIBUTES}>(.*?)(?:</{name}\s*>|{_NEXT_FIELD}|$)"
        match = re.search(pattern, record, re.IGNORECASE | re.DOTALL)
        if match and match.group(1).strip():
            return match.group(1)
    return None


def _unescape(value: str) -> str:
    return _LDC_ENTITY.sub(
        lambda m: " — " if m.group(1) == "MD" else " ", html.unescape(_TAG.sub(" ", value))
    )


def _clean_inline(value: str) -> str:
    return " ".join(_unescape(value).split())


# The wire's notes to its editors, a paragraph of their own in NYT news service text: "(BEGIN
# OPTIONAL TRIM)", "(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)". Not the article's text.
_EDITORS_NOTE = re.compile(r"\([A-Z0-9][A-Z0-9 .,;:'&/-]{2,80}\)")


def _body(text: str) -> str:
    paragraphs = [m.group(1) for m in _PARAGRAPH.finditer(text)]
    if paragraphs:
        blocks = [_clean_inline(p) for p in paragraphs]
    else:
        plain = _unescape(text)
        blocks = [q for block in re.split(r"\n[ \t]*\n", plain) for q in reflow(block)]
    return "\n\n".join(b for b in blocks if b and not _EDITORS_NOTE.fullmatch(b))


def _docno_info(docno: str) -> tuple[str, datetime | None]:
    """Outlet and date in a DOCNO: APW19981016.0240, AFP_ENG_20050101.0001, LA010189-0001."""
    upper = docno.upper()
    date: datetime | None = None
    prefix = (m.group(1) if (m := _DOCNO_PREFIX.match(upper)) else upper).rstrip("_")
    if match := _DOCNO_DATE.match(upper):
        prefix, digits = match.group(1), match.group(2)
        date = _safe_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    elif match := _DOCNO_SHORT_DATE.match(upper):
        prefix, digits = match.group(1), match.group(2)
        a, b, c = int(digits[:2]), int(digits[2:4]), int(digits[4:])
        # LA Times numbers are MMDDYY; AP, WSJ and the rest YYMMDD.
        date = _safe_date(1900 + c, a, b) if prefix == "LA" else _safe_date(1900 + a, b, c)
    return OUTLETS.get(prefix, prefix or "unknown"), date


def _safe_date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year if year >= 1950 else year + 100, month, day, tzinfo=UTC)
    except ValueError:
        return None


_CHUNK = 1 << 20  # characters decoded at a time
_OVERLAP = 600  # longer than any <DOC ...> start tag, so one cut by a chunk boundary is found later
_HEAD = 4_000  # characters kept of an oversized record, to name it by its DOCNO


@dataclass(frozen=True, slots=True)
class _Doc:
    index: int
    body: str  # only the first _HEAD characters when ``oversized``
    doc_id: str | None
    oversized: bool


def _chunks(path: Path) -> Iterator[str]:
    """The file's text in chunks (gunzipping ``.gz``), the encoding chosen on the first chunk."""
    with open_input(path) as handle:
        data = handle.read(_CHUNK)
        encoding, errors = stream_codec(data)
        decoder = codecs.getincrementaldecoder(encoding)(errors)
        while data:
            if text := decoder.decode(data):
                yield text
            data = handle.read(_CHUNK)
        if text := decoder.decode(b"", final=True):
            yield text


def _records(chunks: Iterable[str], cap: int) -> Iterator[_Doc]:
    """Each <DOC> in the text, in memory bounded by ``cap``; an unclosed DOC runs to the next or to
    EOF, and one longer than ``cap`` characters comes back oversized with only its head."""
    buffer, start, scan = "", 0, 0  # buffer[start:] is unread; search for a <DOC> from ``scan``
    inside, index, skipped, head, doc_id = False, 0, 0, "", None
    for chunk in chain(chunks, [None]):
        buffer, scan, start = buffer[start:] + (chunk or ""), scan - start, 0
        while True:
            match = _DOC_START.search(buffer, max(scan, start))
            if not inside:
                if match is None:
                    start = scan = max(start, len(buffer) - _OVERLAP)
                    break
                attribute = _ID_ATTRIBUTE.search(match.group(1) or "")
                inside, skipped, head = True, 0, ""
                doc_id = attribute.group(1) if attribute else None
                start = scan = match.end()
                continue
            if match is None and chunk is not None:  # the record goes on in the next chunk
                scan = max(start, len(buffer) - _OVERLAP)
                if skipped + scan - start > cap:  # too long: keep its head, drop the rest
                    head = head or buffer[start : start + _HEAD]
                    skipped += scan - start
                    start = scan
                break
            end = match.start() if match else len(buffer)
            body = buffer[start:end]
            if skipped + len(body) > cap:
                yield _Doc(index, head or body[:_HEAD], doc_id, oversized=True)
            else:
                if closing := _DOC_END.search(body):
                    body = body[: closing.start()]
                yield _Doc(index, body, doc_id, oversized=False)
            index, inside, start, scan = index + 1, False, end, end
            if match is None:
                break


def read_sgml(path: Path, source: str, settings: Settings) -> Iterator[Record]:
    """Stream the records of an SGML file of any size; the size limit applies to each record."""
    cap = settings.fetch_max_bytes
    found = False
    try:
        for doc in _records(_chunks(path), cap):
            found = True
            yield _convert(doc, source, cap, settings)
    except (OSError, EOFError, zlib.error) as error:
        yield Rejection(Provenance(source), f"cannot read SGML file: {error}")
        return
    if not found:
        yield Rejection(Provenance(source), "no <DOC> records in SGML file")


def _convert(doc: _Doc, source: str, cap: int, settings: Settings) -> Record:
    docno_field = _field(doc.body, "DOCNO")
    docno = _clean_inline(docno_field) if docno_field else (doc.doc_id or "")
    provenance = Provenance(source, docno or f"DOC {doc.index + 1}")
    if doc.oversized:
        return Rejection(
            provenance, f"<DOC> larger than the {cap:,}-character limit (fetch_max_bytes)"
        )
    if not docno:
        return Rejection(provenance, "<DOC> without <DOCNO>")
    record = doc.body
    text = _field(record, "TEXT")
    if text is None:
        return Rejection(provenance, "<DOC> without <TEXT>")
    outlet, docno_date = _docno_info(docno)
    headline = _field(record, "HEADLINE", "HEAD", "HL", "TI", "TITLE")
    date_field = _field(record, "DATE_TIME", "DATE", "DATETIME", "STORY_REF_TIME")
    return finish(
        Draft(
            key=docno,
            title=_clean_inline(headline) if headline else "",
            text=_body(text),
            outlet=outlet,
            provenance=provenance,
            published=(parse_date(_clean_inline(date_field)) if date_field else None) or docno_date,
        ),
        settings,
    )
