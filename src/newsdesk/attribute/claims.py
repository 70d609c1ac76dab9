"""Corroboration: a story's sentences grouped into claims, with the independent outlets behind each.

Two sentences state the same claim when the cosine of their content-word stem counts reaches
``threshold``: the same measure and threshold the brief uses for "supporting outlets"
(``newsdesk.brief.base``), so a brief's counts and the claim list agree. A syndicated copy counts
once, under its original; its outlet is still listed in ``Claim.carried_by``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.brief.base import SUPPORT_THRESHOLD, content_stems, cosine
from newsdesk.models import Article, Claim, ClaimSource
from newsdesk.text import split_sentences, words

MIN_CONTENT_WORDS = 4


@dataclass(slots=True)
class _Group:
    members: list[tuple[ClaimSource, Counter[str]]] = field(default_factory=list)


def _when(published: datetime | None) -> tuple[int, float]:
    return (0, published.timestamp()) if published is not None else (1, 0.0)


def group_claims(
    articles: Sequence[Article],
    reprints: Mapping[str, Sequence[str]] | None = None,
    canonical: Mapping[str, str] | None = None,
    threshold: float = SUPPORT_THRESHOLD,
) -> list[Claim]:
    """Claims of a story, best corroborated first.

    ``reprints`` maps an article key to the outlets of its syndicated copies; ``canonical`` maps a
    copy's key to its original's key (copies are then not read, only credited to the original).
    """
    reprints = dict(reprints or {})
    canonical = dict(canonical or {})
    by_key = {a.key: a for a in articles}
    copies: dict[str, list[str]] = defaultdict(list)
    for key, original in canonical.items():
        if key != original and key in by_key:
            copies[original].append(by_key[key].outlet)
    originals = [a for a in articles if canonical.get(a.key, a.key) == a.key]
    originals.sort(key=lambda a: _when(a.published))

    groups: list[_Group] = []
    index: dict[str, set[int]] = defaultdict(set)  # stem -> groups holding it
    for article in originals:
        for i, sentence in enumerate(split_sentences(article.text)):
            stems = content_stems(words(sentence))
            if len(stems) < MIN_CONTENT_WORDS:
                continue
            vector = Counter(stems)
            source = ClaimSource(article.key, article.outlet, i, sentence, article.published)
            best, best_score = -1, threshold
            for g in set().union(*(index.get(stem, set()) for stem in vector)):
                score = max(cosine(vector, other) for _, other in groups[g].members)
                if score >= best_score:
                    best, best_score = g, score
            if best < 0:
                best = len(groups)
                groups.append(_Group())
            groups[best].members.append((source, vector))
            for stem in vector:
                index[stem].add(best)

    claims = []
    for group in groups:
        sources = sorted((m[0] for m in group.members), key=lambda s: _when(s.published))
        outlets = list(dict.fromkeys(s.outlet for s in sources if s.outlet))
        carried = list(outlets)
        for s in sources:
            carried.extend(reprints.get(s.article_key, ()))
            carried.extend(copies.get(s.article_key, ()))
        first = sources[0]
        claims.append(
            Claim(
                text=first.text,
                sources=sources,
                outlets=outlets,
                carried_by=list(dict.fromkeys(o for o in carried if o)),
                first_outlet=first.outlet,
                first_published=first.published,
            )
        )
    claims.sort(key=lambda c: (-c.support, _when(c.first_published)))
    return claims
