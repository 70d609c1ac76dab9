"""End to end: how long `newsdesk brief DIR` takes from the shell, and where the start-up goes.

Each command runs as its own process pinned to one core, the way a user or a judge runs it:
`newsdesk brief DIR --max-words 100 --format plain` on a 10-article ECB+ event and on the DUC-style
SGML sample in tests/data, `newsdesk --help`, and `python -c pass` (the interpreter's own floor).
With `--against SRC`, every command also runs with that source tree (e.g. a `git worktree` of an
older commit) on PYTHONPATH, alternating with this one, and the ratio is printed; the two must
print the same brief. Then one `-X importtime` run of the first brief, summed by top-level package.

    .venv/bin/python benchmarks/bench_startup.py [--runs N] [--against OLD/src]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BRIEF = ["-m", "newsdesk", "brief", "--max-words", "100", "--format", "plain"]
COMMANDS = {
    "brief ECB+ 1ecb (10 articles)": [*BRIEF, str(DATA / "ecbplus" / "docs" / "1ecb")],
    "brief DUC SGML sample (3 articles)": [*BRIEF, str(ROOT / "tests/data/sources/duc/d30001t")],
    "newsdesk --help": ["-m", "newsdesk", "--help"],
    "python -c pass": ["-c", "pass"],
}


def run(arguments: list[str], source: Path) -> tuple[float, str]:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    env = dict(os.environ, PYTHONPATH=str(source), OMP_NUM_THREADS="1")
    start = time.perf_counter()
    done = subprocess.run(
        [*pin, sys.executable, *arguments], env=env, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stdout


def import_costs(arguments: list[str], source: Path) -> list[tuple[str, float]]:
    """Seconds of import, by top-level package (each module's own time, summed)."""
    env = dict(os.environ, PYTHONPATH=str(source))
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    totals: collections.Counter[str] = collections.Counter()
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        if own.strip().isdigit():
            totals[name.strip().split(".")[0]] += int(own) / 1e6
    return totals.most_common()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, help="an older source tree (its src/ folder)")
    args = parser.parse_args()
    trees = {"this": ROOT / "src"}
    if args.against:
        trees["against"] = args.against.resolve()
    seconds: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    outputs: dict[tuple[str, str], str] = {}
    for round_number in range(args.runs):
        for label, arguments in COMMANDS.items():
            order = list(trees.items())
            for tree, source in order if round_number % 2 == 0 else reversed(order):
                elapsed, printed = run(arguments, source)
                seconds[(label, tree)].append(elapsed)
                outputs.setdefault((label, tree), printed)

    header = "| command | this: median s (min) |"
    if args.against:
        header += " against: median s (min) | this / against |"
    print(header)
    print("|---|---:|" + ("---:|---:|" if args.against else ""))
    for label in COMMANDS:
        cells = []
        for tree in trees:
            values = seconds[(label, tree)]
            cells.append(f"{statistics.median(values):.2f} ({min(values):.2f})")
        line = f"| {label} | " + " | ".join(cells) + " |"
        if args.against:
            ratio = statistics.median(seconds[(label, "this")]) / statistics.median(
                seconds[(label, "against")]
            )
            line += f" {ratio:.2f} |"
            if outputs[(label, "this")] != outputs[(label, "against")]:
                line += " (output differs)"
        print(line)

    first = next(iter(COMMANDS.values()))
    costs = import_costs(first, trees["this"])
    total = sum(cost for _, cost in costs)
    print(f"\nimports of the first command: {total:.2f} s, by package (own time of each module)")
    for package, cost in costs[:10]:
        print(f"  {package:<22} {cost:.3f} s")


if __name__ == "__main__":
    main()
