"""Markdown export rendered by a real CommonMark parser: source text comes out verbatim."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

from markdown_it import MarkdownIt

from newsdesk.export import StoryView, render_markdown
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
