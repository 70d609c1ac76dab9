"""Text utilities shared by every stage: paragraphs, news-aware sentence splitting, word tokens.

Sentences are returned verbatim (only surrounding whitespace stripped), so a brief built from them
quotes its sources exactly.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations that end with a period but rarely end a sentence in news text.
_ABBREVIATIONS = _wordset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col capt cmdr sgt cpl pvt adm maj gov sen rep rev hon
    spc pfc sfc ssgt msgt brig cdr ens lcpl
    pres supt insp det atty messrs mme mlle msgr fr const comr dep
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    ave blvd rd hwy www
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    u.s u.k u.n e.g i.e a.m p.m
    """
)

# Abbreviations that also end sentences ("... in the U.S. The next day"): split there when the
# next word is a closed-class word that typically opens a sentence.
_TERMINAL_ABBREVIATIONS = _wordset(
    "u.s u.k u.n e.u d.c inc corp co ltd llc plc bros etc a.m p.m jr sr"
    # A state closes a place ("... in Springfield, Mo. It is ...", "... in Nashville, Tenn. She
    # began modeling ..."), so before "It" or "She" it ends the sentence, as "U.S." does.
    " ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont"
    " neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo"
)
_SENTENCE_OPENERS = _wordset(
    """
    the a an he she it they we i you this that these those there his her its their our my
    in on at but and however after when while as if yet so for by with from to some many
    police officials authorities witnesses investigators prosecutors
    """
)

# Capitalised words that continue a sentence after a time: "at 9 a.m. Monday", "4 p.m. EST".
_AFTER_A_TIME = _wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec today tonight
    et est edt ct cst cdt mt mst mdt pt pst pdt akst hst gmt bst utc cet cest ist jst aest
    eastern central mountain pacific local
    """
)
_TIME_ZONE_NAME = re.compile(r"(?:[A-Z][\w.]*\s+){1,3}Time\b")  # "8:00 P.M. China Standard Time"
_TIME_OPENS_CLAUSE = re.compile(
    r"\b(?:said|says|say|that|and|when)\s+(?:on\s+\w+\s+)?(?:at|around|about|after|before|by)"
    r"\s+(?:about\s+)?[\d: ]+[ap]\. ?m\.$",
    re.IGNORECASE,
)

# English stopwords: scikit-learn's ENGLISH_STOP_WORDS (the Glasgow Information Retrieval Group
# list; BSD-3-Clause), copied because importing scikit-learn costs half a second at start-up.
ENGLISH_STOPWORDS = _wordset(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone anything
    anyway anywhere are around as at back be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond bill both bottom but by call
    can cannot cant co con could couldnt cry de describe detail do done down due during each eg
    eight either eleven else elsewhere empty enough etc even ever every everyone everything
    everywhere except few fifteen fifty fill find fire first five for former formerly forty
    found four from front full further get give go had has hasnt have he hence her here
    hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if
    in inc indeed interest into is it its itself keep last latter latterly least less ltd made
    many may me meanwhile might mill mine more moreover most mostly move much must my myself
    name namely neither never nevertheless next nine no nobody none noone nor not nothing now
    nowhere of off often on once one only onto or other others otherwise our ours ourselves out
    over own part per perhaps please put rather re same see seem seemed seeming seems serious
    several she should show side since sincere six sixty so some somehow someone something
    sometime sometimes somewhere still such system take ten than that the their them themselves
    then thence there thereafter thereby therefore therein thereupon these they thick thin
    third this those though three through throughout thru thus to together too top toward
    towards twelve twenty two un under until up upon us very via was we well were what whatever
    when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
    which while whither who whoever whole whom whose why will with within without would yet you
    your yours yourself yourselves
    """
)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“'‘(\[])")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
# Tokenised text (ECB+) spaces a closing '' or ” from the stop: "very quickly . '' McAfee said".
_BOUNDARY = re.compile(r"([.!?]+|\.\.\.|…)((?:[\"”'’)\]]|\s(?:''|”))*)(\s+)")
# Opening quotes include LDC/DUC wire text's TeX-style ``.
# Tokenised text (ECB+) spaces an opening curly quote from its word: “ I ...
_NEXT_STARTS_SENTENCE = re.compile(r"(?:[\"“'‘(\[`]|[\"“‘]\s|``\s)*[A-Z0-9À-Ý]")
# ... and spaces a closing straight quote from its stop: 'the "Old Mat Maid Warehouse. " It was'.
_SPACED_STRAIGHT_QUOTE = re.compile(r'"\s+')
_WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)*")
# A currency sign an encoding lost, glued to the word before the amount: "since agreeing an? 110
# billion debt bailout" (for "€110 billion"). No question ends there; a numbered list may follow
# one ("... a question? 2. How ...").
_LOST_CURRENCY_SIGN = re.compile(r"[a-z]\?\s+\d")
_LIST_NUMBER = re.compile(r"\d+\.\s")


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs: split at blank lines, or at line breaks before a capital."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p and p.strip()]


# The word before a final full stop, at the start or after a space, bracket or opening quote.
_FINAL_WORD = re.compile(r"(?<![^\s(\"“])([A-Za-z][A-Za-z.]*)\.$")


