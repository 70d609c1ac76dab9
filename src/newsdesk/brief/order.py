"""Order the chosen units into a brief and cite every sentence.

Chronological by event: each unit is dated by the day of the development it tells
(:func:`newsdesk.event_time.development_day`, as the timeline is), then by place in its article;
of one day, a unit naming a person in full comes before one using the surname alone, and the
brief opens on a sentence that introduces what it tells rather than one that presupposes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from newsdesk.brief.base import StoryText, supporting_outlets
from newsdesk.brief.referents import FULL_NAME_SURNAME
from newsdesk.event_time import development_day
from newsdesk.models import NO_DATE, Brief, BriefSentence, Citation, as_utc

# (day of the development, place in the article, publication time, article)
OrderKey = tuple[datetime, int, datetime, int]


def _order_keys(story: StoryText, unit_ids: Sequence[int]) -> dict[int, OrderKey]:
    """Chronological by event, then by source: the day of the development the unit tells (else
    its article's publication day, or the story's first day when undated), then place in the
    article, then publication time. Of the units of one day every lead comes before the details."""
    dates = [as_utc(a.published) for a in story.articles if a.published]
    story_start = min(dates, default=NO_DATE)
    keys: dict[int, OrderKey] = {}
    for unit in unit_ids:
        first = story.candidates[story.units[unit].members[0]]
        published = story.articles[first.article].published
        if published is None:
            # An undated article is read as of the story's first day: its lead opens the brief
            # with the other leads, its details do not come before them.
            keys[unit] = (story_start, first.position, story_start, first.article)
            continue
        text = " ".join(story.candidates[m].text for m in story.units[unit].members)
        when = as_utc(published)
        keys[unit] = (development_day(text, when, story_start), first.position, when, first.article)
    return keys


_STAND_IN_REACH = timedelta(days=2)


def _stand_in_opener(story: StoryText, units: list[int], keys: Mapping[int, OrderKey]) -> list[int]:
    """A brief that would open on a detail of an article whose lead it does not show opens on a
    lead it shows that retells that lead: it introduces what the detail presupposes. ("A man
    suspected of shooting three people ... was arrested" stands in for its redundant twin, ahead
    of "Anthony LaCalamita III, 38, said nothing after officers surrounded him".) Only a lead of
    a development within ``_STAND_IN_REACH`` of the detail's, and only one that leaves none of its
    own article's sentences of a later day behind; and only the opening moves: moving every such
    lead ahead of the details measured worse against the human summaries' order."""
    if not units:
        return units
    firsts = {u: story.candidates[story.units[u].members[0]] for u in units}
    opening = firsts[units[0]]
    leads = [u for u, first in firsts.items() if first.position == 0]
    if (
        opening.position == 0
        or not leads
        or any(firsts[u].article == opening.article for u in leads)
    ):
        return units
    dropped = next(
        (
            u
            for u, unit in enumerate(story.units)
            if story.candidates[unit.members[0]].article == opening.article
            and story.candidates[unit.members[0]].position == 0
        ),
        None,
    )
    if dropped is None:
        return units
    retold = story.redundant_among([dropped, units[0], *leads], same_day_openings=False)[0, 1:]
    if retold[0]:
        return units  # the detail retells the lead itself: it introduces the story as well
    retold = retold[1:]
    opener = next(
        (
            u
            for u, retells in zip(leads, retold, strict=True)
            if retells
            and keys[u][0] - keys[units[0]][0] <= _STAND_IN_REACH
            # Alone, or of the detail's day: it must not leave its article's other sentences of
            # a later day behind (the demo's Leeds brief opened on the photographs of July 14,
            # turned to the searches of July 12, then back to the photographs).
            and (
                keys[u][0] == keys[units[0]][0]
                or not any(firsts[v].article == firsts[u].article for v in units if v != u)
            )
        ),
        None,
    )
    if opener is None:
        return units
    return [opener, *(u for u in units if u != opener)]


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A capitalised word after these is a place ("the province of Aceh", "in Aceh"), the end of a
# longer name ("Central Aceh") or, after "the", a name used as a modifier ("the Bush regulation");
# and one before these a modifier too ("a Bush administration regulation"): no person a reader
# needs introduced, though a person's full name elsewhere ends in it ("Banda Aceh", "George W.
# Bush").
_BEFORE_A_PLACE = re.compile(
    r"(?:\b(?i:in|of|at|from|near|off|across|outside|inside|around|throughout|the)|[A-Z][\w.]*)"
    r"\s+$"
)
_NAME_AS_MODIFIER = re.compile(r"\s+(?:administration|era|government|regime)\b")


def _bare_names(text: str) -> set[str]:
    """Capitalised words of ``text`` that may call a person by surname alone, casefolded."""
    return {
        match.group().casefold()
        for match in _CAPITALISED.finditer(text)
        if not _BEFORE_A_PLACE.search(text, max(0, match.start() - 12), match.start())
        and not _NAME_AS_MODIFIER.match(text, match.end())
    }


