"""Tolls of the dead and injured, and the early reports a later count outdates (ECB+, WikiNews)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.brief import summarize
from newsdesk.brief.base import StoryText, prepare
from newsdesk.brief.tolls import outdated_tolls, tolls_stated
from newsdesk.evaluation.summarize import load_dataset, read_articles

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ECB_DOCS = DATA / "ecbplus" / "docs"
MULTILING = DATA / "multiling2011-en"


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        (
            "Soldiers and police are leading rescue operations in Indonesia after a 6.1 magnitude "
            "earthquake hit Aceh province leaving 24 dead and over 200 injured.",
            {"dead": 24.0, "injured": 200.0},
        ),
        (
            "A strong earthquake struck Indonesia's Aceh province on Tuesday, killing at least one "
            "person and leaving two others missing.",
            {"dead": 1.0},
        ),
        (
            "Ten people were killed and at least 50 injured when an earthquake razed mud - brick "
            "villages on the Persian Gulf island of Qeshm off Iran's southern coast.",
            {"dead": 10.0, "injured": 50.0},
        ),
        (
            "Aceh was hit extremely hard by the massive Boxing Day earthquake and tsunami in 2004, "
            "killing 170, 000 people in Sumatra alone.",
            {"dead": 170_000.0},
        ),
        (
            "As many as 200,000 people were killed by the tremors, which struck on January 12, and "
            "1.5 million people have been left without homes.",
            {"dead": 200_000.0},
        ),
        (
            "Fifty-two people were killed in the attacks, as were the four bombers, and about 700 "
            "injured in the deadliest single act of terrorism in the United Kingdom.",
            {"dead": 52.0, "injured": 700.0},
        ),
        (
            "AN EARTHQUAKE killed six children and left 14 others trapped when a mosque collapsed "
            "during a Koran reading session in Indonesia's Aceh province, bringing the confirmed "
            "death toll from the disaster to 11.",
            {"dead": 11.0},
        ),
        # A death count, and a toll that rises past its number further on.
        (
            "Nearly a week after tsunami waves scoured the coasts of multiple countries in "
            "southern Asia, the confirmed death count is over 120,000.",
            {"dead": 120_000.0},
        ),
        (
            "The death toll from the earthquake and tsunamis that has hit countries in Asia and "
            "Eastern Africa continues to rise, passing 80,000 people according to reports from "
            "several news agencies.",
            {"dead": 80_000.0},
        ),
        (
            "The sixth aftershock shook this southern Iranian island in the Persian Gulf on Monday "
            "as death toll from a strong earthquake a day before rose to 10.",
            {"dead": 10.0},
        ),
        (
            "The new death toll came after the bodies of two more victims were found in the "
            "village of Ziranag which is one of the 12 worst - hit villages in the quake, Qeshm "
            "Governor Heydar Alishvandi said.",
            {},
        ),
        # A magnitude is no count of the injured.
        (
            "Iran's state television says a magnitude-5.2 quake has injured three people in the "
            "Persian Gulf Island of Qeshm.",
            {"injured": 3.0},
        ),
        # No one, an age, one count of a list, a father's two boys, the accused: no toll.
        (
            'No-one was injured in the fire, which is being treated by police as "potentially '
            "suspicious '' .",
            {},
        ),
        (
            "Zurana Horton, 34, was killed on Oct. 21, 2011 while walking near an intersection in "
            "Brownsville after 2 p. m.",
            {},
        ),
        (
            "Police said two women and one man died at a branch of the Marfin bank which caught "
            "fire after hooded youths broke a window and hurled petrol bombs inside.",
            {},
        ),
        (
            "A petrol bomb hurled at an Athens branch of the Marfin Investment Bank killed two "
            "women and a man who were caught in the resulting inferno.",
            {},
        ),
        ("The 35 - year - old newlywed and father to two boys died almost immediately.", {}),
        (
            "Prosecutors have released new video in the trial of two men accused of killing a "
            "Brownsville mother of 12 in Oct. 2011.",
            {},
        ),
        ("Dozens of people were injured.", {}),
    ],
)
def test_tolls_stated(sentence: str, tolls: dict[str, float]) -> None:
    assert tolls_stated(sentence) == tolls


def _story(event: str) -> StoryText:
    return prepare(read_articles(sorted((ECB_DOCS / event).iterdir())))


@pytest.mark.skipif(not ECB_DOCS.is_dir(), reason="shared ECB+ data not present")
def test_an_early_toll_is_outdated_by_the_later_leads() -> None:
    """Aceh, 2 July 2013: "killing at least one person" in the first reports, "24 dead and over
    200 injured" a day later; the newest lead comes first among those that outdate it."""
    story = _story("37ecbplus")
    outdated = outdated_tolls(story)
    texts = {story.candidates[c].text: c for c in outdated}
    early = next(c for t, c in texts.items() if "killing at least one person" in t)
    newest = story.candidates[outdated[early][0]].text
    assert "24" in newest and tolls_stated(newest)["dead"] == 24.0
    assert not any("24 dead" in t for t in texts)
    # A count further down that is a part of the toll is not an early report of it.
    assert not any("Four other people died in hospitals" in t for t in texts)
    assert any("Four other people died in hospitals" in c.text for c in story.candidates)


@pytest.mark.skipif(not ECB_DOCS.is_dir(), reason="shared ECB+ data not present")
def test_the_count_most_outlets_give_stands_against_a_wider_one() -> None:
    """Gaza, 6 January 2009: six outlets' leads give 40 dead at the UN school, one the "more than
    50 people" killed that day in schools and houses: the 40 are not out of date."""
    story = _story("41ecb")
    outdated = outdated_tolls(story)
    forty = [
        c
        for c, candidate in enumerate(story.candidates)
        if candidate.position < 3 and tolls_stated(candidate.text).get("dead") == 40.0
    ]
    assert len(forty) >= 5
    assert not set(forty) & set(outdated)


@pytest.mark.skipif(not ECB_DOCS.is_dir(), reason="shared ECB+ data not present")
@pytest.mark.parametrize("budget", [100, 150])
def test_a_brief_gives_the_newest_toll(budget: int) -> None:
    """The first reports' "killing at least one person" was the densest lead, and briefs gave
    no other toll; "24 dead and over 200 injured" came a day later, in fewer shared words."""
    texts = [
        s.text
        for s in summarize(
            read_articles(sorted((ECB_DOCS / "37ecbplus").iterdir())), budget
        ).sentences
    ]
    assert any(tolls_stated(t).get("dead") == 24.0 for t in texts), texts


@pytest.mark.skipif(not MULTILING.is_dir(), reason="shared MultiLing data not present")
def test_a_brief_gives_the_united_nations_count_of_the_dead() -> None:
    """Haiti, 2010: the 100-word brief gave only an early "as many as 200,000" dead; the United
    Nations' later count, "222,570 deaths", is now in it."""
    topic = next(t for t in load_dataset(MULTILING).topics if t.name == "M006")
    texts = [s.text for s in summarize(read_articles(topic.sources), 100).sentences]
    assert any("222,570 deaths" in t for t in texts), texts
