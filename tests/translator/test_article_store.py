"""An article stored between the two passes (tokens pickled) renders as if never stored.

The docfx plugin keeps every parsed article's tokens pickled until it renders them
(`translator.article_store`); this runs every fixture both ways in the fixture site and
compares the page (front matter and HTML) and the whole report.
"""

from __future__ import annotations

import pytest

from translator import SiteIndex, parse_article, render_article
from translator.article import TranslatedArticle
from translator.article_store import store_article

from .fixture_site import ARTICLE, FILES, INCLUDED, OTHER_PAGES, SETTINGS
from .test_fixtures import CASES


def translate(source: str, *, stored: bool) -> TranslatedArticle:
    parsed = parse_article(ARTICLE, source.encode("utf-8"), INCLUDED.get)
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES)
    if stored:
        kept = store_article(parsed)
        assert kept.summary.tokens == []  # what stays in memory holds no token
        parsed = kept.load()
    return render_article(parsed, index, SETTINGS)


@pytest.mark.parametrize(("source", "expected", "title"), CASES)
def test_a_stored_article_renders_as_one_rendered_at_once(
    source: str, expected: str, title: str
) -> None:
    direct, stored = translate(source, stored=False), translate(source, stored=True)
    assert (stored.markdown, stored.html, stored.headings) == (
        direct.markdown, direct.html, direct.headings)
    assert stored.report.decisions == direct.report.decisions
    assert stored.anchor_ids == direct.anchor_ids
