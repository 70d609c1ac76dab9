"""Brief: an extractive, cited, multi-document summary of one story.

``summarize`` is the stage's only entry point. Each content-selection method lives in its own
module (sumy style) over what they share: candidates and redundancy (:mod:`newsdesk.brief.base`),
coherence rules (:mod:`newsdesk.brief.coherence`), referents and the sentences that introduce them
(:mod:`newsdesk.brief.referents`), terms and stems (:mod:`newsdesk.brief.terms`), and ordering
with citations (:mod:`newsdesk.brief.order`). The brief also names the story: its headline
(:mod:`newsdesk.brief.headline`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsdesk.brief.base import BriefMethod, StoryText, prepare
from newsdesk.brief.centroid import CentroidMethod
from newsdesk.brief.coverage import CoverageMethod
from newsdesk.brief.headline import choose_headline
from newsdesk.brief.lead import LeadMethod
from newsdesk.brief.order import assemble
from newsdesk.brief.submodular import SubmodularMethod
from newsdesk.models import Article, Brief

METHODS: dict[str, Callable[[], BriefMethod]] = {
    "coverage": CoverageMethod,
    "coverage-greedy": lambda: CoverageMethod(solver="greedy"),
    "coverage-ilp": lambda: CoverageMethod(solver="ilp"),
    "coverage-bigrams": lambda: CoverageMethod(word_weight=0.0),
    "centroid": CentroidMethod,
    "submodular": SubmodularMethod,
    "lead": LeadMethod,
}
DEFAULT_METHOD = "coverage"


def summarize(
    articles: Sequence[Article],
    max_words: int,
    *,
    reprints: Mapping[str, Sequence[str]] | None = None,
    method: str = "default",
) -> Brief:
    """Brief one story's canonical articles in at most ``max_words`` words.

    ``reprints`` maps an article key to the outlets of its syndicated copies; they count as
    supporting outlets of that article's sentences.
    """
    name = DEFAULT_METHOD if method == "default" else method
    if name not in METHODS:
        raise ValueError(f"unknown brief method {method!r}; choose from {', '.join(METHODS)}")
    if not articles:
        return Brief(sentences=[], max_words=max_words, method=name)
    story = prepare(articles)
    chosen = METHODS[name]().select(story, max_words) if max_words > 0 else []
    brief = assemble(story, chosen, max_words, name, reprints or {})
    brief.headline = story_headline(story, brief.sentences[0].text if brief.sentences else "")
    return brief


def story_headline(story: StoryText, fallback: str) -> str:
    """:func:`~newsdesk.brief.headline.choose_headline` over the story's titles and leads (each
    article's first sentence of text)."""
    leads = [
        next((story.candidates[c].text for c in indices if story.candidates[c].index >= 0), "")
        for indices in story.sentences_by_article
    ]
    return choose_headline([a.title for a in story.articles], leads, fallback)


__all__ = ["DEFAULT_METHOD", "METHODS", "summarize"]
