"""Text utilities shared by every stage: paragraphs, news-aware sentence splitting, word tokens.

Sentences are returned verbatim (only surrounding whitespace stripped), so a brief built from them
quotes its sources exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations that end with a period but rarely end a sentence in news text.
_ABBREVIATIONS = _wordset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col capt cmdr sgt cpl pvt adm maj gov sen rep rev hon
    spc pfc sfc ssgt msgt brig cdr ens lcpl
    pres supt insp det atty messrs mme mlle msgr fr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    ave blvd rd hwy
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    u.s u.k u.n e.g i.e a.m p.m
    """
)

# Abbreviations that also end sentences ("... in the U.S. The next day"): split there when the
# next word is a closed-class word that typically opens a sentence.
_TERMINAL_ABBREVIATIONS = _wordset(
    "u.s u.k u.n e.u d.c inc corp co ltd llc plc bros etc a.m p.m jr sr"
)
_SENTENCE_OPENERS = _wordset(
    """
    the a an he she it they we i you this that these those there his her its their our my
    in on at but and however after when while as if yet so for by with from to some many
    """
)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“'‘(\[])")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"([.!?]+|\.\.\.|…)([\"”'’)\]]*)(\s+)")
# Opening quotes include LDC/DUC wire text's TeX-style ``.
_NEXT_STARTS_SENTENCE = re.compile(r"[\"“'‘(\[`]*[A-Z0-9À-Ý]")
_WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)*")


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs: split at blank lines, or at line breaks before a capital."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p and p.strip()]


def ends_with_abbreviation(prefix: str) -> bool:
    """Whether ``prefix`` ends with an abbreviation's full stop ("Mr.", "Jan.", "U.S.", "J.")."""
    match = re.search(r"(?:^|[\s(\"“])([A-Za-z][A-Za-z.]*)\.$", prefix)
    if not match:
        return False
    token = match.group(1).lower()
    if token in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") that are followed by more text.
    return len(token) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def _abbreviation_ends_sentence(prefix: str, rest: str) -> bool:
    """After "U.S." or "Inc.", a capitalised function word ("The", "He") starts a new sentence."""
    match = re.search(r"([A-Za-z][A-Za-z.]*)\.$", prefix)
    if not match or match.group(1).lower() not in _TERMINAL_ABBREVIATIONS:
        return False
    following = re.match(r"[\"“'‘(\[`]*([A-Z][a-z]*)\b", rest)
    return bool(following and following.group(1).lower() in _SENTENCE_OPENERS)


def _split_paragraph(paragraph: str) -> Iterator[str]:
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end_of_sentence = match.end(2)
        rest = paragraph[match.end() :]
        if not rest:
            break
        if not _NEXT_STARTS_SENTENCE.match(rest):
            continue
        prefix = paragraph[start : match.end(1)]
        if (
            match.group(1) == "."
            and ends_with_abbreviation(prefix)
            and not _abbreviation_ends_sentence(prefix, rest)
        ):
            # "U.S. officials", "Mr. Smith", "Jan. 5" continue the sentence.
            continue
        sentence = paragraph[start:end_of_sentence].strip()
        if sentence:
            yield sentence
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        yield tail


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, never across paragraphs."""
    return [s for p in split_paragraphs(text) for s in _split_paragraph(p)]


def split_sentences_with_paragraphs(text: str) -> list[tuple[int, str]]:
    """Like :func:`split_sentences`, with the index of the paragraph each sentence belongs to."""
    return [(i, s) for i, p in enumerate(split_paragraphs(text)) for s in _split_paragraph(p)]


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, internal apostrophes kept)."""
    return [w.lower() for w in _WORD.findall(text)]


def count_of(number: int, noun: str) -> str:
    """``count_of(1, "article")`` is "1 article"; other numbers take a plural "s"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def mentions_any(text: str, phrases: Sequence[str]) -> bool:
    """Whether ``text`` contains any of ``phrases`` as whole words, ignoring case ("US" is not
    found in "because")."""
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(p.casefold())}(?!\w)", folded) for p in phrases if p)
