"""The people an article names: their mentions (with the role given at a mention), their names
cleaned of titles and other words, their fullest form, and their gender as the article tells it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.attribute.nlp import NON_NAME_WORDS, SHIP, Span, is_title_word
from newsdesk.attribute.quotes.marks import unmask
from newsdesk.attribute.quotes.vocabulary import CUE, POST_ONLY
from newsdesk.text import NAME_PARTICLES

_HEADLINE = 10**9  # the offset given to names found in the headline


@dataclass(slots=True)
class Person:
    """One mention of a person in the article (or in its headline, at _HEADLINE)."""

    name: str
    start: int
    full: str  # name plus role when the article gives one at this mention


# Words that comment on the sentence, not roles: "governor Charlie Crist, however, commented"
# (but "Bob Woodward, then a Navy courier," and "Brent Jeffs, now 28," are roles).
_SENTENCE_ADVERB = (
    r"however|meanwhile|though|instead|nevertheless|nonetheless|therefore|moreover|furthermore"
    r"|meantime|likewise|similarly|indeed|in\s+turn|in\s+fact|of\s+course"
    r"|for\s+(?:example|instance)|in\s+particular|in\s+addition|[a-z]+ly(?=\s*,)"
)


def find_people(body: str, masked: str, spans: list[Span], title_spans: list[Span]) -> list[Person]:
    """Persons named in the article (``masked``: the body with abbreviation dots masked)."""
    people: list[Person] = []
    for span in spans:
        if span.label != "PERSON":
            continue
        name = clean_name(span.text)
        if not name or is_title_word(name.split()[-1]) or SHIP.match(span.text):
            continue  # a role or a ship taken for a name: "Brazilian Defence Minister", "MV Gibe"
        name = longer_form(name, body)
        role = re.match(
            r",\s+((?:an?|the)\s[^,;\"“”]{3,90}?|(?!(?:with|in|on|at|for|from|to|by|who|which|and|"
            rf"but|as|after|before|when|while|where|{CUE}|{POST_ONLY}|[a-z]+ed|{_SENTENCE_ADVERB})\b)"
            r"[a-z][^,;\"“”]{3,90}?)"
            r"(?:,|\.?\s*$|\.\s)",
            masked[span.end :],
        )
        # "Jonathan Hutson, a spokesman for the U.S. advocacy group ...": the role reads through
        # abbreviations.
        full = f"{name}, {unmask(role.group(1))}" if role else name
        people.append(Person(name, span.start, full))
        pair = re.fullmatch(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+)\s+and\s+([A-Z].+)", name)
        if pair and len(pair.group(2).split()) > 1:
            # "Laurence Mark and Bill Condon" as one span: each is also a person ("Mark said").
            at = span.start + span.text.find(name)
            people.append(Person(pair.group(1), at, pair.group(1)))
            people.append(Person(pair.group(2), at + pair.start(2), pair.group(2)))
    # NER often mislabels a lone surname as an organisation or place ("Weitz", "Hardwicke"): one
    # that is the surname of a person named in the article or headline is that person.
    surnames = {
        clean_name(s.text).split()[-1]
        for s in [*spans, *title_spans]
        if s.label == "PERSON" and len(clean_name(s.text).split()) > 1 and not SHIP.match(s.text)
    }
    for span in spans:
        if span.label in ("ORG", "GPE", "LOC", "NORP") and clean_name(span.text) in surnames:
            people.append(Person(clean_name(span.text), span.start, clean_name(span.text)))
        elif span.label in ("ORG", "FAC", "GPE", "LOC", "NORP") and _TITLED_NAME.fullmatch(
            span.text
        ):
            # "Qeshm Governor Mehdi Irannejad" taken for a facility: a title before a two- or
            # three-word name makes it a person, the title their role.
            name = clean_name(span.text)
            people.append(Person(name, span.start + span.text.rfind(name), span.text))
    # A lone surname is a mention of the person named in full, where the NER (or the fallback,
    # which drops a sentence-initial word) did not mark it: "Rasmussen did better ... he said".
    marked = {p.start for p in people}
    for full in {p.name for p in people if len(p.name.split()) > 1 and " and " not in p.name}:
        surname = full.split()[-1]
        for m in re.finditer(rf"\b{re.escape(surname)}\b", body):
            if not any(abs(m.start() - x) <= len(full) for x in marked):
                people.append(Person(surname, m.start(), surname))
    people.sort(key=lambda p: p.start)
    for span in title_spans:
        if span.label == "PERSON" and clean_name(span.text):
            # Headline names help resolve surnames but are never "previous" mentions.
            people.append(Person(clean_name(span.text), _HEADLINE, clean_name(span.text)))
    return people


_TITLED_NAME = re.compile(
    r"(?:[A-Z][a-z]+\s+)*(?:Governor|President|Minister|Mayor|Senator|Chancellor|Judge|Sheriff|"
    r"Commissioner)\s+[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,2}"
)


def clean_name(text: str) -> str:
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


# An honorific or a gendered role right before a mention ("Mrs Smith", "spokesman Al Lee").
_FEMALE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Lady|Dame|Queen|Princess|actress|spokeswoman|chairwoman|businesswoman|"
    r"congresswoman|sister|mother|daughter|wife|widow|grandmother)\b\.?,?\s*$"
)
_MALE = re.compile(
    r"\b(?:Mr|Sir|Lord|King|Prince|spokesman|chairman|businessman|congressman|brother|father|"
    r"son|husband|widower|grandfather)\b\.?,?\s*$"
)
# A gendered noun in a description of an unnamed speaker ("a France Telecom spokeswoman").
FEMALE_NOUN = r"\b(?:spokeswoman|woman|chairwoman|businesswoman|mother|wife|daughter|sister)\b"
MALE_NOUN = r"\b(?:spokesman|man|chairman|businessman|father|husband|son|brother)\b"
EITHER_NOUN = r"\b(?:spokesperson|officer)\b"  # a role a man or a woman may hold


def gender(name: str, body: str, people: list[Person]) -> str | None:
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


def full_person(name: str, people: list[Person]) -> Person | None:
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


def expand_acronym(acronym: str, body: str) -> str | None:
    """ "UN" -> "United Nations" when the article spells out a name with those initials."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return None
    for m in re.finditer(r"[A-Z][a-z]+(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][a-z]+)+", body):
        spelled = LEADING_THE.sub("", m.group())
        if "".join(w[0] for w in spelled.split() if w[0].isupper()) == acronym:
            return spelled
    return None


LEADING_THE = re.compile(r"^(?:the|The)\s+")


def longer_form(name: str, body: str) -> str:
    """``name`` with the first name the NER missed ("De Boer" -> "Yvo de Boer") if the body has
    it."""
    expanded = expand_acronym(name, body)
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


def with_role(person: Person, people: list[Person]) -> str:
    for p in people:
        if p.name == person.name and p.full != p.name:
            return p.full
    return person.full


def capitalised_names(subject: str) -> list[str]:
    """Names in a subject without NER: the capitalised run after any titles or role words."""
    words = re.findall(r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*", subject)
    out = []
    for w in words:
        name = clean_name(w)
        if name and name.lower() not in ("the", "a", "an"):
            out.append(name)
    return out[-1:] if out else []
