"""A video marker in an included file becomes the same link as in the article, at the
include's place, reported on the directive's line with the included file named."""

from __future__ import annotations

from .site_with_files import translate_with

VIDEO = {
    "area/includes/video.md": b"Watch this.\n\n> [!VIDEO https://learn-video.example.org/embed/v]\n",
}


def test_a_video_in_an_included_file_becomes_a_link() -> None:
    html, report = translate_with(
        "Before.\n\n[!INCLUDE [video](../includes/video.md)]\n\nAfter.\n", VIDEO)
    assert html == (
        "<p>Before.</p>\n<p>Watch this.</p>\n"
        '<p class="docfx-video"><a class="docfx-external" '
        'href="https://learn-video.example.org/embed/v">Watch the video</a> '
        "(https://learn-video.example.org/embed/v)</p>\n<p>After.</p>\n")
    assert report == [
        "include:3 info: included area/includes/video.md",
        "video:3 info: in area/includes/video.md:3: video https://learn-video.example.org/embed/v "
        "-> a link (no embedded player offline)",
    ]
