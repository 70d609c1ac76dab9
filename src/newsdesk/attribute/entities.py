"""People, organisations, places and named facilities, merged across articles and spellings.

"Sohae", "the Sohae site" and "Sohae Satellite Launching Station" become one facility; "Trump",
"President Trump" and "Donald Trump" one person. Mentions come from spaCy NER (or the
capitalisation fallback) plus a pattern for facilities ("<Name> research facility", "... plant").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.attribute.nlp import (
    NLPArg,
    Span,
    body_and_sentences,
    entity_spans,
    is_title_word,
)
from newsdesk.models import Article, Entity, EntityMention

_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
}
_FACILITY_TYPES = (
    "research facility|launching station|launch site|test site|nuclear site|missile site|"
    "enrichment plant|uranium enrichment plant|nuclear plant|power plant|plant|site|base|"
    "facility|station|reactor|complex|airport|prison|laboratory|factory|dam|camp|test range"
)
_FACILITY = re.compile(rf"\b((?:[A-Z][\w'’\-]+ ){{1,4}}?)(?:[a-z]+ )?((?i:{_FACILITY_TYPES}))\b")
_FACILITY_WORDS = frozenset(
    [
        "satellite",
        "launching",
        "launch",
        "station",
        "site",
        "facility",
        "research",
        "plant",
        "uranium",
        "enrichment",
        "nuclear",
        "missile",
        "test",
        "base",
        "complex",
        "reactor",
        "power",
        "airport",
        "prison",
        "laboratory",
        "factory",
        "dam",
        "camp",
        "range",
        "engine",
        "stand",
    ]
)
_LEADING = re.compile(r"^(?:the|The|a|A)\s+")


@dataclass(slots=True)
class _Mention:
    kind: str
    text: str
    core: str
    article_key: str
    sentence_index: int


def _core(text: str, kind: str) -> str:
    text = _LEADING.sub("", re.sub(r"['’]s$", "", text.strip()))
    tokens = text.split()
    if kind == "person":
        while len(tokens) > 1 and is_title_word(tokens[0]):
            tokens = tokens[1:]
    if kind in ("facility", "place", "organisation"):
        kept = [t for t in tokens if t.lower() not in _FACILITY_WORDS]
        if kind == "facility" and kept:
            tokens = kept
    return " ".join(tokens)


def _mentions(
    article: Article,
    spans_text: str,
    sentences: list[tuple[int, int, int]],
    spans: Sequence[Span],
) -> list[_Mention]:
    out: list[_Mention] = []

    def sentence_at(offset: int) -> int:
        index = sentences[0][2] if sentences else 0
        for start, _, i in sentences:
            if start <= offset:
                index = i
            else:
                break
        return index

    covered: list[tuple[int, int]] = []
    for m in _FACILITY.finditer(spans_text):
        name = m.group(1).strip()
        first = name.split()[0]
        if first.lower() in ("the", "a", "an", "this", "that", "in", "at", "on") or is_title_word(
            first
        ):
            continue
        surface = spans_text[m.start(1) : m.end()].strip()
        out.append(
            _Mention(
                "facility", surface, _core(surface, "facility"), article.key, sentence_at(m.start())
            )
        )
        covered.append((m.start(1), m.end()))
    for span in spans:
        kind = _KINDS.get(span.label)
        start, text = span.start, span.text
        if kind is None or any(a <= start < b for a, b in covered):
            continue
        core = _core(text, kind)
        if not core or len(core) < 2:
            continue
        out.append(_Mention(kind, text, core, article.key, sentence_at(start)))
    return out


def extract_entities(articles: Sequence[Article], nlp: NLPArg = None) -> list[Entity]:
    """Entities of a set of articles, merged across articles, most mentioned first."""
    bodies = [body_and_sentences(a.text) for a in articles]
    all_spans = entity_spans([b for b, _ in bodies], nlp)
    mentions: list[_Mention] = []
    for article, (body, sentences), spans in zip(articles, bodies, all_spans, strict=True):
        mentions.extend(_mentions(article, body, sentences, spans))

    # A core name seen as a facility is that facility wherever it appears ("Sohae").
    facility_cores = {m.core for m in mentions if m.kind == "facility"}
    for m in mentions:
        if m.core in facility_cores and (m.kind != "person" or len(m.core.split()) == 1):
            m.kind = "facility"
    # A surname alone joins the one full name that ends with it ("Trump" -> "Donald Trump").
    full_names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind == "person" and len(m.core.split()) > 1:
            full_names[m.core.split()[-1]].add(m.core)
    for m in mentions:
        if m.kind == "person" and len(m.core.split()) == 1:
            candidates = full_names.get(m.core, set())
            if len(candidates) == 1:
                m.core = next(iter(candidates))

    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.kind, m.core.casefold())].append(m)
    entities: list[Entity] = []
    for (kind, _), group in groups.items():
        aliases = Counter(m.text for m in group)
        if kind == "facility":
            name = max(aliases, key=lambda a: (len(a.split()), aliases[a]))
            name = _LEADING.sub("", name)
        elif kind == "person":
            name = max((m.core for m in group), key=lambda c: (len(c.split()), c))
        else:
            name = _LEADING.sub("", aliases.most_common(1)[0][0])
        entities.append(
            Entity(
                name=name,
                kind=kind,
                aliases=sorted(aliases),
                mentions=[EntityMention(m.article_key, m.sentence_index, m.text) for m in group],
            )
        )
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def find_entity(entities: Sequence[Entity], name: str) -> Entity | None:
    """The entity a user means by ``name`` (canonical name or any alias, case-insensitive)."""
    wanted = name.casefold().strip()
    bare = _core(name, "person").casefold()
    for entity in entities:
        names = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
        if wanted in names or bare in names:
            return entity
    for entity in entities:
        if wanted in entity.name.casefold():
            return entity
    return None
