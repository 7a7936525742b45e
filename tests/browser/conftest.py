"""Browser fixtures: the built site on a loopback HTTP server, Debian's Chromium via Playwright.

Chromium is never downloaded: Playwright drives /usr/bin/chromium (`make test` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

from site_hosting.local_chromium import CHROMIUM, CHROMIUM_ARGS
from site_hosting.local_http import serve_directory

from ..conftest import SEED_ARTICLE, Build

ARTICLE_URL = SEED_ARTICLE.removesuffix(".md") + "/"
ARTICLE_TITLE = "Configure mail flow using connectors in Office 365"




@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    with serve_directory(built_site.site, built_site.port) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def first_search_hit(page: Page, query: str) -> Locator:
    """Type `query` into Material's search (opened with "/") and wait for the first hit."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    hit = page.locator(".md-search-result__item").first
    hit.wait_for(timeout=15000)
    return hit


def assert_hit_is_the_article(hit: Locator) -> None:
    """The search hit is the seed article itself: its page, under its title (other pages,
    the decision table for one, also say "connectors")."""
    href = str(hit.locator("a").first.evaluate("a => a.href"))
    path = urlsplit(href).path.removesuffix("index.html")
    assert path.endswith("/" + ARTICLE_URL), href
    assert hit.locator("h1").first.inner_text().strip() == ARTICLE_TITLE


def page_urls(build: Build) -> list[str]:
    """Site-relative URL of every built page ("/" for the home page)."""
    pages = sorted(build.site.rglob("index.html"))
    return [p.parent.relative_to(build.site).as_posix().removeprefix(".") + "/" for p in pages]


@dataclass
class Traffic:
    """Every request a page made, and every console error or uncaught exception."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith((self.origin, "data:", "blob:", "about:"))
        ]


@pytest.fixture
def watched(browser: Browser, site_url: str) -> Iterator[tuple[BrowserContext, Traffic]]:
    """A fresh browser context whose requests beyond loopback are recorded and refused."""
    context = browser.new_context()
    traffic = Traffic(site_url.rstrip("/"))

    def on_request(route, request) -> None:  # type: ignore[no-untyped-def]
        traffic.requests.append(request.url)
        if request.url.startswith(traffic.origin) or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", on_request)

    def on_page(page: Page) -> None:
        page.on("console", lambda m: m.type == "error" and traffic.errors.append(m.text))
        page.on("pageerror", lambda e: traffic.errors.append(str(e)))

    context.on("page", on_page)
    yield context, traffic
    context.close()
