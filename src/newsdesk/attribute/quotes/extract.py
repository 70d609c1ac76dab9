"""The entry point: direct quotations and indirect clauses of an article, each attributed to a
speaker, in text order.

:func:`extract_quotes` runs in phases: the people and the quotation-mark spans of the body, the
indirect clauses sentence by sentence (:func:`_indirect_quotes`), then one pass in text order
(:func:`_attribute`) that gives each quotation the speaker its attribution names
(:func:`_attribution`), or the speaker of the indirect clause around it, or of the quote before
it (:func:`_continues`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from newsdesk.attribute.nlp import NLPArg, Span, body_and_sentences, entity_spans
from newsdesk.attribute.quotes.indirect import indirect_clauses
from newsdesk.attribute.quotes.marks import (
    Direct,
    direct_spans,
    mask_abbreviations,
    trim_marks,
    unmask,
)
from newsdesk.attribute.quotes.patterns import (
    CALLED,
    CLAUSE_AS_SUBJECT,
    DESCRIBED,
    ENDS_ATTRIBUTION,
    POST_INVERTED,
    POST_NORMAL,
    PRE,
    outlet_told,
    subject_of,
)
from newsdesk.attribute.quotes.people import Person, find_people
from newsdesk.attribute.quotes.speakers import resolve_speaker
from newsdesk.attribute.quotes.vocabulary import CUE, POST_ONLY
from newsdesk.models import Article, Quote
from newsdesk.text import split_paragraphs


@dataclass(slots=True)
class _Found:
    """A quote found: a direct quotation or an indirect clause, with its speaker (for an indirect
    clause, until ``resolved``, the subject as written)."""

    start: int
    end: int
    text: str
    speaker: str
    speaker_name: str | None
    told: str | None
    direct: bool
    at: int = -1  # body offset of the subject, for resolving it
    resolved: bool = False


@dataclass(slots=True)
class _Doc:
    """An article's body as the attribution reads it."""

    body: str  # the paragraphs joined with "\n\n"
    masked: str  # the body with abbreviation dots masked (marks.mask_abbreviations)
    sentences: list[tuple[int, int, int]]  # (start, end, sentence index)
    spans: list[Span]  # named entities of the body
    people: list[Person]  # persons named outside quotations, and in the headline

    def sentence_of(self, offset: int) -> tuple[int, int, int]:
        """The sentence holding ``offset``: the last one that starts at or before it."""
        best = self.sentences[0] if self.sentences else (0, len(self.body), 0)
        for sent in self.sentences:
            if sent[0] <= offset:
                best = sent
            else:
                break
        return best


class _Around(NamedTuple):
    """A direct quotation's sentence start and the text either side of it in that sentence and
    paragraph, as in the body and as masked (``_m``), same length."""

    s_start: int
    after_at: int
    after: str
    after_m: str
    before: str
    before_m: str


class _Attribution(NamedTuple):
    """The subject an attribution names for a direct quotation (None: none found), its body
    offset, the outlet told and whether it "called" the quotation rather than said it."""

    subject: str | None
    at: int
    told: str | None
    called: bool


def extract_quotes(article: Article, nlp: NLPArg = None) -> list[Quote]:
    """Direct and indirect quotes of an article, in text order, with resolved speakers."""
    paragraphs = split_paragraphs(article.text)
    if not paragraphs:
        return []
    body, sentences = body_and_sentences(article.text)
    offsets = []
    pos = 0
    for para in paragraphs:
        offsets.append(pos)
        pos += len(para) + 2

    body_spans, title_spans = entity_spans([body, article.title or ""], nlp)
    masked = mask_abbreviations(body)
    people = find_people(body, masked, body_spans, title_spans)

    directs = direct_spans(paragraphs, offsets)
    # A name inside a quotation is not who is speaking.
    people = [p for p in people if not any(d.start <= p.start < d.end for d in directs)]
    doc = _Doc(body, masked, sentences, body_spans, people)

    found = _attribute(doc, directs, _indirect_quotes(doc, directs))
    found.sort(key=lambda f: f.start)
    return [
        Quote(
            text=f.text,
            speaker=f.speaker,
            speaker_name=f.speaker_name,
            told_outlet=f.told,
            article_key=article.key,
            outlet=article.outlet,
            published=article.published,
            direct=f.direct,
            sentence_index=doc.sentence_of(f.start)[2],
        )
        for f in found
    ]


_QUOTE_THEN_SENTENCE = re.compile(r"[.!?]\s*(?:''|[\"”])\s+(?=[A-Z])")


