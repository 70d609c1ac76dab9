"""What attribution adds to ingest: the demo corpus ingested with and without it, in one run.

The 100 WikiNews articles of ``examples/wikinews`` (``make demo``) go through ``newsdesk.pipeline
.ingest`` into a fresh SQLite store, once as shipped (brief + attribution per touched story) and
once with ``attribute_story`` replaced by a no-op, alternating, ``--runs`` times each; medians.
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


def ingest_once(attribute: bool) -> tuple[float, float, int]:
    nlp_module._CACHE.clear()  # NER spans are cached by text: every run starts cold
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=str(Path(folder) / "bench.db"))
        with open_store(settings.db) as store:
            wall, cpu = time.perf_counter(), time.process_time()
            if attribute:
                report = pipeline.ingest([str(DEMO)], store, settings)
            else:
                with mock.patch.object(pipeline, "attribute_story", lambda *a, **k: None):
                    report = pipeline.ingest([str(DEMO)], store, settings)
            return time.perf_counter() - wall, time.process_time() - cpu, report.added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load_nlp()
    ingest_once(False)  # warm caches (embedder, imports)
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    articles = 0
    for _ in range(args.runs):
        for attribute in (False, True):
            wall, cpu, articles = ingest_once(attribute)
            times[attribute].append((wall, cpu))
    print(f"ingest of {articles} demo articles, median of {args.runs} runs")
    print("| pipeline | wall s | CPU s | CPU ms/article |")
    print("|---|---|---|---|")
    medians = {}
    for attribute, label in ((False, "without attribution"), (True, "with attribution")):
        wall = statistics.median(w for w, _ in times[attribute])
        cpu = statistics.median(c for _, c in times[attribute])
        medians[attribute] = cpu
        print(f"| {label} | {wall:.1f} | {cpu:.1f} | {1000 * cpu / articles:.0f} |")
    extra = medians[True] - medians[False]
    print(
        f"attribution adds {1000 * extra / articles:.0f} CPU ms/article "
        f"({medians[True] / medians[False]:.2f}x the CPU time of ingest without it)"
    )


if __name__ == "__main__":
    main()
