"""Attribution patterns around a direct quotation ('"...," X said', 'X said: "..."') and the subject
and audience ("told NBC") they capture."""

from __future__ import annotations

import re

from newsdesk.attribute.quotes.marks import ABBREVIATION_DOT
from newsdesk.attribute.quotes.people import capitalised_names
from newsdesk.attribute.quotes.vocabulary import AUX, CUE, POST_ONLY, SHOUTED, TIME

_BAD_SUBJECTS = {"it", "which", "this", "there", "that", "who", "what", "what it", "these"}
# A conjunction left as the subject: "As reported the United Nations, ..." (a missing "by").
_BAD_SUBJECTS |= {"as", "if", "when", "while", "because", "although", "since", "unless", "once"}


_BOUNDARY_WORDS = re.compile(
    r"^.*\b(?:where|when|while|after|before|because|although|but|and|that|as|whom|if)\s+",
    re.IGNORECASE | re.DOTALL,
)
_BRACKETED = re.compile(r"\([^()]*\)")


def _after_boundary(text: str) -> str:
    """``text`` after its last boundary word outside brackets: "SHOA (Hydrographic and
    Oceanographic Service of the Chilean Army)" is one name, its "and" inside the brackets."""
    masked = _BRACKETED.sub(lambda m: "_" * len(m.group()), text) if "(" in text else text
    boundary = _BOUNDARY_WORDS.match(masked)
    return text[boundary.end() :] if boundary else text


