"""Extraction quality and speed on the article-extraction-benchmark (181 real pages).

Compares newsdesk's trafilatura settings (favor_precision, no tables/comments) with trafilatura's
defaults, favor_recall, and a plain lxml text_content() baseline (BeautifulSoup's get_text
equivalent). Quality: token-level precision/recall/F1 against ground truth, averaged over pages
(as the benchmark's own evaluate.py). Speed: pages/s, median of several runs.

Run: .venv/bin/python benchmarks/bench_extract.py [--runs 3] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import trafilatura

from newsdesk.extract import decode_bytes, extract_html
from newsdesk.text import words

DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
)

Extractor = Callable[[str, str], str]


def _newsdesk(html: str, url: str) -> str:
    return extract_html(html, url).text


def _trafilatura_defaults(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def _trafilatura_recall(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, favor_recall=True) or ""


def _plain_text(html: str, url: str) -> str:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return str(tree.text_content())


EXTRACTORS: dict[str, Extractor] = {
    "newsdesk (trafilatura, favor_precision)": _newsdesk,
    "trafilatura defaults": _trafilatura_defaults,
    "trafilatura favor_recall": _trafilatura_recall,
    "plain text (lxml text_content)": _plain_text,
}


def _prf(predicted: str, truth: str) -> tuple[float, float, float]:
    p, t = Counter(words(predicted)), Counter(words(truth))
    common = sum((p & t).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    pages = [
        (decode_bytes(gzip.decompress((DATA / "html" / f"{i}.html.gz").read_bytes())), truth[i])
        for i in ids
    ]
    print(f"{len(pages)} pages, {args.runs} timed runs each (median)\n")
    header = (
        f"{'extractor':42} {'P':>6} {'R':>6} {'F1':>6} {'F1 med':>7} {'pages/s':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    baseline_speed = None
    for name, extractor in EXTRACTORS.items():
        durations, scores = [], []
        for run in range(args.runs):
            start = time.perf_counter()
            outputs = [extractor(html, gt["url"]) for html, gt in pages]
            durations.append(time.perf_counter() - start)
            if run == 0:
                scores = [
                    _prf(out, gt["articleBody"])
                    for out, (_, gt) in zip(outputs, pages, strict=True)
                ]
        speed = len(pages) / statistics.median(durations)
        baseline_speed = baseline_speed or speed
        p, r, f = (statistics.mean(s[k] for s in scores) for k in range(3))
        median_f1 = statistics.median(s[2] for s in scores)
        print(
            f"{name:42} {p:6.3f} {r:6.3f} {f:6.3f} {median_f1:7.3f} {speed:8.1f} "
            f"{speed / baseline_speed:6.2f}"
        )


if __name__ == "__main__":
    main()
