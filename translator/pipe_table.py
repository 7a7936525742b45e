"""Pipe tables read as Markdig (DocFX's parser) reads them, not as GFM does.

DocFX: https://learn.microsoft.com/contribute/content/markdown-reference#tables; the rules are
Markdig's pipe-table spec
(https://github.com/xoofx/markdig/blob/master/src/Markdig.Tests/Specs/PipeTableSpecs.md).
Where Markdig and markdown-it's GFM table rule differ, this block rule (it replaces
markdown-it's ``table``) does as Markdig does:

- a ``|`` inside a code span, an HTML tag or a link's text is text, not a cell boundary
  (Rules #7, #8, #9; see `table_cells`);
- the delimiter row may start like a list item: ``a | b`` / ``- | -`` / ``0 | 1`` is a table
  (Rule #1), not a paragraph followed by a list;
- a row with fewer cells than the header gets empty cells at its end ("Normalized columns
  count"); `table_repair` reports such rows, and restores the lost merged cells of an
  exported table instead;
- a row with more cells than the header: Markdig drops the extra cells, and their text with
  them. Here their text stays visible at the end of the row's last cell, written as in the
  source (``1 | 2``), and the build report warns with the row's line.

Two readings differ from Markdig's and are reported (info) with their line; both keep every
word, shown in a table rather than as one paragraph of text with its pipes:

- Markdig builds a table from a whole paragraph, so a table right under a paragraph line is
  not a table there (the paragraph's first line has no ``|``); here it is;
- every line of a Markdig table must hold a ``|`` (Rule #1), else the whole table is text;
  here a body line without one is a row of its own (as GFM reads it).

Alignment becomes a class (``docfx-align-left``), not a style attribute: inline styles break
a strict Content-Security-Policy.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .report import TranslationReport
from .table_cells import RowCells, split_row

__all__ = ["LONE_PIPE", "align_class", "pipe_table"]

LONE_PIPE = re.compile(r"^\s*\|\s*$")  # export debris (table_repair), not an empty row
_DELIMITER_CELL = re.compile(r"^[ \t]*(:?)-+(:?)[ \t]*$")


def align_class(alignment: str) -> str | None:
    return f"docfx-align-{alignment}" if alignment else None


def pipe_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: a header row, a delimiter row, then body rows up to a blank line."""
    if start + 2 > end or state.sCount[start + 1] < state.blkIndent:
        return False
    if state.is_code_block(start) or state.is_code_block(start + 1):
        return False
    aligns = _alignments(_text(state, start + 1))
    header = split_row(_text(state, start))
    if aligns is None or not header.has_delimiter or len(header.cells) != len(aligns):
        return False
    if _opens_other_block(state, start, end):
        return False
    if silent:
        return True
    report: TranslationReport = state.env["report"]
    if _follows_paragraph(state, start):
        report.add("table", state.env["first_line"] + start,
                   "table right under a paragraph line: DocFX (Markdig) reads both as one "
                   "paragraph of text; shown here as a paragraph and a table")
    body = _body_rows(state, start + 2, end)
    old_parent, state.parentType = state.parentType, "table"
    table = state.push("table_open", "table", 1)
    table.map = [start, start + 2 + len(body)]
    table.meta["delimiter"] = _text(state, start + 1)
    _push_section(state, "thead", [(start, header)], aligns, "th")
    if body:
        _push_section(state, "tbody", list(enumerate(body, start + 2)), aligns, "td")
    state.push("table_close", "table", -1)
    state.parentType = old_parent
    state.line = start + 2 + len(body)
    return True


def _opens_other_block(state: StateBlock, start: int, end: int) -> bool:
    """Whether the header line opens a quote, a list item, a heading, a fence, an HTML block
    or a DocFX block directive: Markdig opens those before it reads any paragraph (and a
    table is read from a paragraph), so ``# a | b`` is a heading, never a header row."""
    others = state.md.block.ruler.getRules("blockquote")  # the rules that end a paragraph
    return any(rule(state, start, end, True) for rule in others)


def _follows_paragraph(state: StateBlock, start: int) -> bool:
    tokens = state.tokens
    return (len(tokens) >= 3 and tokens[-1].type == "paragraph_close"
            and tokens[-3].map is not None and tokens[-3].map[1] == start)


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _alignments(line: str) -> list[str] | None:
    """Each column's alignment from the delimiter row, or None if it is not one."""
    if "|" not in line:
        return None  # a line of dashes alone is a setext underline or a rule
    cells = line.strip().split("|")
    if cells[0].strip() == "":
        cells = cells[1:]
    if cells and cells[-1].strip() == "":
        cells = cells[:-1]
    aligns = []
    for cell in cells:
        match = _DELIMITER_CELL.match(cell)
        if match is None:
            return None
        left, right = bool(match.group(1)), bool(match.group(2))
        aligns.append("center" if left and right else "right" if right else
                      "left" if left else "")
    return aligns or None


def _body_rows(state: StateBlock, first: int, end: int) -> list[RowCells]:
    # the rules that end a blockquote's paragraph end a table too (as in markdown-it)
    terminators = state.md.block.ruler.getRules("blockquote")
    rows = []
    for line in range(first, end):
        text = _text(state, line)
        if state.sCount[line] < state.blkIndent or not text.strip() or LONE_PIPE.match(text):
            break
        if state.is_code_block(line) or any(rule(state, line, end, True) for rule in terminators):
            break
        rows.append(split_row(text))
    return rows


def _push_section(
    state: StateBlock, tag: str, rows: list[tuple[int, RowCells]], aligns: list[str], cell: str
) -> None:
    section = state.push(f"{tag}_open", tag, 1)
    section.map = [rows[0][0], rows[-1][0] + 1]
    for line, row in rows:
        row_open = state.push("tr_open", "tr", 1)
        row_open.map = [line, line + 1]
        row_open.meta["row"] = row
        for column, content in enumerate(_cell_texts(state, line, row, len(aligns))):
            cell_open = state.push(f"{cell}_open", cell, 1)
            if align := align_class(aligns[column]):
                cell_open.attrs["class"] = align
            inline = state.push("inline", "", 0)
            inline.map = [line, line + 1]
            inline.content = content
            inline.children = []
            state.push(f"{cell}_close", cell, -1)
        state.push("tr_close", "tr", -1)
    state.push(f"{tag}_close", tag, -1)


def _cell_texts(state: StateBlock, line: int, row: RowCells, width: int) -> list[str]:
    report: TranslationReport = state.env["report"]
    number = state.env["first_line"] + line
    given = len(row.cells)
    cells = [c.strip(" \t") for c in row.cells[:width]]
    if not row.has_delimiter:
        report.add("table", number,
                   "row without a '|': DocFX (Markdig) then shows the whole table as "
                   "paragraph text; shown here as a row of its own")
    if given > width and any(c.strip() for c in row.cells[width:]):
        cells[-1] = row.rest_from(width - 1).strip(" \t")
        extra = given - width
        report.warn(
            "table", number,
            f"row has {given} cells under a {width}-column header; DocFX (Markdig) drops the "
            f"last {extra}: their text is kept at the end of the row's last cell",
        )
    return cells + [""] * (width - len(cells))
