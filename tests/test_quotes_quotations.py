"""Direct quotations: their quotation marks, the attribution after, before or around them,
and when one with no attribution of its own continues the last speaker.

Sentences from real articles (the dev sets of tests/data/quotes/README.md and the stores);
both NER paths.
"""

from __future__ import annotations

import pytest

from newsdesk.attribute.quotes import extract_quotes
from test_quotes import PATHS, article, quote_with, said_by


@pytest.mark.parametrize("nlp", PATHS)
def test_quotation_interrupted_by_its_attribution_keeps_the_speaker(nlp: object) -> None:
    text = (
        "\"What I feel when I see this, '' said one young man, a hard plastic helmet covering his "
        'curly brown hair, " is that I am loving my city more than ever. Because we are all here. '
        "The system has failed us. The politicians failed us. ''"
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert len(quotes) == 2
    assert quotes[1].text.startswith("is that I am loving")
    assert quotes[0].speaker == quotes[1].speaker and "one young man" in quotes[1].speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_quotation_opened_with_two_single_marks(nlp: object) -> None:
    text = (
        "Inspector Dave Gaskin said the man fell around 2000ft (609 metres) near the Mount Sefton "
        "Bivvy, above the Mueller Glacier. ''The fall was unsurvivable, '' Inspector Gaskin said. "
        "There were four in the climbing party."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "The fall was unsurvivable")
    assert quote.direct and said_by(quote, "Dave Gaskin")


@pytest.mark.parametrize("nlp", PATHS)
def test_called_before_a_quoted_fragment(nlp: object) -> None:
    text = (
        "Officials in Britain have not confirmed the reports that any of their servicemen and "
        "women would be released and British Prime Minister Tony Blair called the detention of "
        'the sailors "wrong and illegal."\n\n'
        "In its report on Felt's death, the New York Times called him \"the most famous "
        "anonymous source in American history. ''"
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "wrong and illegal").speaker_name == "Tony Blair"
    assert "New York Times" in quote_with(quotes, "the most famous").speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_a_new_sentence_introducing_the_next_quotation(nlp: object) -> None:
    text = (
        'Kenneth Dorsey says the woman is a good person. "They had argued, from what I was told, '
        "they argued, \"Dorsey told NBC10's Rosemary Connors after the shootings Thursday night. "
        '"I had just started my job, you know and I heard like bang, bang, but you hear noises '
        'everyday at a bakery so you don\'t pay any mind. " Then a co - worker yelled, "Come on, '
        "you got to leave now! She's shooting. \""
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "I had just started").speaker_name == "Kenneth Dorsey"
    assert "co - worker" in quote_with(quotes, "Come on").speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_a_title_inside_a_sentence_is_not_a_continuation(nlp: object) -> None:
    text = (
        "Officials representing the Beijing Olympic Games in China have confirmed that the "
        "organizations in charge of the Opening Ceremony for the 2008 Summer Olympics may have "
        "faked at least two parts of the production. The ceremony lasted a total of four and a "
        'half hours.\n\nIt has been revealed that nine-year-old Lin Miaoke, who performed "Ode '
        'to the Motherland" during the ceremony, was only a visual effect.'
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if q.text.startswith("Ode to")]


@pytest.mark.parametrize("nlp", PATHS)
def test_a_sentence_quoting_twice_names_its_speaker_after_the_second(nlp: object) -> None:
    text = (
        '"If there is political ballyhoo by London, this decision will be suspended," said Iranian '
        "National Security Council Secretary Ali Larijani. On Wednesday, Iran had said that at "
        'least one soldier, 26 year-old Faye Turney, would "be released very soon."\n\n'
        '"British leaders have miscalculated this issue. This case may face a legal path" if we '
        'are faced with "fuss, and wrong behavior from Britain," added Larijani.'
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "British leaders")
    assert quote.speaker_name == "Ali Larijani"
