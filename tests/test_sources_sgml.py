from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.models import Article, Rejection
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs

DATA = Path(__file__).parent / "data" / "sources"
DUC = DATA / "duc" / "d30001t"


def _read(*paths: Path | str, settings: Settings | None = None) -> list[Article | Rejection]:
    return list(read_sources([str(p) for p in paths], settings or Settings()))


def test_duc_folder_without_extensions_yields_articles_and_rejections() -> None:
    records = _read(DUC.parent)
    articles = {r.key: r for r in records if isinstance(r, Article)}
    assert sorted(articles) == ["APW19981016.0240", "NYT19981016.0112", "XIE19981017.0021"]
    apw = articles["APW19981016.0240"]
    assert apw.outlet == "Associated Press"
    assert apw.title == "Harbor bridge reopens after storm repairs"
    assert apw.published == datetime(1998, 10, 16, 9, 24, tzinfo=UTC)
    # One indented line per paragraph; unescaped '&' survives.
    assert len(split_paragraphs(apw.text)) == 4
    assert "federal & state emergency funds" in apw.text
    assert "<TRAILER>" not in apw.text and "AP-NY" not in apw.text
    assert apw.provenance.record == "APW19981016.0240"


def test_paragraph_tags_and_docno_date() -> None:
    nyt = next(r for r in _read(DUC / "NYT19981016.0112") if isinstance(r, Article))
    assert nyt.outlet == "New York Times"
    assert nyt.published == datetime(1998, 10, 16, tzinfo=UTC)  # from the DOCNO
    paragraphs = split_paragraphs(nyt.text)
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The first car to cross the repaired Harbor Street bridge")
    assert "\n" not in paragraphs[0]  # hard-wrapped lines joined


def test_broken_records_are_rejected_by_docno_and_the_rest_survive() -> None:
    records = _read(DUC / "NYT19981016.0112", DUC / "XIE19981017.0021")
    rejections = [str(r) for r in records if isinstance(r, Rejection)]
    assert any("NYT19981016.0113" in r and "too short" in r for r in rejections)
    assert any("XIE19981017.0021 [DOC 2]" in r and "without <DOCNO>" in r for r in rejections)
    xie = next(r for r in records if isinstance(r, Article) and r.key.startswith("XIE"))
    # Unclosed <HEADLINE> and missing </TEXT> are tolerated.
    assert xie.title == "U.S. coastal town reopens storm-damaged bridge"
    assert xie.outlet == "Xinhua"
    assert xie.text.endswith("according to the reports.")


def test_gigaword_style_doc_id_and_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "afp_eng_200501"
    path.write_text(
        '<DOC id="AFP_ENG_20050101.0001" type="story" >\n<HEADLINE>\nQuake shakes island\n'
        "</HEADLINE>\n<DATELINE>\nJAKARTA, Jan 1\n</DATELINE>\n<TEXT>\n<P>\nA strong earthquake "
        "shook the island on Saturday, officials said, but no damage was reported.\n</P>\n"
        '</TEXT>\n</DOC>\n<DOC id="AFP_ENG_20050101.0002" type="story" >\n<HEADLINE>\nCut',
        encoding="utf-8",
    )
    records = _read(path)
    article = records[0]
    assert isinstance(article, Article)
    assert (article.key, article.outlet) == ("AFP_ENG_20050101.0001", "Agence France-Presse")
    assert article.published == datetime(2005, 1, 1, tzinfo=UTC)
    assert isinstance(records[1], Rejection)
    assert "AFP_ENG_20050101.0002" in str(records[1]) and "<TEXT>" in str(records[1])


def test_ldc_entity_codes_do_not_reach_the_text(tmp_path: Path) -> None:
    """TDT / AQUAINT New York Times wire keeps LDC's typesetting codes inside <TEXT>."""
    path = tmp_path / "NYT19981017.0070"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19981017.0070 </DOCNO>\n<HEADER>\nA7893 &Cx1f; taf-z\n"
        "u i &Cx13;  &Cx11;  BC-BRIDGE-NYT &QL;\n</HEADER>\n<BODY>\n"
        "<HEADLINE> Port Ellis &AMP; its bridge </HEADLINE>\n<TEXT>\n<P>\n"
        "&UR; By ANNA PERRY &LR; &QC; c.1998 N.Y. Times News Service &QC;\n</P>\n<P>\n"
        "PORT ELLIS, Maine _ The bridge reopened on Friday &MD; three weeks late &MD; and AT&T;\n"
        "crews restored the lines along Water Street.&HT;\n</P>\n</TEXT>\n</BODY>\n</DOC>\n",
        encoding="utf-8",
    )
    article = next(r for r in _read(path) if isinstance(r, Article))
    assert article.title == "Port Ellis & its bridge"
    assert not any(code in article.text for code in ("&UR;", "&LR;", "&QC;", "&MD;", "&HT;"))
    byline, lead = split_paragraphs(article.text)
    assert byline == "By ANNA PERRY c.1998 N.Y. Times News Service"
    assert lead == (
        "PORT ELLIS, Maine _ The bridge reopened on Friday \u2014 three weeks late \u2014 and "
        "AT&T; crews restored the lines along Water Street."
    )


