"""Tolls of the dead and injured, and the early reports a later count outdates.

A disaster's or an attack's toll rises as reports come in: "A strong earthquake struck
Indonesia's Aceh province on Tuesday, killing at least one person" opened the first reports, "a
6.1 magnitude earthquake hit Aceh province leaving 24 dead and over 200 injured" the later ones.
A brief that opens on the first tells a reader the wrong news. A lead whose count of the dead
(or injured) other articles' leads of the same day or later raise is out of date
(:func:`outdated_tolls`); the coverage method then gives the newest toll instead.

Only leads are compared: a lead's count is the story's toll, while a count further down is often
a part of it ("Twelve people were killed ... in Bener Meriah district") or another event's
("the 2004 tsunami, killing 170,000 people in Sumatra alone").
"""

from __future__ import annotations

import re

from newsdesk.brief.base import LEAD_SENTENCES, NUMBER_WORDS, StoryText

DEAD, INJURED = "dead", "injured"
# A count this many times the lead's is another event's (a lead recalling an older disaster), not
# the same toll grown: tolls that grew furthest in ECB+ and WikiNews did so 24-fold (Aceh, 1 -> 24).
MAX_GROWTH = 50.0

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUMBER = (
    rf"(?:{_TENS})(?:[- ](?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|dozen|{_UNITS}"
)
# Thousands separated by a comma, and in ECB+'s tokenised text by ", " ("170, 000").
_NUMBER = (
    rf"(?P<number>\d{{1,3}}(?:,\s?\d{{3}})+(?!\d)|\d+(?:\.\d+)?|{_WORD_NUMBER})"
    r"(?:\s+(?P<scale>million|thousand|hundred))?"
)
_ABOUT = (
    r"(?:(?:at\s+least|more\s+than|over|about|nearly|some|almost|up\s+to|around|an\s+estimated"
    r"|as\s+(?:many|much)\s+as|roughly|approximately)\s+)?"
)
_DEAD_WORDS = r"killed|dead|died|deaths|fatalities|bodies|lives"
_INJURED_WORDS = r"injured|wounded|hurt"
# "... killing at least five people", "left 24 dead"; not "killed 2 years ago", "killing 30%".
_VERB_COUNT = re.compile(
    rf"\b(?P<verb>killing|killed|claiming|injuring|injured|wounding|wounded|leaving|left)\s+"
    rf"{_ABOUT}{_NUMBER}\b(?!\s*(?:-|years?\b|%|percent))"
    rf"(?!\s+[a-z]+\s+and\s+(?:an?|{_WORD_NUMBER}|\d+)\b)"  # "killed two women and a man"
    rf"(?P<after>(?:\s+[a-z]+){{0,3}})",
    re.IGNORECASE,
)
# "Ten people were killed", "24 people dead", "three bank workers died"; not an age ("Horton, 34,
# was killed"), money, a year, or one count of a list ("two women and one man died").
_COUNT_VERB = re.compile(
    rf"(?<![$\d,.])\b{_ABOUT}{_NUMBER}\s+(?P<between>(?:[a-z]+\s+){{0,3}}?)"
    r"(?:(?:were|was|are|is|have\s+been|had\s+been|has\s+been)\s+(?:\w+ly\s+|also\s+)?)?"
    rf"(?P<kind>{_DEAD_WORDS}|{_INJURED_WORDS})\b",
    re.IGNORECASE,
)
# "The death toll ... is 24", "the confirmed death count is over 120,000"; a verb of rising also
# further on: "The death toll from the earthquake and tsunamis that has hit countries in Asia and
# Eastern Africa continues to rise, passing 80,000 people" (not "... Ziranag which is one of the 12
# worst-hit villages").
_DEATH_TOLL = re.compile(
    rf"\bdeath\s+(?:toll|count)\s+(?:of\s+|[^.;:]{{0,40}}?\b(?:to|at|reached|passed|passing|past"
    rf"|hit|is|was|stands|stood|now)\s+|[^.;:]{{0,110}}?\b(?:reached|reaching|passed|passing|past"
    rf"|(?:rose|risen|rising|climbed|climbing)\s+to)\s+){_ABOUT}{_NUMBER}\b(?!\s*(?:-|%|percent))",
    re.IGNORECASE,
)
# Words between a count and "killed" that make it a count of something else: "two men accused of
# killing", "2004 tsunami that killed", "four people in hospital, where ... died".
_NOT_BETWEEN = frozenset(
    ["and", "or", "of", "in", "on", "at", "by", "for", "from", "to", "with", "the", "a", "an",
     "that", "who", "which", "whose", "when", "after", "before", "but", "years", "year", "months",
     "days", "weeks"]
)  # fmt: skip
# "No-one was injured", "father to two boys died", "two women and one man died" (one count of a
# list); not "Ten people were killed and about 50 hurt".
_NOT_BEFORE = re.compile(
    rf"\b(?:no|of|to|every|per)[\s-]*$|-$|{_NUMBER}\s+(?:[a-z]+\s+){{0,2}}and\s+$",
    re.IGNORECASE,
)
# A sentence without one of these states no toll: a quick test before the patterns above, on the
# sentence in small letters (a case-blind search took 7 times as long).
_TOLL_WORD = re.compile(r"kill|dead|died|death|fatalit|bodies|lives|injur|wound|hurt")
_SCALES = {"million": 1e6, "thousand": 1e3, "hundred": 1e2}
_WORD_VALUES = {"one": 1.0, **NUMBER_WORDS}
_UNIT_VALUES = {word: float(value) for value, word in enumerate(_UNITS.split("|"), start=1)}


