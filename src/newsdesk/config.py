"""All configuration in one typed place.

Precedence, lowest first: the defaults below, a TOML file (``--config FILE``,
``$NEWSDESK_CONFIG`` or ``./newsdesk.toml``), environment variables ``NEWSDESK_<FIELD>``
(upper case), command-line flags.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit

from newsdesk.logs import LOG_FORMATS, LOG_LEVELS

EMBEDDER_NAMES = ("auto", "minilm", "wordllama", "tfidf")
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Settings:
    # Store: a SQLite file path, or a postgresql:// URL.
    db: str = "newsdesk.db"

    # Fetching pages and feeds.
    user_agent: str = "newsdesk/0.1 (+https://example.invalid/newsdesk; news summarisation)"
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    allow_private_addresses: bool = False
    fetch_host_delay: float = 0.5  # seconds between two requests to one host

    # Input limits: larger articles are truncated to this many characters of text.
    max_article_chars: int = 200_000
    min_article_words: int = 5

    # Near-duplicate detection (MinHash over word shingles).
    dedup_threshold: float = 0.8
    dedup_shingle: int = 5
    dedup_permutations: int = 128

    # Story clustering.
    cluster_window_hours: float = 24.0 * 7
    cluster_threshold: float = 0.17  # join the best story at or above this score ...
    # ... and at or above this fraction of the story's cohesion (the mean score between its own
    # articles), up to the cap: a tight story asks more of a newcomer than a loose one, and two
    # near-copies opening a story do not lock out other outlets (BENCHMARKS.md, Clustering).
    cluster_cohesion: float = 0.6
    cluster_threshold_cap: float = 0.3
    # Merge two stories at or above this score.
    cluster_merge_threshold: float = 0.4
    # An undated article joins a story that left the window at or above this score. An undated
    # article takes the time of the one that arrived before it, which suits files read in a
    # meaningful order (by name, date or event); read in a random order, an event's articles are
    # scattered in time and rarely find their story again at 0.4: set 0.2 for such collections
    # (ECB+ shuffled: B3 F1 0.71 -> 0.87; read sorted: 0.917 -> 0.884. BENCHMARKS.md, Clustering).
    cluster_undated_threshold: float = 0.4
    # Score = weighted mean of cosines: dense embedding, TF-IDF terms, entity-like terms.
    cluster_dense_weight: float = 0.5
    cluster_term_weight: float = 1.0
    cluster_entity_weight: float = 1.0
    cluster_candidates: int = 32  # stories scored per article (nearest dense centroids)
    # Score halves per this gap outside a story's span; 0 (measured best) means no decay inside
    # the window: a 72 h half-life split MultiLing's weeks-long stories (BENCHMARKS.md).
    cluster_half_life_hours: float = 0.0
    # Stories that left the window, kept (most recent first) for undated articles to join.
    cluster_archive_stories: int = 5000
    # auto | minilm | wordllama | tfidf. Hashed TF-IDF measured best for clustering (BENCHMARKS.md,
    # Clustering) and runs at thousands of articles/s; MiniLM manages about 40 leads/s on 2 cores.
    embedder: str = "tfidf"

    # Briefs.
    brief_max_words: int = 250

    # Attribution (quotes, entities, claims) at ingest: spaCy NER (~45 CPU ms/article), or the
    # rule-based capitalisation fallback (~2 ms/article) for fast ingest (BENCHMARKS.md).
    attribution_ner: bool = True
    # Processes for the NER of a large ingest's touched stories (one batch, forked where safe).
    attribution_processes: int = 2

    # Live feeds (newsdesk watch): seconds between polls of a feed, and the longest wait after
    # repeated errors from one host (the wait doubles per error, starting at the interval).
    watch_interval: float = 300.0
    watch_max_backoff: float = 3600.0

    # Where the web UI is published: the base of the absolute links `newsdesk export` writes
    # (an RSS item links to SITE_URL/stories/ID). The default is `newsdesk serve`'s own address;
    # set the public one before publishing a feed. The served /stories.rss uses the request's.
    site_url: str = DEFAULT_SITE_URL

    # Logging (newsdesk.logs): level debug|info|warning|error, format text|json.
    log_level: str = "warning"
    log_format: str = "text"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


_FIELD_TYPES: dict[str, Any] = get_type_hints(Settings)


@dataclass(frozen=True, slots=True)
class Bound:
    """The values a number setting may take: finite, ``low`` to ``high``, ``low`` itself only
    when ``low_ok``."""

    low: float
    high: float
    low_ok: bool = True

    def allows(self, value: float) -> bool:
        above = value >= self.low if self.low_ok else value > self.low
        return math.isfinite(value) and above and value <= self.high

    def __str__(self) -> str:
        return f"{'[' if self.low_ok else '('}{_number(self.low)}, {_number(self.high)}]"


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True)
class HttpUrl:
    """The values a URL setting may take: an absolute http(s) URL with a host, no query or
    fragment (it is a base that paths are appended to)."""

    def allows(self, value: str) -> bool:
        if not value.isprintable() or any(ch.isspace() for ch in value):
            return False
        try:
            parts = urlsplit(value)
        except ValueError:
            return False
        return (
            parts.scheme in {"http", "https"}
            and bool(parts.hostname)
            and not parts.query
            and not parts.fragment
        )


_MAX_INT = 2**62  # what the stores and the C-level readers take
_HOURS = Bound(0, 1_000_000, low_ok=False)  # a timedelta holds about 2.4e10 hours
MAX_SECONDS = 1e9
"""The longest wait or timeout a setting or flag may ask for (about 31 years; threading's waits
overflow a little past 9e9 s)."""
_SECONDS = Bound(0, MAX_SECONDS, low_ok=False)
_FRACTION = Bound(0, 1)
_WEIGHT = Bound(0, 1e6)
# The allowed values of every setting: a number range, the choices, () for true/false (checked
# as they are read), an http(s) URL, or None for a non-empty line of text. Checked once, where
# settings are loaded (file, environment and flags alike).
_ALLOWED: dict[str, Bound | HttpUrl | tuple[str, ...] | None] = {
    "db": None,
    "user_agent": None,
    "fetch_timeout": _SECONDS,
    "fetch_max_bytes": Bound(1, _MAX_INT),
    "allow_private_addresses": (),
    "fetch_host_delay": Bound(0, MAX_SECONDS),
    "max_article_chars": Bound(1, _MAX_INT),
    "min_article_words": Bound(0, _MAX_INT),
    "dedup_threshold": Bound(0, 1, low_ok=False),
    "dedup_shingle": Bound(1, 1000),
    "dedup_permutations": Bound(2, 8192),  # LSH needs two bands
    "cluster_window_hours": _HOURS,
    "cluster_threshold": _FRACTION,
    "cluster_cohesion": _FRACTION,
    "cluster_threshold_cap": _FRACTION,
    "cluster_merge_threshold": _FRACTION,
    "cluster_undated_threshold": _FRACTION,
    "cluster_dense_weight": _WEIGHT,
    "cluster_term_weight": _WEIGHT,
    "cluster_entity_weight": _WEIGHT,
    "cluster_candidates": Bound(1, 1_000_000),
    "cluster_half_life_hours": Bound(0, 1_000_000),
    "cluster_archive_stories": Bound(0, 10_000_000),
    "embedder": EMBEDDER_NAMES,
    "brief_max_words": Bound(1, 1_000_000),
    "attribution_ner": (),
    "attribution_processes": Bound(1, 1024),
    "watch_interval": _SECONDS,
    "watch_max_backoff": _SECONDS,
    "site_url": HttpUrl(),
    "log_level": LOG_LEVELS,
    "log_format": LOG_FORMATS,
}
_WEIGHTS = ("cluster_dense_weight", "cluster_term_weight", "cluster_entity_weight")


def _check(name: str, value: Any, origin: str) -> None:
    """Raise ConfigError when ``value`` is not one ``name`` may take."""
    allowed = _ALLOWED[name]
    if isinstance(allowed, Bound):
        if not allowed.allows(value):
            kind = "an integer" if _FIELD_TYPES[name] is int else "a number"
            raise ConfigError(
                f"{origin}: setting {name!r} must be {kind} in {allowed}, not {value}"
            )
    elif isinstance(allowed, HttpUrl):
        if not allowed.allows(value):
            raise ConfigError(
                f"{origin}: setting {name!r} must be an http(s) URL like "
                f"https://news.example.org, not {value!r}"
            )
    elif allowed and value not in allowed:
        choices = ", ".join(allowed)
        raise ConfigError(f"{origin}: setting {name!r} must be one of {choices}, not {value!r}")
    elif allowed is None and (not value.strip() or not value.isprintable()):
        raise ConfigError(f"{origin}: setting {name!r} must be a non-empty line of text")


ENV_PREFIX = "NEWSDESK_"
DEFAULT_CONFIG_FILE = "newsdesk.toml"


def _coerce(name: str, value: Any, origin: str) -> Any:
    kind = _FIELD_TYPES[name]
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"expected true/false, got {value!r}")
        if isinstance(value, bool | list | dict):  # TOML values no number or text setting takes
            raise ValueError(f"expected {kind.__name__}, got {value!r}")
        if kind is int:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(f"expected an integer, got {value!r}")
            return int(value)
        if kind is float:
            return float(value)
        return str(value)
    except (ValueError, TypeError, OverflowError) as error:
        raise ConfigError(f"{origin}: setting {name!r}: {error}") from None


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment and explicit overrides.

    ``overrides`` holds command-line flags; entries whose value is ``None`` are ignored.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    path = config_file or environ.get(ENV_PREFIX + "CONFIG")
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: cannot read config file: {error}") from None
        section = data.get("newsdesk", data)
        for name, value in section.items():
            if name not in _FIELD_TYPES:
                raise ConfigError(f"{path}: unknown setting {name!r}")
            values[name], origins[name] = _coerce(name, value, str(path)), str(path)

    for name in _FIELD_TYPES:
        env_name = ENV_PREFIX + name.upper()
        if env_name in environ:
            origin = f"${env_name}"
            values[name], origins[name] = _coerce(name, environ[env_name], origin), origin

    for name, value in _flags(overrides or {}).items():
        values[name], origins[name] = value, f"--{name.replace('_', '-')}"

    for name, value in values.items():
        _check(name, value, origins[name])
    settings = Settings(**values)
    if not any(getattr(settings, name) > 0 for name in _WEIGHTS):
        where = ", ".join(sorted({origins[n] for n in _WEIGHTS if n in origins}))
        raise ConfigError(f"{where}: settings {', '.join(_WEIGHTS)}: at least one must be above 0")
    return settings


def _flags(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Command-line flags given (not None), each coerced to its setting's type."""
    values = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name not in _FIELD_TYPES:
            raise ConfigError(f"unknown setting {name!r}")
        values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
    return values


def with_flags(settings: Settings, **flags: Any) -> Settings:
    """``settings`` with a command's own flags (None: not given), read and checked as
    :func:`load_settings` reads and checks the global ones."""
    values = _flags(flags)
    for name, value in values.items():
        _check(name, value, f"--{name.replace('_', '-')}")
    return settings.replace(**values)
