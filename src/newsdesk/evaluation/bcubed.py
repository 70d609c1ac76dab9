"""Clustering scores: B-cubed (Bagga & Baldwin 1998) and pairwise precision, recall and F1.

Both compare a predicted clustering with gold labels over the same items. B-cubed averages, over
items, how much of an item's predicted cluster shares its gold label (precision) and how much of
its gold class it was grouped with (recall); pairwise counts item pairs placed together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _common_items(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> list[str]:
    missing = set(gold) - set(predicted)
    if missing:
        example = sorted(missing)[0]
        raise ValueError(f"{len(missing)} labelled items have no predicted cluster, e.g. {example}")
    return sorted(gold)


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Scores:
    """B-cubed precision and recall of ``predicted`` against ``gold`` (item -> cluster/label).

    Items without a gold label are ignored; every labelled item must have a prediction.
    """
    items = _common_items(predicted, gold)
    if not items:
        return Scores(0.0, 0.0)
    joint = Counter((predicted[i], gold[i]) for i in items)
    cluster_sizes = Counter(predicted[i] for i in items)
    class_sizes = Counter(gold[i] for i in items)
    precision = recall = 0.0
    for (cluster, label), both in joint.items():
        # Each of the ``both`` items sees ``both`` items sharing its cluster and label.
        precision += both * both / cluster_sizes[cluster]
        recall += both * both / class_sizes[label]
    return Scores(precision / len(items), recall / len(items))


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Scores:
    """Precision and recall over unordered item pairs placed in one cluster."""
    items = _common_items(predicted, gold)
    joint = Counter((predicted[i], gold[i]) for i in items)
    cluster_sizes = Counter(predicted[i] for i in items)
    class_sizes = Counter(gold[i] for i in items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    together_both = sum(pairs(n) for n in joint.values())
    together_predicted = sum(pairs(n) for n in cluster_sizes.values())
    together_gold = sum(pairs(n) for n in class_sizes.values())
    # No predicted pairs means no wrong pair: precision 1 (and symmetrically for recall).
    precision = together_both / together_predicted if together_predicted else 1.0
    recall = together_both / together_gold if together_gold else 1.0
    return Scores(precision, recall)
