"""Claims, corroboration counts with reprints, and timelines on seed-brief sentences."""

from __future__ import annotations

from datetime import datetime

from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.timeline import build_timeline, developments
from newsdesk.brief.base import counts_stated
from newsdesk.models import Article, Claim, ClaimSource, Entity, Provenance


def art(key: str, outlet: str, day: int, text: str) -> Article:
    return Article(
        key=key,
        title="",
        text=text,
        outlet=outlet,
        provenance=Provenance(key),
        published=datetime(2018, 7, day),
    )


POST = art(
    "post",
    "The Washington Post",
    30,
    "Additional satellite photos show work now underway at the Sanumdong research facility near "
    "Pyongyang on at least one and perhaps two liquid-fueled intercontinental ballistic missiles. "
    "Asked about the report, the Pentagon declined to comment.",
)
REUTERS = art(
    "reuters",
    "Reuters",
    31,
    "New satellite photos show work underway at the Sanumdong research facility near Pyongyang on "
    "one or two liquid-fueled intercontinental ballistic missiles, officials said. "
    "A C-17 containing remains of fallen service members departed Wonsan on Thursday.",
)
COPY = art(
    "copy",
    "Yahoo News",
    31,
    "New satellite photos show work underway at the Sanumdong research facility near Pyongyang on "
    "one or two liquid-fueled intercontinental ballistic missiles, officials said. "
    "A C-17 containing remains of fallen service members departed Wonsan on Thursday.",
)


def test_same_fact_in_different_words_is_one_claim_with_first_reporter() -> None:
    claims = group_claims([REUTERS, POST])
    top = claims[0]
    assert top.support == 2
    assert top.outlets == ["The Washington Post", "Reuters"]
    assert top.first_outlet == "The Washington Post"
    assert top.first_published == datetime(2018, 7, 30)
    assert "Sanumdong" in top.text
    assert all(c.support == 1 for c in claims[1:])  # the Pentagon and the C-17 stand alone


def test_syndicated_copy_counts_once_but_is_listed() -> None:
    claims = group_claims([POST, REUTERS, COPY], canonical={"copy": "reuters"})
    top = claims[0]
    assert top.support == 2
    assert top.carried_by == ["The Washington Post", "Reuters", "Yahoo News"]
    via_mapping = group_claims([POST, REUTERS], reprints={"reuters": ["Yahoo News"]})[0]
    assert via_mapping.support == 2 and "Yahoo News" in via_mapping.carried_by


def test_timeline_per_story_and_per_entity() -> None:
    claims = group_claims([POST, REUTERS])
    events = build_timeline(claims)
    assert [e.when for e in events] == sorted(e.when for e in events if e.when)
    assert events[0].outlet == "The Washington Post"
    entities = extract_entities([POST, REUTERS], nlp=False)
    sanumdong = find_entity(entities, "Sanumdong research facility")
    assert sanumdong is not None
    only = build_timeline(claims, entity=sanumdong)
    assert len(only) == 1 and only[0].support == 2


# Sentences of ECB+ reports (topics 12, 19, 1 and 41): each outlet's own article.
def claim_with(seed: str, *others: str) -> tuple[list[str], list[str]]:
    """The independent outlets and the copying ones of the claim ``seed`` (outlet "A") makes with
    one article per other sentence (outlets "B", "C", ...), all published the same day."""
    articles = [
        art(f"k{i}", "ABCDEFG"[i], 30, text) for i, text in enumerate((seed, *others), start=0)
    ]
    (claim,) = [c for c in group_claims(articles) if c.text == seed]
    return claim.outlets, [o for o in claim.carried_by if o not in claim.outlets]


# ECB+ 4ecb: two outlets' openings tell the death in their own words (content-stem cosine 0.46).
PAGE_DIED = (
    "Pinup icon Bettie Page died Thursday evening at a hospital in Los Angeles after having "
    "suffered a heart attack on Dec. 2 and spending time on life support, according to her "
    "official site."
)
PAGE_SUCCUMBED = (
    "Yesterday in Los Angeles, pin-up icon Bettie Page succumbed to complications from a heart "
    "attack suffered almost three weeks ago."
)


def outlets_of_point(seed: Article, *others: Article) -> list[str]:
    """The outlets of the claim that holds the ``seed`` article's first sentence, sorted."""
    first = seed.text.split(". ")[0]
    (claim,) = [
        c for c in group_claims([seed, *others]) if any(s.text.startswith(first) for s in c.sources)
    ]
    return sorted(claim.outlets)


def test_openings_of_the_same_day_carry_a_point_told_in_other_words() -> None:
    died, succumbed = art("a", "A", 12, PAGE_DIED), art("b", "B", 12, PAGE_SUCCUMBED)
    assert outlets_of_point(died, succumbed) == ["A", "B"]
    undated = Article(
        key="b", title="", text=PAGE_SUCCUMBED, outlet="B", provenance=Provenance("b")
    )
    assert outlets_of_point(died, undated) == ["A", "B"]  # a story's undated reports: its days


def test_openings_days_apart_or_later_sentences_need_closer_words() -> None:
    died = art("a", "A", 12, PAGE_DIED)
    assert outlets_of_point(died, art("b", "B", 15, PAGE_SUCCUMBED)) == ["A"]
    later = "Her agent announced the news to fans on her official website. " + PAGE_SUCCUMBED
    assert outlets_of_point(died, art("b", "B", 12, later)) == ["A"]
    # MultiLing M002: a day later, the next development in the same names (cosine 0.38).
    released = art(
        "a",
        "A",
        4,
        "Iranian President Mahmoud Ahmadinejad has announced that the fifteen British captured "
        "navy personnel detained by Iran would be released, saying they have been pardoned as a "
        "gift to the British people.",
    )
    landed = (
        "The fifteen British navy personnel detained by Iran landed at just gone 12:00 noon BST at "
        "Heathrow International Airport, following their release after thirteen days of captivity."
    )
    assert outlets_of_point(released, art("b", "B", 5, landed)) == ["A"]


