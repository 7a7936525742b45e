"""Blockquotes that DocFX reads as something else, by a ``[!WORD ...]`` opening line.

Alerts (``> [!NOTE]``), video embeds (``> [!VIDEO url]``) and class wrappers
(``> [!div class="x"]``) all share the shape: a blockquote whose first paragraph starts with
a bracketed marker. These helpers find the marker and turn the blockquote into something else;
each construct has its own module (`alerts`, `video`, `div_blocks`).
"""

from __future__ import annotations

import re

from markdown_it.token import Token

__all__ = ["closing_index", "html_token", "marker_at", "strip_marker"]


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
