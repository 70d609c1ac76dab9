"""Who a quote's speaker is: a name after a role or title, a pronoun or surname resolved to
the full name, a role or description ("Reid's rep", "a spokesperson for ..."), an
organisation, and the outlet the speaker told.

Texts from articles of the annotated dev sets (tests/data/quotes/README.md) and the ECB+ and
WikiNews stores, some shortened; both NER paths unless a rule is about an NER mistake.
"""

from __future__ import annotations

import pytest

from newsdesk.attribute.quotes import extract_quotes
from test_quotes import HAS_MODEL, PATHS, SPACY, article, quote_with, said_by


@pytest.mark.parametrize("nlp", PATHS)
def test_role_then_name_after_an_inverted_cue_is_the_name(nlp: object) -> None:
    text = (
        "No one was hurt in the fire on Friday night although a handful of people, including two "
        "children, were inside the Wasilla Bible Church, said the Central Mat-Su fire chief, "
        "James Steele. Ms Palin visited the church on Saturday."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "No one was hurt")
    assert quote.speaker_name == "James Steele"
    assert quote.speaker == "the Central Mat-Su fire chief, James Steele"


@pytest.mark.parametrize("nlp", PATHS)
def test_name_before_a_role_that_opens_with_an_organisation(nlp: object) -> None:
    text = (
        'Marc Garlasco, Human Rights Watch military analyst, said "Up to now, a lot of '
        "allegations and evidence has been floating around about authorization up the chain of "
        'command of abusive techniques,"'
    )
    [quote] = extract_quotes(article(text), nlp=nlp)
    assert quote.speaker_name == "Marc Garlasco"


