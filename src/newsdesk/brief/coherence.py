"""Coherence and boilerplate rules on one sentence: which are fragments, which need context.

A brief sentence must stand on its own: a byline, dateline or caption is a fragment; "He said
...", "The spokesman said ...", a quotation without its speaker needs the sentence that gives its
referent, and comes with it (:func:`newsdesk.brief.base.prepare` builds those units). A person
called by surname alone, or people or an event the reader has not met, comes with the sentence
that introduced them: :mod:`newsdesk.brief.referents` finds those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsdesk.brief.verbs import AUXILIARIES, is_verbless
from newsdesk.event_time import MONTH_PATTERN, WEEKDAYS
from newsdesk.text import (
    NAME_PARTICLES,
    QUOTE_MARK,
    ascii_case_counts,
    quotation_marks,
    quote_open_after,
    words,
)

_MIN_WORDS = 6
_MAX_WORDS = 80

# These rules run on every sentence of a story. A regex search skips ahead fast only to a first
# literal or character class; a pattern that opens with a lookbehind or a word boundary is tried
# at every position. So the patterns searched for open with a character, and a lookbehind after it
# checks what precedes it ("I(?<![^\s,;:(]I)": an "I" at the start or after a space, comma,
# semicolon, colon or bracket); and a substring test (:func:`has_any`) skips a search that
# cannot match.

# Leading dateline: "WASHINGTON (AP) _ ", "BEIJING, Oct. 16 (Xinhua) -- ", "LONDON (Reuters) - ".
# The rest of the sentence is kept: it is still a verbatim substring of the source.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*)*,?\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*(?:\d{4})?\s*)?"
    r"\((?:AP|Reuters|AFP|Xinhua|UPI|CNN|dpa|Bloomberg|[A-Z]{2,6})\)\s*(?:[_\-–—:]+|--)\s*"
    r"|^[A-Z][A-Z .,'\-]{2,40}(?:\s*\([A-Za-z]+\))?\s*(?:_|--|—|–)\s+"
    # "PHNOM PENH, Cambodia _ " (NYT wire: capitalised city, then the country or state).
    r"|^[A-Z][A-Z .'\-]{2,30}, [A-Z][A-Za-z.' \-]{1,30}?\s+(?:_|--)\s+"
    # "Meadow Lake, Saskatchewan – " (place, region, then a dash).
    r"|^[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}\s+[–—]\s+"
)
# Each form of _DATELINE has one of these: a bracket (the agency) or a dash. Most sentences have
# none and need no match (which backtracks over a sentence's opening capitalised words).
_DATELINE_MARKS = ("(", "_", "--", "—", "–")
# Matched against the lower-cased sentence.
_BOILERPLATE_START = re.compile(
    r"(?:photo\b|image:|video:|related:|read more|sign up|follow (?:us|him|her)|subscribe"
    r"|advertisement|share this|sources?:|\(?(?:ap|reuters|afp)\)?\s*[-—–_]|by\s+\w"
    # Promotion of the outlet's own products: "Listen to Newsbeat live at 12:45".
    r"|listen (?:to|live)\b|start your day\b|download (?:the|our)\b|don'?t miss\b"
    # A pointer elsewhere: "More information on the BlackBerry Curve 8900 is available on RIM's
    # website.", "For more information, check out the ESC statement.", "Hit the jump for ...".
    r"|for (?:more|further) (?:information|details)\b|hit the jump\b"
    r"|(?:more|further|additional) (?:information|details) (?:on|about) [^.]{1,80}? (?:is|are)"
    r" available\b"
    # A wire's note to its editors: "Eds: Adds quote from White House in 5th graf."
    r"|eds?\s*:|editor'?s'?\s+note\s*:"
    r"|[*•·▪►\-]\s)"  # list bullets
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"click here|all rights reserved|copyright|photo\s*(?:by|:|credit)|reporting by|editing by"
    r"|writing by|additional reporting|https?\s?:\s?/\s?/|www\.|@\w+\.\w|contributed to this report"
    r"|anyone with (?:any )?information|crime ?stoppers"
    # A blog post's line of meta: "... posted in Pedestrian Accidents on Wednesday, September 18".
    r"|posted (?:in|by) [^.]{1,60}? on (?:mon|tues|wednes|thurs|fri|satur|sun)day,"
    # The page around the article: "Interested customers can register for updates on the Q10 at
    # the link below."
    r"|\b(?:link|video|form|chart|map|graphic|table|gallery|slideshow|box)s? (?:below|above)\b"
)
# A literal part of each alternative above: a sentence with none of them cannot match.
# fmt: off
_BOILERPLATE_OPENINGS = (
    "click here", "all rights reserved", "copyright", "photo", "reporting by", "editing by",
    "writing by", "additional reporting", "http", "www.", "@", "contributed to this report",
    "anyone with", "crime", "posted ", " below", " above",
)
# fmt: on
_DATE_ONLY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\.?\s+\d{4}|\d{4}[/-]\d{1,2}[/-]\d{1,2}.*)\.?$",
    re.IGNORECASE,
)
# Text the source's encoding lost: the replacement character ("prot�g�", "BlackBerry� 10") and
# ECB+'s escaped-character placeholders ("capabilities %%MDASSML%% particularly").
_GARBLED = re.compile(r"\ufffd|%%[A-Z]+%%")
# A first word in small letters only: not "iPhone", "eBay".
_LOWERCASE_START = re.compile(r"[a-z]+(?![\w'’])")
# A sentence cut where the text had a full stop inside it: its tail opens with the digits after a
# decimal point (".09 percent" -> "09 percent ..."), its head ends on a word that cannot end a
# sentence ("... a blood alcohol content of.").
_DECIMAL_TAIL = re.compile(r"0\d")
_CUT_HEAD = re.compile(r"\s(?:of|the|a|an)\s*\.[\"”'’)]?$")
_CLOSING_MARKS = "'\"”’)]"
# One more of what the sentence before counted: "A fourth bomb exploded on a bus nearly an hour
# later", "A second wave came at 04:15" (not "A fourth-year pro ...").
_ONE_MORE = r"an? (?:second|third|fourth|fifth|sixth)(?!\s*-)"
# And more of them: "Five more small quakes measuring between 1.0 and 1.9 on the Richter scale
# were reported in the following half-hour." (not "Two more than ...").
_MORE_OF = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|dozens|hundreds|thousands|\d+)"
    r" more(?!\s+than\b)"
)
# Openers whose referent lies outside the sentence.
_DANGLING_OPENER = re.compile(
    r"^[\"“'‘(]?(?:he|she|they|it|his|her|hers|their|theirs|its|him|them|that|these|those"
    # "This year, pirates have attacked nearly 100 vessels ...": the publication's time, not
    # the sentence before's (but "This time the fire occurred at ...").
    r"|this(?!\s+(?:week|year|month|morning|afternoon|evening|weekend|season|summer|spring|fall"
    r"|autumn|winter)\b)"
    r"|such|both|either|neither|another|other|others|the same|there"
    rf"|{_ONE_MORE}|{_MORE_OF}"
    # Not before a description that says whom it means ("The former FBI second-in-command who
    # revealed himself as ...", "the former warden of Abu Ghraib").
    r"|the (?:latter|former)(?!(?:\s+[\w\-]+){1,4}\s+(?:of|who|whom|whose)\b)"
    r"|some of (?:them|those|these|us)|many of (?:them|those|these)|all of (?:them|those|these)"
    r"|but|and|or|so|yet|still|also|however|meanwhile|moreover|furthermore|nevertheless"
    r"|nonetheless|therefore|thus|hence|otherwise|likewise|similarly|in contrast"
    # Alone, not with what they add to or follow from: "In addition to the 12 Somali and 11
    # Yemeni suspects, the Indian navy seized ...", "As a result of the Athens riots, ...".
    r"|instead(?!\s+of\b)|besides(?=\s*,)|in addition(?!\s+to\b)|as a result(?!\s+of\b)"
    r"|at the same time|even so|then"
    # Not a time the publication anchors: "Earlier this week, Japan took a position ...",
    # "Earlier Saturday, a crowd of about 1,000 people ..." (but "Later that day, ...").
    r"|(?:later|earlier)(?!\s+(?:this|today|tonight|yesterday|last|on\s+[a-z]+day|[a-z]+day)\b)"
    r"|here|afterwards|by then|since then|back then|even still|for (?:his|her|their|its) part"
    # "Since that win over Monte Barrett, Rahman has gone 4-2-1": which win?
    r"|(?:after|before|since|following|despite|until) (?:that|those)"
    r"|if so|if not|if that|in that case|even then|until then|to (?:that|this) end|in turn"
    r"|on the other hand|by contrast|in other words|in fact|indeed|after all"
    r"|next(?=\s*,)|finally(?=\s*,)|previously(?=\s*,)|again(?=\s*,)"
    # Others than a group told before: "The others involved a booster allegedly giving $500 to a
    # football player", "Four others are awaiting trial."
    r"|the others|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+) others"
    # A scale the sentence before set: "Even IBM, the leader in the global services and
    # outsourcing business, will ultimately feel the pressure." (not "Even if ...").
    r"|even(?=\s+(?:the\s|(?-i:[A-Z]))))\b",
    re.IGNORECASE,
)
# People and bodies a definite description can name without saying who ("the spokesman").
_ACTOR = (
    r"(?:spokes(?:man|woman|person)|officials?|sources?|man|woman|men|women|minister|group"
    r"|company|agency|experts?|analysts?|researchers?|officers?|leaders?"
    r"|organi[sz]ation|ministry|department|government|president|chairman|chief|director"
    r"|team|board|committee|latter|former|pair|couple|victims?|suspects?|governor|mayor|judge"
    r"|prosecutors?|sheriff|coach|senator|lawmakers?|ambassador|envoy|commander|lawyers?"
    r"|attorneys?|witness(?:es)?|residents?|family|owners?|firm|driver|pilot|coroner|friends?"
    r"|relatives?|secretary|commissioner|representatives?|doctors?|neighbou?rs?|managers?"
    r"|correspondents?|reporters?)"
)
# ... and the things that speak for them ("the statement said").
_ROLE = (
    rf"(?:{_ACTOR}|statement|report|study|survey|letter|move|decision|plan|deal|bill|law"
    r"|measure)"
)
# fmt: off
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "noted", "explained",
    "insisted", "argued", "warned",
)
# fmt: on
SPEECH = "(?:" + "|".join(SPEECH_VERBS) + ")"
# "The spokesman said ...", "The company's statement ..." : a definite description of someone
# the reader has not met.
_DANGLING_DEFINITE = re.compile(
    rf"^[\"“]?the\s+(?:[a-z\-]+\s+){{0,2}}{_ROLE}(?:'s)?\b(?:,[^,]{{1,80}},)?(?:\s+\w+){{0,3}}"
    rf"\s+{SPEECH}\b"
    rf"|^[\"“]?the\s+(?:[a-z\-]+\s+){{0,1}}{_ROLE}\s+(?:is|was|has|had|will|would|also)\b"
    r"|^[\"“]?the\s+(?:country|nation|city|state|island|region|province|capital|company|firm"
    r"|group|team|club|party|agency|organi[sz]ation|ministry|government)(?:'s|’s)\s",
    re.IGNORECASE,
)
# "While two of them managed to escape, ...", "Most of those wins ...": a part of a group the
# sentence does not name.
_PARTITIVE = re.compile(
    r"^[\"“'‘(]?(?:[\w'’\-]+,?\s+){0,3}?(?:of|among)\s+"
    r"(?:them\b|(?:those|these)\b(?!\s+(?:who|whom|which|that)\b))",
    re.IGNORECASE,
)
# ... unless the group is named right before it: "Three people, one of them a pregnant woman, were
# killed ...".
_PARTITIVE_OF_ITS_OWN = re.compile(
    r"^[\"“'‘(]?(?:[\w'’\-]+\s+){1,3}(?:people|men|women|children|[\w'’\-]+s),\s+"
    r"(?:one|two|three|four|five|some|many|most"
    r"|all|several|none|each|both)\s+of\s+them\b",
    re.IGNORECASE,
)
# A count with no noun, the verb next: "Two managed to give the Indian Navy a slip, ...", "One
# was charged with murder and the other as an accomplice.", "Most were dismissed or resolved by
# fines." (not "Four armed robbers ...", nor "Some speculated that ..." of people at large).
_BARE_COUNT = re.compile(
    r"^[\"“]?(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Most|Many|Several|None)\s+"
    r"(?:was|were|is|are|has|have|had|said|says|told|managed|came|went|died|remains|remained"
    r"|escaped|fled|survived|suffered|got)\b"
)
# Exceptions to the two rules above: existential "there" ("There were no reports of damage")
# points back to nothing, and a definite description made of a name ("The US Geological Survey
# said", "The Ministry of Defence said") tells the reader who is speaking.
_EXISTENTIAL_THERE = re.compile(
    r"^[\"“'‘(]?there(?:\s*['’]\s*s|\s+(?:is|are|was|were|has|have|had|will|would|could|may"
    r"|might|must|should|seems?|seemed|appears?|appeared|remains?|remained))\b"
    # Not what adds to the sentence before: "There's also integrated Wi-Fi".
    r"(?!\s+also\b)",
    re.IGNORECASE,
)
# "It" that stands for the clause after it, not for anything told before: "It has been revealed that
# nine-year-old Lin Miaoke ... was only a visual effect", "It is not known how long the store will
# be closed", "It emerged that ...". Not "It is believed to be the worst ..." nor "It is likely to
# hit businesses ...", whose "it" is the subject; nor a claim without its claimant ("It is alleged
# that senior US defence officials knew of the abuse": the sentence before says who alleges it).
_EXPLETIVE_IT = re.compile(
    r"^[\"“]?it\s+(?:(?:is|was|has been|had been|will be|would be|remains|remained)\s+"
    r"(?:(?:now|still|not|widely|generally|already|further|yet|however|officially|reportedly"
    r"|currently|immediately|entirely|quite|now being)\s+)*"
    r"(?:(?:believed|reported|understood|thought|known|revealed|confirmed|expected|feared"
    r"|estimated|announced|hoped|assumed|learned|learnt|agreed|decided|clear|unclear|likely"
    r"|unlikely|possible|uncertain|evident|apparent|true|obvious)"
    r"\s+(?:that|whether|how|why|who|what|when|where|if)\b"
    r"|(?:clear|unclear|possible|impossible|important|necessary|difficult|hard|easy)\s+to\s+[a-z])"
    r"|(?:emerged|appears|appeared|seems|seemed|transpired|turned out)\s+(?:that|as if)\b)"
    # And with no one in it the reader has not met: "It is unclear what she is being treated for".
    r"(?!.*\b(?:he|she|they|him|her|them|his|their|its)\b)",
    re.IGNORECASE,
)
_NAMED_DEFINITE = re.compile(
    r"^[\"“]?The\s+[A-Z][\w.\-]*(?:'(?!s\b)\w+)*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?[A-Z]"
    # A role whose name says whose: "The government of Turkmenistan said ...".
    r"|^[\"“]?The\s+(?:[a-z\-]+\s+){0,2}[a-z]+\s+of\s+(?:the\s+)?[A-Z]"
)
# LDC/DUC wire text writes quotes as ``...'' (TeX style): those count as quote marks too.
_QUOTE_OPEN = re.compile(r"^(?:[\"“‘']|``)")
_QUOTED_NAME = re.compile(
    r"^(?:[\"“]\s*[^\"“”.!?,;]{1,40}?\s*[\"”]|['‘]\s*[^'‘’.!?,;]{1,40}?\s*['’])\s+[a-z]"
)
_ANY_QUOTE = re.compile(rf"{QUOTE_MARK.pattern}|(?<!\S)['‘](?=[A-Z])")  # double, or single opening
# A closing single quote: after punctuation ("...,' she said"), or between a word and punctuation
# ("'too clean'.").
_CLOSES_AFTER = r"(?<=[.,?!]['’])(?=\s|$)|(?<=\w['’])(?=[.,;:?!])"
_SINGLE_CLOSE = re.compile(rf"['’](?:{_CLOSES_AFTER})")
# A single quote mark, then what it is: opening (at a word's start, before a capital) or closing;
# within a sentence also at a word's end before a space, as a title's: "atop the 'Twilight'
# franchise" (a possessive "players' union" closes nothing that is not open).
_SINGLE_EVENT = re.compile(
    rf"['‘’](?:(?P<open>(?<=(?<![^\s(])['‘]))(?=[A-Z])|{_CLOSES_AFTER}|(?<=\w['’])(?=\s))"
)
_SINGLE_QUOTE_SPAN = 10
_MEDIUM = (
    "station|newspaper|paper|release|magazine|network|channel|broadcaster|website|tabloid|daily"
)
# People who speak as a group, of someone else.
_GROUP_SPEAKING = (
    r"(?:police|officials|authorities|investigators|prosecutors|observers|witnesses|sources"
    r"|reports|documents|records|charges|neighbou?rs|residents|friends|relatives|officers"
    r"|deputies|troopers|detectives|experts|analysts|cops)"
)
# Attribution of a quote to a pronoun or an unnamed definite role: "..., he said."
_PRONOUN_SPEAKER = re.compile(
    rf"[,\"”’']\s*(?:he|she|they|it|the\s+(?:[a-z\-]+\s+)?{_ROLE})\s+{SPEECH}\b"
    # The pronoun the speaker of an inversion ('"...," said he'), or one a group says of someone
    # it does not name ("Police say she was struck by a grey Toyota Camry"); not the speaker's
    # own ("Obama said he would reverse the rule changes").
    rf"|[,\"”’']\s*{SPEECH}\s+(?:he|she|they)\b"
    rf"|^[\"“]?(?:[\w'’.\-]+\s+){{0,3}}?{_GROUP_SPEAKING}\s+(?:also\s+)?{SPEECH}\s+(?:that\s+)?"
    r"(?:he|she)\b"
    # One speaker (a verb in -s), "they" someone else: "The Royal Navy insists that they were
    # operating in Iraqi waters" (they: the sailors of another sentence).
    r"|\b(?:says|insists|maintains|claims|states|argues|adds|notes)\s+(?:that\s+)?they\b"
    # A medium the reader has not met: "..., the station reported.", "..., the release said."
    rf"|[,\"”’']\s*the\s+(?:{_MEDIUM})\s+(?:{SPEECH}|reported|reports)\b"
)
# What a sentence _PRONOUN_SPEAKER can match has in it (the substring test before the search).
_PRONOUN_SPEAKER_GATE = (*SPEECH_VERBS, "s that they", "s they", "reported", "reports")
_ATTRIBUTION = re.compile(
    rf"\b{SPEECH}\b|\baccording to\b|\basked\b|\bwrote\b|\bannounced\b|\bdeclared\b",
    re.IGNORECASE,
)
_TITLE_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# A word of four letters or more: in Title Case every one is capitalised, small words may not be
# ("Anger in East Flatbush Persists Over Teenager's Killing by the Police.").
_LONG_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]{3,}(?![\w'’-])")
_TITLE_CASE_WORDS = 5
# Headline grammar: a name, then "to" and a verb, with no finite verb ("AMD to acquire
# microserver vendor SeaMicro ...", "Ellen DeGeneres to host the Oscars."). Not a fronted phrase
# ("According to ...", "From New York to the coast, ...").
_NAME_TO_VERB = re.compile(
    r"^(?!(?:According|Prior|Due|Thanks|Next|Close|Similar|Contrary|Owing|From|Up|Down|Back"
    r"|Home|Welcome|Return|Returning|Turning|Going|Coming|Listen|Talking|Speaking)\b)"
    r"(?:[A-Z]{2,}|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)+)"
    r"\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|be)\b)[a-z]+\b"
)


def has_any(text: str, parts: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``parts``. A gate before a regex that cannot match without
    one of them: a substring test is many times faster than a search that tries every position,
    and these rules run on every sentence of a story."""
    for part in parts:  # noqa: SIM110 - a third faster than any() over a generator
        if part in text:
            return True
    return False


