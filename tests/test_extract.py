from __future__ import annotations

import gzip
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.config import Settings
from newsdesk.extract import (
    decode_bytes,
    extract_html,
    guess_language,
    parse_date,
    settle_day_and_month,
)
from newsdesk.models import Article
from newsdesk.sources import read_sources
from newsdesk.text import split_paragraphs, words

BENCHMARK = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
)


def _f1(predicted: str, truth: str) -> float:
    p, t = Counter(words(predicted)), Counter(words(truth))
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def test_extraction_overlaps_ground_truth_on_real_pages() -> None:
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text())
    ids = sorted(truth)[:12]
    scores = []
    for page_id in ids:
        html = gzip.decompress((BENCHMARK / "html" / f"{page_id}.html.gz").read_bytes())
        page = extract_html(html, truth[page_id]["url"])
        scores.append(_f1(page.text, truth[page_id]["articleBody"]))
    scores.sort()
    assert scores[len(scores) // 2] > 0.85  # median page
    assert sum(s > 0.5 for s in scores) >= 10


@pytest.mark.parametrize(
    ("page_id", "opening"),
    [
        # The Space Review lays its article out in tables: the precise pass finds nothing.
        (
            "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
            "Earlier this month, NASA announced the newest milestone",
        ),
        # Barron's: the precise pass keeps 24 words of a teaser.
        ("f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584", None),
    ],
)
def test_a_page_the_precise_pass_misses_is_read_whole(page_id: str, opening: str | None) -> None:
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text())[page_id]
    html = gzip.decompress((BENCHMARK / "html" / f"{page_id}.html.gz").read_bytes())
    page = extract_html(html, truth["url"])
    assert _f1(page.text, truth["articleBody"]) > 0.8
    assert opening is None or opening in page.text


