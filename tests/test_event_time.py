"""The day a sentence reports, on real WikiNews sentences, and the brief ordered by it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.timeline import build_timeline, developments
from newsdesk.brief import summarize
from newsdesk.brief.base import prepare
from newsdesk.config import Settings
from newsdesk.event_time import (
    anticipated_day,
    citation_day,
    day_of,
    development_day,
    mentioned_days,
    reported_day,
    tells_background,
)
from newsdesk.models import Article, Brief, BriefSentence, Citation
from newsdesk.sources import read_sources

WIKINEWS = Path(__file__).resolve().parents[1] / "examples" / "wikinews"
ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "docs"


def day(year: int, month: int, date: int) -> datetime:
    return datetime(year, month, date, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sentence", "published", "story_start", "expected"),
    [
        # M0065, published Sunday, January 31, 2010: a recap of the story's first day.
        (
            "An earthquake, with a magnitude of 7.0, struck Haiti on January 12, killing as much as"
            " 200,000 people and largely destroying the capital Port-au-Prince; another million"
            " have been left without homes.",
            day(2010, 1, 31),
            day(2010, 1, 12),
            day(2010, 1, 12),
        ),
        # M0046, published Monday, December 17, 2007: the last Saturday.
        (
            "The climate conference that was held for the last two weeks in Bali came to a"
            " conclusion on Saturday.",
            day(2007, 12, 17),
            day(2007, 12, 3),
            day(2007, 12, 15),
        ),
        # M0028, published Friday, April 6, 2007: "on Friday" is the day of publication.
        (
            "Following a period of debriefing and rest, the crew spoke at a press conference on"
            " Friday.",
            day(2007, 4, 6),
            day(2007, 3, 23),
            day(2007, 4, 6),
        ),
        # M0034, published Tuesday, July 24, 2007.
        (
            "Vinokourov also won yesterday's stage.",
            day(2007, 7, 24),
            day(2007, 7, 7),
            day(2007, 7, 23),
        ),
        # M0044, published Wednesday, December 12, 2007: a plan, not an event.
        (
            "The Bali conference is expected to end on Friday.",
            day(2007, 12, 12),
            day(2007, 12, 3),
            day(2007, 12, 12),
        ),
        # M0007, published Saturday, March 26, 2005: the tsunami of December 26 is three days
        # before the story's first article (December 29); the event reported is Oxfam's figures.
        (
            "Up to four times as many women as men died in the December 26 Indian Ocean Tsunami,"
            " figures published by Oxfam International today reveal.",
            day(2005, 3, 26),
            day(2004, 12, 29),
            day(2005, 3, 26),
        ),
        # A relative clause tells of the named, not of the event reported. ECB+ 31ecbplus,
        # published Friday, March 8, 2013: the game that day, not Drake's win on Thursday.
        (
            "Jordan Clarke had 10 rebounds for Drake, which reached the quarterfinal by beating"
            " Bradley on Thursday night.",
            day(2013, 3, 8),
            day(2013, 3, 8),
            day(2013, 3, 8),
        ),
        # M0084, published Monday, June 8, 2009: the recovery, not the crash of June 1.
        (
            "A search team from Brazil has recovered a part of the tail section of Air France"
            " Flight 447, which crashed in the Atlantic on June 1.",
            day(2009, 6, 8),
            day(2009, 6, 1),
            day(2009, 6, 8),
        ),
        # A date reaches two weeks before the story's first article (M0017, M0022): the first
        # reports a reader has may come days after the event.
        (
            "The July 7 bombings were a series of coordinated bombings which struck London on the"
            " morning of July 7, 2005.",
            day(2008, 5, 1),
            day(2005, 7, 12),
            day(2005, 7, 7),
        ),
        (
            "The sailors and marines were captured by Iranian border guards on March 23 in the"
            " Persian Gulf near the Shatt al Arab waterway.",
            day(2007, 4, 5),
            day(2007, 3, 27),
            day(2007, 3, 23),
        ),
        # ... but not a date that names the event (M0009): the report is of the fundraiser.
        (
            "Several prominent Romanian artists and celebrities will gather at the Radio Hall in"
            " Bucharest on Sunday, January 23, to raise money for the victims of the catastrophic"
            " Indian Ocean tsunami of December 26, 2004.",
            day(2005, 1, 20),
            day(2004, 12, 29),
            day(2005, 1, 20),
        ),
        # A relative clause after a common noun may date the event itself (M0064).
        (
            "As many as 200,000 people were killed by the tremors, which struck on January 12.",
            day(2010, 1, 29),
            day(2010, 1, 12),
            day(2010, 1, 12),
        ),
    ],
)
def test_reported_day(
    sentence: str, published: datetime, story_start: datetime, expected: datetime
) -> None:
    assert reported_day(sentence, published, story_start) == expected


def test_mentioned_days_read_calendar_forms_against_publication() -> None:
    published = day(2005, 1, 1)  # M0001, Saturday, January 1, 2005
    sentence = (
        "After the U.S. increased it's funding donation to 350 million USD, Japanese Prime Minister"
        " Junichiro Koizumi announced a half-billion dollar donation on Saturday, Jan. 1."
    )
    assert mentioned_days(sentence, published) == [day(2005, 1, 1), day(2005, 1, 1)]
    # A day without a year is the latest such day on or before publication.
    assert mentioned_days("It struck on the 26th of December.", published) == [day(2004, 12, 26)]
    assert mentioned_days("Aid arrived last Saturday.", published) == [day(2004, 12, 25)]
    assert mentioned_days("Talks resume next Monday.", published) == []
    assert mentioned_days("No date here, only May and 2005.", published) == []


def _wikinews(topic: str) -> list[Article]:
    paths = sorted(str(p) for p in WIKINEWS.glob(f"{topic}?.english"))
    return [r for r in read_sources(paths, Settings()) if isinstance(r, Article)]


def test_brief_opens_with_the_event_a_later_article_dates() -> None:
    """Haiti, M006: the quake of January 12 as a later article recaps it comes before the first
    day's details, though that article was published on January 31. (Order does not depend on the
    method; bigram coverage is the one that picks a first-day detail beside the recap.)"""
    articles = _wikinews("M006")
    published = {a.key: a.published for a in articles}
    sentences = summarize(articles, 100, method="coverage-bigrams").sentences
    recap = next(i for i, s in enumerate(sentences) if "struck Haiti on January 12" in s.text)
    detail = next(i for i, s in enumerate(sentences) if "Mike Blanpied remarked" in s.text)
    assert recap < detail
    recap_date = published[sentences[recap].citation.article_key]
    detail_date = published[sentences[detail].citation.article_key]
    assert recap_date is not None and detail_date is not None
    assert recap_date > detail_date  # publication order alone would put it after


def test_brief_tells_a_development_on_the_day_it_is_reported() -> None:
    """Royal Navy, M002: "Iran's National Security Council has announced that it will suspend
    the releasing of 15 British sailors ... detained by Iranian forces on March 23" (reported on
    March 29) comes after the capture of March 23, not beside it."""
    sentences = [s.text for s in summarize(_wikinews("M002"), 250).sentences]
    capture = next(i for i, s in enumerate(sentences) if "have been captured" in s)
    suspended = next(i for i, s in enumerate(sentences) if 'will "suspend"' in s)
    blair = next(i for i, s in enumerate(sentences) if "unjustified and wrong" in s)  # March 25
    assert capture < blair < suspended


def test_timeline_dates_a_recap_by_the_day_it_reports() -> None:
    """Haiti, M006: "As many as 200,000 people were killed by the tremors, which struck on
    January 12, ..." first reported on January 29 goes among the developments of January 12."""
    timeline = build_timeline(group_claims(_wikinews("M006")))
    recap = next(e for e in timeline if "which struck on January 12" in e.text)
    assert recap.when is not None and recap.when.date().isoformat() == "2010-01-29"
    assert recap.happened == day(2010, 1, 12)
    days = [e.day for e in timeline if e.day is not None]
    assert days == sorted(days)
    place = timeline.index(recap)
    assert place > 0 and all(e.day == day(2010, 1, 12) for e in timeline[:place])