# A press release's header: "For immediate release : The American Medical Association is ...".
_RELEASE_HEADER = re.compile(
    r"(?:[Ff]or [Ii]mmediate [Rr]elease|FOR IMMEDIATE RELEASE)\s*(?:[:\-–—.]+\s*|(?=[A-Z]))"
)
# A web page's label before a sentence: "UPDATE : A suspect has been arrested ...".
_LABEL = re.compile(r"(?:UPDATED?|BREAKING(?: NEWS)?|EXCLUSIVE|DEVELOPING|NOTES)\s*:\s*")


# A tokenizer's spaces around an apostrophe ("The team ’ s best running back", "hadn ’ t"), as
# ECB+'s later half writes every possessive and contraction.
_SPACED_APOSTROPHE = re.compile(r"(?<=\w) (['’]) (?=(?:s|t|ll|re|ve|d|m)\b)")
# A TeX closing quote a tokenizer split in two: 'show "Scrubs,' ' has' (ECB+ 1ecb).
_SPLIT_TEX_CLOSE = re.compile(r"(?<=[\w.,!?])' '(?=\s)")


def closed_up(text: str) -> str:
    """The sentence as the rules read it: apostrophes a tokenizer spaced out closed up again
    ("The team ’ s" -> "The team’s"), and a TeX closing quote it split ("' '" -> "''"). The brief
    still shows the sentence as its source wrote it."""
    if " ’ " not in text and " ' " not in text and "' '" not in text:
        return text
    return _SPLIT_TEX_CLOSE.sub("''", _SPACED_APOSTROPHE.sub(r"\1", text))


