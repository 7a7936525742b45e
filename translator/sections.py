"""DocFX version and pivot sections -> labeled sections (every version shown, each marked);
DocFX's row and column layout -> plain ``div`` containers.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#monikers
and #zones):

    ::: moniker range="exchserver-2019"
    Text that applies to Exchange Server 2019 only.
    ::: moniker-end

    :::zone pivot="powershell"
    Steps for PowerShell.
    :::zone-end

    :::row:::
       :::column span="2":::
       Wide column.
       :::column-end:::
    :::row-end:::

DocFX shows one version at a time, chosen by a version picker; a static copy has no picker,
so every section is shown, inside a ``div`` that opens with a label naming its range
("Applies to: exchserver-2019"). Sections may sit in list items and may nest.

Attributes are read by `directive_attributes` (any order, any spaces). What DocFX requires
(dotnet/docfx ``MonikerRange/MonikerRangeParser.cs``, ``TripleColon/ZoneExtension.cs``):
a moniker needs ``range="..."``; a zone needs ``pivot`` (names of lower-case letters, digits
and ``-``, comma-separated) or ``target`` (docs, chromeless or pdf; no pivot with pdf).
DocFX leaves a section it cannot read as text with an error: so do we, with a warning on
the line. DocFX also rejects a zone carrying any other attribute (``id=``...); we show that
section anyway and say so in the report. Rows (``RowParser.cs``) take no attributes and
columns (``NestedColumnParser.cs``) only ``span``: others are ignored and reported (DocFX
would not read the line). A row becomes ``<div class="docfx-row">``, a column
``<div class="docfx-column" data-span="2">``, laid out side by side by docfx.css.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererProtocol
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .directive_attributes import Attributes, read_attributes, unknown_names

__all__ = [
    "SECTION_CLASS",
    "render_section_close",
    "render_section_open",
    "section_block",
    "section_label",
]

SECTION_CLASS = "docfx-section"
_KINDS = "moniker|zone|row|column"
_OPEN = re.compile(
    rf"^:::[ \t]*(?P<kind>{_KINDS})(?![\w-])(?P<attrs>.*?)(?::::)?[ \t]*$", re.I
)
_PIVOT = re.compile(r"^\s*[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*\s*$")
_TARGETS = ("docs", "chromeless", "pdf")
_END = re.compile(rf"^:::[ \t]*(?P<kind>{_KINDS})-end[ \t]*(?::::)?[ \t]*$", re.I)
_LABELS = {"moniker": "Applies to", "zone": "For"}


def section_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a ``::: moniker range=...``, ``:::zone pivot=...``, ``:::row:::`` or
    ``:::column:::`` section."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    opening = _OPEN.match(_line_text(state, start_line))
    if opening is None:
        return False
    kind = opening.group("kind").lower()
    attributes = read_attributes(opening.group("attrs"))
    problem = _problem(kind, attributes)
    if problem is not None:
        if not silent:
            _report_invalid(state, start_line, kind, problem)
        return False
    if silent:
        return True
    line = state.env["first_line"] + start_line
    ignored = unknown_names(attributes, _KNOWN[kind])
    if ignored:
        names = ", ".join(ignored)
        state.env["report"].warn(
            "section", line,
            f"':::{kind}' attribute(s) {names} ignored (DocFX reads only range)"
            if kind == "moniker" else
            f"':::{kind}' with attribute(s) {names} that DocFX does not accept "
            f"(it leaves the line as text); shown as a section, {names} ignored",
        )
    close_line, closed = _find_end(state, start_line, end_line, kind)
    if not closed:
        state.env["report"].warn(
            "section",
            line,
            f"':::{kind}' section has no ':::{kind}-end' line; it ends where its "
            "enclosing block ends",
        )
    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "docfx_section"
    state.lineMax = close_line
    token = state.push("docfx_section_open", "div", 1)
    token.map = [start_line, close_line]
    token.meta = {"kind": kind, "value": _value(kind, attributes)}
    state.md.block.tokenize(state, start_line + 1, close_line)
    state.push("docfx_section_close", "div", -1)
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = close_line + (1 if closed else 0)
    return True


_KNOWN = {"moniker": ("range",), "zone": ("pivot", "target"), "row": (), "column": ("span",)}


def _problem(kind: str, attributes: Attributes) -> str | None:
    """Why DocFX would not read this section, None if it would."""
    if attributes.error:
        return attributes.error
    if kind == "moniker":
        return None if attributes.get("range").strip() else "it has no range=\"...\""
    if kind in ("row", "column"):
        return None
    pivot, target = attributes.get("pivot"), attributes.get("target")
    if not pivot and not target:
        return "it has neither pivot=\"...\" nor target=\"...\""
    if target and target not in _TARGETS:
        return f"target \"{target}\" is not one of {', '.join(_TARGETS)}"
    if pivot and not _PIVOT.match(pivot):
        return (f"pivot \"{pivot}\" is not a comma-separated list of lower-case names "
                "(letters, digits, -)")
    if pivot and target == "pdf":
        return "a pdf target takes no pivot"
    return None


def _value(kind: str, attributes: Attributes) -> str:
    if kind in ("row", "column"):
        return attributes.get("span").strip() or "1" if kind == "column" else ""
    if kind == "moniker":
        return attributes.get("range").strip()
    pivot = attributes.get("pivot")
    if pivot:
        return ", ".join(name.strip() for name in pivot.split(","))
    return f"{attributes.get('target')} only"


def _report_invalid(state: StateBlock, start_line: int, kind: str, problem: str) -> None:
    line = state.env["first_line"] + start_line
    state.env.setdefault("explained_lines", set()).add(line)
    state.env["report"].warn(
        "section", line,
        f"':::{kind}' line not read as a section: {problem}; DocFX keeps it as text "
        "(with an error), so it stays visible as text",
    )


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _find_end(
    state: StateBlock, start_line: int, end_line: int, kind: str
) -> tuple[int, bool]:
    """(line of the matching end marker, whether it was found); nested sections of the same
    kind counted."""
    depth = 1
    line = start_line
    while True:
        line += 1
        if line >= end_line:
            return line, False
        text = _line_text(state, line)
        if text and state.sCount[line] < state.blkIndent:
            return line, False  # a line less indented ends the list item holding us
        opening, end = _OPEN.match(text), _END.match(text)
        if opening and opening.group("kind").lower() == kind:
            depth += 1
        elif end and end.group("kind").lower() == kind:
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
    value = html.escape(str(token.meta["value"]))
    if kind == "row":
        return '<div class="docfx-row">\n'
    if kind == "column":
        return f'<div class="docfx-column" data-span="{value}">\n'
    return (
        f'<div class="{SECTION_CLASS} docfx-{kind}" data-{kind}="{value}">\n'
        f'<p class="docfx-section-label">{html.escape(section_label(token))}</p>\n'
    )


def render_section_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict,
    env: EnvType,
) -> str:
    return "</div>\n"


