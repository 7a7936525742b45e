"""Links and images of included files: read where they were written.

DocFX (docs/docs/markdown.md in dotnet/docfx, "Include Markdown Files") resolves a link of an
included file relative to that file; through nested includes, the file that holds the link.
Reports about such a link name that innermost file and its line. An empty link or image
source stays empty (as it would in the article itself), not a path into the include's folder.
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES = {
    "area/includes/wrap-lost.md": b"[!INCLUDE [lost](lost-image.md)]\n",
    "area/includes/empty-link.md": b"An [empty]() link and ![no source]().\n",
}


def test_a_missing_image_two_includes_deep_is_reported_in_the_file_that_holds_it() -> None:
    html, report = translate_with("[!INCLUDE [w](../includes/wrap-lost.md)]\n", FILES)
    assert html == (
        "<p>A picture:</p>\n<p><span class=\"docfx-missing-image\" role=\"img\" "
        'aria-label="gone">Image not available: gone</span></p>\n'
    )
    assert report == [
        "include:1 info: included area/includes/wrap-lost.md",
        "include:1 info: in area/includes/wrap-lost.md:1: included area/includes/lost-image.md",
        "image:1 unresolved: missing image ../../media/absent.png (written in "
        "area/includes/lost-image.md:3): shown as a placeholder",
    ]


def test_an_empty_link_in_an_included_file_reads_as_in_the_article() -> None:
    source = "An [empty]() link and ![no source]().\n"
    own_html, own_report = translate_with(source, FILES)
    html, report = translate_with("[!INCLUDE [e](../includes/empty-link.md)]\n", FILES)
    assert html == own_html == (
        # an empty destination is this page, as Markdig renders it (href="")
        '<p>An <a href="">empty</a> link and <span class="docfx-missing-image" role="img" '
        'aria-label="no source">'
        "Image not available: no source</span>.</p>\n"
    )
    assert report == ["include:1 info: included area/includes/empty-link.md", *own_report]
