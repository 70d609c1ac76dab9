"""What every brief method shares: the story as candidate sentences and units, and redundancy.

A method only decides *which* candidate units to take (``BriefMethod.select``); this module turns
articles into candidates (with the rules on one sentence of :mod:`newsdesk.brief.coherence` and
the referents of :mod:`newsdesk.brief.referents`), measures how similar units are and which
outlets carry a sentence's point; :mod:`newsdesk.brief.order` orders the chosen units and cites
them. A unit is one sentence, or a sentence that needs context ("He said ...", a surname alone)
together with the sentence that gives it.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from difflib import SequenceMatcher
from functools import partial

import numpy as np
from scipy.sparse import csr_matrix

from newsdesk.brief.coherence import (
    closed_up,
    contrasts_with_previous,
    in_writers_voice,
    inside_quotations,
    is_fragment,
    needs_context,
    opens_another_story,
    strip_dateline,
    strip_glued_heading,
)
from newsdesk.brief.referents import (
    FULL_NAME_SURNAME,
    common_referents,
    counted_referent,
    event_referent,
    inner_surnames,
    opening_surname,
    ordinal_referent,
    people_mentioned,
    people_named,
    people_referent,
    pronoun_after_fronted_phrase,
    speaker_surname,
)
from newsdesk.brief.terms import content_stems, stem
from newsdesk.event_time import anticipated_day, day_of
from newsdesk.models import Article
from newsdesk.text import (
    ends_with_abbreviation,
    quote_open_after,
    split_sentences_with_paragraphs,
    words,
)

# --- story model ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    """One source sentence, with the features methods use.

    ``index`` is the sentence's place in the article's text (its citation; -1 for a title read as
    a sentence, see :func:`title_sentence`), ``position`` its place among the article's candidates
    (what position priors read). A candidate that is not ``standalone`` (and not a fragment) is
    shown only after the candidate it depends on: ``introduced_by`` (the sentence that named in
    full the person it calls by surname alone, or told of the first before "the second device"),
    else its predecessor (``needs_previous``). A ``fragment`` is never shown, and one that
    ``leaves_quote_open`` only before the sentence that goes on with the quotation. Nor is one
    ``overtaken``: it looks ahead to a day the story's later articles report on ("Tomorrow's stage
    will take the race into the Pyrenees" in a brief of the whole Tour).
    """

    article: int
    index: int
    position: int
    paragraph: int
    text: str
    tokens: list[str]
    token_stems: list[str]  # the stem of each token
    stems: list[str]  # content stems: of the tokens that are no stopword or number
    standalone: bool
    needs_previous: bool
    introduced_by: int | None = None
    fragment: bool = False  # a byline, caption, headline or boilerplate: never shown
    leaves_quote_open: bool = False  # 'He said: "The fire spread fast.' (the quote goes on)
    overtaken: bool = False

    @property
    def length(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Unit:
    """What a method selects: one sentence, or a dependent sentence with its predecessor."""

    members: tuple[int, ...]
    length: int
    stems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryText:
    """A story's articles as candidates; read-only input to every method."""

    articles: list[Article]
    candidates: list[Candidate]
    units: list[Unit]
    sentences_by_article: list[list[int]]
    doc_freq: Counter[str]
    _candidate_counts: csr_matrix | None = None
    _candidate_vectors: csr_matrix | None = None
    _candidate_presence: csr_matrix | None = None
    _unit_stem_vectors: csr_matrix | None = None
    _candidate_days: np.ndarray | None = None
    _statements: np.ndarray | None = None
    _openings: np.ndarray | None = None

    @property
    def n_articles(self) -> int:
        return len(self.articles)

    @property
    def candidate_vectors(self) -> csr_matrix:
        """L2-normalised content-stem counts of every candidate (rows)."""
        if self._candidate_vectors is None:
            self._candidate_vectors = _normalise_rows(self.candidate_counts)
        return self._candidate_vectors

    @property
    def unit_stem_vectors(self) -> csr_matrix:
        """L2-normalised content-stem counts of every unit (the sum of its sentences' counts)."""
        if self._unit_stem_vectors is None:
            rows = [u for u, unit in enumerate(self.units) for _ in unit.members]
            cols = [m for unit in self.units for m in unit.members]
            membership = csr_matrix(
                (np.ones(len(rows)), (rows, cols)), shape=(len(self.units), len(self.candidates))
            )
            counts = csr_matrix(membership @ self.candidate_counts)
            self._unit_stem_vectors = _normalise_rows(counts)
        return self._unit_stem_vectors

    def similarity_among(self, units: Sequence[int]) -> np.ndarray:
        """Similarity between the given units only (a story of 1,000 articles has some 30,000
        units: never the full matrix): the larger of the units' cosine and their most similar pair
        of sentences, so that a two-sentence unit whose second sentence repeats another unit
        counts as redundant with it."""
        units = list(units)
        similarity = _row_products(self.unit_stem_vectors, units)
        if any(len(self.units[u].members) > 1 for u in units):
            members = [m for u in units for m in self.units[u].members]
            starts = np.cumsum([0] + [len(self.units[u].members) for u in units[:-1]])
            pairs = _row_products(self.candidate_vectors, members)
            # Maximum over each unit's block of sentence pairs (a unit's members are contiguous).
            best = np.maximum.reduceat(np.maximum.reduceat(pairs, starts, axis=0), starts, axis=1)
            similarity = np.maximum(similarity, best)
        return similarity

    def leads(self, units: Sequence[int]) -> np.ndarray:
        """Which of ``units`` open on one of their article's ``LEAD_SENTENCES``."""
        return np.array(
            [self.candidates[self.units[u].members[0]].position < LEAD_SENTENCES for u in units],
            dtype=bool,
        )

    def redundant_among(self, units: Sequence[int], same_day_openings: bool = True) -> np.ndarray:
        """Which pairs of the given units say the same thing: similarity (as
        :meth:`similarity_among`) of at least ``REDUNDANCY_THRESHOLD``, or of at least
        ``LEAD_REDUNDANCY_THRESHOLD`` between two lead sentences of articles, where outlets
        report one event in other words ("Esther Williams ... dies at 91" / "Esther Williams, who
        swam to stardom in the 1940's, dies at 91"), or, with ``same_day_openings``, of at least
        ``OPENING_REDUNDANCY_THRESHOLD`` between two articles' openings of the same day."""
        units = list(units)
        first = [self.units[u].members[0] for u in units]
        redundant = repeats(self.similarity_among(units), self.leads(units))
        opening = self.openings[first]
        if same_day_openings and opening.sum() > 1:
            # The openings themselves, not a sentence a unit adds after one.
            similarity = _row_products(self.candidate_vectors, first)
            day = self.candidate_days[first]
            same_day = np.isnan(day)[:, None] | np.isnan(day)[None, :] | (day[:, None] == day)
            redundant |= (
                np.outer(opening, opening) & same_day & (similarity >= OPENING_REDUNDANCY_THRESHOLD)
            )
        return redundant

    @property
    def candidate_presence(self) -> csr_matrix:
        """1 where a candidate has a content stem (rows), else 0."""
        if self._candidate_presence is None:
            presence = csr_matrix(self.candidate_counts, copy=True)
            presence.data[:] = 1.0
            self._candidate_presence = presence
        return self._candidate_presence

    @property
    def candidate_days(self) -> np.ndarray:
        """The UTC calendar day each candidate's article was published, as a number; NaN when
        undated."""
        if self._candidate_days is None:
            by_article = [
                math.nan if a.published is None else float(day_of(a.published).toordinal())
                for a in self.articles
            ]
            self._candidate_days = np.array([by_article[c.article] for c in self.candidates])
        return self._candidate_days

    @property
    def statements(self) -> np.ndarray:
        """True for each candidate that is not a fragment."""
        if self._statements is None:
            self._statements = np.array([not c.fragment for c in self.candidates], dtype=bool)
        return self._statements

    @property
    def openings(self) -> np.ndarray:
        """True for each article's opening: its first candidate that is not a fragment."""
        if self._openings is None:
            self._openings = np.zeros(len(self.candidates), dtype=bool)
            for indices in self.sentences_by_article:
                first = next((i for i in indices if self.statements[i]), None)
                if first is not None:
                    self._openings[first] = True
        return self._openings

    @property
    def candidate_counts(self) -> csr_matrix:
        """Content-stem counts of every candidate (rows)."""
        if self._candidate_counts is None:
            vocabulary: dict[str, int] = {}
            cols = [
                vocabulary.setdefault(t, len(vocabulary)) for c in self.candidates for t in c.stems
            ]
            indptr = np.cumsum([0] + [len(c.stems) for c in self.candidates])
            shape = (len(self.candidates), max(1, len(vocabulary)))
            # One entry per stem occurrence, summed into counts.
            counts = csr_matrix((np.ones(len(cols)), cols, indptr), shape=shape)
            counts.sum_duplicates()
            self._candidate_counts = counts
        return self._candidate_counts


