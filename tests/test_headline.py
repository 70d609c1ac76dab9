"""The story headline (newsdesk.brief.headline) on real ECB+, MultiLing and web page titles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.brief import summarize
from newsdesk.brief.headline import choose_headline, reads_as_headline
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.models import Article
from newsdesk.pipeline import ONE_STORY, scratch_store, store_as_one_story, story_sources
from newsdesk.sources import read_sources
from test_brief import DATA, needs_data, read_topic

ECB = DATA / "ecbplus" / "docs"
needs_ecb = pytest.mark.skipif(not ECB.is_dir(), reason="shared ECB+ data not present")


def ecb_event(folder: str) -> list[Article]:
    """The articles of one ECB+ event folder taken as one story, as its brief gets them: one per
    original, in publication order."""
    settings = Settings()
    with scratch_store() as store:
        store_as_one_story(read_sources([str(ECB / folder)], settings), store, settings)
        articles, _ = story_sources(store, ONE_STORY)
    return articles


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Did the earth move for you?", False),  # ECB+ 20ecbplus
        ("Can EDS Remain Vendor-Neutral Under HP` s Thumb?", False),  # 44ecb
        ("Deputy Sheriff.", False),  # 16ecbplus
        ("Death for Orozco.", False),  # 16ecbplus
        ("Sports news in brief from around the world:", False),  # 25ecb: a kicker alone
        ("COLTS TOP CHIEFS, 20 - 13, REACH PLAYOFFS.", False),  # 29ecbplus
        (
            "I confirmed yesterday that Obama has offered the job and that Gupta had all but "
            "officially accepted.",  # 34ecb: a column
            False,
        ),
        # Web pages of the article-extraction benchmark: the outlet speaking.
        ("All-new 2020 Sentra is what we really want from Nissan PH - Auto News", False),
        ("5.9 Earthquake Jolts Iran.", True),  # 20ecbplus
        ("Tsunami aid donations in 2005 deductible for 2004 in the U.S.", True),  # MultiLing M000
        # "we" inside a quotation is someone quoted, not the writer.
        ("South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign", True),
        # Words of any script count.
        ("53-летняя модель рассказала что больше всего боится стареть: новости, фото 2018", True),
        # Scripts without spaces: two characters a word (NHK, 2020-03-24), and their question marks
        # (the extraction benchmark's page 85439e26, its title without the site's name).
        ("東京オリンピック・パラリンピック 1年程度延期で合意", True),
        ("商品の改造が商標法違反に！？", False),
    ],
)
def test_what_reads_as_a_headline(title: str, headline: bool) -> None:
    assert reads_as_headline(title) is headline


def test_the_title_most_of_the_story_shares_wins_over_the_earliest() -> None:
    # ECB+ 13ecbplus (a Palmer, Alaska, dairy building burns): the earliest title is a farewell
    # that names no event; the other titles are about the fire.
    titles = [
        "Farewell to another piece of Mat Maid.",
        "Arson suspected in fire that destroyed Alaska's Mat - Maid dairy.",
        "Matanuska Maid Dairy Building Burns Down.",
        "Fire destroys historic Mat Maid dairy building in Palmer.",
        "Historic Mat Maid warehouse burns.",
    ]
    assert choose_headline(titles, [""] * 5) == titles[3]
    # The farewell wins only alone; any title wins alone.
    assert choose_headline(titles[:1], [""]) == titles[0]


def test_leads_count_and_a_tie_goes_to_the_earliest() -> None:
    # Two MultiLing titles of unrelated stories share no word: a tie, to the earlier one.
    graner = "Graner found guilty of mistreatment at Abu Ghraib"
    air_france = "Air France jet with 228 on board goes missing"
    assert choose_headline([graner, air_france], ["", ""]) == graner
    assert choose_headline([air_france, graner], ["", ""]) == air_france
    # A lead that tells of the same event as a title breaks the tie for that title.
    lead = "An Air France plane carrying 228 people disappeared over the Atlantic."
    assert choose_headline([graner, air_france, ""], ["", "", lead]) == air_france


def test_without_a_title_that_reads_as_a_headline_the_fallback_names_the_story() -> None:
    sentence = "An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday."
    junk = ["Did the earth move for you?", "Deputy Sheriff."]
    assert choose_headline(junk, ["", ""], sentence) == sentence
    assert choose_headline(["", ""], ["", ""], sentence) == sentence
    assert choose_headline(junk, ["", ""]) == junk[0]  # nothing better: the earliest title
    assert choose_headline([], []) == ""


@needs_data
def test_a_brief_of_untitled_articles_is_named_by_its_first_sentence() -> None:
    articles = read_topic("M008")
    for article in articles:
        article.title = ""
    brief = summarize(articles, 100)
    assert brief.sentences and brief.headline == brief.sentences[0].text


@needs_ecb
@pytest.mark.parametrize(
    ("folder", "earliest", "headline"),
    [
        ("20ecbplus", "Did the earth move for you?", "5.9 Earthquake Jolts Iran."),
        ("16ecbplus", "Deputy Sheriff.", "Sheriff ’ s Deputy Shot and Killed."),
        (
            "5ecbplus",  # the 76ers fire Jim O'Brien; the earliest title is about the NCAA
            "NCAA : Improper gifts, assistance given to athletes.",
            "Philadelphia 76ers Fire Coach Jim O'Brien, Hire Maurice Cheeks.",
        ),
        (
            "34ecb",  # every other title is a lead sentence; the column's is not the headline
            "I confirmed yesterday that Obama has offered the job and that Gupta had all but "
            "officially accepted.",
            "President-elect Barack Obama has asked neurosurgeon and CNN medical correspondent "
            "Dr. Sanjay Gupta to be U.S. surgeon general, a senior Democrat said on Tuesday.",
        ),
    ],
)
def test_an_ecb_event_is_named_by_a_headline_of_the_event(
    folder: str, earliest: str, headline: str
) -> None:
    articles = ecb_event(folder)
    assert articles[0].title == earliest  # what named the story before
    assert summarize(articles, 100).headline == headline
    # The brief's budget does not change the name.
    assert summarize(articles, 250).headline == headline


@needs_ecb
def test_a_two_sentence_title_is_a_lead_and_loses_to_a_headline() -> None:
    # ECB+ 29ecb: one outlet's title is its first two sentences; it shares the most with the
    # story, but a headline names the game.
    articles = ecb_event("29ecb")
    lead = next(a.title for a in articles if a.title.endswith("his first 17 passes."))
    headline = summarize(articles, 100).headline
    assert headline != lead
    assert headline == "Efficient Peyton Manning Passes Colts Past Jags."


@needs_ecb
def test_every_surface_shows_the_chosen_headline(tmp_path: Path) -> None:
    folder = str(ECB / "20ecbplus")
    runner = CliRunner()
    result = runner.invoke(cli, ["brief", folder, "--format", "json"], catch_exceptions=False)
    assert json.loads(result.stdout)["headline"] == "5.9 Earthquake Jolts Iran."

    db = str(tmp_path / "news.db")
    assert runner.invoke(cli, ["--db", db, "ingest", folder]).exit_code == 0
    listed = runner.invoke(cli, ["--db", db, "stories"], catch_exceptions=False).stdout
    exported = runner.invoke(cli, ["--db", db, "export", "--format", "json"]).stdout
    headlines = [s["headline"] for s in json.loads(exported)["stories"]]
    assert "5.9 Earthquake Jolts Iran." in headlines
    assert "Did the earth move for you?" not in headlines
    assert "5.9 Earthquake Jolts Iran." in listed and "Did the earth move" not in listed
