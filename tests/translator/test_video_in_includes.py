"""A video marker in an included file becomes the same link as in the article, at the
include's place, reported on the directive's line with the included file named."""

from __future__ import annotations

from translator import SiteIndex, parse_article, render_article

from .fixture_site import ARTICLE, FILES, INCLUDED, OTHER_PAGES, SETTINGS
from .test_fixtures import report_lines

FILES_HERE = {
    **INCLUDED,
    "area/includes/video.md": b"Watch this.\n\n> [!VIDEO https://learn-video.example.org/embed/v]\n",
}


def test_a_video_in_an_included_file_becomes_a_link() -> None:
    source = "Before.\n\n[!INCLUDE [video](../includes/video.md)]\n\nAfter.\n"
    parsed = parse_article(ARTICLE, source.encode("utf-8"), FILES_HERE.get)
    not_pages = [path for path in FILES_HERE if path.endswith(".md")]
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES, not_pages=not_pages)
    result = render_article(parsed, index, SETTINGS)
    assert result.html == (
        "<p>Before.</p>\n<p>Watch this.</p>\n"
        '<p class="docfx-video"><a class="docfx-external" '
        'href="https://learn-video.example.org/embed/v">Watch the video</a> '
        "(https://learn-video.example.org/embed/v)</p>\n<p>After.</p>\n")
    assert report_lines(result) == [
        "include:3 info: included area/includes/video.md",
        "video:3 info: in area/includes/video.md:3: video https://learn-video.example.org/embed/v "
        "-> a link (no embedded player offline)",
    ]
