"""Heading ids and legacy ``<a name>`` anchors.

DocFX articles exported from TechNet put a legacy anchor after each heading:

    ## When do I need a connector?
    <a name="NeedConnector1"> </a>

Old links use ``#NeedConnector1``, so every such name stays a working target. An anchor alone
in the paragraph right after a heading is moved onto that heading (the link then lands on the
section's title, not below it); other anchors become ``<a id>`` in place. A name used twice
keeps its first place; later ones are renamed ``Name-2``, ``Name-3`` and reported.
Headings get readable ids the way DocFX makes them (GitHub style:
``when-do-i-need-a-connector``), which ``pymdownx.slugs`` reproduces, and the permalink
Material's ``toc`` extension writes (``<a class="headerlink" href="#id">¶</a>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pymdownx.slugs import slugify

from .report import TranslationReport, source_line

__all__ = ["LEGACY_ANCHOR_CLASS", "PERMALINK", "assign_anchors", "heading_slug",
           "render_heading_close"]

LEGACY_ANCHOR_CLASS = "docfx-anchor"
_LEGACY_OPEN = re.compile(r"""^<a\s+name\s*=\s*["']?(?P<name>[^"'\s>]+)["']?\s*/?>$""", re.I)
_CLOSE_A = re.compile(r"^</a\s*>$", re.I)
_slugify = slugify(case="lower")
PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">&para;</a>'


def heading_slug(text: str) -> str:
    return _slugify(text, "-") or "section"


def assign_anchors(state: StateCore) -> None:
    """Core rule (after ``inline``): heading ids, legacy anchors, duplicates renamed."""
    if state.env.get("inside_include"):
        return  # ids are handed out once the included blocks sit in the article
    ids = _IdRegistry(state.env["report"], state.env["first_line"])
    tokens = state.tokens
    out: list[Token] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = "".join(_plain_text(tokens[index + 1]))
            token.attrSet("id", ids.claim(heading_slug(text), token, legacy=False))
            token.meta["legacy_anchors"] = []
        if token.type == "inline" and token.children:
            heading = _heading_before(tokens, index)
            names = _anchor_only_names(token.children)
            if heading is not None and names:
                heading.meta["legacy_anchors"] = [ids.claim(n, token, legacy=True) for n in names]
                out.pop()  # the paragraph_open; its paragraph_close is skipped below
                tokens[index + 1].meta["docfx_drop"] = True
                continue
            _rewrite_inline_anchors(token, ids)
        if not token.meta.get("docfx_drop"):
            out.append(token)
    state.tokens = out
    state.env["anchors"] = ids.claimed


class _IdRegistry:
    """Hands out unique ids in document order; the first claim keeps a name."""

    def __init__(self, report: TranslationReport, first_line: int) -> None:
        self.claimed: list[str] = []
        self._first_seen: dict[str, int | None] = {}
        self._report = report
        self._first_line = first_line

    def claim(self, name: str, token: Token, *, legacy: bool) -> str:
        line = source_line(self._first_line, token.map)
        unique = name
        counter = 1
        while unique in self._first_seen:
            counter += 1
            unique = f"{name}-{counter}" if legacy else f"{name}-{counter - 1}"
        if unique != name and legacy:
            self._report.add(
                "anchor",
                line,
                f"anchor name '{name}' is already used on line {self._first_seen[name]}; "
                f"this one is now '{unique}' (the first keeps the name)",
            )
        elif legacy:
            self._report.add("anchor", line, f"legacy anchor <a name=\"{name}\"> kept as id")
        self._first_seen[unique] = line
        self.claimed.append(unique)
        return unique


def _heading_before(tokens: list[Token], index: int) -> Token | None:
    """The heading_open whose heading_close directly precedes this paragraph's inline."""
    if (
        index >= 2
        and tokens[index - 1].type == "paragraph_open"
        and tokens[index - 2].type == "heading_close"
    ):
        return next(t for t in reversed(tokens[: index - 2]) if t.type == "heading_open")
    return None


def _anchor_only_names(children: list[Token]) -> list[str]:
    """Names if the inline holds nothing but legacy anchors and whitespace, else []."""
    names: list[str] = []
    for child in children:
        if child.type == "html_inline":
            match = _LEGACY_OPEN.match(child.content)
            if match:
                names.append(match.group("name"))
            elif not _CLOSE_A.match(child.content):
                return []
        elif child.type not in ("softbreak", "hardbreak") and child.content.strip():
            return []
    return names


def _rewrite_inline_anchors(inline: Token, ids: _IdRegistry) -> None:
    for child in inline.children or []:
        if child.type == "html_inline":
            match = _LEGACY_OPEN.match(child.content)
            if match:
                name = ids.claim(match.group("name"), inline, legacy=True)
                child.content = f'<a id="{name}" class="{LEGACY_ANCHOR_CLASS}">'


def _plain_text(inline: Token) -> list[str]:
    return [c.content for c in inline.children or [] if c.type in ("text", "code_inline")]


def render_heading_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict,
    env: EnvType,
) -> str:
    """``</hN>`` preceded by Material's permalink to the heading."""
    anchor = tokens[idx - 2].attrGet("id")
    link = PERMALINK.format(id=html.escape(str(anchor))) if anchor else ""
    return f"{link}</{tokens[idx].tag}>\n"
