"""Accessibility in both palettes: axe-core on the reading pages, underlined links in
running text, external links read out as such, and the checker found by its topics.

The checker page (/checker/) is not checked here: it is being rewritten and has its own
axe test in test_checker.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class PalettePage:
    page: Page
    scheme: str  # the Material palette the reader's preference selects

    def open(self, url: str) -> Page:
        """Go to `url` and check that it shows this palette."""
        self.page.goto(url, wait_until="networkidle")
        shown = self.page.locator("body").get_attribute("data-md-color-scheme")
        assert shown == self.scheme, (url, shown)
        return self.page


@pytest.fixture(params=list(PALETTES))
def palette(request: pytest.FixtureRequest, browser: Browser) -> Iterator[PalettePage]:
    """A page in a browser context whose system preference selects one palette."""
    scheme = request.param
    context = browser.new_context(color_scheme=PALETTES[scheme])  # type: ignore[arg-type]
    yield PalettePage(context.new_page(), scheme)
    context.close()


@pytest.mark.parametrize("where", PAGES)
def test_axe_finds_no_serious_violation(palette: PalettePage, site_url: str, where: str) -> None:
    page = palette.open(site_url + where)
    page.add_script_tag(path=str(AXE))
    # The inline checker on the article is being rewritten (its own axe test covers it).
    violations = page.evaluate(
        "async () => (await axe.run({exclude: [['[data-connector-checker]']]})).violations"
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


def test_links_in_running_text_are_underlined(palette: PalettePage, site_url: str) -> None:
    page = palette.open(site_url + ARTICLE_URL)
    lines = page.locator("article p a:not(.headerlink)").evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert len(lines) > 5
    assert set(lines) == {"underline"}


def test_external_links_carry_an_arrow_read_out_as_external(
    palette: PalettePage, site_url: str
) -> None:
    page = palette.open(site_url + ARTICLE_URL)
    arrow = page.locator("article a.docfx-external").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert arrow.startswith('"↗"')
    external = page.get_by_role("link", name=re.compile(r"\(external site\)$"))
    assert external.count() == page.locator("article a.docfx-external").count()
    internal = page.get_by_role("link", name="Home", exact=True)
    assert internal.count() >= 1


@pytest.mark.parametrize("topic", ["printer", "hybrid", "partner", "relay"])
def test_search_finds_the_checker_by_its_topics(
    palette: PalettePage, site_url: str, topic: str
) -> None:
    page = palette.open(site_url)
    first_search_hit(page, topic)
    pages = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = pages.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(urlsplit(h).path.endswith("/checker/") for h in hrefs), hrefs