@pytest.mark.parametrize(
    ("sentence", "published", "happened"),
    [
        # What has now happened is the development; the day in the relative clause is background.
        (
            'Iran\'s National Security Council has announced that it will "suspend" the releasing '
            "of 15 British sailors and marines detained by Iranian forces on March 23.",
            day(2007, 3, 28),
            day(2007, 3, 28),
        ),
        (
            "The wreckage is suspected to have come from Air France Flight 447, a passenger jet "
            "that went missing over the Atlantic Ocean on June 1.",
            day(2009, 6, 2),
            day(2009, 6, 2),
        ),
        # So is how things stand now: the demo's black boxes (M0089, published on May 6), the
        # brief's unit of this sentence and the one after it.
        (
            "The search is now in its third phase, which started on March 30 – April 1, 2010 and"
            " was originally announced to last 30 days. However, on May 4, the search was extended"
            " to May 25.",
            day(2010, 5, 6),
            day(2010, 5, 6),
        ),
        # Without a present perfect before it, the day a sentence names is when it happened.
        (
            "The sailors and marines were captured by Iranian border guards on March 23 in the "
            "Persian Gulf near the Shatt al Arab waterway.",
            day(2007, 3, 25),
            day(2007, 3, 23),
        ),
        (
            "A 7.0 magnitude earthquake has struck off the coast of Haiti earlier today.",
            day(2010, 1, 12),
            day(2010, 1, 12),
        ),
        # MultiLing M003 (the demo's Tour brief put it before the stages of July 22 and 23, and
        # its timeline dated it July 21): what is announced today is today's news, whatever day
        # it names after that.
        (
            "Astana Team announced today that Alexander Vinokourov of Kazakhstan failed a blood"
            " test following his victory in Saturday's time trial.",
            day(2007, 7, 24),
            day(2007, 7, 24),
        ),
    ],
)
def test_a_timeline_dates_what_has_happened_on_its_report(
    sentence: str, published: datetime, happened: datetime
) -> None:
    start = day(2007, 3, 23) if published.year == 2007 else published
    assert development_day(sentence, published, start) == happened
    # Brief order keeps reading the earliest day a sentence names (BENCHMARKS.md, Briefs).
    if "detained by Iranian forces on March 23" in sentence:
        assert reported_day(sentence, published, start) == day(2007, 3, 23)