def _indirect_quotes(doc: _Doc, directs: list[Direct]) -> list[_Found]:
    """Indirect clauses, sentence by sentence (none inside a direct quotation), their speakers not
    yet resolved."""
    body = doc.body
    indirect: list[_Found] = []
    pieces = []
    for s_start, s_end, _ in doc.sentences:
        # A closing mark after a full stop ends a sentence the splitter may have run on
        # ('... be used for good. \'\' Mr Steele said the blaze ...').
        cuts = [m.end() for m in _QUOTE_THEN_SENTENCE.finditer(body, s_start, s_end)]
        pieces += list(zip([s_start, *cuts], [*cuts, s_end], strict=True))
    for s_start, s_end in pieces:
        text = body[s_start:s_end].rstrip()
        for c_start, c_end, i_subj, i_told in indirect_clauses(text, s_start, doc.spans):
            clause = trim_marks(text[c_start:c_end])
            at = s_start + c_start
            # A clause that is one direct quotation is left to it; one that only opens with a
            # quoted fragment ('According to the BBC, "large waves" have struck ...') is kept.
            if not clause or any(
                d.start - 2 <= at < d.end and d.end >= s_start + c_end - 3 for d in directs
            ):
                continue
            found_at = text.find(i_subj)
            i_at = s_start + found_at if found_at >= 0 else at
            if found_at >= 0 and any(d.start <= i_at < d.end < i_at + 25 for d in directs):
                continue  # a cue ending a quotation: '"They had argued, ... they argued, "'
            indirect.append(_Found(at, s_start + c_end, clause, i_subj, None, i_told, False, i_at))
    return indirect


def _attribute(doc: _Doc, directs: list[Direct], indirect: list[_Found]) -> list[_Found]:
    """The quotes of the article with their speakers: the direct quotations and the indirect
    clauses taken in text order, so that a pronoun or a continuation can find the speaker of the
    quote before it; a direct quotation may replace the indirect clause around it."""
    found: list[_Found] = []
    last: _Found | None = None
    events: list[tuple[int, str, _Found | Direct]] = [(d.start, "d", d) for d in directs]
    events += [(f.start, "i", f) for f in indirect]
    events.sort(key=lambda e: (e[0], e[1]))
    dropped: set[int] = set()
    for _, kind, item in events:
        if kind == "i":
            assert isinstance(item, _Found)
            if id(item) in dropped or any(_overlap(item, f) for f in found):
                continue
            item.speaker, item.speaker_name = resolve_speaker(
                item.speaker, item.at, doc.body, doc.spans, doc.people, last, item.text
            )
            item.resolved = True
            quote: _Found | None = item
            replaced: _Found | None = None
        else:
            assert isinstance(item, Direct)
            quote, replaced = _direct_quote(doc, item, directs, indirect, last)
        if replaced is not None:
            dropped.add(id(replaced))
            found[:] = [f for f in found if f is not replaced]
        if quote is not None:
            found.append(quote)
            last = quote
    return found


def _direct_quote(
    doc: _Doc,
    item: Direct,
    directs: list[Direct],
    indirect: list[_Found],
    last: _Found | None,
) -> tuple[_Found | None, _Found | None]:
    """The quote a direct quotation makes, with its speaker (None: it makes none), and the
    indirect clause around it that the quote replaces (None: none)."""
    body = doc.body
    text = body[item.start : item.end].strip().rstrip(",").strip()
    if not re.search(r"\w", text):
        return None, None
    around = _around(doc, item)
    subj, subject_at, told, called = _attribution(doc, item, text, around, directs)
    container = next((f for f in indirect if f.start <= item.start and item.end <= f.end + 2), None)
    if subj is None and container is not None:
        if len(text) < 0.5 * len(container.text):
            return None, None  # the indirect clause around this fragment is the quote
        if not container.resolved:
            container.speaker, container.speaker_name = resolve_speaker(
                container.speaker, container.at, body, doc.spans, doc.people, last, container.text
            )
        quote = _Found(
            item.start,
            item.end,
            text,
            container.speaker,
            container.speaker_name,
            container.told,
            True,
        )
        return quote, container
    if subj is None:
        if last is not None and _continues(doc, item, text, around, last):
            return (
                _Found(item.start, item.end, text, last.speaker, last.speaker_name, None, True),
                None,
            )
        return None, None
    if (
        container is not None
        and item.start > container.start + 2
        and subject_at > item.end
        and len(text) < 0.5 * len(container.text)
    ):
        # A fragment inside a reported clause attributed after it ('two men, believed to be
        # "management level employees," underwent surgery, X said'): the clause is the quote.
        return None, None
    speaker, name = resolve_speaker(subj, subject_at, body, doc.spans, doc.people, last, text)
    quote = _Found(item.start, item.end, text, speaker, name, told, True)
    return quote, (container if container is not None and not called else None)


def _around(doc: _Doc, item: Direct) -> _Around:
    """The text after a direct quotation up to the next quotation mark or line break, and the
    text of its sentence before it."""
    body, masked = doc.body, doc.masked
    s_start, _, _ = doc.sentence_of(item.start)
    after_at = item.end + 1
    while after_at < len(body) and body[after_at] in "'’":
        after_at += 1  # the second half of a closing '' mark
    # The patterns run on the masked text (abbreviations do not end a subject: '"...,"
    # Oregon State Police Lt. Gregg Hastings said'); what they capture is unmasked.
    after_m = masked[after_at : min(len(body), item.end + 240)].split("\n", 1)[0]
    after_m = re.split(r"[\"“”]|''", after_m, maxsplit=1)[0]
    after = body[after_at : after_at + len(after_m)]
    before_m = masked[s_start : max(s_start, item.start - 1)].rstrip(" \"“'‘`")
    before = body[s_start : s_start + len(before_m)]
    return _Around(s_start, after_at, after, after_m, before, before_m)


