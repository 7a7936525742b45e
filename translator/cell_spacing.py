"""Runs of spaces in an exported table cell, read as the line breaks they stood for.

    | ... | **Connector for incoming email:**         From: Your organization's email
    server          To: Office 365  <br/> |      (one source line, wrapped here)

Exported tables (the seed's first table) separate the lines of a cell with runs of spaces
instead of `<br/>`. DocFX (Markdig) renders them as HTML renders any run of spaces: one
space, so "From: … To: …" run together. Here a run of four or more spaces inside a table
cell becomes a line break. That is an improvement over DocFX, not DocFX's reading, so each
cell where it happens is reported (info) with its line. Code spans are left alone.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .report import TranslationReport, source_line
from .tokens import leaf_token

__all__ = ["break_spaced_cells"]

_RUN = re.compile(r" {4,}")


def break_spaced_cells(state: StateCore) -> None:
    """Core rule (after "inline"): split cell text at runs of 4+ spaces with line breaks."""
    report = state.env.get("report")
    first_line = state.env["first_line"]
    in_cell = False
    for token in state.tokens:
        if token.type in ("td_open", "th_open"):
            in_cell = True
        elif token.type in ("td_close", "th_close"):
            in_cell = False
        elif in_cell and token.type == "inline" and token.children:
            runs = _break_runs(token)
            if runs and isinstance(report, TranslationReport):
                line = source_line(first_line, token.map)
                report.add(
                    "table", line,
                    f"{runs} run(s) of spaces in a cell read as line breaks (DocFX shows one "
                    "space; the exported table used them to separate lines)",
                )


def _break_runs(inline: Token) -> int:
    children: list[Token] = []
    runs = 0
    for child in inline.children or []:
        if child.type != "text" or not _RUN.search(child.content):
            children.append(child)
            continue
        pieces = _RUN.split(child.content)
        for i, piece in enumerate(pieces):
            if i:
                runs += 1
                children.append(Token("hardbreak", "br", 0))
            if piece:
                children.append(leaf_token("text", piece))
    inline.children = children
    return runs
