"""Blockquotes that DocFX reads as something else, by a ``[!WORD ...]`` opening line.

Alerts (``> [!NOTE]``), video embeds (``> [!VIDEO url]``) and class wrappers
(``> [!div class="x"]``) all share the shape: a blockquote whose first paragraph starts with
a bracketed marker. These helpers find the marker and turn the blockquote into something else;
each construct has its own module (`alerts`, `video`, `div_blocks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["closing_index", "html_token", "marker_at", "rewrite_marked_blockquotes",
           "strip_marker"]

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
    if inline.content.strip():
        return set()
    return {index + 1, index + 2, index + 3}


def html_token(content: str, level: int, *, block: bool = True) -> Token:
    """Raw HTML, written as is by the renderer."""
    token = Token("html_block" if block else "html_inline", "", 0)
    token.content = content
    token.block = block
    token.level = level
    return token
