"""Submodular coverage + diversity (Lin & Bilmes 2011), greedy with cost scaling.

f(S) = sum_i min(C_i(S), alpha * C_i(V)) + lambda * sum_k sqrt(sum_{j in S & P_k} r_j), where
C_i(S) is the tf-idf similarity mass of S to unit i, P_k are k-means clusters of the units and
r_j a unit's mean similarity to the story.
"""

from __future__ import annotations

import numpy as np

from newsdesk.brief.base import BriefMethod, StoryText, redundant_with, unit_vectors


class SubmodularMethod(BriefMethod):
    name = "submodular"

    def __init__(
        self,
        alpha: float = 5.0,
        diversity: float = 6.0,
        scaling: float = 0.3,
        min_length: int = 10,
    ) -> None:
        self.alpha = alpha
        self.diversity = diversity
        self.scaling = scaling
        self.min_length = min_length

    def select(self, story: StoryText, max_words: int) -> list[int]:
        n = len(story.units)
        if n == 0:
            return []
        from sklearn.cluster import KMeans  # here: scikit-learn takes 0.5 s to import

        vectors = unit_vectors(story)
        sim = np.asarray((vectors @ vectors.T).todense())
        cap = (self.alpha / n) * sim.sum(axis=0)
        reward = sim.mean(axis=0)
        k = max(1, n // 5)
        labels = (
            KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(vectors)
            if n > k
            else np.arange(n)
        )
        lengths = np.array([u.length for u in story.units], dtype=float)
        coverage = np.zeros(n)
        cluster_mass = np.zeros(k)
        chosen: list[int] = []
        used: set[int] = set()
        total = 0
        available = lengths >= self.min_length
        while True:
            base = np.minimum(coverage, cap).sum()
            cover_gain = np.minimum(coverage[:, None] + sim, cap[:, None]).sum(axis=0) - base
            mass = cluster_mass[labels]
            div_gain = np.sqrt(mass + reward) - np.sqrt(mass)
            gain = (cover_gain + self.diversity * div_gain) / lengths**self.scaling
            gain[~available] = -np.inf
            best = int(np.argmax(gain))
            if not np.isfinite(gain[best]) or gain[best] <= 0:
                break
            available[best] = False
            unit = story.units[best]
            if (
                total + unit.length > max_words
                or used.intersection(unit.members)
                or redundant_with(story, best, chosen)
            ):
                continue
            chosen.append(best)
            used.update(unit.members)
            total += unit.length
            coverage += sim[:, best]
            cluster_mass[labels[best]] += reward[best]
        return chosen
