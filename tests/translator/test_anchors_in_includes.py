"""Legacy anchors written in an included file are handed out once, in the article.

DocFX (dotnet/docfx docs/docs/markdown.md, "Include Markdown Files"): a block include's
blocks take the directive's place, so a legacy ``<a name>`` anchor in an included file is
an anchor of the article, reachable as ``#Name`` from the article's own links. We move an
anchor that stands alone after a heading onto that heading (`anchors`); the included
file's anchors are claimed only once its blocks sit in the article, so they are reported on
the directive's line and links to them resolve.
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES = {
    "area/includes/legacy.md": (
        b'## Included heading\n<a name="OldHeading"></a>\n\nText <a name="OldText"></a>here.\n'
    ),
}


def test_included_legacy_anchors_become_article_anchors_that_links_reach() -> None:
    html, report = translate_with(
        "# Title\n\n[!INCLUDE [l](../includes/legacy.md)]\n\n"
        "See [a](#OldHeading) and [b](#OldText).\n", FILES)
    assert html == (
        '<h1 id="title">Title<a class="headerlink" href="#title" title="Permanent link">'
        "&para;</a></h1>\n"
        '<h2 id="included-heading"><a id="OldHeading" class="docfx-anchor"></a>Included heading'
        '<a class="headerlink" href="#included-heading" title="Permanent link">&para;</a></h2>\n'
        '<p>Text <a id="OldText" class="docfx-anchor"></a>here.</p>\n'
        '<p>See <a href="#OldHeading">a</a> and <a href="#OldText">b</a>.</p>\n'
    )
    assert report == [
        "include:3 info: included area/includes/legacy.md",
        'anchor:3 info: legacy anchor <a name="OldHeading"> kept as id',
        'anchor:3 info: legacy anchor <a name="OldText"> kept as id',
    ]