def strip_dateline(text: str) -> str:
    """The sentence without a leading wire dateline ("WASHINGTON (AP) _ "), press-release
    header ("For immediate release : ") or label ("UPDATE : ")."""
    if text[:1] in "Ff" and (header := _RELEASE_HEADER.match(text)):
        text = text[header.end() :] if header.end() < len(text) - 20 else text
    if text[:1] in "UBEDN" and (label := _LABEL.match(text)):
        text = text[label.end() :] if label.end() < len(text) - 20 else text
    if not has_any(text, _DATELINE_MARKS):
        return text
    match = _DATELINE.match(text)
    if match and match.end() < len(text) - 20:
        return text[match.end() :]
    return text


# A heading or a sentence that lost its full stop, glued to the next sentence: "... as Matt
# Smith's replacement was unveiled The new Doctor Who has finally been unveiled.", "Suspect had
# been fired last week by Troy, Mich., company An accounting firm employee ...", "Patients before
# profits If confirmed, Dr. Benjamin would be ...". A small word, then a capitalised sentence
# opener followed by a small word ("in The New York Times", "the A list", "the song If I Were a
# Boy", "There Will Be Blood" are not). Also a small word that opens sentences, followed by a
# small word and not by a title's "the Capital" ("... around twelve days As many SA gamers may have
# noticed, ...", "Heart disease He died in a medical prison ..."; not "the film In the Heat of the
# Night", "Doctor Who", "the Fix It tool", "Stage One will", "a book called On the road to ...").
_GLUED_SMALL_OPENERS = (
    "As", "At", "For", "On", "In", "He", "She", "His", "Her", "They", "Their", "This", "These",
    "More", "Last", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
)  # fmt: skip
_TITLE_BEFORE_WORDS = ("of", "and", "or", "to", "by", "from", "with", "called", "named")
_NOT_AFTER_TITLE_WORD = "".join(rf"(?<!\b{word}\s)" for word in _TITLE_BEFORE_WORDS)
# It opens with the space before the opener (the lookbehinds after it check the word before it),
# and every opener with a capital, so that the search skips to spaces before capitals.
_GLUED_OPENER = re.compile(
    r"\s(?<=[a-z0-9%]\s)(?<!\bthe\s)\s*(?=[A-Z])"
    # "... Vehicular Manslaughter A 59 - year - old mother of two died ...": an age after "A".
    r"(?:(?:The|An?)\s+(?=[a-z]|\d+\s?-\s?(?:year|month|week|day)\b)"
    r"|(?:Though|Although|Unlike|According|However|Meanwhile|Minutes|Hours|Moments|After|When"
    r"|While|Despite|Since|Because)\s"
    r"|If\s(?=[a-z])|Next,\s|Today,\s|There\s(?=(?:was|were|is|are|has|have|had|will)\b)"
    rf"|{_NOT_AFTER_TITLE_WORD}(?:{'|'.join(_GLUED_SMALL_OPENERS)})\s+(?=[a-z0-9])"
    r"(?!(?:the|a|an)\s+[A-Z])"
    r"|(?P<agency>Police|Officials|Authorities|Investigators|Prosecutors)\s+(?=[a-z]))"
)
# Before "Police say ...", only a word in small letters, and no article or preposition: "Police use
# Taser to arrest hit-and-run suspect Police have arrested a man ..." (not "Surrey Police said",
# "contact the Police and ...", "reported by Authorities about ...").
_BEFORE_AGENCY = re.compile(r"(?:^|\s)(?!(?:the|a|an|by|to|of|and|or|for|with|from)$)[a-z]\S*$")
_GLUED_HEAD_WORDS = 30


