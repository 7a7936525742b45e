"""DocFX class wrappers: ``> [!div class="..."]`` -> ``<div class="...">``.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#section-definition):

    > [!div class="mx-imgBorder"]
    > ![The mail flow page](media/mail-flow.png)

The blockquote is a wrapper, not a quote: it becomes a ``div`` carrying the classes (each
prefixed ``docfx-``, so they never collide with Material's own) and its content.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blockquote_markers import rewrite_marked_blockquotes
from .report import TranslationReport

__all__ = ["DIV_CLASS", "rewrite_div_blocks"]

DIV_CLASS = "docfx-div"
_MARKER = re.compile(
    r"""^\[!div(?:[ \t]+class=["'](?P<classes>[^"']*)["'])?[ \t]*\][ \t]*(?:\n|$)""", re.I
)
_CLASS_NAME = re.compile(r"[^A-Za-z0-9_-]")


def rewrite_div_blocks(state: StateCore) -> None:
    """Core rule (after ``block``, before ``inline``): blockquotes opening with ``[!div]``."""
    report: TranslationReport = state.env["report"]

    def to_div(opening: Token, closing: Token, marker: re.Match[str]) -> list[Token]:
        classes = [_CLASS_NAME.sub("", c) for c in (marker.group("classes") or "").split()]
        opening.tag = closing.tag = "div"
        opening.attrs = {"class": " ".join([DIV_CLASS, *(f"docfx-{c}" for c in classes if c)])}
        line = state.env["first_line"] + opening.map[0] if opening.map else None
        report.add("div", line, f"[!div] wrapper -> <div class=\"{opening.attrs['class']}\">")
        return [opening]

    rewrite_marked_blockquotes(state, _MARKER, to_div)
