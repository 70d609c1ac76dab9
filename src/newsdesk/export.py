"""Render stories and their briefs as Markdown, a self-contained HTML page, JSON or RSS.

The renderers take :class:`StoryView` objects (a story, its brief and its articles, as read from
the store) and return text; they never touch the store themselves, so the CLI and the web server
share them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import format_datetime
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsdesk import __version__
from newsdesk.config import DEFAULT_SITE_URL
from newsdesk.event_time import citation_day
from newsdesk.models import NO_DATE, Brief, BriefSentence, Quote, StoryAttribution, TimelineEvent
from newsdesk.store import Store, StoredArticle, StorySummary, source_groups
from newsdesk.text import count_of
from newsdesk.urls import safe_url

if TYPE_CHECKING:
    import jinja2

FORMATS = ("markdown", "html", "json", "rss")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """A source of a story (an original, or the revision that supersedes it), with the other
    outlets that reprinted it. ``url`` is None unless it is a safe http(s) link."""

    key: str
    outlet: str
    title: str
    url: str | None
    published: datetime | None
    provenance: str
    reprints: tuple[str, ...]


@dataclass(frozen=True)
class StoryView:
    story: StorySummary
    brief: Brief | None
    articles: Sequence[StoredArticle]
    # Who said what, who is named, the timeline: as stored (None for a story not attributed yet).
    attribution: StoryAttribution | None = None

    @cached_property
    def sources(self) -> list[SourceEntry]:
        """One entry per original (the version the brief reads, with its copies' outlets):
        cited ones first in brief order, then the rest by date; then copies whose original is
        stored in another story."""
        groups = source_groups(self.articles)
        grouped = {m.id for g in groups for m in (g.source, *g.copies)}
        entries = [(g.source, [m.article.outlet for m in g.copies]) for g in groups]
        entries += [(a, []) for a in self.articles if a.id not in grouped]
        cited = [s.citation.article_key for s in (self.brief.sentences if self.brief else [])]
        rank = {key: i for i, key in enumerate(dict.fromkeys(cited))}
        entries.sort(
            key=lambda e: (
                rank.get(e[0].article.key, len(rank)),
                e[0].article.published or NO_DATE,
                e[0].id,
            )
        )
        return [
            SourceEntry(
                key=a.article.key,
                outlet=a.article.outlet,
                title=a.article.title,
                url=safe_url(a.article.url),
                published=a.article.published,
                provenance=str(a.article.provenance),
                reprints=tuple(sorted(set(copies) - {a.article.outlet})),
            )
            for a, copies in entries
        ]

    @cached_property
    def _source_numbers(self) -> dict[str, int]:
        return {source.key: number for number, source in enumerate(self.sources, start=1)}

    def source_number(self, sentence: BriefSentence) -> int:
        """The number of the sentence's source in :attr:`sources` (0 if it is not there)."""
        return self._source_numbers.get(sentence.citation.article_key, 0)


def story_view(store: Store, story: StorySummary, brief: Brief | None = None) -> StoryView:
    """The story with ``brief`` (default: its stored brief), its articles and stored attribution."""
    return StoryView(
        story,
        brief if brief is not None else store.get_brief(story.id),
        store.story_articles(story.id),
        store.get_attribution(story.id),
    )


def load_story_views(store: Store, story_ids: Iterable[int] | None = None) -> list[StoryView]:
    """Stories with their briefs and articles: the given ids, or all of them newest first."""
    if story_ids is None:
        summaries = store.stories(limit=1_000_000, offset=0)
    else:
        found = (store.story(store.resolve_story(i)) for i in story_ids)
        summaries = [s for s in found if s is not None]
    return [story_view(store, s) for s in summaries]


# --- who said what, who is named, what happened when: the digest the readable formats show ---

DIGEST_QUOTES = 8  # one per speaker
DIGEST_NAMES = 10  # per kind
DIGEST_EVENTS = 20
_KINDS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"),
          ("facility", "Facilities"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Digest:
    """The part of a story's attribution a reader of an export sees: a quote of each named speaker,
    the most mentioned names of each kind, and the timeline, each cut to a length; the JSON export
    and the API have it all."""

    quotes: list[Quote]
    more_quotes: int
    names: list[tuple[str, list[str]]]  # (heading, names), kinds in a fixed order
    timeline: list[TimelineEvent]
    more_events: int

    @property
    def empty(self) -> bool:
        return not (self.quotes or self.names or self.timeline)


# A news medium's name: what it reported ("according to AFP", "Le Monde reported") is the news,
# not a quotation of someone in it.
_NEWS_MEDIUM = re.compile(
    r"\b(?:news|press|times|post|journal|tribune|herald|gazette|daily|television|tv|radio"
    r"|reuters|afp|ap|bbc|cnn|abc|cbs|nbc|msnbc|xinhua|isna|irna|mena|monde|figaro)\b",
    re.IGNORECASE,
)


def digest(attribution: StoryAttribution | None) -> Digest:
    if attribution is None:
        return Digest([], 0, [], [], 0)
    # Each person or organisation the story names speaks once, under whichever of its names a
    # quote gives ("AP" and "the Associated Press"; "according to Iranian law" is no speaker): in
    # their first words in quotation marks, else their first reported. Quoted words first, then
    # the speakers more of the story's articles name (its actors before a golfer in a round-up).
    entity_of = {
        _bare(name): e.name
        for e in attribution.entities
        if e.kind in ("person", "organisation")
        for name in (e.name, *e.aliases)
    }
    named_in = {e.name: len(e.article_keys) for e in attribution.entities}
    chosen: dict[str, Quote] = {}
    for quote in attribution.quotes:
        speaker = _speaker_entity(quote.speaker_name, entity_of)
        if speaker is None or (not quote.direct and _NEWS_MEDIUM.search(speaker)):
            continue
        known = chosen.setdefault(speaker, quote)
        if quote.direct and not known.direct:
            chosen[speaker] = quote
    order = {id(q): i for i, q in enumerate(attribution.quotes)}
    quotes = [
        # A speaker called by surname alone is shown by the full name the story gives ("King"
        # is Billy King).
        replace(q, speaker=name) if name.endswith(f" {q.speaker}") else q
        for name, q in sorted(
            chosen.items(),
            key=lambda sq: (not sq[1].direct, -named_in.get(sq[0], 0), order[id(sq[1])]),
        )
    ]
    names = []
    for kind, heading in _KINDS:
        of_kind = [e for e in attribution.entities if e.kind == kind and _readable(e.name)]
        of_kind.sort(key=lambda e: -len(e.mentions))
        shown = [e.name for e in of_kind[:DIGEST_NAMES]]
        if kind == "person":  # "Heller" beside "Mark Heller" is the same person
            surnames = {n.split()[-1] for n in shown if len(n.split()) > 1}
            shown = [n for n in shown if len(n.split()) > 1 or n not in surnames]
        if shown:
            names.append((heading, shown))
    # A timeline needs dates: undated reports (ECB+, plain text) and one dated event make none.
    events = [e for e in attribution.timeline if e.day is not None]
    events = events if len(events) > 1 else []
    return Digest(
        quotes[:DIGEST_QUOTES],
        len(attribution.quotes) - min(len(quotes), DIGEST_QUOTES),
        names,
        events[:DIGEST_EVENTS],
        max(0, len(events) - DIGEST_EVENTS),
    )


def _bare(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.casefold().split())).rstrip(".")


def _speaker_entity(speaker_name: str | None, entity_of: dict[str, str]) -> str | None:
    """The entity a quote's speaker name is: one of its names, else the longest of its names
    inside it as whole words ("Lohan's lawyer Mark Heller" is Mark Heller)."""
    if not speaker_name:
        return None
    bare = _bare(speaker_name)
    if bare in entity_of:
        return entity_of[bare]
    inside = [n for n in entity_of if f" {n} " in f" {bare} "]
    return entity_of[max(inside, key=len)] if inside else None


_UNREADABLE_NAME = re.compile(r"[;\d]|\([^)]*$|^[^(]*\)")


def _readable(name: str) -> bool:
    """Not a name a reader should see: "08:30 BST", "World Health Organization (WHO"."""
    return _UNREADABLE_NAME.search(name) is None


def _date(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


def _cited_day(brief: Brief | None, sentence: BriefSentence) -> str:
    """ ", 2008-04-05" to print after the sentence's citation (:func:`citation_day`), or ""."""
    day = citation_day(brief, sentence) if brief else None
    return f", {_date(day)}" if day else ""


def _span(story: StorySummary) -> str:
    first, last = _date(story.first_published), _date(story.last_published)
    if first and last and first != last:
        return f"{first} to {last}"
    return first or last


def story_to_dict(view: StoryView) -> dict[str, Any]:
    story = view.story
    sentences = view.brief.sentences if view.brief else []
    return {
        "id": story.id,
        "headline": story.headline,
        "article_count": story.article_count,
        "outlets": list(story.outlets),
        "first_published": _iso(story.first_published),
        "last_published": _iso(story.last_published),
        "brief": [
            {
                "text": s.text,
                "source": view.source_number(s),
                "outlet": s.citation.outlet,
                "title": s.citation.title,
                "url": safe_url(s.citation.url),
                "published": _iso(s.citation.published),
                "article": s.citation.article_key,
                "support": s.support,
                "supporting_outlets": sorted(set(s.supporting_outlets)),
                "reprinted_by": sorted(set(s.reprinted_by)),
            }
            for s in sentences
        ],
        "sources": [
            {
                "number": number,
                "article": source.key,
                "outlet": source.outlet,
                "title": source.title,
                "url": source.url,
                "published": _iso(source.published),
                "reprinted_by": list(source.reprints),
            }
            for number, source in enumerate(view.sources, start=1)
        ],
        "attribution": _attribution_dict(view.attribution),
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _attribution_dict(attribution: StoryAttribution | None) -> dict[str, Any] | None:
    if attribution is None:
        return None
    return {
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "text": q.text,
                "direct": q.direct,
                "told": q.told_outlet,
                "outlet": q.outlet,
                "published": _iso(q.published),
                "article": q.article_key,
            }
            for q in attribution.quotes
        ],
        "entities": [
            {"name": e.name, "kind": e.kind, "aliases": e.aliases, "mentions": len(e.mentions)}
            for e in attribution.entities
        ],
        "timeline": [
            {
                "day": _date(e.day) or None,
                "text": e.text,
                "outlet": e.outlet,
                "first_reported": _iso(e.when),
                "support": e.support,
                "article": e.article_key,
            }
            for e in attribution.timeline
        ],
    }


def render_json(views: Sequence[StoryView]) -> str:
    return json.dumps({"stories": [story_to_dict(v) for v in views]}, ensure_ascii=False, indent=2)


# What makes a line a list item, heading, rule or fence when it starts it: "2005. ", "1) ", "- ",
# "+ ", "=" (setext underline), "~~~"; "*", "#", ">" and "`" are escaped wherever they are.
_BLOCK_START = re.compile(r"^(?:(\d{1,9})(?=[.)])|(?=[-+=~]))")


def _markdown_text(text: str) -> str:
    """Source text on one line, escaped so that nothing in it turns into Markdown markup: not
    emphasis, links, HTML or entities ("&amp;" stays "&amp;"), nor a list or heading at the start
    of a line."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>#|&~":
        text = text.replace(char, "\\" + char)
    return _BLOCK_START.sub(lambda m: (m.group(1) or "") + "\\", text, count=1)


def _link_target(url: str) -> str:
    """``url`` for a ``(<...>)`` link destination, which ends at ">" and cannot hold "<", a line
    break or a trailing backslash."""
    for char, code in (("\\", "%5C"), ("<", "%3C"), (">", "%3E"), ("\n", "%0A"), ("\r", "%0D")):
        url = url.replace(char, code)
    return url


def render_markdown(views: Sequence[StoryView]) -> str:
    lines: list[str] = []
    for view in views:
        story = view.story
        lines.append(f"## {_markdown_text(story.headline)}")
        lines.append("")
        span = _span(story)
        lines.append(
            f"*Story {story.id}: {count_of(story.article_count, 'article')} from "
            f"{count_of(len(story.outlets), 'outlet')}" + (f", {span}" if span else "") + "*"
        )
        lines.append("")
        sentences = view.brief.passages() if view.brief else []
        for sentence in sentences:
            support = (
                f" ({count_of(sentence.support, 'independent outlet')})"
                if sentence.support > 1
                else ""
            )
            when = _cited_day(view.brief, sentence)
            lines.append(
                f"{_markdown_text(sentence.text)} [{view.source_number(sentence)}{when}]{support}"
            )
            lines.append("")
        if view.brief is None:
            lines.extend(["*No brief yet.*", ""])
        elif not sentences:
            lines.extend([f"*No sentence fits in {count_of(view.brief.max_words, 'word')}.*", ""])
        for number, source in enumerate(view.sources, start=1):
            title = _markdown_text(source.title)
            url = source.url
            # <...> keeps a URL with spaces or parentheses in one piece.
            linked = f"[{title}](<{_link_target(url)}>)" if url else title
            date = f", {_date(source.published)}" if source.published else ""
            also = ", ".join(_markdown_text(o) for o in source.reprints)
            reprints = f" (also run by {also})" if source.reprints else ""
            lines.append(f"{number}. {_markdown_text(source.outlet)}: {linked}{date}{reprints}")
        lines.append("")
        lines.extend(_markdown_digest(digest(view.attribution)))
    return "\n".join(lines)


def _markdown_digest(found: Digest) -> list[str]:
    lines: list[str] = []
    if found.quotes:
        lines += ["**Who said what**", ""]
        for q in found.quotes:
            said = f"“{_markdown_text(q.text)}”" if q.direct else _markdown_text(q.text)
            source = _markdown_text(q.outlet) + (f", {_date(q.published)}" if q.published else "")
            lines.append(f"- {_markdown_text(q.speaker)} ({source}): {said}")
        if found.more_quotes:
            lines.append(f"- *{count_of(found.more_quotes, 'more quote')}*")
        lines.append("")
    if found.names:
        lines += ["**Named**", ""]
        for heading, names in found.names:
            lines.append(f"- {heading}: {', '.join(_markdown_text(n) for n in names)}")
        lines.append("")
    if found.timeline:
        lines += ["**Timeline**", ""]
        for event in found.timeline:
            day = _date(event.day) or "undated"
            outlets = f"; {count_of(event.support, 'outlet')}" if event.support > 1 else ""
            text, outlet = _markdown_text(event.text), _markdown_text(event.outlet)
            lines.append(f"- {day}: {text} ({outlet}{outlets})")
        if found.more_events:
            lines.append(f"- *{count_of(found.more_events, 'more development')}*")
        lines.append("")
    return lines


@cache
def _templates() -> jinja2.Environment:
    import jinja2  # only the HTML export needs it: not paid by `newsdesk brief` in other formats

    templates = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: resources.files("newsdesk").joinpath("templates", name).read_text("utf-8")
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates.filters["count_of"] = count_of
    return templates


def render_html(views: Sequence[StoryView], title: str = "newsdesk briefs") -> str:
    items = []
    for view in views:
        sentences = view.brief.passages() if view.brief else []
        items.append(
            {
                "story": view.story,
                "span": _span(view.story),
                "sources": [
                    {
                        "outlet": s.outlet,
                        "title": s.title,
                        "url": s.url,
                        "date": _date(s.published),
                        "provenance": "" if s.url else s.provenance,
                        "reprints": s.reprints,
                    }
                    for s in view.sources
                ],
                "brief_sentences": [
                    {
                        "text": s.text,
                        "citation": s.citation,
                        "date": _date(s.citation.published),
                        "day": _date(citation_day(view.brief, s) if view.brief else None),
                        "source_number": view.source_number(s),
                        "support": s.support,
                        "outlets": s.carried_by,
                    }
                    for s in sentences
                ],
                "digest": digest(view.attribution),
            }
        )
    template = _templates().get_template("export.html")
    return template.render(
        title=title,
        stories=items,
        article_total=sum(v.story.article_count for v in views),
        version=__version__,
    )


# Characters XML 1.0 does not allow at all, escaped or not: one would make the whole feed invalid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    # html.escape without quotes is XML's escape of &, < and > (what xml.sax.saxutils does, without
    # its import of urllib.request and http.client on every command).
    return html.escape(_NOT_XML.sub("", text), quote=False)


def render_rss(views: Sequence[StoryView], site_url: str = DEFAULT_SITE_URL) -> str:
    """An RSS 2.0 feed with one item per story; the description is the brief as HTML.

    Items link to ``site_url``/stories/ID, the story's page in the web UI published there."""
    base = site_url.rstrip("/")
    # When the newest story last changed, not "now": the feed (and its ETag) stays the same
    # until a story does, so conditional requests get 304.
    updated = max((a.ingested_at for v in views for a in v.articles), default=None)
    items = []
    for view in views:
        link = f"{base}/stories/{view.story.id}"
        body = "".join(
            f"<p>{_xml(s.text)} [{_xml(s.citation.outlet)}{_cited_day(view.brief, s)}]</p>"
            for s in (view.brief.passages() if view.brief else [])
        )
        date = view.story.last_published or view.story.first_published
        items.append(
            "<item>"
            f"<title>{_xml(view.story.headline)}</title>"
            f"<link>{_xml(link)}</link>"
            f'<guid isPermaLink="true">{_xml(link)}</guid>'
            + (f"<pubDate>{format_datetime(date)}</pubDate>" if date else "")
            + f"<description>{_xml(body)}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>newsdesk briefs</title><link>{_xml(base)}/</link>"
        "<description>One cited brief per story</description>"
        + (f"<lastBuildDate>{format_datetime(updated)}</lastBuildDate>" if updated else "")
        + "".join(items)
        + "</channel></rss>\n"
    )


def render(views: Sequence[StoryView], fmt: str, site_url: str = DEFAULT_SITE_URL) -> str:
    """``views`` in ``fmt``; ``site_url`` is the base of links to the web UI (RSS has them)."""
    if fmt == "markdown":
        return render_markdown(views)
    if fmt == "html":
        return render_html(views)
    if fmt == "json":
        return render_json(views)
    if fmt == "rss":
        return render_rss(views, site_url)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
