"""Referents: what a sentence refers back to, and the sentence that introduced it.

A sentence that refers back to someone or something comes with the sentence that introduced it:
"Cooley said ..." with the one that named Steve Cooley in full, "The sailors were freed" with the
one that told of the sailors, "The verdict was ..." with the one that told of a verdict, "The
second device ..." with the one that told of the first. :func:`newsdesk.brief.base.prepare` asks
of each sentence what it refers back to (:func:`opening_surname`, :func:`speaker_surname`,
:func:`people_referent`, :func:`event_referent`, :func:`ordinal_referent`), notes whom each
sentence introduces (:data:`FULL_NAME_SURNAME`, :func:`people_mentioned`) and makes the two one
unit; a sentence whose referent no earlier sentence gave comes with the sentence before it, as
does one whose subject is a pronoun after a fronted phrase (:func:`pronoun_after_fronted_phrase`).
What the story's reader already knows, its own actors and events (:func:`common_referents`),
needs no introduction. Whether a full name's first word is a first name (a person, not "Banda
Aceh") is :mod:`newsdesk.attribute.gazetteer`'s list. The rules on one sentence alone
(fragments, datelines, the writer's own voice, dangling openers, quotations) are in
:mod:`newsdesk.brief.coherence`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence

from newsdesk.attribute import gazetteer
from newsdesk.brief.coherence import SPEECH, SPEECH_VERBS, has_any
from newsdesk.brief.terms import content_stems, stem
from newsdesk.models import Article
from newsdesk.text import NAME_PARTICLES, words

# These patterns run on every sentence of a story too, and are written for speed as the note at
# the top of :mod:`newsdesk.brief.coherence` says: each opens with a character the search can
# skip to, and :func:`~newsdesk.brief.coherence.has_any` skips a search that cannot match.

# --- names and surnames --------------------------------------------------------------------------

# The last word of a full name ("Steve Cooley", "Mark Jay Heller", "Yvo de Boer"), and a sentence
# opening with that surname alone ("Cooley said ...", "De Boer repeatedly points out ...", "Ford,
# now an assistant coach, ..."): the reader meets the person only where they were named in full.
_PARTICLE = "(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in sorted(NAME_PARTICLES)) + ")"
# A surname: "Nichols", also with an inner capital ("DeGeneres", "McNutt", "O'Brien").
# Capitals and small letters, also Latin-1's ("José Arévalo", "Sebastián Piñera").
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_SURNAME = rf"[{_UPPER}](?:[{_LOWER}]{{1,3}}[{_UPPER}]|['’][{_UPPER}])?[{_LOWER}]{{2,}}"
# Capitalised words that open a sentence or a phrase ("In Atlanta"), or follow a name ("Brian
# Nichols Saturday"), without being part of the name; and the first words of place names
# ("Central Aceh", "North Korea", "San Diego"), whose last word is no surname.
_NOT_NAME_WORDS = (
    r"(?:In|On|At|The|A|An|And|But|For|From|To|With|By|Of|As|After|Before|When|While|If|Since"
    r"|During|Under|Over|Near|Outside|Inside|Into|Across|Against|Among|Between|Despite|Like"
    r"|This|That|These|Those|Then|Now|Last|Next|Early|Late|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun"
    r"|North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Greater|New"
    r"|San|Santa|Los|Las|Fort|Port|Mount|Cape)"
)
# Last words of capitalised phrases that are days, months or places, not people; and the words
# that open the next sentence where a splitter missed its end ("... 0% APR O.A.C. The
# smartphone ...").
_NOT_SURNAME_WORDS = (
    r"(?:The|This|That|These|Those"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Today|Tonight|Yesterday"
    r"|County|City|Street|Avenue|Road|Highway|Gulf|Sea|Ocean|River|Lake|Mountain|Island|Islands"
    r"|Valley|Park|Bay|Beach|Coast|Center|Centre|University|College|School|Hospital|Court|House"
    r"|Department|Ministry|Police|Airport|Station|Bridge|Church|Hall|Square|Stadium|Museum)"
)
FULL_NAME_SURNAME = re.compile(
    # A capital first, so the search skips to capitals; the lookbehind then checks it from before
    # it: it starts a word, and none of _NOT_NAME_WORDS.
    # The first name may be initials ("A.J. Smith", "J.K. Rowling"), not "U.S." or "U.N.".
    rf"[{_UPPER}](?<=\b(?!{_NOT_NAME_WORDS}\b(?!\.[A-Z]\.))[{_UPPER}])"
    rf"(?:[{_LOWER}]+|(?<!U)\.(?:[A-Z]\.){{1,2}})"
    rf"(?:\s+[{_UPPER}](?:[{_LOWER}]+|\.(?:[A-Z]\.){{0,2}})?)*"
    rf"\s+((?:{_PARTICLE}\s+){{0,2}}(?=[{_UPPER}])(?!{_NOT_SURNAME_WORDS}\b){_SURNAME})\b"
)
# A sentence opening with a surname, also after a courtesy title or rank ("Mr. Nichols fled",
# "Deputy Ortiz was shot", "Gen. Miller declined", "Lieutenant Hastings said he did not know why
# the officers took the bomb inside."), or with its possessive ("Smith's statement served as the
# only comment from the Chargers."). No "^": match() anchors it, also where a fronted phrase ends.
# Not "General" ("General Motors said ..."), nor the titles the world knows its holders by
# ("President", "Senator").
_SURNAME_OPENER = re.compile(
    r"(?:(?:(?:Maj|Lt|Brig)\.?\s+)?(?:Mr|Mrs|Ms|Dr|Sgt|Det|Const|Gen|Adm|Capt|Cmdr|Col|Maj|Lt"
    r"|Cpl|Pvt|Insp|Supt|Sen|Rep|Gov|Prof|Rev)\.?\s+|(?:Miss|Deputy|Officer|Detective|Sergeant"
    r"|Constable|Trooper|Lieutenant|Captain|Inspector|Corporal|Colonel|Major|Commander"
    rf"|Superintendent|Sheriff|Chief|Judge)\s+)?((?:{_PARTICLE}\s+){{0,2}}{_SURNAME})"
    r"(?:,|(?:['’]s)?\s+[a-z])"
)


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


# A speaker called by surname alone: "..., Pickell said." / "... said Pickell." / "...,
# according to Brown."
_SPEAKER_SURNAME = re.compile(
    rf"[,\"”’']\s*(?!{_NOT_SURNAME_WORDS}\b)({_SURNAME})\s+{SPEECH}\b"
    rf"|\b{SPEECH}\s+(?!{_NOT_SURNAME_WORDS}\b)({_SURNAME})\s*[.,]"
    rf"|\baccording to\s+(?!{_NOT_SURNAME_WORDS}\b)({_SURNAME})\s*[.,]"
)
_SPEAKER_GATE = (*SPEECH_VERBS, "according to")


def speaker_surname(text: str) -> str | None:
    """The surname a quotation or report is attributed to ("..., Pickell said."), casefolded."""
    if not has_any(text, _SPEAKER_GATE):
        return None
    match = _SPEAKER_SURNAME.search(text)
    if match is None:
        return None
    name = match.group(1) or match.group(2) or match.group(3)
    return None if name in _NOT_SURNAMES else name.casefold()


# A surname alone inside the sentence: "The jury sentenced Graner to ten years in prison.", "The
# Red Sox control Youkilis contractually ...". Not part of a longer name (no capitalised word
# next to it), and not after a word a place follows more often than a person does ("in Aceh",
# "from Greece").
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "from", "to", "into", "across", "near", "outside", "inside", "of", "for", "via"]
)
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[^\w'’.-]*$")
_BEFORE_REACH = 40  # characters before a surname that hold the word before it
_WORD_AFTER = re.compile(r"[^\w'’.-]*(\w)")


def people_named(names: Iterable[re.Match[str]]) -> dict[str, str]:
    """Of the full names :data:`FULL_NAME_SURNAME` found in a sentence, those whose first word is
    a first name or an initial ("Riddick Bowe", "J. Edgar Hoover"; not "Banda Aceh" or "MacBook
    Air"): their surnames casefolded, to the surname as written. Without the first names' list
    (:mod:`newsdesk.attribute.gazetteer`), none."""
    named: dict[str, str] = {}
    for match in names:
        first = match.group().split(None, 1)[0]
        if first.endswith(".") or gazetteer.first_name_frequency(first):
            named[match.group(1).casefold()] = match.group(1)
    return named


def inner_surnames(text: str, introduced: Container[str], people: Mapping[str, str]) -> set[str]:
    """The surnames of ``people`` (:func:`people_named`) the article has ``introduced`` that a
    sentence uses alone past its first word, as a subject or possessive ("Graner to", "Quinn's
    pass"), casefolded."""
    found: set[str] = set()
    for name, written in people.items():
        if name not in introduced or written in _NOT_SURNAMES:
            continue
        start = text.find(written, 1)
        while start > 0 and name not in found:
            end = start + len(written)
            possessive = text.startswith(("'s", "’s"), end)
            before = _WORD_BEFORE.search(text[max(0, start - _BEFORE_REACH) : start])
            after = _WORD_AFTER.match(text, end)
            if (
                not text[start - 1].isalnum()
                and before is not None
                and not before[1][0].isupper()
                and before[1].lower() not in _PLACE_PREPOSITIONS
                and (
                    possessive
                    or (
                        not text[end : end + 1].isalnum()
                        and after is not None
                        and after[1].islower()
                    )
                )
            ):
                found.add(name)
            start = text.find(written, end)
    return found


# A fronted adverbial: "In Atlanta's posh Buckhead neighborhood,", "Last year,", also after a
# word that sharpens it: "Just yesterday,", "Only last week,", "Shortly after the race,".
_FRONTED_PHRASE = (
    r"(?:(?:just|only|even|right|shortly|soon|late|most)\s+)?"
    r"(?:in|on|at|after|before|when|while|during|since|last|this|early|earlier|later|once|as"
    r"|by|until|despite|following|with|without|like|unlike|although|though|because|if|over"
    r"|under|from|for|born|speaking|asked|previously|recently|now|today|yesterday|outside"
    r"|inside|within|between|around|along|upon|amid|among|back|prior|meanwhile|still|instead"
    r"|however|also|then|yet|somehow|whatever|tonight|overnight|overall|sure|true|well|\d{4}"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    # "Two trips later,", "Hours after the verdict,", "Several years ago,"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+[a-z]+"
    r"\s+(?:later|earlier|before|after|ago)"
    r"|(?:seconds|minutes|moments|hours|days|weeks|months|years)\s+(?:later|earlier|before|after)"
    # A sentence adverb: "Additionally, he was selected ...", "Reportedly, she was a professor",
    # "Oddly enough, Capaldi was ...".
    r"|(?!july\b|italy\b)[a-z]{3,}ly(?:\s+enough)?(?=\s*,)"
    # A participle: "Arrested by the CHP on suspicion of drunken driving, he was booked ...",
    # "According to a relative, he had ...", "Pending his extradition, he was held ...".
    r"|[a-z]{3,}(?:ed|ing))\b[^,\"“”]{0,60}"
)
_FRONTED_ANY = re.compile(rf"^(?i:{_FRONTED_PHRASE}),\s+")
_FRONTED_OPENING = re.compile(rf"{_FRONTED_ANY.pattern}(?=[A-Z])")
# The comma that ends a fronted phrase comes within this many characters (a sharpening word, a
# head of up to about 30, then at most 60 more): a sentence without one skips the long pattern.
_FRONTED_REACH = 100


def opening_surname(text: str) -> str | None:
    """The surname a sentence opens with ("Cooley said", "De Boer points out"), also after a
    fronted phrase that names nobody ("Last night, Rosenthal reported ..."), casefolded."""
    match = None
    if "," in text[:_FRONTED_REACH] and (fronted := _FRONTED_OPENING.match(text)):
        match = _SURNAME_OPENER.match(text, fronted.end())
        if match is not None and FULL_NAME_SURNAME.search(fronted.group()):
            match = None
    match = match or _SURNAME_OPENER.match(text)
    if match is None or match.group(1) in _NOT_SURNAMES:
        return None
    return match.group(1).casefold()


# "In Atlanta's posh Buckhead neighborhood, he shot ...", "Last year, she was ...": a fronted
# adverbial, then a personal pronoun whose referent lies outside the sentence.
_FRONTED_PRONOUN = re.compile(
    rf"^({_FRONTED_PHRASE}),\s+(?:he|she|they|his|her|their)\b",
    re.IGNORECASE,
)
# The same without a comma, after a short phrase that opens no clause: "In 1990 she founded the
# Bayou La Batre Rural Health Clinic", "Last year he helmed The Golden Compass", "Upon arrival
# they found ..."; not "In the five games he played before Thursday's action, Hansbrough ...",
# whose comma hands over to the name.
_SHORT_FRONTED_PRONOUN = re.compile(
    r"^((?:In|On|At|Upon|Last|During|Within|By|Later|Earlier)"
    r"(?:\s+(?!(?:since|when|that|which|who|where)\b)[\w'’.-]+){0,3}?)"
    r"\s+(?:he|she|they)\s+[a-z][^,]*(?:$|,\s+(?!the\b|[A-Z]))"
)
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’]*")
# "With a magnitude of 4.3, it occurred ...", "According to Schiller, it offers ...": "it" after a
# fronted phrase that is no clause of its own ("If the code is successful, it downloads ..." gives
# its referent), and not the "it" that stands for what follows ("On Friday, it was reported
# that ...", "In any case, it appears ...", "Given the lack of threat, it's pretty damning that").
_CLAUSE_OPENER = (
    r"(?:if|when|whenever|while|although|though|because|once|unless|whereas|since|until|before"
    r"|after|as(?!\s+(?:such|of)\b))\b"
)
# A topic set up front is what the pronoun stands for: "As for South Sudan, it is one of the least
# developed countries", "Speaking of Pagano, he is scheduled to return".
_TOPIC_PHRASE = re.compile(r"(?:as\s+(?:for|to)|speaking\s+of|regarding|concerning)\b", re.I)
_FRONTED_IT = re.compile(
    rf"^(?!{_CLAUSE_OPENER})(?:{_FRONTED_PHRASE}),\s+it\s+"
    r"(?!(?:seems?|seemed|appears?|appeared)\b)"
    r"(?P<be>(?:is|was|['’]s|(?:has|had|will|would|could|can|may|might|must|should)"
    r"(?:\s+(?:not|n['’]t))?\s+be(?:en)?|takes|took|makes|made|means|meant|remains|remained"
    r"|becomes|became)\b)?",
    re.IGNORECASE,
)
# What the anticipatory "it" of "to be" (or "takes", "means", ...) introduces: "it was reported
# that", "it is possible to", "it was the defence that stood", "it would be easy to jump to".
_IT_STANDS_FOR = re.compile(
    r"\s*(?:(?:reported|revealed|announced|said|believed|thought|expected|feared|understood"
    r"|learned|learnt|confirmed|known|estimated|alleged|claimed|rumou?red|likely|unlikely"
    r"|possible|impossible|clear|unclear|time)\b"
    # Not "to" after a participle: "In 1983, it was forced to file for bankruptcy."
    r"|(?:[\w'’-]+\s+){0,4}?(?:that|(?<!ed\s)to|whether|how|why|who)\b)",
    re.IGNORECASE,
)


def pronoun_after_fronted_phrase(text: str, known_names: Container[str]) -> bool:
    """Whether the sentence's subject is a pronoun after a fronted phrase that names nobody ("In
    1938, he married ...", "Last year he helmed ..."; not "When Boras spoke at the meetings, he
    ..."), or "it" after a fronted phrase that is no clause ("With a magnitude of 4.3, it
    occurred ...")."""
    if _TOPIC_PHRASE.match(text):
        return False
    if "," not in text[:_FRONTED_REACH]:
        match = _SHORT_FRONTED_PRONOUN.match(text)
        return match is not None and not _names_someone(match.group(1), known_names)
    match = _FRONTED_PRONOUN.match(text) or _SHORT_FRONTED_PRONOUN.match(text)
    if match is None:
        it = _FRONTED_IT.match(text) if " it " in text or " It " in text else None
        return it is not None and not (it["be"] and _IT_STANDS_FOR.match(text, it.end()))
    return not _names_someone(match.group(1), known_names)


def _names_someone(phrase: str, known_names: Container[str]) -> bool:
    """Whether a fronted phrase names someone the pronoun after it may stand for."""
    if FULL_NAME_SURNAME.search(phrase):
        return True
    return any(w.casefold() in known_names for w in _CAPITALISED_WORD.findall(phrase))


# --- people and roles ----------------------------------------------------------------------------

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
    "inmates", "fugitive", "fugitives", "robber", "robbers", "thieves", "nationals", "citizens",
    "protesters", "demonstrators", "rescuers", "firefighters", "militants", "rebels", "pirates",
    "americans", "britons", "canadians", "australians", "germans", "russians", "israelis",
    "palestinians", "iranians", "iraqis", "afghans", "pakistanis", "mexicans", "italians",
    "europeans", "koreans", "jury", "jurors", "scientists", "researchers", "biologists",
)
# fmt: on
_THE_PEOPLE = (
    rf"the\s+(?:[\w'’\-]+\s+){{0,3}}?({'|'.join(_PEOPLE_NOUNS)})\b"
    r"(?!\s+(?:of|who|whom|whose|that|which|in|at|from|with)\b)"
)
_DEFINITE_PEOPLE = re.compile(rf"^[\"“]?{_THE_PEOPLE}", re.IGNORECASE)
_THE_PEOPLE_HERE = re.compile(_THE_PEOPLE, re.IGNORECASE)
# Also after whoever reports it: "Police said (that) the Americans ...". (With IGNORECASE, [A-Z]
# is any letter: the words before the speech verb are any words.)
_REPORTED_DEFINITE_PEOPLE = re.compile(
    rf"^[\"“]?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*\s+{SPEECH}\s+(?:that\s+)?{_THE_PEOPLE}",
    re.IGNORECASE,
)
# Roles, often a title before a name ("quarterback Brady Quinn"): a reference back only right
# after "The" and at most two small words, and with no name following ("The Colts' defense
# stuffed quarterback Brady Quinn" is none).
# fmt: off
_ROLE_NOUNS = (
    "quarterback", "receiver", "linebacker", "pitcher", "striker", "goalkeeper", "boxer",
    "champion", "challenger", "rookie", "veteran", "correspondent", "prosecutor", "officer",
    "deputy", "sergeant", "nurse", "pilot", "pastor", "priest", "teacher", "lawyer", "attorney",
    "showrunner", "director", "executive", "star", "running back", "wide receiver",
)
# fmt: on
_DEFINITE_ROLE = re.compile(
    rf"^[\"“]?The\s+(?:[\w'’\-]+\s+){{0,2}}?({'|'.join(_ROLE_NOUNS)})\b(?![\s,]+[A-Z]|['’])"
    r"(?!\s+(?:of|who|whom|whose|that|which|in|at|from|with|for)\b)"
)
_PEOPLE_WORDS = frozenset(_PEOPLE_NOUNS + _ROLE_NOUNS)


