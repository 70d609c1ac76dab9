"""The command line as a user runs it: real files in, text out, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import wikinews_records, write_jsonl
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.sources import read_sources
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def modules_loaded(args: list[str], prefixes: tuple[str, ...]) -> list[str]:
    """The modules named ``prefixes`` (or under them) that ``newsdesk ARGS`` imports, run in a
    fresh interpreter."""
    script = (
        "import json, sys\nfrom click.testing import CliRunner\nfrom newsdesk.cli import cli\n"
        f"result = CliRunner().invoke(cli, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout)
    return loaded


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


def test_brief_of_a_stored_story_leaves_the_stored_brief_alone(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 9)
    db = str(tmp_path / "n.db")
    assert run("--db", db, "ingest", str(folder))[0] == 0
    code, out, _ = run("--db", db, "export", "--format", "json")
    story = json.loads(out)["stories"][0]
    stored_words = sum(len(s["text"].split()) for s in story["brief"])
    assert stored_words > 20

    code, out, _ = run(
        "--db", db, "brief", str(story["id"]), "--max-words", "20", "--format", "plain"
    )
    assert code == 0 and sum(len(line.split()) for line in out.splitlines()) <= 20

    _, out, _ = run("--db", db, "export", "--format", "json", "--story", str(story["id"]))
    again = json.loads(out)["stories"][0]
    assert sum(len(s["text"].split()) for s in again["brief"]) == stored_words


def test_export_of_an_unknown_story_is_an_error(tmp_path: Path) -> None:
    folder = copy_topics(tmp_path, 9)
    db = str(tmp_path / "n.db")
    run("--db", db, "ingest", str(folder))
    code, _, err = run("--db", db, "export", "--format", "json", "--story", "999")
    assert code == 1 and "no story 999" in err


def test_markdown_export_never_links_a_javascript_url(tmp_path: Path) -> None:
    record = {
        "id": "x1",
        "url": "javascript:alert(1)",
        "title": "Evil [link](javascript:alert(2)) title",
        "text": (WIKINEWS / "M0090.english").read_text(encoding="utf-8"),
        "outlet": "Evil <b>Outlet</b>",
        "published": "2008-08-24T12:00:00Z",
    }
    source = tmp_path / "evil.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert run("--db", db, "ingest", str(source))[0] == 0
    code, out, _ = run("--db", db, "export", "--format", "markdown")
    assert code == 0
    # Text that looks like a link is escaped (\]), so no live javascript: link remains.
    assert not re.search(r"(?<!\\)\]\(<?javascript:", out)
    assert "javascript:alert(1)" not in out  # the article's own URL is not linked
    assert "<b>" not in out


def test_every_data_file_of_the_package_is_shipped() -> None:
    """Templates, static files and migrations must be package data, or a wheel lacks them."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["newsdesk"]
    package = ROOT / "src" / "newsdesk"
    data_files = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert data_files
    unshipped = [f for f in data_files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert not unshipped, f"not in [tool.setuptools.package-data]: {unshipped}"


def test_every_command_is_listed_and_only_the_one_run_is_imported(tmp_path: Path) -> None:
    from newsdesk.cli import COMMANDS

    code, out, _ = run("--help")
    assert code == 0
    listed = re.findall(r"^  (\w+)\s", out.split("Commands:")[1], re.MULTILINE)
    assert listed == sorted(COMMANDS)
    folder = copy_topics(tmp_path, 8)
    unused = ("newsdesk.serve", "newsdesk.backfill", "newsdesk.evaluation", "newsdesk.cli.eval")
    assert (
        modules_loaded(["brief", str(folder), "--format", "plain"], (*unused, "trafilatura")) == []
    )


def test_the_command_list_is_read_from_the_source_and_says_what_click_says() -> None:
    """`newsdesk --help` lists the commands without importing them (nor the pipeline and its
    scipy); each line is the short help click makes from the command itself."""
    from click import Context

    from newsdesk.cli import COMMANDS, _short_help

    for name in COMMANDS:
        command = cli.get_command(Context(cli), name)
        assert command is not None
        for limit in (30, 60):
            assert _short_help(COMMANDS[name], limit) == command.get_short_help_str(limit), name
    heavy = ("newsdesk.pipeline", "newsdesk.cli.commands", "newsdesk.brief", "scipy")
    assert modules_loaded(["--help"], heavy) == []


def test_listing_stories_reads_the_store_without_the_pipeline(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    code, _, _ = run("--db", db, "ingest", str(copy_topics(tmp_path, 8)))
    assert code == 0
    heavy = ("newsdesk.pipeline", "newsdesk.brief", "scipy")
    assert modules_loaded(["--db", db, "stories"], heavy) == []


def test_reading_stored_attribution_needs_neither_the_pipeline_nor_scipy(tmp_path: Path) -> None:
    """Quotes, claims and an entity's report are read back from the store; only a story stored
    before attribution existed would need the pipeline to work them out."""
    db = str(tmp_path / "news.db")
    code, _, _ = run("--db", db, "ingest", str(copy_topics(tmp_path, 8)))
    assert code == 0
    heavy = ("newsdesk.pipeline", "newsdesk.brief", "newsdesk.attribute.claims", "scipy")
    for command in (["quotes", "1"], ["claims", "1"], ["entity", "Air France"]):
        assert modules_loaded(["--db", db, *command], heavy) == [], command


def test_a_word_budget_below_one_is_refused(tmp_path: Path) -> None:
    """`--max-words 0` used to mean "the default" (250 words) and a negative budget an empty
    brief; both are mistakes, and the command says so."""
    folder = copy_topics(tmp_path, 8)
    for budget in ("0", "-5"):
        code, out, err = run("brief", str(folder), "--max-words", budget, "--format", "plain")
        assert code == 2 and not out
        assert "--max-words" in err and "x>=1" in err
    code, out, _ = run("brief", str(folder), "--max-words", "30", "--format", "plain")
    assert code == 0 and 0 < len(out.split()) <= 30


def test_an_empty_input_name_is_a_usage_error_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsdesk ingest ""` (an unset shell variable) read the current folder."""
    copy_topics(tmp_path, 9)
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "n.db")
    for command in (["ingest", ""], ["ingest", "articles", ""], ["cluster", ""], ["brief", ""]):
        code, out, err = run("--db", db, *command)
        assert code == 2 and not out, command
        assert "empty string" in err, command
    assert not (tmp_path / "n.db").exists()
    assert [str(i) for i in read_sources([""], Settings())] == ["'': empty input name"]


def test_a_story_id_too_large_for_the_store_is_a_usage_error(tmp_path: Path) -> None:
    """Ids past 64 bits reached the database driver and printed an OverflowError traceback."""
    db = str(tmp_path / "n.db")
    assert run("--db", db, "ingest", str(copy_topics(tmp_path, 9)))[0] == 0
    huge = "99999999999999999999"
    for command in (
        ["brief", huge],
        ["quotes", huge],
        ["claims", huge],
        ["export", "--format", "json", "--story", huge],
        ["stories", "--offset", huge],
        ["stories", "--limit", huge],
    ):
        result = CliRunner().invoke(cli, ["--db", db, *command])
        assert result.exit_code == 2 and not result.stdout, command
        assert result.exception is None or isinstance(result.exception, SystemExit), command
        assert huge in result.stderr or "9223372036854775807" in result.stderr, command
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for")
    code, _, err = run("--db", db, "quotes", "9223372036854775807")
    assert code == 1 and "no story 9223372036854775807" in err


FEED = "http://127.0.0.1:9/feed.xml"  # refused before any request: a private address


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["watch", "--once", "--interval", "inf", FEED], "inf is not a finite number."),
        (["watch", "--once", "--interval", "nan", FEED], "nan is not a finite number."),
        (["watch", "--once", "--interval", "1e400", FEED], "1e400 is not a finite number."),
        (["watch", "--once", "--interval", "-5", FEED], "-5.0 is not in the range"),
        (["watch", "--once", "--interval", "0", FEED], "0.0 is not in the range"),
        (["watch", "--once", "--interval", "2e9", FEED], "2000000000.0 is not in the range"),
        (["eval", "cluster", "--baseline-threshold", "nan", "."], "nan is not a finite number."),
        (["eval", "cluster", "--baseline-threshold", "-inf", "."], "-inf is not a finite"),
        (["eval", "cluster", "--baseline-threshold", "1.5", "."], "1.5 is not in the range"),
        (["watchlist", "matches", "--since", "99999999999d"], "reaches back before the year 1"),
    ],
)
def test_a_number_option_out_of_range_or_not_finite_is_a_one_line_usage_error(
    tmp_path: Path, command: list[str], message: str
) -> None:
    """``watch --interval inf`` or ``nan`` was accepted (nan passes every range check, inf any
    minimum), as was an eval threshold of nan; a --since span past the calendar was a
    traceback."""
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), *command])
    assert result.exit_code == 2 and not result.stdout, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"Error: Invalid value for '{command[2]}'"), last
    assert message in last


def test_the_largest_watch_interval_is_accepted(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "n.db"), "watch", "--once", "--interval", "1e9", FEED]
    )
    assert result.exit_code == 1, result.output  # the feed's private address is refused
    assert result.stdout.startswith(f"{FEED}: error: refused:")


def test_a_budget_below_every_sentence_says_so_instead_of_printing_nothing(
    tmp_path: Path,
) -> None:
    """Plain output was empty with nothing on stderr, and markdown said "No brief yet"."""
    folder = copy_topics(tmp_path, 9)
    db = str(tmp_path / "n.db")
    assert run("--db", db, "ingest", str(folder))[0] == 0
    story = json.loads(run("--db", db, "export", "--format", "json")[1])["stories"][0]["id"]
    code, out, err = run("--db", db, "brief", str(story), "--max-words", "3", "--format", "plain")
    assert code == 0 and out == ""
    match = re.fullmatch(
        rf"no sentence of story {story} fits in 3 words \(the shortest has (\d+)\); "
        r"raise --max-words\n",
        err,
    )
    assert match, err
    shortest = match.group(1)
    code, out, err = run("--db", db, "brief", str(story), "--max-words", shortest)
    assert code == 0 and out.strip() and not err
    assert "No brief yet" not in out and "No sentence fits" not in out

    code, out, err = run("brief", str(folder), "--max-words", "3", "--format", "markdown")
    assert code == 0 and "*No sentence fits in 3 words.*" in out and "No brief yet" not in out
    assert err.startswith("no sentence of the given articles fits in 3 words")


def test_a_file_overwritten_in_place_or_named_alike_elsewhere_holds_new_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles keyed by where they were read (a text file's path, a JSONL line without an id):
    a daily export overwritten in place, or a file of the same name in another folder read by
    relative path, was dropped as a duplicate, exit 0 and not a word on stderr."""
    records = [{k: v for k, v in r.items() if k != "id"} for r in wikinews_records(8)]
    for day, chunk, lead in (("day1", records[:3], records[6]), ("day2", records[3:6], records[7])):
        (tmp_path / day).mkdir()
        write_jsonl(tmp_path / day / "today.jsonl", chunk)
        (tmp_path / day / "lead.txt").write_text(f"{lead['title']}\n\n{lead['text']}\n")
    db = str(tmp_path / "n.db")

    monkeypatch.chdir(tmp_path / "day1")
    code, out, _ = run("--db", db, "ingest", "today.jsonl", "lead.txt")
    assert code == 0 and out.startswith("added 4, duplicates skipped 0")
    monkeypatch.chdir(tmp_path / "day2")  # same names, other articles
    code, out, _ = run("--db", db, "ingest", "today.jsonl", "lead.txt")
    assert code == 0 and out.startswith("added 4, duplicates skipped 0")

    export = tmp_path / "export.jsonl"  # overwritten in place, ingested by absolute path
    write_jsonl(export, records[:2])
    assert run("--db", db, "ingest", str(export))[1].startswith("added 0, duplicates skipped 2")
    write_jsonl(export, [records[2], {**records[0], "text": records[0]["text"] + " Updated."}])
    assert run("--db", db, "ingest", str(export))[1].startswith("added 1, duplicates skipped 1")

    # Identical content stays one article, however its file is named.
    code, out, _ = run("--db", db, "ingest", str(export), "today.jsonl", "lead.txt")
    assert code == 0 and out.startswith("added 0, duplicates skipped 6")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--db", db, "ingest", "day1/lead.txt", str(tmp_path / "day2" / "lead.txt"))
    assert code == 0 and out.startswith("added 0, duplicates skipped 2")


def test_a_jsonl_field_of_a_wrong_type_rejects_its_line_by_name_and_keeps_what_is_stored(
    tmp_path: Path,
) -> None:
    """A number as a title was dropped without a word; now `ingest` names the file, line and
    field on one line, ingests the rest, and the article stored from that record earlier is
    kept as it was."""
    first, second, third, fourth = wikinews_records(4)
    path = write_jsonl(tmp_path / "feed.jsonl", [first, second, third])
    db = str(tmp_path / "n.db")
    assert run("--db", db, "ingest", str(path))[0] == 0

    write_jsonl(
        path,
        [first, {**second, "title": 5}, third, {**fourth, "author": ["Ann Lee", "Bo Chen"]}],
    )
    code, out, err = run("--db", db, "ingest", str(path))
    assert code == 1
    assert out.startswith("added 1, duplicates skipped 2, reprints linked 0, rejected 1;")
    assert err.splitlines() == [
        f'rejected: {path} [line 2]: field "title" is a number, '
        "expected a string or a list of strings"
    ]
    with open_store(db) as store:
        assert store.article_count() == 4
        kept = store.article_by_key(second["id"])
        assert kept is not None and kept.article.title == second["title"]
        added = store.article_by_key(fourth["id"])
        assert added is not None and added.article.author == "Ann Lee, Bo Chen"


def test_stories_past_the_last_says_so_not_that_the_store_is_empty(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    open_store(db).close()  # an existing, empty store
    assert run("--db", db, "stories")[2].startswith("no stories yet")
    run("--db", db, "ingest", str(copy_topics(tmp_path, 8)))
    code, out, err = run("--db", db, "stories", "--offset", "500")
    assert code == 0 and out == "" and "no stories past the first 500" in err


def _extras() -> dict[str, list[str]]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        extras: dict[str, list[str]] = tomllib.load(file)["project"]["optional-dependencies"]
    return extras


@pytest.mark.parametrize("cwd_is_checkout", [True, False])
def test_backfill_without_the_distributed_extra_is_one_line_with_the_pip_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd_is_checkout: bool
) -> None:
    assert "distributed" in _extras()
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    monkeypatch.chdir(ROOT if cwd_is_checkout else tmp_path)
    db = tmp_path / "news.db"
    code, out, err = run("--db", str(db), "backfill", str(WIKINEWS))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("Error: backfill needs the 'distributed' extra")
    checkout = "." if cwd_is_checkout else str(ROOT)
    assert err.rstrip().endswith(f"install it with pip install -e '{checkout}[distributed]'")
    assert not db.exists()  # failed before creating a store


def test_a_postgres_store_without_the_driver_names_the_extra_and_the_pip_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "postgres" in _extras()
    monkeypatch.setitem(sys.modules, "newsdesk.store.postgres", None)  # its import now fails
    monkeypatch.chdir(ROOT)
    code, _, err = run("--db", "postgresql://localhost/none", "stories")
    assert code == 1 and len(err.splitlines()) == 1, err
    assert err.startswith("Error: PostgreSQL support needs the 'postgres' extra")
    assert err.rstrip().endswith("install it with pip install -e '.[postgres]'")


READ_ONLY_COMMANDS = [
    ["stories"],
    ["brief", "1"],
    ["export", "--format", "json"],
    ["quotes", "1"],
    ["claims", "1"],
    ["entity", "Chile"],
    ["refresh"],
    ["watchlist", "list"],
    ["watchlist", "matches"],
    ["watchlist", "remove", "Chile"],
    ["serve", "--port", "0"],
]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("prefix", ["", "sqlite:///"])
def test_a_command_that_only_reads_refuses_a_store_file_that_does_not_exist(
    tmp_path: Path, command: list[str], prefix: str
) -> None:
    db = tmp_path / "typo.db"
    code, out, err = run("--db", prefix + str(db), *command)
    assert code == 1 and out == ""
    assert err == (f"Error: no store at {db}: run `newsdesk ingest PATH` first, or check --db\n")
    assert not db.exists()


def test_commands_that_add_articles_or_terms_create_the_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code, _, err = run("--db", str(db), "watchlist", "add", "Chile")
    assert code == 0, err
    assert db.exists()
    other = tmp_path / "other.db"
    code, out, err = run("--db", str(other), "ingest", str(copy_topics(tmp_path, 8)))
    assert code == 0, err
    assert out.startswith("added ") and other.exists()
    code, out, _ = run("--db", str(other), "stories")
    assert code == 0 and out


def test_stories_says_how_many_more_there_are_and_aligns_undated_rows(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run("--db", db, "ingest", str(copy_topics(tmp_path, 2, 6, 8)))[0] == 0
    undated = {k: v for k, v in wikinews_records(1)[0].items() if k != "published"}
    assert run("--db", db, "ingest", str(write_jsonl(tmp_path / "u.jsonl", [undated])))[0] == 0
    with open_store(db) as store:
        total = store.story_count()
        assert total == len(store.stories(limit=1000)) >= 4

    code, out, err = run("--db", db, "stories", "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 2
    assert err == (
        f"{total - 2} more stories not listed: --offset 2 for the next page, "
        f"--limit {total} for all of them\n"
    )
    code, out, err = run("--db", db, "stories", "--offset", "1", "--limit", str(total - 2))
    assert code == 0 and err == (
        f"1 more story not listed: --offset {total - 1} for the next page, "
        f"--limit {total - 1} for all of them\n"
    )

    code, out, err = run("--db", db, "stories", "--limit", str(total))
    assert code == 0 and err == ""
    rows = out.splitlines()
    assert len(rows) == total and any("  undated  " in row for row in rows)
    # Every column starts where it does on a dated row: the headline at column 46.
    for row in rows:
        assert row[44:46] == "  " and row[46] != " ", row
        assert re.match(r"^ +\d+  (\d{4}-\d\d-\d\d|undated   )  ", row), row
