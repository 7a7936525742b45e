"""A file whose last line has no line break: the body's lines are still counted from the
line after the front matter's closing ``---``."""

from __future__ import annotations

from .fixture_site import translate_fixture
from .test_fixtures import report_lines


def test_the_body_of_a_file_without_a_final_line_break_is_reported_on_its_lines() -> None:
    result = translate_fixture("---\ntitle: T\n---\n> [!NOTE]\n> No final newline.")
    assert report_lines(result) == ["alert:4 info: [!NOTE] alert -> 'note' admonition"]
    assert result.html == ('<div class="admonition note">\n<p class="admonition-title">Note</p>\n'
                           "<p>No final newline.</p>\n</div>\n")


def test_a_file_of_front_matter_only_without_a_final_line_break_is_a_page() -> None:
    result = translate_fixture("---\ntitle: Only a title\n---")
    assert (result.meta["title"], result.html, report_lines(result)) == ("Only a title", "", [])
