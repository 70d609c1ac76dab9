"""Entity extraction and cross-article normalisation on seed-brief sentences, both NER paths."""

from __future__ import annotations

import pytest

from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.nlp import load_nlp
from newsdesk.models import Article, Provenance

PATHS = [
    pytest.param(None, id="spacy", marks=pytest.mark.skipif(load_nlp() is None, reason="no model")),
    pytest.param(False, id="fallback"),
]


def art(key: str, text: str) -> Article:
    return Article(key=key, title="", text=text, outlet=key, provenance=Provenance(key))


ARTICLES = [
    art(
        "post",
        "And new satellite imagery from the Sohae Satellite Launching Station on North Korea's "
        "west coast suggests workers are dismantling an engine test stand, in line with a promise "
        "made to President Trump.",
    ),
    art(
        "diplomat",
        "Additional satellite photos show work now underway at the Sanumdong research facility "
        "near the capital city of Pyongyang. Work continued at the Sohae site, analysts said. "
        "News that the North Koreans are potentially developing new weapons would be a heavy blow "
        "to President Donald Trump's efforts at diplomacy.",
    ),
]


@pytest.mark.parametrize("nlp", PATHS)
def test_facility_spellings_merge_into_one_entity(nlp: object) -> None:
    entities = extract_entities(ARTICLES, nlp=nlp)
    sohae = find_entity(entities, "Sohae site")
    assert sohae is not None and sohae.kind == "facility"
    assert sohae.name == "Sohae Satellite Launching Station"
    assert sohae.article_keys == ["post", "diplomat"]
    sanumdong = find_entity(entities, "Sanumdong research facility")
    assert sanumdong is not None and sanumdong.kind == "facility" and sanumdong is not sohae
    assert sanumdong.mentions[0].sentence_index == 0


@pytest.mark.parametrize("nlp", PATHS)
def test_person_titles_and_surnames_merge(nlp: object) -> None:
    entities = extract_entities(ARTICLES, nlp=nlp)
    trump = find_entity(entities, "Donald Trump")
    assert trump is not None and trump.kind == "person"
    assert {m.article_key for m in trump.mentions} == {"post", "diplomat"}
    assert find_entity(entities, "President Trump") is trump
    assert find_entity(entities, "Kangson") is None