def people_referent(text: str) -> str | None:
    """The people noun of a definite description a sentence opens with, as a referent key."""
    match = None
    # The reported form is tried first, and only with a speech verb: its match backtracks over
    # every word of the sentence. IGNORECASE matches "ſ" as s and "ı", "İ" as i, which lower()
    # does not give: a sentence that is not ASCII is always tried.
    if not text.isascii() or has_any(text.lower(), SPEECH_VERBS):
        match = _REPORTED_DEFINITE_PEOPLE.match(text)
    match = match or _DEFINITE_PEOPLE.match(text) or _DEFINITE_ROLE.match(text)
    if match is None and "," in text[:_FRONTED_REACH] and (fronted := _FRONTED_ANY.match(text)):
        # After a fronted phrase: "In a letter, the scientists urged the department secretaries
        # to rescind ...".
        match = _THE_PEOPLE_HERE.match(text, fronted.end())
    return f"people:{stem(match.group(1).lower())}" if match else None


def people_mentioned(tokens: Sequence[str]) -> set[str]:
    """Referent keys (as :func:`people_referent` makes them) of the people nouns in ``tokens``
    (lower-cased, as :func:`newsdesk.text.words` gives them)."""
    return {f"people:{stem(t)}" for t in tokens if t in _PEOPLE_WORDS}


