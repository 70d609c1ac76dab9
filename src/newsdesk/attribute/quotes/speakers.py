"""Who a subject found before or after a cue verb is: a pronoun, a surname, a role, a description
("the company", "the pair", "Reid's rep") or a name, resolved to the speaker the article means and
that speaker's name."""

from __future__ import annotations

import re
from typing import Protocol

from newsdesk.attribute import gazetteer
from newsdesk.attribute.nlp import ROLES_NOT_NAMES, Span, is_title_word
from newsdesk.attribute.quotes.people import (
    EITHER_NOUN,
    FEMALE_NOUN,
    LEADING_THE,
    MALE_NOUN,
    Person,
    capitalised_names,
    clean_name,
    expand_acronym,
    full_person,
    gender,
    longer_form,
    with_role,
)
from newsdesk.attribute.quotes.vocabulary import FINDINGS_NOUN, ORG_NOUNS, TIME
from newsdesk.event_time import MONTH_PATTERN
from newsdesk.text import ends_with_abbreviation


class _Attributed(Protocol):
    """What resolving reads of the quote attributed last (the extractor's record of a quote)."""

    start: int
    end: int
    speaker: str
    speaker_name: str | None


_PRONOUNS = {"he", "she", "they", "we", "i", "him", "her"}


_ROLE_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<role>The\s+(?:[A-Z][a-z]+\s+)?(?P<title>[A-Z][a-z]+))\s+"
    r"(?:[a-z]+\s+)?(?:[a-z]+(?:s|ed)|went|told|spoke|said)\b"
)


def _role_opening_sentence(at: int, body: str, before: list[Person]) -> tuple[str, int] | None:
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


