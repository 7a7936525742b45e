"""Paths written in an included file are read from that file (DocFX docs/docs/markdown.md,
"Include Markdown Files"), and only relative paths are: an in-page anchor, a site-absolute
path, a web address, a ``~/`` path and an empty one read the same anywhere. The whole HTML
and report of the article are compared."""

from __future__ import annotations

from translator import SiteIndex, TranslationSettings, parse_article, render_article

INCLUDED = {
    "area/includes/links.md": (
        b"[a](#part) [b](/exchange/area/topic/sibling) [c](https://contoso.example/x) "
        b"[d](~/area/topic/sibling.md) [e]()\n"
    ),
    "includes/other-link.md": b"[f](other.md)\n",
}


def _render(src_path: str, source: bytes, pages: list[str]) -> tuple[str, list[tuple[object, ...]]]:
    parsed = parse_article(src_path, source, INCLUDED.get)
    infos = [parsed.page_info(), *(parse_article(p, b"# P\n").page_info() for p in pages)]
    index = SiteIndex.build(infos, list(INCLUDED), not_pages=list(INCLUDED))
    result = render_article(parsed, index, TranslationSettings())
    return result.html, [(d.kind, d.line, d.level, d.message) for d in result.report.decisions]


def test_anchors_site_absolute_paths_addresses_and_docset_root_paths_are_not_rebased() -> None:
    html, report = _render("area/topic/article.md",
                           b"## Part\n\n[!INCLUDE [links](../includes/links.md)]\n",
                           ["area/topic/sibling.md"])
    assert html == (
        '<h2 id="part">Part<a class="headerlink" href="#part" title="Permanent link">&para;</a>'
        '</h2>\n<p><a href="#part">a</a> <a href="../sibling/">b</a> '
        '<a href="https://contoso.example/x" class="docfx-external">c</a> '
        '<a href="../sibling/">d</a> <a href="">e</a></p>\n'
    )
    assert report == [("include", 3, "info", "included area/includes/links.md")]


def test_a_relative_path_included_into_a_page_at_the_docs_root() -> None:
    html, report = _render("index.md", b"[!INCLUDE [x](includes/other-link.md)]\n",
                           ["includes/other.md"])
    assert html == '<p><a href="includes/other/">f</a></p>\n'
    assert report == [("include", 1, "info", "included includes/other-link.md")]
