"""B-cubed and pairwise scores on hand-worked examples."""

from __future__ import annotations

import pytest

from newsdesk.evaluation.bcubed import bcubed, pairwise


def test_one_item_misplaced() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    predicted = {"a": 1, "b": 2, "c": 2}
    # Precision per item: a 1/1, b 1/2, c 1/2; recall: a 1/2, b 1/2, c 1/1.
    scores = bcubed(predicted, gold)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)
    pairs = pairwise(predicted, gold)
    assert (pairs.precision, pairs.recall, pairs.f1) == (0.0, 0.0, 0.0)


def test_everything_in_one_cluster() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    predicted = dict.fromkeys(gold, 7)
    scores = bcubed(predicted, gold)
    assert scores.precision == pytest.approx((2 * 2 / 5 + 3 * 3 / 5) / 5)
    assert scores.recall == 1.0
    pairs = pairwise(predicted, gold)
    assert pairs.precision == pytest.approx(4 / 10)  # 1 + 3 true pairs out of 10
    assert pairs.recall == 1.0


def test_singletons_and_perfect() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    singletons = {"a": 1, "b": 2, "c": 3}
    scores = bcubed(singletons, gold)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert bcubed({"a": 5, "b": 5, "c": 6}, gold).f1 == 1.0


def test_unlabelled_predictions_are_ignored_but_missing_ones_fail() -> None:
    gold = {"a": "x", "b": "x"}
    assert bcubed({"a": 1, "b": 1, "z": 1}, gold).f1 == 1.0
    with pytest.raises(ValueError, match="no predicted cluster"):
        bcubed({"a": 1}, gold)