def strip_glued_heading(text: str) -> str:
    """The sentence from where a sentence glued onto its start begins: what is before it is a
    heading or a sentence without its full stop (kept whole when the rest would be short)."""
    match = next(
        (
            m
            for m in _GLUED_OPENER.finditer(text)
            if not m.group("agency") or _BEFORE_AGENCY.search(text, 0, m.start())
        ),
        None,
    )
    if match is None or len(text[: match.start()].split()) > _GLUED_HEAD_WORDS:
        return text
    rest = text[match.start() :].lstrip()
    return rest if len(rest.split()) >= _MIN_WORDS else text


# The writer's own voice: "I", "my", "me" outside quotation marks ("I guess we can be thankful
# for that.", "As I said many times in my review, ..."): a column or a quotation's continuation,
# never a news point. "I - 75" and "I.R." are no pronoun.
# Each branch opens with its word, which stands at the start or after a space, comma, semicolon,
# colon or bracket.
_FIRST_PERSON_SINGULAR = re.compile(
    r"I(?<![^\s,;:(]I)(?:\s*['’]\s*[a-z]+)?\s+[a-z]|my(?<![^\s,;:(]my)\s+[a-z]|me(?<![^\s,;:(]me)\b"
)
# And "we", "our", "us": a blog's or a press release's voice ("We 'll know more about Bush
# Wednesday", "Through the Chargers and the NFL, our players receive ...", "We are excited to
# have SeaMicro join AMD.") or a statement read on without its quotation marks. Not "Us Weekly"
# or the cable "Sea Me We 4".
_FIRST_PERSON_PLURAL = re.compile(
    r"(?:[Ww]e(?<![\w'’][Ww]e)|[Oo]ur(?<![\w'’][Oo]ur)s?|ourselves(?<![\w'’]ourselves)"
    r"|us(?<![\w'’]us))\b(?!\s*\d)"
)

# And "you", "your": the writer addressing the reader ("If you do n't know by now : you disappoint
# in the NBA, you get canned.", "Page, you see, was to erotica what Elvis was to rock 'n' roll.",
# a review's "For $ 1999 you get ..."). Not "pay-as-you-go", nor USGS's "Did you feel it?" survey.
_SECOND_PERSON = re.compile(
    r"[Yy]ou(?<![\w'’\-][Yy]ou)(?<!-\s[Yy]ou)(?:rs?|rself|rselves)?\b(?!\s?-\s?\w)"
    r"(?<!Did you)(?!\s+feel it\b)"
)

_REPORTED_SPEECH = re.compile(rf"\b(?:{SPEECH}|announced)\s+that\b")


# A single quote opening a word, also in small letters ("doubles down on 'meth, we're on it'"),
# not a contraction split off its word as ECB+ and DUC text has it ("I 'm", "we 're"), nor the
# "'n'" of "rock 'n' roll".
_SINGLE_QUOTE_WORD = re.compile(r"['‘](?<![^\s:(]['‘])(?!(?:m|s|re|ve|ll|d|t|em)\b|n['’])\w")


def in_writers_voice(text: str) -> bool:
    """Whether ``text`` speaks in the first or second person outside its quotations (a reported
    "you" is the speaker's: "Jobs said that using the 9400M you get five hours").

    A blog's "But the casting of Smith is a stroke of genius : he will not bring any " star
    personality '' with him that perhaps a "name '' would have, ... and I have to say ..." quotes
    two words and speaks for itself. Where the sentence's quotation marks do not pair up (a
    quotation opened before it or going on after it), or it quotes in single quotes, any of its
    words may be the speaker's, and it is not counted as the writer's."""
    if not _speaks_in_person(text):
        return False
    if _SINGLE_QUOTE_WORD.search(text):
        return False
    if _ANY_QUOTE.search(text) is None:
        return True
    unquoted = _outside_quotations(text)
    return unquoted is not None and _speaks_in_person(unquoted)


