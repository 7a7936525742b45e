"""The ``[!INCLUDE [title](path)]`` directive: how DocFX reads it, as block and inline rules.

DocFX (docs/docs/markdown.md, "Include Markdown Files"; its reader is
``src/Docfx.MarkdigEngine.Extensions/Inclusion`` with ``ExtensionsHelper.MatchLink``):

    [!INCLUDE [Prerequisites](../includes/prerequisites.md)]     <- alone on its line: a block
    Text before [!include[the plan](../includes/plan.md)] after. <- in a sentence: inline

- ``[!include`` in any case, an optional ``+``, spaces, then ``[title]`` (a backslash escapes
  the next character), ``(`` and the path: up to the first space or unescaped ``)``, in
  ``<...>`` if written so, backslash escapes removed (``a\\(b\\).md`` is ``a(b).md``); a
  ``"tooltip"`` after the path is allowed; then ``]``.
- A block include is a block of its own: like any DocFX block, it interrupts the paragraph,
  list item text or table above it (Markdig block parsers may interrupt a paragraph).
- ``\\[!include ...]`` (escaped) is literal text, all of it: its ``[title](path)`` is not
  made a link either (a plain CommonMark reading would link it; the author escaped the
  directive to show it). Reported, so the difference is visible.

Both rules push a ``docfx_include`` token (``meta``: title, path, line offset; inline: its
index in the paragraph's text, ``start``); `includes`
splices the included file in after the inline pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

__all__ = ["IncludeDirective", "escaped_include", "include_block", "include_inline",
           "parse_include"]

_START = re.compile(r"\[!include\+?", re.I)


@dataclass(frozen=True)
class IncludeDirective:
    title: str
    path: str
    end: int  # index just past the closing ``]``


def parse_include(text: str, pos: int = 0) -> IncludeDirective | None:
    """The directive starting at `pos` of `text`, None if there is none."""
    start = _START.match(text, pos)
    if start is None:
        return None
    index = start.end()
    while text.startswith(" ", index):
        index += 1
    if not text.startswith("[", index):
        return None
    title, index = _read_until(text, index + 1, "]", stop_at_space=False)
    if title is None or not text.startswith("(", index + 1):
        return None
    path, index = _read_path(text, index + 2)
    if path is None or not text.startswith("]", index):
        return None
    return IncludeDirective(title.strip(), path, index + 1)


def _read_path(text: str, index: int) -> tuple[str | None, int]:
    """(the path, the index past its closing ``)``)."""
    while index < len(text) and text[index].isspace():
        index += 1
    angled = text.startswith("<", index)
    path, index = _read_until(text, index, ")>" if angled else ")", stop_at_space=True)
    if path is None:
        return None, index
    if angled:
        path = path[1:].strip()
    if not text.startswith(")", index):  # a tooltip ("..."), or the ``>`` of ``<path>``
        _tooltip, index = _read_until(text, index, ")", stop_at_space=False)
        if _tooltip is None:
            return None, index
    return (path or None), index + 1


def _read_until(
    text: str, index: int, stops: str, *, stop_at_space: bool
) -> tuple[str | None, int]:
    """Characters up to an unescaped one of `stops` (escapes removed); None at the end."""
    out: list[str] = []
    escaped = False
    while index < len(text):
        char = text[index]
        if not escaped and (char in stops or (stop_at_space and char.isspace())):
            return "".join(out).strip(), index
        if char == "\\" and not escaped:
            escaped = True
        else:
            out.append(char)
            escaped = False
        index += 1
    return None, index


def include_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line holding only an include directive."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    text = state.src[begin : state.eMarks[start_line]]
    directive = parse_include(text)
    if directive is None or text[directive.end :].strip():
        return False
    if silent:
        return True
    token = state.push("docfx_include", "", 0)
    token.map = [start_line, start_line + 1]
    token.meta = {"title": directive.title, "path": directive.path}
    state.line = start_line + 1
    return True


def include_inline(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``[``: an include directive in a sentence."""
    directive = parse_include(state.src, state.pos)
    if directive is None:
        return False
    if not silent:
        token = state.push("docfx_include", "", 0)
        token.meta = {"title": directive.title, "path": directive.path,
                      "offset": state.src[: state.pos].count("\n"), "start": state.pos}
        token.content = state.src[state.pos : directive.end]
    state.pos = directive.end
    return True


def escaped_include(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``\\`` (before ``escape``): ``\\[!include[...](...)]`` as plain text."""
    if not state.src.startswith("\\[", state.pos):
        return False
    directive = parse_include(state.src, state.pos + 1)
    if directive is None:
        return False
    if not silent:
        token = state.push("docfx_escaped_include", "", 0)
        token.content = state.src[state.pos + 1 : directive.end]
        token.meta = {"offset": state.src[: state.pos].count("\n")}
    state.pos = directive.end
    return True
