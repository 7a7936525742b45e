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

from .blockquote_markers import closing_index, marker_at, strip_marker
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
    tokens = state.tokens
    out: list[Token] = []
    dropped: set[int] = set()
    for index, token in enumerate(tokens):
        if index in dropped:
            continue
        marker = marker_at(tokens, index, _MARKER)
        if marker is None:
            out.append(token)
            continue
        classes = [_CLASS_NAME.sub("", c) for c in (marker.group("classes") or "").split()]
        closing = tokens[closing_index(tokens, index)]
        token.tag = closing.tag = "div"
        token.attrs = {"class": " ".join([DIV_CLASS, *(f"docfx-{c}" for c in classes if c)])}
        line = state.env["first_line"] + token.map[0] if token.map else None
        report.add("div", line, f"[!div] wrapper -> <div class=\"{token.attrs['class']}\">")
        out.append(token)
        dropped |= strip_marker(tokens, index, marker)
    state.tokens = out