def _speaks_in_person(text: str) -> bool:
    if _FIRST_PERSON_SINGULAR.search(text) or _FIRST_PERSON_PLURAL.search(text):
        return True
    second = _SECOND_PERSON.search(text)
    return second is not None and not _REPORTED_SPEECH.search(text, 0, second.start())


def _outside_quotations(text: str) -> str | None:
    """``text`` with each double-quoted quotation replaced by a space; None where its quotation
    marks do not pair up (a closing mark first, an opening one inside a quotation, a quotation
    left open). A straight quote opens or closes by turns. One opening the sentence, a space
    after it, may close the quotation before ('" A Foreign Office spokeswoman said : "We are aware
    of the death ...'): the marks cannot be told apart."""
    if text.startswith('"') and text[1:2].isspace():
        return None
    kept: list[str] = []
    start: int | None = 0  # where the text outside a quotation began; None inside one
    for mark in quotation_marks(text):
        char = mark.group()
        if start is not None:  # outside: this mark must open
            if char in ("”", "''"):
                return None
            kept.append(text[start : mark.start()])
            start = None
        else:  # inside: this mark must close
            if char in ("“", "``"):
                return None
            start = mark.end()
    if start is None:
        return None
    kept.append(text[start:])
    return " ".join(kept)


# A sentence that says it turns to another event: "In a separate incident, seven UN staff were
# injured ...", "In other news, ...". Not "Separately," or "Elsewhere,", which as often go on
# with the same story ("Separately, the Inter-American Development Bank said it will approve a
# $200,000 grant for emergency assistance to Haiti").
_ANOTHER_STORY = re.compile(
    r"In (?:other news|(?:a |another )?separate (?:incident|attack|case|shooting|accident|crash)"
    r"|another (?:incident|attack|case|shooting|accident|crash))\b"
)


def opens_another_story(text: str) -> bool:
    """Whether ``text`` announces that it leaves the story for another event."""
    return _ANOTHER_STORY.match(text) is not None


def is_question(text: str) -> bool:
    """Whether ``text`` ends with a question mark (before any closing quote or bracket), also a
    full-width or Arabic one, or a question mark and exclamation mark ("?!", "！？")."""
    return text.rstrip("\"”’)' !！").endswith(("?", "？", "؟"))


def _ends_with_full_stop(text: str) -> bool:
    """Whether ``text`` ends with "." or "!" (before any closing quote or bracket; one final
    newline allowed, as a regex's "$" allows it)."""
    return text.removesuffix("\n").rstrip(_CLOSING_MARKS).endswith((".", "!"))


def mostly_capitals(text: str) -> bool:
    """Whether most of the letters of ``text`` are capitals: a slug, a byline, a shouted line."""
    upper, lower = ascii_case_counts(text)
    return upper > 0.5 * (upper + lower)


def _title_case(text: str) -> bool:
    """Whether every long word of ``text`` is capitalised, and there are enough to tell (not
    "Pierre Thomas and Chris Ivory are out.")."""
    count = 0
    for word in _LONG_WORD.finditer(text):
        if not word.group()[0].isupper():
            return False  # most sentences stop here, within their first few words
        count += 1
    return count >= _TITLE_CASE_WORDS


def is_fragment(text: str, title: str = "") -> bool:
    """True for bylines, datelines, captions, boilerplate, headlines, questions, short bits, and
    anything without a verb."""
    tokens = text.split()
    if len(tokens) < _MIN_WORDS or len(tokens) > _MAX_WORDS:
        return True
    lowered = text.lower()
    if _DATE_ONLY.match(text) or _BOILERPLATE_START.match(lowered):
        return True
    if has_any(lowered, _BOILERPLATE_OPENINGS) and _BOILERPLATE_ANYWHERE.search(lowered):
        return True
    if is_question(text) or not _ends_with_full_stop(text):
        return True
    if _GARBLED.search(text):
        return True
    if _LOWERCASE_START.match(text) and tokens[0] not in NAME_PARTICLES:
        return True  # the tail of a cut sentence ("fast - moving fire destroyed ...")
    if _DECIMAL_TAIL.match(text) or _CUT_HEAD.search(text):
        return True
    if mostly_capitals(text):
        return True  # ALL-CAPS bylines and slugs
    capitalised = sum(1 for t in tokens if t[0] in _TITLE_INITIALS)
    if capitalised > 0.7 * len(tokens):
        return True  # Title Case headline
    # Title Case with its small words in small letters: many capitals, every long word one.
    if capitalised >= max(_TITLE_CASE_WORDS, 0.4 * len(tokens)) and _title_case(text):
        return True
    if _NAME_TO_VERB.match(text):
        return True
    if text[-2:-1].isdigit() and _CAPTION_DATE.search(text) and _CAPTION_SUBJECT.match(text):
        return True  # a photo caption
    if title and len(tokens) <= len(title.split()) + 3:
        norm_title = " ".join(words(title))
        if norm_title and norm_title in " ".join(words(text)):
            return True
    if ":" in text[:_LABEL_REACH] and _list_entry(text):
        return True
    if _REPORTED_NO_SUBJECT.match(text):
        return True
    return is_verbless(closed_up(text))  # a photo caption, a list item, a score line


# A news photo's caption: its subject, a verb in the present tense, and the day it was taken, in
# full, at the end: "President Barack Obama announces his nomination of Dr. Regina Benjamin, ...,
# as surgeon general during an announcement in the White House Rose Garden Monday, July 13, 2009."
# (not "Reid checked herself in on Tuesday, December 9, 2008.").
_CAPTION_DATE = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\s*\.$"
)
_CAPTION_SUBJECT = re.compile(
    r"(?:[A-Z][\w.'’\-]*\s+){1,5}[a-z]{3,}s\s+"
    r"(?:his|her|their|its|a|an|the|to|during|at|with|after|on|in|for|from)\b"
)

# An entry of a list, a label and what it labels: "Mustafa Setmariam Nasar: suspected planner also
# believed to have organized the 11 March 2004 Madrid bombings.", "Unnamed co-conspirator: an Al
# Qaeda operative believed to be the bomb-maker ..." (a label with no verb, then small letters;
# not a sentence's own "The reason: the company had run out of money.").
_LABEL_ENTRY = re.compile(
    r"(?!(?:The|A|An|Another|This|That|One|His|Her|Their|Its|Our|My)\s)"
    r"([^:\"“”]{3,60}?)\s*:\s+(?=[a-z])"
)
_LABEL_REACH = 64
_BRACKETED = re.compile(r"\([^)]*\)")
# A list's continuation with no subject: "Initially thought to have been the suicide bomber on the
# Piccadilly Line train." (not "Believed to be the oldest, the tree ...", which has a comma).
_REPORTED_NO_SUBJECT = re.compile(
    r"(?:[A-Z][a-z]+ly\s+)?(?i:thought|believed|said|reported|known|expected|described|considered"
    r"|alleged|suspected|rumou?red|understood)\s+(?:to|as)\b[^,;]*$"
)