def _row_products(matrix: csr_matrix, rows: Sequence[int]) -> np.ndarray:
    """The dot products of the given rows of ``matrix`` (canonical CSR) with one another, through
    a dense copy of just those rows over just the columns they use: for the few dozen units a
    brief compares, scipy's sparse slicing and product cost many times the arithmetic."""
    row_of, entries = _row_entries(matrix, rows)
    columns, local = np.unique(matrix.indices[entries], return_inverse=True)
    dense = np.zeros((len(rows), len(columns)))
    dense[row_of, local] = matrix.data[entries]
    products: np.ndarray = dense @ dense.T
    return products


def _dense_rows(matrix: csr_matrix, rows: Sequence[int]) -> np.ndarray:
    """The given rows of ``matrix`` (canonical CSR) as a dense array, without scipy's slicing."""
    row_of, entries = _row_entries(matrix, rows)
    dense = np.zeros((len(rows), matrix.shape[1]))
    dense[row_of, matrix.indices[entries]] = matrix.data[entries]
    return dense


def _row_entries(matrix: csr_matrix, rows: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """For every stored entry of the given rows of ``matrix``: which of ``rows`` it is in, and its
    place in ``matrix.indices`` and ``matrix.data``."""
    picked = np.asarray(rows, dtype=np.intp)
    starts = matrix.indptr[picked]
    lengths = matrix.indptr[picked + 1] - starts
    before = np.cumsum(lengths) - lengths
    entries = np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()))
    return np.repeat(np.arange(len(picked)), lengths), entries


