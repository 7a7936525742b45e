"""Repair the tables that Microsoft's exporter broke.

DocFX reads GFM pipe tables (https://learn.microsoft.com/contribute/content/markdown-reference#tables).
Exported articles carry debris around them that a CommonMark reader would show as text:

    |                          <- lone pipe lines before (or after) a table
    |
    |****Scenario****|...|    <- doubled bold markers in header cells
    ****                       <- a bold marker alone on a line (a thematic break!)

and rows that lost their merged (row-spanning) cells:

    |Exchange 2013|EOP|Not available|Yes|
    |Office 365|No|Consider ...|          <- 3 cells under a 4-column header

The exporter dropped the cells that spanned down from the row above, and those are always the
*leading* cells of the row (a merged cell sits in the left columns of a grouped table), so a
short row inherits its missing leading cells from the row above. The repeated cells get a class
so the page shows that they continue the row above.
"""

from __future__ import annotations

import re

from markdown_it.rules_block.table import escapedSplit
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .report import TranslationReport

__all__ = ["MERGED_CELL_CLASS", "remove_table_debris", "restore_merged_cells"]

MERGED_CELL_CLASS = "docfx-merged-cell"
_LONE_PIPE = re.compile(r"^[ \t]*\|[ \t]*$")
_LONE_BOLD = re.compile(r"^[ \t]*\*{4}[ \t]*$")
_QUAD_BOLD = re.compile(r"\*{4}([^*\n]+?)\*{4}")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


def remove_table_debris(body: str, report: TranslationReport, first_line: int) -> str:
    """Blank out lone ``|`` and ``****`` lines; turn ``****X****`` into ``**X**``.

    Lines are blanked, not deleted, so token line numbers still match the source.
    """
    lines = body.split("\n")
    for index, line in enumerate(lines):
        number = first_line + index
        if _LONE_PIPE.match(line):
            lines[index] = ""
            report.add("table", number, "removed a lone '|' line left over from an export")
        elif _LONE_BOLD.match(line):
            lines[index] = ""
            report.add("table", number, "removed a lone '****' line left over from an export")
        elif "****" in line:
            fixed = _QUAD_BOLD.sub(r"**\1**", line)
            if fixed != line:
                lines[index] = fixed
                report.add("table", number, "turned doubled bold markers '****text****' into bold")
    return "\n".join(lines)


def restore_merged_cells(state: StateCore) -> None:
    """Core rule (after ``block``): give short table rows their lost leading cells."""
    report: TranslationReport = state.env["report"]
    first_line: int = state.env["first_line"]
    source_lines = state.src.split("\n")
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        if tokens[index].type != "table_open":
            out.append(tokens[index])
            index += 1
            continue
        end = _closing_index(tokens, index, "table_close")
        out.extend(_repair_table(tokens[index : end + 1], source_lines, report, first_line))
        index = end + 1
    state.tokens = out


def _repair_table(
    table: list[Token], source_lines: list[str], report: TranslationReport, first_line: int
) -> list[Token]:
    header_cells = [t for t in _first_row(table) if t.type == "th_open"]
    width = len(header_cells)
    alignments = [_alignment_class(t) for t in header_cells]
    out: list[Token] = []
    previous: list[list[Token]] | None = None
    row: list[Token] = []
    for token in table:
        if token.type == "tr_open" or row:
            row.append(token)
        else:
            out.append(token)  # table/thead/tbody open and close keep their places
        if token.type != "tr_close":
            continue
        cells = _cells(row[1:-1])
        is_body_row = row[1].type == "td_open"
        # markdown-it pads a short row with empty cells: only then count the source's cells
        padded = is_body_row and previous is not None and _last_cell_is_empty(cells)
        given = _source_cell_count(row[0], source_lines) if padded else width
        if is_body_row and previous is not None and given < width:
            cells = [_inherit(cell) for cell in previous[: width - given]] + cells[:given]
            report.add(
                "table",
                first_line + row[0].map[0] if row[0].map else None,
                f"row had {given} of {width} cells; took the first {width - given} from the "
                "row above (a merged cell lost in export)",
            )
        for column, cell in enumerate(cells):
            _set_alignment(cell[0], alignments[column] if column < len(alignments) else None)
        if is_body_row:
            previous = cells
        out.extend([row[0], *(t for cell in cells for t in cell), row[-1]])
        row = []
    return out


def _first_row(table: list[Token]) -> list[Token]:
    start = next(i for i, t in enumerate(table) if t.type == "tr_open")
    end = next(i for i, t in enumerate(table) if t.type == "tr_close")
    return table[start:end]


def _cells(tokens: list[Token]) -> list[list[Token]]:
    cells: list[list[Token]] = []
    for token in tokens:
        if token.type in ("td_open", "th_open"):
            cells.append([token])
        else:
            cells[-1].append(token)
    return cells


def _last_cell_is_empty(cells: list[list[Token]]) -> bool:
    return bool(cells) and not any(t.content.strip() for t in cells[-1] if t.type == "inline")


def _source_cell_count(row_open: Token, source_lines: list[str]) -> int:
    """How many cells the row really has in the source (markdown-it pads short rows)."""
    if not row_open.map:
        return 0
    line = source_lines[row_open.map[0]].strip()
    columns = escapedSplit(line)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1].strip() == "" and line.endswith("|"):
        columns.pop()
    return len(columns)


def _inherit(cell: list[Token]) -> list[Token]:
    copied = [_clone(token) for token in cell]
    if MERGED_CELL_CLASS not in str(copied[0].attrGet("class") or "").split():
        copied[0].attrJoin("class", MERGED_CELL_CLASS)
    copied[0].attrSet("title", "Continues the cell above (merged in the original table)")
    return copied


def _clone(token: Token) -> Token:
    """A copy sharing nothing mutable with `token` (much faster than a deep copy)."""
    return token.copy(
        attrs=dict(token.attrs),
        meta=dict(token.meta),
        map=list(token.map) if token.map is not None else None,
        children=(None if token.children is None
                  else [_clone(child) for child in token.children]),
    )


def _alignment_class(cell_open: Token) -> str | None:
    match = _ALIGN.search(str(cell_open.attrGet("style") or ""))
    return f"docfx-align-{match.group(1)}" if match else None


def _set_alignment(cell_open: Token, align_class: str | None) -> None:
    """Alignment as a class, not a style attribute: inline styles break a strict CSP."""
    if "style" in cell_open.attrs:
        del cell_open.attrs["style"]
    if align_class and align_class not in str(cell_open.attrGet("class") or "").split():
        cell_open.attrJoin("class", align_class)


def _closing_index(tokens: list[Token], start: int, closing_type: str) -> int:
    return next(i for i in range(start, len(tokens)) if tokens[i].type == closing_type)