def _list_entry(text: str) -> bool:
    label = _LABEL_ENTRY.match(text)
    return label is not None and is_verbless(_BRACKETED.sub("", label.group(1)))


# The next step of a sequence the sentence before began: "The car then sideswiped a parked
# vehicle", "Father and son then informed Creighton Athletic Director Bruce Rasmussen." (a short
# subject, then "then" and a word in small letters).
_THEN_NEXT = re.compile(r"(?:[\w'’.-]+\s+){1,3}?then\s+[a-z]")
# What follows on: "The EU went on to state that in the spirit of negotiations, they agreed with the
# proposed changes.", "The Sixers went on to win 18 of their next 23 games".
_WENT_ON = re.compile(r"[\"“]?(?:[\w'’.-]+\s+){1,4}?went\s+on\s+to\s")
# What the sentence before told, called the news: "The news comes on the same day that ...", "The
# news came as two police officers charged over the shooting prepared to ...".
_NEWS_BEFORE = re.compile(
    r"[\"“]?The\s+(?:[a-z]+\s+)?news\s+(?:comes?|came|follows?|followed|is|was)\b"
)
# A clause opening on a pronoun with no comma to hand over to a subject that could name it: "When
# they arrived they called in an additional six engines", "Once it was secure she kissed it",
# "Whether he knew Wilhelm was a federal agent ... could make a difference" (a clause set off by a
# comma is :func:`newsdesk.brief.referents.pronoun_after_fronted_phrase`'s).
_CLAUSE_PRONOUN = re.compile(
    r"^[\"“]?(?:(?:when|once|as|if|after|before|while|because|although|though|since|until|unless)"
    r"\s+(?:(?:he|she|they)\b(?=[^,]*$)|(?:he|she|they|it)\s[^,]{0,60}?\s(?:he|she|they)\s)"
    r"|whether\s+(?:he|she|they|it)\b)",
    re.IGNORECASE,
)

# A pronoun object right after the subject and its verb, which it cannot stand for: "The
# Nationals offered him the same deal as the Angels", "Environmentalists viewed them as eroding
# the protections for endangered species", "The wave washed him away".
_OBJECT_PRONOUN = re.compile(
    r"^(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:[a-z]+ly\s+)?"
    r"(?:[a-z]{2,}(?:ed|s)|told|found|gave|sent|took|made|saw|left|kept|held|let|brought)"
    r"\s+(?:him|them)\b"
)

# A contrast with the sentence before, set off in the sentence's first clause: "Voters, however,
# appeared reluctant to criticise the government.", "In a letter to US Health Secretary Kathleen
# Sebelius earlier this week, however, the governor commented that ...".
_CONTRAST_INSIDE = re.compile(r"[^\"“,]{1,80},\s*(?:however|though)\s*,")

# An "it" that a source reports of an event, which its subject cannot be: "The official IRNA news
# agency and the United States Geological Survey said it had a magnitude of 5.9.", "UCGS also
# reported it reached a magnitude of 5.6" (not "the navy said it had sunk a pirate mother vessel").
_REPORTED_IT_EVENT = re.compile(
    rf"\b(?:{SPEECH}|reported|reports)\s+(?:that\s+)?it\s+(?:occurred|happened|took\s+place"
    r"|struck|measured|registered|reached\s+(?:a\s+)?(?:preliminary\s+)?magnitude"
    r"|had\s+(?:a\s+)?(?:preliminary\s+)?magnitude|was\s+(?:centered|centred|located))\b"
)

# No subject, the verb first: "Got it up on the Web site at 2:36 p.m., ...", "Made her way to the
# mixing room, ...": the subject is in the sentence before.
_SUBJECTLESS = re.compile(
    r"^[\"“]?(?:[A-Z][a-z]+ed|Got|Made|Took|Went|Came|Told|Put|Kept|Left|Brought|Sent|Gave|Found"
    r"|Threw|Ran)\s+(?:it|him|her|them|me|us|up|back|out|off|down|away)\b"
)

# A time or place counted from the sentence before: "Minutes later, he shot ...", "Shortly after,
# the bank received ...", "A few years later, Page modeled ...", "Down the street at Paperny Films".
_RELATIVE_OPENER = re.compile(
    # Also with an approximation before the count: "Less than two weeks later, Jermayne Timmons
    # was arrested", "Approximately fourteen minutes later, an automated message was sent".
    r"^[\"“'‘(]?(?:(?:(?:less|more|fewer)\s+than|about|nearly|almost|approximately|just|only"
    r"|barely|some|roughly)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen"
    r"|twenty|thirty|forty|fifty|several|\d+)\s+)?"
    # "Half an hour later a second aerial platform was called in.", "An hour and a half later".
    r"(?:few\s+|couple\s+of\s+|half\s+an?\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|years?|moments?|shortly|soon|not\s+long)\s+(?:and\s+a\s+half\s+)?"
    r"(?:later|afterwards?|after(?=\s*,)|thereafter|earlier"
    # Counted back: "Hours earlier, on Friday, thousands of people had arrived", "Less than a year
    # before, and only blocks away, ...", "Six months prior to this incident, ..." (not "Two weeks
    # before Christmas, ...").
    r"|(?:before|prior)(?=\s*,)|(?:before|prior\s+to)\s+(?:that|this|then))\b"
    # A time the sentence before told: "At the time, Israel claimed Hamas was planning to use a
    # tunnel" (not "At the time of the escape, ...").
    r"|^[\"“'‘(]?at\s+(?:the|that)\s+(?:time|point|moment)\s*,"
    r"|^[\"“'‘(]?(?:up|down|across|back)\s+the\s+(?:road|street|coast|hill|block)\b",
    re.IGNORECASE,
)
# And inside the sentence, with nothing in it to count from: "Ryan Succop hit a 47-yard field goal
# moments later to tie the game.", "John Jenkin was arrested on suspicion of murder shortly
# afterwards." (not "... issued following the tremor, but it was retracted shortly afterwards").
_COUNTED_FROM_BEFORE = re.compile(r"\b(?:moments|shortly)\s+(?:later|afterwards?)\b", re.IGNORECASE)
_COUNTED_FROM_HERE = re.compile(r"\b(?:after|when|as|following|before|once|until)\b", re.IGNORECASE)
# A time the sentence before gave: "Angels spokesman Tim Mead said he believed Moreno presented
# the offer to Boras at that time.", "Police did not provide much detail about what transpired
# between then and 5:30 p.m., ..." (not "He retired in 1993 as the league's all - time leader in
# steals, and was fifth on the career assists list at that time.", nor "at that time of year").
_THAT_TIME = re.compile(
    r"\b(?:between\s+then\s+and|at\s+that\s+(?:time|point)(?!\s+(?:of|in|when)\b))"
)
_TIME_HERE = re.compile(
    rf"(?i:{_COUNTED_FROM_HERE.pattern})"
    rf"|\b(?:(?:1[89]|20)\d\d|{'|'.join(WEEKDAYS)}|{MONTH_PATTERN})\b"
)