@pytest.mark.parametrize(
    ("sentence", "published", "background"),
    [
        # ECB+ sentences two outlets carried, which the story timelines listed as developments.
        (
            "The last major quake to hit southern Iran was in February, when a magnitude - 6.4 "
            "temblor rocked Zarand, a town of about 15, 000 people in Kerman province.",
            day(2005, 11, 27),
            True,
        ),
        (
            "Pope Benedict XVI awarded her the Pro Ecclessia et Pontifice medal in 2006.",
            day(2009, 7, 13),
            True,
        ),
        (
            "At the end of July, an armed man carried out a brazen robbery in broad daylight at "
            "a diamond exhibition at the Carlton hotel in Cannes.",
            day(2013, 9, 9),
            True,
        ),
        # The same opening a sentence: "In", not "in".
        (
            "In December 2008, three men emptied almost the entire stock of gems from the Harry "
            "Winston jewellery store.",
            day(2013, 9, 9),
            True,
        ),
        (
            "In February, a quake measuring 6.4 on the Richter scale hit the southern town of "
            "Zarand, killing 612 people and wounding around 1, 400.",
            day(2005, 11, 28),
            True,
        ),
        # A day inside the story, "today", or last month's news: a development.
        (
            "A 6.1 - magnitude earthquake which hit the Indonesian province of Aceh on Tuesday "
            "killed at least one person, injured dozens and destroyed buildings, sparking panic "
            "in a region devastated by the quake - triggered tsunami of 2004.",
            day(2013, 7, 2),
            False,
        ),
        (
            "More than 1, 300 federal and independent scientists with biological expertise and "
            "three leading scientific societies today called on the Interior and Commerce "
            "departments to overturn rule changes made in January that weaken the scientific "
            "foundation of the Endangered Species Act.",
            day(2009, 4, 27),
            False,
        ),
        (
            "LaCalamita was denied a handgun permit in March, said Scherlinck, who would not say "
            "why the permit was denied.",
            day(2007, 4, 11),
            False,
        ),
    ],
)
def test_a_time_before_the_story_is_background_not_a_development(
    sentence: str, published: datetime, background: bool
) -> None:
    assert tells_background(sentence, published, published) is background