def test_paragraphs_are_blank_line_separated() -> None:
    html = (
        "<html><body><article>"
        + "".join(
            f"<p>Paragraph {i} says something long enough to be kept by the extractor here.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    )
    page = extract_html(html, "https://news.example.com/a")
    assert len(split_paragraphs(page.text)) == 6
    assert page.outlet == "news.example.com"


def test_the_outlet_comes_from_what_the_page_head_declares() -> None:
    # A real BGR page read from a file (no URL given): trafilatura finds neither its site name
    # nor its address, and the outlet was the page's folder name, "html".
    page_id = "e7d77f1869803e24667fa0b985cff27fb4139951a5ffa494bc9ba810df48fb30"
    page = extract_html(gzip.decompress((BENCHMARK / "html" / f"{page_id}.html.gz").read_bytes()))
    assert page.outlet == "BGR"
    assert (
        page.url == "https://bgr.com/2019/11/19/apple-black-friday-2019-deals-best-available-now/"
    )
    body = "<p>" + "The council met on Tuesday and voted to repair the bridge this year. " * 6
    named = extract_html(
        "<html><head><meta content='https://www.hawaiinewsnow.com' property='og:site_name'>"
        '<link href="javascript:alert(1)" rel="canonical"></head><body><article>'
        f"{body}</p></article></body></html>"
    )
    assert (named.outlet, named.url) == ("hawaiinewsnow.com", None)


def test_empty_and_hostile_html() -> None:
    assert extract_html(b"", None).text == ""
    nested = "<div>" * 20_000 + "deep text" + "</div>" * 20_000
    assert extract_html(nested, None).text in ("", "deep text")


def test_decode_bytes() -> None:
    text = "Zürich café — “quoted”"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_bytes(text.encode("cp1252")) == text
    assert decode_bytes(text.encode("utf-16")) == text
    latin = '<meta charset="iso-8859-1"><p>caf\xe9</p>'.encode("latin-1")
    assert "café" in decode_bytes(latin)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # date_publish strings of ECB+ (news-please records of tokenised text), as given.
        ("December 15th, 2008, 7 : 35 am", "2008-12-15"),
        ("12 / 16 / 08 1 : 30 AM EST", "2008-12-16"),
        ("2013 - 09 - 26 Parliament has 125 seats.", "2013-09-26"),
        ("POSTED : 05 / 02 / 07, 9 : 00 PM PDT |", "2007-05-02"),
        ("Published on 18th September 2013", "2013-09-18"),
        ("Last updated 13 : 26 14 / 09 / 2013", "2013-09-14"),
        ("Updated 4 / 9 / 2007 6 : 04 PM", "2007-04-09"),
        # A field running on into the story: the first date is the publication date, and a
        # two-digit year is never put in the future.
        (
            "Chiefs lose 20 - 13 to Colts December 23, 2012 The 1961 Dallas Texans rushed for 398"
            " yards against Houston (10 / 1 / 61)",
            "2012-12-23",
        ),
        ("(10 / 1 / 61)", "1961-10-01"),
    ],
)
def test_free_text_dates_of_web_pages(text: str, day: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.date().isoformat() == day


def test_text_without_a_full_date_is_not_a_date() -> None:
    assert parse_date("Dec. 24 4 : 33 AM EST") is None  # no year
    assert parse_date("They won 3 - 2 at home.") is None


def test_parse_date_and_language() -> None:
    assert parse_date("Wed, 03 Nov 2021 07:45:00 GMT").isoformat() == "2021-11-03T07:45:00+00:00"  # type: ignore[union-attr]
    assert parse_date("2023-05-02T18:30:00-04:00").isoformat() == "2023-05-02T22:30:00+00:00"  # type: ignore[union-attr]
    assert parse_date("Saturday, January 8, 2005").isoformat() == "2005-01-08T00:00:00+00:00"  # type: ignore[union-attr]
    assert parse_date("not a date") is None
    assert (
        guess_language("The mayor said that the bridge would open on Friday for the town.") == "en"
    )
    assert (
        guess_language("Der Bürgermeister sagte, dass die Brücke am Freitag für die Stadt öffnet.")
        == "de"
    )


def test_twelve_hour_times_and_two_digit_years() -> None:
    assert str(parse_date("12 / 16 / 08 1 : 30 PM")) == "2008-12-16 13:30:00+00:00"
    assert str(parse_date("1/1/2020 12:05 AM")) == "2020-01-01 00:05:00+00:00"
    assert str(parse_date("POSTED : 05 / 02 / 07, 9 : 00 PM PDT |")) == "2007-05-02 21:00:00+00:00"
    assert str(parse_date("10/16/1998 09:24:00")) == "1998-10-16 09:24:00+00:00"
    later = parse_date(f"1/1/{(datetime.now(UTC).year + 1) % 100:02d}")
    assert later is not None and later.year <= datetime.now(UTC).year  # never a later year


def _page(charset: str, title: str) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(
        f"<p>The council met on Tuesday to discuss the harbour plans. Paragraph {n} of {title}</p>"
        for n in range(12)
    )
    return f"<html><head>{meta}<title>{title}</title></head><body><article>{body}</article>"


@pytest.mark.parametrize(
    ("charset", "encoding", "body"),
    [
        ("", "latin-1", "Café naïve."),  # undeclared: detection said cp775 ("Cafķ")
        ("", "cp1252", "Café naïve."),
        ("", "cp1252", "Café José’s “menu” opened."),
        ("iso-8859-1", "utf-8", "Café José’s “menu” opened."),  # stale declaration: "CafÃ©"
        ("iso-8859-1", "latin-1", "Café José opened."),
        ("windows-1251", "cp1251", "Дом у моря."),  # a declared charset still wins over cp1252
        # Undeclared other scripts keep charset detection: cp1252 would garble them.
        ("", "cp1251", "Президент заявил, что переговоры будут продолжены в Москве."),
        ("", "shift_jis", "東京で地震が発生しました。被害の情報はまだありません。"),
    ],
)
def test_html_files_decode_by_content_then_declaration_then_cp1252(
    tmp_path: Path, charset: str, encoding: str, body: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_page(charset, body).encode(encoding))
    (article,) = read_sources([str(path)], Settings())
    assert isinstance(article, Article)
    assert article.title == body
    assert article.text.endswith(f"Paragraph 11 of {body}"), article.text[-60:]


def test_a_numeric_date_follows_the_month_in_the_address() -> None:
    """ECB+ 22_14ecbplus: "11 / 09 / 2010" under ".../2010/09/kraft-shooting..." is 11 September
    (US order made it 9 November, two months after the shooting)."""
    ecbplus = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "docs"
    path = ecbplus / "22ecbplus" / "22_14ecbplus.json"
    [article] = [a for a in read_sources([str(path)], Settings()) if isinstance(a, Article)]
    assert article.published == datetime(2010, 9, 11, tzinfo=UTC)
    url = "https://example.org/2010/09/kraft-shooting.html"
    november = datetime(2010, 11, 9, tzinfo=UTC)
    assert settle_day_and_month(november, url) == datetime(2010, 9, 11, tzinfo=UTC)
    # Only a swap the address confirms: not another month, year or an impossible day.
    assert settle_day_and_month(november, "https://example.org/2010/08/x.html") == november
    assert settle_day_and_month(november, "https://example.org/2011/09/x.html") == november
    assert settle_day_and_month(november, "https://example.org/kraft.html") == november
    late = datetime(2010, 11, 29, tzinfo=UTC)
    assert settle_day_and_month(late, "https://example.org/2010/09/x.html") == late
