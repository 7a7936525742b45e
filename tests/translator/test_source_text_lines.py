"""Reading an article's bytes: a byte-order mark, any line endings, bytes that are not UTF-8.

The report names the line of each byte that is not UTF-8 as the page's text counts lines:
a Windows (CR LF), old Mac (CR) or Unix (LF) line break each end one line. A byte-order
mark is not text; a sequence cut off at the end of the file is read as Windows-1252 too.
"""

from __future__ import annotations

from translator import translate_article

from .test_fixtures import report_lines

DATA = (b"\xef\xbb\xbf# Title\r\n\r\nLine \x93one\x94.\rSecond line.\r\n\r\n"
        b"Caf\xc3\xa9 \xe2\x80")


def warning(line: int, hex_bytes: str, text: str) -> str:
    return (f"encoding:{line} warning: byte {hex_bytes} is not valid UTF-8; read it as "
            f"Windows-1252 '{text}' instead (save the file as UTF-8 to silence this)")


def test_bytes_that_are_not_utf8_are_reported_on_their_line_whatever_the_line_endings() -> None:
    result = translate_article("area/topic/article.md", DATA)
    assert result.html == (
        '<h1 id="title">Title<a class="headerlink" href="#title" title="Permanent link">'
        "&para;</a></h1>\n<p>Line \u201cone\u201d.\nSecond line.</p>\n"
        "<p>Caf\u00e9 \u00e2\u20ac</p>\n"
    )
    assert report_lines(result) == [
        warning(3, "93", "\u201c"), warning(3, "94", "\u201d"), warning(6, "e2 80", "\u00e2\u20ac")]
