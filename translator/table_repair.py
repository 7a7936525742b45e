"""Repair the tables that Microsoft's exporter broke; report short rows of the others.

DocFX reads pipe tables with Markdig (https://learn.microsoft.com/contribute/content/markdown-reference#tables,
rules in https://github.com/xoofx/markdig/blob/master/src/Markdig.Tests/Specs/PipeTableSpecs.md;
`pipe_table` reads them). Exported articles carry debris around tables that a reader would
see as text or as an empty table:

    |                          <- lone pipe lines before (or after) a table
    |
    |****Scenario****|...|    <- doubled bold markers in header cells
    ****                       <- a bold marker alone on a line (a thematic break!)
    Step one. ****             <- a stray bold marker in text (Markdig shows it as text)

The debris is removed (and reported) everywhere except inside fenced and indented code
blocks, where a ``|`` or ``****`` line is code. A lone ``|`` followed by any white space
(no-break spaces included) is debris too, never an empty row.

Lost merged cells. The exporter wrote a row-spanning cell only in its first row, so the
rows below it lost their *leading* cells (a merged cell sits in the left columns of a grouped
table):

    |**Server**|**Plan**|**Hybrid?**|**Connectors?**|
    |:-----|:-----|:-----|:-----|
    |Exchange 2013  <br/> |EOP  <br/> |Not available  <br/> |Yes  <br/> |
    |Office 365  <br/> |No  <br/> |Consider hybrid  <br/> |    <- 3 of 4 cells
    |Yes  <br/> |No  <br/> |                                   <- 2 of 4 cells

A table is recognised as such an export when all of these hold:

1. its delimiter row is the exporter's: ``|:-----|`` for every column (a colon and exactly
   five dashes, pipes on both sides);
2. every row, header included, starts and ends with a ``|``;
3. every body cell that has text ends with the exporter's line break ``<br/>``.

In such a table a short row (fewer cells than the header, at least one) whose row above is
complete or itself restored takes its missing leading cells from the row above; the
repeated cells get the class ``docfx-merged-cell`` so the page shows they continue the row
above, and each restoration is reported with its line. Every other short row reads as
Markdig reads it: its cells first, empty cells added at its end (reported, as a short row
may be damage). The first body row has no row above, so it is never restored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .pipe_table import LONE_PIPE
from .report import TranslationReport, source_line
from .table_cells import RowCells, code_span_end

__all__ = ["MERGED_CELL_CLASS", "remove_table_debris", "restore_merged_cells"]

MERGED_CELL_CLASS = "docfx-merged-cell"
_LONE_BOLD = re.compile(r"^\s*\*{4}\s*$")
_QUAD_BOLD = re.compile(r"\*{4}([^*\n]+?)\*{4}")
_STRAY_BOLD = re.compile(r"(?<=\S)[ \t]+\*{4}(?!\S)|(?<!\S)\*{4}[ \t]+(?=\S)")
_EXPORT_DELIMITER = re.compile(r"^\|(?::-{5}\|)+[ \t]*$")
_EXPORT_CELL_END = re.compile(r"<br\s*/?>\s*$", re.I)


def remove_table_debris(body: str, report: TranslationReport, first_line: int) -> str:
    """Blank out lone ``|`` and ``****`` lines, turn ``****X****`` into ``**X**``, drop
    stray ``****`` in text; code blocks and code spans are left as they are.

    Lines are blanked, not deleted, so token line numbers still match the source.
    """
    lines = body.split("\n")
    candidates = [i for i, line in enumerate(lines) if "****" in line or LONE_PIPE.match(line)]
    code = _code_lines(body) if candidates else set()
    for index in candidates:
        line, number = lines[index], first_line + index
        if index in code:
            continue
        if LONE_PIPE.match(line):
            lines[index] = ""
            report.add("table", number, "removed a lone '|' line left over from an export")
        elif _LONE_BOLD.match(line):
            lines[index] = ""
            report.add("table", number, "removed a lone '****' line left over from an export")
        elif "****" in line:
            lines[index] = _fix_bold_markers(line, report, number)
    return "\n".join(lines)


def _fix_bold_markers(line: str, report: TranslationReport, number: int) -> str:
    doubled = _outside_code_spans(line, lambda text: _QUAD_BOLD.sub(r"**\1**", text))
    if doubled != line:
        report.add("table", number, "turned doubled bold markers '****text****' into bold")
    stray = _outside_code_spans(doubled, lambda text: _STRAY_BOLD.sub("", text))
    if stray != doubled:
        report.add("table", number, "removed a stray '****' (export debris) from the text")
    return stray


def _outside_code_spans(line: str, change: Callable[[str], str]) -> str:
    parts: list[str] = []
    start = pos = 0
    while (pos := line.find("`", pos)) != -1:
        end = code_span_end(line, pos)
        parts += [change(line[start:pos]), line[pos:end]]
        start = pos = end
    return "".join([*parts, change(line[start:])])


@cache
def _block_reader() -> MarkdownIt:
    """CommonMark's block structure only: where the code blocks are."""
    md = MarkdownIt("commonmark", {"html": True})
    md.core.ruler.disable(["inline", "text_join"])
    return md


