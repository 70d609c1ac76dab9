"""Markdown export rendered by a real CommonMark parser: source text comes out verbatim."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

from markdown_it import MarkdownIt

from newsdesk.export import StoryView, render_markdown, story_to_dict
from newsdesk.models import Article, Brief, BriefSentence, Citation, Provenance
from newsdesk.store.base import StoredArticle, StorySummary

SENTENCES = [
    "2005. That was the year the harbour bridge closed.",
    "1) The council voted first.",
    "- Nobody objected, the mayor said.",
    "+ Costs rose again.",
    "* Work starts in May.",
    "# of votes: 12.",
    "=== Final tally.",
    "Markup such as &amp; and &lt;tag&gt; or <b>bold</b> appears in the source.",
    "A & B said *this* [1](x) is_not_emphasis.",
]
URL = "https://news.example/a<b>c\\"
TITLE = "Harbour vote\n- a list?"
OUTLET = "Port\nTimes & Co <tv>"


def _view() -> StoryView:
    published = datetime(2024, 5, 1, tzinfo=UTC)
    article = Article(
        key="a1",
        title=TITLE,
        text=" ".join(SENTENCES),
        outlet=OUTLET,
        provenance=Provenance("a.jsonl", "line 1"),
        url=URL,
        published=published,
    )
    citation = Citation("a1", OUTLET, TITLE, URL, published)
    brief = Brief(
        [BriefSentence(text, citation, index) for index, text in enumerate(SENTENCES)],
        max_words=200,
        method="test",
    )
    story = StorySummary(1, "# Harbour & <vote>", 1, [OUTLET], published, published)
    return StoryView(story, brief, [StoredArticle(1, article, None, 1, published)])


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_source_text_renders_verbatim_as_paragraphs() -> None:
    html = MarkdownIt("commonmark").render(render_markdown([_view()]))
    assert "<ul>" not in html and "<h1>" not in html and "<hr" not in html
    # The story's own "*Story 1: 1 article from 1 outlet*" line: its id, as `newsdesk brief 1`.
    assert html.count("<em>") == 1 and "<em>Story 1: 1 article from 1 outlet" in html
    assert html.count("<ol>") == 1  # only the source list
    paragraphs = [_text(p) for p in re.findall(r"<p>(.*?)</p>", html, re.DOTALL)]
    for sentence in SENTENCES:
        assert f"{sentence} [1]" in paragraphs, sentence
    assert html.count("<h2>") == 1 and "<h2># Harbour &amp; &lt;vote&gt;</h2>" in html


def test_source_line_keeps_outlet_title_and_link_target_whole() -> None:
    markdown = render_markdown([_view()])
    html = MarkdownIt("commonmark").render(markdown)
    (item,) = re.findall(r"<li>(.*?)</li>", html, re.DOTALL)
    assert 'href="https://news.example/a%3Cb%3Ec%5C"' in item
    assert _text(item) == "Port Times & Co <tv>: Harbour vote - a list?, 2024-05-01"


def test_a_quotation_running_into_the_next_sentence_is_one_cited_paragraph() -> None:
    """WikiNews M0081 (the demo's Air France story): Enders's two-sentence quotation was two
    paragraphs, the second a bare tail ending in a closing quote mark. It is one passage, cited
    once; the JSON export still lists both sentences, and a sentence that closes its quote
    stays apart from the next."""
    opening = (
        'Chief executive Thomas Enders said in a statement, "We want to know what happened, as '
        "improving air safety is our top priority."
    )
    tail = (
        "We are fully committed to support the extension of the search with a significant "
        'contribution."'
    )
    after = (
        "Although airframers normally supply technical assistance to investigations, the required "
        "impartiality makes it unusual for them to fund a search."
    )
    published = datetime(2009, 7, 30, tzinfo=UTC)
    article = Article(
        key="m0081",
        title="Airbus to fund search",
        text=f"{opening} {tail} {after}",
        outlet="Wikinews",
        provenance=Provenance("M0081.english"),
        published=published,
    )
    citation = Citation("m0081", "Wikinews", article.title, None, published)
    brief = Brief(
        [
            BriefSentence(opening, citation, 4, ["Wikinews", "AFP"]),
            BriefSentence(tail, citation, 5, ["Wikinews"]),
            BriefSentence(after, citation, 6, ["Wikinews"]),
        ],
        max_words=100,
        method="test",
    )
    passages = brief.passages()
    assert [p.text for p in passages] == [f"{opening} {tail}", after]
    assert passages[0].support == 1  # only the cited outlet carries the whole quotation
    story = StorySummary(1, "Airbus to fund search", 1, ["Wikinews"], published, published)
    view = StoryView(story, brief, [StoredArticle(1, article, None, 1, published)])
    html = MarkdownIt("commonmark").render(render_markdown([view]))
    paragraphs = [_text(p) for p in re.findall(r"<p>(.*?)</p>", html, re.DOTALL)]
    assert f"{opening} {tail} [1]" in paragraphs
    assert f"{after} [1]" in paragraphs
    assert f"{tail} [1]" not in paragraphs
    assert [s["text"] for s in story_to_dict(view)["brief"]] == [opening, tail, after]