@pytest.mark.parametrize("nlp", PATHS)
def test_role_with_a_capitalised_modifier_and_saying_that_quote(nlp: object) -> None:
    text = (
        "Nelson Jobim, the Brazilian Defence Minister, said that there were no survivors.\n\n"
        "The main goal for search crews will be to find the cockpit voice and data recorder to "
        "help find out what caused the crash. However, the Brazilian defence minister said that "
        "it may be hard to find them due to the large depth of the ocean in the area, saying that "
        '"it could be at a depth of 2,000 or 3,000 metres [6,500 to 9,800 feet] in that area of '
        'the ocean."'
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    hard = quote_with(quotes, "it may be hard")
    depth = quote_with(quotes, "it could be at a depth")
    assert hard.speaker_name == depth.speaker_name == "Nelson Jobim"
    assert depth.direct and not hard.direct


@pytest.mark.parametrize("nlp", PATHS)
def test_adverb_before_a_pronoun_and_surname_mentions(nlp: object) -> None:
    text = (
        "Michael Rasmussen of Denmark held on to his overall lead, finishing 11th in the stage. "
        "Alejandro Valverde and Iban Mayo both lost ground in the overall. Cadel Evans gained "
        "ground on Rasmussen and is now just one minute behind.\n\n"
        'Rasmussen did better than some expected. Afterwards he said: "I thought I had a fair '
        'chance, but from thinking to doing that can be a long way."'
    )
    [quote] = extract_quotes(article(text), nlp=nlp)
    assert quote.speaker_name == "Michael Rasmussen"


@pytest.mark.skipif(not HAS_MODEL, reason="no model")
def test_titled_name_the_ner_calls_a_facility_is_a_person() -> None:
    # spaCy labels "Qeshm Governor Mehdi Irannejad" FAC.
    text = (
        '"So far only the collapse of walls of houses in the villages of Zainabieh and Koohi has '
        "been reported, '' Qeshm Governor Mehdi Irannejad told ISNA news agency. Another news "
        "agency quoted the governor as saying five people had received treatment after being "
        "injured by the quake, which struck seven km (4 miles) east of Dargahan. The governor told "
        "Iranian media that 2,000 tents were ready in case they were needed."
    )
    quotes = extract_quotes(article(text), nlp=None)
    assert [(q.text[:20], q.speaker_name) for q in quotes] == [
        ("So far only the coll", "Mehdi Irannejad"),
        ("five people had rece", "Mehdi Irannejad"),
        ("2,000 tents were rea", "Mehdi Irannejad"),
    ]
    assert quotes[0].told_outlet == "ISNA"
    assert quotes[2].told_outlet == "Iranian media"


@pytest.mark.parametrize("nlp", PATHS)
def test_acronym_speaker_is_named_in_full(nlp: object) -> None:
    text = (
        "The United States Geological Survey (USGS) said it occurred at a depth of 7 km (4.4 "
        "miles).\n\n"
        "The USGS reported it occurred off the coast of the Libertador General Bernardo O'Higgins "
        "Region coast, 206 km (128 miles) west-northwest of Talca."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    coast = quote_with(quotes, "it occurred off the coast")
    assert coast.speaker_name == "United States Geological Survey"


@pytest.mark.parametrize("nlp", PATHS)
def test_the_role_after_a_name_is_not_a_verb_phrase(nlp: object) -> None:
    text = (
        "The pastor, Larry Kroon, declined to say whether the church had received any recent "
        "threats. \"There are so many variables, '' he said. \"I do n't want to comment in that "
        "direction. ''"
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert [(q.speaker, q.speaker_name) for q in quotes] == [("Larry Kroon", "Larry Kroon")] * 2


@pytest.mark.parametrize("nlp", PATHS)
def test_an_adverb_after_a_name_is_no_role(nlp: object) -> None:
    # WikiNews M0065: the demo listed the speaker as "Charlie Crist, however".
    text = (
        "A spokesman for Floridian governor Charlie Crist, however, commented that he wasn't aware"
        " of any hospitals in the state refusing to accept more evacuees. In a letter to US Health"
        " Secretary Kathleen Sebelius earlier this week, however, the governor commented that"
        " \"Florida's healthcare system is quickly reaching saturation, especially in the area of"
        ' high-level trauma care," and asked for the National Disaster Medical System to be'
        " activated."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "Florida's healthcare system")
    assert quote.speaker == "Charlie Crist"


@pytest.mark.parametrize("nlp", PATHS)
def test_said_of_and_a_name_after_lowercase_modifiers(nlp: object) -> None:
    text = (
        'Diego Grez, a Wikinews reporter in Pichilemu, said, "It occurred very suddenly."\n\n'
        "Grez said of Wednesday's midnight tremor, \"I could see my sister coming down from the "
        'second floor of my house, she was very frightened."\n\n'
        "Global warming campaigner and former U.S. Vice President Al Gore says it is time for "
        'humanity to stop "waging war" on planet Earth.\n\n'
        "Pachauri stressed the link between the fight against climate change and peace."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "I could see my sister").speaker_name == "Diego Grez"
    assert quote_with(quotes, "it is time for humanity").speaker_name == "Al Gore"
    assert not any(q.text.startswith("the link between") for q in quotes)


@pytest.mark.parametrize("nlp", PATHS)
def test_police_is_the_one_force_the_article_names(nlp: object) -> None:
    text = (
        "Video posted on Youtube from OccupyBloomberg ’ s Ustream showed angry people screaming at "
        "the NYPD. According to police, Kimani Gray had a. 38 caliber Rohm ’ s Industry revolver "
        "and he allegedly pointed it at the plain clothes officers Saturday night."
    )
    [quote] = extract_quotes(article(text), nlp=nlp)
    assert (quote.speaker, quote.speaker_name) == ("police", "NYPD")


def test_surname_of_a_pair_the_fallback_names_in_one_span() -> None:
    # The capitalisation fallback takes "Laurence Mark and Bill Condon" as one name.
    text = (
        "\"Hugh Jackman is a consummate entertainer and an internationally renowned movie star, '' "
        "said Laurence Mark and Bill Condon, the new producers of the televised show. Mark said he "
        "and Condon planned to get the telecast under three hours, yet still keep the live "
        "presentations of awards."
    )
    quotes = extract_quotes(article(text), nlp=False)
    assert quote_with(quotes, "he and Condon planned").speaker_name == "Laurence Mark"


@pytest.mark.parametrize("nlp", PATHS)
def test_inverted_cue_with_lower_case_role_words_before_the_name(nlp: object) -> None:
    text = (
        "Instead, the driver gunned the engine and drove over Johnson, hitting her and dragging "
        "her 10 feet as he sped away, said witness Angela Benson, who had just exited the store "
        "with her two young sons and was 20 feet away.\n\n"
        "Gigante, who had suffered from heart disease, died at the federal prison in "
        "Springfield, Mo., said prison spokesman Al Quintero."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "Instead, the driver gunned").speaker_name == "Angela Benson"
    assert quote_with(quotes, "Gigante, who had suffered").speaker_name == "Al Quintero"


@SPACY
def test_a_one_word_name_after_a_comma_is_not_the_speaker() -> None:
    text = (
        "Instead, the driver gunned the engine and drove over Johnson, hitting her and dragging "
        "her 10 feet as he sped away, said witness Angela Benson, who had just exited the store "
        "with her two young sons and was 20 feet away. \"It was horrible to see, '' said Benson, "
        "a managing editor at WCCO-TV, Ch. 4."
    )
    quote = quote_with(extract_quotes(article(text)), "It was horrible")
    assert quote.speaker_name == "Angela Benson"  # not "Ch" (Channel 4)


@pytest.mark.parametrize("nlp", PATHS)
def test_a_pair_named_in_full_earlier(nlp: object) -> None:
    text = (
        "The two Washington Post reporters who broke the Watergate story, Carl Bernstein and Bob "
        "Woodward, have maintained that they would only reveal the identity of Deep Throat once "
        "he was dead. Although LaRue insisted he was not Deep Throat, and that the source was a "
        "combination of several people, Woodward and Bernstein have insisted Deep Throat was one "
        "person."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert said_by(quote_with(quotes, "they would only"), "Carl Bernstein and Bob Woodward")
    assert said_by(quote_with(quotes, "Deep Throat was one"), "Woodward and Bernstein")
    if nlp is None:  # the fallback NER does not split the pair: names as written
        assert quote_with(quotes, "Deep Throat was one").speaker_name == (
            "Bob Woodward and Carl Bernstein"
        )


@pytest.mark.parametrize("nlp", PATHS)
def test_he_is_the_name_opening_the_last_sentence(nlp: object) -> None:
    text = (
        "The knee was examined over the weekend and coach Sean Payton said at practice on "
        "Wednesday that the team decided to put Bush on injured reserve. "
        "Payton said the Saints, who were eliminated from playoff contention over the weekend, "
        "would not have placed Bush on injured reserve if they were still fighting to reach the "
        "postseason. He said Bush's injury does not require surgery, just rest and "
        "rehabilitation.\n\n"
        "Filmmaker Zhang Yimou, the production's director, praised Lin at a press conference "
        'with Chinese media.\n\n"She’s very cute and sings quite well, too," he said according '
        "to a transcript of the news conference."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert said_by(quote_with(quotes, "Bush's injury"), "Sean Payton")
    assert said_by(quote_with(quotes, "She’s very cute"), "Zhang Yimou")


@pytest.mark.parametrize("nlp", PATHS)
def test_she_is_the_unnamed_spokeswoman_just_quoted(nlp: object) -> None:
    text = (
        "The cuts were to the Sea Me We 4 and Sea Me We 3 lines, which connect countries between "
        "Singapore and France as well as the Flag cable route, which stretches from the U.K. to "
        "Japan, a France Telecom spokeswoman who asked not to be named said. France Telecom is "
        "n't sure what caused the cut, she said. A maintenance boat is en route to the site of "
        "the cut, but it will not get there until Monday, and it will take as many as two weeks "
        "for the situation to return to normal, she said. For example, 82 percent of India's "
        "voice traffic capability to Europe was out of service early Friday, although that "
        "situation has now improved, the spokeswoman said."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert len(quotes) == 4
    assert said_by(quote_with(quotes, "For example"), "France Telecom spokeswoman")
    if nlp is None:  # the fallback NER takes "France Telecom" for a person, whom "she" finds
        assert all(said_by(q, "France Telecom spokeswoman") for q in quotes)


@pytest.mark.parametrize("nlp", PATHS)
def test_according_to_a_role_then_a_name_or_a_name_then_a_role(nlp: object) -> None:
    text = (
        "According to the Iranian Foreign Minister, Manouchehr Mottaki, the female sailor will "
        '"be released very soon," but did not state when the other 14 sailors and marines would '
        "be released.\n\n"
        "Internet traffic also has been hit by the incident, according to Danny McPherson, chief "
        "security officer with Arbor Networks."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "the female sailor").speaker_name == "Manouchehr Mottaki"
    assert quote_with(quotes, "Internet traffic").speaker_name == "Danny McPherson"


@pytest.mark.parametrize("nlp", PATHS)
def test_family_name_first(nlp: object) -> None:
    text = (
        'U.N. Secretary-General Ban Ki-Moon told reporters it may be too "ambitious" to set '
        "targets for greenhouse-gas emissions.\n\nDelegates from about 190 nations are split over "
        "whether targets should be set now or later. Mr. Ban recognizes the divisions.\n\n"
        '"Frankly speaking, realistically, it may be too ambitious," he said.'
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert said_by(quote_with(quotes, "Frankly speaking"), "Ban Ki-Moon")


@SPACY
def test_first_name_between_a_role_word_and_a_lone_surname() -> None:
    # spaCy labels only "Finnegan" in "Pro Bowl cornerback Cortland Finnegan".
    text = (
        "Pro Bowl cornerback Cortland Finnegan has been fined $ 25,000 by the NFL for two hard "
        "hits on Houston quarterback Matt Schaub last weekend. Finnegan told the Tennessean he "
        "planned to appeal."
    )
    quote = quote_with(extract_quotes(article(text)), "he planned to appeal")
    assert quote.speaker_name == "Cortland Finnegan"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_relative_clause_after_the_name(nlp: object) -> None:
    text = (
        "The U.S. under-secretary of state for democracy and global affairs, Paula Dobriansky, "
        "who is heading the U.S. delegation to Bali, says Washington is committed to seeing an "
        "agreement reached at the Bali conference.\n\n"
        '"The position was 29 degrees, 50.36 minutes north; 48, 43.08 minutes east, and this '
        'places her 1.7 nautical miles inside Iraqi territorial waters," said Vice Admiral '
        "Charles Style who also said that Iran provided the British government with two "
        "different sets of coordinates."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "Washington is committed").speaker_name == "Paula Dobriansky"
    assert quote_with(quotes, "Iran provided").speaker_name == "Charles Style"


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


@pytest.mark.parametrize("nlp", PATHS)
def test_officers_named_after_their_rank_and_the_he_who_quotes_them(nlp: object) -> None:
    """ECB+ 35_4ecb: the speaker ends the sentence (no full stop in the speaker); a word NER took
    for a name before the rank ("Highway") is not the speaker; "he" after words about Jackson is
    the officer just quoted, not Jackson."""
    text = (
        "San Diego Chargers wide receiver Vincent Jackson was arrested yesterday on suspicion of "
        "drunken driving. Jackson failed sobriety tests shortly after 2 a.m. on state Route 52 "
        "in San Diego, said California Highway Patrol Officer Ray Scheidnes. An officer stopped "
        "Jackson after spotting the player braking abruptly, speeding and weaving in a 2008 GMC "
        "Sierra, said Highway Patrol Officer Brad Baehr. Jackson was on probation for a "
        "previous DUI arrest, he said."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    failed = quote_with(quotes, "Jackson failed sobriety tests")
    assert failed.speaker == "California Highway Patrol Officer Ray Scheidnes"
    assert failed.speaker_name == "Ray Scheidnes"
    assert quote_with(quotes, "An officer stopped Jackson").speaker_name == "Brad Baehr"
    assert quote_with(quotes, "Jackson was on probation").speaker_name == "Brad Baehr"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_ship_is_no_speaker_and_he_is_the_spokesperson_just_quoted(nlp: object) -> None:
    """ECB+ 12_12ecb: NER calls "INS Mysore" a person; the "he" after the Navy spokesperson's
    words is the spokesperson, not the ship."""
    text = (
        "The pirates on two speed boats had surrounded the merchant vessel flying the Ethiopian "
        "flag around noon, when INS Mysore warship intervened and warded off the attack, Navy "
        "spokesperson said. The pirates had fired at the merchant vessel with their small arms, "
        "when it sent out a rescue call and the Indian warship moved its Marine Commandos on a "
        "helicopter to help the vessel, he said."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    fired = quote_with(quotes, "The pirates had fired")
    assert fired.speaker == "Navy spokesperson" and fired.speaker_name is None


@pytest.mark.parametrize("nlp", PATHS)
def test_a_colon_attribution_after_a_quote_introduces_the_next_one(nlp: object) -> None:
    """ECB+ 30ecb: the words before Rafaat Hindy's attribution are Rajesh Chharia's."""
    text = (
        "Speaking to reporters, Rajesh Chharia, president of the Internet Service Providers' "
        'Association of India, said : "Information technology companies, software companies and '
        "call centres that provide online services to the UK or the US east coast are the worst "
        "affected. '' Rafaat Hindy, from the Egyptian ministry, said : \"Despite this being an "
        "international cable affecting many Gulf and Arab countries, we are closest to it. ''"
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "Information technology").speaker_name == "Rajesh Chharia"
    assert quote_with(quotes, "Despite this being").speaker_name == "Rafaat Hindy"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_role_joined_by_and_stays_with_the_name_before_it(nlp: object) -> None:
    """ECB+ 36ecbplus (BBC, Doctor Who): "Steven Moffat, lead writer and executive producer
    says" names Moffat, not the man quoted before him."""
    text = (
        "Peter Capaldi says : \"Being asked to play the Doctor is an amazing privilege. I can't "
        'wait to get started. " Steven Moffat, lead writer and executive producer says : "It\'s an '
        "incendiary combination : one of the most talented actors of his generation is about to "
        'play the best part on television. "'
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "Being asked").speaker_name == "Peter Capaldi"
    assert quote_with(quotes, "It's an incendiary").speaker_name == "Steven Moffat"


@pytest.mark.parametrize("nlp", PATHS)
def test_he_is_the_speaker_of_the_last_sentence_not_a_name_in_its_clause(nlp: object) -> None:
    """ECB+ 16ecbplus: "Asked if Ortiz might have lived ..., Waldie said ..." is Waldie's
    sentence; the "he" who goes on is Waldie, not the dead deputy."""
    text = (
        "Undersheriff Larry Waldie said Ortiz had arrived for work early. Asked if Ortiz might "
        "have lived had his partner been with him, Waldie said there was no way to know. "
        '"There might have been two people killed, " he said.'
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "There might have been")
    assert said_by(quote, "Larry Waldie") and "Ortiz" not in quote.speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_experts_for_a_family_and_the_gunman_are_not_the_victim(nlp: object) -> None:
    """ECB+ 19ecb and 33ecbplus: the experts acting for the Grigoropoulos family are not the
    boy who was killed, and "the gunman" is not Zurana Horton, the most named person, whom the
    article says was shot."""
    experts = (
        "Alexis Grigoropoulos, 15, died on Saturday. According to forensic experts and "
        'independent experts acting for the Grigoropoulos family, the bullet " is a bit '
        "deformed, which showed the bullet touched a hard surface '' before entering the boy's "
        "chest."
    )
    quote = quote_with(extract_quotes(article(experts), nlp=nlp), "is a bit deformed")
    assert quote.speaker_name is None and "experts" in quote.speaker
    gunman = (
        "Zurana Horton, 34, a mother of 12, was fatally shot in 2011 while picking up her "
        "daughter. Horton was planning to marry her boyfriend. Lopez, who was 18 at the time of "
        "the shooting, confessed to being the rooftop sniper. The gunman said the shooting near "
        "Public School 298 in Brownsville had stemmed from a turf war between two Brooklyn gangs."
    )
    quote = quote_with(extract_quotes(article(gunman), nlp=nlp), "the shooting near")
    assert quote.speaker_name != "Zurana Horton"


@pytest.mark.parametrize("nlp", PATHS)
def test_the_sheriff_is_the_sheriff_named_before(nlp: object) -> None:
    """ECB+ 11ecbplus: "Sheriff" is a role, so "The sheriff says" is Tom Sheahan."""
    text = (
        "State officials are not revealing when Jeffs, 54, will be moved, but Mohave County "
        "Sheriff Tom Sheahan is under Arizona court orders to act speedily. The sheriff says he "
        "hopes Jeffs will be out of his jail by this week's end."
    )
    quote = quote_with(extract_quotes(article(text), nlp=nlp), "he hopes")
    assert said_by(quote, "Tom Sheahan")


@pytest.mark.parametrize("nlp", PATHS)
def test_an_opening_phrase_is_not_part_of_the_speaker(nlp: object) -> None:
    """ECB+ 9ecbplus and 32ecbplus: "By overturning the regulation, Obama said" is Obama's;
    "Following Gigante's conviction, prosecutors said" is the prosecutors', not Gigante's."""
    text = (
        "President Barack Obama spoke on Tuesday. By overturning the regulation, Obama said during "
        "an enthusiastic reception at the Interior Department, he had restored the scientific "
        "process to its rightful place. Vincent Gigante was convicted in 1997. Following "
        "Gigante's conviction, prosecutors said he continued to run the crime family from prison."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    obama = quote_with(quotes, "during an enthusiastic reception")
    assert said_by(obama, "Barack Obama") and "overturning" not in obama.speaker
    family = quote_with(quotes, "he continued to run")
    assert family.speaker == "prosecutors" and family.speaker_name is None


@pytest.mark.parametrize("nlp", PATHS)
def test_a_topic_after_the_speaker_is_not_part_of_the_name(nlp: object) -> None:
    """WikiNews M0093 (the demo's torch relay): the speaker of '"..." said Nathan Ballard about
    the security.' is Nathan Ballard; and M0094: "Taiwan and China still insisted their own
    political positions" insists on a thing, which is no statement."""
    text = (
        '"We are trying to accomplish two goals here. One is to protect the right to free speech'
        " and the other is to ensure public safety, and here in San Francisco we are good at both"
        ' of those things," said Nathan Ballard about the security.\n\n'
        "After lots of turns on the route of torch relay of 2008 Summer Olympics, Taiwan and China"
        " still insisted their own political positions."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "We are trying").speaker == "Nathan Ballard"
    assert not [q for q in quotes if "political positions" in q.text]
