"""A site with a pruned navigation (what a docset-sized site gets, see site_structure) keeps
instant navigation, search and the checker's one Pyodide boot.

The project is built with `prune_navigation_from: 1` and two extra articles in a folder of
their own (a section of the navigation): on the seed article that section is pruned to one
link, which instant navigation follows; the sidebar then shows the section expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from ..conftest import copy_project, free_loopback_port, run_mkdocs_build
from .conftest import ARTICLE_URL, Traffic, serve_directory
from .test_checker import SHARED_ANSWERS, verdict_of

EXTRA_ARTICLES = {
    "more-articles/first-extra.md": "---\ntitle: First extra article\n---\n\n# First extra "
                                    "article\n\nAbout relay hosts.\n",
    "more-articles/second-extra.md": "---\ntitle: Second extra article\n---\n\n# Second "
                                     "extra article\n\nAbout smart hosts.\n",
}


@pytest.fixture(scope="module")
def pruned_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("pruned-project"))
    for path, text in EXTRA_ARTICLES.items():
        (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / path).write_text(text, encoding="utf-8")
    port = free_loopback_port()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: http://127.0.0.1:8000/", f"site_url: http://127.0.0.1:{port}/")
    # Whatever options site-structure already has, prune from the first page.
    text, found = re.subn(r"^  - site-structure:?\n",
                          "  - site-structure:\n      prune_navigation_from: 1\n", text,
                          count=1, flags=re.M)
    assert found == 1, "mkdocs.yml has no site-structure plugin entry"
    config.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("pruned-site")
    result = run_mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "navigation.prune is on" in result.stdout + result.stderr
    with serve_directory(Path(site), port) as url:
        yield url


def test_pruned_navigation_keeps_instant_navigation_search_and_one_boot(
    browser: Browser, pruned_site_url: str
) -> None:
    context: BrowserContext = browser.new_context()
    traffic = Traffic(pruned_site_url.rstrip("/"))
    context.on("request", lambda request: traffic.requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and traffic.errors.append(m.text))
    page.on("pageerror", lambda e: traffic.errors.append(str(e)))

    page.goto(f"{pruned_site_url}{ARTICLE_URL}?{urlencode(SHARED_ANSWERS[0])}")
    assert verdict_of(page) == "required"
    page.evaluate("window.__sameDocument = true")
    sidebar = page.locator(".md-sidebar--primary")
    pruned = sidebar.locator(".md-nav__item--pruned a")
    assert pruned.count() == 1  # the extra section: one link, its pages not in this page
    assert sidebar.locator("a[href*='second-extra']").count() == 0

    pruned.click()  # instant navigation to the section's first page
    page.wait_for_url("**/more-articles/first-extra/")
    page.locator("article h1", has_text="First extra article").wait_for()
    assert sidebar.locator("a[href*='second-extra']").count() == 1  # now expanded
    assert page.evaluate("window.__sameDocument === true")

    page.locator(".md-search__input").click()
    page.keyboard.type("smart hosts")
    # search reads its own index of every page, not the (pruned) navigation
    expect(page.locator(".md-search-result")).to_contain_text(
        "Second extra article", timeout=15000)
    page.keyboard.press("Escape")

    page.go_back()
    page.wait_for_url(f"**/{ARTICLE_URL}*")
    page.locator("[data-connector-checker] .cc-form").wait_for()
    assert page.evaluate("window.__sameDocument === true")
    assert page.evaluate("window.__connectorChecker.boots") == 1
    assert len([url for url in traffic.requests if url.endswith(".wasm")]) == 1
    assert traffic.errors == []
    context.close()
