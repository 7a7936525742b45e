"""Blockquotes that DocFX reads as something else, by a ``[!WORD ...]`` opening line.

Alerts (``> [!NOTE]``), video embeds (``> [!VIDEO url]``) and class wrappers
(``> [!div class="x"]``) all share the shape: a blockquote whose first paragraph starts with
a bracketed marker. These helpers find the marker and turn the blockquote into something else;
each construct has its own module (`alerts`, `video`, `div_blocks`).

One ``>`` quote may hold several of them. DocFX's quote reader (Markdig extension
``QuoteSectionNoteParser``, dotnet/docfx ``src/Docfx.MarkdigEngine.Extensions/QuoteSectionNote``)
closes the block it is in when a continued quote line is itself a marker line (a note type,
``[!div ...]`` or ``[!Video http...]`` alone on the line), and a video is always one line:

    > [!NOTE]                  <- a note ...
    > First.
    > [!WARNING]               <- ... closed here; a warning starts
    > Second.

`split_marked_blockquote` replaces markdown-it's blockquote rule to end each quote at such
a line, so every marker heads its own quote before the construct modules run.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.blockquote import blockquote
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["closing_index", "is_marker_line", "marker_at",
           "report_text_after_marker", "rewrite_marked_blockquotes", "split_marked_blockquote",
           "strip_marker"]

# DocFX's note types (its default `noteTypes`), compared in any case
NOTE_TYPES = frozenset({"note", "tip", "important", "caution", "warning"})
# `[!...]` up to the first `]` not escaped by a backslash, then only spaces: a marker line
_MARKER_LINE = re.compile(r"^\[!(?P<info>(?:\\.|[^\]\\])*)\][ \t]*$")
_VIDEO_INFO = re.compile(r"^video[ \t]+https?://", re.I)
# a marker with more text on its line: `> [!NOTE] Read this.`
_MARKER_WITH_TEXT = re.compile(r"^(?P<marker>\[!(?:\\.|[^\]\\\n])*\])[ \t]*[^\s]")

# (opening, closing, marker) -> the tokens to put where the opening was, or None to leave
# the blockquote alone. It may edit the opening and closing tokens in place.
BlockquoteRewrite = Callable[[Token, Token, re.Match[str]], "list[Token] | None"]


def rewrite_marked_blockquotes(
    state: StateCore, pattern: re.Pattern[str], rewrite: BlockquoteRewrite
) -> None:
    """Hand each blockquote whose first paragraph opens with `pattern` to `rewrite`; cut
    the marker from what it keeps (and the paragraph, if nothing else was in it)."""
    tokens = state.tokens
    out: list[Token] = []
    dropped: set[int] = set()
    for index, token in enumerate(tokens):
        if index in dropped:
            continue
        marker = marker_at(tokens, index, pattern)
        replacement = None
        if marker is not None:
            replacement = rewrite(token, tokens[closing_index(tokens, index)], marker)
        if marker is None or replacement is None:
            out.append(token)
            continue
        out.extend(replacement)
        dropped |= strip_marker(tokens, index, marker)
    state.tokens = out


def is_marker_line(text: str) -> bool:
    """Whether a quote line (after its ``>``) opens a DocFX note, section or video."""
    match = _MARKER_LINE.match(text)
    if match is None:
        return False
    info = match["info"].strip()
    return (info.lower() in NOTE_TYPES or info[:3].lower() == "div"
            or _VIDEO_INFO.match(info) is not None)


def split_marked_blockquote(
    state: StateBlock, start_line: int, end_line: int, silent: bool
) -> bool:
    """Block rule in place of ``blockquote``: the quote ends before a later marker line
    (and right after a video line), as in DocFX."""
    if silent or state.is_code_block(start_line):
        return blockquote(state, start_line, end_line, silent)
    first = _quoted_text(state, start_line)
    if first is None:
        return False
    if _MARKER_LINE.match(first) and _VIDEO_INFO.match(first[2:]):
        end = start_line + 1  # a video is one line: what follows is another quote
    else:
        end = _next_marker_line(state, start_line, end_line)
    old_line_max = state.lineMax
    state.lineMax = min(end, old_line_max)  # no lazy paragraph line past the marker
    try:
        return blockquote(state, start_line, min(end, end_line), silent)
    finally:
        state.lineMax = old_line_max


def _quoted_text(state: StateBlock, line: int) -> str | None:
    """The line's text after ``>`` and one optional space, None if it is not quoted."""
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    if not text.startswith(">"):
        return None
    return text[2:] if text[1:2] in (" ", "\t") else text[1:]


def _next_marker_line(state: StateBlock, start_line: int, end_line: int) -> int:
    """The first quoted marker line after `start_line` in this quote, else `end_line`.

    Only a blank line ends the search: a line indented less than the container (a lazy
    continuation line of a quote in a list item) can be followed by more lines of the quote,
    as at the top level; where such a line ends the quote instead, the quote ends there
    anyway and a marker line found later does not matter."""
    for line in range(start_line + 1, end_line):
        if state.isEmpty(line):
            break
        if state.is_code_block(line):
            continue
        text = _quoted_text(state, line)
        if text is not None and is_marker_line(text):
            return line
    return end_line


def report_text_after_marker(state: StateCore) -> None:
    """Core rule (after the marker rewrites): a quote opening with a marker followed by text
    on the same line. DocFX reads it as a plain quote ("Text in the first line of
    Note/Section/Video is not valid") and so do we; the warning says why."""
    first_line: int = state.env["first_line"]
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or index + 2 >= len(tokens):
            continue
        inline = tokens[index + 2]
        match = _MARKER_WITH_TEXT.match(inline.content) if inline.type == "inline" else None
        if match is None or not is_marker_line(match["marker"]) or not inline.map:
            continue
        line = first_line + inline.map[0]
        state.env.setdefault("explained_lines", set()).add(line)
        state.env["report"].warn(
            "syntax", line,
            f"text after {match['marker']} on its line: DocFX reads this as a plain quote, "
            "not as its alert, section or video; so do we (move the text to the next line)",
        )


def marker_at(tokens: list[Token], index: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The marker opening the blockquote at `index`, if its first paragraph starts with one."""
    if tokens[index].type != "blockquote_open" or index + 2 >= len(tokens):
        return None
    if tokens[index + 1].type != "paragraph_open" or tokens[index + 2].type != "inline":
        return None
    return pattern.match(tokens[index + 2].content)


def closing_index(tokens: list[Token], index: int) -> int:
    """Index of the token closing the one opened at `index` (same type family, same level)."""
    opening = tokens[index]
    closing_type = opening.type.replace("_open", "_close")
    return next(
        i
        for i in range(index + 1, len(tokens))
        if tokens[i].type == closing_type and tokens[i].level == opening.level
    )


def strip_marker(tokens: list[Token], index: int, marker: re.Match[str]) -> set[int]:
    """Cut the marker from the first paragraph; the indexes to drop if nothing is left."""
    inline = tokens[index + 2]
    inline.content = inline.content[marker.end() :]
    if inline.map and marker.group().endswith("\n"):  # the text now starts a line lower
        inline.map = [inline.map[0] + 1, inline.map[1]]
    if inline.content.strip():
        return set()
    return {index + 1, index + 2, index + 3}
