"""Session 7 quote rules, from an audit of 145 speakers in the ECB+ and WikiNews stores.

Every text is taken from an article of those stores (a few shortened by leaving out sentences);
both NER paths unless the rule is about an NER mistake.
"""

from __future__ import annotations

import pytest

from newsdesk.attribute.quotes import extract_quotes
from test_quotes import HAS_MODEL, PATHS, article, quote_with

SPACY = pytest.mark.skipif(not HAS_MODEL, reason="no model")


@pytest.mark.parametrize("nlp", PATHS)
def test_a_possessor_is_not_the_speaker(nlp: object) -> None:
    text = (
        'The news comes as a shock. "Tara Reid has checked herself into Promises Treatment '
        "Center, '' Reid's rep told Us. \"We appreciate your respect to her and her family's "
        "privacy at this time. '' No specific reason was given.\n\n"
        "Lindsay Lohan's attorney said Thursday the actress checked into a Southern California "
        "rehab facility that a state official said is unlicensed."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    reid = quote_with(quotes, "Tara Reid has checked")
    assert reid.speaker == "Reid's rep" and reid.speaker_name is None
    lohan = quote_with(quotes, "the actress checked into")
    assert lohan.speaker == "Lindsay Lohan's attorney" and lohan.speaker_name is None


@pytest.mark.parametrize("nlp", PATHS)
def test_whom_a_description_works_for_is_not_the_speaker(nlp: object) -> None:
    text = (
        "\"We are not seeking to put Iran in a corner. We are simply saying, 'Please release the "
        'personnel who should not have been seized in the first place," said a spokesperson for '
        "British Prime Minister Tony Blair.\n\n"
        "The source website for this claim remains unknown; however, Rajanews.com, a news website "
        'run by some of supporters of Ahmadinejad said on their website: "If the charges of '
        "espionage is brought against them the result would be heavy punishment by current "
        'law."\n\n'
        "Two Israeli tank shells struck the school in Jabaliya refugee camp. The medical director "
        "of the hospital in Jabaliya told the Guardian 41 bodies had been brought in so far and "
        "more could be on the way.\n\n"
        "The president of South Sudan, which became the world's newest country only four months "
        "ago, said he fears the Khartoum - based government intends to invade the south soon."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    for start, speaker in [
        ("We are not seeking", "a spokesperson for British Prime Minister Tony Blair"),
        ("If the charges", "a news website run by some of supporters of Ahmadinejad"),
        ("41 bodies", "The medical director of the hospital in Jabaliya"),
        ("he fears", "The president of South Sudan"),
    ]:
        quote = quote_with(quotes, start)
        assert (quote.speaker, quote.speaker_name) == (speaker, None)


@pytest.mark.parametrize("nlp", PATHS)
def test_titles_and_named_spokesmen_keep_their_names(nlp: object) -> None:
    text = (
        "Secretary of Defense Donald Rumsfeld said the troops would stay in the region for some "
        'time.\n\n"We are monitoring the situation closely," a spokesman for the U.S. Embassy, '
        'John Smith, said.\n\nDavis had been ill for years. "She was always the strong one," said '
        "Ms. Davis's sister Crystal."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "the troops would stay").speaker_name.endswith("Donald Rumsfeld")
    assert quote_with(quotes, "We are monitoring").speaker_name == "John Smith"
    assert quote_with(quotes, "She was always").speaker_name == "Crystal"


@pytest.mark.parametrize("nlp", PATHS)
def test_abbreviations_do_not_cut_the_speaker(nlp: object) -> None:
    text = (
        "The British government has demanded the return of the servicemen. Margaret Beckett, the "
        'U.K.\'s Foreign Secretary said, "we sought a full explanation of what happened."\n\n'
        '"We don\'t have any intention to go to war again, " said a Sudanese government '
        'spokesman, Rabie A. Atti. "If they come to war, they will lose a lot. " Many residents '
        "fought alongside the south.\n\n"
        "“ Our focus right now is to get the funeral service together, ” said Gilford T. Monrose, "
        "a local pastor and community leader.\n\n"
        '"That person is dangerous and needs to be found as soon as possible," Oregon State Police '
        "Lt. Gregg Hastings said. The explosion occurred Friday afternoon."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "we sought").speaker == (
        "Margaret Beckett, the U.K.'s Foreign Secretary"
    )
    assert quote_with(quotes, "If they come to war").speaker_name == "Rabie A. Atti"
    assert quote_with(quotes, "Our focus").speaker_name == "Gilford T. Monrose"
    hastings = quote_with(quotes, "That person is dangerous")
    assert hastings.speaker == "Oregon State Police Lt. Gregg Hastings"
    assert hastings.speaker_name == "Gregg Hastings"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_full_name_is_not_a_relative_with_the_same_surname(nlp: object) -> None:
    text = (
        "Ray Cooper, uncle to Royal Marine Adam Sperry one of the fifteen captured, said that this "
        'is "the best present imaginable. Whoever has been in the right or wrong, the whole thing '
        "has been a political mess, so let's just get them home\", whilst his grandmother, "
        "Margaret Sperry, said that \"I don't think I would have ever gone out of the door again "
        'if anything had happened to him."'
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "I don't think")
    assert quote.speaker_name == "Margaret Sperry"


@pytest.mark.parametrize("nlp", PATHS)
def test_he_after_a_sentence_opened_by_a_role_is_that_role(nlp: object) -> None:
    text = (
        "Iranian President Mahmoud Ahmadinejad said the sailors would be freed.\n\n"
        "Speaking at a press conference, Ahmadinejad said the British soldiers had violated "
        "Iranian territory. He presented their commander, Captain Abol-Ghassem Amangah, with "
        "Iran's third degree medal of courage.\n\n"
        'The President went on to accuse the British government of not being "brave enough to '
        'tell their people the truth" about the incident. He added that he was "asking Mr Blair '
        "to not put these 15 personnel on trial because they admitted they came to Iranian "
        'territorial water,", apparently trying to imply that the British servicemen were on a '
        "secret mission into Iranian waters."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "asking Mr Blair")
    assert quote.speaker_name == "Mahmoud Ahmadinejad"


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


@SPACY
def test_and_said_after_a_place_opening_the_sentence() -> None:
    text = (
        "It said it had identified the schools as refugee centres to the Israeli military. Israel "
        "accused Hamas of using civilians as cover, and said the Islamist group could stop the "
        "assault on Gaza by ending its rocket attacks on Israel."
    )
    quote = quote_with(extract_quotes(article(text), nlp=None), "the Islamist group")
    assert quote.speaker_name == "Israel"


@pytest.mark.parametrize("nlp", PATHS)
def test_days_documents_audiences_and_adverbs_leave_the_speaker(nlp: object) -> None:
    text = (
        "On Tuesday Prime Minister of the United Kingdom Tony Blair said in a televised interview "
        'that if the 15 sailors are not released then Britain will "move into a different '
        'phase".\n\n"We will therefore be imposing a freeze on all other official bilateral '
        'business with Iran," said British Foreign Secretary Margaret Beckett to the House of '
        "Commons.\n\nIranian President Mahmoud Ahmadinejad on Wednesday said he would free the "
        'fifteen British captured navy personnel as a "gift to the British people".\n\n'
        "But King never said a word about it. King emphatically told The News that Gray didn ’ t "
        "have a weapon in his hands.\n\n"
        "“ Tonight, we saw an explosion of anger from the youth in my community, ” said Brooklyn "
        "Councilman Jumaane Williams in a press release following the riot."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    for start, speaker in [
        ("if the 15 sailors", "Prime Minister of the United Kingdom Tony Blair"),
        ("We will therefore", "British Foreign Secretary Margaret Beckett"),
        ("he would free", "Iranian President Mahmoud Ahmadinejad"),
        ("Gray didn", "King"),
        ("Tonight, we saw", "Brooklyn Councilman Jumaane Williams"),
    ]:
        assert quote_with(quotes, start).speaker == speaker


@SPACY
def test_a_role_taken_for_a_name_is_not_the_name() -> None:
    text = (
        "“ Tonight, we saw an explosion of anger from the youth in my community, ” said Brooklyn "
        "Councilman Jumaane Williams in a press release following the riot."
    )
    quote = quote_with(extract_quotes(article(text), nlp=None), "Tonight, we saw")
    assert quote.speaker_name == "Jumaane Williams"


@pytest.mark.parametrize("nlp", PATHS)
def test_an_outlet_with_an_exclamation_mark(nlp: object) -> None:
    text = (
        "The move comes as a surprise to producer Matthew O'Connor. \"Tara was 100 percent "
        "professional, '' he told E! News. \"She came in totally prepared every day. ''"
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "Tara was 100 percent")
    assert quote.told_outlet == "E! News"


@pytest.mark.parametrize("nlp", PATHS)
def test_announcing_a_thing_is_no_quote(nlp: object) -> None:
    text = (
        "After the U.S. increased it's funding donation to 350 million USD, Japanese Prime "
        "Minister Junichiro Koizumi announced a half-billion dollar donation on Saturday, Jan. 1. "
        "The U.S. Army announced yesterday that Jordan will stand trial on eight counts."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if "donation" in q.text]
    assert quote_with(quotes, "Jordan will stand trial").speaker == "The U.S. Army"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_speaker_ends_before_only(nlp: object) -> None:
    text = (
        "At the time, the story was broken when the capture was announced on state-run Iranian "
        'television. British officials only stated that they had "lost contact" with the boats, '
        "before confirming their detention."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "they had")
    assert quote.speaker == "British officials"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_speaker_does_not_begin_with_the_dateline(nlp: object) -> None:
    text = (
        "Meadow Lake, Saskatchewan – The municipal council of a small town in Canada's Prairies "
        'has said it "accidentally" donated $10,000 to the Red Cross for tsunami relief.'
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "accidentally")
    assert quote.speaker.startswith("The municipal council of a small town")


@pytest.mark.parametrize("nlp", PATHS)
def test_a_comment_to_an_outlet_has_its_speaker(nlp: object) -> None:
    text = (
        "French navy spokesman Hugues du Plessis d'Argentre commented to AFP, \"[I]t's like "
        "trying to find a shoe box in an area the size of Paris, at a depth of 3,000m (9,800ft) "
        'and in a terrain as rugged as the Alps."'
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "[I]t's like")
    assert (quote.speaker_name or "").startswith("Hugues du Plessis")  # not "French"
