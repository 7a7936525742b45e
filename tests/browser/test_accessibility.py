"""Accessibility in both palettes: axe-core on the reading pages, underlined links in
running text, external links read out as such, and the checker found by its topics.

The checker page (/checker/) is not checked here: it is being rewritten and has its own
axe test in test_checker.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import ROOT
from .conftest import ARTICLE_URL, first_search_hit

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Material's palettes: "default" is the light one, "slate" the dark one. The site picks
# one from the reader's system preference (mkdocs.yml: media queries) until they toggle.
PALETTES = {"default": "light", "slate": "dark"}
PAGES = ["", ARTICLE_URL, "decision-table/", "build-report/"]


@pytest.fixture(params=list(PALETTES))
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page in a browser context whose system preference selects one palette."""
    context = browser.new_context(color_scheme=PALETTES[request.param])  # type: ignore[arg-type]
    page = context.new_page()
    page.palette = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == page.palette, (url, scheme)  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", PAGES)
def test_axe_finds_no_serious_violation(palette_page: Page, site_url: str, where: str) -> None:
    _open(palette_page, site_url + where)
    palette_page.add_script_tag(path=str(AXE))
    # The inline checker on the article is being rewritten (its own axe test covers it).
    violations = palette_page.evaluate(
        "async () => (await axe.run({exclude: [['[data-connector-checker]']]})).violations"
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


def test_links_in_running_text_are_underlined(palette_page: Page, site_url: str) -> None:
    _open(palette_page, site_url + ARTICLE_URL)
    lines = palette_page.locator("article p a:not(.headerlink)").evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert len(lines) > 5
    assert set(lines) == {"underline"}


def test_external_links_carry_an_arrow_read_out_as_external(
    palette_page: Page, site_url: str
) -> None:
    _open(palette_page, site_url + ARTICLE_URL)
    arrow = palette_page.locator("article a.docfx-external").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert arrow.startswith('"↗"')
    external = palette_page.get_by_role("link", name=re.compile(r"\(external site\)$"))
    assert external.count() == palette_page.locator("article a.docfx-external").count()
    internal = palette_page.get_by_role("link", name="Home", exact=True)
    assert internal.count() >= 1


@pytest.mark.parametrize("topic", ["printer", "hybrid", "partner", "relay"])
def test_search_finds_the_checker_by_its_topics(
    palette_page: Page, site_url: str, topic: str
) -> None:
    _open(palette_page, site_url)
    first_search_hit(palette_page, topic)
    pages = palette_page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = pages.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(urlsplit(h).path.endswith("/checker/") for h in hrefs), hrefs