def resolve_speaker(
    subject: str,
    at: int,
    body: str,
    body_spans: list[Span],
    people: list[Person],
    last_speaker: _Attributed | None,
    quoted: str = "",
) -> tuple[str, str | None]:
    """Speaker text and name for a subject found at body offset ``at``; ``quoted`` is what the
    subject says (a pronoun's speaker is no one it names)."""
    subject = subject.strip(" ,:;\"“”'")
    if subject.endswith(".") and not ends_with_abbreviation(subject):
        subject = subject[:-1]  # "..., said Officer Ray Scheidnes." ends the sentence
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
            and re.search(
                rf"{FEMALE_NOUN if wanted == 'f' else MALE_NOUN}|{EITHER_NOUN}",
                last_speaker.speaker,
            )
        ):
            # "a France Telecom spokeswoman said ... she said", "Navy spokesperson said ... he
            # said" (not the ship named between them)
            return last_speaker.speaker, None

        def fits(candidate: Person) -> Person | None:
            if wanted is not None and " and " in candidate.name:
                return None  # "he" is not "Alejandro Valverde and Iban Mayo"
            last = last_speaker
            if (
                last is not None
                and last.start <= candidate.start < last.end
                and any(p.name == last.speaker_name for p in people)
            ):
                return None  # named inside what a person just said: "Payton said ... Bush ..."
            person = full_person(candidate.name, people) or candidate
            ok = wanted is None or gender(person.name, body, people) in (wanted, None)
            return person if ok else None

        opening = _role_opening_sentence(at, body, before)
        if wanted is not None and opening is not None:
            # "The President went on to ... . He added that ...": the role that opens the
            # sentence (or the one before), not a person named in between or before it.
            speaker, name = resolve_speaker(
                opening[0], opening[1], body, body_spans, people, last_speaker
            )
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
                    and all(_opens_with_name(w) for w in lead)
                    and (first := fits(earlier)) is not None
                ):
                    person = first
                    break
            previous = _previous_speaker(last_speaker, people)
            if (
                previous is not None
                and previous.name != person.name
                and _quote_names(quoted, person, people)
                and fits(previous) is not None
            ):
                # "Jackson was on probation for a previous DUI arrest, he said": the officer just
                # quoted, not the Jackson the words are about.
                person = previous
            return with_role(person, people), person.name
        if wanted is not None and _named_just_before(last_speaker, at, people):
            # "..., Paul-Lois Arslanian, the leader of ... BEA, said. However, he added that
            # ...": the name NER did not take for a person's, quoted the sentence before.
            assert last_speaker is not None
            return last_speaker.speaker, last_speaker.speaker_name
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
                full = full_person(person.name, people) or person
                return with_role(full, people), full.name
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
        return f"{organisation}, {LEADING_THE.sub('the ', subject)}", organisation
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
    names = [clean_name(s.text) for s in inside if clean_name(s.text)]
    # A role NER took for a name ("Brooklyn Councilman" before "Jumaane Williams") is not one;
    # a bare rank never is ("Sheriff" of "Sheriff's officials").
    names = [
        n for n in names if not (is_title_word(n.split()[-1]) or n.split()[-1] in _ROLE_WORDS)
    ] or [n for n in names if not _bare_rank(n)]
    if not names:
        # A surname the NER did not label as a person ("Ammon continued").
        known = [n for n in capitalised_names(subject) if full_person(n, people)]
        names = known[:1]
    if not names and re.match(r"^(?:[Aa]n?|[Tt]he)\s", subject) and subject.split()[-1].islower():
        return subject, None  # a description: "a US official", "the spokesman"
    if not names and not any(
        s.label != "PERSON" and at - 2 <= s.start and s.end <= end for s in body_spans
    ):
        names = [n for n in capitalised_names(subject) if not _bare_rank(n)]
    if names:
        # Two speakers ("Laurence Mark and Bill Condon") stay as written.
        if len(names) > 1 and " and " in subject:
            return subject, " and ".join(
                (full_person(n, people) or Person(n, at, n)).name for n in names
            )
        name = names[0]
        lead = subject[: max(0, subject.rfind(names[-1]))].split()
        if len(names) > 1 and "," not in subject and lead and is_title_word(lead[-1]):
            # The name after the role, not a word NER took for a name before it ("Highway"
            # of "Highway Patrol Officer Brad Baehr"; but "Jerry Strickland, a spokesman for
            # Texas Attorney General Greg Abbott" is Strickland).
            name = names[-1]
        tail = subject.rsplit(",", 1)[-1].strip()
        # "..., Inspector Gaskin": the name without its rank
        ranked = is_title_word(tail.split()[0]) and re.fullmatch(
            r"(?:[A-Z][\w.'’\-]*\s+)+\S+", tail
        )
        tail_name = (clean_name(tail) or tail) if ranked else tail
        if tail_name in names[1:] and len(tail.split()) > 1:
            name = tail_name  # "the ... fire chief, James Steele" (not "..., WCCO-TV, Ch. 4")
        match = full_person(name, people)
        full_name = match.name if match is not None else longer_form(name, body)
        if full_name in subject:
            return subject, full_name
        return (with_role(match, people) if match else subject), full_name
    head = clean_name(subject.split(",")[0])
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


def _bare_rank(name: str) -> bool:
    """A rank alone, never a name: "Sheriff" of "Sheriff's officials" (but "King" is Billy
    King)."""
    return name.lower() in ROLES_NOT_NAMES


def _opens_with_name(word: str) -> bool:
    """Whether a word before a name still lets the name open its sentence: a role ("spokesman
    Jones"), not an article or a clause ("Asked if Ortiz might have lived ..., Waldie said")."""
    return word.lower() not in ("the", "a", "an", "if", "whether", "when", "after", "while")


# A first name and a surname opening a speaker's description: "Paul-Lois Arslanian, the leader".
_NAME_FIRST = re.compile(r"([A-Z][a-z]+)(?:-[A-Z][a-z]+)?\s+[A-Z][\w'’\-]+(?:,|$)")
_JUST_BEFORE = 300  # characters between the quote before and this pronoun


def _named_just_before(last: _Attributed | None, at: int, people: list[Person]) -> bool:
    """Whether the quote before, ending just before ``at``, has a speaker named by a first name
    and a surname whom the article's people (NER's persons) do not hold."""
    if last is None or not 0 <= at - last.end < _JUST_BEFORE:
        return False
    if any(p.name == last.speaker_name for p in people):
        return False
    name = _NAME_FIRST.match(last.speaker)
    return name is not None and gazetteer.first_name_frequency(name.group(1)) > 0


