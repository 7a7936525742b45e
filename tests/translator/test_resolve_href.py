"""links.resolve_href, the public entry other modules resolve a written href with: its
decisions are reported on the line it is given."""

from __future__ import annotations

from translator.article_context import ArticleContext
from translator.links import resolve_href
from translator.report import TranslationReport
from translator.site_index import PageInfo, SiteIndex

from .fixture_site import OTHER_PAGES, SETTINGS


def test_resolve_href_reports_on_the_line_it_is_given() -> None:
    page = PageInfo("area/topic/article.md", "area/topic/article/", "Article")
    report = TranslationReport(page.src_path)
    ctx = ArticleContext(page, SiteIndex.build([page, *OTHER_PAGES], []), SETTINGS, report, 1)
    assert resolve_href("../gone/away.md", ctx, 12) == (
        "https://learn.microsoft.com/exchange/area/gone/away"
    )
    assert [(d.kind, d.line, d.level, d.message) for d in report.decisions] == [
        ("link", 12, "info", "../gone/away.md: article not in docs/ -> public URL "
         "https://learn.microsoft.com/exchange/area/gone/away"),
    ]


def test_resolve_href_to_an_included_file_names_no_including_file() -> None:
    page = PageInfo("area/topic/article.md", "area/topic/article/", "Article")
    report = TranslationReport(page.src_path)
    index = SiteIndex.build([page], [], not_pages=["area/includes/steps.md"])
    ctx = ArticleContext(page, index, SETTINGS, report, 1)
    assert resolve_href("../includes/steps.md", ctx, 4) == "\0"
    assert [(d.kind, d.line, d.level, d.message) for d in report.decisions] == [
        ("link", 4, "warning", "../includes/steps.md: area/includes/steps.md is an included "
         "file, which DocFX publishes no page for; its text kept, not linked"),
    ]
