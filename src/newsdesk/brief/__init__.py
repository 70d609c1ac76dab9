"""Brief: an extractive, cited, multi-document summary of one story.

``summarize`` is the stage's only entry point. Each content-selection method lives in its own
module (sumy style) over what they share: candidates and redundancy (:mod:`newsdesk.brief.base`),
coherence rules (:mod:`newsdesk.brief.coherence`), terms and stems (:mod:`newsdesk.brief.terms`),
and ordering with citations (:mod:`newsdesk.brief.order`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsdesk.brief.base import BriefMethod, prepare
from newsdesk.brief.centroid import CentroidMethod
from newsdesk.brief.coverage import CoverageMethod
from newsdesk.brief.lead import LeadMethod
from newsdesk.brief.order import assemble
from newsdesk.brief.submodular import SubmodularMethod
from newsdesk.models import Article, Brief

METHODS: dict[str, Callable[[], BriefMethod]] = {
    "coverage": CoverageMethod,
    "coverage-greedy": lambda: CoverageMethod(solver="greedy"),
    "coverage-ilp": lambda: CoverageMethod(solver="ilp"),
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
    if max_words <= 0 or not articles:
        return Brief(sentences=[], max_words=max_words, method=name)
    story = prepare(articles)
    chosen = METHODS[name]().select(story, max_words)
    return assemble(story, chosen, max_words, name, reprints or {})


__all__ = ["DEFAULT_METHOD", "METHODS", "summarize"]
