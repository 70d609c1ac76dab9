"""Lead baseline: each article's opening sentences, earliest articles first, round robin."""

from __future__ import annotations

from newsdesk.brief.base import BriefMethod, StoryText, greedy_fill


class LeadMethod(BriefMethod):
    name = "lead"

    def select(self, story: StoryText, max_words: int) -> list[int]:
        n = max(1, story.n_articles)
        scores = [
            1.0
            / (
                1
                + story.candidates[u.members[0]].position
                + story.candidates[u.members[0]].article / n
            )
            for u in story.units
        ]
        return greedy_fill(story, scores, max_words)