def test_a_story_timeline_leaves_out_what_happened_before_the_story() -> None:
    """ECB+ 20ecbplus (a quake in Iran, November 2005): two outlets recall February's quake in
    Zarand; the timeline is of November's."""
    found = read_sources([str(ECBPLUS / "20ecbplus")], Settings())
    articles = [r for r in found if isinstance(r, Article)]
    claims = group_claims(articles)
    zarand = [c for c in claims if "was in February" in c.text]
    assert zarand and all(c.support >= 2 and not c.lead for c in zarand)
    texts = [e.text for e in build_timeline(developments(claims))]
    assert texts and not any("was in February" in t for t in texts)
    assert any("Qeshm" in t for t in texts)


def test_each_timeline_event_is_the_sentence_of_the_report_it_credits() -> None:
    """ECB+ 9ecbplus: "Passed in January 2009, the Bush-era rule ..." was shown under another
    article's outlet and date (a claim's words and its first report are not always one
    sentence)."""
    found = read_sources([str(ECBPLUS / "9ecbplus")], Settings())
    articles = {a.key: a for a in found if isinstance(a, Article)}
    claims = group_claims(list(articles.values()))
    timeline = build_timeline(developments(claims))
    assert len(timeline) >= 10
    assert any(c.text != c.sources[0].text for c in developments(claims))
    for event in timeline:
        article = articles[event.article_key]
        assert " ".join(event.text.split()) in " ".join(article.text.split()), event.text
        assert (event.outlet, event.when) == (article.outlet, article.published)


def test_the_details_of_a_report_are_dated_by_the_day_its_opening_tells() -> None:
    """ECB+ 12ecbplus: reports of Friday 11 November 2011 open with the warship foiling the
    attack "on Thursday"; their details ("The warship immediately altered towards the suspicious
    vessels ...") were dated by the report, a day after the attack they describe."""
    found = read_sources([str(ECBPLUS / "12ecbplus")], Settings())
    articles = [a for a in found if isinstance(a, Article)]
    timeline = build_timeline(developments(group_claims(articles)))
    days = {e.text: e.day for e in timeline}
    details = [t for t in days if t.startswith("The warship immediately")]
    assert details, sorted(days)
    assert all(days[t] == day(2011, 11, 10) for t in details), {t: days[t] for t in details}
    # Of one day, what the reports opened with comes before their details.
    opened = {e.day for e in timeline if e.sentence_index <= 0}
    first_of_day = {}
    for event in timeline:
        first_of_day.setdefault(event.day, event)
    assert len(opened) >= 2
    assert all(first_of_day[d].sentence_index <= 0 for d in opened), first_of_day
    # A detail that says what happens now keeps its report's day.
    assert all(
        e.day == day_of(e.when) for e in timeline if e.when and " today" in f" {e.text.lower()}"
    )