# Someone known only by age: "The 55 - year - old is a hugely popular choice", "The
# sixty-one-year-old was arrested Friday", also after a fronted phrase ("On Saturday, the
# 26-year-old was handed the keys to the Tardis", "In a statement, the 55 - year - old said ...";
# not "The 36-year-old champion Klitschko ...").
_AGE_ONLY = re.compile(
    r"^[\"“]?(?-i:(?:In|On|At|After|Before|During|Since|When|While|Speaking|Asked|Earlier|Later"
    r"|Last|Yesterday|Today)\b[^,\"“]{0,50},\s+)?"
    r"the\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s*-\s*years?\s*-?\s*old\s*"
    r"(?:,|(?:is|was|has|had|will|would|can|could|did|does|said|says|told|[a-z]+ed)\b)",
    re.IGNORECASE,
)


# Adding to, or agreeing with, what the sentence before said: "Vigils followed that shooting as
# well.", "In a statement, the commerce secretary, Gary Locke, and the interior secretary, Ken
# Salazar, agreed." (a short subject, or one closed by a comma; not "... that a jury agreed.").
_ANSWERS_BEFORE = re.compile(
    r"(?:\bas well|(?:^(?:\S+\s+){1,7}?|,\s*)(?:agreed|concurred|disagreed))\.[\"”'’]?$"
)
# The endings it can match: a sentence without one is not searched.
_ANSWER_ENDINGS = tuple(
    f"{word}.{mark}"
    for word in ("well", "agreed", "concurred", "disagreed")
    for mark in ("", '"', "”", "'", "’")
)
# Additive "too": "Residents of Sonoma County felt it, too, including some as far south as Santa
# Rosa.", "External affairs minister Pranab Mukherjee, too, had strongly defended ..." (not "too
# much", "too late").
_ADDITIVE_TOO = re.compile(r",\s*too\s*[,;.!]|\stoo\s*[.!][\"”'’]?$")
# And "also" beside a victim, an arrest or a charge: one more of what the sentence before told.
# "The family dog was also found dead.", "As many as 80 people were also wounded.", "A court
# officer was also killed outside the court and an off-duty officer the next day."
_ADDITIVE_ALSO = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+also\s+(?:\w+ly\s+)?"
    r"(?:found\s+dead|killed|injured|hurt|wounded|shot|arrested|detained|charged|hospitali[sz]ed)\b"
)


# A number standing for people or things the sentence before named: "Bettie Page is the missing
# link between the two.", "... or some combination of the two."
_THE_NUMBER_ALONE = re.compile(
    r"\b(?:between|of|for|with|to|by|from)\s+the\s+(?:two|three|four)\s*[.,;:!?]"
)
_THE_NUMBERS = ("the two", "the three", "the four")
_CONTRAST_WORDS = ("however", "though")


def contrasts_with_previous(text: str) -> bool:
    """True when the sentence sets itself against the one before it inside its first clause
    ("Voters, however, appeared reluctant ..."): it reads right only after that sentence."""
    return has_any(text, _CONTRAST_WORDS) and _CONTRAST_INSIDE.match(text) is not None


_ANOTHER = re.compile(rf"^[\"“'‘(]?(?:another|{_ONE_MORE}|{_MORE_OF})\s", re.IGNORECASE)
# An ordinal standing for a noun the sentence before gave: "The second, by Tony Hall, former BBC
# Director of News ..., examined ...", "The third was found in a car"; and "one" after a word that
# ranks or describes it: "The strongest one, a magnitude 4.1, occurred on land" (not "The one big
# card that Ross has ...", nor "The latest one of its kind").
_ORDINAL_ALONE = re.compile(
    r"^[\"“]?The\s+(?:(?:first|second|third|fourth|fifth|sixth|last)"
    rf"(?=\s*,|\s+(?:{'|'.join(sorted(AUXILIARIES))})\b)"
    r"|[a-z]+\s+ones?\b(?!\s+(?:that|who|which|of)\b))"
)
# Others than ones the sentence before told of: "A total of nine other American soldiers were
# found guilty", "Seven other workers were hiding in a closet nearby." (not "Two other buildings
# besides the bank were set on fire"); the rest of a group the sentence before took from ("...,
# the rest of the Rabobank team will be allowed to finish the race"); a place in a result the
# sentence before began ("Third place went Contador's team mate Levi Leipheimer").
_COUNTED_BESIDES_BEFORE = re.compile(
    r"^[\"“]?(?:A\s+total\s+of\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several"
    r"|many|some|dozens\s+of|hundreds\s+of)\s+other\s+[a-z]"
    r"(?!.*\b(?:besides|in\s+addition\s+to|apart\s+from|than)\b)"
    r"|^(?:[^,]{0,60},\s+)?the\s+rest\s+of\b"
    r"|^(?:first|second|third|fourth|fifth)\s+place\s+(?:went|was|is|goes)\b",
    re.IGNORECASE,
)
_BESIDES_GATE = (" other ", "rest of", " place ")
# "this" the subject of what someone says, standing for what the sentence before told: "Olympic
# officials claim that this came as a result of actions by Pro-Tibetan protesters", "A Sam's Club
# spokesperson said this is a terrible tragedy" (not "this year", "this is how").
# (Searched in small letters from its space, the word before read apart: a search that opened
# on the saying verbs tried every position of every sentence.)
_THIS_DOES = re.compile(
    r" (?:this|these)\s+(?:is|was|were|are|came|comes|has|had|have|will|would|could|may|might"
    r"|must|should|means|meant|shows|showed|happened|marks|marked)\b(?!\s+how\b)"
)
_SAYING = frozenset(
    ("that", "said", "says", "say", "told", "claim", "claims", "claimed", "believe", "believes",
     "believed", "think", "thinks", "thought", "noted", "added", "argued", "warned")
)  # fmt: skip


def _says_this(lowered: str) -> bool:
    for match in _THIS_DOES.finditer(lowered):
        before = lowered[: match.start()].rsplit(None, 1)
        if before and before[-1] in _SAYING:
            return True
    return False


# A speaker going on with a quotation the sentence before began: 'Jowell continued, "Each one
# casts a shadow ..."', 'He went on to say, "..."' (not "Deep Throat continued to leak", "The
# Sixers went on to win 18 of their next 23 games").
_QUOTE_GOES_ON = re.compile(
    r"^(?:[A-Z][\w'’.\-]*\s+){1,4}(?:continued|went\s+on(?:\s+to\s+say)?)\s*[,:]?\s*(?:that\s+)?"
    r"[\"“]"
)
_GOES_ON = ("continued", "went on")


# A part of a group the reader has met before, the verb right after it: "Many of the vessels are
# taken to pirate-controlled regions", "All of the men are British citizens.", "None of the reviews
# found ...". Not a group the sentence itself says ("One of the most famous mafia godfathers in the
# US, ...", "Some of the issues that had still been open", "One of the wives of former ...").
_PART_OF_THE = re.compile(
    r"[\"“]?(?:None|Most|Some|Many|All|Several|Few|Half|One|Two|Three|Four|Each|Both|Neither"
    r"|Either|Much)\s+of\s+the\s+"
)
_NOT_THE_GROUP_MET = frozenset(
    ("of", "in", "at", "on", "from", "for", "with", "who", "whom", "which", "that", "like", "most",
     "other", "two", "three", "four", "dozen", "including", "-", "--", "—")
)  # fmt: skip
_FINITE_IRREGULAR = frozenset(
    ("hit", "found", "said", "made", "took", "came", "went", "fell", "got", "left", "saw", "told",
     "gave", "held", "kept", "ran", "put", "set", "cut", "lost", "won", "began", "became",
     "brought", "thought", "sent", "spent", "stood", "struck", "felt", "fled", "remain", "remained")
)  # fmt: skip