def _normalise_rows(matrix: csr_matrix) -> csr_matrix:
    # On the CSR arrays themselves: under half the time of scipy's elementwise products.
    normalised = csr_matrix(matrix, copy=True)
    normalised.sum_duplicates()
    lengths = np.diff(normalised.indptr)
    rows = np.repeat(np.arange(normalised.shape[0]), lengths)
    squares = np.bincount(rows, weights=normalised.data**2, minlength=normalised.shape[0])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    normalised.data *= np.repeat(1.0 / norms, lengths)
    return normalised


_KICKER = re.compile(r"\s:\s|^[^:]{1,40}:\s")
_ARTICLE_WORD = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)
_HEADLINE_WORDS = 15
# A short title with no auxiliary or speech verb, not opening with an article, is in headline
# grammar: "Texas prisoner captured after week on the run.", "Vincent 'The Chin' Gigante dies in
# prison.", "ATI a potent weapon for AMD in clash with Intel."
_SHORT_TITLE_WORDS = 12
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|did|does"
    r"|do|says|said|been|be|(?:it|there|that|he|she|what|who)['’]s)\b",
    re.IGNORECASE,
)


def title_sentence(article: Article) -> str | None:
    """The article's title when it is a sentence its text does not repeat: some sources keep the
    lead sentence only there (news-please JSON as ECB+ ships it). A headline is not one: no final
    full stop (one closing an abbreviation, "... in the U.S.", does not count), Title Case, a
    question, or too short (:func:`is_fragment`); nor is a kicker ("NCAA : Improper gifts ...")
    or a short line in headline grammar: without an article ("Esther Williams, Olympic swimmer
    turned actress and pinup girl, dies at 91."), or shorter still and without an auxiliary
    ("Texas prisoner captured after week on the run.")."""
    title = article.title.strip()
    if not title or is_fragment(title) or ends_with_abbreviation(title):
        return None
    if _KICKER.search(title) or (
        len(title.split()) <= _HEADLINE_WORDS and not _ARTICLE_WORD.search(title)
    ):
        return None
    if (
        len(words(title)) < _SHORT_TITLE_WORDS
        and title.split()[0] not in ("The", "A", "An")
        and not _AUXILIARY.search(title)
    ):
        return None
    opening = " ".join(words(article.text[: 4 * len(title)]))
    return None if " ".join(words(title)) in opening else title


def _latest_mention(
    candidates: Sequence[Candidate],
    indices: Sequence[int],
    stems: Sequence[str],
    count: Sequence[str] = (),
) -> int | None:
    """The latest standalone candidate of ``indices`` that has one of ``stems``, tried in order,
    and one of the words of ``count`` if any are given ("three boats" for "The three boats").
    None when the candidate right before, not standalone, introduces one anew ("Meanwhile, an
    earthquake hit the area" before "The USGS reported the quake measured magnitude 4.9": not
    "the great 8.8 earthquake" further up). Not one further back: "Normally, a small earthquake
    might last less than a second" is no quake the article tells of."""

    def counted(cand: Candidate) -> bool:
        return not count or any(word in cand.tokens for word in count)

    if indices:
        before = candidates[indices[-1]]
        if (
            not before.standalone
            and counted(before)
            and any(_introduces(before.tokens, wanted) for wanted in stems)
        ):
            return None
    for wanted in stems:
        for c in reversed(indices):
            cand = candidates[c]
            if cand.standalone and wanted in cand.stems and counted(cand):
                return c
    return None


_INDEFINITE = frozenset(("a", "an", "another"))


def _introduces(tokens: Sequence[str], wanted: str) -> bool:
    """Whether ``tokens`` hold the stem ``wanted`` after an indefinite article and at most two
    words ("an earthquake", "a powerful new earthquake")."""
    return any(
        stem(token) == wanted and _INDEFINITE.intersection(tokens[max(0, i - 3) : i])
        for i, token in enumerate(tokens)
    )


def _in_small_letters(text: str, word: str) -> bool:
    """Whether ``text`` uses ``word`` (lower-case) in small letters: as a common noun."""
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


@dataclass(frozen=True, slots=True)
class _Dependence:
    """What a sentence needs before it in a brief."""

    needs_previous: bool
    """The sentence before it in its article."""
    introducer: int | None
    """The earlier candidate that introduced whom or what it refers to."""
    dependent: bool
    """Not standalone: with one of the above, or (with neither) no candidate at all."""


_STANDALONE = _Dependence(False, None, False)