# --- events and short names ----------------------------------------------------------------------

# "The verdict was a major blow to a Mafia ...", "The recording was seized when Jeffs was arrested",
# "The jury's decision puts an end to ...": an event or a document the article told of before (not
# "The trial of ...", which says which).
# fmt: off
_EVENT_NOUNS = (
    "verdict", "deadlock", "clashes", "recording", "announcement", "decision", "ruling",
    "incident", "complaint", "indictment", "lawsuit", "investigation", "probe", "report", "study",
    "survey", "attack", "shooting", "bombing", "explosion", "blast", "crash", "collision", "fire",
    "blaze", "quake", "earthquake", "tremor", "aftershock", "arrest", "raid", "heist", "robbery",
    "theft", "deal", "offer", "agreement", "acquisition", "merger", "purchase", "sale", "rally",
    "protest", "protests", "riots", "strike", "vote", "charges", "trial", "hearing", "sentence",
    "conviction", "appeal", "move", "action", "warning", "alert", "evacuation",
    "ceasefire", "murder", "killing", "killings", "election", "game", "fight", "accident",
    # what an article shows or files, and where it happens: "The site has a medical facility
    # run by the Dominican Red Cross", "The program also alleged ...", "The memos noted ..."
    "site", "program", "programme", "memo", "memos", "video", "footage", "images", "photos",
    "photographs", "pictures", "documents", "letter", "inquiry", "review", "bill", "plan",
    "proposal", "operation", "search", "campaign", "petition", "confessions", "ceremony",
    "meeting", "talks", "mission", "project", "case", "speech",
    # what came of it: "The impact knocked Johnson to the ground", "The win improved Creighton to
    # 41 - 20", "The controversy drove Page from modeling", "The effects are indicated to be
    # notable after ..."
    "event", "impact", "shootings", "attacks", "bombings", "problem", "error", "loss", "defeat",
    "win", "victory", "results", "controversy", "scandal", "changes", "effects", "allegations",
    "damage",
)
# fmt: on
_EVENT = (
    rf"(?:[a-z][\w\-]*(?:['’]s)?\s+){{0,2}}?({'|'.join(_EVENT_NOUNS)})(?![\w\-])"
    r"(?!\s+(?:of|in|at|on|against|over|by|between|from|to|for|with|that|which|who)\b)"
)
_DEFINITE_EVENT = re.compile(
    # Also after a preposition of time: "After the speech the torch will be taken on a 31 mile
    # relay around London".
    rf"^[\"“]?(?:(?:After|Before|Following|During|Since|Until|Despite)\s+the"
    rf"|The|[A-Z][a-z]+['’]s)\s+{_EVENT}"
)
# Also after whoever reports it: "The City Attorney's office said the case hadn't been submitted
# as of Tuesday", "The British government claims that the confessions were extracted under
# duress". A name or a capitalised subject of up to three more words in small letters, so that
# the search stops at the first reporting verb.
_REPORTING_VERBS = (
    *SPEECH_VERBS, "claims", "claimed", "alleges", "alleged", "confirmed", "confirms", "reported",
    "believes", "believed",
)  # fmt: skip
_REPORTED_DEFINITE_EVENT = re.compile(
    rf"^[\"“]?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*(?:\s+[a-z][\w'’\-]*){{0,3}}?"
    rf"\s+(?:{'|'.join(_REPORTING_VERBS)})\s+(?:that\s+)?the\s+{_EVENT}"
)
_SAME_EVENT = {
    "quake": "earthquake", "tremor": "earthquake", "blaze": "fire",
    # "The video was shown as part of the trials ..." after "... has been shown footage of the
    # bombers": one recording under two names
    "video": "footage", "images": "footage", "pictures": "footage", "photos": "footage",
    "photographs": "footage",
}  # fmt: skip


