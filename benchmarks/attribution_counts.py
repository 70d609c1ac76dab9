"""What attribution finds on real stories: quotes, entities, claims and the timeline, counted.

Ingests INPUTS into a scratch store (the default pipeline: clustering, briefs, spaCy attribution)
and prints, over all its stories, the counts the session-7 audit tracked (BENCHMARKS.md,
Attribution): claims and how many two or more independent outlets carry, claims that list a
copying outlet, timeline events, entities by kind, quotes, and quotes whose speaker is a bare
pronoun. Run it on two versions side by side (``PYTHONPATH=<other checkout>/src``) to compare.

    .venv/bin/python benchmarks/attribution_counts.py [INPUTS ...]

Default inputs: ECB+ topics 1, 3, 8, 12, 19, 22, 36 and 41 (both events each) and the bundled
WikiNews articles.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.pipeline import ingest
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "data" / "ecbplus" / "docs"
TOPICS = (1, 3, 8, 12, 19, 22, 36, 41)
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}


def default_inputs() -> list[str]:
    folders = [ECBPLUS / f"{t}{kind}" for t in TOPICS for kind in ("ecb", "ecbplus")]
    missing = [f.name for f in folders if not f.is_dir()]
    if missing:
        # Counts without them are not comparable with BENCHMARKS.md's: say so, do not skip quietly.
        raise SystemExit(
            f"ECB+ event folders missing under {ECBPLUS.resolve()}: {', '.join(missing)}; "
            "put ../shared/data beside the checkout or pass INPUTS"
        )
    return [str(f) for f in folders] + [str(ROOT / "examples" / "wikinews")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    args = parser.parse_args()
    inputs = args.inputs or default_inputs()
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=str(Path(folder) / "news.db"))
        with open_store(settings.db) as store:
            ingest(inputs, store, settings)
            for story in store.stories(limit=1_000_000):
                found = store.get_attribution(story.id)
                if found is None:
                    continue
                counts["stories"] += 1
                counts["claims"] += len(found.claims)
                counts["claims, 2+ independent outlets"] += sum(
                    c.support >= 2 for c in found.claims
                )
                counts["claims listing a copying outlet"] += sum(
                    len(set(c.carried_by) - set(c.outlets)) > 0 for c in found.claims
                )
                counts["timeline events"] += len(found.timeline)
                counts["quotes"] += len(found.quotes)
                counts["quotes, bare pronoun speaker"] += sum(
                    q.speaker.strip().lower() in PRONOUNS for q in found.quotes
                )
                counts["entities"] += len(found.entities)
                for entity in found.entities:
                    counts[f"entities: {entity.kind}"] += 1
    width = max(map(len, counts))
    print(f"{'count':<{width}}  value")
    for name, value in counts.items():
        print(f"{name:<{width}}  {value:>6}")


if __name__ == "__main__":
    main()
