"""Extra cost of the attribute stage per article: quotes, entities, claims (ms/article).

Real articles: the first N ECB+ documents (sorted paths) as one story, N = 10, 40, 160, so the
scaling with story size shows. Medians of ``--runs`` runs. Also spaCy's own speed, full pipeline
versus the NER-only pipeline this stage loads, since that is the peer a user would reach for.

    .venv/bin/python benchmarks/bench_attribute.py [--runs 3] [--sizes 10 40 160]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.attribute import nlp as nlp_module
from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.entities import extract_entities
from newsdesk.attribute.nlp import NLPArg
from newsdesk.attribute.quotes import extract_quotes
from newsdesk.models import Article, Provenance

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "docs"


def load(n: int) -> list[Article]:
    paths = sorted(DATA.glob("*/*.json"))[:n]
    out = []
    for p in paths:
        record = json.loads(p.read_text(encoding="utf-8"))
        out.append(
            Article(
                str(p.name),
                record.get("title") or "",
                record["text"],
                p.parent.name,
                Provenance(str(p)),
            )
        )
    return out


def median_ms(fn: Callable[[], object], runs: int, per: int) -> float:
    times = []
    for _ in range(runs):
        nlp_module._CACHE.clear()  # no reuse of NER results between runs
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times) / per


def measure(arts: list[Article], arg: NLPArg, runs: int) -> tuple[float, float, float, float]:
    n = len(arts)

    def both() -> None:
        extract_entities(arts, nlp=arg)  # one NER pass, shared with quotes
        for a in arts:
            extract_quotes(a, nlp=arg)

    return (
        median_ms(lambda: [extract_quotes(a, nlp=arg) for a in arts], runs, n),
        median_ms(lambda: extract_entities(arts, nlp=arg), runs, n),
        median_ms(both, runs, n),
        median_ms(lambda: group_claims(arts), runs, n),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10, 40, 160], help="story sizes (articles)"
    )
    args = parser.parse_args()
    model = nlp_module.load_nlp()
    print(
        "| story size | NER | quotes ms/art | entities ms/art | quotes+entities ms/art "
        "| claims ms/art |"
    )
    print("|---|---|---|---|---|---|")
    for n in args.sizes:
        arts = load(n)
        for label, arg in (("spaCy NER", None), ("fallback", False)):
            if label == "spaCy NER" and model is None:
                continue
            q, e, qe, c = measure(arts, arg, args.runs)
            print(f"| {n} | {label} | {q:.1f} | {e:.1f} | {qe:.1f} | {c:.1f} |")
    if model is not None:
        import spacy

        arts = load(80)
        texts = [a.text for a in arts]
        full = spacy.load(nlp_module.MODEL_NAME)
        t_full = median_ms(lambda: list(full.pipe(texts, batch_size=32)), args.runs, len(texts))
        t_ner = median_ms(lambda: list(model.pipe(texts, batch_size=32)), args.runs, len(texts))
        print()
        print("| spaCy en_core_web_sm 3.8, 80 ECB+ articles | ms/article | articles/s |")
        print("|---|---|---|")
        print(f"| full pipeline (6 pipes) | {t_full:.1f} | {1000 / t_full:.0f} |")
        print(f"| tok2vec + ner only (this stage) | {t_ner:.1f} | {1000 / t_ner:.0f} |")
        print(f"| speed-up | {t_full / t_ner:.2f}x | |")


if __name__ == "__main__":
    main()
