"""Fuzzing the readers: whatever bytes a file holds, read_sources yields only Article or Rejection.

Hypothesis generates both raw bytes and near-valid documents (a real template with generated
pieces spliced in, or a valid record with bytes flipped or cut off), written to a temp file whose
name selects the reader. Bounded: a few dozen examples per reader, so the file runs in well under
a minute on two cores. Links in generated feeds point at loopback, which is refused without any
network traffic.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import wikinews_records, write_warc
from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources

FUZZ = settings(
    max_examples=80,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same examples in CI every time; a failure always reproduces
)
READ = Settings(fetch_timeout=1.0, fetch_max_bytes=200_000)

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


def read_all(name: str, data: bytes) -> list[Article | Rejection]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_sources([str(path)], READ))
    for item in items:
        assert isinstance(item, Article | Rejection), item
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason
    return items


def _mutations(valid: bytes) -> st.SearchStrategy[bytes]:
    """A valid document with a few bytes overwritten, and/or cut at some point."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(valid)
        for _ in range(draw(st.integers(0, 6))):
            position = draw(st.integers(0, len(data) - 1))
            data[position] = draw(st.integers(0, 255))
        cut = draw(st.integers(0, len(data)))
        return bytes(data[:cut]) if draw(st.booleans()) else bytes(data)

    return mutate()


# --- SGML ---------------------------------------------------------------------------------------


@st.composite
def sgml_documents(draw: st.DrawFn) -> bytes:
    docs = []
    for _ in range(draw(st.integers(0, 3))):
        parts = [
            f"<DOCNO> {draw(text)} </DOCNO>",
            f"<DATE_TIME> {draw(text)} </DATE_TIME>" if draw(st.booleans()) else "",
            f"<HEADLINE>{draw(text)}</HEADLINE>" if draw(st.booleans()) else "",
            f"<TEXT>\n{draw(text)}\n{'<P>' if draw(st.booleans()) else ''}{draw(text)}",
            "</TEXT>" if draw(st.booleans()) else "",
        ]
        docs.append("<DOC>\n" + "\n".join(parts) + ("\n</DOC>" if draw(st.booleans()) else ""))
    return "\n".join(docs).encode(draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])), "replace")


@FUZZ
@given(st.one_of(sgml_documents(), st.binary(max_size=2000)))
def test_sgml_reader(data: bytes) -> None:
    read_all("APW19981016.0240.sgml", data)


# --- JSONL --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)
field_names = (
    st.sampled_from(["id", "url", "title", "text", "html", "outlet", "published", "language"])
    | text
)


@st.composite
def jsonl_documents(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        record = draw(st.dictionaries(field_names, json_values, max_size=8))
        line = json.dumps(record, allow_nan=True)
        if draw(st.booleans()):
            line = line[: draw(st.integers(0, len(line)))]
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@FUZZ
@given(st.one_of(jsonl_documents(), st.binary(max_size=2000)))
def test_jsonl_reader(data: bytes) -> None:
    read_all("news.jsonl", data)


# --- WARC ---------------------------------------------------------------------------------------


def _valid_warc(compress: bool) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_warc(Path(folder) / "w.warc", wikinews_records(2), gzip=compress)
        return path.read_bytes()


@FUZZ
@given(st.one_of(_mutations(_valid_warc(False)), st.binary(max_size=2000)))
def test_warc_reader(data: bytes) -> None:
    read_all("crawl.warc", data)


@FUZZ
@given(st.one_of(_mutations(_valid_warc(True)), st.binary(max_size=2000)))
def test_warc_gz_reader(data: bytes) -> None:
    read_all("crawl.warc.gz", data)


# --- feeds --------------------------------------------------------------------------------------


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    items = []
    for n in range(draw(st.integers(0, 3))):
        fields = {
            "title": draw(text),
            "link": f"http://127.0.0.1:9/{n}",  # refused: loopback is not allowed here
            "description": draw(text),
            "pubDate": draw(text | st.just("Tue, 10 Jun 2003 04:00:00 GMT")),
            "guid": draw(text),
        }
        chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
        body = "".join(f"<{k}><![CDATA[{fields[k]}]]></{k}>" for k in chosen)
        items.append(f"<item>{body}</item>")
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{draw(text).replace('<', '')}</title>{''.join(items)}</channel></rss>"
    )
    return rss.encode("utf-8", "surrogatepass")


@FUZZ
@given(st.one_of(feed_documents(), st.binary(max_size=2000)))
def test_feed_reader(data: bytes) -> None:
    read_all("feed.rss", data)


# --- HTML ---------------------------------------------------------------------------------------

tags = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "h1",
        "title",
        "script",
        "style",
        "meta",
        "br",
        "table",
        "td",
        "span",
        "a",
        "html",
        "body",
        "head",
    ]
)


@st.composite
def html_documents(draw: st.DrawFn) -> bytes:
    pieces = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(tags)
        kind = draw(st.integers(0, 3))
        if kind == 0:
            pieces.append(f"<{tag}>")
        elif kind == 1:
            pieces.append(f"</{tag}>")
        elif kind == 2:
            pieces.append(f'<{tag} content="{draw(text)}" property="article:published_time">')
        else:
            pieces.append(draw(text))
    return "".join(pieces).encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])), "replace")


@FUZZ
@given(st.one_of(html_documents(), st.binary(max_size=2000)))
def test_html_reader(data: bytes) -> None:
    read_all("page.html", data)


@FUZZ
@given(html_documents())
def test_gzipped_html_reader(data: bytes) -> None:
    read_all("page.html.gz", gzip.compress(data))
