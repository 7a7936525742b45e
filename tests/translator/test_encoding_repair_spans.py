"""The build report names exactly the part of a line that was repaired.

A UTF-8 non-breaking space read as Windows-1252 and saved again shows as ``Â`` before the
space (``\\xc2\\xa0`` -> ``Â\\xa0``); `ftfy.fix_encoding` removes the ``Â``. The report
quotes only what changed, even when the repair is at the start of the line or the text
around it repeats the removed character.
"""

from __future__ import annotations

from .fixture_site import translate_fixture
from .test_fixtures import report_lines


def test_a_repair_at_the_start_of_a_line_is_reported_as_the_removed_character() -> None:
    result = translate_fixture("\u00c2\u00a0Hello.\n")
    assert result.html == "<p>Hello.</p>\n"
    assert report_lines(result) == ["encoding:1 info: repaired double-encoded text 'Â' -> ''"]


def test_a_repair_next_to_the_same_character_reports_the_one_removed() -> None:
    result = translate_fixture("Spaced \u00a0\u00c2\u00c2\u00a0 twice.\n")
    assert result.html == "<p>Spaced \u00a0\u00c2\u00a0 twice.</p>\n"
    assert report_lines(result) == ["encoding:1 info: repaired double-encoded text 'Â' -> ''"]