def ends_with_abbreviation(prefix: str) -> bool:
    """Whether ``prefix`` ends with an abbreviation's full stop ("Mr.", "Jan.", "U.S.", "J.")."""
    # That word can only begin where the prefix's final run of letters and stops begins: try it
    # there, not at every character of the prefix (this runs at every full stop of a text).
    start = len(prefix.rstrip("\n").rstrip(string.ascii_letters + "."))
    match = _FINAL_WORD.match(prefix, start)
    if not match:
        return False
    token = match.group(1).lower()
    if token in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") that are followed by more text.
    return len(token) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def abbreviation_ends_sentence(prefix: str, rest: str) -> bool:
    """After "U.S." or "Inc.", a capitalised function word ("The", "He") starts a new sentence;
    after a time ("4 p.m."), any capitalised word but a date or a time zone does, unless the time
    opens its clause ("Police say that around 11:30 p.m. Kimani Gray was standing ...")."""
    following = re.match(r"[\"“'‘(\[`]*([A-Z][A-Za-z]*)\b", rest)
    if not following:
        return False
    next_word = following.group(1).lower()
    # Tokenised text spaces the time abbreviations out: "7 p. m. Police say ...".
    if re.search(r"\b[ap]\. ?m\.$", prefix, re.IGNORECASE):
        return (
            next_word not in _AFTER_A_TIME
            and not _TIME_OPENS_CLAUSE.search(prefix)
            and not _TIME_ZONE_NAME.match(rest)
        )
    match = re.search(r"([A-Za-z][A-Za-z.]*)\.$", prefix)
    if not match or match.group(1).lower() not in _TERMINAL_ABBREVIATIONS:
        return False
    return next_word in _SENTENCE_OPENERS


def _split_paragraph(paragraph: str) -> Iterator[str]:
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end_of_sentence, next_start = match.end(2), match.end()
        rest = paragraph[next_start:]
        if not rest:
            break
        # A straight quote spaced off the stop closes the sentence when a quotation is open.
        spaced_quote = _SPACED_STRAIGHT_QUOTE.match(rest)
        if spaced_quote and paragraph.count('"', 0, end_of_sentence) % 2 == 1:
            end_of_sentence, next_start = next_start + 1, next_start + spaced_quote.end()
            rest = paragraph[next_start:]
        if not _NEXT_STARTS_SENTENCE.match(rest):
            continue
        if paragraph[match.start() - 1 : match.start()] in ("(", "["):
            continue  # "a mark of 162 - 139 (. 538) in Portland": tokenised text's decimal
        lost_sign = _LOST_CURRENCY_SIGN.match(paragraph, max(0, match.start() - 1))
        if lost_sign and not _LIST_NUMBER.match(rest):
            continue
        prefix = paragraph[start : match.end(1)]
        if (
            match.group(1) == "."
            and ends_with_abbreviation(prefix)
            and not abbreviation_ends_sentence(prefix, rest)
        ):
            # "U.S. officials", "Mr. Smith", "Jan. 5" continue the sentence.
            continue
        sentence = paragraph[start:end_of_sentence].strip()
        if sentence:
            yield sentence
        start = next_start
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
    if text.isascii():  # then lower-casing first finds the same words, in one call
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


_ASCII_UPPER = string.ascii_uppercase.encode()
_ASCII_LOWER = string.ascii_lowercase.encode()


def ascii_case_counts(text: str) -> tuple[int, int]:
    """How many ASCII capitals and small letters (A-Z, a-z) ``text`` has."""
    # Deleting them from the text's ASCII bytes counts them in C: ten times faster than counting
    # a regex's matches, and this runs on every sentence of a story.
    raw = text.encode("ascii", "ignore")
    return (
        len(raw) - len(raw.translate(None, _ASCII_UPPER)),
        len(raw) - len(raw.translate(None, _ASCII_LOWER)),
    )


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """``count_of(1, "article")`` is "1 article"; other numbers take ``plural``, by default the
    noun with an "s" ("2 articles"; ``count_of(2, "story", "stories")``)."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "la",
        "le",
        "bin",
        "ibn",
    ]
)
"""Lower-case words that begin surnames ("de Boer", "van Gogh", "bin Laden")."""


def names_any(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` contains any of an entity's ``names`` as whole words, ignoring case except
    that a capitalised name must be capitalised where it stands: the alias "Air" of Christopher
    Air is not "fired shots into the air"; "Unity State" is "Unity state"."""
    for name in names:
        if not name:
            continue
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        # "De Boer" is written "de Boer" too: a particle may start lower case.
        capital = name[:1].isupper() and name.split()[0].lower() not in NAME_PARTICLES
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if not capital or m.group()[:1].isupper():
                return True
    return False


def mentions_any(text: str, phrases: Sequence[str]) -> bool:
    """Whether ``text`` contains any of ``phrases`` as whole words, ignoring case ("US" is not
    found in "because")."""
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(p.casefold())}(?!\w)", folded) for p in phrases if p)


# LDC/DUC wire text writes quotes as ``...'' (TeX style): those count as quote marks too.
QUOTE_MARK = re.compile(r'"|“|”|``|\'\'')  # literals: the search skips to their first characters


def quotation_marks(text: str) -> Iterator[re.Match[str]]:
    """The double quotation marks of ``text`` (:data:`QUOTE_MARK`), in order. A straight quote
    right after a digit is an inch or a second ("the 17" MacBook Pro", "3h 51' 03""), no
    quotation mark."""
    for mark in QUOTE_MARK.finditer(text):
        if mark.group() != '"' or not text[mark.start() - 1 : mark.start()].isdigit():
            yield mark


def quote_open_after(text: str, open_before: bool = False) -> bool:
    """Whether a double-quoted quotation is still open at the end of ``text`` (straight quotes
    toggle; TeX ``...'' and curly quotes open and close)."""
    state = open_before
    for mark in quotation_marks(text):
        char = mark.group()
        state = not state if char == '"' else char in ("“", "``")
    return state