def _value(number: str, scale: str | None) -> float | None:
    number = number.lower()
    if number[0].isdigit():
        value = float(re.sub(r",\s?", "", number))
        if not value.is_integer() and not scale:  # a magnitude ("a 5.9 quake killed ...")
            return None
    elif (value_word := _WORD_VALUES.get(number)) is not None:
        value = value_word
    else:  # "fifty-two", "twenty one"
        tens, _, unit = re.split(r"([- ])", number, maxsplit=1)
        value = NUMBER_WORDS[tens] + _UNIT_VALUES[unit]
    if scale:
        value *= _SCALES[scale.lower()]
    return value or None


def tolls_stated(text: str) -> dict[str, float]:
    """The highest count of the dead and of the injured a sentence states: "... leaving 24 dead
    and over 200 injured" gives {"dead": 24.0, "injured": 200.0}. Vague counts ("dozens") and
    ages ("Horton, 34, was killed") are not counts."""
    if not _TOLL_WORD.search(text.lower()):
        return {}
    found: list[tuple[str, float | None]] = []
    for match in _VERB_COUNT.finditer(text):
        verb, after = match["verb"].lower(), match["after"].lower().split()
        if verb in ("leaving", "left"):  # "left 24 dead", "leaving two others missing"
            kinds = [w for w in after[:2] if re.fullmatch(_DEAD_WORDS + "|" + _INJURED_WORDS, w)]
            if not kinds:
                continue
            kind = INJURED if re.fullmatch(_INJURED_WORDS, kinds[0]) else DEAD
        elif verb == "claiming":
            if not after or after[0] != "lives":
                continue
            kind = DEAD
        else:
            kind = DEAD if verb.startswith("kill") else INJURED
        found.append((kind, _value(match["number"], match["scale"])))
    for match in _COUNT_VERB.finditer(text):
        between = match["between"].lower().split()
        start = match.start("number")
        if _NOT_BEFORE.search(text, max(0, start - 40), start) or _NOT_BETWEEN.intersection(
            between
        ):
            continue
        if re.fullmatch(r"(?:1[89]|20)\d\d", match["number"]):  # a year
            continue
        kind = INJURED if re.fullmatch(_INJURED_WORDS, match["kind"], re.IGNORECASE) else DEAD
        if match["kind"].lower() == "lives" and not re.search(
            r"\b(?:claim\w*|lost|took)\s+$", text[: match.start("number")].lower()
        ):
            continue
        found.append((kind, _value(match["number"], match["scale"])))
    for match in _DEATH_TOLL.finditer(text):
        found.append((DEAD, _value(match["number"], match["scale"])))
    tolls: dict[str, float] = {}
    for kind, value in found:
        if value is not None:
            tolls[kind] = max(value, tolls.get(kind, 0.0))
    return tolls


def outdated_tolls(story: StoryText) -> dict[int, list[int]]:
    """The candidates whose count of the dead or injured is out of date, each with the leads that
    give a newer count, highest first.

    A lead (among its article's first ``LEAD_SENTENCES``) is out of date when at least as many
    other articles' leads give a higher count than state its own (up to ``MAX_GROWTH`` times as
    high), in reports of the same day, a later one or undated. The majority keeps an incident's
    count that most outlets state against a wider one: six outlets' "40 people dead" at a UN school
    in Gaza against one's "more than 50 people" killed that day in schools and houses. Any other
    sentence that states an out-of-date lead's count is out of date with it: the same early report
    printed further down another article."""
    leads = [
        (c, tolls)
        for c, candidate in enumerate(story.candidates)
        if candidate.position < LEAD_SENTENCES
        and not candidate.fragment
        and (tolls := tolls_stated(candidate.text))
    ]
    article = [candidate.article for candidate in story.candidates]
    days = story.candidate_days
    newer: dict[tuple[str, float], set[int]] = {}  # an out-of-date count -> the leads raising it
    for c, tolls in leads:
        for kind, count in tolls.items():
            stating = {article[o] for o, other in leads if other.get(kind) == count}
            raising = [
                o
                for o, other in leads
                if count < other.get(kind, 0.0) <= count * MAX_GROWTH
                and article[o] != article[c]
                and not days[o] < days[c]
            ]
            if len({article[o] for o in raising}) >= len(stating):
                newer.setdefault((kind, count), set()).update(raising)
    if not newer:
        return {}
    stated = dict(leads)
    outdated: dict[int, list[int]] = {}
    for c, candidate in enumerate(story.candidates):
        if candidate.position < LEAD_SENTENCES:
            tolls = stated.get(c, {})
        else:
            tolls = tolls_stated(candidate.text)
        if raisers := set().union(*(newer.get(toll, set()) for toll in tolls.items())):
            outdated[c] = sorted(
                raisers, key=lambda o: (-stated[o].get(DEAD, 0.0), -stated[o].get(INJURED, 0.0), o)
            )
    return outdated