def _previous_speaker(last: _Attributed | None, people: list[Person]) -> Person | None:
    """The person who said the quote before, if a person of the article."""
    if last is None or last.speaker_name is None:
        return None
    return next((p for p in reversed(people) if p.name == last.speaker_name), None)


def _quote_names(quoted: str, person: Person, people: list[Person]) -> bool:
    """Whether ``quoted`` names ``person`` by surname, other than as a speaker ("Pearce said"),
    and no other person of the article has that surname (Warren and Brent Jeffs)."""
    surname = person.name.split()[-1]
    if not re.search(rf"\b{re.escape(surname)}\b(?!['’]*\s+(?:said|says|added|told))", quoted):
        return False
    return all(p.name.split()[-1] != surname or f" {p.name} " in f" {person.name} " for p in people)


_ROLE_THEN_NAME = re.compile(
    r"\b(?P<role>[a-z]+)\s+(?P<name>[A-Z][\w'’\-]+"
    r"(?:\s+(?:[A-Z][\w'’\-]+|de|du|da|del|della|van|von|al|le|la|d['’][A-Z][\w'’\-]+))+)$"
)


_POLICE_FORCE = re.compile(r"\b(?!The\b)(?:[A-Z][\w\-]*\s+)+Police\b|\b[A-Z]{1,4}PD\b")
_DOCUMENTS = "statement|communique|communiqué|release|report|letter|memo|document|filing|notice"


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
    # Commons", "King emphatically" (after a capitalised word only), "... about the security"
    rf"(?<=[\w.)])(?:{TIME[3:-2]}"
    r"|\s+in\s+an?\s+(?:(?:press\s+)?(?:statement|release|conference)|interview|letter|speech|"
    r"email|e-mail|post|video|broadcast)\b[^,;\"“”]*"
    r"|\s+to\s+the\s+[A-Z][\w'’\-]*(?:\s+(?:of|for|and|[A-Z][\w'’\-]*))*"
    # "Nathan Ballard about the security", "..., on February 28": a topic or a date
    r"|\s+about\s+(?:the|a|an|his|her|their|its)\s+[a-z][^,;\"“”]*"
    rf"|,?\s+on\s+{MONTH_PATTERN}\s+\d{{1,2}}(?:,\s+\d{{4}})?)+$"
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
    r"teammates?|colleagues?|neighbou?rs?|ambassador|envoy|commander|deputy|chief|head|experts?)"
)
_OWNED = re.compile(
    # "Reid's rep", "Lindsay Lohan's attorney", "Tara Reid's representative Jack Ketsoyan"
    r"(?:[^,]*?\s)?(?P<owner>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)['’]s?"
    rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}{_AGENT_NOUNS}"
    r"(?:\s+(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w.'’\-]*)*))?"
)
_DESCRIPTION_OF = re.compile(
    # "a spokesperson for ...", "The president of ...", "a news website run by ..."
    # or plural with no article: "Lawyers for ...", "forensic experts acting for ..." (not a
    # title: "Chief of Detectives Charlie Beck")
    rf"(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’\-]+\s+){{0,3}}?{_AGENT_NOUNS}"
    rf"|(?:[a-z][\w'’\-]*\s+){{0,4}}?(?i:{_AGENT_NOUNS})(?<=s))\s+"
    r"(?:run\s+by|close\s+to|working\s+for|acting\s+for|representing|for|of|to|at|from|in|with|by)\s"
)
_OBJECT_NAME = re.compile(
    r".*?\b(?:by|for|of|to|at|from|in|with|representing)\s+(?:the\s+)?"
    r"(?P<run>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)(?:\s+family)?"
)
_ORG_WORDS = re.compile(
    rf"\b(?:{ORG_NOUNS}|[Ee]mbassy|[Mm]inistry|[Pp]roject|[Oo]ffice|[Cc]enter|[Cc]entre|[Ii]nc|"
    r"[Cc]orp|[Aa]ssociation|[Ff]und|[Pp]rogramme|[Pp]rogram|[Ss]ervices?|[Aa]rmy|[Nn]avy|[Ff]orces?|"
    r"[Pp]olice|[Hh]ospital|[Cc]linic|[Ss]chool|[Cc]ollege)$"
)


