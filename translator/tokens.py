"""Tokens the translator's rules make: leaves the renderer writes out from their content.

markdown-it renders ``text``, ``text_special``, ``html_inline`` and ``html_block`` tokens
from their ``content`` alone, so one factory makes them all.
"""

from __future__ import annotations

from markdown_it.token import Token

__all__ = ["SPANNED_LINES", "html_token", "leaf_token", "line_offsets", "lines_inside"]

# token meta: the line breaks inside the source an inline rule's token stands for (a
# directive spread over lines); `lines_inside` reads it
SPANNED_LINES = "spanned_lines"


def leaf_token(kind: str, content: str) -> Token:
    """A token of type `kind` written out as its `content` (text escaped, HTML as is)."""
    return Token(kind, "", 0, content=content)


def html_token(content: str, level: int, *, block: bool = True) -> Token:
    """Raw HTML at nesting `level` of the block tokens, written as is by the renderer."""
    token = leaf_token("html_block" if block else "html_inline", content)
    token.block = block
    token.level = level
    return token


def lines_inside(token: Token) -> int:
    """The line breaks inside the source of an inline child that are not tokens of their
    own: what the rule that made it recorded, or raw HTML's (kept as written)."""
    meta = token.meta or {}
    if SPANNED_LINES in meta:
        return int(meta[SPANNED_LINES])
    return token.content.count("\n") if token.type == "html_inline" else 0


def line_offsets(children: list[Token]) -> list[int]:
    """The line of its paragraph (0: the first) each inline child starts on."""
    offsets, line = [], 0
    for child in children:
        line += child.type in ("softbreak", "hardbreak")
        offsets.append(line)
        line += lines_inside(child)
    return offsets
