"""Tokens the translator's rules make: leaves the renderer writes out from their content.

markdown-it renders ``text``, ``text_special``, ``html_inline`` and ``html_block`` tokens
from their ``content`` alone, so one factory makes them all.
"""

from __future__ import annotations

from markdown_it.token import Token

__all__ = ["html_token", "leaf_token"]


def leaf_token(kind: str, content: str) -> Token:
    """A token of type `kind` written out as its `content` (text escaped, HTML as is)."""
    return Token(kind, "", 0, content=content)


def html_token(content: str, level: int, *, block: bool = True) -> Token:
    """Raw HTML at nesting `level` of the block tokens, written as is by the renderer."""
    token = leaf_token("html_block" if block else "html_inline", content)
    token.block = block
    token.level = level
    return token