def _attribution(
    doc: _Doc, item: Direct, text: str, around: _Around, directs: list[Direct]
) -> _Attribution:
    """Who a direct quotation's attribution names: after it ('"...," said X', '"...," X said'),
    else before it in its sentence ('X said: "..."', 'X called it "..."'), else after the next
    quotation when one sentence quotes twice."""
    body, masked = doc.body, doc.masked
    s_start, after_at, after, after_m, before, before_m = around
    subj: str | None = None
    subject_at = item.start
    told: str | None = None
    called = False
    m = POST_INVERTED.match(after_m)
    if m and m.start("subj") < 12:
        subj = subject_of(unmask(m.group("subj")), whole=True)
        subject_at = after_at + m.start("subj")
    else:
        m2 = POST_NORMAL.match(after_m)
        if (
            m2
            and len(m2.group("subj").split()) <= 30
            and ENDS_ATTRIBUTION.match(after, m2.end())
            # '"... any mind. " Then a co-worker yelled, "Come on ..."', '"... worst affected. ''
            # Rafaat Hindy, from the Egyptian ministry, said : "Despite ..."': a new sentence
            # introducing the next quotation, not this one's attribution.
            and not (
                text[-1:] in ".!?"
                and m2.group("subj").strip()[:1].isupper()
                and re.search(r"[,:]\s*$", after)
                and after_at + len(after) < len(body)
            )
        ):
            subject_at = after_at + m2.start("subj")
            text_of_subject = unmask(m2.group("subj"))
            if CLAUSE_AS_SUBJECT.match(text_of_subject):
                # '" thrilled '' at the offer, Mark said': the subject is the last part.
                head, _, tail = text_of_subject.rpartition(",")
                subject_at += len(head) + 1
                text_of_subject = tail if tail.strip()[:1].isupper() else ""
            if text_of_subject.strip():
                subj = subject_of(text_of_subject, whole=True)
                told = outlet_told(m2.group("obj") and unmask(m2.group("obj")), m2.group("cue"))
    if subj is None:
        m3 = PRE.search(before_m)
        m4 = DESCRIBED.search(before_m)
        if m3 and m3.end() >= len(before) - 1:
            subj = subject_of(unmask(m3.group("subj")))
            if subj is not None:
                subject_at = s_start + before.find(subj, m3.start())
            told = outlet_told(m3.group("obj") and unmask(m3.group("obj")), m3.group("cue"))
        elif m4 and m4.group("subj"):
            subj = unmask(m4.group("subj"))
            subject_at = s_start + m4.start("subj")
        elif (m5 := CALLED.search(before_m)) is not None:
            # 'Tony Blair called the detention "wrong and illegal."': the caller's words.
            subj = subject_of(unmask(m5.group("subj")))
            if subj is not None:
                subject_at = s_start + before.find(subj, m5.start())
                called = True
    following = next((d for d in directs if d.start > item.end), None)
    if subj is None and following is not None:
        # '"A. B" if we are faced with "C," added Larijani.': one sentence quoting twice
        # names its speaker after the second quotation.
        gap = masked[item.end + 1 : following.start - 1]
        tail = masked[following.end + 1 : following.end + 160].split("\n", 1)[0]
        inverted = POST_INVERTED.match(tail)
        if (
            len(gap) < 80
            and not re.search(r"[.!?:;\n]|''", gap)
            and re.search(r"[a-z]", gap)
            and inverted is not None
            and inverted.start("subj") < 12
            and re.search(r"[,.!?]\s*$", body[following.start : following.end].strip())
        ):
            subj = subject_of(unmask(inverted.group("subj")), whole=True)
            subject_at = following.end + 1 + inverted.start("subj")
    return _Attribution(subj, subject_at, told, called)


def _continues(doc: _Doc, item: Direct, text: str, around: _Around, last: _Found) -> bool:
    """Whether a direct quotation with no attribution of its own continues the last speaker."""
    gap = doc.body[last.end : item.start]
    # An unattributed full sentence right after a quote continues that speaker, as does
    # the rest of a quotation its attribution interrupts ('"A," said X, "b ..."') and a
    # quotation introduced by "saying" in the sentence that reported the speaker.
    return (
        (
            len(text.split()) >= 4
            and text[:1].isupper()
            and item.start - last.end < (400 if last.direct else 200)
            # not a title inside a sentence: 'Lin Miaoke, who performed "Ode to ..."'
            and not re.search(r"\b[a-z]+$", around.before)
        )
        or (
            last.direct
            and len(gap) < 200
            and not re.search(r"[.!?]\s|\n", gap)
            and re.search(rf"\b(?:{CUE}|{POST_ONLY})\b", gap) is not None
            and re.search(r",\s*(?:[\"“'‘`]+\s*)?$", gap) is not None
        )
        or (
            last.start >= around.s_start
            and re.search(r",\s+saying(?:\s+that)?\W*$", around.before) is not None
        )
    )


def _overlap(a: _Found, b: _Found) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0.5 * min(a.end - a.start, b.end - b.start)
