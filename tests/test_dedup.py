"""Near-duplicate detection on real articles: syndicated reprints match, other articles do not."""

# ruff: noqa: F811

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from newsdesk.config import Settings
from newsdesk.dedup import NearDuplicateIndex, containment
from newsdesk.models import Article
from newsdesk.store import open_store
from newsdesk.text import split_paragraphs

# Fixtures shared with test_store (pytest finds them by name; ruff sees redefinitions).
from test_store import real_articles  # noqa: F401


@pytest.fixture(scope="module")
def articles(real_articles: list[Article]) -> list[Article]:
    return real_articles


def topic(article: Article) -> str:
    return Path(article.key).name[:4]  # M0000..M0009 are topic M000


def syndicate(article: Article) -> Article:
    """A reprint as syndication makes it: other outlet and headline, dateline and byline added,
    the last paragraph cut."""
    paragraphs = split_paragraphs(article.text)
    assert len(paragraphs) >= 3
    body = ["By Maria Lopez, Associated Press", "WASHINGTON (AP) — " + paragraphs[0]]
    return dataclasses.replace(
        article,
        key="ap:" + article.key,
        title="AP: " + " ".join(reversed(article.title.split())),
        outlet="Associated Press",
        url="https://apnews.example/" + topic(article),
        text="\n\n".join(body + paragraphs[1:-1]),
    )


@pytest.fixture(scope="module")
def index(articles: list[Article]) -> NearDuplicateIndex:
    built = NearDuplicateIndex(Settings())
    for i, article in enumerate(articles):
        built.add(i, built.signature(article.text))
    return built


def test_syndicated_reprints_match_their_original(
    articles: list[Article], index: NearDuplicateIndex
) -> None:
    misses = []
    for i, article in enumerate(articles):
        if len(split_paragraphs(article.text)) < 3:
            continue
        reprint = syndicate(article)
        assert reprint.content_hash != article.content_hash
        if index.find(index.signature(reprint.text)) != i:
            misses.append(article.key)
    assert misses == []


def test_different_articles_on_the_same_event_do_not_match(
    articles: list[Article], index: NearDuplicateIndex
) -> None:
    # MultiLing topics are 10 WikiNews articles on one event each: related text, no copies.
    false_matches = []
    for i, article in enumerate(articles):
        signature = index.signature(article.text)
        index.remove(i)
        try:
            match = index.find(signature)
        finally:
            index.add(i, signature)
        if match is not None:
            false_matches.append((article.key, articles[match].key, topic(articles[match])))
    assert false_matches == []
    # They do share vocabulary: the same-topic similarity is real, just far below a copy's.
    first, second = [a for a in articles if topic(a) == "M000"][:2]
    similarity = index.signature(first.text).jaccard(index.signature(second.text))
    assert similarity < 0.2


def test_exact_copy_prefers_highest_similarity(articles: list[Article]) -> None:
    index = NearDuplicateIndex(Settings())
    original = articles[5]
    reprint = syndicate(original)
    index.add(1, index.signature(reprint.text))
    index.add(2, index.signature(original.text))
    assert index.find(index.signature(original.text)) == 2


def test_excerpt_and_short_text_rules(articles: list[Article]) -> None:
    index = NearDuplicateIndex(Settings())
    article = max(articles, key=lambda a: len(a.text))
    index.add(7, index.signature(article.text))
    paragraphs = split_paragraphs(article.text)
    # A single paragraph lifted from a long article is an excerpt, not a reprint.
    assert index.find(index.signature(paragraphs[1])) is None
    assert containment(index.signature(paragraphs[1]), index.signature(article.text)) > 0.75
    assert index.find(index.signature("")) is None
    index.add(8, index.signature(""))
    assert len(index) == 1


def test_signature_bytes_round_trip(articles: list[Article]) -> None:
    index = NearDuplicateIndex(Settings())
    signature = index.signature(articles[0].text)
    data = NearDuplicateIndex.to_bytes(signature)
    loaded = NearDuplicateIndex.from_bytes(data)
    assert loaded.shingles == signature.shingles > 100
    assert loaded.jaccard(signature) == 1.0
    assert list(loaded.hashvalues) == list(signature.hashvalues)
    pickled = pickle.loads(pickle.dumps(signature))
    assert pickled.shingles == signature.shingles and pickled.jaccard(signature) == 1.0
    with pytest.raises(ValueError, match="not a newsdesk signature"):
        NearDuplicateIndex.from_bytes(b"garbage")


def test_index_rebuilt_from_store_after_restart(tmp_path: Path, articles: list[Article]) -> None:
    db = str(tmp_path / "news.db")
    with open_store(db) as store:
        index = NearDuplicateIndex(Settings())
        for article in articles[:20]:
            stored = store.add_article(article)
            signature = index.signature(article.text)
            data = NearDuplicateIndex.to_bytes(signature)
            store.save_signature(stored.article_id, data, article.published)
            index.add(stored.article_id, signature)
    with open_store(db) as store:
        rebuilt = NearDuplicateIndex(Settings())
        for article_id, data, _ in store.iter_signatures():
            rebuilt.add(article_id, NearDuplicateIndex.from_bytes(data))
        assert len(rebuilt) == 20
        reprint = syndicate(articles[12])
        found = rebuilt.find(rebuilt.signature(reprint.text))
        stored_original = store.article_by_key(articles[12].key)
        assert stored_original is not None and found == stored_original.id
