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
    STOPWORDS,
    BriefMethod,
    StoryText,
    is_redundant,
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
        chosen: list[int] = []
        covered: set[Concept] = set()
        used: set[int] = set()
        vectors: list[Counter[str]] = []
        total = 0
        remaining = set(range(len(story.units)))
        while remaining:
            best, best_gain = -1, 0.0
            for u in remaining:
                unit = story.units[u]
                if total + unit.length > max_words or used.intersection(unit.members):
                    continue
                new = sum(weights.get(k, 0.0) for k in sorted(concepts[u] - covered))
                gain = (new + prior[u]) / unit.length if concepts[u] else 0.0
                if gain > best_gain:
                    best, best_gain = u, gain
            if best < 0:
                break
            remaining.discard(best)
            unit = story.units[best]
            if is_redundant(unit.stems, vectors):
                continue
            chosen.append(best)
            covered |= concepts[best]
            used.update(unit.members)
            vectors.append(Counter(unit.stems))
            total += unit.length
        return chosen

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
        units = [u for u, unit in enumerate(story.units) if unit.length <= max_words]
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
        vectors = [Counter(story.units[u].stems) for u in units]
        for a in range(n_u):
            for b in range(a + 1, n_u):
                if is_redundant(story.units[units[b]].stems, [vectors[a]]):
                    rows += [r, r]
                    cols += [n_c + a, n_c + b]
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
            options={"time_limit": self.time_limit, "node_limit": self.node_limit, "disp": False},
        )
        if result.x is None:  # no feasible point within the limits: fall back to greedy
            return None
        return [units[j] for j in range(n_u) if result.x[n_c + j] > 0.5]