def _dependence(
    text: str,
    position: int,
    mentioned: Container[str],
    introducers: Mapping[str, int | None],
    known: Container[str],
    people: Mapping[str, str],
    common_noun: Callable[[str], bool],
    earlier: Callable[[Sequence[str], Sequence[str]], int | None],
) -> _Dependence:
    """Whom or what a sentence whose opening stands on its own still refers back to, and the
    sentence that introduced them. ``introducers`` maps the people its article has named so far
    to the latest standalone candidate that named them (None: named only in dependent ones);
    ``known`` holds the story's own referents; ``earlier(stems, count)`` is the latest
    standalone candidate of the article with one of ``stems`` (and one of ``count``'s words)."""
    referent = opening_surname(text)
    speaker = speaker_surname(text)
    if referent not in introducers and speaker in introducers:
        referent = None if speaker in mentioned else speaker
    if referent not in introducers:
        # Someone named alone further in ("The jury sentenced Graner to ten years in prison."):
        # with the sentence that named them, where one standalone sentence did.
        inner = {
            name
            for name in inner_surnames(text, introducers, people)
            if name not in mentioned and name not in known
        }
        named_in = {introducers[name] for name in inner}
        if len(named_in) == 1 and None not in named_in:
            referent = min(inner)
    if (
        referent is not None
        and speaker is not None
        and referent in introducers
        and speaker in introducers
        and speaker not in mentioned
        and introducers[speaker] != introducers[referent]
    ):
        # "Page was hardly tawdry, though, Yeager said.": two people introduced in two other
        # sentences, and a unit holds one introduction: no candidate at all.
        return _Dependence(False, None, True)
    told_before = ordinal_referent(text) if position > 0 else []
    count: list[str] = []
    if position > 0 and not told_before:
        count, told_before = counted_referent(text)
        if count and not told_before:
            return _Dependence(True, None, True)  # "The five had been arrested in 2004 ..."
    if position > 0 and not told_before:
        event = event_referent(text, common_noun)
        if event is not None and event[0] not in known:
            told_before = event[1]
    if told_before and referent not in introducers:
        # "The second device ...", "The verdict was ...": with the latest sentence that told of
        # a device (a verdict), else with the sentence before.
        introducer = earlier(told_before, count)
        return _Dependence(introducer is None, introducer, True)
    if referent is None or referent not in introducers:
        if position == 0:
            return _STANDALONE
        # People the article has not mentioned yet: the sentence before introduces them.
        referent = people_referent(text)
        if referent is None or referent in known:
            return _STANDALONE
        if referent not in introducers:
            return _Dependence(True, None, True)
    # Named before; if only in sentences that are not standalone, not a candidate at all.
    return _Dependence(False, introducers[referent], True)


def prepare(articles: Sequence[Article]) -> StoryText:
    """Split a story's articles into candidate sentences and the units a brief is made of.

    Each sentence (and a title that is a lead sentence) is cleaned of datelines and glued
    headings, marked a fragment or not, and told what it depends on (:func:`_dependence`): nothing
    (standalone), the sentence before it, or the earlier sentence that introduced whom it names.
    A unit is a standalone sentence, or a dependent one together with what it needs; fragments,
    and sentences whose need cannot be met, are in no unit.
    """
    candidates: list[Candidate] = []
    by_article: list[list[int]] = []
    doc_freq: Counter[str] = Counter()
    split = [split_sentences_with_paragraphs(article.text) for article in articles]
    known = common_referents(articles, split)
    newest = max((day_of(a.published) for a in articles if a.published is not None), default=None)
    for a, (article, sentences) in enumerate(zip(articles, split, strict=True)):
        indices: list[int] = []
        stated = False  # whether a sentence before this one is no fragment
        seen: set[str] = set()
        # Who the article has named so far: surnames of full names (casefolded) and people nouns
        # -> the latest standalone candidate that named them, if any.
        introducers: dict[str, int | None] = {}
        # Of those, the people named with a first name ("Brady Quinn", not "Banda Aceh"), to
        # their surnames as written.
        people: dict[str, str] = {}
        common_noun = partial(_in_small_letters, article.text)
        earlier = partial(_latest_mention, candidates, indices)  # sees the lists as they grow
        # A headline-only record: its one sentence is the headline, and the story's content.
        title = "" if article.text.strip() == article.title.strip() else article.title
        lead = title_sentence(article) if title else None
        # The title read as a sentence comes first, as a paragraph of its own.
        numbered = ([(-1, -1, strip_dateline(lead))] if lead else []) + [
            (i, p, strip_glued_heading(strip_dateline(t))) for i, (p, t) in enumerate(sentences)
        ]
        ruled = [closed_up(text) for _, _, text in numbered]  # what the rules read
        # A sentence inside a quotation opened by an earlier sentence: its speaker is there.
        quoted = inside_quotations([(p, r) for (_, p, _), r in zip(numbered, ruled, strict=True)])
        for position, (i, paragraph, text) in enumerate(numbered):
            fragment_title = "" if i < 0 else title
            tokens = words(text)
            token_stems = [stem(t) for t in tokens]
            stems = content_stems(tokens, token_stems)
            seen.update(stems)
            rule_text = ruled[position]
            fragment = (
                is_fragment(rule_text, fragment_title)
                or in_writers_voice(rule_text)
                or opens_another_story(rule_text)
            )
            needs_previous = not fragment and (
                quoted[position]
                or needs_context(rule_text, opening=not stated)
                or pronoun_after_fronted_phrase(rule_text, introducers)
            )
            names = list(FULL_NAME_SURNAME.finditer(rule_text))
            mentioned = {name.group(1).casefold() for name in names}
            if fragment or needs_previous:
                dependence = _Dependence(needs_previous, None, needs_previous)
            else:
                dependence = _dependence(
                    rule_text,
                    position,
                    mentioned,
                    introducers,
                    known,
                    people,
                    common_noun,
                    earlier,
                )
                if not dependence.dependent and contrasts_with_previous(rule_text):
                    # Its people need no introduction, but the sentence it sets itself against
                    # does: "Voters, however, appeared reluctant to criticise the government."
                    dependence = _Dependence(True, None, True)
            overtaken = not fragment and _overtaken(rule_text, article.published, newest)
            standalone = not fragment and not dependence.dependent and not overtaken
            # A quotation it opens goes on in the next sentence (also a single-quoted one: "Told
            # the deceased's father, Herbert Flynn Jr : 'I'm glad it's over."): it is shown only
            # with that sentence, and introduces no one to a later one.
            leaves_quote_open = quote_open_after(rule_text, quoted[position]) or (
                position + 1 < len(quoted) and quoted[position + 1]
            )
            introduces = standalone and not leaves_quote_open
            if names:
                people |= people_named(names)
            for key in mentioned | people_mentioned(tokens):
                introducers[key] = len(candidates) if introduces else introducers.get(key)
            indices.append(len(candidates))
            stated = stated or not fragment
            candidates.append(
                Candidate(
                    article=a,
                    index=i,
                    position=position,
                    paragraph=paragraph,
                    text=text,
                    tokens=tokens,
                    token_stems=token_stems,
                    stems=stems,
                    standalone=standalone,
                    needs_previous=dependence.needs_previous,
                    introduced_by=dependence.introducer,
                    fragment=fragment,
                    leaves_quote_open=leaves_quote_open,
                    overtaken=overtaken,
                )
            )
        doc_freq.update(seen)
        by_article.append(indices)
    return StoryText(
        list(articles), candidates, _units(candidates, by_article), by_article, doc_freq
    )