def _someone_elses(
    subject: str, at: int, spans: list[Span], people: list[Person]
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
        LEADING_THE.sub("", s.text)
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
        person = full_person(name, people)
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
    name = clean_name(run)
    if name != run and not is_title_word(run[: len(run) - len(name)].split()[-1]):
        return None  # "the 2006 Tour de France Floyd Landis": the name is not the object
    return subject, None


def _longest_org(name: str, spans: list[Span], body: str) -> str:
    """An organisation's fullest form in the article: "The Journal-Constitution" -> "The Atlanta
    Journal-Constitution" (a longer ORG mention ending with the same word)."""
    expanded = expand_acronym(LEADING_THE.sub("", name), body)
    if expanded is not None:
        return expanded
    last = name.split()[-1].lower()
    longer = [
        s.text
        for s in spans
        if s.label == "ORG"
        and s.text.split()[-1].lower() == last
        and set(LEADING_THE.sub("", name).lower().split()) <= set(s.text.lower().split())
    ]
    return max(longer, key=len) if longer and len(max(longer, key=len)) > len(name) else name


def _described_organisation(subject: str, at: int, body: str, spans: list[Span]) -> str | None:
    """ "the company said": the organisation last introduced with that noun ("news agency MENA"),
    else the nearest one named before whose name holds it ("the ministry" -> "Foreign Ministry"),
    else (for nouns any organisation goes by) the nearest one named before."""
    m = re.fullmatch(rf"(?:the|The)\s+(?:[a-z\-]+\s+)?({ORG_NOUNS})", subject)
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


# Who the most named person of a crime story may be instead: the victim.
_CRIME_NOUNS = {"killer", "suspect", "gunman", "defendant"}
_HARMED = r"(?:shot|killed|murdered|stabbed|slain|wounded)"


def _victim_pattern(surname: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{_HARMED}\s+(?:[\w'’\-]+\s+){{0,3}}?{re.escape(surname)}\b"
        rf"|\b{re.escape(surname)}\b(?:,[^,.]{{0,60}}){{0,3}},?\s+(?:was|had\s+been)\s+(?:fatally\s+)?{_HARMED}"
    )


def _described_person(
    subject: str, at: int, body: str, people: list[Person]
) -> tuple[str, str | None] | None:
    """Speaker and name for "the pair" (the last two people named together) or a definite
    description of a person: the one the article called so ("the gunman", after "gunman Andrew
    Lopez"), else the most named person so far ("the actor"); for a killer, a suspect or a gunman
    not one the article says was shot or killed (the victim), and then no one."""
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
    noun = m.group(2)
    if noun not in _PERSON_NOUNS or not before:
        return None
    for person in reversed(before):
        # The person the article gave that noun: "gunman Andrew Lopez", "Lopez, 20, the gunman".
        ahead = body[max(0, person.start - 40) : person.start]
        behind = body[person.start + len(person.name) : person.start + len(person.name) + 40]
        if re.search(rf"\b{noun}\s+$", ahead) or re.match(
            rf",\s+(?:\d+,\s+)?(?:the|a)\s+(?:[a-z\-]+\s+)?{noun}\b", behind
        ):
            full = full_person(person.name, people) or person
            return full.name, full.name
    counts: dict[str, int] = {}
    for person in before:
        full = full_person(person.name, people) or person
        counts[full.name] = counts.get(full.name, 0) + 1
    name = max(reversed(list(counts)), key=lambda n: counts[n])
    if noun in _CRIME_NOUNS and _victim_pattern(name.split()[-1]).search(body):
        # The most named in a crime story may be the victim: "The gunman said the shooting ...
        # had stemmed from a turf war" is not the words of Zurana Horton, who "was killed".
        return subject, None
    return name, name


_FINDINGS_SOURCE = re.compile(rf"^[A-Z][^,;\"“”]{{0,80}}?{FINDINGS_NOUN}$")
