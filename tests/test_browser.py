"""The web UI in a real browser: Debian's chromium, driven by Playwright, against uvicorn.

Each test saves a screenshot of the page it checked under test-artifacts/.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright

from newsdesk.config import Settings
from newsdesk.pipeline import ingest
from newsdesk.store import open_store
from serve_helpers import (
    ARTIFACTS,
    HOSTILE_MARKUP,
    HOSTILE_TITLE,
    REPRINT_OUTLET,
    WIKINEWS,
    build_store,
    live_server,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, store path) of a live server over the real-article test store."""
    settings = build_store(tmp_path_factory.mktemp("browser"))
    with live_server(settings) as base:
        yield base, settings.db


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt the page opened (an executed script would)."""
    return []


@pytest.fixture
def page(browser: Browser, dialogs: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    yield opened
    context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_front_page_story_citation_and_article(site: tuple[str, str], page: Page) -> None:
    base, db = site
    with open_store(db) as store:
        reprint = store.article_by_key("reprint-daily-1")
        assert reprint is not None and reprint.story_id is not None
        story = store.story(reprint.story_id)
        brief = store.get_brief(reprint.story_id)
    assert story is not None and brief is not None

    page.goto(base + "/")
    cards = page.locator("li.story-card")
    assert cards.count() >= 4
    card = cards.filter(has_text=story.headline)
    assert f"{story.article_count} articles" in card.inner_text()
    assert REPRINT_OUTLET in card.locator(".outlets").inner_text()
    screenshot(page, "front-page")

    card.locator("h2 a").click()
    page.wait_for_url(re.compile(rf"/stories/{story.id}$"))
    assert page.locator("h1").inner_text() == story.headline
    sentences = page.locator("li.brief-sentence .text")
    assert sentences.all_inner_texts() == [s.text for s in brief.sentences]
    assert page.locator("svg.chart rect.bar").count() >= 1
    # The citation tooltip appears on hover and names the outlet and title.
    first = page.locator("li.brief-sentence").first
    first.locator("a.cite").hover()
    tip = first.locator(".tip")
    assert tip.is_visible()
    assert brief.sentences[0].citation.title in tip.inner_text()
    # Reprints are folded: hidden until the <details> is opened.
    copies = page.locator("details.copies")
    assert copies.count() >= 1
    reprint_link = copies.first.locator("li a")
    assert not reprint_link.first.is_visible()
    copies.first.locator("summary").click()
    assert REPRINT_OUTLET in reprint_link.first.inner_text()
    screenshot(page, "story-page")

    # Follow the first citation: to its footnote, then to the cited article.
    first.locator("a.cite").click()
    note = page.locator("ol.notes li:target")
    assert note.count() == 1
    note.locator("a.cited-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    assert page.locator("h1").inner_text() == brief.sentences[0].citation.title
    assert brief.sentences[0].text in page.locator(".article-text").inner_text()
    assert page.locator("a.story-link").get_attribute("href") == f"/stories/{story.id}"
    screenshot(page, "article-page")


def test_search_with_highlights_and_filters(site: tuple[str, str], page: Page) -> None:
    base, _ = site
    page.goto(base + "/")
    page.fill(".quicksearch input[name=q]", "tsunami aid")
    page.press(".quicksearch input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=tsunami"))
    hits = page.locator("li.hit")
    assert hits.count() >= 2
    marks = [m.lower() for m in page.locator("li.hit mark").all_inner_texts()]
    assert "tsunami" in marks and "aid" in marks
    page.fill(".search-form input[name=outlet]", REPRINT_OUTLET)
    page.click(".search-form button")
    page.wait_for_url(re.compile(r"outlet=Reprint"))
    outlets = page.locator("li.hit-article .meta").all_inner_texts()
    assert outlets and all(REPRINT_OUTLET in o for o in outlets)
    screenshot(page, "search-page")


def test_script_in_title_and_text_is_shown_as_text(
    site: tuple[str, str], page: Page, dialogs: list[str]
) -> None:
    base, db = site
    with open_store(db) as store:
        hostile = store.article_by_key("hostile-1")
    assert hostile is not None
    for path in (
        "/",
        f"/stories/{hostile.story_id}",
        f"/articles/{hostile.id}",
        "/search?q=harbour+stayed+shut",
    ):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
        assert dialogs == [], path
        assert page.locator("body script").count() == 0, path
        assert page.locator("main img").count() == 0, path
        if path != "/search?q=harbour+stayed+shut":
            assert HOSTILE_TITLE.split(">", 1)[0] + ">" in page.locator("main").inner_text(), path
    page.goto(f"{base}/articles/{hostile.id}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert HOSTILE_MARKUP in page.locator(".article-text").inner_text()
    page.get_by_text("bold", exact=False).first.hover()
    assert dialogs == []
    screenshot(page, "hostile-article")


def test_pages_render_under_the_content_security_policy(site: tuple[str, str], page: Page) -> None:
    """The CSP allows what the pages use: no console errors (a blocked script, style or image
    is reported there), and the stylesheet applies."""
    base, db = site
    with open_store(db) as store:
        hostile = store.article_by_key("hostile-1")
        assert hostile is not None and hostile.story_id is not None
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Chromium asks for /favicon.ico, which the site does not have.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            errors.append(message.text)

    page.on("console", on_console)
    for path in (
        "/",
        f"/stories/{hostile.story_id}",
        f"/stories/{hostile.story_id}/quotes",
        f"/articles/{hostile.id}",
        "/search?q=tsunami",
        "/entities/Chile",
        "/watchlist",
    ):
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("load")
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.masthead')).display") == "flex"
        ), path
    assert errors == []


LONG_WORD = "Llanfairpwllgwyngyll" * 12  # 240 letters, no break opportunity


def test_pages_fit_a_375px_phone_screen(
    site: tuple[str, str], browser: Browser, tmp_path: Path
) -> None:
    """No page is wider than a small phone: the masthead wraps, a long word breaks and the quote
    table scrolls inside its own box."""
    _, db = site
    settings = Settings(db=str(tmp_path / "phone.db"))
    shutil.copy(db, settings.db)
    text = (WIKINEWS / "M0090.english").read_text(encoding="utf-8").split("\n", 3)[3]
    record = {
        "id": "long-word-1",
        "url": f"https://long.example/{LONG_WORD}",
        "title": f"Closing ceremony {LONG_WORD} ends the Games",
        "text": text.replace("colourful", LONG_WORD),
        "outlet": f"{LONG_WORD}.example",
        "published": "2008-08-25T12:00:00+00:00",
    }
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(settings.db) as store:
        assert not ingest([str(source)], store, settings).rejected
        article = store.article_by_key("long-word-1")
        assert article is not None and article.story_id is not None
        quoted = next(
            s.id
            for s in store.stories(limit=100, offset=0)
            if (found := store.get_attribution(s.id)) is not None and found.quotes
        )
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    widths: dict[str, int] = {}
    try:
        with live_server(settings) as base:
            for name, path in (
                ("front", "/"),
                ("story", f"/stories/{article.story_id}"),
                ("article", f"/articles/{article.id}"),
                ("quotes", f"/stories/{quoted}/quotes"),
            ):
                page.goto(base + path)
                assert name == "quotes" or LONG_WORD in page.content(), path
                widths[path] = page.evaluate("document.documentElement.scrollWidth")
                screenshot(page, f"phone-{name}")
    finally:
        context.close()
    assert all(width <= 375 for width in widths.values()), widths
