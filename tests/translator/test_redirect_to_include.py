"""A redirect stub whose redirect_url names an included file (which has no page) sent
readers to a NUL character; it now sends them to the article's own public address, with a
warning."""

from __future__ import annotations

from translator.redirects import render_redirect
from translator.report import TranslationReport
from translator.site_index import PageInfo, SiteIndex, TranslationSettings


def test_a_redirect_to_an_included_file_goes_to_the_articles_public_address() -> None:
    page = PageInfo("area/old.md", "area/old/", "Old article")
    report = TranslationReport(page.src_path)
    index = SiteIndex.build([page], [], not_pages=["area/includes/steps.md"])
    stub = render_redirect(page, "includes/steps.md", index, TranslationSettings(), report)
    public = "https://learn.microsoft.com/exchange/area/old"
    assert stub.target == public
    assert stub.html == (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="refresh" content="0; url={public}">\n'
        f'<link rel="canonical" href="{public}">\n'
        "<title>Moved: Old article</title>\n</head>\n<body>\n"
        f'<p>This article has moved: <a href="{public}">{public}</a>.</p>\n</body>\n</html>\n'
    )
    assert [(d.kind, d.line, d.level, d.message) for d in report.decisions] == [
        ("link", None, "warning", "includes/steps.md: area/includes/steps.md is an included "
         "file, which DocFX publishes no page for; its text kept, not linked"),
        ("redirect", None, "warning", "redirect_url includes/steps.md names an included file, "
         "which has no page; the stub sends readers to this article's public address "
         f"{public} instead"),
        ("redirect", None, "info", f"redirect stub -> {public}"),
    ]


def test_the_articles_public_address_leaves_out_the_docset_root_and_content_folders() -> None:
    page = PageInfo("drop/Online/area/old.md", "drop/Online/area/old/", "Old article")
    index = SiteIndex.build([page], [], not_pages=["drop/Online/area/includes/steps.md"])
    for settings in (TranslationSettings(docset_root="drop/Online"),
                     TranslationSettings(content_folders={"drop/Online": ""})):
        stub = render_redirect(page, "includes/steps.md", index, settings,
                               TranslationReport(page.src_path))
        assert stub.target == "https://learn.microsoft.com/exchange/area/old"
