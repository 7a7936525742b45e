"""Line endings and repairs as the page and its report see them.

Every line break of the source (CR LF, CR or LF) ends exactly one line of the page's text,
as CommonMark counts them (spec 0.31, "Characters and lines": a line ending is LF, CR or
CR LF), so a paragraph's lines stay one paragraph and a repaired line is reported on its
own line number. Text encoded twice ("CafÃ©") is repaired and reported; a byte that
Windows-1252 leaves undefined (0x81) is shown as the replacement character, with a warning.
"""

from __future__ import annotations

from translator import translate_article

from .test_fixtures import report_lines

DATA = b"First\r\nsecond\rthird\nCaf\xc3\x83\xc2\xa9 au lait.\n\nx\x81y\n"


def test_each_line_break_ends_one_line_and_repairs_are_reported_on_their_line() -> None:
    result = translate_article("area/topic/article.md", DATA)
    assert result.html == "<p>First\nsecond\nthird\nCaf\u00e9 au lait.</p>\n<p>x\ufffdy</p>\n"
    assert report_lines(result) == [
        "encoding:4 info: repaired double-encoded text '\u00c3\u00a9' -> '\u00e9'",
        "encoding:6 warning: byte 81 is not valid UTF-8; read it as Windows-1252 '\ufffd' "
        "instead (save the file as UTF-8 to silence this)",
    ]
