"""The fixture site (`fixture_site`) with more files in docs/, for tests that need files of
their own to include or to show as code: the whole page and the whole report of one article."""

from __future__ import annotations

from translator import SiteIndex, parse_article, render_article

from .fixture_site import ARTICLE, FILES, INCLUDED, OTHER_PAGES, SETTINGS
from .test_fixtures import report_lines


def translate_with(source: str, files: dict[str, bytes], *,
                   path: str = ARTICLE) -> tuple[str, list[str]]:
    """(the page's HTML, its report lines ``kind:line level: message``) of `source`, as
    `path`, in the fixture site with `files` (docs-relative paths) added to its files."""
    docs = {**INCLUDED, **files}
    parsed = parse_article(path, source.encode("utf-8"), docs.get)
    not_pages = [name for name in docs if name.endswith(".md")]
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES, not_pages=not_pages)
    result = render_article(parsed, index, SETTINGS)
    return result.html, report_lines(result)
