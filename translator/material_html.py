"""Write the translated token stream as the HTML Material shows, with the page's outline.

markdown-it renders the whole article (reading it again with Python-Markdown would cost more
than the translation and could change it). Headings carry their ids and the permalink
Material's ``toc`` extension adds (``<a class="headerlink" href="#id">¶</a>``); legacy
anchors sit inside their heading; admonitions are already Material's HTML. The headings are
also returned as an outline, from which the adapter builds the page's table of contents.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from .anchors import LEGACY_ANCHOR_CLASS
from .markdown_parser import docfx_markdown
from .tokens import leaf_token

__all__ = ["Heading", "render_material_html"]

@dataclass(frozen=True)
class Heading:
    level: int  # 1 for <h1>
    id: str
    title: str  # plain text, HTML-escaped (what MkDocs' toc tokens carry as "name")


def render_material_html(tokens: list[Token], env: dict[str, Any]) -> tuple[str, list[Heading]]:
    """The article's HTML and its headings in document order."""
    md = docfx_markdown()
    headings = [
        Heading(int(token.tag[1]), str(token.attrGet("id")), _plain_title(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.attrGet("id")
    ]
    _put_legacy_anchors_in_headings(tokens)
    return md.renderer.render(tokens, md.options, env), headings


def _plain_title(inline: Token) -> str:
    text = "".join(
        c.content
        for c in inline.children or []
        if c.type in ("text", "code_inline", "text_special")
    )
    return html.escape(" ".join(text.split()), quote=False)


def _put_legacy_anchors_in_headings(tokens: list[Token]) -> None:
    for index, token in enumerate(tokens):
        names = token.meta.get("legacy_anchors") if token.type == "heading_open" else None
        if names:
            inline = tokens[index + 1]
            anchors = []
            for name in names:
                anchors.append(leaf_token(
                    "html_inline", f'<a id="{name}" class="{LEGACY_ANCHOR_CLASS}"></a>'))
            inline.children = anchors + (inline.children or [])
            token.meta["legacy_anchors"] = []  # rendering twice must not add them twice
