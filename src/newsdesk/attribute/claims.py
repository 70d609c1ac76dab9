"""Corroboration: a story's sentences grouped into claims, with the independent outlets behind each.

A claim is a seed sentence with every sentence of the story that carries its point: the test the
brief uses for its "supporting outlets" (:func:`newsdesk.brief.base.carries_point`). The brief's
own sentences seed the first claims, so the outlets a brief sentence shows are exactly those of its
claim; then every other sentence that says something without the one before it (not a caption,
not "He added ..." or a quotation's second sentence; "Jeffs stood mute ..." names its subject). A
syndicated copy, or a sentence copied word for word from an earlier report, counts once, under its
original; its outlet is still listed in ``Claim.carried_by``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from itertools import islice

import numpy as np

from newsdesk.brief.base import StoryText, carries_point, independent_outlets, prepare, repeats
from newsdesk.models import Article, Brief, Claim, ClaimSource

MIN_CONTENT_WORDS = 4
SEED_BATCH = 64


def _when(published: datetime | None) -> tuple[int, float]:
    return (0, published.timestamp()) if published is not None else (1, 0.0)


def group_claims(
    articles: Sequence[Article],
    reprints: Mapping[str, Sequence[str]] | None = None,
    canonical: Mapping[str, str] | None = None,
    brief: Brief | None = None,
) -> list[Claim]:
    """Claims of a story, best corroborated first.

    ``reprints`` maps an article key to the outlets of its syndicated copies; ``canonical`` maps a
    copy's key to its original's key (copies are then not read, only credited to the original).
    ``brief``: the story's brief, whose sentences seed claims first (see the module docstring).
    """
    by_key = {a.key: a for a in articles}
    copies: dict[str, list[str]] = defaultdict(list)
    for key, outlets in (reprints or {}).items():
        copies[key].extend(outlets)
    for key, original in (canonical or {}).items():
        if key != original and key in by_key:
            copies[original].append(by_key[key].outlet)
    originals = [a for a in articles if (canonical or {}).get(a.key, a.key) == a.key]
    originals.sort(key=lambda a: _when(a.published))
    if not originals:
        return []

    story = prepare(originals)
    candidates = story.candidates
    position = {(originals[c.article].key, c.index): i for i, c in enumerate(candidates)}
    seeds = [
        position[(s.citation.article_key, s.sentence_index)]
        for s in (brief.sentences if brief is not None else [])
        if (s.citation.article_key, s.sentence_index) in position
    ]
    seeds += [
        i
        for i, c in enumerate(candidates)
        if not (c.fragment or c.needs_previous) and len(c.stems) >= MIN_CONTENT_WORDS
    ]

    def source(i: int) -> ClaimSource:
        article = originals[candidates[i].article]
        return ClaimSource(
            article.key, article.outlet, candidates[i].index, candidates[i].text, article.published
        )

    # Each article's opening: its first sentence (or title read as one) that is not a fragment.
    openings = set(np.flatnonzero(story.openings).tolist())
    covered: set[int] = set()
    claims: list[Claim] = []
    seed_of: list[int] = []
    rows: dict[int, np.ndarray] = {}
    for next_seed, seed in enumerate(seeds):
        if seed in covered:
            continue
        if seed not in rows:
            # The next seeds not yet covered, in one product: one call per seed costs three
            # times as much. A row whose seed an earlier claim of the batch covers goes unused.
            batch = list(islice((s for s in seeds[next_seed:] if s not in covered), SEED_BATCH))
            rows = dict(zip(batch, carries_point(story, batch), strict=True))
        members = sorted(
            np.flatnonzero(rows[seed]).tolist(),
            key=lambda i: (_when(originals[candidates[i].article].published), i),
        )
        covered.update(members)
        sources = [source(i) for i in members]
        outlets, copied = independent_outlets([(s.outlet, s.text) for s in sources])
        carried = [*outlets, *copied]
        for key in dict.fromkeys(s.article_key for s in sources):
            carried.extend(copies.get(key, ()))
        first = sources[0]
        claims.append(
            Claim(
                text=candidates[seed].text,
                sources=sources,
                outlets=outlets,
                carried_by=list(dict.fromkeys(o for o in carried if o)),
                first_outlet=first.outlet,
                first_published=first.published,
                lead=not openings.isdisjoint(members),
            )
        )
        seed_of.append(seed)
    _mark_retellings(story, claims, seed_of)
    claims.sort(key=lambda c: (-c.support, _when(c.first_published)))
    return claims


# Claims compared at once for retellings: a story's developments of one day rarely reach this.
MAX_RETELLING_GROUP = 4000


def _mark_retellings(story: StoryText, claims: Sequence[Claim], seed_of: Sequence[int]) -> None:
    """Mark each development (an opening, or a claim two outlets carry) whose seed a better
    corroborated development of the same publication day says in other words, by the brief's
    test for a repeat (:func:`newsdesk.brief.base.repeats`, with a claim an article opens with
    as an opening: "Ellen DeGeneres will host this year's Oscars" / "Comedian Ellen DeGeneres
    will make her second appearance as an Academy Awards host"). Undated reports are one day."""
    days = story.candidate_days
    by_day: dict[float, list[int]] = defaultdict(list)
    ranked = sorted(
        range(len(claims)), key=lambda i: (-claims[i].support, _when(claims[i].first_published))
    )
    for i in ranked:
        if claims[i].lead or claims[i].support >= 2:
            day = float(days[seed_of[i]])
            by_day[-1.0 if np.isnan(day) else day].append(i)
    for group in by_day.values():
        if len(group) < 2 or len(group) > MAX_RETELLING_GROUP:
            continue
        vectors = story.candidate_vectors[[seed_of[i] for i in group]]
        repeated = repeats(
            np.asarray((vectors @ vectors.T).todense()), np.array([claims[i].lead for i in group])
        )
        kept: list[int] = []
        for row, i in enumerate(group):
            if repeated[row, kept].any():
                claims[i].retells = True
            else:
                kept.append(row)


def claim_of(claims: Sequence[Claim], article_key: str, sentence_index: int) -> Claim | None:
    """The claim seeded by that sentence, else the first claim that holds it."""
    holding = [
        c
        for c in claims
        if any(
            s.article_key == article_key and s.sentence_index == sentence_index for s in c.sources
        )
    ]
    for claim in holding:
        own = next(
            s
            for s in claim.sources
            if s.article_key == article_key and s.sentence_index == sentence_index
        )
        if own.text == claim.text:
            return claim
    return holding[0] if holding else None
