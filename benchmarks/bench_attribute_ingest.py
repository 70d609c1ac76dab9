"""What attribution adds to ingest: the demo corpus ingested with and without it, in one run.

The 100 WikiNews articles of ``examples/wikinews`` (``make demo``) go through ``newsdesk.pipeline
.ingest`` into a fresh SQLite store, once as shipped (brief + attribution per touched story) and
once with ``attribute_story`` replaced by a no-op, and once with ``attribution_ner = false`` (the
rule-based fallback instead of spaCy NER), alternating, ``--runs`` times each; medians.
Process CPU time is reported beside wall time because the machine is shared. The spaCy model is
loaded once before timing (a long-running ingest pays that once); its span cache is emptied
before every run.

    .venv/bin/python benchmarks/bench_attribute_ingest.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from newsdesk import pipeline
from newsdesk.attribute import nlp as nlp_module
from newsdesk.attribute.nlp import load_nlp
from newsdesk.config import Settings
from newsdesk.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "wikinews"


MODES = ("without attribution", "with attribution (spaCy NER)", "with attribution (rules only)")


def ingest_once(mode: str) -> tuple[float, float, int]:
    nlp_module._CACHE.clear()  # NER spans are cached by text: every run starts cold
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=str(Path(folder) / "bench.db"))
        if mode == MODES[2]:
            settings = settings.replace(attribution_ner=False)
        with open_store(settings.db) as store:
            wall, cpu = time.perf_counter(), time.process_time()
            if mode == MODES[0]:
                with mock.patch.object(pipeline, "attribute_story", lambda *a, **k: None):
                    report = pipeline.ingest([str(DEMO)], store, settings)
            else:
                report = pipeline.ingest([str(DEMO)], store, settings)
            return time.perf_counter() - wall, time.process_time() - cpu, report.added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load_nlp()
    ingest_once(MODES[0])  # warm caches (embedder, imports)
    times: dict[str, list[tuple[float, float]]] = {mode: [] for mode in MODES}
    articles = 0
    for _ in range(args.runs):
        for mode in MODES:
            wall, cpu, articles = ingest_once(mode)
            times[mode].append((wall, cpu))
    print(f"ingest of {articles} demo articles, median of {args.runs} runs")
    print("| pipeline | wall s | CPU s | CPU ms/article | CPU vs without |")
    print("|---|---|---|---|---|")
    medians = {mode: statistics.median(c for _, c in times[mode]) for mode in MODES}
    for mode in MODES:
        wall = statistics.median(w for w, _ in times[mode])
        cpu = medians[mode]
        print(
            f"| {mode} | {wall:.1f} | {cpu:.1f} | {1000 * cpu / articles:.0f} | "
            f"{cpu / medians[MODES[0]]:.2f}x |"
        )
    for mode in MODES[1:]:
        extra = medians[mode] - medians[MODES[0]]
        print(f"{mode}: attribution adds {1000 * extra / articles:.0f} CPU ms/article")


if __name__ == "__main__":
    main()