def test_the_wires_notes_to_editors_are_not_article_text(tmp_path: Path) -> None:
    """TDT New York Times news service text, as DUC 2004 ships it: hard-wrapped, indented
    paragraphs, with the wire's notes to its editors as paragraphs of their own."""
    path = tmp_path / "NYT19981004.0101"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19981004.0101 </DOCNO>\n<BODY>\n<HEADLINE> BRAZIL VOTES </HEADLINE>\n"
        "<TEXT>\n   RIO DE JANEIRO, Brazil _ Brazilians voted Sunday in an election that\n"
        "President Fernando Henrique Cardoso was expected to win easily.\n"
        "   (BEGIN OPTIONAL TRIM)\n"
        "   Cardoso, 67, led his closest rival by more than 20 percentage points in the polls.\n"
        "   (END OPTIONAL TRIM)\n   (STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)\n"
        "   Turnout was heavy in Sao Paulo (the largest city), election officials said.\n"
        "</TEXT>\n</BODY>\n</DOC>\n",
        encoding="utf-8",
    )
    article = next(r for r in _read(path) if isinstance(r, Article))
    assert split_paragraphs(article.text) == [
        "RIO DE JANEIRO, Brazil _ Brazilians voted Sunday in an election that President Fernando"
        " Henrique Cardoso was expected to win easily.",
        "Cardoso, 67, led his closest rival by more than 20 percentage points in the polls.",
        "Turnout was heavy in Sao Paulo (the largest city), election officials said.",
    ]


def _gigaword_month(count: int, words: int = 420, oversized: int | None = None) -> str:
    """A Gigaword-style monthly file: ``count`` stories; story ``oversized`` ~11 MB long."""
    records = []
    for n in range(1, count + 1):
        body = " ".join(f"word{n}x{i}" for i in range(words)) + "."
        if n == oversized:
            body = "Padding text. " * 800_000
        records.append(
            f'<DOC id="APW_ENG_20050102.{n:04d}" type="story" >\n<HEADLINE>\nStory {n} '
            f"résumé\n</HEADLINE>\n<TEXT>\n<P>\nReport {n} said: {body}\n</P>\n</TEXT>\n</DOC>\n"
        )
    return "".join(records)


def test_a_gigaword_size_file_is_streamed_and_read_whole(tmp_path: Path) -> None:
    """Files over fetch_max_bytes (10 MB) were rejected whole: 'cannot read SGML file'."""
    path = tmp_path / "apw_eng_200501.gz"
    text = _gigaword_month(4_000)
    assert len(text.encode()) > 12_000_000
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)
    records = _read(path)
    assert all(isinstance(r, Article) for r in records), [str(r) for r in records[:3]]
    assert [r.key for r in records] == [f"APW_ENG_20050102.{n:04d}" for n in range(1, 4_001)]
    last = records[-1]
    assert isinstance(last, Article) and last.title == "Story 4000 résumé"
    assert last.text.endswith("word4000x419.")


def test_only_the_record_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "apw_eng_200502"
    path.write_bytes(_gigaword_month(5, words=60, oversized=3).encode("utf-8"))
    records = _read(path)
    rejected = [str(r) for r in records if isinstance(r, Rejection)]
    assert rejected == [
        f"{path} [APW_ENG_20050102.0003]: <DOC> larger than the 10,000,000-character limit "
        "(fetch_max_bytes)"
    ]
    assert [r.key for r in records if isinstance(r, Article)] == [
        f"APW_ENG_20050102.000{n}" for n in (1, 2, 4, 5)
    ]


def test_ingest_of_an_sgml_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "apw_eng_200503"
    path.write_text(_gigaword_month(40, words=80), encoding="latin-1")
    config = tmp_path / "newsdesk.toml"
    config.write_text("fetch_max_bytes = 20000\nattribution_ner = false\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--config", str(config), "--db", str(tmp_path / "n.db"), "ingest", str(path)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("added 40,"), result.stdout
    assert "cannot read" not in result.stderr
