"""The news sentence splitter on real MultiLing text and on the classic news traps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdesk.text import (
    ascii_case_counts,
    ends_with_abbreviation,
    mentions_any,
    split_paragraphs,
    split_sentences,
    split_sentences_with_paragraphs,
    words,
)

SOURCE = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "multiling2011-en" / "source"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Senate voted on Jan. 5. Mr. Smith said it was fine.",
            ["The U.S. Senate voted on Jan. 5.", "Mr. Smith said it was fine."],
        ),
        (
            "Prices rose 2.5 percent in the U.S. The next day markets fell.",
            ["Prices rose 2.5 percent in the U.S.", "The next day markets fell."],
        ),
        (
            "Gen. John Smith, the U.N. envoy, arrived at 9 a.m. Monday. Officials confirmed it.",
            [
                "Gen. John Smith, the U.N. envoy, arrived at 9 a.m. Monday.",
                "Officials confirmed it.",
            ],
        ),
        (
            '"We see them going to work, just as before," a USA official told The Post. It ended.',
            [
                '"We see them going to work, just as before," a USA official told The Post.',
                "It ended.",
            ],
        ),
        ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
        ('"Is it safe?" she asked. Nobody knew.', ['"Is it safe?" she asked.', "Nobody knew."]),
        (
            "He works for Acme Inc. The firm denied it, Sen. Bob Dole said.",
            ["He works for Acme Inc.", "The firm denied it, Sen. Bob Dole said."],
        ),
        (
            "WASHINGTON (AP) _ The Senate voted 52-48 on Tuesday. The bill goes to the House.",
            ["WASHINGTON (AP) _ The Senate voted 52-48 on Tuesday.", "The bill goes to the House."],
        ),
        (  # LDC/DUC wire text quotes TeX style: `` opens a quotation, '' closes it.
            "Sihanouk was asked to host a summit. ``I will not go,'' Hun Sen said. ``They want "
            "to internationalize it.'' He left for Bangkok.",
            [
                "Sihanouk was asked to host a summit.",
                "``I will not go,'' Hun Sen said.",
                "``They want to internationalize it.''",
                "He left for Bangkok.",
            ],
        ),
        (  # ECB+ tokenised text spaces its curly quotes.
            "Marchers chanted slogans, people report from the scene. “ I ’ m in the "
            "middle of it, ” one wrote.",
            [
                "Marchers chanted slogans, people report from the scene.",
                "“ I ’ m in the middle of it, ” one wrote.",
            ],
        ),
        (  # ... and a closing '' (ECB+ 27_10ecb).
            "\"It gets posted to the Internet very quickly. '' McAfee Avert Labs researchers "
            "reported variants of the IE exploit.",
            [
                "\"It gets posted to the Internet very quickly. ''",
                "McAfee Avert Labs researchers reported variants of the IE exploit.",
            ],
        ),
        (  # ... and a closing straight quote, which only the open quotation tells from an
            # opening one (ECB+ 13_5ecbplus).
            'Davies wrote that "over $76 million was spent on the projects. Even more millions '
            'were spent on the loans to farmers. " "It is debatable, " she wrote, "whether those '
            'funds were worth it. " Davies examined the Delta barley project.',
            [
                'Davies wrote that "over $76 million was spent on the projects.',
                'Even more millions were spent on the loans to farmers. "',
                '"It is debatable, " she wrote, "whether those funds were worth it. "',
                "Davies examined the Delta barley project.",
            ],
        ),
        (  # A time ends a sentence before any capitalised word but a date or a time zone, unless
            # it opens its clause (ECB+ 18ecb, 21ecbplus; MultiLing M0090).
            "Police Const. Tim Fanning said the gunman entered around 4 p.m. One man was shot."
            " They met at 9 a.m. Monday. It began at 8:00 P.M. China Standard Time (UTC+8) in"
            " Beijing. Police say that on Saturday around 11 : 30 p. m. Kimani Gray stood"
            " outside.",
            [
                "Police Const. Tim Fanning said the gunman entered around 4 p.m.",
                "One man was shot.",
                "They met at 9 a.m. Monday.",
                "It began at 8:00 P.M. China Standard Time (UTC+8) in Beijing.",
                "Police say that on Saturday around 11 : 30 p. m. Kimani Gray stood outside.",
            ],
        ),
        (
            "Talks opened in the U.S. ``The talks are over,'' he said.",
            ["Talks opened in the U.S.", "``The talks are over,'' he said."],
        ),
        (  # ECB+ 42ecbplus, 43ecbplus: a web address its tokenizer spaced out.
            "The smartphone will be available via www. T - Mobile.com and through select dealers."
            " Pricing begins at $99.",
            [
                "The smartphone will be available via www. T - Mobile.com and through select"
                " dealers.",
                "Pricing begins at $99.",
            ],
        ),
        (  # ECB+ 4ecb, 28ecb: a US state's abbreviation ends a sentence before "She", "He";
            # not before "(AP)" of a dateline.
            "Page was born on April 22, 1923, in Nashville, Tenn. She began modeling in 1950."
            " Felt died Thursday at his home in Santa Rosa, Calif. He was 95."
            " NASHVILLE, Tenn. (AP) _ Country star dies.",
            [
                "Page was born on April 22, 1923, in Nashville, Tenn.",
                "She began modeling in 1950.",
                "Felt died Thursday at his home in Santa Rosa, Calif.",
                "He was 95.",
                "NASHVILLE, Tenn. (AP) _ Country star dies.",
            ],
        ),
        (  # ECB+ 8ecbplus: the euro sign lost as "?"; a numbered question still ends.
            "The strike came since agreeing an? 110 billion (Dh472.72bn) debt bailout from the EU."
            " Is it fair? 2. How long will it last?",
            [
                "The strike came since agreeing an? 110 billion (Dh472.72bn) debt bailout from"
                " the EU.",
                "Is it fair?",
                "2.",
                "How long will it last?",
            ],
        ),
        (  # ECB+ 5ecbplus: a tokenised decimal after a bracket ends no sentence.
            "He recorded a mark of 162 - 139 (. 538) in Portland, the fourth - highest win total"
            " in Blazers history. Cheeks was fired on March 2.",
            [
                "He recorded a mark of 162 - 139 (. 538) in Portland, the fourth - highest win"
                " total in Blazers history.",
                "Cheeks was fired on March 2.",
            ],
        ),
    ],
)
def test_news_traps(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentences_never_cross_paragraphs() -> None:
    text = "Saturday, January 8, 2005\n\nU.S. citizens donated. Aid rose.\n\nA second paragraph."
    assert split_paragraphs(text) == [
        "Saturday, January 8, 2005",
        "U.S. citizens donated. Aid rose.",
        "A second paragraph.",
    ]
    assert split_sentences_with_paragraphs(text) == [
        (0, "Saturday, January 8, 2005"),
        (1, "U.S. citizens donated."),
        (1, "Aid rose."),
        (2, "A second paragraph."),
    ]


def test_words() -> None:
    assert words("The U.S.-led force's 3,000 troops") == [
        "the",
        "u",
        "s",
        "led",
        "force's",
        "3",
        "000",
        "troops",
    ]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("The U.S. Senate voted on Jan.", True),
        ("Gen. John Smith, the U.N.", True),
        ("a letter signed by J.", True),
        ("(Sen.", True),
        ("“Mr.", True),
        ("Mr.\n", True),  # a final line break, as "$" allows
        ("Prices rose 2.5 percent.", False),
        ("It ended in a tie.", False),
        ("the site Rajanews.com.", False),
        ("It ended...", False),
        ("", False),
    ],
)
def test_ends_with_abbreviation(prefix: str, expected: bool) -> None:
    assert ends_with_abbreviation(prefix) is expected


def test_words_lower_case_accented_letters_and_keep_curly_apostrophes() -> None:
    assert words("ZÜRICH’s Émile Zola") == ["zürich’s", "émile", "zola"]


def test_ascii_case_counts() -> None:
    # Only A-Z and a-z count: "É" and "é" are neither.
    assert ascii_case_counts("Émile ZOLA écrit") == (4, 8)


@pytest.mark.skipif(not SOURCE.is_dir(), reason="shared MultiLing data not present")
def test_ascii_case_counts_on_real_sentences() -> None:
    for path in sorted(SOURCE.glob("*.english")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            expected = (len(re.findall("[A-Z]", sentence)), len(re.findall("[a-z]", sentence)))
            assert ascii_case_counts(sentence) == expected, sentence


@pytest.mark.skipif(not SOURCE.is_dir(), reason="shared MultiLing data not present")
def test_real_article_is_split_verbatim() -> None:
    text = (SOURCE / "M0001.english").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert all(s in text for s in sentences)
    assert (
        "Promised funds have doubled in the past 24 hours, to nearly 2 Billion U.S. dollars (USD)."
        in sentences
    )
    assert (
        "After the U.S. increased it's funding donation to 350 million USD, Japanese Prime Minister"
        " Junichiro Koizumi announced a half-billion dollar donation on Saturday, Jan. 1."
        in sentences
    )
    # The headline-like line and the date line stay separate units, not glued to the text.
    assert "Japan tops the U.S." in sentences
    assert "Saturday, January 1, 2005" in sentences


def test_military_rank_abbreviation_does_not_end_a_sentence() -> None:
    text = (
        "In January 2005, a United States Army court martial proceeding found Army Spc. Charles"
        " Graner guilty of abusing prisoners at the Abu Ghraib prison. The jury sentenced Graner to"
        " ten years in prison."
    )
    assert len(split_sentences(text)) == 2


def test_mentions_any_matches_whole_words_only() -> None:
    assert mentions_any("The US and Japan pledged aid.", ["US"])
    assert not mentions_any("It failed because of the storm.", ["US"])
    assert mentions_any("Officials at the Sohae Satellite Launching Station said", ["sohae"])
    assert not mentions_any("anything", ["", "Sohae"])


def test_stopwords_are_scikit_learns_list() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from newsdesk.text import ENGLISH_STOPWORDS

    assert ENGLISH_STOPWORDS == ENGLISH_STOP_WORDS


def test_a_time_then_a_new_sentence_about_the_police() -> None:
    """ECB+ 21ecbplus, tokenised: "... at about 7 p. m. Police say she was struck ..." ran two
    sentences together, as "7 p.m. Police say" did untokenised."""
    text = (
        "Investigators say 59 - year old Raj Chohan was hit while walking along parked cars at"
        " 97th Avenue and 117th Street in Richmond Hill at about 7 p. m. Police say she was struck"
        " by a grey Toyota Camry heading north on 117th Street, which then fled the scene."
    )
    first, second = split_sentences(text)
    assert first.endswith("at about 7 p. m.") and second.startswith("Police say she was struck")
    assert len(split_sentences(text.replace("p. m.", "p.m."))) == 2
    # A time followed by more of the same sentence stays one sentence.
    assert len(split_sentences("The hearing starts at 9 a. m. Tuesday in the county court.")) == 1


def test_names_any_keeps_a_capitalised_name_capitalised() -> None:
    from newsdesk.text import names_any

    assert not names_any("British soldiers ... fired shots into the air", ["Air"])
    assert names_any('"We made a conscious decision," said Air.', ["Air"])
    assert names_any("Fighting in Unity state went on.", ["Unity State"])
    assert names_any("UN climate chief Yvo de Boer said", ["De Boer"])
