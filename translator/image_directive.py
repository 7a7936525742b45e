"""DocFX's extended image syntax -> an ordinary image (then handled by `images`).

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#images):

    :::image type="content" source="media/connector-list.png" alt-text="The connector list.":::

    :::image type="complex" source="media/flow.png" alt-text="Mail flow.":::
       A longer description of the picture.
    :::image-end:::

The directive becomes an ``image`` token with ``source`` and ``alt-text``; the long
description of a complex image stays as visible text after it, and ``:::image-end:::`` is
dropped. Other attributes (``type``, ``border``, ``lightbox``) have no effect here.
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

__all__ = ["image_directive"]

_DIRECTIVE = re.compile(
    r':::image(?P<attrs>(?:[ \t\n]+[\w-]+[ \t]*=[ \t]*"[^"]*")*)[ \t\n]*:::'
)
_END = re.compile(r":::image-end:::")
_ATTR = re.compile(r'([\w-]+)[ \t]*=[ \t]*"([^"]*)"')


def image_directive(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``:``: ``:::image ...:::`` and ``:::image-end:::``."""
    if not state.src.startswith(":::image", state.pos):
        return False
    end = _END.match(state.src, state.pos)
    if end:
        state.pos = end.end()
        return True
    match = _DIRECTIVE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        attrs = dict(_ATTR.findall(match.group("attrs")))
        alt = attrs.get("alt-text", "")
        token = state.push("image", "img", 0)
        token.attrs = {"src": attrs.get("source", ""), "alt": ""}
        token.content = alt
        text = Token("text", "", 0)
        text.content = alt
        token.children = [text]
    state.pos = match.end()
    return True
