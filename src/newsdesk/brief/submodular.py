"""Submodular coverage + diversity (Lin & Bilmes 2011), greedy with cost scaling.

f(S) = sum_i min(C_i(S), alpha * C_i(V)) + lambda * sum_k sqrt(sum_{j in S & P_k} r_j), where
C_i(S) is the tf-idf similarity mass of S to unit i, P_k are k-means clusters of the units and
r_j a unit's mean similarity to the story. Quadratic in the units: a story of more than
``max_units`` units (about 50 articles) is summarised from its articles' opening units, first
sentences first.
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
        max_units: int = 1500,
    ) -> None:
        self.max_units = max_units
        self.alpha = alpha
        self.diversity = diversity
        self.scaling = scaling
        self.min_length = min_length

    def select(self, story: StoryText, max_words: int) -> list[int]:
        ground = list(range(len(story.units)))
        if len(ground) > self.max_units:
            opening_first = sorted(
                ground, key=lambda u: (story.candidates[story.units[u].members[0]].position, u)
            )
            ground = sorted(opening_first[: self.max_units])
        n = len(ground)
        if n == 0:
            return []
        from sklearn.cluster import KMeans  # here: scikit-learn takes 0.5 s to import

        vectors = unit_vectors(story)[ground]
        sim = np.asarray((vectors @ vectors.T).todense())
        cap = (self.alpha / n) * sim.sum(axis=0)
        reward = sim.mean(axis=0)
        k = max(1, n // 5)
        labels = (
            KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(vectors)
            if n > k
            else np.arange(n)
        )
        lengths = np.array([story.units[u].length for u in ground], dtype=float)
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
            unit = story.units[ground[best]]
            if (
                total + unit.length > max_words
                or used.intersection(unit.members)
                or redundant_with(story, ground[best], chosen)
            ):
                continue
            chosen.append(ground[best])
            used.update(unit.members)
            total += unit.length
            coverage += sim[:, best]
            cluster_mass[labels[best]] += reward[best]
        return chosen
