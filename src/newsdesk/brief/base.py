"""What every brief method shares: candidate sentences, coherence filters, redundancy, ordering.

A method only decides *which* candidate units to take (``BriefMethod.select``); this module turns
articles into candidates, keeps the brief coherent and non-redundant, orders it and attaches
citations and corroboration. Units are one sentence, or a sentence that needs its predecessor
("He said ...") together with that predecessor.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import cast

import numpy as np
from scipy.sparse import csr_matrix

from newsdesk.event_time import reported_day
from newsdesk.models import Article, Brief, BriefSentence, Citation, as_utc
from newsdesk.text import (
    ENGLISH_STOPWORDS,
    ends_with_abbreviation,
    split_sentences_with_paragraphs,
    words,
)

STOPWORDS: frozenset[str] = ENGLISH_STOPWORDS | frozenset(
    ["s", "t", "said", "says", "say", "also", "would", "could", "may", "might", "us", "mr", "mrs"]
)


def _load_stemmer() -> Callable[[str], str]:
    """Snowball English from PyStemmer (C, ~50x faster), else NLTK's Porter."""
    try:
        import Stemmer  # type: ignore[import-not-found]

        return cast(Callable[[str], str], Stemmer.Stemmer("english").stemWord)
    except ImportError:  # pragma: no cover - exercised only without PyStemmer
        from nltk.stem.porter import PorterStemmer

        return cast(Callable[[str], str], PorterStemmer().stem)


_STEM = _load_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEM(word) if len(word) > 3 else word


# --- coherence and boilerplate rules -------------------------------------------------------------

_MIN_WORDS = 6
_MAX_WORDS = 80

