"""The gazetteer's lists as the pinned data packages give them, and the fallback without them."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.attribute import gazetteer


def test_places_and_their_countries() -> None:
    assert gazetteer.is_place("Bío Bío") and gazetteer.is_place("Biobío")  # one key
    assert gazetteer.countries_of("Constitución") == {"CL"}  # a city of 46,000
    assert gazetteer.countries_of("Marseilles") == {"FR"}  # an exonym of a big city
    assert "JP" in gazetteer.countries_of("Obama")
    assert gazetteer.countries_of("Tamil Nadu") == {"IN"}  # an ISO 3166-2 subdivision
    assert "US" in gazetteer.countries_of("Idaho")
    # GeoNames' other names of smaller cities are not taken ("Google" for Topeka)
    assert not gazetteer.is_place("Google") and not gazetteer.is_place("Hamas")


def test_first_names_surnames_and_words() -> None:
    assert gazetteer.first_name_frequency("Paul") > gazetteer.first_name_frequency("Stephane") > 3
    assert gazetteer.first_name_frequency("Constitución") == 0
    assert gazetteer.surname_rank("Smith") == 1
    assert gazetteer.surname_rank("Ladagnous") is None
    assert gazetteer.surname_like("Browne")  # in the census
    assert gazetteer.surname_like("Klöden")  # in neither the census nor English
    assert not gazetteer.surname_like("Metropolitan")  # an English word
    # A dictionary's nouns and adjectives, plurals too; not a name newer than WordNet.
    assert gazetteer.dictionary_word("Twitter") and gazetteer.dictionary_word("Greeks")
    assert not gazetteer.dictionary_word("Obama") and not gazetteer.dictionary_word("Klöden")


LISTS = (
    gazetteer._places,
    gazetteer._first_names,
    gazetteer._surnames,
    gazetteer._english_words,
    gazetteer._dictionary_words,
)


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Lists read again in this process, stored in an empty cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for loaded in LISTS:
        loaded.cache_clear()
    yield tmp_path / "newsdesk"
    for loaded in LISTS:
        loaded.cache_clear()


@pytest.fixture
def without_data(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "_data", lambda package, *parts: None)


def test_the_lists_are_stored_and_loaded_again(fresh: Path) -> None:
    places = gazetteer._places()
    stored = sorted(p.name for p in fresh.iterdir())
    assert len(stored) == 1 and stored[0].startswith("gazetteer-places-")
    gazetteer._places.cache_clear()
    assert gazetteer._places() == places  # now from the stored file
    for damaged in (b"not a list", marshal.dumps(["a", "list"])):  # read again, and replaced
        (fresh / stored[0]).write_bytes(damaged)
        gazetteer._places.cache_clear()
        assert gazetteer._places() == places
        assert (fresh / stored[0]).stat().st_size > 100_000


@pytest.mark.usefixtures("without_data")
def test_without_the_data_packages_nothing_is_known(fresh: Path) -> None:
    assert gazetteer.available() == dict.fromkeys(gazetteer.available(), False)
    assert not gazetteer.is_place("Chile") and gazetteer.countries_of("Chile") == frozenset()
    assert gazetteer.first_name_frequency("Paul") == 0 and gazetteer.surname_rank("Smith") is None
    assert not gazetteer.surname_like("Klöden")  # only the census could tell then
    assert not fresh.exists()  # empty lists are not stored
