"""DocFX version and pivot sections -> labeled sections (every version shown, each marked).

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#monikers
and #zones):

    ::: moniker range="exchserver-2019"
    Text that applies to Exchange Server 2019 only.
    ::: moniker-end

    :::zone pivot="powershell"
    Steps for PowerShell.
    :::zone-end

DocFX shows one version at a time, chosen by a version picker; a static copy has no picker,
so every section is shown, inside a ``div`` that opens with a label naming its range
("Applies to: exchserver-2019"). Sections may sit in list items and may nest.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererProtocol
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

__all__ = [
    "SECTION_CLASS",
    "render_section_close",
    "render_section_open",
    "section_block",
    "section_label",
]

SECTION_CLASS = "docfx-section"
_OPEN = re.compile(
    r"""^:::[ \t]*(?P<kind>moniker|zone)[ \t]+(?:range|pivot|target)[ \t]*=[ \t]*"""
    r"""["']?(?P<value>[^"'\n]*?)["']?[ \t]*(?::::)?[ \t]*$"""
)
_END = re.compile(r"^:::[ \t]*(?P<kind>moniker|zone)-end[ \t]*(?::::)?[ \t]*$")
_LABELS = {"moniker": "Applies to", "zone": "For"}


def section_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a ``::: moniker range=...`` or ``:::zone pivot=...`` section."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    opening = _OPEN.match(_line_text(state, start_line))
    if opening is None:
        return False
    if silent:
        return True
    close_line, closed = _find_end(state, start_line, end_line)
    if not closed:
        kind = opening.group("kind")
        state.env["report"].warn(
            "section",
            state.env["first_line"] + start_line,
            f"':::{kind}' section has no ':::{kind}-end' line; it ends where its "
            "enclosing block ends",
        )
    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "docfx_section"
    state.lineMax = close_line
    token = state.push("docfx_section_open", "div", 1)
    token.block = True
    token.map = [start_line, close_line]
    token.meta = {"kind": opening.group("kind"), "value": opening.group("value").strip()}
    state.md.block.tokenize(state, start_line + 1, close_line)
    token = state.push("docfx_section_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = close_line + (1 if closed else 0)
    return True


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _find_end(state: StateBlock, start_line: int, end_line: int) -> tuple[int, bool]:
    """(line of the matching end marker, whether it was found); nested sections counted."""
    depth = 1
    line = start_line
    while True:
        line += 1
        if line >= end_line:
            return line, False
        text = _line_text(state, line)
        if text and state.sCount[line] < state.blkIndent:
            return line, False  # a line less indented ends the list item holding us
        if _OPEN.match(text):
            depth += 1
        elif _END.match(text):
            depth -= 1
            if depth == 0:
                return line, True


def section_label(token: Token) -> str:
    kind, value = str(token.meta["kind"]), str(token.meta["value"])
    return f"{_LABELS[kind]}: {value}"


def render_section_open(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict,
    env: EnvType,
) -> str:
    token = tokens[idx]
    kind = html.escape(str(token.meta["kind"]))
    value = html.escape(str(token.meta["value"]), quote=True)
    return (
        f'<div class="{SECTION_CLASS} docfx-{kind}" data-{kind}="{value}">\n'
        f'<p class="docfx-section-label">{html.escape(section_label(token))}</p>\n'
    )


def render_section_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict,
    env: EnvType,
) -> str:
    return "</div>\n"