def test_a_fragment_does_not_confirm_a_point() -> None:
    outlets, _ = claim_with(
        "Mr. Gray's revolver was loaded with four bullets, the police said.",
        "Police say Gray's gun was loaded with four bullets but have not yet determined whether "
        "the teenager fired his weapon.",
        "Police said a loaded.",  # cosine 0.63 to the point, but it states nothing
    )
    assert outlets == ["A", "B"]


def test_a_subheading_does_not_confirm_a_point() -> None:
    # The L.A. Auto Show, 2019 (article-extraction-benchmark): the Connecticut Post's only
    # words on the concept's weight distribution were its subheading.
    outlets, _ = claim_with(
        "The Volkswagen SPACE VIZZION CONCEPT has a near-50:50 weight distribution.",
        "VOLKSWAGEN ID. SPACE VIZZION CONCEPT",
    )
    assert outlets == ["A"]


def test_another_count_of_the_same_things_is_another_point() -> None:
    outlets, _ = claim_with(
        "During the operation, six AK 47 rifles, 12 magazines and about 300 rounds of ammunition "
        "were found and confiscated.",
        "Six AK 47 rifles, 12 magazines and 300 rounds of ammunition were seized from the boats.",
        # The total of five operations: cosine 0.72, and not a confirmation.
        "So far, the Indian Navy has confiscated 14 AK 47 Rifles, 31 magazines and 923 rounds of "
        "ammunition from pirates.",
    )
    assert outlets == ["A", "B"]


def test_counts_of_other_things_do_not_split_a_point() -> None:
    outlets, _ = claim_with(
        "John Ging, director of operations in Gaza for UNRWA, the United Nations Relief and Works "
        "Agency, said that three artillery shells landed at the perimeter of the school where 350 "
        "people were taking shelter.",
        "Some 30 people were killed and 55 others injured, five of them critically, when three "
        "artillery shells landed at the perimeter of a school, which usually serves as a girls' "
        "preparatory school, in the Jabaliya refugee camp, according to John Ging, UNRWA's "
        "Director of Operations.",
    )
    assert outlets == ["A", "B"]  # the same three shells; 350 sheltering, 30 killed


def test_counts_are_read_by_what_they_count() -> None:
    assert counts_stated("Jeffs himself may receive up to 119 - years in prison.") == {
        "year": {119.0}
    }
    # An age is not a span of years: "61-year-old ... 41 years later" is one report.
    assert counts_stated("This morning, 41 years later, police arrested 61-year-old Smith.") == {
        "year": {41.0},
        "year-old": {61.0},
    }
    assert counts_stated("Seven people were killed and 1,200 injured.") == {
        "peopl": {7.0},
        "injur": {1200.0},
    }


def test_a_sentence_copied_word_for_word_counts_once() -> None:
    top = group_claims([POST, REUTERS, COPY])[0]  # no reprint link: the copy is found by its words
    assert top.outlets == ["The Washington Post", "Reuters"]
    assert top.carried_by == ["The Washington Post", "Reuters", "Yahoo News"]


def test_a_sentence_copied_but_for_a_word_counts_once() -> None:
    outlets, copied = claim_with(
        "A policeman charged with killing Alexandros Grigoropoulos has been jailed along with a "
        "colleague pending trial, while more than 400 protesters have been detained.",
        "The policeman charged with killing Alexandros Grigoropoulos has been jailed along with a "
        "colleague pending trial, while more than 400 protesters have been detained.",
    )
    assert outlets == ["A"] and copied == ["B"]


def test_a_quotation_repeated_word_for_word_is_confirmation() -> None:
    # Outlets print a speaker's words verbatim without copying each other.
    quote = (
        '"We appreciate your respect to her and her family\'s privacy at this time," publicist '
        "Jack Ketsoyan said."
    )
    outlets, copied = claim_with(quote, "The actress is in rehab.\n\n" + quote)
    assert outlets == ["A", "B"] and copied == []


def test_claims_start_from_sentences_that_stand_alone() -> None:
    story = art(
        "reid",
        "Us Weekly",
        30,
        "Tara Reid has checked into Promises Treatment Center in Malibu, her representative said. "
        "She is currently dating her business partner Julien Jarmoune, a French designer.",
    )
    texts = [c.text for c in group_claims([story])]
    assert texts == [
        "Tara Reid has checked into Promises Treatment Center in Malibu, her representative said."
    ]


def test_story_timeline_is_the_news_of_each_report_and_what_outlets_confirm() -> None:
    claims = group_claims([POST, REUTERS])
    (shown,) = developments(claims)
    # Both reports open with the missiles; the Pentagon's "no comment" and the C-17 flight are
    # one outlet's later details.
    assert "Sanumdong" in shown.text and shown.lead and shown.support == 2
    assert len(claims) == 3


def test_an_entity_timeline_matches_a_capitalised_alias_in_its_case() -> None:
    def claim(text: str, index: int) -> Claim:
        source = ClaimSource("a1", "Wikinews", index, text, datetime(2007, 4, 6))
        return Claim(text, [source], ["Wikinews"], ["Wikinews"], "Wikinews", source.published)

    air = Entity(name="Christopher Air", kind="person", aliases=["Air", "Christopher Air"])
    claims = [
        claim("The Iranian Consul said British soldiers fired shots into the air.", 7),
        claim('"We made a conscious decision to not engage the Iranians," said Air.', 9),
    ]
    [event] = build_timeline(claims, entity=air)
    assert event.text.endswith("said Air.")
