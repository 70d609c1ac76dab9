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

from newsdesk.brief.base import STOPWORDS, BriefMethod, StoryText, is_redundant, stem


def unit_concepts(story: StoryText) -> list[set[tuple[str, str]]]:
    per_candidate: list[set[tuple[str, str]]] = []
    for cand in story.candidates:
        stems = [stem(t) for t in cand.tokens]
        concepts = {
            (stems[i], stems[i + 1])
            for i in range(len(stems) - 1)
            if not (cand.tokens[i] in STOPWORDS and cand.tokens[i + 1] in STOPWORDS)
        }
        per_candidate.append(concepts)
    return [set().union(*(per_candidate[m] for m in unit.members)) for unit in story.units]


def concept_weights(
    story: StoryText, concepts: Sequence[set[tuple[str, str]]], min_df: int
) -> dict[tuple[str, str], float]:
    df: Counter[tuple[str, str]] = Counter()
    for indices in story.sentences_by_article:
        seen: set[tuple[str, str]] = set()
        for c in indices:
            cand = story.candidates[c]
            stems = [stem(t) for t in cand.tokens]
            seen.update(
                (stems[i], stems[i + 1])
                for i in range(len(stems) - 1)
                if not (cand.tokens[i] in STOPWORDS and cand.tokens[i + 1] in STOPWORDS)
            )
        df.update(seen)
    threshold = min(min_df, max(1, story.n_articles // 3))
    present = set().union(*concepts) if concepts else set()
    return {k: float(v) for k, v in df.items() if v >= threshold and k in present}


class CoverageMethod(BriefMethod):
    """Weighted bigram-concept coverage, solved exactly (ILP) or greedily."""

    name = "coverage"

    def __init__(self, solver: str = "ilp", min_df: int = 3, time_limit: float = 0.5) -> None:
        self.solver = solver
        self.min_df = min_df
        self.time_limit = time_limit

    def select(self, story: StoryText, max_words: int) -> list[int]:
        concepts = unit_concepts(story)
        weights = concept_weights(story, concepts, self.min_df)
        if not weights:
            return []
        if self.solver == "ilp":
            chosen = self._ilp(story, concepts, weights, max_words)
            if chosen is not None:
                return chosen
        return self._greedy(story, concepts, weights, max_words)

    def _greedy(
        self,
        story: StoryText,
        concepts: Sequence[set[tuple[str, str]]],
        weights: dict[tuple[str, str], float],
        max_words: int,
    ) -> list[int]:
        chosen: list[int] = []
        covered: set[tuple[str, str]] = set()
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
                gain = sum(weights.get(k, 0.0) for k in concepts[u] - covered) / unit.length
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
        concepts: Sequence[set[tuple[str, str]]],
        weights: dict[tuple[str, str], float],
        max_words: int,
    ) -> list[int] | None:
        keys = list(weights)
        index = {k: i for i, k in enumerate(keys)}
        units = [u for u, unit in enumerate(story.units) if unit.length <= max_words]
        n_c, n_u = len(keys), len(units)
        # Variables: concepts first, then units. Objective: maximise covered weight; a tiny
        # per-word cost breaks ties towards shorter briefs.
        cost = np.concatenate([-np.array([weights[k] for k in keys]), np.full(n_u, 0.0)])
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        r = 0
        # Each concept counts only if some chosen unit holds it: c_i - sum_j s_j <= 0.
        holders: dict[int, list[int]] = {}
        for j, u in enumerate(units):
            for k in concepts[u]:
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
            options={"time_limit": self.time_limit, "disp": False},
        )
        if result.x is None:
            return None
        return [units[j] for j in range(n_u) if result.x[n_c + j] > 0.5]
