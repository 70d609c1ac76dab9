"""Centroid (Radev et al. 2004, MEAD): sentences closest to the story's tf-idf centroid.

Score = cosine to the centroid of all units + a lead-position prior; units are taken greedily by
score, skipping redundant ones.
"""

from __future__ import annotations

import numpy as np

from newsdesk.brief.base import BriefMethod, StoryText, greedy_fill, position_prior, unit_vectors


class CentroidMethod(BriefMethod):
    name = "centroid"

    def __init__(self, position_weight: float = 0.2, min_length: int = 10) -> None:
        self.position_weight = position_weight
        self.min_length = min_length

    def select(self, story: StoryText, max_words: int) -> list[int]:
        if not story.units:
            return []
        vectors = unit_vectors(story)
        centroid = np.asarray(vectors.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        scores = vectors @ (centroid / norm) + self.position_weight * position_prior(story)
        lengths = np.array([u.length for u in story.units])
        scores = np.where(lengths >= self.min_length, scores, 0.0)
        return greedy_fill(story, scores.tolist(), max_words)
