"""Concept coverage (Gillick & Favre 2009, ICSISumm): cover the bigrams most articles share.

Concepts are stemmed word bigrams that are not made of stopwords only; a concept's weight is the
number of articles that contain it, so a point carried by many outlets outweighs a detail from one.
The brief maximises the total weight of the concepts it covers within the word budget, exactly
with an integer program (HiGHS through ``scipy.optimize.milp``) or with the budgeted greedy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

from newsdesk.brief.base import (
    REDUNDANCY_THRESHOLD,
    STOPWORDS,
    BriefMethod,
    StoryText,
    position_prior,
    stem,
    unit_vectors,
)
from newsdesk.text import words

Concept = tuple[str, str]


def bigram_concepts(tokens: Sequence[str]) -> set[Concept]:
    """Stemmed bigrams of lower-cased tokens, except those made of two stopwords."""
    stems = [stem(t) for t in tokens]
    return {
        (stems[i], stems[i + 1])
        for i in range(len(tokens) - 1)
        if not (tokens[i] in STOPWORDS and tokens[i + 1] in STOPWORDS)
    }


def concept_weights(
    story: StoryText,
    per_candidate: Sequence[set[Concept]],
    min_df: int,
    lead_bonus: float = 0.0,
    title_bonus: float = 0.0,
    power: float = 1.0,
) -> dict[Concept, float]:
    """Document frequency of each concept (articles carrying it), plus optional bonuses."""
    df: Counter[Concept] = Counter()
    lead: Counter[Concept] = Counter()
    for indices in story.sentences_by_article:
        seen: set[Concept] = set()
        for rank, c in enumerate(indices):
            if rank == 3:
                lead.update(seen)
            seen |= per_candidate[c]
        df.update(seen)
    titles: Counter[Concept] = Counter()
    for article in story.articles:
        titles.update(bigram_concepts(words(article.title)))
    threshold = min(min_df, max(1, story.n_articles // 3))
    return {
        k: float(v) ** power + lead_bonus * lead[k] + title_bonus * titles[k]
        for k, v in df.items()
        if v >= threshold
    }


class CoverageMethod(BriefMethod):
    """Weighted bigram-concept coverage, solved exactly (ILP) or greedily."""

    name = "coverage"

    def __init__(
        self,
        solver: str = "ilp",
        min_df: int = 3,
        time_limit: float = 5.0,
        node_limit: int = 2000,
        gap: float = 1e-4,
        presolve: bool = True,
        max_units: int = 50,
        min_length: int = 10,
        length_reward: float = 0.0,
        lead_bonus: float = 0.0,
        title_bonus: float = 0.0,
        power: float = 1.0,
        position_prior: float = 2.0,
        centroid_prior: float = 0.0,
    ) -> None:
        self.solver = solver
        self.min_df = min_df
        self.time_limit = time_limit
        self.node_limit = node_limit
        self.gap = gap
        self.presolve = presolve
        self.max_units = max_units
        self.min_length = min_length
        self.length_reward = length_reward
        self.lead_bonus = lead_bonus
        self.power = power
        self.title_bonus = title_bonus
        self.position_prior = position_prior
        self.centroid_prior = centroid_prior

    def select(self, story: StoryText, max_words: int) -> list[int]:
        per_candidate = [bigram_concepts(c.tokens) for c in story.candidates]
        weights = concept_weights(
            story, per_candidate, self.min_df, self.lead_bonus, self.title_bonus, self.power
        )
        concepts = [
            set().union(*(per_candidate[m] for m in unit.members))
            if unit.length >= self.min_length
            else set()
            for unit in story.units
        ]
        if not weights:
            return []
        prior = self._prior(story)
        if self.solver == "ilp":
            chosen = self._ilp(story, concepts, weights, prior, max_words)
            if chosen is not None:
                return chosen
        return self._greedy(story, concepts, weights, prior, max_words)

    def _prior(self, story: StoryText) -> np.ndarray:
        """Per-unit bonus beside concept weight: lead position, centrality, length."""
        lengths = np.array([u.length for u in story.units], dtype=float)
        prior = self.length_reward * lengths + self.position_prior * position_prior(story)
        if self.centroid_prior and story.units:
            vectors = unit_vectors(story)
            centroid = np.asarray(vectors.mean(axis=0)).ravel()
            centroid /= np.linalg.norm(centroid) or 1.0
            prior = prior + self.centroid_prior * (vectors @ centroid)
        return np.asarray(prior, dtype=float)

    def _greedy(
        self,
        story: StoryText,
        concepts: Sequence[set[Concept]],
        weights: dict[Concept, float],
        prior: np.ndarray,
        max_words: int,
    ) -> list[int]:
        """Cost-scaled greedy from several scalings, then swap-out local search.

        Each pass removes one chosen unit, forbids it, and refills greedily; a pass that raises
        the objective is kept. Close to the ILP optimum at a fraction of its cost.
        """
        problem = _Problem(story, concepts, weights, prior, max_words)
        best = max(
            (problem.fill([], frozenset(), r) for r in (1.0, 0.5, 0.0)), key=problem.objective
        )
        improved = True
        while improved:
            improved = False
            for u in list(best):
                rest = [v for v in best if v != u]
                candidate = problem.fill(rest, frozenset({u}), 1.0)
                if problem.objective(candidate) > problem.objective(best) + 1e-9:
                    best, improved = candidate, True
                    break
        return best

    def _ilp(
        self,
        story: StoryText,
        concepts: Sequence[set[Concept]],
        weights: dict[Concept, float],
        prior: np.ndarray,
        max_words: int,
    ) -> list[int] | None:
        keys = sorted(weights)
        index = {k: i for i, k in enumerate(keys)}
        # Only the most concept-dense units enter the program: the rest rarely belong to the
        # optimum and make branch-and-bound slow.
        density = {
            u: (sum(weights.get(k, 0.0) for k in concepts[u]) + prior[u]) / unit.length
            for u, unit in enumerate(story.units)
            if unit.length <= max_words and concepts[u]
        }
        units = sorted(sorted(density, key=lambda u: -density[u])[: self.max_units])
        n_c, n_u = len(keys), len(units)
        # Variables: concepts first, then units. Objective: maximise covered weight; a tiny
        # per-word cost breaks ties towards shorter briefs.
        unit_prior = np.array([prior[u] if concepts[u] else 0.0 for u in units])
        cost = np.concatenate([-np.array([weights[k] for k in keys]), -unit_prior])
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        r = 0
        # Each concept counts only if some chosen unit holds it: c_i - sum_j s_j <= 0.
        holders: dict[int, list[int]] = {}
        for j, u in enumerate(units):
            for k in sorted(concepts[u]):
                i = index.get(k)
                if i is not None:
                    holders.setdefault(i, []).append(j)
        for i in range(n_c):
            rows.append(r)
            cols.append(i)
            vals.append(1.0)
            for j in holders.get(i, []):
                rows.append(r)
                cols.append(n_c + j)
                vals.append(-1.0)
            r += 1
        upper = [0.0] * r
        # Budget.
        for j, u in enumerate(units):
            rows.append(r)
            cols.append(n_c + j)
            vals.append(float(story.units[u].length))
        upper.append(float(max_words))
        r += 1
        # A sentence appears at most once (units overlap when a pair shares a sentence).
        by_member: dict[int, list[int]] = {}
        for j, u in enumerate(units):
            for m in story.units[u].members:
                by_member.setdefault(m, []).append(j)
        for js in by_member.values():
            if len(js) > 1:
                for j in js:
                    rows.append(r)
                    cols.append(n_c + j)
                    vals.append(1.0)
                upper.append(1.0)
                r += 1
        # Redundant pairs cannot both be chosen.
        similar = story.unit_similarity[np.ix_(units, units)] >= REDUNDANCY_THRESHOLD
        for a, b in zip(*np.nonzero(np.triu(similar, k=1)), strict=True):
            rows += [r, r]
            cols += [n_c + int(a), n_c + int(b)]
            vals += [1.0, 1.0]
            upper.append(1.0)
            r += 1
        matrix = csr_matrix((vals, (rows, cols)), shape=(r, n_c + n_u))
        result = milp(
            cost,
            constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
            integrality=np.ones(n_c + n_u),
            bounds=Bounds(0, 1),
            # A node limit, not only a clock limit, keeps the result independent of machine load.
            options={
                "time_limit": self.time_limit,
                "node_limit": self.node_limit,
                "mip_rel_gap": self.gap,
                "presolve": self.presolve,
                "disp": False,
            },
        )
        if result.x is None:  # no feasible point within the limits: fall back to greedy
            return None
        return [units[j] for j in range(n_u) if result.x[n_c + j] > 0.5]


class _Problem:
    """The coverage objective in matrix form, for fast greedy search."""

    def __init__(
        self,
        story: StoryText,
        concepts: Sequence[set[Concept]],
        weights: dict[Concept, float],
        prior: np.ndarray,
        max_words: int,
    ) -> None:
        keys = sorted(weights)
        index = {k: i for i, k in enumerate(keys)}
        self.story = story
        self.weights = np.array([weights[k] for k in keys])
        self.incidence = np.zeros((len(story.units), len(keys)))
        for u, unit_concepts in enumerate(concepts):
            for k in unit_concepts:
                i = index.get(k)
                if i is not None:
                    self.incidence[u, i] = 1.0
        self.prior = np.where(self.incidence.any(axis=1), prior, 0.0)
        self.lengths = np.array([u.length for u in story.units], dtype=float)
        self.max_words = max_words

    def objective(self, chosen: Sequence[int]) -> float:
        if not chosen:
            return 0.0
        covered = self.incidence[list(chosen)].any(axis=0)
        return float(self.weights[covered].sum() + self.prior[list(chosen)].sum())

    def fill(self, start: Sequence[int], banned: frozenset[int], scaling: float) -> list[int]:
        chosen = list(start)
        used = {m for u in chosen for m in self.story.units[u].members}
        total = float(self.lengths[chosen].sum()) if chosen else 0.0
        open_ = np.ones(len(self.lengths), dtype=bool)
        open_[list(banned) + chosen] = False
        similarity = self.story.unit_similarity
        while True:
            covered = (
                self.incidence[chosen].any(axis=0) if chosen else np.zeros(len(self.weights), bool)
            )
            open_ &= self.lengths <= self.max_words - total
            gain = self.incidence[:, ~covered] @ self.weights[~covered] + self.prior
            gain = np.where(open_ & (gain > 0), gain / self.lengths**scaling, -np.inf)
            best = int(np.argmax(gain))
            if not np.isfinite(gain[best]):
                return chosen
            open_[best] = False
            members = self.story.units[best].members
            if used.intersection(members) or (
                chosen and (similarity[best, chosen] >= REDUNDANCY_THRESHOLD).any()
            ):
                continue
            chosen.append(best)
            used.update(members)
            total += self.lengths[best]
