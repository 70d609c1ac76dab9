"""The corroboration audit (tests/data/support) and what newsdesk's support test scores on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.evaluation.support import evaluate, evaluate_pairs, load_gold, load_pairs

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_data = pytest.mark.skipif(not (DATA / "ecbplus").is_dir(), reason="shared data absent")


def test_splits_divide_the_audit_by_story() -> None:
    dev, heldout = load_gold(split="dev"), load_gold(split="heldout")
    multiling, every = load_gold(split="multiling"), load_gold(split="all")
    assert (len(dev), len(heldout), len(multiling), len(every)) == (24, 24, 30, 78)
    assert not {s.story for s in dev} & {s.story for s in heldout}
    assert sum(len(s.labels) for s in every) == 738
    for sentence in every:  # every other article of the story is judged, and only those
        assert set(sentence.labels) == set(sentence.articles) - {sentence.source}
    assert {p.label for p in load_pairs()} == {"yes", "no", "contradicts"}


@needs_data
def test_counted_outlets_state_the_point() -> None:
    ecbplus = [evaluate(DATA, split=split) for split in ("dev", "heldout")]
    assert all(score.precision >= 0.95 for score in ecbplus)
    assert ecbplus[0].recall >= 0.45 and ecbplus[1].recall >= 0.3
    assert evaluate(DATA, split="multiling").precision >= 0.75
    pairs = evaluate_pairs(DATA)
    assert pairs.precision >= 0.8 and pairs.recall >= 0.85


@needs_data
def test_eval_support_command_prints_both_tables() -> None:
    result = CliRunner().invoke(cli, ["eval", "support", "--split", "dev", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "| dev (24 sentences) | 242 |" in result.output
    assert "| sentence pairs | 252 |" in result.output


def test_a_judged_sentence_is_found_after_a_change_in_cleaning() -> None:
    from newsdesk.brief.base import prepare
    from newsdesk.evaluation.support import find_candidate
    from newsdesk.models import Article, Provenance

    # ECB+ 5ecb, as annotated; the article as a later cleaning might read it (dashes respaced).
    judged = (
        "The 76ers have a record of 9-14 and had been expected to be a playoff team in the "
        "Eastern Conference."
    )
    text = (
        "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday. The 76ers have a record "
        "of 9 - 14 and had been expected to be a playoff team in the Eastern Conference."
    )
    story = prepare([Article("k", "", text, "A", Provenance("k"))])
    assert story.candidates[find_candidate(story, judged, 0)].text.startswith("The 76ers have")
    with pytest.raises(ValueError, match="no candidate sentence reads"):
        find_candidate(story, "Elton Brand signed with the 76ers in the off-season.", 0)