def test_a_timeline_tells_each_development_once() -> None:
    """ECB+ 2ecbplus: eleven reports of 2 August 2013 open with Ellen DeGeneres hosting the
    Oscars, each in its own words; the timeline listed every opening. A claim that a better
    corroborated one of the same day says again (the brief's test for a repeat) is shown once."""
    found = read_sources([str(ECBPLUS / "2ecbplus")], Settings())
    articles = [a for a in found if isinstance(a, Article)]
    # As the pipeline groups them: the brief's sentences seed the first claims.
    claims = group_claims(articles, brief=summarize(articles, 150))
    timeline = build_timeline(developments(claims))
    hosting = re.compile(r"DeGeneres will (?:return to )?host|will make her second appearance")
    told = [e.text for e in timeline if hosting.search(e.text)]
    assert len(told) == 1, told
    # The claims themselves stay: their corroboration counts do not change.
    assert sum(c.lead for c in claims) > 1 and any(c.retells for c in claims if c.lead)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # M0035, Saturday, July 21, 2007.
        (
            "Tomorrow's stage will take the race into the Pyrenees.",
            day(2007, 7, 21),
            day(2007, 7, 22),
        ),
        # M0040, Thursday, November 29, 2007: the Monday after.
        (
            'This year\'s session of the "United Nations Climate Change Conference", which includes'
            " meetings of the COP and CMP, begins next week in Bali, Indonesia.",
            day(2007, 11, 29),
            day(2007, 12, 3),
        ),
        # ECB+ 29ecbplus, Sunday, December 23, 2012: a week on, not today.
        (
            "The Chiefs will play their season finale against the Denver Broncos next Sunday"
            " afternoon at Sports Authority Field at Mile High.",
            day(2012, 12, 23),
            day(2012, 12, 30),
        ),
        # ECB+ 40ecbplus, June 11, 2012.
        (
            "Mountain Lion will launch next month, and will cost $19.99.",
            day(2012, 6, 11),
            day(2012, 7, 1),
        ),
        # What happened, not what is to come.
        (
            "Alexander Vinokourov of Kazakhstan has won stage 13 of the 2007 Tour de France.",
            day(2007, 7, 21),
            None,
        ),
        # ECB+ 14ecbplus, Monday, July 22, 2013, and MultiLing M004, Wednesday, December 12, 2007:
        # a weekday a plan is set for.
        (
            "Robert Pitman, 24, from the town is due to appear before Taunton Deane Magistrates'"
            " Court on Tuesday.",
            day(2013, 7, 22),
            day(2013, 7, 23),
        ),
        ("The Bali conference is expected to end on Friday.", day(2007, 12, 12), day(2007, 12, 14)),
        # ECB+ 13ecb: the weekday is of what happened, far from the future verb.
        (
            "Sarah Palin's family will have to attend church in a local school this morning after a"
            " fire ripped through her church on Friday evening.",
            day(2008, 12, 14),
            None,
        ),
        # MultiLing M003: a date says which week.
        (
            "The Prologue will be on Saturday, the 7th of July, starting in Trafalgar Square at"
            " 15:00 BST and finishing at 18:20 BST.",
            day(2007, 6, 1),
            None,
        ),
    ],
)
def test_anticipated_day(sentence: str, published: datetime, expected: datetime | None) -> None:
    assert anticipated_day(sentence, published) == expected


def test_a_look_ahead_the_story_has_overtaken_is_not_shown() -> None:
    """The Tour, M003: "Tomorrow's stage will take the race into the Pyrenees" (July 21) was in
    the brief of a story whose articles go on to July 29; so was the sentence after it, "This
    stage starts with ...". Alone, its article still has them: nothing has overtaken them."""
    articles = _wikinews("M003")
    tour = prepare(articles)
    preview = next(c for c in tour.candidates if c.text.startswith("Tomorrow's stage"))
    after = next(c for c in tour.candidates if c.text.startswith("This stage starts"))
    assert preview.overtaken and not after.overtaken
    in_units = {m for unit in tour.units for m in unit.members}
    assert not in_units & {tour.candidates.index(preview), tour.candidates.index(after)}
    assert sum(c.overtaken for c in tour.candidates) == 2  # and "Tomorrow is a rest day" (July 23)

    first = next(a for a in articles if "wins stage 13" in a.title)
    alone = prepare([first])
    kept = [i for i, c in enumerate(alone.candidates) if c.text.startswith("Tomorrow's stage")]
    assert kept and not alone.candidates[kept[0]].overtaken
    assert any(kept[0] in unit.members for unit in alone.units)


def test_a_citation_is_dated_where_a_week_counted_from_writing_needs_it() -> None:
    """WikiNews M008 (the demo's Air France brief, read blind): "Sixteen bodies have been
    recovered from the waters of the ocean last weekend" in a brief of June 1 to 8 had no date
    beside it. A sentence that names no day from the day of writing keeps the bare citation, and
    so does every sentence of a brief whose sources are all of one day."""

    def cited(text: str, published: datetime) -> BriefSentence:
        citation = Citation(text[:20], "Wikinews", "Air France 447", None, published)
        return BriefSentence(text, citation, 0)

    bodies = cited(
        "Sixteen bodies have been recovered from the waters of the ocean last weekend.",
        day(2009, 6, 8),
    )
    route = cited(
        "Air France flight 447, traveling from Rio de Janeiro, Brazil to Paris-Charles de Gaulle"
        " Airport, disappeared on June 1 over the Atlantic Ocean.",
        day(2009, 6, 2),
    )
    brief = Brief([route, bodies], max_words=100, method="coverage")
    assert citation_day(brief, bodies) == day(2009, 6, 8)
    assert citation_day(brief, route) is None
    assert citation_day(Brief([bodies], max_words=100, method="coverage"), bodies) is None