def _overtaken(text: str, published: datetime | None, newest: datetime | None) -> bool:
    """Whether the sentence looks ahead to a day (:func:`anticipated_day`) no later than
    ``newest``, the day of the story's latest article."""
    if published is None or newest is None:
        return False
    looks_to = anticipated_day(text, published)
    return looks_to is not None and looks_to <= newest


def _units(candidates: Sequence[Candidate], by_article: Sequence[Sequence[int]]) -> list[Unit]:
    """A unit for every standalone candidate that closes its quotations, and for every dependent
    one with what it needs: its introducer, or its standalone predecessor in the same paragraph
    (which may leave a quotation open for it to go on with)."""
    units: list[Unit] = []
    for indices in by_article:
        for pos, c in enumerate(indices):
            cand = candidates[c]
            if cand.overtaken:
                continue
            if cand.standalone and not cand.leaves_quote_open:
                units.append(Unit((c,), cand.length, cand.stems))
            elif cand.introduced_by is not None and not cand.leaves_quote_open:
                first = candidates[cand.introduced_by]
                pair = (cand.introduced_by, c)
                units.append(Unit(pair, first.length + cand.length, first.stems + cand.stems))
            elif cand.needs_previous and pos > 0 and not cand.leaves_quote_open:
                prev = candidates[indices[pos - 1]]
                if prev.standalone and prev.paragraph == cand.paragraph:
                    pair = (indices[pos - 1], c)
                    units.append(Unit(pair, prev.length + cand.length, prev.stems + cand.stems))
    return units


# --- similarity, redundancy and corroboration ----------------------------------------------------


def repeats(similarity: np.ndarray, opening: np.ndarray) -> np.ndarray:
    """Which pairs of sentences or units say the same thing, from their content-stem similarity
    and which of them open an article: ``REDUNDANCY_THRESHOLD``, or ``LEAD_REDUNDANCY_THRESHOLD``
    between two openings."""
    both = np.outer(opening, opening)
    return similarity >= np.where(both, LEAD_REDUNDANCY_THRESHOLD, REDUNDANCY_THRESHOLD)