def _introductions_first(
    story: StoryText, units: list[int], keys: Mapping[int, OrderKey]
) -> list[int]:
    """Of one day, a unit that names a person in full ("Tyler Hansbrough scored 20 points ...")
    comes before a unit that calls them by surname alone ("... shortly after Hansbrough passed
    Phil Ford ..."). Across days chronology wins (moving either unit measured worse against the
    human summaries' order, BENCHMARKS.md), except within one article: its lead naming "Hussain
    Osman" comes before its own "Osman was arrested in Rome ... on July 29"."""
    texts = {u: " ".join(story.candidates[m].text for m in story.units[u].members) for u in units}
    named = {u: {n.casefold() for n in FULL_NAME_SURNAME.findall(texts[u])} for u in units}
    ordered: list[int] = []
    named_so_far: set[str] = set()
    waiting = list(units)
    moved: set[int] = set()
    while waiting:
        head = waiting[0]
        known = named_so_far | named[head]
        bare = _bare_names(texts[head]) - known
        day = keys[head][0]
        introducer = next(
            (
                u
                for u in waiting[1:]
                if bare & named[u]
                and (keys[u][0] == day or keys[u][3] == keys[head][3])
                and u not in moved
            ),
            None,
        )
        if introducer is not None:
            waiting.remove(introducer)
            waiting.insert(0, introducer)
            moved.add(introducer)
        else:
            ordered.append(waiting.pop(0))
            named_so_far |= named[head]
    return ordered


# "The buy should also expand ...", "The out-of-band security update fixes ...": a definite
# description of a thing presupposes that the reader has met it.
_DEFINITE_OPENING = re.compile(r"[\"“]?The\s+(?![A-Z])")
# How long after a development its first reports are dated by the day they tell of.
_FIRST_REPORTS = timedelta(days=2)


def _introducing_opener(
    story: StoryText, units: list[int], keys: Mapping[int, OrderKey]
) -> list[int]:
    """A brief opens on a sentence that introduces what it tells: when the first unit opens on a
    definite description ("The buy should also expand AMD's ..."), the first unit of the same day
    and place in its article that does not ("Advanced Micro Devices Inc. announced ...") opens
    instead; failing that, when the first unit is a detail, the first article opening of the
    first reports."""
    if not units:
        return units

    def presupposes(unit: int) -> bool:
        opening = story.candidates[story.units[unit].members[0]].text
        return _DEFINITE_OPENING.match(opening) is not None

    first = units[0]
    if not presupposes(first):
        return units
    tier = (u for u in units if keys[u][:2] == keys[first][:2])
    opener = next((u for u in tier if not presupposes(u)), first)
    detail = story.candidates[story.units[first].members[0]]
    if opener == first and detail.position > 0:
        # A detail that presupposes ("The quake hit inland at a depth of just 10km ...") with
        # no lead of its day beside it: the first article opening of the next two days (the
        # first reports of the event) tells the story, or of any day if the detail's article is
        # undated. Not one of months later ("Up to four times as many women as men died in the
        # December 26 Indian Ocean Tsunami ..." before the tsunami's first death toll).
        published = story.articles[detail.article].published
        leads = (
            u
            for u in units
            if story.candidates[story.units[u].members[0]].position == 0
            and (published is None or keys[u][0] - keys[first][0] <= _FIRST_REPORTS)
        )
        opener = next((u for u in leads if not presupposes(u)), first)
    return [opener, *(u for u in units if u != opener)]


def reading_order(story: StoryText, unit_ids: Sequence[int]) -> list[int]:
    """The chosen units in the order the brief shows them."""
    keys = _order_keys(story, unit_ids)
    chronological = sorted(unit_ids, key=keys.__getitem__)
    opened = _stand_in_opener(story, _introducing_opener(story, chronological, keys), keys)
    return _introductions_first(story, opened, keys)


def assemble(
    story: StoryText,
    unit_ids: Sequence[int],
    max_words: int,
    method: str,
    reprints: Mapping[str, Sequence[str]],
) -> Brief:
    """Order the chosen units (a unit's sentences stay together) and cite every sentence."""
    units = reading_order(story, unit_ids)
    members = list(dict.fromkeys(m for u in units for m in story.units[u].members))
    kept: list[int] = []
    total = 0
    for c in members:
        if total + story.candidates[c].length > max_words:
            break
        kept.append(c)
        total += story.candidates[c].length
    sentences: list[BriefSentence] = []
    support = supporting_outlets(story, kept, reprints)
    for c, (outlets, reprinted) in zip(kept, support, strict=True):
        cand = story.candidates[c]
        article = story.articles[cand.article]
        sentences.append(
            BriefSentence(
                text=cand.text,
                citation=Citation(
                    article_key=article.key,
                    outlet=article.outlet,
                    title=article.title,
                    url=article.url,
                    published=article.published,
                ),
                sentence_index=cand.index,
                supporting_outlets=outlets,
                reprinted_by=reprinted,
            )
        )
    return Brief(sentences=sentences, max_words=max_words, method=method)
