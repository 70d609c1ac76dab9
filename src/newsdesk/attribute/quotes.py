"""Direct and indirect quotes with their speakers, from one article's text.

Rule-based and store-free. Direct quotes are found from quotation marks at paragraph level (so a
quote may span sentences and paragraphs), indirect ones from a verb of communication or "according
to" in a sentence. Speakers are resolved within the article: a pronoun to the nearest previous
named person, a surname to its first full mention, which also supplies the role ("Jeffrey Lewis, a
nuclear expert at ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.attribute.nlp import (
    NON_NAME_WORDS,
    NLPArg,
    Span,
    body_and_sentences,
    entity_spans,
    is_title_word,
)
from newsdesk.models import Article, Quote
from newsdesk.text import (
    NAME_PARTICLES,
    abbreviation_ends_sentence,
    ends_with_abbreviation,
    split_paragraphs,
)

_CUES = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "announced",
    "announces",
    "claimed",
    "claims",
    "stated",
    "states",
    "reported",
    "reports",
    "noted",
    "notes",
    "explained",
    "explains",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "argued",
    "argues",
    "speculated",
    "testified",
    "stressed",
    "alleged",
    "alleges",
    "declared",
    "declares",
    "indicated",
    "acknowledged",
    "admitted",
    "suggested",
    "suggests",
    "cautioned",
    "wrote",
    "writes",
    "continued",
    "predicted",
    "tweeted",
    "commented",
    "remarked",
    "mentioned",
    "advised",
]
_CUE = "|".join(sorted(_CUES, key=len, reverse=True))
_POST_ONLY = "continued|wrote|read|asked|added"
_SHOUTED = "screamed|shouted|yelled|exclaimed"  # cues of direct speech only
_AUX = (
    r"(?:(?:has|have|had|also|further|later|earlier|previously|again|then|has also|had also|"
    r"quickly|repeatedly|once|just|reportedly|only|initially|first|publicly|officially|"
    r"privately|simply|merely)\s+)*"  # "British officials only stated": not "officials only"
)
_TIME = (
    r"(?:\s+(?:on\s+|late\s+|early\s+|earlier\s+|last\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+(?:earlier|later|last|this)\s+(?:this\s+)?(?:week|month|year|day)"
    r"|\s+in\s+an?\s+(?:statement|interview|(?:press\s+)?release|letter|speech|news conference|"
    r"email)"
    r"(?:\s+(?:from|on)\s+\w+)?"
    r"|\s+on\s+(?:his|her|its|their)\s+(?:Twitter feed|Web site|website|blog|Facebook page)"
    r"(?:\s+just now)?)*"
)
_PRONOUNS = {"he", "she", "they", "we", "i", "him", "her"}
_BAD_SUBJECTS = {"it", "which", "this", "there", "that", "who", "what", "what it", "these"}
_NOUN_USE = re.compile(
    r"^\s*(?:of|from|on|about(?!\s+\d)|in|to|for|by|and|or|were|was|have|had|are|is|with|"
    r"at(?!\s+(?:least|most)\b))\b"
)
_BOUNDARY_WORDS = re.compile(
    r"^.*\b(?:where|when|while|after|before|because|although|but|and|that|as|whom|if)\s+",
    re.IGNORECASE | re.DOTALL,
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:In|On|At|After|Before|During|When|While|As|Asked|Speaking|Writing|Responding|Last|"
    r"Earlier|Later|Meanwhile|However|But|And|Also|Still|Now)\b[^,]*,\s*"
)

_OPEN_DOUBLE = '"“”«»„'


@dataclass(slots=True)
class _Direct:
    start: int  # offsets into the article body (paragraphs joined with "\n\n")
    end: int


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    text: str
    speaker: str
    speaker_name: str | None
    told: str | None
    direct: bool
    at: int = -1  # body offset of the subject, for resolving it
    resolved: bool = False


_HEADLINE = 10**9  # the offset given to names found in the headline


@dataclass(slots=True)
class _Person:
    name: str
    start: int
    full: str  # name plus role when the article gives one at this mention


# --- abbreviations ------------------------------------------------------------------------------

# Stands in for the full stop of an abbreviation inside a sentence ("Lt.", "U.K.", "Rabie A."), so
# the attribution patterns, which stop at a full stop, read through it. Same length: offsets hold.
_ABBREVIATION_DOT = "\u2024"


def _mask_abbreviations(text: str) -> str:
    """``text`` with each full stop that ends an abbreviation or an initial without ending the
    sentence (as the sentence splitter decides it, newsdesk.text) replaced by _ABBREVIATION_DOT,
    as is a full stop inside a word ("Rajanews.com")."""
    out = list(text)
    for m in re.finditer(r"(?<=[A-Za-z])\.", text):
        i = m.start()
        rest = text[i + 1 : i + 80]
        if rest[:1].isalnum():
            out[i] = _ABBREVIATION_DOT  # "U.K", "Rajanews.com"
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
            out[i] = _ABBREVIATION_DOT
    return "".join(out)


def _unmask(text: str) -> str:
    return text.replace(_ABBREVIATION_DOT, ".")


# --- quotation marks ------------------------------------------------------------------------------


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


def _direct_spans(paragraphs: list[str], offsets: list[int]) -> list[_Direct]:
    out: list[_Direct] = []
    carry: int | None = (
        None  # article offset where a quote left open in the previous paragraph began
    )
    for p, (para, base) in enumerate(zip(paragraphs, offsets, strict=True)):
        spans, open_at = _double_marks(para)
        if carry is not None:
            if para.lstrip()[:1] in _OPEN_DOUBLE and spans:
                # Multi-paragraph quote: the previous paragraph's quote continues here.
                first = spans.pop(0)
                out.append(_Direct(carry, base + first[1]))
            else:
                out.append(_Direct(carry, offsets[p - 1] + len(paragraphs[p - 1])))
            carry = None
        out.extend(_Direct(base + s, base + e) for s, e in spans)
        taken = [(s, e) for s, e in spans]
        for s, e in _single_marks(para):
            if not any(a <= s < b for a, b in taken):
                out.append(_Direct(base + s, base + e))
        if open_at is not None:
            carry = base + open_at
    if carry is not None:
        out.append(_Direct(carry, offsets[-1] + len(paragraphs[-1])))
    return sorted(out, key=lambda d: d.start)


# --- speakers -------------------------------------------------------------------------------------


def _people(body: str, masked: str, spans: list[Span], title_spans: list[Span]) -> list[_Person]:
    """Persons named in the article (``masked``: the body with abbreviation dots masked)."""
    people: list[_Person] = []
    for span in spans:
        if span.label != "PERSON":
            continue
        name = _clean_name(span.text)
        if not name or is_title_word(name.split()[-1]):
            continue  # a role taken for a name: "Brazilian Defence Minister"
        name = _longer_form(name, body)
        role = re.match(
            r",\s+((?:an?|the)\s[^,;\"“”]{3,90}?|(?!(?:with|in|on|at|for|from|to|by|who|which|and|"
            rf"but|as|after|before|when|while|where|{_CUE}|{_POST_ONLY}|[a-z]+ed)\b)"
            r"[a-z][^,;\"“”]{3,90}?)"
            r"(?:,|\.?\s*$|\.\s)",
            masked[span.end :],
        )
        # "Jonathan Hutson, a spokesman for the U.S. advocacy group ...": the role reads through
        # abbreviations.
        full = f"{name}, {_unmask(role.group(1))}" if role else name
        people.append(_Person(name, span.start, full))
        pair = re.fullmatch(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+)\s+and\s+([A-Z].+)", name)
        if pair and len(pair.group(2).split()) > 1:
            # "Laurence Mark and Bill Condon" as one span: each is also a person ("Mark said").
            at = span.start + span.text.find(name)
            people.append(_Person(pair.group(1), at, pair.group(1)))
            people.append(_Person(pair.group(2), at + pair.start(2), pair.group(2)))
    # NER often mislabels a lone surname as an organisation or place ("Weitz", "Hardwicke"): one
    # that is the surname of a person named in the article or headline is that person.
    surnames = {
        _clean_name(s.text).split()[-1]
        for s in [*spans, *title_spans]
        if s.label == "PERSON" and len(_clean_name(s.text).split()) > 1
    }
    for span in spans:
        if span.label in ("ORG", "GPE", "LOC", "NORP") and _clean_name(span.text) in surnames:
            people.append(_Person(_clean_name(span.text), span.start, _clean_name(span.text)))
        elif span.label in ("ORG", "FAC", "GPE", "LOC", "NORP") and _TITLED_NAME.fullmatch(
            span.text
        ):
            # "Qeshm Governor Mehdi Irannejad" taken for a facility: a title before a two- or
            # three-word name makes it a person, the title their role.
            name = _clean_name(span.text)
            people.append(_Person(name, span.start + span.text.rfind(name), span.text))
    # A lone surname is a mention of the person named in full, where the NER (or the fallback,
    # which drops a sentence-initial word) did not mark it: "Rasmussen did better ... he said".
    marked = {p.start for p in people}
    for full in {p.name for p in people if len(p.name.split()) > 1 and " and " not in p.name}:
        surname = full.split()[-1]
        for m in re.finditer(rf"\b{re.escape(surname)}\b", body):
            if not any(abs(m.start() - x) <= len(full) for x in marked):
                people.append(_Person(surname, m.start(), surname))
    people.sort(key=lambda p: p.start)
    for span in title_spans:
        if span.label == "PERSON" and _clean_name(span.text):
            # Headline names help resolve surnames but are never "previous" mentions.
            people.append(_Person(_clean_name(span.text), _HEADLINE, _clean_name(span.text)))
    return people


_TITLED_NAME = re.compile(
    r"(?:[A-Z][a-z]+\s+)*(?:Governor|President|Minister|Mayor|Senator|Chancellor|Judge|Sheriff|"
    r"Commissioner)\s+[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,2}"
)


def _clean_name(text: str) -> str:
    # "Michael Rasmussen of Denmark" (the fallback joins "of" runs): the name before "of".
    text = re.sub(r"^((?:[A-Z][\w'’\-]+\s+){1,3}[A-Z][\w'’\-]+)\s+of\s+[A-Z].*$", r"\1", text)
    tokens = [t for t in re.sub(r"['’]s$", "", text.strip()).split() if t]
    titles = [i for i, t in enumerate(tokens[:-1]) if is_title_word(t)]
    if titles:
        tokens = tokens[titles[-1] + 1 :]
    # Only the trailing run of name words: "Yellow jersey Rasmussen" (a headline) -> "Rasmussen".
    keep = len(tokens)
    while keep > 0 and _name_word(tokens[keep - 1]):
        keep -= 1
    if keep < len(tokens):
        tokens = tokens[keep:]
        while tokens and not tokens[0][:1].isupper():
            tokens = tokens[1:]
    return " ".join(tokens).strip(" ,.")


def _name_word(token: str) -> bool:
    return (
        token[:1].isupper()
        or token[:1].isdigit()
        or token.lower() in NAME_PARTICLES
        or token in ("and", "&")
        or re.match(r"[a-z]+-[A-Z]", token) is not None
    )


_FEMALE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Lady|Dame|Queen|Princess|actress|spokeswoman|chairwoman|businesswoman|"
    r"congresswoman|sister|mother|daughter|wife|widow|grandmother)\b\.?,?\s*$"
)
_FEMALE_NOUN = r"\b(?:spokeswoman|woman|chairwoman|businesswoman|mother|wife|daughter|sister)\b"
_MALE_NOUN = r"\b(?:spokesman|man|chairman|businessman|father|husband|son|brother)\b"
_MALE = re.compile(
    r"\b(?:Mr|Sir|Lord|King|Prince|spokesman|chairman|businessman|congressman|brother|father|"
    r"son|husband|widower|grandfather)\b\.?,?\s*$"
)


def _gender(name: str, body: str, people: list[_Person]) -> str | None:
    """ "m", "f" or None (unknown) for a person, from what the article itself says: an honorific or
    a gendered role right before a mention ("Mrs Smith", "spokeswoman Ann Lee"), else the first
    possessive pronoun after a mention in its sentence, before anyone else is named."""
    surname = name.split()[-1]
    relatives = {
        p.name for p in people if p.name.split()[-1] == surname and len(p.name) > len(surname)
    }
    # Family members share a surname ("Kimani Gray", his sister "Mahnefah Gray"): full names only.
    form = name if len(relatives - {name}) else surname
    votes = {"m": 0, "f": 0}
    starts = sorted(p.start for p in people if p.start < _HEADLINE)
    for m in re.finditer(rf"\b{re.escape(form)}\b", body):
        context = body[max(0, m.start() - 40) : m.start()].split(",")[-1]
        if _FEMALE.search(context):
            votes["f"] += 2
        elif _MALE.search(context):
            votes["m"] += 2
        limit = next((x for x in starts if x > m.end()), len(body))
        rest = re.split(r"(?<=[.!?])\s", body[m.end() : limit], maxsplit=1)[0]
        pronoun = re.search(r"\b(his|her|he|she)\b", rest, re.IGNORECASE)
        if pronoun is not None:
            votes["m" if pronoun.group(1).lower() in ("his", "he") else "f"] += 1
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _full_person(name: str, people: list[_Person]) -> _Person | None:
    """The first mention giving the fullest name that ``name`` (maybe a surname) refers to."""
    tokens = name.split()
    if not tokens:
        return None
    last = tokens[-1]
    found = [
        p for p in people if p.name.split()[-1:] == [last] and len(p.name.split()) >= len(tokens)
    ]
    if len(tokens) == 1 and all(len(p.name.split()) == 1 for p in found):
        # Family name first ("Ban Ki-moon ... Mr. Ban said"): a full name opening with it.
        found = [
            p
            for p in people
            if p.name.split()[0] == last and len(p.name.split()) > 1 and " and " not in p.name
        ] or found
    if len(tokens) > 1 and not any(
        p.name != name and set(tokens) <= set(p.name.split()) for p in found
    ):
        # A full name is that person, not a relative sharing the surname ("his grandmother,
        # Margaret Sperry" after "Royal Marine Adam Sperry"); "Inspector Gaskin" still finds
        # "Inspector Dave Gaskin".
        same = next((p for p in found if p.name == name), None)
        if same is not None:
            return same
    # A longer form in the body first, else in the headline (its NER is less reliable).
    return max(
        found,
        key=lambda p: (len(p.name.split()) > len(tokens), p.start < _HEADLINE, len(p.name.split())),
        default=None,
    )


_ROLE_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<role>The\s+(?:[A-Z][a-z]+\s+)?(?P<title>[A-Z][a-z]+))\s+"
    r"(?:[a-z]+\s+)?(?:[a-z]+(?:s|ed)|went|told|spoke|said)\b"
)


def _role_opening_sentence(at: int, body: str, before: list[_Person]) -> tuple[str, int] | None:
    """A definite role opening the sentence at ``at`` or the one before, with no one named after
    it ("The President went on to accuse ..."): (the role, its offset)."""
    stops = [m.end() for m in re.finditer(r"[.!?][\"”'’]*\s", body[:at])]
    start = stops[-2] if len(stops) > 1 else 0
    found = None
    for m in _ROLE_OPENING.finditer(body, start, at):
        if is_title_word(m.group("title")):
            found = m
    if found is None or any(p.start > found.start() for p in before):
        return None
    return found.group("role"), found.start("role")


def _resolve(
    subject: str,
    at: int,
    body: str,
    body_spans: list[Span],
    people: list[_Person],
    last_speaker: _Found | None,
) -> tuple[str, str | None]:
    """Speaker text and name for a subject found at body offset ``at``."""
    subject = subject.strip(" ,:;\"“”'")
    cut, subject = _without_circumstances(subject)
    at += cut
    low = subject.lower()
    before = [p for p in people if p.start < at]
    if low == "it":
        if last_speaker is not None and not any(
            p.name == last_speaker.speaker_name for p in people
        ):
            return last_speaker.speaker, last_speaker.speaker_name
        return subject, None
    if low in _PRONOUNS:
        if low in ("they", "we") and last_speaker is not None:
            return last_speaker.speaker, last_speaker.speaker_name
        wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(low)
        if (
            wanted is not None
            and last_speaker is not None
            and not any(p.name == last_speaker.speaker_name for p in people)
            and re.search(_FEMALE_NOUN if wanted == "f" else _MALE_NOUN, last_speaker.speaker)
        ):
            return last_speaker.speaker, None  # "a France Telecom spokeswoman said ... she said"

        def fits(candidate: _Person) -> _Person | None:
            if wanted is not None and " and " in candidate.name:
                return None  # "he" is not "Alejandro Valverde and Iban Mayo"
            last = last_speaker
            if (
                last is not None
                and last.start <= candidate.start < last.end
                and any(p.name == last.speaker_name for p in people)
            ):
                return None  # named inside what a person just said: "Payton said ... Bush ..."
            person = _full_person(candidate.name, people) or candidate
            ok = wanted is None or _gender(person.name, body, people) in (wanted, None)
            return person if ok else None

        opening = _role_opening_sentence(at, body, before)
        if wanted is not None and opening is not None:
            # "The President went on to ... . He added that ...": the role that opens the
            # sentence (or the one before), not a person named in between or before it.
            speaker, name = _resolve(opening[0], opening[1], body, body_spans, people, last_speaker)
            if name is not None and not is_title_word(name.split()[-1]):
                return speaker, name
        for i in range(len(before) - 1, -1, -1):
            person = fits(before[i])
            if person is None:
                continue
            # The subject of that sentence rather than a person it mentions later ("Zhang Yimou
            # ... praised Lin ... he said"): the first fitting person of the sentence.
            stops = list(re.finditer(r"[.!?][\"”'’]*\s", body[: before[i].start]))
            sentence_start = stops[-1].end() if stops else 0
            for earlier in before[:i]:
                lead = body[sentence_start : earlier.start].split()
                # Only a name that opens the sentence (maybe after a role word), not a modifier
                # ("The Hall report found ...").
                if (
                    earlier.start >= sentence_start
                    and len(lead) <= 2
                    and not any(w.lower() in ("the", "a", "an") for w in lead)
                    and (first := fits(earlier)) is not None
                ):
                    person = first
                    break
            return _with_role(person, people), person.name
        return subject, None
    role = re.fullmatch(
        # "the Brazilian defence minister": a capitalised modifier before the role words
        r"(?:the|The|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+((?:[A-Z][a-z]+\s+)?[a-z]+(?:\s+[a-z]+)?|"
        r"[A-Z][a-z]+)",
        subject,
    )
    if role and is_title_word(role.group(1).split()[-1]):
        word = role.group(1).split()[-1].lower()
        # The person given that role before, else soon after ("her spokesman said ...
        # spokesman Harlan Boll said").
        after = [p for p in people if at < p.start < at + 600]
        for person in [*reversed(before), *after]:
            context = body[max(0, person.start - 40) : person.start].lower() + person.full.lower()
            if word in context:
                full = _full_person(person.name, people) or person
                return _with_role(full, people), full.name
        # No one named with that role: the description that introduced it ("a France Telecom
        # spokeswoman who asked not to be named ... the spokeswoman said").
        intro = re.findall(rf"\b[Aa]n?\s+((?:[A-Z][\w.&\-]*\s+)+{word})\b", body[:at])
        if intro:
            return f"a {intro[-1]}", None
    described = _described_person(subject, at, body, people)
    if described is not None:
        return described
    if low in ("police", "the police"):
        # "According to police": the one police force the article names, if only one.
        forces = set(_POLICE_FORCE.findall(body))
        return subject, forces.pop() if len(forces) == 1 else None
    organisation = _described_organisation(subject, at, body, body_spans)
    if organisation is not None:
        return f"{organisation}, {_LEADING_THE.sub('the ', subject)}", organisation
    if last_speaker is not None and re.fullmatch(
        rf"(?:the|The)\s+(?:[a-z\-]+\s+)?(?:{_DOCUMENTS})", subject
    ):
        # "the communique says": the document of whoever was just reported issuing it.
        return last_speaker.speaker, last_speaker.speaker_name
    if _FINDINGS_SOURCE.search(subject):
        return subject, None  # "The Hall report", "Two inquiries into ...": a document, no person
    end = at + len(subject) + 2
    someone_elses = _someone_elses(subject, at, body_spans, people)
    if someone_elses is not None:
        return someone_elses
    inside = [s for s in body_spans if s.label == "PERSON" and at - 2 <= s.start and s.end <= end]
    names = [_clean_name(s.text) for s in inside if _clean_name(s.text)]
    # A role NER took for a name ("Brooklyn Councilman" before "Jumaane Williams") is not one.
    names = [
        n for n in names if not (is_title_word(n.split()[-1]) or n.split()[-1] in _ROLE_WORDS)
    ] or names
    if not names:
        # A surname the NER did not label as a person ("Ammon continued").
        known = [n for n in _capitalised_names(subject) if _full_person(n, people)]
        names = known[:1]
    if not names and re.match(r"^(?:[Aa]n?|[Tt]he)\s", subject) and subject.split()[-1].islower():
        return subject, None  # a description: "a US official", "the spokesman"
    if not names and not any(
        s.label != "PERSON" and at - 2 <= s.start and s.end <= end for s in body_spans
    ):
        names = _capitalised_names(subject)
    if names:
        # Two speakers ("Laurence Mark and Bill Condon") stay as written.
        if len(names) > 1 and " and " in subject:
            return subject, " and ".join(
                (_full_person(n, people) or _Person(n, at, n)).name for n in names
            )
        name = names[0]
        tail = subject.rsplit(",", 1)[-1].strip()
        if tail in names[1:] and len(tail.split()) > 1:
            name = tail  # "the ... fire chief, James Steele" (not "..., WCCO-TV, Ch. 4")
        match = _full_person(name, people)
        full_name = match.name if match is not None else _longer_form(name, body)
        if full_name in subject:
            return subject, full_name
        return (_with_role(match, people) if match else subject), full_name
    head = _clean_name(subject.split(",")[0])
    org = [
        s.text
        for s in body_spans
        if s.label in ("ORG", "GPE", "NORP", "MISC", "FAC", "LOC")
        and at - 2 <= s.start
        and s.end <= end
    ]
    if (
        "," in subject
        and re.fullmatch(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2}", head)
        and (head not in org)
    ):
        return subject, head  # "Charlotte Streck, the director of ..." missed by NER
    named = _ROLE_THEN_NAME.search(subject)
    if named is not None and (
        is_title_word(named.group("role")) or named.group("role").title() in _ROLE_WORDS
    ):
        # "French navy spokesman Hugues du Plessis d'Argentre", a name NER took for an
        # organisation: the name after the role, not "French".
        return subject, named.group("name")
    if org:
        return subject, _longest_org(org[0], body_spans, body)
    return subject, None


_ROLE_THEN_NAME = re.compile(
    r"\b(?P<role>[a-z]+)\s+(?P<name>[A-Z][\w'’\-]+"
    r"(?:\s+(?:[A-Z][\w'’\-]+|de|du|da|del|della|van|von|al|le|la|d['’][A-Z][\w'’\-]+))+)$"
)


_POLICE_FORCE = re.compile(r"\b(?!The\b)(?:[A-Z][\w\-]*\s+)+Police\b|\b[A-Z]{1,4}PD\b")
_DOCUMENTS = "statement|communique|communiqué|release|report|letter|memo|document|filing|notice"
_ORG_NOUNS = (
    "company|firm|group|agency|organisation|organization|ministry|department|studio|network|"
    "commission|committee|council|party|team|club|league|bank|union|government|court|board|"
    "foundation|institute|university|newspaper|paper|airline|channel|station|broadcaster|giant"
)


_ANY_ORG = {"company", "firm", "group", "agency", "organisation", "organization", "studio", "giant"}


# Capitalised role words NER takes for names (newsdesk.attribute.nlp's titles lack them).
_ROLE_WORDS = {
    "Councilman",
    "Councilwoman",
    "Councillor",
    "Councilor",
    "Alderman",
    "Assemblyman",
    "Assemblywoman",
    "Congressman",
    "Congresswoman",
    "Spokesman",
    "Spokeswoman",
}
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LEADING_DAY = re.compile(
    rf"^(?:(?:On|Late|Early|Last)\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=[A-Z])"
)
_TRAILING_CIRCUMSTANCE = re.compile(
    # "... on Wednesday", "... in a press release following the riot", "... to the House of
    # Commons", "King emphatically" (after a capitalised word only)
    rf"(?<=[\w.)])(?:{_TIME[3:-2]}"
    r"|\s+in\s+an?\s+(?:(?:press\s+)?(?:statement|release|conference)|interview|letter|speech|"
    r"email|e-mail|post|video|broadcast)\b[^,;\"“”]*"
    r"|\s+to\s+the\s+[A-Z][\w'’\-]*(?:\s+(?:of|for|and|[A-Z][\w'’\-]*))*)+$"
)
_TRAILING_ADVERB = re.compile(
    r"(?P<name>\b[A-Z][\w'’.\-]*)\s+(?!(?:family|ally|assembly|rally|supply|daily|weekly|monthly|bully|"
    r"only|early|italy)\b)[a-z]{2,}ly$"
)


def _without_circumstances(subject: str) -> tuple[int, str]:
    """(characters cut at the start, the subject) without a day opening it ("On Tuesday Prime
    Minister ... Tony Blair") or a time, a document, an audience or an adverb closing it ("Iranian
    President Mahmoud Ahmadinejad on Wednesday", "... Margaret Beckett to the House of Commons",
    "King emphatically")."""
    cut = 0
    lead = _LEADING_DAY.match(subject)
    if lead is not None and len(subject) > lead.end():
        cut, subject = lead.end(), subject[lead.end() :]
    trimmed = _TRAILING_ADVERB.sub(r"\g<name>", _TRAILING_CIRCUMSTANCE.sub("", subject))
    if not re.search(r"[A-Z]", trimmed) or not trimmed.strip():
        return cut, subject
    return cut, trimmed


# Heads of a description of someone acting for, or related to, whoever it names.
_AGENT_NOUNS = (
    r"(?:reps?|representatives?|publicists?|lawyers?|attorneys?|spokes(?:man|men|woman|women|person|"
    r"people)|website|site|council|aides?|director|president|manager|agent|advis[eo]rs?|assistant|"
    r"secretary|minister|officials?|office|staff|campaign|camp|supporters?|friends?|relatives?|"
    r"family|sister|brother|mother|father|wife|husband|son|daughter|uncle|aunt|nephew|niece|cousin|"
    r"grandmother|grandfather|widow|girlfriend|boyfriend|fianc[eé]e?|partner|doctor|physician|coach|"
    r"teammates?|colleagues?|neighbou?rs?|ambassador|envoy|commander|deputy|chief|head)"
)
_OWNED = re.compile(
    # "Reid's rep", "Lindsay Lohan's attorney", "Tara Reid's representative Jack Ketsoyan"
    r"(?:[^,]*?\s)?(?P<owner>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)['’]s?"
    rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}{_AGENT_NOUNS}"
    r"(?:\s+(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w.'’\-]*)*))?"
)
_DESCRIPTION_OF = re.compile(
    # "a spokesperson for ...", "The president of ...", "a news website run by ..."
    rf"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’\-]+\s+){{0,3}}?{_AGENT_NOUNS}"
    r"\s+(?:run\s+by|close\s+to|working\s+for|representing|for|of|to|at|from|in|with|by)\s"
)
_OBJECT_NAME = re.compile(
    r".*?\b(?:by|for|of|to|at|from|in|with|representing)\s+(?:the\s+)?"
    r"(?P<run>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)"
)
_ORG_WORDS = re.compile(
    rf"\b(?:{_ORG_NOUNS}|[Ee]mbassy|[Mm]inistry|[Pp]roject|[Oo]ffice|[Cc]enter|[Cc]entre|[Ii]nc|"
    r"[Cc]orp|[Aa]ssociation|[Ff]und|[Pp]rogramme|[Pp]rogram|[Ss]ervices?|[Aa]rmy|[Nn]avy|[Ff]orces?|"
    r"[Pp]olice|[Hh]ospital|[Cc]linic|[Ss]chool|[Cc]ollege)$"
)


def _someone_elses(
    subject: str, at: int, spans: list[Span], people: list[_Person]
) -> tuple[str, str | None] | None:
    """Speaker and name when the names in ``subject`` are whom the speaker works for or belongs to,
    not the speaker: a possessor ("Reid's rep", "Lindsay Lohan's attorney") or the object of a
    preposition after a description ("a spokesperson for British Prime Minister Tony Blair", "The
    president of South Sudan"). The description is the speaker; a name after it is the speaker's
    ("Ms. Davis's sister Crystal"). An organisation named there is left to the other rules ("a
    spokesman for the U.S. Embassy"), as are titles before a name ("Secretary of Defense Donald
    Rumsfeld") and an appositive ("..., John Smith")."""
    end = at + len(subject) + 2
    orgs = {
        _LEADING_THE.sub("", s.text)
        for s in spans
        if s.label in ("ORG", "FAC") and at - 2 <= s.start and s.end <= end
    }
    owned = _OWNED.fullmatch(subject)
    if owned is not None:
        owner = owned.group("owner")
        if owner in orgs or _ORG_WORDS.search(owner) or is_title_word(owner.split()[-1]):
            return None
        name = owned.group("name")
        if name is None:
            return subject, None
        person = _full_person(name, people)
        return subject, person.name if person is not None else name
    described = _DESCRIPTION_OF.match(subject)
    if described is None or "," in subject or re.search(r"\s[A-Z]", described.group()):
        return None  # "A United Nations official in Gaza": the organisation named first stays
    obj = _OBJECT_NAME.fullmatch(subject)
    if obj is None:
        return None
    run = obj.group("run")
    if run in orgs or _ORG_WORDS.search(run):
        return None
    name = _clean_name(run)
    if name != run and not is_title_word(run[: len(run) - len(name)].split()[-1]):
        return None  # "the 2006 Tour de France Floyd Landis": the name is not the object
    return subject, None


def _longest_org(name: str, spans: list[Span], body: str) -> str:
    """An organisation's fullest form in the article: "The Journal-Constitution" -> "The Atlanta
    Journal-Constitution" (a longer ORG mention ending with the same word)."""
    expanded = _expand_acronym(_LEADING_THE.sub("", name), body)
    if expanded is not None:
        return expanded
    last = name.split()[-1].lower()
    longer = [
        s.text
        for s in spans
        if s.label == "ORG"
        and s.text.split()[-1].lower() == last
        and set(_LEADING_THE.sub("", name).lower().split()) <= set(s.text.lower().split())
    ]
    return max(longer, key=len) if longer and len(max(longer, key=len)) > len(name) else name


def _expand_acronym(acronym: str, body: str) -> str | None:
    """ "UN" -> "United Nations" when the article spells out a name with those initials."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return None
    for m in re.finditer(r"[A-Z][a-z]+(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][a-z]+)+", body):
        spelled = _LEADING_THE.sub("", m.group())
        if "".join(w[0] for w in spelled.split() if w[0].isupper()) == acronym:
            return spelled
    return None


def _described_organisation(subject: str, at: int, body: str, spans: list[Span]) -> str | None:
    """ "the company said": the organisation last introduced with that noun ("news agency MENA"),
    else the nearest one named before whose name holds it ("the ministry" -> "Foreign Ministry"),
    else (for nouns any organisation goes by) the nearest one named before."""
    m = re.fullmatch(rf"(?:the|The)\s+(?:[a-z\-]+\s+)?({_ORG_NOUNS})", subject)
    if m is None:
        return None
    noun = m.group(1).lower()
    named = list(re.finditer(rf"\b{noun}\s+([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)*)", body[:at]))
    if named:
        return named[-1].group(1)  # "Egypt's state news agency MENA ... the agency said"
    before = [s for s in spans if s.label == "ORG" and s.end <= at]
    holding = [s for s in before if noun in s.text.lower().split()]
    # Only a noun any organisation goes by falls back to the nearest one: "the government" is
    # rarely the last ORG named (NER makes governments places).
    chosen = (holding or (before if noun in _ANY_ORG else []))[-1:]
    return _longest_org(chosen[0].text, spans, body) if chosen else None


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_GROUP_NOUNS = {"pair", "two", "duo", "couple", "both"}
# A definite description of the article's central person: "the convicted killer said".
_PERSON_NOUNS = {
    "killer",
    "suspect",
    "actor",
    "actress",
    "singer",
    "star",
    "author",
    "writer",
    "novelist",
    "player",
    "coach",
    "champion",
    "victim",
    "gunman",
    "defendant",
    "boxer",
    "rider",
    "cyclist",
    "filmmaker",
    "musician",
    "comedian",
    "rapper",
    "host",
    "veteran",
    "teenager",
    "entertainer",
    "swimmer",
    "athlete",
    "billionaire",
}


def _described_person(
    subject: str, at: int, body: str, people: list[_Person]
) -> tuple[str, str | None] | None:
    """Speaker and name for "the pair" (the last two people named together) or a definite
    description of a person ("the convicted killer": the most named person so far)."""
    m = re.fullmatch(r"(?:the|The)\s+((?:[a-z\-]+\s+){0,2})([a-z]+)", subject)
    if m is None:
        return None
    before = [p for p in people if p.start < at]
    if m.group(2) in _GROUP_NOUNS and not m.group(1):
        joined = [p for p in before if " and " in p.name]  # one span without NER: "A and B"
        if joined and (len(before) < 2 or joined[-1] is before[-1]):
            return joined[-1].name, joined[-1].name
        for first, second in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
            between = body[first.start + len(first.name) : second.start]
            if re.fullmatch(r"\s+and\s+", between):
                pair = f"{first.name} and {second.name}"
                return pair, pair
        return None
    if m.group(2) not in _PERSON_NOUNS or not before:
        return None
    counts: dict[str, int] = {}
    for person in before:
        full = _full_person(person.name, people) or person
        counts[full.name] = counts.get(full.name, 0) + 1
    name = max(reversed(list(counts)), key=lambda n: counts[n])
    return name, name


def _longer_form(name: str, body: str) -> str:
    """``name`` with the first name the NER missed ("De Boer" -> "Yvo de Boer") if the body has
    it."""
    expanded = _expand_acronym(name, body)
    if expanded is not None:
        return expanded
    if len(name.split()) == 1 and name[:1].isupper():
        # "Pro Bowl cornerback Cortland Finnegan" with only "Finnegan" labelled: a capitalised
        # word between a lower-case role word and the surname is the first name.
        first = re.search(rf"\b[a-z][\w\-]*\s+([A-Z][a-z][\w'’\-]*)\s+{re.escape(name)}\b", body)
        if first is not None and not (
            is_title_word(first.group(1)) or first.group(1).lower() in NON_NAME_WORDS
        ):
            return f"{first.group(1)} {name}"
    if name.split()[0].lower() not in NAME_PARTICLES:
        return name
    m = re.search(rf"\b([A-Z][a-z][\w'’\-]*)\s+((?i:{re.escape(name)}))\b", body)
    if m is None or is_title_word(m.group(1)) or m.group(1).lower() in NON_NAME_WORDS:
        return name
    return f"{m.group(1)} {m.group(2)}"


def _with_role(person: _Person, people: list[_Person]) -> str:
    for p in people:
        if p.name == person.name and p.full != p.name:
            return p.full
    return person.full


def _capitalised_names(subject: str) -> list[str]:
    """Names in a subject without NER: the capitalised run after any titles or role words."""
    words = re.findall(r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*", subject)
    out = []
    for w in words:
        name = _clean_name(w)
        if name and name.lower() not in ("the", "a", "an"):
            out.append(name)
    return out[-1:] if out else []


# --- attribution patterns -------------------------------------------------------------------------

# A capitalised word of an outlet or audience told: "U.S. News", "E! News" (masked dots allowed).
_OUTLET_WORD = rf"[A-Z][\w.&\-{_ABBREVIATION_DOT}]*(?:!(?=\s+[A-Z]))?"
_POST_INVERTED = re.compile(
    rf"^\s*[,.!?\-–—]*\s*(?:{_CUE}|{_POST_ONLY}|{_SHOUTED})\s+(?P<subj>[^.;!?\"“”]{{2,120}}?)"
    rf"(?=\s+in\s+a\s+statement|\s+on\s+(?:his|her|its)|,\s+who\b|\s+who\b|,\s+when\b|\s+when\b|"
    rf"\s+to\s+[A-Z]|,\s+to\s+(?:the\s+)?[A-Z]|\s*[.;!?\"“”]|\s*$)"
)
_POST_NORMAL = re.compile(
    rf"^\s*[,.!?\-–—]*\s*(?P<subj>[^.;!?\"“”]{{1,160}}?)\s+{_AUX}"
    rf"(?P<cue>{_CUE}|{_POST_ONLY}|{_SHOUTED})\b"
    # "Dorsey told NBC10's Rosemary Connors": an outlet's reporter
    rf"(?:\s+(?P<obj>{_OUTLET_WORD}(?:['’]s)?(?:\s+{_OUTLET_WORD})*))?"
)
_PRE = re.compile(
    rf"(?P<subj>[^.;!?\"“”]{{1,200}}?)\s+{_AUX}(?P<cue>{_CUE}|{_SHOUTED})\b"
    rf"(?:\s+(?P<obj>(?:the\s+)?{_OUTLET_WORD}(?:\s+{_OUTLET_WORD})*|reporters|[a-z]+(?:\s+[a-z]+)?))?"
    # "commented to AFP," (an outlet spoken to)
    rf"(?:\s+to\s+(?:the\s+)?{_OUTLET_WORD}(?:\s+{_OUTLET_WORD})*)?"
    rf"{_TIME}(?:\s+of\s+[^,;\"“”]{{1,60}}?(?=,))?\s*(?:that\s*)?[,:]?\s*$"  # "said of the tremor,"
)
_DESCRIBED = re.compile(
    r"(?:described|called|labelled|labeled)\s+(?:by\s+(?P<subj>[^,]+?)\s+)?as\s*$"
)


_NAME_PAIR = re.compile(
    r"\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s+and\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s*"
)

# "X called the detention", "a move in which Britain calls" before a quoted fragment.
_CALLED = re.compile(
    rf"(?P<subj>[^.;!?\"“”]{{1,200}}?)\s+{_AUX}(?:called|calls)"
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


def _subject(prefix: str, whole: bool = False) -> str | None:
    """The noun phrase before a cue verb, with an appositive role kept ("X, a Y, said").

    ``whole``: the prefix is only the subject (after a closing quote), so commas are kept.
    """
    prefix = prefix.strip()
    if not prefix:
        return None
    if whole:
        return _subject_checks(prefix.strip(" ,"), lower_ok=True)
    prefix = _LEADING_ADVERBIAL.sub("", prefix)
    prefix = re.sub(r"\s+(?:was|were|is|are|been|be)(?:\s+\w+ly)?$", " <passive>", prefix)
    if prefix.endswith("<passive>"):
        return None
    cut = _BOUNDARY_WORDS.sub("", prefix) if not prefix.endswith(",") else prefix
    if prefix.endswith(","):
        segments = prefix.rstrip(",").split(",")
        while len(segments) > 1 and re.match(r"\s*(?:who|which|whose)\b", segments[-1]):
            segments.pop()  # "Paula Dobriansky, who is heading the U.S. delegation to Bali,"
        first = 0
        for i, seg in enumerate(segments):
            word = _BOUNDARY_WORDS.sub("", seg).strip()
            if word[:1].isupper() and word.split()[0] not in ("The", "A", "An"):
                first = i
        name = _BOUNDARY_WORDS.sub("", segments[first - 1]).strip() if first else ""
        if (segments[first].split() or ["?"])[-1][:1].islower() and re.fullmatch(
            r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+", name
        ):
            # "Marc Garlasco, Human Rights Watch military analyst, said": the role starts with
            # its organisation's name, the speaker is the name before it.
            first -= 1
        if not _NAME_PAIR.fullmatch(segments[first]):  # "Carl Bernstein and Bob Woodward"
            segments[first] = _BOUNDARY_WORDS.sub("", segments[first])
        cut = ",".join(segments[first:])
    elif "," in cut:
        head, _, tail = cut.rpartition(",")
        # "Name, role said" keeps the role; "clause, subject said" keeps the subject only.
        if not (_capitalised_names(head.split(",")[0]) and tail.strip()[:1].isupper()) and not (
            _capitalised_names(head.split(",")[0]) and len(head.split(",")) == 1
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
        re.match(r"^(?:[a-z]+\s+)?(?:officials?|police|authorities|sources?|experts?)\b", cut)
        # "former U.S. Vice President Al Gore": lower-case modifiers before a capitalised name
        or re.fullmatch(r"(?:[a-z\-]+\s+){1,3}(?:[A-Z][\w.'’\-]*\s+)+[A-Z][\w'’\-]+", cut)
    ):
        return None
    return cut


def _told(obj: str | None, cue: str | None) -> str | None:
    if not obj or cue not in ("told", "tells", "tell") or not obj[:1].isupper():
        return None
    obj = obj.strip(" .,;:")
    if obj.split()[0] in ("The", "the") and len(obj.split()) == 1:
        return None
    return obj


# A second source inside a reported clause: "X reported A, where the BBC reports that B".
_NESTED = re.compile(
    # "..., Dorsey said like anyone, ...", "... 7 p. m. Police say she ..." (an unsplit sentence)
    rf"(?:,\s+(?:(?:where|while|and|but|as)\s+)?|[.!?]\s+)(?P<subj>(?:the\s+)?[A-Z][^,;\"“”]{{0,60}}?)\s+{_AUX}"
    rf"(?:{_CUE})\s+(?:that\s+)?"
)
# The reported clause ends where the speaker's next act starts: "said A and praised the B".
_CONJOINED = re.compile(r"\s+and\s+(?:also\s+)?[a-z]+ed\s+(?:the|a|an|his|her|their|its)\b")

# What follows a closing quote and reads as a clause, not a speaker: "designed for her, died ...".
_CLAUSE_AS_SUBJECT = re.compile(r"^\s*(?!(?:a|an|the|his|her|its|their)\b)[a-z][\w\-]*[\s,].*,")

# After "X said" closing an attribution: the end, punctuation or a circumstance; not a new
# content clause ('" Greek Prime Minister George Papandreou said the firebombing was ...').
_ENDS_ATTRIBUTION = re.compile(
    r"(?:\s+(?:the\s+|a\s+)?[a-z]+(?=\s+(?:in|on|at|during|after|before)\b|[.,;])"
    r"|\s+[a-z]+\s+[a-z]+(?=[.,;])"  # "... told ISNA news agency."
    r"|\s+(?:[a-z]+\s+){1,2}[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*(?=[.,;]))?"  # "told attorney X."
    rf"{_TIME}\s*(?:[.,;:!?\-–—]|$|(?:in|on|at|during|after|before|to|from|of|as|when|while|"
    rf"adding|according|about|with|through|via)\b)"
)

# "According to new information ...": no one is speaking.
_ABSTRACT_SOURCE = re.compile(
    r"^(?:(?:the|new|the\s+latest|latest|recent|preliminary|early|official)\s+)*"
    r"(?:information|data|figures|estimates|statistics|research|studies|results|records|analysis)\b"
)

_FINDINGS_NOUN = (
    r"\b(?:report|study|studies|inquiry|inquiries|investigation|review|survey|audit|probe)s?"
    r"(?:\s+into\s+[^,;\"“”]{1,100}?)?"
)
_FINDINGS_SOURCE = re.compile(rf"^[A-Z][^,;\"“”]{{0,80}}?{_FINDINGS_NOUN}$")
_FINDINGS = re.compile(
    rf"^\s*(?P<subj>(?!None\b|No\b)[A-Z][^,;\"“”]{{0,80}}?{_FINDINGS_NOUN})"
    rf"\s+{_AUX}(?:found|finds|concluded|concludes)\s+that\s+"
)

_PLACE_THEN_THAT = re.compile(
    rf"(?:\s+(?:at|in|on|during|after|before|from)\s+[\w'’\-]+(?:\s+[\w'’\-]+){{0,3}}?)+{_TIME}"
    r"\s+that\s+"
)

_NEEDS_THAT = {
    "maintained",
    "maintains",
    "confirmed",
    "confirms",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "wrote",
    "writes",
    "declared",
    "declares",
    "admitted",
    "acknowledged",
    "stated",
    "states",
    "commented",
    "remarked",
    "mentioned",
    "stressed",
}


# Cues that take a thing as well as a report: "announced a donation", "reported a loss". Such a
# cue followed by a noun phrase with no verb of its own reports nothing.
_TAKES_OBJECT = {"announced", "announces", "reported", "reports", "confirmed", "confirms"}
_OBJECT_ONLY = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their|our|new|further|plans|\d[\d,.]*)\b|[A-Z\$€£])"
)
_FINITE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|will|would|could|can|may|might|should|must|did|"
    r"does|do|says|said)\b|(?P<before>\w+)\s+[a-z]{3,}ed\b(?!\s+by\b)"
)
_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our"}


def _has_verb(clause: str) -> bool:
    """Whether a clause has a verb of its own (an auxiliary, or a past form not after a
    determiner: "the planned donation" has none)."""
    return any(
        m.group("before") is None or m.group("before").lower() not in _DETERMINERS
        for m in _FINITE.finditer(clause)
    )


def _indirect(
    sentence: str, base: int, spans: list[Span]
) -> list[tuple[int, int, str, str | None]]:
    """(clause start, clause end, subject, told outlet) found in one sentence."""
    out: list[tuple[int, int, str, str | None]] = []
    s = sentence.rstrip()
    end = len(s) - (1 if s.endswith(".") else 0)
    m = re.match(r"^\s*(?:According to|As reported by) (?P<src>[^,]{2,120}),\s*(?P<clause>.+)$", s)
    if m:
        if _ABSTRACT_SOURCE.match(m.group("src")):
            return []
        appositive = re.match(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+,\s*", m.group("clause"))
        if appositive is not None and is_title_word(m.group("src").split()[-1]):
            # "According to the Iranian Foreign Minister, Manouchehr Mottaki, the ..."
            src = f"{m.group('src')}, {appositive.group().strip(' ,')}"
            return [(m.start("clause") + appositive.end(), end, src, None)]
        return [(m.start("clause"), end, m.group("src"), None)]
    m = re.match(
        # "..., according to Troy police Lt. Gerry Scherlinck.": abbreviations inside the source
        r"^(?P<clause>.{10,}?),?\s+according to (?P<src>(?:[^,.]|\.(?=\s+[A-Z])){2,120}"
        # "..., according to Danny McPherson, chief security officer with Arbor Networks."
        r"(?:,\s+[a-z](?:[^,.]|\.(?=\s+[A-Z])){2,120})?)\.?$",
        s,
    )
    if m:
        if _ABSTRACT_SOURCE.match(m.group("src")):
            return []
        return [(m.start("clause"), m.end("clause"), m.group("src"), None)]
    m = re.match(
        rf"^(?P<clause>[^\"“”][^\"“”]{{9,}}?(?:[\"“”][^\"“”]{{1,60}}[\"“”][^\"“”]*?)?),\s+"
        # "..., a France Telecom spokeswoman who asked not to be named said."
        rf"(?P<subj>[^,;\"“”]{{1,80}}?)(?:\s+who\s+[^,;\"“”]{{1,60}}?)?\s+{_AUX}(?:{_CUE}){_TIME}"
        # "Attackers could ..., Microsoft said, and then run ...": the clause before the cue
        rf"(?:\.?\s*$|,\s+(?:and|but)\s)",
        s,
    )
    if m and len(m.group("subj").split()) <= 9:
        # "..., it said.": the organisation just reported (resolved with the last speaker)
        subj = "it" if m.group("subj") == "it" else _subject(m.group("subj"), whole=True)
        if subj:
            return [(m.start("clause"), m.end("clause"), subj, None)]
    m = re.match(
        rf"^(?P<clause>[^\"“”]{{10,}}?),\s+(?:{_CUE})\s+"
        # A name, maybe after lower-case role words ("said witness Angela Benson, who ...",
        # "said prison spokesman Al Quintero"), not a clause ("insisted Gigante suffered ...").
        r"(?P<subj>(?:the\s+)?(?:[a-z\-]+\s+){0,3}[A-Z][\w.'’&\-]*"
        r"(?:\s+(?:[A-Z][\w.'’&\-]*|of|the|and|for|de|van|von|al))*"
        # "..., said the Central Mat-Su fire chief, James Steele.": the role and the name after it
        r"(?:(?:\s+[a-z\-]+){0,2},\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w'’\-]*)+(?=\.?\s*$)"
        rf"|(?:\s+(?:{_ORG_NOUNS}))?))"
        r"(?:(?:,|\s+(?:who|in|on|at|to|during|after|before|when)\b).*)?\.?\s*$",
        s,
    )
    if m:
        return [(m.start("clause"), m.end("clause"), m.group("subj"), None)]
    m = re.match(
        # "The aftershock, as reported by the Servicio ... (University of ...), had a magnitude"
        r"^[A-Z][^,;\"“”]{2,80},\s+(?:as reported by|according to)\s+(?P<src>[^,;\"“”]{2,160}),\s+"
        r"(?P<clause>[a-z][^\"“”]{10,})$",
        s,
    )
    if m:
        return [(m.start("clause"), end, m.group("src"), None)]
    m = _FINDINGS.match(s)
    if m:
        # "Two inquiries into ... have found that ...": a report's findings are reported writing.
        return [(m.end(), end, m.group("subj"), None)]
    m = re.search(r"\bquoted\s+(?P<subj>[^,;\"“”]{2,80}?)\s+as\s+saying\s+(?:that\s+)?", s)
    if m and len(s[m.end() : end].split()) >= 3:
        # "Another news agency quoted the governor as saying five people ...": the one quoted.
        return [(m.end(), end, m.group("subj"), None)]
    for cue in re.finditer(rf"\b{_AUX}(?P<cue>{_CUE})\b", s):
        verb = cue.group("cue")
        rest = s[cue.end() :]
        if re.search(r"\b(?:the|a|an|his|her|its|their)\s+$", s[: cue.start("cue")], re.I):
            continue  # an adjective: "the alleged shooter"
        pp = _PLACE_THEN_THAT.match(rest)
        if _NOUN_USE.match(rest) and not re.match(rf"{_TIME}\s*that\b", rest) and pp is None:
            continue  # not "says in a release that ..."
        if verb in _NEEDS_THAT and not re.match(r"\s*(?:that\b|:)", rest):
            continue
        if verb == "advised" and not re.match(r"(?:\s+[\w.'’\-]+){0,6}?\s+that\b", rest):
            continue  # "advised users to set ..." is advice, not a report
        if verb in _TAKES_OBJECT and _OBJECT_ONLY.match(rest) and not _has_verb(rest):
            continue  # "Koizumi announced a half-billion dollar donation": a thing, not a report
        prefix = s[: cue.start()]
        if re.search(r"(?:[\"“”]|'')\s*$", prefix):
            continue  # '"...," said X': the quote is direct
        subj = _subject(prefix)
        who = re.search(r"([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+),?\s+who\s+$", prefix)
        if who is not None:
            subj = who.group(1)  # '"...," said Vice Admiral Charles Style who also said that ...'
        if subj is None and re.search(r"\b(?:but|and)(?:\s+\w+ly)?\s*$", prefix):
            # "X called it ..., but added that ...": the subject is the sentence's first name.
            named = [
                sp
                for sp in spans
                if base <= sp.start < base + cue.start()
                and sp.label in ("PERSON", "ORG", "GPE", "NORP")
            ]
            # A place or people only when it opens the sentence ("Israel accused Hamas of ...,
            # and said ...": Israel), never one later in it ("In London, ...").
            opening = [
                sp
                for sp in named[:1]
                if sp.start - base <= 4 and re.match(r"\s+[a-z]", s[sp.end - base :])
            ]
            named = opening or [sp for sp in named if sp.label in ("PERSON", "ORG")]
            subj = named[0].text if named else None
        if subj is None:
            continue
        obj = None
        if verb in ("told", "tells", "tell", "advised"):
            tail = re.match(
                rf"(?:\s+(?P<obj>(?:the\s+|The\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*"
                # "told Iranian media that ...": an audience of capitalised and common words
                rf"(?:\s+[a-z]+){{0,3}}(?=\s+that\b)|(?:the\s+|The\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*|"
                rf"reporters|a\s+[a-z]+|[a-z]+(?:\s+in\s+[^,]+?)?(?=\s+that\b)))?{_TIME}"
                rf"\s*(?:that\b|:|,)?\s*",
                rest,
            )
        else:
            tail = re.match(rf"{_TIME}\s*(?:that\b|:|,)?\s*", rest)
        if pp is not None:
            start = cue.end() + pp.end()  # "said at practice on Wednesday that ..."
        elif tail:
            obj = tail.groupdict().get("obj")
            start = cue.end() + tail.end()
        else:
            start = cue.end()
        clause_end = end
        saying = re.search(r",\s+saying\b|;\s(?!(?:and\s+)?that\b)", s[start:])
        if saying:
            clause_end = start + saying.start()
        if len(s[start:clause_end].split()) < 3:
            continue
        nested = _NESTED.search(s, start, clause_end)
        second: tuple[int, int, str, str | None] | None = None
        if nested is not None:
            inner = _subject(nested.group("subj"), whole=True)
            if inner is not None and len(s[nested.end() : clause_end].split()) >= 3:
                second = (nested.end(), clause_end, inner, None)
                clause_end = nested.start()
        conjoined = _CONJOINED.search(s, start, clause_end)
        if conjoined is not None and len(s[start : conjoined.start()].split()) >= 3:
            clause_end = conjoined.start()
        out.append((start, clause_end, subj, _told(obj, verb)))
        if second is not None:
            out.append(second)
        break
    m = re.search(r",\s+saying\s+(?:that\s+)?", s)
    if m and len(s[m.end() : end].split()) >= 3:
        subj = out[0][2] if out else None
        if subj is None:
            candidates: list[Span] = sorted(
                (
                    sp
                    for sp in spans
                    if base <= sp.start < base + m.start() and sp.label in ("PERSON", "ORG", "GPE")
                ),
                key=lambda sp: (sp.label != "PERSON", sp.start),
            )
            subj = candidates[0].text if candidates else None
        if subj:
            out.append((m.end(), end, subj, None))
    return out


_QUOTE_THEN_SENTENCE = re.compile(r"[.!?]\s*(?:''|[\"”])\s+(?=[A-Z])")


# --- main entry point -----------------------------------------------------------------------------


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
    masked = _mask_abbreviations(body)
    people = _people(body, masked, body_spans, title_spans)

    def sentence_of(offset: int) -> tuple[int, int, int]:
        best = sentences[0] if sentences else (0, len(body), 0)
        for sent in sentences:
            if sent[0] <= offset:
                best = sent
            else:
                break
        return best

    directs = _direct_spans(paragraphs, offsets)
    # A name inside a quotation is not who is speaking.
    people = [p for p in people if not any(d.start <= p.start < d.end for d in directs)]

    # Indirect clauses, sentence by sentence (none inside a direct quotation).
    indirect: list[_Found] = []
    pieces = []
    for s_start, s_end, _ in sentences:
        # A closing mark after a full stop ends a sentence the splitter may have run on
        # ('... be used for good. \'\' Mr Steele said the blaze ...').
        cuts = [m.end() for m in _QUOTE_THEN_SENTENCE.finditer(body, s_start, s_end)]
        pieces += list(zip([s_start, *cuts], [*cuts, s_end], strict=True))
    for s_start, s_end in pieces:
        text = body[s_start:s_end].rstrip()
        for c_start, c_end, i_subj, i_told in _indirect(text, s_start, body_spans):
            clause = _trim_marks(text[c_start:c_end])
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

    found: list[_Found] = []
    last: _Found | None = None
    events: list[tuple[int, str, _Found | _Direct]] = [(d.start, "d", d) for d in directs]
    events += [(f.start, "i", f) for f in indirect]
    events.sort(key=lambda e: (e[0], e[1]))
    dropped: set[int] = set()
    for _, kind, item in events:
        if kind == "i":
            assert isinstance(item, _Found)
            if id(item) in dropped or any(_overlap(item, f) for f in found):
                continue
            item.speaker, item.speaker_name = _resolve(
                item.speaker, item.at, body, body_spans, people, last
            )
            item.resolved = True
            found.append(item)
            last = item
            continue
        assert isinstance(item, _Direct)
        text = body[item.start : item.end].strip().rstrip(",").strip()
        if not re.search(r"\w", text):
            continue
        s_start, _, _ = sentence_of(item.start)
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
        subj: str | None = None
        subject_at = item.start
        told: str | None = None
        called = False
        m = _POST_INVERTED.match(after_m)
        if m and m.start("subj") < 12:
            subj = _subject(_unmask(m.group("subj")), whole=True)
            subject_at = after_at + m.start("subj")
        else:
            m2 = _POST_NORMAL.match(after_m)
            if (
                m2
                and len(m2.group("subj").split()) <= 30
                and _ENDS_ATTRIBUTION.match(after, m2.end())
                # '"... any mind. " Then a co-worker yelled, "Come on ..."': a new sentence
                # introducing the next quotation, not this one's attribution.
                and not (
                    text[-1:] in ".!?"
                    and m2.group("subj").strip()[:1].isupper()
                    and re.search(r",\s*$", after)
                    and after_at + len(after) < len(body)
                )
            ):
                subject_at = after_at + m2.start("subj")
                text_of_subject = _unmask(m2.group("subj"))
                if _CLAUSE_AS_SUBJECT.match(text_of_subject):
                    # '" thrilled '' at the offer, Mark said': the subject is the last part.
                    head, _, tail = text_of_subject.rpartition(",")
                    subject_at += len(head) + 1
                    text_of_subject = tail if tail.strip()[:1].isupper() else ""
                if text_of_subject.strip():
                    subj = _subject(text_of_subject, whole=True)
                    told = _told(m2.group("obj") and _unmask(m2.group("obj")), m2.group("cue"))
        if subj is None:
            m3 = _PRE.search(before_m)
            m4 = _DESCRIBED.search(before_m)
            if m3 and m3.end() >= len(before) - 1:
                subj = _subject(_unmask(m3.group("subj")))
                if subj is not None:
                    subject_at = s_start + before.find(subj, m3.start())
                told = _told(m3.group("obj") and _unmask(m3.group("obj")), m3.group("cue"))
            elif m4 and m4.group("subj"):
                subj = _unmask(m4.group("subj"))
                subject_at = s_start + m4.start("subj")
            elif (m5 := _CALLED.search(before_m)) is not None:
                # 'Tony Blair called the detention "wrong and illegal."': the caller's words.
                subj = _subject(_unmask(m5.group("subj")))
                if subj is not None:
                    subject_at = s_start + before.find(subj, m5.start())
                    called = True
        following = next((d for d in directs if d.start > item.end), None)
        if subj is None and following is not None:
            # '"A. B" if we are faced with "C," added Larijani.': one sentence quoting twice
            # names its speaker after the second quotation.
            gap = masked[item.end + 1 : following.start - 1]
            tail = masked[following.end + 1 : following.end + 160].split("\n", 1)[0]
            inverted = _POST_INVERTED.match(tail)
            if (
                len(gap) < 80
                and not re.search(r"[.!?:;\n]|''", gap)
                and re.search(r"[a-z]", gap)
                and inverted is not None
                and inverted.start("subj") < 12
                and re.search(r"[,.!?]\s*$", body[following.start : following.end].strip())
            ):
                subj = _subject(_unmask(inverted.group("subj")), whole=True)
                subject_at = following.end + 1 + inverted.start("subj")
        container = next(
            (f for f in indirect if f.start <= item.start and item.end <= f.end + 2), None
        )
        if subj is None and container is not None:
            if len(text) < 0.5 * len(container.text):
                continue  # the indirect clause around this fragment is the quote
            dropped.add(id(container))
            found[:] = [f for f in found if f is not container]
            if not container.resolved:
                container.speaker, container.speaker_name = _resolve(
                    container.speaker, container.at, body, body_spans, people, last
                )
            found.append(
                _Found(
                    item.start,
                    item.end,
                    text,
                    container.speaker,
                    container.speaker_name,
                    container.told,
                    True,
                )
            )
            last = found[-1]
            continue
        if subj is None:
            gap = body[last.end : item.start] if last is not None else "."
            # An unattributed full sentence right after a quote continues that speaker, as does
            # the rest of a quotation its attribution interrupts ('"A," said X, "b ..."') and a
            # quotation introduced by "saying" in the sentence that reported the speaker.
            if last is not None and (
                (
                    len(text.split()) >= 4
                    and text[:1].isupper()
                    and item.start - last.end < (400 if last.direct else 200)
                    # not a title inside a sentence: 'Lin Miaoke, who performed "Ode to ..."'
                    and not re.search(r"\b[a-z]+$", before)
                )
                or (
                    last.direct
                    and len(gap) < 200
                    and not re.search(r"[.!?]\s|\n", gap)
                    and re.search(rf"\b(?:{_CUE}|{_POST_ONLY})\b", gap) is not None
                    and re.search(r",\s*(?:[\"“'‘`]+\s*)?$", gap) is not None
                )
                or (last.start >= s_start and re.search(r",\s+saying(?:\s+that)?\W*$", before))
            ):
                found.append(
                    _Found(item.start, item.end, text, last.speaker, last.speaker_name, None, True)
                )
                last = found[-1]
            continue
        if (
            container is not None
            and item.start > container.start + 2
            and subject_at > item.end
            and len(text) < 0.5 * len(container.text)
        ):
            # A fragment inside a reported clause attributed after it ('two men, believed to be
            # "management level employees," underwent surgery, X said'): the clause is the quote.
            continue
        if container is not None and not called:
            dropped.add(id(container))
            found[:] = [f for f in found if f is not container]
        speaker, name = _resolve(subj, subject_at, body, body_spans, people, last)
        found.append(_Found(item.start, item.end, text, speaker, name, told, True))
        last = found[-1]

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
            sentence_index=sentence_of(f.start)[2],
        )
        for f in found
    ]


def _trim_marks(clause: str) -> str:
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


def _overlap(a: _Found, b: _Found) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0.5 * min(a.end - a.start, b.end - b.start)
