"""Indirect quotes: which verbs of communication report speech, where the reported clause
starts and ends, "according to" and "as reported by", the findings of a report, and a
second source inside a clause.

Each text is from a real article (see tests/data/quotes/README.md), at times shortened; both
NER paths unless a rule is about an NER mistake.
"""

from __future__ import annotations

import pytest

from newsdesk.attribute.quotes import extract_quotes
from test_quotes import PATHS, article, quote_with


@pytest.mark.parametrize("nlp", PATHS)
def test_commented_and_remarked_report_speech(nlp: object) -> None:
    text = (
        "One of Taiwan's 2008 presidential candidates, Ying-jiou Ma (former Taipei City Mayor), "
        "commented that without the torch, he can not welcome the torch with National Song and "
        "Flag of the Republic of China.\n\n"
        "A doctor in the earthquake-ravaged country, however, remarked that many of his patients "
        'could die if not airlifted soon. "We have 100 critically ill patients who will die in the '
        "next day or two if we don't med-evac them,\" said Doctor Green, chairman for the "
        "University of Miami's Global Institute for Community Health and Development, to the "
        "Associated Press."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "without the torch").speaker_name == "Ying-jiou Ma"
    assert quote_with(quotes, "many of his patients").speaker == (
        "A doctor in the earthquake-ravaged country"
    )
    assert "Green" in quote_with(quotes, "We have 100").speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_fragment_inside_a_clause_attributed_after_it_stays_in_the_clause(nlp: object) -> None:
    text = (
        'The suspect, 38 - year - old Anthony LaCalamita, was "deliberately seeking out these '
        'individuals, " according to Troy police Lt. Gerry Scherlinck. A female receptionist died '
        'and two men, believed to be "management level employees, " underwent surgery for gunshot '
        "wounds at Royal Oak Beaumont Hospital, Scherlinck said."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert [(q.text[:24], q.direct, q.speaker_name) for q in quotes] == [
        ("The suspect, 38 - year -", False, "Gerry Scherlinck"),
        ("A female receptionist di", False, "Gerry Scherlinck"),
    ]


@pytest.mark.parametrize("nlp", PATHS)
def test_reported_clause_after_a_closing_mark_the_splitter_ran_on(nlp: object) -> None:
    text = (
        'Her spokesman, Bill McAllister, said, "Whatever the motives of the arsonist, the '
        "Governor has faith in the scriptural passage that what was intended for evil will in some "
        "way be used for good. '' Mr Steele said the blaze was being treated as arson, but he did "
        "not know of any threats to the church."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    arson = quote_with(quotes, "the blaze was being treated as arson")
    assert not arson.direct and "Steele" in arson.speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_says_in_a_release_that(nlp: object) -> None:
    text = (
        "The District Attorney's office says in a release that the jury found Jose Luis Orozco, "
        "29, guilty of 1st degree murder, attempted murder and posession of a firearm by a felon."
    )
    [quote] = extract_quotes(article(text), nlp=nlp)
    assert quote.text.startswith("the jury found Jose Luis Orozco")
    assert quote.speaker == "The District Attorney's office"


@pytest.mark.parametrize("nlp", PATHS)
def test_alleged_after_a_determiner_and_an_outlets_reporter(nlp: object) -> None:
    text = (
        "Kenneth Dorsey says the woman accused of killing two co - workers and critically "
        "injuring a third at the Kraft plant in Northeast Philly is a good person. Dorsey's been "
        "at the plant for 37 years and worked on the third floor with the three victims and the "
        'alleged shooter, Yvonne Hiller. "They had argued, from what I was told, they argued, '
        "\"Dorsey told NBC10's Rosemary Connors after the shootings Thursday night."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if q.text.startswith(("shooter", "Dorsey told"))]
    assert quote_with(quotes, "They had argued").speaker_name == "Kenneth Dorsey"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_second_source_after_a_comma_or_an_unsplit_full_stop(nlp: object) -> None:
    text = (
        "Kenneth Dorsey says the woman is a good person. Some co - workers said she had a history "
        "of run - ins with other workers and management, Dorsey said like anyone, they sometimes "
        "had their differences, but always got along.\n\n"
        "Investigators say 59 - year old Raj Chohan was hit while walking along parked cars at "
        "97th Avenue and 117th Street in Richmond Hill at about 7 p. m. Police say she was struck "
        "by a grey Toyota Camry heading north on 117th Street, which then fled the scene."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    history = quote_with(quotes, "she had a history")
    assert history.text.endswith("management") and history.speaker == "Some co - workers"
    assert quote_with(quotes, "like anyone").speaker_name == "Kenneth Dorsey"
    assert quote_with(quotes, "she was struck").speaker == "Police"
    assert quote_with(quotes, "59 - year old").text.endswith("7 p. m")


@pytest.mark.parametrize("nlp", PATHS)
def test_it_said_and_a_clause_its_cue_interrupts(nlp: object) -> None:
    text = (
        'Microsoft has released a temporary patch to fix a "zero - day" , or previously '
        "unknown, vulnerability in its Internet Explorer (IE) web browser. The software giant "
        "said the bug, which relates to the browser's memory, could affect all versions of IE6 to "
        "10. Attackers could set up websites specifically designed to exploit the vulnerability, "
        "Microsoft said, and then run malicious code on users' computers. Targeted attacks "
        "directed at IE8 and 9 had already been reported, it said."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    attackers = quote_with(quotes, "Attackers could")
    assert attackers.text.endswith("the vulnerability") and attackers.speaker_name == "Microsoft"
    assert quote_with(quotes, "Targeted attacks").speaker_name == "Microsoft"


@pytest.mark.parametrize("nlp", PATHS)
def test_findings_of_reports_and_as_reported_by(nlp: object) -> None:
    text = (
        "Two inquiries into the seizure of Royal Navy personnel by Iran in March 2007 have found "
        'that the capture was not a result of "a single failure or any particular individual’s '
        'human error, but rather of an unfortunate accumulation of factors" and that there was a '
        '"collective failure of judgement" in allowing those involved to receive payment for '
        "discussing the event with the media.\n\n"
        "The aftershock, as reported by the Servicio Sismológico de la Universidad de Chile "
        "(University of Chile Seismological Service), had a magnitude of 5.8, and occurred at a "
        "depth of 32.6 kilometers (20.3 miles)."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "the capture was not").speaker.startswith("Two inquiries")
    assert "Universidad de Chile" in quote_with(quotes, "had a magnitude").speaker


@pytest.mark.parametrize("nlp", PATHS)
def test_said_at_a_place_that_and_advised_someone_that(nlp: object) -> None:
    text = (
        "The knee was examined over the weekend and coach Sean Payton said at practice on "
        "Wednesday that the team decided to put Bush on injured reserve.\n\n"
        "The state's governor, Charlie Crist, advised the Obama administration last week that "
        "Florida's healthcare system was be called on to deal with a considerable number of "
        "injured from Haiti; that victims had high-trauma injuries, only increasing the strain "
        "on the healthcare system available in Florida."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "the team decided").speaker_name == "Sean Payton"
    crist = quote_with(quotes, "Florida's healthcare")
    assert crist.speaker_name == "Charlie Crist" and crist.text.endswith("available in Florida")


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
def test_points_or_cents_added_are_no_quote(nlp: object) -> None:
    """ECB+ 31ecb and 44ecb: "added 16 points" is a score and "added 26 cents" a price, not
    words anyone added; "added that ..." still reports."""
    text = (
        "Ty Lawson added 16 points for the Tar Heels, and Danny Green had 14, including the "
        "1,000th of his career. EDS shares added 26 cents to close at $ 24.34 Tuesday. "
        "North Carolina coach Roy Williams added that the team was tired."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if "points" in q.text or "cents" in q.text], quotes
    assert quote_with(quotes, "the team was tired").speaker_name == "Roy Williams"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_reply_cut_to_its_auxiliary_is_no_quote(nlp: object) -> None:
    """ECB+ 5ecbplus: King asked Maurice Cheeks whether he would be interested, and "Cheeks said
    he would be" reports no words of his: the page showed "Maurice Cheeks: he would be, and King
    called him again yesterday". A reply with words of its own stays."""
    text = (
        "King first called Cheeks on Saturday to ask if he would be interested in the job. "
        "Cheeks said he would be, and King called him again yesterday and reached a deal. "
        "Cheeks said he would be happy to return to Philadelphia."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if q.text.startswith("he would be,")], quotes
    assert quote_with(quotes, "he would be happy to return").speaker_name == "Cheeks"


@pytest.mark.parametrize("nlp", PATHS)
def test_what_was_told_to_two_audiences_starts_after_that(nlp: object) -> None:
    """WikiNews M0051: the reported clause starts after "that", past both audiences."""
    text = (
        "People told him and Interior Minister Rodrigo Hinzpeter that the mediaguas, or small "
        "houses, given out by the government don't block out the water and humidity."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert [q.text[:40] for q in quotes if "mediaguas" in q.text] == [
        "the mediaguas, or small houses, given ou"
    ]
    assert quote_with(quotes, "the mediaguas").speaker == "People"


@pytest.mark.parametrize("nlp", PATHS)
def test_a_conjunction_is_no_speaker(nlp: object) -> None:
    """WikiNews M0069 ("As reported the United Nations, ...": its "by" missing): "As" is no
    speaker, so there is no quote rather than a wrong one."""
    text = (
        "As reported the United Nations, January 12 Haiti earthquake left exactly 222,570 "
        "deaths, 1,300,000 refugees in harbours, 766,000 displaced people, 310,000 injured and "
        "1,500,000 homeless."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if q.speaker == "As"], [(q.speaker, q.text) for q in quotes]


@pytest.mark.parametrize("nlp", PATHS)
def test_an_and_inside_brackets_does_not_cut_the_speaker(nlp: object) -> None:
    """WikiNews M0052: the speaker was "Oceanographic Service of the Chilean Army)"."""
    text = (
        "SHOA (Hydrographic and Oceanographic Service of the Chilean Army), reported it reached "
        "a magnitude of 5.5. USGS updated their information later."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "it reached").speaker == (
        "SHOA (Hydrographic and Oceanographic Service of the Chilean Army)"
    )


@pytest.mark.parametrize("nlp", PATHS[:1])
def test_he_added_is_the_speaker_quoted_just_before(nlp: object) -> None:
    """WikiNews M0087: NER does not take "Paul-Lois Arslanian" for a person's name, so "he" of
    the next sentence found no one; he is the speaker quoted the sentence before."""
    text = (
        '"We can say there is a little less uncertainty, so there is a little more optimism," '
        "Paul-Lois Arslanian, the leader of the French aviation accident investigation agency "
        'BEA, said. However, he added that "it is premature for the time being to say what '
        'happened."'
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert quote_with(quotes, "it is premature").speaker.startswith("Paul-Lois Arslanian")


@pytest.mark.parametrize("nlp", PATHS)
def test_what_is_claimed_as_a_thing_is_no_statement(nlp: object) -> None:
    """WikiNews M0015, M0037, M0039, M0004: responsibility, a jersey and a toll are claimed, not
    said; a claim that something happened is still a statement."""
    text = (
        "The four suicide bombers were all UK residents, and while Al Qaeda has claimed "
        "responsibility for the attacks, police are unsure of its exact role in the attack. "
        "The Basque separatist group known as the ETA have claimed responsibility for placing "
        "the devices on the route. The winner, Australian Robbie McEwan, claimed the Green "
        "jersey while Fabian Cancellara held onto the leaders yellow jersey. Romanians have "
        "raised 15 billion lei for victims of the devastating Indian Ocean tsunami of Boxing Day "
        "2004 that claimed more than 175,000 victims. Apple claims the new MacBook Pro's battery "
        "is more environmentally friendly because it lasts five years."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert [q.text[:30] for q in quotes] == ["the new MacBook Pro's battery "]


@pytest.mark.parametrize("nlp", PATHS)
def test_a_connective_without_its_comma_is_no_speaker(nlp: object) -> None:
    """WikiNews M0030: "However some say ..." gave the speaker "However some"."""
    text = (
        "The Tour had to compete with more familiar sporting events, the British Grand Prix, the "
        "closing stages of Wimbledon and with the Live Earth concerts for the heart's of the "
        "British public. However some say as many as a million turned out for the Gallic "
        "extravaganza; the party atmosphere aided by a turn in the weather, the sun coming out "
        "for the first time all summer."
    )
    quotes = extract_quotes(article(text), nlp=nlp)
    assert not [q for q in quotes if q.speaker.startswith("However")], quotes
