"""The day a sentence says its event happened, read against its article's publication day.

News dates events relative to the day it is published: "on Friday", "yesterday", "Jan. 12". A
brief ordered by publication alone puts a later article's recap of the main event ("An earthquake
struck Haiti on January 12, ...") after the first day's details; ordered by the reported day, it
opens with the event. Only past days inside the story's own span count: a date before the story's
first article is background ("the 1998 election"), and a day after publication is a plan ("will
meet on Friday"); both leave the sentence at its publication day. So is a day in a relative clause
after a name ("for Drake, which reached the quarterfinal by beating Bradley on Thursday night").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newsdesk.models import NO_DATE, Brief, BriefSentence

# How far before the story's first article a reported day still belongs to the story: a report
# published on Monday of a quake "on Saturday" dates the quake, not background.
STORY_LEAD_DAYS = 2
# A day named by its date reaches further: the first reports of a story a reader sees may come
# days after its event ("52 people were killed ... on July 7th 2005 ..." in a story whose
# articles begin on July 12). On MultiLing's resampled stories this took the sentence pairs in
# the human summaries' order from 0.691 to 0.705 at 100 words and from 0.694 to 0.706 at 250
# (BENCHMARKS.md); a weekday read that far back moved ECB+ openings between days and changed
# their briefs.
DATED_LEAD_DAYS = 14

# A month's name or abbreviation, as a regex group.
MONTH_PATTERN = (
    r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_MONTH_DAY = re.compile(rf"\b{MONTH_PATTERN}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}\b(?:,?\s+(\d{{4}})\b)?"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b(?:(last|next|this)\s+)?({'|'.join(WEEKDAYS)})\b")
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE)
# A weekday in a sentence about the future names the day of a plan, not of the event reported.
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|scheduled|plans? to|expected to|tomorrow)\b",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _days_before(day: datetime, days: int) -> datetime:
    """``days`` before ``day``, stopping at the first representable day (a year-1 placeholder)."""
    try:
        return day - timedelta(days=days)
    except OverflowError:
        return NO_DATE


def day_of(moment: datetime) -> datetime:
    """The UTC midnight starting ``moment``'s day (a naive moment is read as UTC)."""
    utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return utc.replace(hour=0, minute=0, second=0, microsecond=0)


def _calendar_day(
    month_name: str, day: int, year: str | None, published: datetime
) -> datetime | None:
    month = _MONTHS.index(month_name[:3].lower()) + 1
    # Without a year, the latest such day on or before publication ("Dec. 26" read in January).
    resolved = (
        int(year) if year else published.year - ((month, day) > (published.month, published.day))
    )
    try:
        return datetime(resolved, month, day, tzinfo=UTC)
    except ValueError:
        return None


# A date that names an event rather than dates the sentence: "the December 26 Indian Ocean
# Tsunami", "January 12 Haiti earthquake", "the July 7, 2005 bombings" (not "... on July 7th 2005
# when four suicide bombers ...", "... on March 3 at 2 pm").
_NAMING_DATE = re.compile(
    r"\s+(?!(?:when|and|or|but|at|in|on|after|before|to|by|with|as|from|while|during|until|since"
    r"|for|of|that|which|where|local|a\.m|p\.m|am|pm)\b)[A-Za-z]"
)


# ... or follows the event it names: "the catastrophic Indian Ocean tsunami of December 26", "the
# earthquake of December 26, 2004" (not "on the morning of July 7, 2005").
_OF_BEFORE = re.compile(r"(\S*)\s+of\s+$")
# fmt: off
_TIMES_OF = frozenset((
    "morning", "afternoon", "evening", "night", "day", "week", "weekend", "end", "start",
    "beginning", "month",
))
# fmt: on
# The words before a date it reads: enough for "beginning of ".
_NAMED_OF_REACH = 16


