"""The command line as a user runs it: real files in, text out, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def copy_topics(tmp_path: Path, *topics: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for topic in topics:
        for path in sorted(WIKINEWS.glob(f"M00{topic}?.english")):
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_brief_plain_prints_only_verbatim_sentences_within_budget(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 8)
    code, out, _ = run("brief", str(folder), "--max-words", "100", "--format", "plain")
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines
    sources = [p.read_text(encoding="utf-8") for p in folder.iterdir()]
    for line in lines:
        assert any(line in text for text in sources), line
    assert sum(len(line.split()) for line in lines) <= 100


def test_brief_markdown_cites_outlet_and_title(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 8)
    code, out, _ = run("brief", str(folder), "--max-words", "80", "--format", "markdown")
    assert code == 0
    assert "[1]" in out
    assert "Air France" in out  # the sources list names the articles' titles


def test_cluster_jsonl_one_line_per_article_keyed_by_path(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 2, 6)  # sailors captured in Iran; the Haiti earthquake
    code, out, _ = run("cluster", str(folder), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 20
    assert {row["article"] for row in rows} == {str(p) for p in folder.iterdir()}
    story_of = {Path(row["article"]).name: row["story"] for row in rows}
    iran = {story_of[f"M002{i}.english"] for i in range(10)}
    haiti = {story_of[f"M006{i}.english"] for i in range(10)}
    assert not iran & haiti, "two unrelated events were put in one story"


def test_ingest_stories_export_and_rejections(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 9)
    (folder / "broken.jsonl").write_text('{"title": "ok", \n', encoding="utf-8")
    db = str(tmp_path / "n.db")
    code, out, err = run("--db", db, "ingest", str(folder))
    assert code == 1, "a rejected record must show in the exit code"
    assert "broken.jsonl" in err
    assert "added 10" in out

    code, out, _ = run("--db", db, "stories")
    assert code == 0 and "Olympics" in out

    target = tmp_path / "out" / "briefs.html"
    code, _, _ = run("--db", db, "export", "--format", "html", "--output", str(target))
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Wikinews" in page

    code, out, _ = run("--db", db, "export", "--format", "json")
    data = json.loads(out)
    assert data["stories"] and data["stories"][0]["brief"]
    first = data["stories"][0]["brief"][0]
    assert first["outlet"] and first["source"] >= 1

    code, out, _ = run("--db", db, "ingest", str(folder / "M0090.english"))
    assert code == 0 and "added 0, duplicates skipped 1" in out
