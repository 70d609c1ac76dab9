"""Test and benchmark corpora built from real article text, in the formats newsdesk reads.

* :func:`wikinews_records` recombines real WikiNews paragraphs (examples/wikinews) into any number
  of distinct articles, so each one is stored separately;
* :func:`ecbplus_records` takes the real ECB+ articles of some topics (two similar events each);
* :func:`write_jsonl` and :func:`write_warc` write records as JSONL, or as HTML pages in WARC
  response records (as a crawler stores them).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsdesk.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "docs"

Record = dict[str, Any]


def wikinews_records(count: int) -> list[Record]:
    paragraphs = [
        p.strip()
        for f in sorted(WIKINEWS.glob("*.english"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 25
    ]
    records = []
    for i in range(count):
        text = "\n\n".join(paragraphs[(i * 7 + j) % len(paragraphs)] for j in range(4))
        records.append(
            {
                "id": f"a{i}",
                "title": f"Report {i}: " + split_sentences(text)[0][:60],
                "text": f"Item {i}. " + text,
                "outlet": f"Outlet {i % 13}",
                "published": datetime(2024, 1, 1 + i % 28, i % 24, tzinfo=UTC).isoformat(),
            }
        )
    return records


def big_jsonl(tmp_path: Path, count: int) -> Path:
    """``count`` distinct WikiNews-paragraph articles as big.jsonl in ``tmp_path``."""
    return write_jsonl(tmp_path / "big.jsonl", wikinews_records(count))


def ecbplus_records(topics: Sequence[str]) -> list[Record]:
    """The ECB+ articles of ``topics`` (e.g. "10", "11"), each event a day apart.

    ECB+ gives no dates; each of the two events of a topic gets its own day, and articles of one
    event are an hour apart, so publication order and time windows behave as in a live stream.
    """
    records = []
    start = datetime(2024, 3, 1, 6, tzinfo=UTC)
    for t, topic in enumerate(topics):
        for e, suffix in enumerate(("ecb", "ecbplus")):
            folder = ECBPLUS / f"{topic}{suffix}"
            for n, file in enumerate(sorted(folder.glob("*.json"))):
                doc = json.loads(file.read_text(encoding="utf-8"))
                when = start + timedelta(days=2 * t + e, hours=n)
                records.append(
                    {
                        "id": file.stem,
                        "event": folder.name,
                        "title": (doc.get("title") or "").strip(),
                        "text": doc["text"],
                        "outlet": f"outlet{n % 7}.example",
                        "published": when.isoformat(),
                    }
                )
    return records


def write_jsonl(path: Path, records: Iterable[Record]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    return path


def page_html(record: Record) -> str:
    paragraphs = "".join(
        f"<p>{html.escape(p)}</p>\n" for p in record["text"].split("\n\n") if p.strip()
    )
    title = html.escape(record["title"])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        f"<meta property='article:published_time' content='{record['published']}'>"
        f"<meta property='og:site_name' content='{html.escape(record['outlet'])}'>"
        f"</head><body><article><h1>{title}</h1>\n{paragraphs}</article></body></html>"
    )


def record_host(record: Record) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", str(record["outlet"]).lower())


def record_url(record: Record) -> str:
    return f"https://{record_host(record)}/news/{record['id']}.html"


def write_warc(path: Path, records: Iterable[Record], gzip: bool = True) -> Path:
    """Each record as an HTML page in a response record (plus a request record, as crawlers
    write them); the page URL is ``https://<outlet>/news/<id>.html``."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for record in records:
            url = record_url(record)
            request = writer.create_warc_record(
                url,
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    f"GET /news/{record['id']}.html HTTP/1.1",
                    [("Host", record_host(record))],
                    is_http_request=True,
                ),
            )
            writer.write_record(request)
            body = page_html(record).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(response)
    return path