def _names_event(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` names an event (:data:`_NAMING_DATE`,
    :data:`_OF_BEFORE`) rather than dates the sentence."""
    if _NAMING_DATE.match(text, end):
        return True
    of = _OF_BEFORE.search(text[max(0, start - _NAMED_OF_REACH) : start])
    return of is not None and of[1] not in _TIMES_OF


def _days_named(text: str, published: datetime) -> list[tuple[datetime, bool]]:
    """Every day the sentence names, resolved against the publication day (UTC midnights), and
    whether it is a date that does not name an event ("July 7", not "the July 7, 2005 bombings",
    "the tsunami of December 26", nor a weekday)."""
    today = day_of(published)
    days: list[tuple[datetime | None, bool]] = []
    for pattern, month, day in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for match in pattern.finditer(text):
            date = _calendar_day(match[month], int(match[day]), match[3], today)
            days.append((date, not _names_event(text, match.start(), match.end())))
    if not _FUTURE.search(text):
        for match in _WEEKDAY.finditer(text):
            if match.group(1) == "next":
                continue
            back = (today.weekday() - WEEKDAYS.index(match.group(2))) % 7
            days.append(
                (_days_before(today, back or (7 if match.group(1) == "last" else 0)), False)
            )
        if _DAY_BEFORE.search(text):
            days.append((_days_before(today, 1), False))
    return [(d, dated) for d, dated in days if d is not None]


def mentioned_days(text: str, published: datetime) -> list[datetime]:
    """Every day the sentence names, resolved against the publication day (UTC midnights)."""
    return [d for d, _ in _days_named(text, published)]


# A relative clause after a name tells of the named, not of the event the sentence reports: "Jordan
# Clarke had 10 rebounds for Drake, which reached the quarterfinal by beating Bradley on Thursday
# night", "A search team has recovered a part of the tail section of Air France Flight 447, which
# crashed in the Atlantic on June 1". After a common noun it may date the event itself: "As many
# as 200,000 people were killed by the tremors, which struck on January 12".
_RELATIVE_CLAUSE_AFTER_NAME = re.compile(
    r"\b([A-Z0-9][\w'’.\-]*),\s+(?:which|who|whose|where)\b[^,]*"
)


def reported_day(text: str, published: datetime, story_start: datetime) -> datetime:
    """The earliest day in the story's span the sentence says its event happened on; else the
    publication day. ``story_start`` is the first publication of the story's articles."""
    text = _RELATIVE_CLAUSE_AFTER_NAME.sub(r"\1,", text)
    return min(_days_in_story(text, published, story_start), default=day_of(published))


def _days_in_story(text: str, published: datetime, story_start: datetime) -> list[datetime]:
    """The days the sentence names that fall in the story's span, up to its publication."""
    earliest = _days_before(day_of(story_start), STORY_LEAD_DAYS)
    earliest_date = _days_before(day_of(story_start), DATED_LEAD_DAYS)
    today = day_of(published)
    return [
        d
        for d, dated in _days_named(text, published)
        if (earliest_date if dated else earliest) <= d <= today
    ]


# A sentence that reports what has now happened ("Iran's National Security Council has announced
# that it will suspend the release of 15 sailors detained on March 23"): its dates are background.
_IRREGULAR_PARTICIPLES = (
    "said|made|told|struck|found|held|won|lost|left|put|set|cut|hit|shot|fled|sent|kept|begun|run"
    "|come|become|brought|bought|caught|taught|thought|sought|fought|met|led|read|built|spent|paid"
    "|laid|sold|been|gone|done|seen|given|taken|spoken|written|chosen|driven|risen|fallen|broken"
)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:not|now|already|also|just|since|\w+ly)\s+)?"
    rf"(?:\w+ed|{_IRREGULAR_PARTICIPLES})\b"
    # So does one that says how things stand now: "The search is now in its third phase, which
    # started on March 30 - April 1, 2010".
    r"|\b(?:is|are)\s+(?:now|currently|still)\b",
    re.IGNORECASE,
)


# The day of publication itself ("this week" is also now, for _NOW, but not this day).
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def development_day(
    text: str, published: datetime, story_start: datetime, opening_day: datetime | None = None
) -> datetime:
    """The day of the development a report's sentence tells, for a timeline: the publication day
    when the sentence says what has happened, or what happened today, before it names a day ("has
    announced ... detained on March 23", "announced today that ... failed a blood test following
    his victory in Saturday's time trial"), else :func:`reported_day`. ``opening_day``, the day
    its article's opening says the news happened, dates a sentence that names no day, says nothing
    has happened or will, and nothing of today: the details of Thursday's news reported on Friday
    ("The three boats had a total of 26 Somali crew onboard") are Thursday's."""
    told = [m.start() for m in (_PRESENT_PERFECT.search(text), _TODAY.search(text)) if m]
    if told:
        patterns = (_MONTH_DAY, _DAY_MONTH, _WEEKDAY, _DAY_BEFORE)
        dates = [m.start() for m in (p.search(text) for p in patterns) if m]
        if not dates or min(told) < min(dates):
            return day_of(published)
    day = reported_day(text, published, story_start)
    if (
        opening_day is not None
        and opening_day < day == day_of(published)
        and not mentioned_days(text, published)
        and not _FUTURE.search(text)
        and not _NOW.search(text)
    ):
        return opening_day
    return day


# What a report looks ahead to from its publication day: "Tomorrow's stage will take the race into
# the Pyrenees", "The conference begins next week in Bali", "He will be sentenced next Monday".
_AHEAD = re.compile(rf"\b(?:(tomorrow)|next\s+(week|month|{'|'.join(WEEKDAYS)}))\b", re.IGNORECASE)


# And a weekday a plan is set for: "Robert Pitman, 24, ... is due to appear before Taunton Deane
# Magistrates' Court on Tuesday.", "The trial will resume Monday with testimony from ...", "The Bali
# conference is expected to end on Friday." The day follows the future verb closely (not "...
# will worship in a local school this morning after a fire ripped through her church on Friday"),
# and no date follows it (a date says which week).
_PLANNED_WEEKDAY = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:due|scheduled|expected|set|slated)\s+to)\s+(?:[\w'’\-]+\s+){0,6}?"
    rf"(?:on\s+)?({'|'.join(WEEKDAYS)})\b(?!,?\s+(?:the\s+)?\d|,?\s+{MONTH_PATTERN})"
)


def anticipated_day(text: str, published: datetime) -> datetime | None:
    """The first day a sentence looks ahead to from its publication ("tomorrow", "next week",
    "next month", "next Monday", or a weekday a plan is set for: "is due to appear ... on
    Tuesday"): a story with an article of that day or later has told what came of it. None when
    the sentence looks ahead to no day, or to a weekday that is the day of publication itself."""
    lowered = text.lower()
    # Most sentences have none of these words: substring tests are many times faster than the
    # searches.
    match = _AHEAD.search(text) if "next" in lowered or "tomorrow" in lowered else None
    if match is None:
        planned = _PLANNED_WEEKDAY.search(text) if "day" in lowered else None
        if planned is None:
            return None
        today = day_of(published)
        ahead_days = (WEEKDAYS.index(planned.group(1)) - today.weekday()) % 7
        return today + timedelta(days=ahead_days) if ahead_days else None
    today = day_of(published)
    if match.group(1):
        return today + timedelta(days=1)
    ahead = match.group(2).lower()
    if ahead == "week":
        return today + timedelta(days=7 - today.weekday())
    if ahead == "month":
        return (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    return today + timedelta(days=(WEEKDAYS.index(ahead.title()) - today.weekday()) % 7 or 7)


# A time before the story named without a day: "in 1964", "in February", "at the end of July".
_EARLIER_YEAR = re.compile(
    r"\b(?i:in|since|during|of|until)\s+(?:(?i:early|late|mid)-?\s*)?(1[89]\d\d|20\d\d)\b"
)
_NAMED_MONTH = re.compile(
    r"\b(?i:in|since|during|of|until|last)\s+(?:(?i:early|late|mid)-?\s*)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b(?!\s*\d{1,2}\b)(?:,?\s+(\d{4})\b)?"
)
_NOW = re.compile(rf"{_TODAY.pattern}|\bthis week\b", re.IGNORECASE)


def tells_background(text: str, published: datetime, story_start: datetime) -> bool:
    """Whether the sentence tells of a time before the story, not of a development in it: it
    names a year or a month before the story's first article ("Pope Benedict XVI awarded her the
    medal in 2006", "The last major quake to hit southern Iran was in February" of a November
    story) and no day inside the story's span, nor "today" ("... today called on the Interior
    Department to reverse a rule issued in January" is news)."""
    if _NOW.search(text):
        return False
    if _days_in_story(text, published, story_start):
        return False
    start = day_of(story_start)
    if any(int(m.group(1)) < start.year for m in _EARLIER_YEAR.finditer(text)):
        return True
    # A month without a day is the latest such month by publication; the month before the story
    # may still be its own ("late last month").
    today = day_of(published)
    for match in _NAMED_MONTH.finditer(text):
        month = _MONTHS.index(match.group(1)[:3].lower()) + 1
        year = int(match.group(2)) if match.group(2) else today.year - (month > today.month)
        if year * 12 + month < start.year * 12 + start.month - 1:
            return True
    return False


# A week counted from the day of writing: "recovered ... last weekend", "tried to take 33 Haitian
# children out the country last week".
_WEEK_FROM_WRITING = re.compile(r"\b(?:last|next|this)\s+week(?:end)?\b", re.IGNORECASE)


def citation_day(brief: Brief, sentence: BriefSentence) -> datetime | None:
    """When ``sentence``'s source was published, where its reader needs that beside its citation:
    the sentence names a day from the day it was written ("The 2008 Olympic Torch has arrived in
    London today", "Yesterday, protesters ...", "on Saturday", "last weekend") and the brief
    cites sources of more than one day. Else None."""
    published = sentence.citation.published
    text = sentence.text
    if published is None or not (
        _NOW.search(text)
        or _DAY_BEFORE.search(text)
        or _WEEKDAY.search(text)
        or _WEEK_FROM_WRITING.search(text)
        or "tomorrow" in text.lower()
    ):
        return None
    days = {s.citation.published.date() for s in brief.sentences if s.citation.published}
    return published if len(days) > 1 else None
