"""Quotation marks and the full stops that are not sentence ends.

Abbreviation dots are masked so the attribution patterns, which stop at a full stop, read through
"Lt." or "U.K."; direct quotations are found as spans between quotation marks, paragraph by
paragraph (a quotation left open continues into the next paragraph)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.text import abbreviation_ends_sentence, ends_with_abbreviation

_OPEN_DOUBLE = '"“”«»„'


@dataclass(slots=True)
class Direct:
    """A direct quotation: the text between its quotation marks."""

    start: int  # offsets into the article body (paragraphs joined with "\n\n")
    end: int


# Stands in for the full stop of an abbreviation inside a sentence ("Lt.", "U.K.", "Rabie A."), so
# the attribution patterns, which stop at a full stop, read through it. Same length: offsets hold.
ABBREVIATION_DOT = "\u2024"


def mask_abbreviations(text: str) -> str:
    """``text`` with each full stop that ends an abbreviation or an initial without ending the
    sentence (as the sentence splitter decides it, newsdesk.text) replaced by ABBREVIATION_DOT,
    as is a full stop inside a word ("Rajanews.com")."""
    out = list(text)
    for m in re.finditer(r"(?<=[A-Za-z])\.", text):
        i = m.start()
        rest = text[i + 1 : i + 80]
        if rest[:1].isalnum():
            out[i] = ABBREVIATION_DOT  # "U.K", "Rajanews.com"
            continue
        prefix = text[max(0, i - 80) : i + 1]
        token = re.search(r"([A-Za-z][A-Za-z.]*)\.$", prefix)
        if (
            token is not None
            and token.group(1)[:1].isupper()  # "Lt.", "Calif.", not "ill." ending a sentence
            and re.match(r"['’]s\b|\s+[\"“'‘(]?[A-Za-z0-9]", rest)
            and ends_with_abbreviation(prefix)
            and not abbreviation_ends_sentence(prefix, rest.lstrip())
        ):
            out[i] = ABBREVIATION_DOT
    return "".join(out)


def unmask(text: str) -> str:
    return text.replace(ABBREVIATION_DOT, ".")


def _single_marks(paragraph: str) -> list[tuple[int, int]]:
    """'…' quotes: an opening ' at a word start and a closing ' not followed by a letter."""
    out = []
    for m in re.finditer(
        r"(?:(?<=^)|(?<=[\s(\[]))['‘](?!(?:s|m|re|ll|ve|d|t)\b)(?=[A-Za-z\[])"
        r"([^'‘’\n]{2,400}?[^\s])['’](?![A-Za-z])",
        paragraph,
    ):
        out.append((m.start(1), m.end(1)))
    return out


def _double_marks(paragraph: str) -> tuple[list[tuple[int, int]], int | None]:
    """Spans inside double quotation marks; also the start of a quote left open at the end."""
    marks = [(m.start(), m.end()) for m in re.finditer(r"''|``|[\"“”«»„]", paragraph)]
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for s, e in marks:
        mark = paragraph[s:e]
        before = paragraph[:s].rstrip()
        after = paragraph[e : e + 1]
        if open_at is None:
            # ECB+ closes with '' but some of its articles also open with it, glued to the word:
            # "''The fall was unsurvivable, '' Inspector Gaskin said."
            glued = mark == "''" and after.isalnum() and (not before or paragraph[s - 1].isspace())
            if mark in ("''", "»") and not glued:
                continue
            if mark == "”" and (not after or not after.strip()):
                continue
            open_at = e
            continue
        opener_like = bool(after) and not after.isspace() and after not in ",.;:!?)]"
        if (
            opener_like
            and mark not in ("''", "”")
            and before
            and before[-1] in ".!?"
            and (after.isupper())
        ):
            # A new quotation starts while one is open: the first ended without its mark.
            spans.append((open_at, len(before)))
            open_at = e
            continue
        spans.append((open_at, s))
        open_at = None
    return spans, open_at


def direct_spans(paragraphs: list[str], offsets: list[int]) -> list[Direct]:
    out: list[Direct] = []
    carry: int | None = (
        None  # article offset where a quote left open in the previous paragraph began
    )
    for p, (para, base) in enumerate(zip(paragraphs, offsets, strict=True)):
        spans, open_at = _double_marks(para)
        if carry is not None:
            if para.lstrip()[:1] in _OPEN_DOUBLE and spans:
                # Multi-paragraph quote: the previous paragraph's quote continues here.
                first = spans.pop(0)
                out.append(Direct(carry, base + first[1]))
            else:
                out.append(Direct(carry, offsets[p - 1] + len(paragraphs[p - 1])))
            carry = None
        out.extend(Direct(base + s, base + e) for s, e in spans)
        taken = [(s, e) for s, e in spans]
        for s, e in _single_marks(para):
            if not any(a <= s < b for a, b in taken):
                out.append(Direct(base + s, base + e))
        if open_at is not None:
            carry = base + open_at
    if carry is not None:
        out.append(Direct(carry, offsets[-1] + len(paragraphs[-1])))
    return sorted(out, key=lambda d: d.start)


def trim_marks(clause: str) -> str:
    """A reported clause without its edge commas and any quotation mark left unpaired at its
    edges (a fragment opening it keeps both marks: '"large waves" have struck ...')."""
    clause = clause.strip(" ,")
    while clause and clause[0] in '"“”' and len(re.findall(r'["“”]', clause)) % 2:
        clause = clause[1:].lstrip()
    while clause and clause[-1] in '"“”' and len(re.findall(r'["“”]', clause)) % 2:
        clause = clause[:-1].rstrip(" ,")
    if len(clause) > 1 and clause[0] in '"“' and clause[-1] in '"”' and clause.count('"') <= 2:
        clause = clause[1:-1].strip(" ,")
    return clause