_LATEST = re.compile(r"\b(?:latest|newest|most\s+recent)\s", re.IGNORECASE)


def _event_key(noun: str) -> str:
    # The word itself, not its stem: "announced" in the openings does not tell of "the
    # announcement" the sentence means.
    return f"event:{_SAME_EVENT.get(noun, noun)}"


def events_mentioned(tokens: Sequence[str]) -> set[str]:
    """Referent keys (as :func:`event_referent` makes them) of every word of ``tokens``."""
    return {_event_key(t) for t in tokens}


# "The Conference is the place where ...", "The Council had met behind closed doors": a common
# noun capitalised as the short name of something the article named in full before.
_DEFINITE_SHORT_NAME = re.compile(
    r"^[\"“]?The\s+([A-Z][a-z]{2,})\s+(?!(?:of|and|de|for|in|on|at|to)\b)(?=[a-z])"
)


def event_referent(
    text: str, common_noun: Callable[[str], bool] = lambda word: False
) -> tuple[str, list[str]] | None:
    """The event or document a sentence opens with ("The verdict was ...", "The quake was
    centred ...", "Officials said the move is ...", and "The Conference is ..." when
    ``common_noun("conference")``): its referent key, and the stems an earlier sentence telling of
    it would have. None when the sentence opens otherwise or says which ("The trial of Brian
    Nichols", "The Department of Defense")."""
    match = _DEFINITE_EVENT.match(text)
    if match is None and has_any(text, _REPORTING_VERBS):
        match = _REPORTED_DEFINITE_EVENT.match(text)
    if match is not None:
        noun = match.group(1).lower()
        stems = [stem(noun), stem(_SAME_EVENT.get(noun, noun))]
        if _LATEST.search(match.group()):
            # One of a series, which the story's own event is not: "The US Geological Survey
            # said the latest tremor had a magnitude of 6.1" after the quake of eight days before.
            return f"latest:{_event_key(noun)}", list(dict.fromkeys(stems))
        return _event_key(noun), list(dict.fromkeys(stems))
    short = _DEFINITE_SHORT_NAME.match(text)
    if short is not None and common_noun(noun := short.group(1).lower()):
        # Never the story's own: the full name ("the UN Climate Change Conference") is what
        # the reader needs, and it is in the sentence that gave it.
        return f"name:{noun}", [stem(noun)]
    return None


