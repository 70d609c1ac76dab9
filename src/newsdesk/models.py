"""Plain dataclasses passed between pipeline stages.

Data flows one way: sources -> extract -> store -> dedup -> embed -> cluster -> brief -> attribute
-> serve. Every stage takes and returns these types; none reaches into another stage's internals.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from newsdesk.text import quote_open_after


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from: a file (and the record inside it) or a URL."""

    source: str
    record: str | None = None

    def __str__(self) -> str:
        return f"{self.source} [{self.record}]" if self.record else self.source


@dataclass(slots=True)
class Article:
    """One news article after extraction: clean text plus metadata.

    ``key`` is the article's external identifier: the SGML DOCNO, else the JSONL ``id``, else the
    URL, else the file path (plus record). It is what ``newsdesk cluster`` prints.

    ``place_key``: the key is only where the article was read (a file path, a line or record
    number), no id of its own, so a different article may later be read there (a daily export
    overwritten in place); the store then keeps both (see ``Store.add_article``).
    """

    key: str
    title: str
    text: str
    outlet: str
    provenance: Provenance
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    author: str | None = None
    place_key: bool = field(default=False, compare=False)  # how the key was made, not content

    @property
    def content_hash(self) -> str:
        """Hash of the normalised title and text: equal for byte-different copies of one text."""
        return content_hash(self.title, self.text)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


_SPACE = re.compile(r"\s+")


