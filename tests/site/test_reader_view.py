"""What a reader sees around the text: date and origin, licence, breadcrumbs, previous and
next links, keyboard keys on our pages, and search weight for the checker's topics."""

from __future__ import annotations

import json
import re

from ..conftest import SEED_ARTICLE, Build

PUBLIC_URL = (
    "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
    "use-connectors-to-configure-mail-flow/use-connectors-to-configure-mail-flow"
)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_article_shows_its_date_and_current_version_above_its_title(built_site: Build) -> None:
    html = built_site.page(SEED_ARTICLE)
    origin = re.search(r'<aside class="docfx-origin".*?</aside>', html, re.S)
    assert origin is not None
    assert html.index('class="docfx-origin"') < html.index("<h1")
    text = _text(origin.group(0))
    assert text.startswith("Article dated June 23, 2018")
    assert "The current version, which may differ, is on Microsoft Learn" in text
    assert '<a href="../../../build-report/">build report</a>' in origin.group(0)
    assert f'<a class="docfx-external" href="{PUBLIC_URL}">{PUBLIC_URL}</a>' in origin.group(0)


def test_our_own_pages_have_no_origin_notice(built_site: Build) -> None:
    for page in ("index.md", "checker.md", "build-report.md"):
        assert "docfx-origin" not in built_site.page(page), page


def test_every_page_names_the_texts_licence_and_ours(built_site: Build) -> None:
    for page in ("index.md", SEED_ARTICLE, "checker.md", "decision-table.md", "build-report.md"):
        footer = _text(re.search(r'<div class="md-copyright">.*?</div>\s*</div>',
                                 built_site.page(page), re.S).group(0))  # type: ignore[union-attr]
        assert "Article text © Microsoft Corporation, from Microsoft Learn, licensed under " \
            "CC BY 4.0" in footer, page
        assert "Site pages, checker and code: MIT License." in footer, page
    html = built_site.page("index.md")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">' in html


def test_pages_show_breadcrumbs_and_previous_next_links(built_site: Build) -> None:
    html = built_site.page(SEED_ARTICLE)
    crumbs = re.search(r'<nav class="md-path" aria-label="Breadcrumb">.*?</nav>', html, re.S)
    assert crumbs is not None
    assert _text(crumbs.group(0)) == "Home Configure mail flow using connectors in Office 365"
    assert 'aria-current="page"' in crumbs.group(0)
    assert re.search(r'class="md-footer__link md-footer__link--prev" aria-label="Previous: Home"',
                     html)
    assert 'aria-label="Next: Connector checker"' in html
    assert 'aria-label="Breadcrumb"' not in built_site.page("index.md")


def test_the_home_page_shows_the_slash_key_not_its_markup(built_site: Build) -> None:
    html = built_site.page("index.md")
    assert "++slash++" not in html
    assert '<kbd class="key-slash">/</kbd>' in html


def test_search_weights_the_checker_and_indexes_its_topics(built_site: Build) -> None:
    index = json.loads((built_site.site / "search" / "search_index.json").read_text())
    (checker,) = [d for d in index["docs"] if d["location"] == "checker/"]
    assert checker.get("boost") == 2
    for topic in ("printers", "hybrid", "partner", "relay"):
        assert topic in checker["text"], topic
    assert '<p class="page-topics"><strong>Topics:</strong>' in built_site.page("checker.md")
