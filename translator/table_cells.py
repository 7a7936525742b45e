"""Split one pipe-table line into cells the way Markdig (DocFX's parser) does.

Markdig reads a table row's inlines before its column delimiters, so a ``|`` that belongs to
an inline is text, not a cell boundary (Markdig's pipe-table spec,
https://github.com/xoofx/markdig/blob/master/src/Markdig.Tests/Specs/PipeTableSpecs.md):

- Rule #7, a code span wins:      ``| `Get-Thing | Format-List` | Lists things. |`` (2 cells)
- Rule #8, an HTML inline wins:   ``| <a title="a|b">x</a> | y |``                  (2 cells)
- Rule #9, a link wins:           ``| [a | b](page.md) | y |``                        (2 cells)
- a backslash escapes a pipe:     ``| a \\| b | y |``                                   (2 cells)
- Rule #4, the pipes at the very start and end of a line may be left out.

GFM (and markdown-it's table rule) split on every unescaped ``|``, code spans included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from markdown_it.common.html_re import HTML_TAG_RE

__all__ = ["RowCells", "code_span_end", "split_row"]

_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*>|<[^<>@\s]+@[^<>@\s]+>")
_HTML_TAG = re.compile(HTML_TAG_RE.pattern)
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True)
class RowCells:
    """The cells of one row: raw text (untrimmed) with where each starts in the line."""

    cells: list[str]
    starts: list[int]
    leading_pipe: bool
    trailing_pipe: bool
    line: str

    @property
    def has_delimiter(self) -> bool:
        return self.leading_pipe or self.trailing_pipe or len(self.cells) > 1

    def rest_from(self, column: int) -> str:
        """The raw text from cell `column` to the row's end (extra cells kept with theirs)."""
        end = len(self.line.rstrip())
        if self.trailing_pipe:
            end = self.line.rstrip().rfind("|")
        return self.line[self.starts[column] : end]


def split_row(line: str) -> RowCells:
    """Cells of `line`; pipes inside code spans, HTML tags, autolinks and links are text."""
    pipes = _delimiters(line)
    bounds = [-1, *pipes, len(line)]
    cells = [line[a + 1 : b] for a, b in pairwise(bounds)]
    starts = [a + 1 for a in bounds[:-1]]
    leading = bool(pipes) and not line[: pipes[0]].strip()
    trailing = bool(pipes) and not line[pipes[-1] + 1 :].strip()
    if leading:
        cells, starts = cells[1:], starts[1:]
    if trailing and cells:
        cells, starts = cells[:-1], starts[:-1]
    return RowCells(cells, starts, leading, trailing, line)


def _delimiters(line: str) -> list[int]:
    pipes: list[int] = []
    pos = 0
    while pos < len(line):
        char = line[pos]
        if char == "\\" and pos + 1 < len(line) and line[pos + 1] in _PUNCTUATION:
            pos += 2
        elif char == "`":
            pos = code_span_end(line, pos)
        elif char == "<":
            match = _AUTOLINK.match(line, pos) or _HTML_TAG.match(line, pos)
            pos = match.end() if match else pos + 1
        elif char == "[" or line.startswith("![", pos):
            pos = _link_end(line, pos + (1 if char == "!" else 0))
        else:
            if char == "|":
                pipes.append(pos)
            pos += 1
    return pipes


def code_span_end(text: str, pos: int) -> int:
    """Just after the code span opening at `pos`, or after its backticks when unclosed."""
    opening_end = _run_end(text, pos)
    size = opening_end - pos
    search = opening_end
    while search < len(text):
        if text[search] != "`":
            search += 1
            continue
        closing_end = _run_end(text, search)
        if closing_end - search == size:
            return closing_end
        search = closing_end
    return opening_end


def _run_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == "`":
        pos += 1
    return pos


def _link_end(line: str, pos: int) -> int:
    """Just after an inline link ``[text](destination)`` opening at `pos`, else `pos` + 1."""
    close = _matching(line, pos, "[", "]")
    if close is None or close + 1 >= len(line) or line[close + 1] != "(":
        return pos + 1
    end = _matching(line, close + 1, "(", ")")
    return pos + 1 if end is None else end + 1


def _matching(line: str, pos: int, opening: str, closing: str) -> int | None:
    depth = 0
    index = pos
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "`" and opening == "[":
            index = code_span_end(line, index)
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None
