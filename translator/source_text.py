"""Turn the bytes of a source file into clean text.

Microsoft's exported articles are UTF-8, but some lines were encoded twice
("â€¯" for a narrow no-break space). `ftfy.fix_encoding` undoes exactly that; we do not
use `ftfy.fix_text`, which would also rewrite things that are not broken (``&amp;`` in
URLs, curly quotes). Bytes that are not UTF-8 at all are read as Windows-1252, the usual
culprit, and reported with their line.
"""

from __future__ import annotations

import ftfy

from .report import TranslationReport

__all__ = ["decode_source"]

_BOM = b"\xef\xbb\xbf"


def decode_source(data: bytes, report: TranslationReport) -> str:
    """Decode `data` as UTF-8 (lenient), normalise newlines, repair double-encoded text."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    text = _decode_utf8_leniently(data, report)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(
        _repair_line(line, number, report) for number, line in enumerate(text.split("\n"), 1)
    )


def _decode_utf8_leniently(data: bytes, report: TranslationReport) -> str:
    parts: list[str] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            return "".join(parts)
        except UnicodeDecodeError as err:
            start, end = pos + err.start, pos + err.end
            parts.append(data[pos:start].decode("utf-8"))
            bad = data[start:end]
            replacement = bad.decode("cp1252", errors="replace")
            report.warn(
                "encoding",
                _line_of(data, start),
                f"byte {bad.hex(' ')} is not valid UTF-8; read it as Windows-1252 "
                f"{replacement!r} instead (save the file as UTF-8 to silence this)",
            )
            parts.append(replacement)
            pos = end


def _line_of(data: bytes, index: int) -> int:
    """The 1-based line of byte `index`, counting line breaks as `decode_source` makes them
    (``\\r\\n``, ``\\r`` or ``\\n``)."""
    before = data[:index]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _repair_line(line: str, number: int, report: TranslationReport) -> str:
    if line.isascii():
        return line
    fixed = ftfy.fix_encoding(line)
    if fixed != line:
        before, after = _changed_span(line, fixed)
        report.add("encoding", number, f"repaired double-encoded text {before!r} -> {after!r}")
    return fixed


def _changed_span(old: str, new: str) -> tuple[str, str]:
    """The differing middle parts of two strings (for a readable report)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return old[start : len(old) - end], new[start : len(new) - end]
