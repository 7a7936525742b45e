"""The unpacked archive opened from file:// (no web server): readable, navigable, searchable;
the checker says it needs a web server and links to the static decision table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..conftest import Archive
from .conftest import (
    ARTICLE_TITLE,
    ARTICLE_URL,
    Traffic,
    assert_hit_is_the_article,
    first_search_hit,
)


@pytest.fixture
def from_files(browser: Browser) -> Iterator[tuple[BrowserContext, Traffic]]:
    """A context that records every request: on file://, none may leave the disk."""
    context = browser.new_context()  # no loopback-only routing: these are file:// URLs
    traffic = Traffic("file://")
    context.on("request", lambda request: traffic.requests.append(request.url))

    def on_page(page: Page) -> None:
        page.on("pageerror", lambda e: traffic.errors.append(str(e)))

    context.on("page", on_page)
    yield context, traffic
    context.close()


def test_pages_open_and_links_to_folders_open_their_page(
    dist_archive: Archive, from_files: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = from_files
    site = dist_archive.unpacked / "site"
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.locator(f".md-content a[href$='{ARTICLE_URL}']").first.click()
    page.wait_for_url(f"**/{ARTICLE_URL}index.html")
    expect(page.locator("h1")).to_contain_text("connectors")
    page.locator("#NeedConnector1").wait_for(state="attached")
    assert traffic.outside() == []
    assert traffic.errors == []


def test_search_works_from_files(
    dist_archive: Archive, from_files: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = from_files
    page = context.new_page()
    page.goto((dist_archive.unpacked / "site" / "index.html").as_uri())
    result = first_search_hit(page, "hybrid")
    assert_hit_is_the_article(result)
    result.locator("a").first.click()
    page.wait_for_url(f"**/{ARTICLE_URL}index.html*")
    expect(page.locator("h1")).to_contain_text(ARTICLE_TITLE)
    assert traffic.outside() == []


def test_the_checker_says_it_needs_a_web_server_and_links_the_table(
    dist_archive: Archive, from_files: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = from_files
    page = context.new_page()
    page.goto((dist_archive.unpacked / "site" / "checker" / "index.html").as_uri())
    fallback = page.locator("[data-connector-checker] .cc-fallback")
    expect(fallback).to_contain_text("needs a web server")
    fallback.locator("a").click()
    page.wait_for_url("**/decision-table/index.html")
    # The article's 18 cases first, each opening the checker with its answers.
    cases = page.locator("article table").first.locator("a[title='Open in the checker']")
    expect(cases).to_have_count(18)
    assert traffic.outside() == []
