"""Every built page in a real browser: nothing leaves loopback, nothing errors."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from ..conftest import Build
from .conftest import ARTICLE_URL, Traffic, first_search_hit, page_urls


def test_every_page_loads_offline_without_errors(
    built_site: Build, site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    urls = page_urls(built_site)
    assert ARTICLE_URL in urls and "/" in urls
    page = context.new_page()
    for url in urls:
        response = page.goto(site_url + url.lstrip("/"), wait_until="networkidle")
        assert response is not None and response.ok, url
        assert page.locator("article h1").count() == 1, url
    assert traffic.outside() == []
    assert traffic.errors == []
    assert len(traffic.requests) > len(urls)


def test_legacy_anchor_lands_on_its_section(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(site_url + ARTICLE_URL + "#NeedConnector1", wait_until="networkidle")
    heading = page.locator("h2", has_text="When do I need a connector?")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200
    assert traffic.errors == []


def test_search_finds_the_article_offline(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    result = first_search_hit(page, "hybrid")
    assert "connectors" in result.inner_text().lower()
    assert traffic.outside() == []


def test_instant_navigation_keeps_the_page_alive(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a", has_text="Configure mail flow using connectors").first.click()
    page.wait_for_url("**/" + ARTICLE_URL)
    page.locator("article h1").wait_for()
    assert page.evaluate("window.__sameDocument === true")
    assert traffic.errors == []
