"""Write the translated token stream as Markdown that MkDocs/Material reads as intended.

Top-level headings are written as Markdown headings with an explicit id (``## Title {#id}``,
attr_list), so MkDocs builds the page's table of contents and Material adds permalinks.
Everything between headings is written as the HTML markdown-it renders, which
Python-Markdown passes through untouched: no second Markdown reading can change it.
"""

from __future__ import annotations

import re
from typing import Any, cast

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from .anchors import LEGACY_ANCHOR_CLASS
from .markdown_parser import docfx_markdown

__all__ = ["render_material_markdown"]

_TAG = re.compile(r"(<[^>]*>)")
# Characters Python-Markdown would read as syntax in a heading line (its escapable set).
_PYTHON_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")


def render_material_markdown(tokens: list[Token], env: dict[str, Any]) -> str:
    md = docfx_markdown()
    renderer = cast(RendererHTML, md.renderer)
    _put_legacy_anchors_in_headings(tokens)
    blocks: list[str] = []
    pending: list[Token] = []

    def flush() -> None:
        rendered = md.renderer.render(pending, md.options, env).strip()
        if rendered:
            blocks.append(rendered)
        pending.clear()

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            flush()
            text = renderer.renderInline(tokens[index + 1].children or [], md.options, env)
            level = int(token.tag[1])
            blocks.append(f"{'#' * level} {_escape_text(text)} {{#{token.attrGet('id')}}}")
            index += 3
            continue
        pending.append(token)
        index += 1
    flush()
    return "\n\n".join(blocks) + "\n"


def _put_legacy_anchors_in_headings(tokens: list[Token]) -> None:
    for index, token in enumerate(tokens):
        names = token.meta.get("legacy_anchors") if token.type == "heading_open" else None
        if names:
            inline = tokens[index + 1]
            anchors = []
            for name in names:
                anchor = Token("html_inline", "", 0)
                anchor.content = f'<a id="{name}" class="{LEGACY_ANCHOR_CLASS}"></a>'
                anchors.append(anchor)
            inline.children = anchors + (inline.children or [])


def _escape_text(html_text: str) -> str:
    parts = _TAG.split(html_text)
    return "".join(
        part if index % 2 else _PYTHON_MARKDOWN_SPECIAL.sub(r"\\\1", part)
        for index, part in enumerate(parts)
    )
