"""Claims, corroboration counts with reprints, and timelines on seed-brief sentences."""

from __future__ import annotations

from datetime import datetime

from newsdesk.attribute.claims import group_claims
from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.timeline import build_timeline
from newsdesk.models import Article, Provenance


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