def _code_lines(body: str) -> set[int]:
    return {
        line
        for token in _block_reader().parse(body)
        if token.type in ("fence", "code_block") and token.map
        for line in range(*token.map)
    }


def restore_merged_cells(state: StateCore) -> None:
    """Core rule (after ``block``): restore an export's lost merged cells, report short rows."""
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        if tokens[index].type != "table_open":
            out.append(tokens[index])
            index += 1
            continue
        end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        out.extend(_repair_table(tokens[index : end + 1], state.env))
        index = end + 1
    state.tokens = out


def _repair_table(table: list[Token], env: MutableMapping[str, object]) -> list[Token]:
    report = env["report"]
    first_line = env["first_line"]
    assert isinstance(report, TranslationReport) and isinstance(first_line, int)
    rows = _rows(table)
    header = _cells(rows[0][1:-1])
    width = len(header)
    export = _is_damaged_export(table[0], [_source(row) for row in rows])
    out = [t for t in table if t.type in ("table_open", "thead_open")]
    previous: list[list[Token]] | None = None  # cells of the complete or restored row above
    for row in rows:
        cells = _cells(row[1:-1])
        given = len(_source(row).cells)
        line = source_line(first_line, row[0].map)
        is_body = row[1].type == "td_open"
        if is_body and 0 < given < width and export and previous is not None:
            cells = [_inherit(c) for c in previous[: width - given]] + cells[:given]
            report.add("table", line, _restored_message(given, width, cells))
        elif is_body and given < width:
            previous = None
            report.add("table", line, f"row has {given} of {width} cells; empty cells "
                       "added at its end, as DocFX (Markdig) does")
        if is_body and (given >= width or previous is not None):
            previous = cells
        out.extend([row[0], *(t for cell in cells for t in cell), row[-1]])
        if not is_body:
            out.append(next(t for t in table if t.type == "thead_close"))
            out.extend(t for t in table if t.type == "tbody_open")
    out.extend(t for t in table if t.type in ("tbody_close", "table_close"))
    return out


def _rows(table: list[Token]) -> list[list[Token]]:
    rows: list[list[Token]] = []
    for token in table:
        if token.type == "tr_open":
            rows.append([])
        if rows and (not rows[-1] or rows[-1][-1].type != "tr_close"):
            rows[-1].append(token)
    return rows


def _source(row: list[Token]) -> RowCells:
    cells = row[0].meta.get("row")
    assert isinstance(cells, RowCells), "tables are read by pipe_table"
    return cells


def _is_damaged_export(table_open: Token, rows: list[RowCells]) -> bool:
    """The three marks of an exporter's table (see the module docstring)."""
    if not _EXPORT_DELIMITER.match(str(table_open.meta["delimiter"])):
        return False
    if not all(row.leading_pipe and row.trailing_pipe for row in rows):
        return False
    return all(_EXPORT_CELL_END.search(cell) for row in rows[1:] for cell in row.cells
               if cell.strip())


def _restored_message(given: int, width: int, cells: list[list[Token]]) -> str:
    taken = width - given
    texts = ", ".join(repr(_short(cell[1].content)) for cell in cells[:taken])
    return (
        f"row has {given} of {width} cells in an exported table that lost its merged cells; "
        f"repeated the first {taken} from the row above: {texts}"
    )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(re.sub(r"<br\s*/?>", " ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cells(tokens: list[Token]) -> list[list[Token]]:
    cells: list[list[Token]] = []
    for token in tokens:
        if token.type in ("td_open", "th_open"):
            cells.append([token])
        else:
            cells[-1].append(token)
    return cells


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