# --- ordinals ------------------------------------------------------------------------------------

# "The second device, which was discovered by a bank employee, did detonate.", "The fourth shake
# took place at 05:19": a second (third, other) one presupposes the first, told before it.
_ORDINAL_DEFINITE = re.compile(
    r"^[\"“]?the\s+(?:second|third|fourth|fifth|sixth|other)\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)",
    re.IGNORECASE,
)
_SELF_IDENTIFYING = frozenset(["of", "in"])  # "The second film in the trilogy ..."


# "The three boats had a total of 26 Somali crew onboard.", "The two plates are converging ...": a
# group counted as the reader was told of it. The noun in small letters: "The two Washington Post
# reporters who broke the Watergate story, Carl Bernstein and Bob Woodward" say who they are.
_NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
            "eight": "8", "nine": "9", "ten": "10"}  # fmt: skip
_COUNTED_DEFINITE = re.compile(
    rf"^[\"“]?[Tt]he\s+({'|'.join(_NUMBERS)})\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)",
)


def counted_referent(text: str) -> tuple[list[str], list[str]]:
    """The count (as a word and in digits) and the content stems of the group a sentence opens
    with ("The three boats ..."): an earlier sentence must have told of that many. Empty lists
    when it opens otherwise."""
    match = _COUNTED_DEFINITE.match(text)
    if match is None:
        return [], []
    count = match.group(1)
    return [count, _NUMBERS[count]], content_stems(words(match.group(2)))