# The earliest representable moment, in UTC: sorts before every date (undated first).
NO_DATE = datetime.min.replace(tzinfo=UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already (as sources produce)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def plausible_limit() -> datetime:
    """The latest publication time to believe: a day past now (time zones and clock skew).

    Compute it once per batch and pass it to :func:`plausible_time`.
    """
    return datetime.now(UTC) + timedelta(days=1)


# Before this, a publication date is a placeholder ("0001-01-01"), not a date: nothing is news
# from before the telegraph, and windows reaching back from year 1 overflow.
EARLIEST_PLAUSIBLE = datetime(1800, 1, 1, tzinfo=UTC)


def plausible_time(published: datetime | None, limit: datetime) -> datetime | None:
    """``published`` in UTC, or None (unknown) when it is later than ``limit`` or earlier than
    :data:`EARLIEST_PLAUSIBLE`.

    For the clocks that age state out (the clustering window, the near-duplicate index): a date
    in the future is a feed's error (a typo'd year), and taken at its word it would retire every
    recent story at once. The article's own ``published`` stays as the source gave it.
    """
    if published is None:
        return None
    moment = as_utc(published)
    return moment if EARLIEST_PLAUSIBLE <= moment <= limit else None


def normalise_for_hash(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def content_hash(title: str, text: str) -> str:
    digest = hashlib.sha256()
    digest.update(normalise_for_hash(title).encode("utf-8"))
    digest.update(b"\x00")
    digest.update(normalise_for_hash(text).encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that could not become an article, and why (one line, for the user)."""

    provenance: Provenance
    reason: str

    def __str__(self) -> str:
        return f"{self.provenance}: {self.reason}"


@dataclass(frozen=True, slots=True)
class TermCounts:
    """Document frequencies for clustering: of ``articles`` placed articles, how many contain
    each term. Kept in the store so a restarted clusterer weighs terms as an uninterrupted one."""

    terms: dict[str, int]
    articles: int


@dataclass(frozen=True, slots=True)
class Citation:
    article_key: str
    outlet: str
    title: str
    url: str | None
    published: datetime | None


@dataclass(slots=True)
class BriefSentence:
    """A sentence of a brief: verbatim source text, its citation, and its corroboration.

    ``supporting_outlets`` are the outlets whose own (independent) articles carry the same point,
    the cited outlet first; ``reprinted_by`` are outlets that only ran a syndicated copy of one of
    those articles: they are listed, but a wire copy counts once.
    """

    text: str
    citation: Citation
    sentence_index: int
    supporting_outlets: list[str] = field(default_factory=list)
    reprinted_by: list[str] = field(default_factory=list)

    @property
    def support(self) -> int:
        """How many distinct independent outlets carry the same point (at least the cited one)."""
        return max(1, len(set(self.supporting_outlets)))

    @property
    def carried_by(self) -> list[str]:
        """Every outlet that ran the point, independent or as a reprint."""
        return list(dict.fromkeys([*self.supporting_outlets, *self.reprinted_by]))


@dataclass(slots=True)
class Brief:
    """The story's summary, and its ``headline``: the title of one of its articles that names it
    best (``newsdesk.brief.headline``); "" in a brief stored before headlines were chosen."""

    sentences: list[BriefSentence]
    max_words: int
    method: str
    headline: str = ""

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def passages(self) -> list[BriefSentence]:
        """The sentences as a reader sees them: each on its own, except that a quotation running
        on from one sentence into the next of its article is one passage ('Enders said, "We want
        to know what happened. We are fully committed ..."'), cited once and carried by the
        outlets that carry all of it."""
        shown: list[BriefSentence] = []
        previous: BriefSentence | None = None
        for sentence in self.sentences:
            if (
                previous is not None
                and sentence.citation.article_key == previous.citation.article_key
                and sentence.sentence_index == previous.sentence_index + 1
                and quote_open_after(shown[-1].text)
            ):
                last = shown[-1]
                shown[-1] = BriefSentence(
                    text=f"{last.text} {sentence.text}",
                    citation=last.citation,
                    sentence_index=last.sentence_index,
                    supporting_outlets=[
                        o for o in last.supporting_outlets if o in sentence.supporting_outlets
                    ],
                    reprinted_by=[o for o in last.reprinted_by if o in sentence.reprinted_by],
                )
            else:
                shown.append(sentence)
            previous = sentence
        return shown


# --- attribution: quotes, entities, claims, timeline -------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote, verbatim, with who said it and who published it.

    ``speaker`` is the fullest form the article gives (name plus role, "Jeffrey Lewis, a nuclear
    expert at the Middlebury Institute"), else a description ("a US official"); ``speaker_name``
    is the bare person or organisation name when there is one.
    """

    text: str
    speaker: str
    speaker_name: str | None
    told_outlet: str | None
    article_key: str
    outlet: str
    published: datetime | None
    direct: bool
    sentence_index: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    article_key: str
    sentence_index: int
    text: str


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or facility, merged across articles and spellings."""

    name: str
    kind: str  # person | organisation | place | facility
    aliases: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)

    @property
    def article_keys(self) -> list[str]:
        return list(dict.fromkeys(m.article_key for m in self.mentions))


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """One sentence that carries a claim, and where it was published."""

    article_key: str
    outlet: str
    sentence_index: int
    text: str
    published: datetime | None


@dataclass(slots=True)
class Claim:
    """Sentences from a story that state the same fact in different words.

    ``outlets`` are the distinct independent outlets (a wire copy or syndicated reprint counts
    once, under its original); ``carried_by`` adds the outlets of those copies. ``lead``: some
    article opens with it (its news). ``retells``: a better corroborated claim of the same day
    says the same in other words (the brief's test for a repeat), so a timeline tells it once.
    """

    text: str
    sources: list[ClaimSource]
    outlets: list[str]
    carried_by: list[str]
    first_outlet: str
    first_published: datetime | None
    lead: bool = False
    retells: bool = False

    @property
    def support(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated development: a claim in the words of one report, credited to that report, and the
    day it says it happened."""

    when: datetime | None  # published
    text: str
    outlet: str
    article_key: str
    sentence_index: int
    support: int
    # The day the report says the development happened ("on Friday"), else the day of ``when``.
    happened: datetime | None = None

    @property
    def day(self) -> datetime | None:
        """When it happened as far as known (timelines stored before ``happened``: first report)."""
        return self.happened or self.when


@dataclass(slots=True)
class StoryAttribution:
    """Who said what in a story, about whom, confirmed by whom, and when."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