# A name and its role in small letters: "Steven Moffat, lead writer and executive producer".
_NAME_AND_ROLE = re.compile(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+,\s+[a-z][a-z\s\-]*")
_LEADING_ADVERBIAL = re.compile(
    r"^(?:In|On|At|After|Before|During|When|While|As|Asked|Speaking|Writing|Responding|Last|"
    r"Earlier|Later|Meanwhile|However|But|And|Also|Still|Now|By|With|Without|Despite|Following)"
    r"\b[^,]*,\s*"  # "By overturning the regulation, Obama said"
)

# A connective without its comma: "However some say as many as a million turned out ...".
_LEADING_CONNECTIVE = re.compile(r"^(?:However|But|And|Yet|Meanwhile)\s+(?=[a-z])")


# A capitalised word of an outlet or audience told: "U.S. News", "E! News" (masked dots allowed).
_OUTLET_WORD = rf"[A-Z][\w.&\-{ABBREVIATION_DOT}]*(?:!(?=\s+[A-Z]))?"
POST_INVERTED = re.compile(
    rf"^\s*[,.!?\-–—]*\s*(?:{CUE}|{POST_ONLY}|{SHOUTED})\s+(?P<subj>[^.;!?\"“”]{{2,120}}?)"
    rf"(?=\s+in\s+a\s+statement|\s+on\s+(?:his|her|its)|,\s+who\b|\s+who\b|,\s+when\b|\s+when\b|"
    rf"\s+to\s+[A-Z]|,\s+to\s+(?:the\s+)?[A-Z]|\s*[.;!?\"“”]|\s*$)"
)
POST_NORMAL = re.compile(
    rf"^\s*[,.!?\-–—]*\s*(?P<subj>[^.;!?\"“”]{{1,160}}?)\s+{AUX}"
    rf"(?P<cue>{CUE}|{POST_ONLY}|{SHOUTED})\b"
    # "Dorsey told NBC10's Rosemary Connors": an outlet's reporter
    rf"(?:\s+(?P<obj>{_OUTLET_WORD}(?:['’]s)?(?:\s+{_OUTLET_WORD})*))?"
)
PRE = re.compile(
    rf"(?P<subj>[^.;!?\"“”]{{1,200}}?)\s+{AUX}(?P<cue>{CUE}|{SHOUTED})\b"
    rf"(?:\s+(?P<obj>(?:the\s+)?{_OUTLET_WORD}(?:\s+{_OUTLET_WORD})*|reporters|[a-z]+(?:\s+[a-z]+)?))?"
    # "commented to AFP," (an outlet spoken to)
    rf"(?:\s+to\s+(?:the\s+)?{_OUTLET_WORD}(?:\s+{_OUTLET_WORD})*)?"
    rf"{TIME}(?:\s+of\s+[^,;\"“”]{{1,60}}?(?=,))?\s*(?:that\s*)?[,:]?\s*$"  # "said of the tremor,"
)
DESCRIBED = re.compile(
    r"(?:described|called|labelled|labeled)\s+(?:by\s+(?P<subj>[^,]+?)\s+)?as\s*$"
)


_NAME_PAIR = re.compile(
    r"\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s+and\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s*"
)

# "X called the detention", "a move in which Britain calls" before a quoted fragment.
CALLED = re.compile(
    rf"(?P<subj>[^.;!?\"“”]{{1,200}}?)\s+{AUX}(?:called|calls)"
    r"(?:\s+(?:him|her|it|them|this|that|(?:the|a|an|his|her|its|their)\s+[a-z][\w\-]*"
    r"(?:\s+[a-z][\w\-]*){0,4}|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*))?\s*$"
)

# "Afterwards he said:": a time adverb without its comma before a pronoun subject.
_ADVERB_BEFORE_PRONOUN = re.compile(
    r"^(?:Afterwards?|Later|Earlier|Then|Now|Still|Again|Also|Today|Yesterday|Meanwhile|"
    r"[A-Z][a-z]+ly)\s+(?=(?:he|she|they|we|I)$)"
)


# An article's dateline opening the sentence is no part of its subject: "Meadow Lake,
# Saskatchewan – The municipal council of a small town ... has said".
_DATELINE = re.compile(
    r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*(?:,\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)?"
    r"\s+[–—]\s+(?=\S+\s+\S)"
    r"|^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[\w.'’\- ]+)?\s+[–—-]\s+(?=\S+\s+\S)"
)


def subject_of(prefix: str, whole: bool = False) -> str | None:
    """The noun phrase before a cue verb, with an appositive role kept ("X, a Y, said").

    ``whole``: the prefix is only the subject (after a closing quote), so commas are kept.
    """
    prefix = prefix.strip()
    if not prefix:
        return None
    if whole:
        return _subject_checks(prefix.strip(" ,"), lower_ok=True)
    prefix = _LEADING_CONNECTIVE.sub("", _LEADING_ADVERBIAL.sub("", prefix))
    prefix = re.sub(r"\s+(?:was|were|is|are|been|be)(?:\s+\w+ly)?$", " <passive>", prefix)
    if prefix.endswith("<passive>"):
        return None
    if _NAME_AND_ROLE.fullmatch(prefix) or prefix.endswith(","):
        cut = prefix  # the "and" of "Steven Moffat, lead writer and executive producer" joins roles
    else:
        cut = _after_boundary(prefix)
    if prefix.endswith(","):
        segments = prefix.rstrip(",").split(",")
        while len(segments) > 1 and re.match(r"\s*(?:who|which|whose)\b", segments[-1]):
            segments.pop()  # "Paula Dobriansky, who is heading the U.S. delegation to Bali,"
        first = 0
        for i, seg in enumerate(segments):
            word = _after_boundary(seg).strip()
            if word[:1].isupper() and word.split()[0] not in ("The", "A", "An"):
                first = i
        name = _after_boundary(segments[first - 1]).strip() if first else ""
        if (segments[first].split() or ["?"])[-1][:1].islower() and re.fullmatch(
            r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+", name
        ):
            # "Marc Garlasco, Human Rights Watch military analyst, said": the role starts with
            # its organisation's name, the speaker is the name before it.
            first -= 1
        if not _NAME_PAIR.fullmatch(segments[first]):  # "Carl Bernstein and Bob Woodward"
            segments[first] = _after_boundary(segments[first])
        cut = ",".join(segments[first:])
    elif "," in cut:
        head, _, tail = cut.rpartition(",")
        # "Name, role said" keeps the role; "clause, subject said" keeps the subject only.
        if not (capitalised_names(head.split(",")[0]) and tail.strip()[:1].isupper()) and not (
            capitalised_names(head.split(",")[0]) and len(head.split(",")) == 1
        ):
            cut = tail
    return _subject_checks(cut.strip())


def _subject_checks(cut: str, lower_ok: bool = False) -> str | None:
    cut = _ADVERB_BEFORE_PRONOUN.sub("", _DATELINE.sub("", cut))
    # "A doctor in the country, however, remarked": the connective is not part of the subject.
    cut = re.sub(r",\s+(?:however|though|meanwhile|too|also|in turn)$", "", cut)
    if not cut or cut.lower() in _BAD_SUBJECTS or len(cut.split()) > 25:
        return None
    if re.search(
        r"[\"“”]|''|\b(?:had|has|have|was|were|is|are|will|would|not|declined to|refused to)\b"
        r"|\b(?:and|or|to|of|by|in|on)$",
        cut,
    ):
        return None
    if (
        not lower_ok
        and cut[0].islower()
        and cut.split()[0]
        not in (
            "a",
            "an",
            "the",
            "he",
            "she",
            "they",
            "we",
            "officials",
            "police",
            "authorities",
            "sources",
            "reports",
            "critics",
            "i",
        )
    ) and not (
        re.match(
            r"^(?:[a-z]+\s+)?(?:officials?|police|authorities|sources?|experts?|prosecutors"
            r"|investigators|witnesses)\b",
            cut,
        )
        # "former U.S. Vice President Al Gore": lower-case modifiers before a capitalised name
        or re.fullmatch(r"(?:[a-z\-]+\s+){1,3}(?:[A-Z][\w.'’\-]*\s+)+[A-Z][\w'’\-]+", cut)
    ):
        return None
    return cut


def outlet_told(obj: str | None, cue: str | None) -> str | None:
    if not obj or cue not in ("told", "tells", "tell") or not obj[:1].isupper():
        return None
    obj = obj.strip(" .,;:")
    if obj.split()[0] in ("The", "the") and len(obj.split()) == 1:
        return None
    return obj


# What follows a closing quote and reads as a clause, not a speaker: "designed for her, died ...".
CLAUSE_AS_SUBJECT = re.compile(r"^\s*(?!(?:a|an|the|his|her|its|their)\b)[a-z][\w\-]*[\s,].*,")

# After "X said" closing an attribution: the end, punctuation or a circumstance; not a new
# content clause ('" Greek Prime Minister George Papandreou said the firebombing was ...').
ENDS_ATTRIBUTION = re.compile(
    r"(?:\s+(?:the\s+|a\s+)?[a-z]+(?=\s+(?:in|on|at|during|after|before)\b|[.,;])"
    r"|\s+[a-z]+\s+[a-z]+(?=[.,;])"  # "... told ISNA news agency."
    r"|\s+(?:[a-z]+\s+){1,2}[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*(?=[.,;]))?"  # "told attorney X."
    rf"{TIME}\s*(?:[.,;:!?\-–—]|$|(?:in|on|at|during|after|before|to|from|of|as|when|while|"
    rf"adding|according|about|with|through|via)\b)"
)