REDUNDANCY_THRESHOLD = 0.5
# An article's lead: its first three sentences (its title read as a sentence counts as one).
LEAD_SENTENCES = 3
# Leads of different outlets retell one event in other words: 0.35 between two leads took the
# ECB+ brief pairs MiniLM rates >= 0.75 from 12 (at 0.4) to 7 at 100 words. Coverage's early-word
# concepts reward more leads, so the bar is now 0.3: brief pairs MiniLM rates >= 0.6 are back to
# where they were without those concepts (BENCHMARKS.md). A lower bar for every pair cost 0.01
# ROUGE-2 on MultiLing at 250 words.
LEAD_REDUNDANCY_THRESHOLD = 0.3
# Two articles' openings of the same day (or undated) tell one event in other words far below
# that: "A suspected Mafia boss arrested Tuesday ... has hanged himself in his prison cell" and "A
# mafioso committed suicide hours after his arrest ..." share few stems. Of the 100-word briefs
# blind readers graded in session 19, 11 of the 15 second openings of a day were flagged as
# repeats, against 16% of other sentences (BENCHMARKS.md).
OPENING_REDUNDANCY_THRESHOLD = 0.15
# A unit most of whose content words the brief's earlier sentences already hold retells a fact
# told with a detail or two added ("A 61-year-old Vancouver man - Eric Allen Kirkpatrick - was
# charged Saturday with one count of first-degree murder ..." after the lead told the charge and
# another sentence his name and age), which no pairwise similarity separates from a new fact.
# Of the sentences blind readers read in session 18, 66% of those at 0.7 or more were flagged as
# repeats, against 23% of all (BENCHMARKS.md).
RETELLING_SHARE = 0.7
# A lead holds the story's main facts, and a later sentence often tells them again with a detail
# added: "T-Mobile is expected to launch the BlackBerry Curve 8900 smartphone in mid-February"
# after the lead "... T-Mobile will offer the BlackBerry Curve 8900 to customers in February"
# (stem cosine 0.47). Shown after another article's lead it is this similar to, a sentence that is
# no lead retells it. A blind read of the 86 ECB+ briefs at 150 words flagged 62 sentences as
# repeats; 14 of the 28 sentences this takes out were among them, and a paired read of the 21
# changed briefs preferred the new one 15 times to 5 (BENCHMARKS.md). Not within one article,
# whose writer tells more after the lead ("An AP/ISOS poll has found three in ten U.S. citizens
# have donated ..."), nor as a bar for redundancy in the selection itself (either sentence a
# lead), which took out leads as often as the sentences retelling them.
LEAD_RETELLING_THRESHOLD = 0.4


def retellings(story: StoryText, shown: Sequence[int]) -> list[int]:
    """The units of ``shown`` (in the order a reader meets them) with at least ``RETELLING_SHARE``
    of their content stems in the units before them, or, not being a lead themselves, at least
    ``LEAD_RETELLING_THRESHOLD`` similar to another article's lead before them."""
    retold_lead = _lead_retold(story, shown)
    told: set[str] = set()
    found: list[int] = []
    for place, unit in enumerate(shown):
        stems = set(story.units[unit].stems)
        if (told and stems and len(stems & told) >= RETELLING_SHARE * len(stems)) or any(
            retold_lead[place, before] and shown[before] not in found for before in range(place)
        ):
            found.append(unit)
        told |= stems
    return found


def may_retell(story: StoryText, units: Sequence[int]) -> bool:
    """Whether :func:`retellings` can find any of ``units`` in some order: whether one has
    ``RETELLING_SHARE`` of its content stems in the others (the units before it hold no more), or
    one that is no lead is ``LEAD_RETELLING_THRESHOLD`` similar to another article's lead.
    Cheaper than ordering the units."""
    stems = [set(story.units[u].stems) for u in units]
    counts = Counter(s for unit_stems in stems for s in unit_stems)
    return any(
        unit_stems and sum(counts[s] > 1 for s in unit_stems) >= RETELLING_SHARE * len(unit_stems)
        for unit_stems in stems
    ) or bool(_lead_retold(story, units).any())


def _lead_retold(story: StoryText, units: Sequence[int]) -> np.ndarray:
    """Pairs (i, j) of ``units`` where unit i, no lead, is ``LEAD_RETELLING_THRESHOLD`` similar
    to unit j, the lead of another article."""
    lead = story.leads(units)
    pairs = np.zeros((len(units), len(units)), dtype=bool)
    if not lead.any() or lead.all():
        return pairs
    article = np.array([story.candidates[story.units[u].members[0]].article for u in units])
    pairs[np.ix_(~lead, lead)] = article[~lead][:, None] != article[lead][None, :]
    if pairs.any():
        pairs &= story.similarity_among(units) >= LEAD_RETELLING_THRESHOLD
    return pairs


