"""Entity extraction and cross-article normalisation on seed-brief sentences, both NER paths."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsdesk.attribute.entities import extract_entities, find_entity
from newsdesk.attribute.nlp import NER_MAX_CHARS, entity_spans, fork_is_safe, load_nlp
from newsdesk.models import Article, Provenance

ROOT = Path(__file__).resolve().parents[1]

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


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_ner_on_two_processes_finds_the_same_spans_as_one() -> None:
    # In a fresh single-threaded interpreter (where forking is safe), 240 real WikiNews
    # paragraphs through spaCy on two forked processes and on one: identical spans.
    script = """
import json, sys
from pathlib import Path
from newsdesk.attribute.nlp import clear_cache, entity_spans, fork_is_safe
assert fork_is_safe()
paragraphs = [p for f in sorted(Path("examples/wikinews").glob("*.english"))
              for p in f.read_text(encoding="utf-8").split("\\n\\n") if len(p.split()) > 20][:240]
assert len(paragraphs) == 240
two = entity_spans(paragraphs, processes=2)
clear_cache()
one = entity_spans(paragraphs, processes=1)
assert two == one and sum(map(len, one)) > 500
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_forking_is_not_safe_beside_other_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_is_safe()
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(load_nlp() is None, reason="no spaCy model")
def test_ner_reads_only_the_first_part_of_a_huge_article() -> None:
    """A 200,000-character article went to spaCy whole (a 9 MB page: ~570 MB extra peak)."""
    filler = "The talks went on for hours and nothing was agreed by the end of the day. " * 1_000
    text = (
        "Angela Merkel met union leaders in Berlin on Monday.\n\n"
        f"{filler}\n\nJacinda Ardern flew to Wellington on Tuesday, officials said."
    )
    assert len(text) > 1.4 * NER_MAX_CHARS
    spans = entity_spans([text])[0]
    assert {s.text for s in spans} >= {"Angela Merkel", "Berlin"}
    assert max(s.end for s in spans) <= NER_MAX_CHARS
    entities = extract_entities([art("long", text)])
    assert find_entity(entities, "Angela Merkel") is not None
    assert find_entity(entities, "Jacinda Ardern") is None