# A person or body the reader has not met, acting: "The group belongs to the two-month-old New
# Life Children's Refuge charity", "The judge ordered him held without bond", "The driver fled
# the scene" (the speaking ones are _DANGLING_DEFINITE's; a thing an event noun tells of,
# :func:`newsdesk.brief.referents.event_referent`'s). Not a role a name or a nation qualifies
# ("The British government claims", "The US government expressed"), nor one a participle restricts
# ("The man accused of shooting his three former co - workers is ...").
_DEFINITE_ROLE_ACTS = re.compile(
    rf"[\"“]?The\s+(?:[a-z\-]+\s+)?{_ACTOR}\s+"
    rf"(?:(?:[a-z]+s|{'|'.join(sorted(_FINITE_IRREGULAR))})\b"
    r"|[a-z]+ed\b(?!\s+(?:of|by|in|with|on|for|to|at|from|as)\b))"
)


def _part_of_a_group_met_before(text: str) -> bool:
    opening = _PART_OF_THE.match(text)
    if opening is None:
        return False
    following = text[opening.end() :].split()[:5]
    for place, word in enumerate(following):
        bare = word.lower().rstrip(",;:")
        before = following[place - 1].lower() if place else ""
        if (
            place > 0
            and (
                bare in AUXILIARIES
                or bare in _FINITE_IRREGULAR
                # "-ed" after the group's plural or an adverb, not an adjective ("the key suspected
                # Mafia bosses"), nor a passive's "by".
                or (
                    bare.endswith("ed")
                    and (before.endswith(("s", "ly")) or before in ("ever", "never", "also"))
                    and following[place + 1 : place + 2] != ["by"]
                )
            )
        ):
            return True
        if (
            bare in _NOT_THE_GROUP_MET
            or word.endswith((",", ";", ":"))
            or not word[:1].islower()
            or (place == 0 and bare.endswith("est"))
        ):
            return False  # the sentence says which: a name, a clause, a superlative, a list
    return False


def needs_context(text: str, opening: bool = False) -> bool:
    """True when the sentence opens with a reference its reader cannot resolve on its own, or
    ends adding to or agreeing with what came before. An article's ``opening`` has no sentence
    before it: "Another large aftershock of the February 27 8.8 earthquake ... rocked Chile"
    counts on what its reader knows of the world."""
    if (
        _DANGLING_OPENER.match(text)
        and not _EXISTENTIAL_THERE.match(text)
        and not _EXPLETIVE_IT.match(text)
        and not (opening and _ANOTHER.match(text))
    ):
        return True
    if text.endswith(_ANSWER_ENDINGS) and _ANSWERS_BEFORE.search(text):
        return True
    if ("too" in text and _ADDITIVE_TOO.search(text)) or (
        " also " in text and _ADDITIVE_ALSO.search(text)
    ):
        return True
    if _CLAUSE_PRONOUN.match(text) or _OBJECT_PRONOUN.match(text):
        return True
    if _SUBJECTLESS.match(text) or (" then " in text and _THEN_NEXT.match(text)):
        return True
    if " it " in text and _REPORTED_IT_EVENT.search(text):
        return True
    if (" went on to " in text and _WENT_ON.match(text)) or (
        "news " in text and _NEWS_BEFORE.match(text)
    ):
        return True
    if _RELATIVE_OPENER.match(text) or _AGE_ONLY.match(text):
        return True
    # The substring test before the search, in either case of the first letter.
    counted = _COUNTED_FROM_BEFORE.search(text) if "hortly" in text or "oments" in text else None
    if counted and not _COUNTED_FROM_HERE.search(text, 0, counted.start()):
        return True
    that_time = _THAT_TIME.search(text) if "then and" in text or "at that " in text else None
    if that_time and not _TIME_HERE.search(text, 0, that_time.start()):
        return True
    if (_PARTITIVE.match(text) and not _PARTITIVE_OF_ITS_OWN.match(text)) or _BARE_COUNT.match(
        text
    ):
        return True
    if has_any(text, _GOES_ON) and _QUOTE_GOES_ON.match(text):
        return True
    lowered = text.lower()
    if (" this " in lowered or " these " in lowered) and _says_this(lowered):
        return True
    if " of the " in text and _part_of_a_group_met_before(text):
        return True
    if has_any(text, _BESIDES_GATE) and _COUNTED_BESIDES_BEFORE.match(text):
        return True
    if text.startswith(("The ", '"The ', "“The ")) and (
        _DEFINITE_ROLE_ACTS.match(text) or _ORDINAL_ALONE.match(text)
    ):
        return True
    if has_any(text, _THE_NUMBERS) and _THE_NUMBER_ALONE.search(text):
        return True
    if _DANGLING_DEFINITE.match(text) and not _NAMED_DEFINITE.match(text):
        return True
    if has_any(lowered, _PRONOUN_SPEAKER_GATE) and _PRONOUN_SPEAKER.search(lowered):
        return True
    # A quotation whose speaker the sentence does not name; not a title in quotation marks
    # ('"Twilight" author Stephenie Meyer confirmed ...', "'The Fix' will remedy ...").
    return bool(
        _QUOTE_OPEN.match(text) and not _ATTRIBUTION.search(text) and not _QUOTED_NAME.match(text)
    )


def inside_quotations(sentences: Sequence[tuple[int, str]]) -> list[bool]:
    """For each (paragraph, text) of an article, whether it lies inside a quotation that an
    earlier sentence of its paragraph opened (its speaker is named there, or after it).

    Single quotes count too where their marks cannot be apostrophes: one opens before a capital
    at a word's start ("'I've done it."), one closes after punctuation ("...,' she told the
    magazine") or before it ("'too clean'."); and only when the close follows within
    ``_SINGLE_QUOTE_SPAN`` sentences of the paragraph, since a stray mark must not swallow the
    rest of a one-paragraph article.
    """
    inside = [False] * len(sentences)
    double, last_paragraph = False, None
    for i, (paragraph, text) in enumerate(sentences):
        continues = double and paragraph == last_paragraph
        inside[i] = inside[i] or continues
        double = quote_open_after(text, continues)
        last_paragraph = paragraph
        if double or not _opens_single_quote(text):
            continue
        for j in range(i + 1, min(i + 1 + _SINGLE_QUOTE_SPAN, len(sentences))):
            if sentences[j][0] != paragraph:
                break
            if _SINGLE_CLOSE.search(sentences[j][1]):
                for k in range(i + 1, j + 1):
                    inside[k] = True
                break
    return inside


def _opens_single_quote(text: str) -> bool:
    """Whether a single-quoted quotation opens in ``text`` and is not closed there."""
    if "'" not in text and "‘" not in text:
        return False
    state = False
    for mark in _SINGLE_EVENT.finditer(text):
        state = mark.group("open") is not None
    return state