SUPPORT_THRESHOLD = 0.5
# A sentence states a point of its own only with this many content stems, and carries another's
# only if they share this many: a one-word sentence ("News.") reaches cosine 0.5 against any
# short sentence that uses the word; "A third was also shot." against any sentence of shootings.
SUPPORT_MIN_STEMS = 3
SUPPORT_MIN_SHARED_STEMS = 2
# Two articles' openings (StoryText.openings) published the same (UTC) day, or undated (a story's
# undated articles are taken to be of its days), tell the same news in each outlet's words: "Pinup
# icon Bettie Page died Thursday evening at a hospital in Los Angeles after ..." and "Yesterday in
# Los Angeles, pin-up icon Bettie Page succumbed to complications from a heart attack ..." (cosine
# 0.46). Between them a point is carried at this lower bar. Not between later sentences: at 0.35
# they share names, not facts ("Christopher Gunness ... said ... no militants" does not report the
# shells Gunness said hit the school). Not between openings of other days, which tell the next
# development with the same names (the fifteen British sailors' release announced, and a day later
# their landing at Heathrow). Blind audit (tests/data/support, `newsdesk eval support`): recall of
# the outlets that state a point 0.368 -> 0.482 (ECB+ dev), 0.264 -> 0.338 (held-out) at precision
# 0.98; the claim members it adds are as often right as the others (BENCHMARKS.md).
OPENING_SUPPORT_THRESHOLD = 0.35
OPENING_SUPPORT_MIN_SHARED_STEMS = 3
# A sentence another outlet printed word for word, or but for a word or two (a "The" for an "A", a
# run-in heading), at least this long and outside quotation marks, is that report copied, not an
# independent confirmation of it.
COPY_MIN_WORDS = 10
COPY_MIN_RATIO = 0.9  # difflib's similarity of the two word sequences
_COUNT_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]+")
NUMBER_WORDS = {
    word: float(value)
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen", "twenty"]
    )
    if value >= 2  # "one" is as often a pronoun ("one of the men")
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0,
     "eighty": 80.0, "ninety": 90.0, "dozen": 12.0}  # fmt: skip
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us", "ours", "mine", "myself"})
_QUOTATION = re.compile(r'["“”]|``|\'\'')


def counts_stated(text: str) -> dict[str, set[float]]:
    """What a sentence counts, by the stem of the word after the number: "seven people were
    killed" gives {"peopl": {7.0}}; "up to 119 - years", {"year": {119.0}}; an age, "61-year-old",
    {"year-old": {61.0}}."""
    tokens = [t.lower() for t in _COUNT_TOKEN.findall(text)]
    counted: dict[str, set[float]] = {}
    for number, noun, after in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False):
        if noun[0].isdigit():
            continue
        if number[0].isdigit():
            try:
                value = float(number.replace(",", ""))
            except ValueError:  # "1.2.3"
                continue
        elif (value_word := NUMBER_WORDS.get(number)) is not None:
            value = value_word
        else:
            continue
        key = "year-old" if noun in ("year", "years") and after == "old" else stem(noun)
        counted.setdefault(key, set()).add(value)
    return counted


def _conflicting_counts(a: dict[str, set[float]], b: dict[str, set[float]]) -> bool:
    """More things counted differently than alike: "14 AK-47 rifles, 31 magazines" against "six
    AK-47 rifles, 12 magazines"; but "three shells landed where 350 people were sheltering"
    against "30 people were killed when three shells landed" tells of the same shells."""
    common = [noun for noun in a if noun in b]
    differ = sum(1 for noun in common if not a[noun] & b[noun])
    return differ > len(common) - differ


def carries_point(story: StoryText, seeds: Sequence[int]) -> np.ndarray:
    """Which candidates (columns) state the point of each seed candidate (rows): content-stem
    cosine of at least ``SUPPORT_THRESHOLD``, at least ``SUPPORT_MIN_STEMS`` content stems of its
    own and ``SUPPORT_MIN_SHARED_STEMS`` in common (``OPENING_SUPPORT_*`` between two articles'
    openings of the same day), and no other count of the same thing ("seven people were killed"
    does not confirm "12 people were killed"). A headline, caption or other fragment confirms
    nothing ("SPACE VIZZION CONCEPT" is a subheading, not the report that the concept has a
    near-50:50 weight distribution). A seed carries its own point."""
    seeds = list(seeds)
    if not seeds:
        return np.zeros((0, len(story.candidates)), dtype=bool)
    vectors, present = story.candidate_vectors, story.candidate_presence
    # The story's matrix on the left, the seeds' few rows dense on the right.
    cosine = np.asarray(vectors @ _dense_rows(vectors, seeds).T).T
    shared = np.asarray(present @ _dense_rows(present, seeds).T).T
    own: np.ndarray = np.diff(present.indptr)  # distinct content stems per candidate
    statement, day, opening = story.statements, story.candidate_days, story.openings
    seed_day = day[seeds][:, None]
    same_day = np.isnan(seed_day) | np.isnan(day)[None, :] | (seed_day == day)
    openings = opening[seeds][:, None] & opening[None, :] & same_day
    carries: np.ndarray = (
        (cosine >= SUPPORT_THRESHOLD) & (shared >= SUPPORT_MIN_SHARED_STEMS)
        | openings
        & (cosine >= OPENING_SUPPORT_THRESHOLD)
        & (shared >= OPENING_SUPPORT_MIN_SHARED_STEMS)
    ) & ((own >= SUPPORT_MIN_STEMS) & statement)[None, :]
    for row, seed in enumerate(seeds):
        if stated := counts_stated(story.candidates[seed].text):
            for c in np.flatnonzero(carries[row]):
                if _conflicting_counts(stated, counts_stated(story.candidates[c].text)):
                    carries[row, c] = False
        carries[row, seed] = True
    return carries


