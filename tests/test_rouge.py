"""The ROUGE scorer against hand-computed values and MultiLing 2011's official ROUGE-1.5.5 run."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsdesk.evaluation.rouge import mean_score, rouge_n, rouge_tokens

MULTILING = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "multiling2011-en"


def test_tokens_follow_rouge_155() -> None:
    # Lower-cased; "-" splits words and is dropped; punctuation becomes space.
    assert rouge_tokens("U.S.-led forces' 3,000 troops", stem=False) == [
        "u", "s", "led", "forces", "3", "000", "troops",
    ]  # fmt: skip
    # Porter stemming only for tokens longer than three characters.
    assert rouge_tokens("The runners were running", stem=True) == ["the", "runner", "were", "run"]
    # -l keeps the first N whitespace words, across lines.
    assert rouge_tokens("One two three.\nFour five", stem=False, max_words=4) == [
        "one", "two", "three", "four",
    ]  # fmt: skip


def test_hand_computed_scores() -> None:
    peer = "the cat sat on the mat"
    one = rouge_n(peer, ["the cat was on the mat"], 1, stem=False)
    assert one.recall == pytest.approx(5 / 6)
    two = rouge_n(peer, ["the cat was on the mat"], 2, stem=False)
    assert two.recall == pytest.approx(3 / 5)
    # -f A pools hits and counts over the references.
    pooled = rouge_n(peer, ["the cat was on the mat", "a cat sat on a mat"], 1, stem=False)
    assert pooled.recall == pytest.approx(9 / 12)
    assert pooled.precision == pytest.approx(9 / 12)
    assert pooled.f == pytest.approx(0.75)
    # Clipping: repeating a matched word earns nothing more.
    assert rouge_n("mat mat mat", ["the mat"], 1, stem=False).recall == pytest.approx(1 / 2)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.slow
@pytest.mark.skipif(not MULTILING.is_dir(), reason="shared MultiLing data not present")
@pytest.mark.parametrize("n", [1, 2])
def test_reproduces_official_multiling_scores(n: int) -> None:
    """Official run: ROUGE-1.5.5 -n 2 -f A, no stemming, no length limit, 10 topics."""
    averages = MULTILING / "PublishedEvaluation/AutomaticEvaluation/ROUGE/Averages"
    with (averages / f"ENGLISH_ROUGE-{n}.csv").open(encoding="utf-8") as handle:
        official = {
            row["runid"].split("_")[0]: float(row["recall"]) for row in csv.DictReader(handle)
        }
    assert len(official) == 10
    topics = [f"M00{t}" for t in range(10)]
    models = {t: [_read(p) for p in sorted((MULTILING / "models").glob(f"{t}.*"))] for t in topics}
    for system, expected in official.items():
        ours = mean_score(
            rouge_n(_read(MULTILING / "peers" / system / t), models[t], n, stem=False)
            for t in topics
        )
        assert ours.recall == pytest.approx(expected, abs=0.0006), system