def ordinal_referent(text: str) -> list[str]:
    """Content stems of the noun phrase a sentence opens with after "The second" (or third,
    other ...): what an earlier sentence must have mentioned. Empty when it opens otherwise or
    names its set itself ("The second film in the Hunger Games trilogy")."""
    match = _ORDINAL_DEFINITE.match(text)
    if match is None:
        return []
    phrase = match.group(1).split()
    if len(phrase) > 1 and phrase[1] in _SELF_IDENTIFYING:
        return []
    return content_stems(words(match.group(1)))


# --- the story's own referents -------------------------------------------------------------------


def common_referents(
    articles: Sequence[Article], sentences: Sequence[Sequence[tuple[int, str]]]
) -> set[str]:
    """Referent keys of the people and events in the headline or opening sentences of at least
    two of the story's articles: the story's own actors and events ("the sailors" of a story on
    15 British sailors, "the quake" of an earthquake's), known to its reader; and the surnames of
    the people named in full there ("Vincent Jackson")."""
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for article, split in zip(articles, sentences, strict=True):
        opening = " ".join([article.title, *(text for _, text in split[:2])])
        tokens = words(opening)
        counts.update(people_mentioned(tokens) | events_mentioned(tokens))
        named.update({name.casefold() for name in FULL_NAME_SURNAME.findall(opening)})
    # The people named in full there too; a story of one article has its own in its opening.
    enough = min(2, len(articles))
    return {key for key, n in counts.items() if n >= 2} | {
        name for name, n in named.items() if n >= enough
    }