def independent_outlets(reports: Sequence[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The distinct outlets of ``reports`` ((outlet, sentence) pairs, earliest first) that report
    independently, and the further outlets that only printed an earlier outlet's sentence
    (:func:`copied`)."""
    originals: list[tuple[str, list[str]]] = []  # (outlet, words) of reports not copied
    independent: list[str] = []
    copies: list[str] = []
    for outlet, sentence in reports:
        if not outlet:
            continue
        tokens = _copy_words(sentence)
        if tokens and any(o != outlet and _same_words(tokens, t) for o, t in originals):
            copies.append(outlet)
            continue
        if tokens:
            originals.append((outlet, tokens))
        independent.append(outlet)
    independent = list(dict.fromkeys(independent))
    return independent, [o for o in dict.fromkeys(copies) if o not in independent]


def copied(sentence: str, other: str) -> bool:
    """Whether one of two outlets' sentences is the other's, copied: the same words but for one
    or two (an article, a run-in heading), at least ``COPY_MIN_WORDS`` long and not a quotation,
    which outlets print verbatim without copying each other."""
    a, b = _copy_words(sentence), _copy_words(other)
    return bool(a and b) and _same_words(a, b)


def _copy_words(sentence: str) -> list[str]:
    """The words a copy is compared by; none for a short sentence or a quotation (marked, or in
    the first person: "I dated a million guys, ...")."""
    if len(sentence.split()) < COPY_MIN_WORDS or _QUOTATION.search(sentence):
        return []
    tokens = words(sentence)
    return [] if _FIRST_PERSON.intersection(tokens) else tokens


def _same_words(a: list[str], b: list[str]) -> bool:
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= COPY_MIN_RATIO


def supporting_outlets(
    story: StoryText, candidates: Sequence[int], reprints: Mapping[str, Sequence[str]]
) -> list[tuple[list[str], list[str]]]:
    """For each candidate: the distinct outlets whose own articles carry the same point
    (:func:`carries_point`; the cited outlet first), and the further outlets that only reprinted
    one of those articles or copied its sentence (:func:`independent_outlets`)."""
    result = []
    for row, c in zip(carries_point(story, candidates), candidates, strict=True):
        cand = story.candidates[c]
        own = story.articles[cand.article]
        reports = [(own.outlet, cand.text)]
        reprinted = list(reprints.get(own.key, ()))
        carriers = set(np.flatnonzero(row).tolist())
        for a, indices in enumerate(story.sentences_by_article):
            same = [story.candidates[i].text for i in indices if i in carriers]
            if a == cand.article or not same:
                continue
            article = story.articles[a]
            # An article that has the cited sentence, copied, reports it as a copy.
            has_copy = any(copied(cand.text, t) for t in same)
            reports.append((article.outlet, cand.text if has_copy else same[0]))
            reprinted.extend(reprints.get(article.key, ()))
        independent, copying = independent_outlets(reports)
        reprinted = [o for o in dict.fromkeys([*copying, *reprinted]) if o and o not in independent]
        result.append((independent, reprinted))
    return result


# --- methods -------------------------------------------------------------------------------------


class BriefMethod(ABC):
    """A content-selection method: picks units within the word budget."""

    name: str = ""

    @abstractmethod
    def select(self, story: StoryText, max_words: int) -> list[int]:
        """Indices into ``story.units``, non-overlapping, together at most ``max_words`` words."""


def greedy_fill(
    story: StoryText,
    scores: Sequence[float],
    max_words: int,
    already: Sequence[int] = (),
) -> list[int]:
    """Take units by descending score, skipping redundant or overlapping ones, within budget."""
    chosen = list(already)
    used = {m for u in chosen for m in story.units[u].members}
    total = sum(story.units[u].length for u in chosen)
    for u in sorted(range(len(story.units)), key=lambda i: -scores[i]):
        unit = story.units[u]
        if scores[u] <= 0 or total + unit.length > max_words or used.intersection(unit.members):
            continue
        if redundant_with(story, u, chosen):
            continue
        chosen.append(u)
        used.update(unit.members)
        total += unit.length
    return chosen


def redundant_with(story: StoryText, unit: int, chosen: Sequence[int]) -> bool:
    """Whether ``unit`` says what one of the ``chosen`` units already says."""
    return bool(chosen) and bool(story.redundant_among([unit, *chosen])[0, 1:].any())


def unit_vectors(story: StoryText) -> csr_matrix:
    """L2-normalised tf-idf rows (content stems; idf over the story's articles) for every unit."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    n = max(1, story.n_articles)
    for r, unit in enumerate(story.units):
        for term, count in Counter(unit.stems).items():
            col = vocabulary.setdefault(term, len(vocabulary))
            rows.append(r)
            cols.append(col)
            vals.append(count * (math.log(n / max(1, story.doc_freq[term])) + 1.0))
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(story.units), max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def position_prior(story: StoryText) -> np.ndarray:
    """1 / (1 + position in article) of each unit's first sentence: news puts the point first."""
    return np.array([1.0 / (1 + story.candidates[u.members[0]].position) for u in story.units])