# Leading dateline: "WASHINGTON (AP) _ ", "BEIJING, Oct. 16 (Xinhua) -- ", "LONDON (Reuters) - ".
# The rest of the sentence is kept: it is still a verbatim substring of the source.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*)*,?\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*(?:\d{4})?\s*)?"
    r"\((?:AP|Reuters|AFP|Xinhua|UPI|CNN|dpa|Bloomberg|[A-Z]{2,6})\)\s*(?:[_\-–—:]+|--)\s*"
    r"|^[A-Z][A-Z .,'\-]{2,40}(?:\s*\([A-Za-z]+\))?\s*(?:_|--|—|–)\s+"
    # "PHNOM PENH, Cambodia _ " (NYT wire: capitalised city, then the country or state).
    r"|^[A-Z][A-Z .'\-]{2,30}, [A-Z][A-Za-z.' \-]{1,30}?\s+(?:_|--)\s+"
    # "Meadow Lake, Saskatchewan – " (place, region, then a dash).
    r"|^[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}\s+[–—]\s+"
)
# Matched against the lower-cased sentence.
_BOILERPLATE_START = re.compile(
    r"(?:photo\b|image:|video:|related:|read more|sign up|follow (?:us|him|her)|subscribe"
    r"|advertisement|share this|sources?:|\(?(?:ap|reuters|afp)\)?\s*[-—–_]|by\s+\w"
    r"|[*•·▪►\-]\s)"  # list bullets
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"click here|all rights reserved|copyright|photo\s*(?:by|:|credit)|reporting by|editing by"
    r"|writing by|additional reporting|https?://|www\.|@\w+\.\w|contributed to this report"
)
_DATE_ONLY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\.?\s+\d{4}|\d{4}[/-]\d{1,2}[/-]\d{1,2}.*)\.?$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!]['\"”’)\]]*$")
# Openers whose referent lies outside the sentence.
_DANGLING_OPENER = re.compile(
    r"^[\"“'‘(]?(?:he|she|they|it|his|her|hers|their|theirs|its|him|them|this|that|these|those"
    r"|such|both|either|neither|another|other|others|the latter|the former|the same|there"
    r"|some of (?:them|those|these|us)|many of (?:them|those|these)|all of (?:them|those|these)"
    r"|but|and|or|so|yet|still|also|however|meanwhile|moreover|furthermore|nevertheless"
    r"|nonetheless|therefore|thus|hence|instead|otherwise|besides|likewise|similarly"
    r"|in addition|as a result|in contrast|at the same time|even so|then|later|earlier"
    r"|here|afterwards|after that|before that|by then|for (?:his|her|their|its) part)\b",
    re.IGNORECASE,
)
_ROLE = (
    r"(?:spokes(?:man|woman|person)|officials?|sources?|man|woman|men|women|minister|group"
    r"|company|agency|statement|report|experts?|analysts?|researchers?|officers?|leaders?"
    r"|organi[sz]ation|ministry|department|government|president|chairman|chief|director"
    r"|team|study|board|committee|survey|letter|move|decision|plan|deal|bill|law|measure"
    r"|latter|former|pair|couple|victims?|suspects?|governor|mayor|judge|prosecutors?|sheriff"
    r"|coach|senator|lawmakers?|ambassador|envoy|commander|lawyers?|attorneys?|witness(?:es)?"
    r"|residents?|family|owners?|firm|driver|pilot)"
)
_SPEECH = r"(?:said|says|say|told|tells|added|adds|stated|noted|explained|insisted|argued|warned)"
# "The spokesman said ...", "The company's statement ..." : a definite description of someone
# the reader has not met.
_DANGLING_DEFINITE = re.compile(
    rf"^[\"“]?the\s+(?:[a-z\-]+\s+){{0,2}}{_ROLE}(?:'s)?\b(?:\s+\w+){{0,3}}\s+{_SPEECH}\b"
    rf"|^[\"“]?the\s+(?:[a-z\-]+\s+){{0,1}}{_ROLE}\s+(?:is|was|has|had|will|would|also)\b"
    r"|^[\"“]?the\s+(?:country|nation|city|state|island|region|province|capital|company|firm"
    r"|group|team|club|party|agency|organi[sz]ation|ministry|government)(?:'s|’s)\s",
    re.IGNORECASE,
)
# Exceptions to the two rules above: existential "there" ("There were no reports of damage")
# points back to nothing, and a definite description made of a name ("The US Geological Survey
# said", "The Ministry of Defence said") tells the reader who is speaking.
_EXISTENTIAL_THERE = re.compile(
    r"^[\"“'‘(]?there\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|must|should"
    r"|seems?|seemed|appears?|appeared|remains?|remained)\b",
    re.IGNORECASE,
)
_NAMED_DEFINITE = re.compile(
    r"^[\"“]?The\s+[A-Z][\w.\-]*(?:'(?!s\b)\w+)*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?[A-Z]"
)
# LDC/DUC wire text writes quotes as ``...'' (TeX style): those count as quote marks too.
_QUOTE_OPEN = re.compile(r"^(?:[\"“‘']|``)")
_QUOTE_MARK = re.compile(r'["“”]|``|\'\'')
# Attribution of a quote to a pronoun or an unnamed definite role: "..., he said."
_PRONOUN_SPEAKER = re.compile(
    rf"[,\"”’']\s*(?:he|she|they|it|the\s+(?:[a-z\-]+\s+)?{_ROLE})\s+{_SPEECH}\b"
    rf"|\b{_SPEECH}\s+(?:he|she|they)\b"
)
_SPEECH_HINT = re.compile(rf"\b{_SPEECH}\b")
_ATTRIBUTION = re.compile(
    rf"\b{_SPEECH}\b|\baccording to\b|\basked\b|\bwrote\b|\bannounced\b|\bdeclared\b",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"^[A-Z0-9]")
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def strip_dateline(text: str) -> str:
    """The sentence without a leading wire dateline ("WASHINGTON (AP) _ ")."""
    match = _DATELINE.match(text)
    if match and match.end() < len(text) - 20:
        return text[match.end() :]
    return text


def is_fragment(text: str, title: str = "") -> bool:
    """True for bylines, datelines, captions, boilerplate, headlines, questions, short bits."""
    tokens = text.split()
    if len(tokens) < _MIN_WORDS or len(tokens) > _MAX_WORDS:
        return True
    lowered = text.lower()
    if _DATE_ONLY.match(text) or _BOILERPLATE_START.match(lowered):
        return True
    if _BOILERPLATE_ANYWHERE.search(lowered):
        return True
    if text.rstrip("\"”’)' ").endswith("?"):
        return True
    if not _TERMINAL.search(text):
        return True
    upper = len(_UPPER.findall(text))
    if upper > 0.5 * (upper + len(_LOWER.findall(text))):
        return True  # ALL-CAPS bylines and slugs
    capitalised = sum(1 for t in tokens if _TITLE_WORD.match(t))
    if capitalised > 0.7 * len(tokens):
        return True  # Title Case headline
    if title and len(tokens) <= len(title.split()) + 3:
        norm_title = " ".join(words(title))
        if norm_title and norm_title in " ".join(words(text)):
            return True
    return False


def needs_context(text: str) -> bool:
    """True when the sentence opens with a reference its reader cannot resolve on its own."""
    if _DANGLING_OPENER.match(text) and not _EXISTENTIAL_THERE.match(text):
        return True
    if _DANGLING_DEFINITE.match(text) and not _NAMED_DEFINITE.match(text):
        return True
    lowered = text.lower()
    if _SPEECH_HINT.search(lowered) and _PRONOUN_SPEAKER.search(lowered):
        return True
    # A quotation whose speaker the sentence does not name.
    return bool(_QUOTE_OPEN.match(text) and not _ATTRIBUTION.search(text))


# The last word of a full name ("Steve Cooley", "Mark Jay Heller", "Yvo de Boer"), and a sentence
# opening with that surname alone ("Cooley said ...", "De Boer repeatedly points out ...", "Ford,
# now an assistant coach, ..."): the reader meets the person only where they were named in full.
_PARTICLE = r"(?:[Dd]e|[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Ll]e|[Ll]a|[Dd]el|[Bb]in)"
_SURNAME_OF_FULL_NAME = re.compile(
    rf"\b[A-Z][a-z]+(?:\s+[A-Z][a-z.]*)*\s+((?:{_PARTICLE}\s+){{0,2}}[A-Z][a-z]{{2,}})\b"
)
_SURNAME_OPENER = re.compile(rf"^((?:{_PARTICLE}\s+){{0,2}}[A-Z][a-z]{{2,}})(?:,|\s+[a-z])")


_NOT_SURNAMES = frozenset(
    [
        "Police",
        "Officials",
        "Authorities",
        "Investigators",
        "Officers",
        "Prosecutors",
        "Witnesses",
        "Firefighters",
        "Rescuers",
        "Doctors",
        "Experts",
        "Analysts",
        "Residents",
        "Scientists",
        "Reports",
        "Sources",
    ]
)


# A definite description of people the article met before: "The player was taken to jail",
# "Police said the Americans did not have paperwork". Outside an article's lead it points back to
# the sentence that introduced them.
# fmt: off
_PEOPLE_NOUNS = (
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "teen",
    "teens", "teenager", "teenagers", "couple", "pair", "victim", "victims", "suspect", "suspects",
    "gunman", "gunmen", "shooter", "attacker", "attackers", "hostage", "hostages", "driver",
    "passenger", "passengers", "missionaries", "sailors", "soldiers", "troops", "workers",
    "miners", "climbers", "tourists", "students", "player", "players", "actor", "actress",
    "singer", "defendant", "defendants", "accused", "survivors", "detainees", "prisoners",
    "inmates", "fugitive", "fugitives", "robber", "robbers", "thieves", "americans", "britons",
    "canadians", "australians", "germans", "russians", "israelis", "palestinians", "iranians",
    "iraqis", "afghans", "pakistanis", "mexicans", "italians", "europeans", "koreans",
)
# fmt: on
_DEFINITE_PEOPLE = re.compile(
    rf"^[\"“]?(?:[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*\s+{_SPEECH}\s+(?:that\s+)?)?"
    rf"the\s+(?:[\w'’\-]+\s+){{0,3}}?({'|'.join(_PEOPLE_NOUNS)})\b"
    r"(?!\s+(?:of|who|whom|whose|that|which|in|at|from|with)\b)",
    re.IGNORECASE,
)
_PEOPLE_WORDS = frozenset(_PEOPLE_NOUNS)


def _people_referent(text: str) -> str | None:
    """The people noun of a definite description a sentence opens with, as a referent key."""
    match = _DEFINITE_PEOPLE.match(text)
    return f"people:{stem(match.group(1).lower())}" if match else None


def _people_mentioned(tokens: Sequence[str]) -> set[str]:
    return {f"people:{stem(t.lower())}" for t in tokens if t.lower() in _PEOPLE_WORDS}


def _opening_surname(text: str) -> str | None:
    """The surname a sentence opens with ("Cooley said", "De Boer points out"), casefolded."""
    match = _SURNAME_OPENER.match(text)
    if match is None or match.group(1) in _NOT_SURNAMES:
        return None
    return match.group(1).casefold()


def quote_open_after(text: str, open_before: bool = False) -> bool:
    """Whether a quotation is still open at the end of ``text`` (straight quotes toggle)."""
    state = open_before
    for char in _QUOTE_MARK.findall(text):
        state = (not state) if char == '"' else char in ("“", "``")
    return state


# --- story model ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    """One source sentence, with the features methods use.

    ``index`` is the sentence's place in the article's text (its citation; -1 for a title read as
    a sentence, see :func:`title_sentence`), ``position`` its place among the article's candidates
    (what position priors read). A candidate that is not ``standalone`` (and not a fragment) is
    shown only after the candidate it depends on: ``introduced_by`` (the sentence that named in
    full the person it calls by surname alone), else its predecessor (``needs_previous``).
    """

    article: int
    index: int
    position: int
    paragraph: int
    text: str
    tokens: list[str]
    stems: list[str]
    standalone: bool
    needs_previous: bool
    introduced_by: int | None = None

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
    _unit_stem_vectors: csr_matrix | None = None
    _unit_similarity: np.ndarray | None = None

    @property
    def n_articles(self) -> int:
        return len(self.articles)

    @property
    def candidate_vectors(self) -> csr_matrix:
        """L2-normalised content-stem counts of every candidate (rows)."""
        if self._candidate_vectors is None:
            self._candidate_vectors = _normalise_rows(self._counts())
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
            self._unit_stem_vectors = _normalise_rows(csr_matrix(membership @ self._counts()))
        return self._unit_stem_vectors

    @property
    def unit_similarity(self) -> np.ndarray:
        """Cosine similarity of content-stem counts between every pair of units."""
        if self._unit_similarity is None:
            self._unit_similarity = self.similarity_among(range(len(self.units)))
        return self._unit_similarity

    def similarity_among(self, units: Sequence[int]) -> np.ndarray:
        """Similarity between the given units only (cheaper than the full matrix): the larger of
        the units' cosine and their most similar pair of sentences, so that a two-sentence unit
        whose second sentence repeats another unit counts as redundant with it."""
        units = list(units)
        vectors = self.unit_stem_vectors[units]
        similarity = np.asarray((vectors @ vectors.T).todense())
        if any(len(self.units[u].members) > 1 for u in units):
            members = [m for u in units for m in self.units[u].members]
            starts = np.cumsum([0] + [len(self.units[u].members) for u in units[:-1]])
            sentences = self.candidate_vectors[members]
            pairs = np.asarray((sentences @ sentences.T).todense())
            # Maximum over each unit's block of sentence pairs (a unit's members are contiguous).
            best = np.maximum.reduceat(np.maximum.reduceat(pairs, starts, axis=0), starts, axis=1)
            similarity = np.maximum(similarity, best)
        return similarity

    def _counts(self) -> csr_matrix:
        if self._candidate_counts is None:
            vocabulary: dict[str, int] = {}
            rows: list[int] = []
            cols: list[int] = []
            vals: list[float] = []
            for r, candidate in enumerate(self.candidates):
                for term, count in Counter(candidate.stems).items():
                    rows.append(r)
                    cols.append(vocabulary.setdefault(term, len(vocabulary)))
                    vals.append(float(count))
            shape = (len(self.candidates), max(1, len(vocabulary)))
            self._candidate_counts = csr_matrix((vals, (rows, cols)), shape=shape)
        return self._candidate_counts


def _normalise_rows(matrix: csr_matrix) -> csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def content_stems(tokens: Sequence[str]) -> list[str]:
    return [stem(t) for t in tokens if t not in STOPWORDS and not t.isdigit()]


def title_sentence(article: Article) -> str | None:
    """The article's title when it is a sentence its text does not repeat: some sources keep the
    lead sentence only there (news-please JSON as ECB+ ships it). A headline is not one: no final
    full stop (one closing an abbreviation, "... in the U.S.", does not count), Title Case, a
    question, or too short (:func:`is_fragment`)."""
    title = article.title.strip()
    if not title or is_fragment(title) or ends_with_abbreviation(title):
        return None
    opening = " ".join(words(article.text[: 4 * len(title)]))
    return None if " ".join(words(title)) in opening else title


def _common_people(
    articles: Sequence[Article], sentences: Sequence[Sequence[tuple[int, str]]]
) -> set[str]:
    """People nouns in the headline or opening sentences of at least two of the story's articles:
    the story's own actors ("the sailors" of a story on 15 British sailors), known to its reader."""
    counts: Counter[str] = Counter()
    for article, split in zip(articles, sentences, strict=True):
        opening = " ".join([article.title, *(text for _, text in split[:2])])
        counts.update(_people_mentioned(words(opening)))
    return {key for key, n in counts.items() if n >= 2}


def prepare(articles: Sequence[Article]) -> StoryText:
    candidates: list[Candidate] = []
    by_article: list[list[int]] = []
    doc_freq: Counter[str] = Counter()
    split = [split_sentences_with_paragraphs(article.text) for article in articles]
    known_people = _common_people(articles, split)
    for a, (article, sentences) in enumerate(zip(articles, split, strict=True)):
        indices: list[int] = []
        seen: set[str] = set()
        quoting, last_paragraph = False, -1
        # Who the article has named so far: surnames of full names (casefolded) and people nouns
        # -> the latest standalone candidate that named them, if any.
        introducers: dict[str, int | None] = {}
        # A headline-only record: its one sentence is the headline, and the story's content.
        title = "" if article.text.strip() == article.title.strip() else article.title
        lead = title_sentence(article) if title else None
        # The title read as a sentence comes first, as a paragraph of its own.
        numbered = ([(-1, -1, lead)] if lead else []) + [
            (i, p, t) for i, (p, t) in enumerate(sentences)
        ]
        for position, (i, paragraph, raw) in enumerate(numbered):
            fragment_title = "" if i < 0 else title
            text = strip_dateline(raw)
            tokens = words(text)
            stems = content_stems(tokens)
            seen.update(stems)
            fragment = is_fragment(text, fragment_title)
            # A sentence inside a quotation opened by an earlier sentence: its speaker is there.
            continues_quote = quoting and paragraph == last_paragraph
            quoting = quote_open_after(text, continues_quote)
            last_paragraph = paragraph
            needs_previous = not fragment and (continues_quote or needs_context(text))
            referent = None
            if not fragment and not needs_previous:
                referent = _opening_surname(text)
                if referent not in introducers and position > 0:
                    referent = _people_referent(text)
                    referent = None if referent in known_people else referent
                    # People the article has not mentioned yet: the sentence before introduces them.
                    needs_previous = referent is not None and referent not in introducers
            by_referent = referent is not None and referent in introducers
            dependent = needs_previous or by_referent
            mentioned = {n.casefold() for n in _SURNAME_OF_FULL_NAME.findall(text)}
            for key in mentioned | _people_mentioned(tokens):
                standalone = not fragment and not dependent
                introducers[key] = len(candidates) if standalone else introducers.get(key)
            indices.append(len(candidates))
            candidates.append(
                Candidate(
                    article=a,
                    index=i,
                    position=position,
                    paragraph=paragraph,
                    text=text,
                    tokens=tokens,
                    stems=stems,
                    standalone=not fragment and not dependent,
                    needs_previous=needs_previous,
                    introduced_by=introducers[referent] if by_referent and referent else None,
                )
            )
        doc_freq.update(seen)
        by_article.append(indices)

    units: list[Unit] = []
    for indices in by_article:
        for pos, c in enumerate(indices):
            cand = candidates[c]
            if cand.standalone:
                units.append(Unit((c,), cand.length, cand.stems))
            elif cand.introduced_by is not None:
                first = candidates[cand.introduced_by]
                pair = (cand.introduced_by, c)
                units.append(Unit(pair, first.length + cand.length, first.stems + cand.stems))
            elif cand.needs_previous and pos > 0:
                prev = candidates[indices[pos - 1]]
                if prev.standalone and prev.paragraph == cand.paragraph:
                    pair = (indices[pos - 1], c)
                    units.append(Unit(pair, prev.length + cand.length, prev.stems + cand.stems))
    return StoryText(list(articles), candidates, units, by_article, doc_freq)


# --- similarity, redundancy and corroboration ----------------------------------------------------


REDUNDANCY_THRESHOLD = 0.5
SUPPORT_THRESHOLD = 0.5


def supporting_outlets(
    story: StoryText, candidates: Sequence[int], reprints: Mapping[str, Sequence[str]]
) -> list[tuple[list[str], list[str]]]:
    """For each candidate: the distinct outlets whose own articles carry the same point (the cited
    outlet first), and the further outlets that only reprinted one of those articles."""
    if not candidates:
        return []
    vectors = story.candidate_vectors
    similarity = np.asarray((vectors[list(candidates)] @ vectors.T).todense())
    result = []
    for row, c in zip(similarity, candidates, strict=True):
        cand = story.candidates[c]
        own = story.articles[cand.article]
        outlets = [own.outlet]
        copies = list(reprints.get(own.key, ()))
        for a, indices in enumerate(story.sentences_by_article):
            if a == cand.article or not indices:
                continue
            if row[indices].max() >= SUPPORT_THRESHOLD:
                article = story.articles[a]
                outlets.append(article.outlet)
                copies.extend(reprints.get(article.key, ()))
        independent = list(dict.fromkeys(o for o in outlets if o))
        reprinted = [o for o in dict.fromkeys(copies) if o and o not in independent]
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
    return bool(chosen) and bool(
        (story.unit_similarity[unit, list(chosen)] >= REDUNDANCY_THRESHOLD).any()
    )


_NO_DATE = datetime.min.replace(tzinfo=UTC)


def _order_keys(
    story: StoryText, unit_ids: Sequence[int]
) -> dict[int, tuple[datetime, int, datetime, int]]:
    """Chronological by event, then by source: the day the unit says its event happened (else
    its article's publication day), then place in the article, then publication time. Of the
    units of one day (or all undated) every lead comes before the details."""
    dates = [as_utc(a.published) for a in story.articles if a.published]
    story_start = min(dates, default=_NO_DATE)
    keys = {}
    for unit in unit_ids:
        first = story.candidates[story.units[unit].members[0]]
        published = story.articles[first.article].published
        if published is None:
            keys[unit] = (_NO_DATE, first.position, _NO_DATE, first.article)
            continue
        text = " ".join(story.candidates[m].text for m in story.units[unit].members)
        when = as_utc(published)
        keys[unit] = (reported_day(text, when, story_start), first.position, when, first.article)
    return keys


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _introductions_first(
    story: StoryText, units: list[int], keys: Mapping[int, tuple[datetime, int, datetime, int]]
) -> list[int]:
    """Of one day, a unit that names a person in full ("Tyler Hansbrough scored 20 points ...")
    comes before a unit that calls them by surname alone ("... shortly after Hansbrough passed
    Phil Ford ..."). Across days chronology wins (moving either unit measured worse against the
    human summaries' order, BENCHMARKS.md)."""
    texts = {u: " ".join(story.candidates[m].text for m in story.units[u].members) for u in units}
    named = {u: {n.casefold() for n in _SURNAME_OF_FULL_NAME.findall(texts[u])} for u in units}
    ordered: list[int] = []
    waiting = list(units)
    moved: set[int] = set()
    while waiting:
        head = waiting[0]
        known = set().union(*(named[u] for u in ordered)) | named[head]
        bare = {w.casefold() for w in _CAPITALISED.findall(texts[head])} - known
        day = keys[head][0]
        introducer = next(
            (u for u in waiting[1:] if bare & named[u] and keys[u][0] == day and u not in moved),
            None,
        )
        if introducer is not None:
            waiting.remove(introducer)
            waiting.insert(0, introducer)
            moved.add(introducer)
        else:
            ordered.append(waiting.pop(0))
    return ordered


def assemble(
    story: StoryText,
    unit_ids: Sequence[int],
    max_words: int,
    method: str,
    reprints: Mapping[str, Sequence[str]],
) -> Brief:
    """Order the chosen units (a unit's sentences stay together) and cite every sentence."""
    keys = _order_keys(story, unit_ids)
    units = _introductions_first(story, sorted(unit_ids, key=keys.__getitem__), keys)
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
