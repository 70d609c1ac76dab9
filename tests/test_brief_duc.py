"""The DUC-2004 way of running newsdesk: a folder of TREC SGML files without extensions.

The fixture is real article text (the bundled WikiNews topic M008) reformatted as DUC ships it:
one ``<DOC>`` per file named like ``APW20050107.0003``, a wire dateline opening the first
paragraph, ``<P>`` paragraphs or (AP) indented hard-wrapped lines, and a DUC-style evaluation
layout (``docs/<cluster>/`` and ``models/<CLUSTER>.M.100.T.<A-D>``).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "examples" / "wikinews"
OUTLETS = ["APW", "NYT", "XIE"]


def _articles(topic: str) -> list[tuple[str, str, list[str]]]:
    """(headline, date line, paragraphs) of each article of a bundled WikiNews topic."""
    articles = []
    for path in sorted(WIKINEWS.glob(f"{topic}?.english")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        articles.append((lines[0], lines[1], lines[2:]))
    return articles


def write_sgml_cluster(folder: Path, topic: str = "M008") -> list[str]:
    """One DUC-style file per article; returns the article texts as the files hold them."""
    folder.mkdir(parents=True)
    texts = []
    for i, (headline, _, paragraphs) in enumerate(_articles(topic)):
        outlet = OUTLETS[i % len(OUTLETS)]
        docno = f"{outlet}20050107.{i + 1:04d}"
        first = f"RIO DE JANEIRO ({'AP' if outlet == 'APW' else outlet}) _ {paragraphs[0]}"
        paras = [html.escape(p, quote=False) for p in [first, *paragraphs[1:]]]
        if outlet == "APW":  # AP as DUC 2004 ships it: no <P>, indented hard-wrapped paragraphs
            body = "\n".join(textwrap.fill(p, 70, initial_indent="   ") for p in paras)
        else:
            body = "\n".join(f"<P>\n{p}\n</P>" for p in paras)
        (folder / docno).write_text(
            f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n"
            f"<DATE_TIME> 2005-01-07 {10 + i}:00 </DATE_TIME>\n<BODY>\n"
            f"<HEADLINE>\n{html.escape(headline, quote=False)}\n</HEADLINE>\n"
            f"<TEXT>\n{body}\n</TEXT>\n</BODY>\n</DOC>\n",
            encoding="utf-8",
        )
        texts.append("\n".join([first, *paragraphs[1:]]))
    return texts


def test_brief_plain_on_sgml_folder_end_to_end(tmp_path: Path) -> None:
    texts = write_sgml_cluster(tmp_path / "d30001t")
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "brief", str(tmp_path / "d30001t"),
         "--max-words", "100", "--format", "plain"],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2
    assert all(line.strip() == line and line for line in lines)  # nothing but sentences
    assert sum(len(line.split()) for line in lines) <= 100
    assert sum(len(line.split()) for line in lines) >= 70  # the budget is used
    for line in lines:
        assert any(line in text for text in texts), line
        assert "(AP) _" not in line and not line.startswith("RIO DE")  # dateline stripped
        assert not re.search(r"</?[A-Z]+>", line)  # no SGML markup


def test_eval_summarize_reads_a_duc_layout(tmp_path: Path) -> None:
    write_sgml_cluster(tmp_path / "docs" / "d30001t")
    models = tmp_path / "models"
    models.mkdir()
    # Stand-in human summaries: each article's lead paragraph (real text, about 100 words).
    for letter, (_, _, paragraphs) in zip("ABCD", _articles("M008"), strict=False):
        (models / f"D30001.M.100.T.{letter}").write_text(paragraphs[0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "summarize", str(tmp_path), "--no-baselines"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "(duc, 1 topics)" in result.stdout and "-l 100 -m" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("newsdesk"))
    r1_recall, _, r2_recall = (float(v) for v in row.split()[2:5])
    # The lead paragraphs share much of their wording with the articles' leads the brief favours.
    assert r1_recall > 0.3 and r2_recall > 0.1


def test_eval_summarize_method_is_one_of_the_brief_methods_with_the_real_default(
    tmp_path: Path,
) -> None:
    from newsdesk.brief import DEFAULT_METHOD, METHODS

    help_text = CliRunner().invoke(cli, ["eval", "summarize", "--help"]).stdout
    assert f"[default: {DEFAULT_METHOD}]" in help_text and "[default: default]" not in help_text
    assert "|".join(METHODS) in help_text

    write_sgml_cluster(tmp_path / "docs" / "d30001t")
    models = tmp_path / "models"
    models.mkdir()
    for letter, (_, _, paragraphs) in zip("AB", _articles("M008"), strict=False):
        (models / f"D30001.M.100.T.{letter}").write_text(paragraphs[0] + "\n", encoding="utf-8")
    bogus = CliRunner().invoke(cli, ["eval", "summarize", str(tmp_path), "--method", "bogus"])
    assert bogus.exit_code == 2  # a usage error, not a traceback (exit 1)
    assert "Invalid value for '--method': 'bogus' is not one of 'coverage'" in bogus.stderr
    for options, row in [
        ([], f"newsdesk ({DEFAULT_METHOD})"),
        (["--method", "lead"], "newsdesk (lead)"),
    ]:
        result = CliRunner().invoke(
            cli,
            ["eval", "summarize", str(tmp_path), "--no-baselines", *options],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        assert any(line.startswith(row) for line in result.stdout.splitlines()), result.stdout


def test_eval_scores_what_newsdesk_brief_prints_with_wire_revisions(tmp_path: Path) -> None:
    """DUC clusters hold several revisions of one wire story; `newsdesk brief DIR` folds them into
    one source, and the evaluation must score exactly that brief, not one over every copy."""
    from newsdesk.brief import summarize
    from newsdesk.evaluation.summarize import newsdesk_system, read_articles

    cluster = tmp_path / "d30002t"
    write_sgml_cluster(cluster, "M003")
    for original in sorted(cluster.iterdir())[:3]:  # each revision: the story, one word changed
        text = original.read_text(encoding="utf-8")
        revision = text.replace(".0", ".1", 1).replace(" the ", " a ", 1)
        (cluster / original.name.replace(".0", ".1", 1)).write_text(revision, encoding="utf-8")
    paths = sorted(cluster.iterdir())
    printed = CliRunner().invoke(
        cli, ["brief", str(cluster), "--max-words", "100", "--format", "plain"]
    )
    assert printed.exit_code == 0, printed.output
    articles = read_articles(paths)
    assert len(articles) == 13
    evaluated = newsdesk_system()(articles, 100)
    assert evaluated == printed.stdout.splitlines()
    # Briefing every copy (what the evaluation did before) weighs the revised stories thrice.
    every_copy = [s.text for s in summarize(articles, 100).sentences]
    assert every_copy != evaluated
