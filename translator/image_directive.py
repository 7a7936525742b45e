"""DocFX's extended image syntax -> an ordinary image (then handled by `images`).

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#images):

    :::image type="content" source="media/connector-list.png" alt-text="The connector list.":::

    :::image type="complex" source="media/flow.png" alt-text="Mail flow.":::
       A longer description of the picture.
    :::image-end:::

The directive becomes an ``image`` token with ``source`` and ``alt-text``; the long
description of a complex image stays as visible text after it, and ``:::image-end:::`` is
dropped. ``link="..."`` makes the image a link (read like any link: a page of ours, a
file, a URL); ``lightbox="media/big.png"`` a link to that (larger) picture, as DocFX writes
``<a href="big.png#lightbox">`` around it (``link`` wins when both are given; the overlay
Learn opens is not reproduced: the link opens the picture). Other attributes (``type``,
``border``, ``loc-scope``) have no effect here.

Attributes are read by `directive_attributes`, in any order. DocFX (dotnet/docfx
``TripleColon/ImageExtension.cs``) requires ``source``, and ``alt-text`` unless
``type="icon"``; without them, or with attributes it cannot read, its parser gives up with an
error: ``:::image`` stays text and the rest is read as ordinary Markdown (emphasis, line breaks
and all). So do we, with a warning. It also rejects attributes it does not know;
we show the image anyway and warn.
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from .directive_attributes import read_attributes, unknown_names
from .tokens import SPANNED_LINES, leaf_token

__all__ = ["DIRECTIVE_REPORTS", "INVALID_DIRECTIVE", "image_directive", "invalid_directive"]

INVALID_DIRECTIVE = "docfx_invalid_directive"  # kept as text; `unknown_syntax` reports it
DIRECTIVE_REPORTS = "directive_reports"  # token meta: (level, kind, message) to report
_OPEN = re.compile(r":::image(?=[\s:])", re.I)
_END = re.compile(r":::image-end:::", re.I)
_KNOWN = ("alt-text", "type", "loc-scope", "source", "border", "lightbox", "link")


def image_directive(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``:``: ``:::image ...:::`` and ``:::image-end:::``."""
    end = _END.match(state.src, state.pos)
    if end:
        state.pos = end.end()
        return True
    if _OPEN.match(state.src, state.pos) is None:
        return False
    close = state.src.find(":::", state.pos + len(":::image"))
    if close == -1:
        return False
    attributes = read_attributes(state.src[state.pos + len(":::image") : close])
    problem = attributes.error
    if problem is None and not attributes.get("source"):
        problem = "it has no source=\"...\""
    if problem is None and not attributes.get("alt-text") and attributes.get("type") != "icon":
        problem = "it has no alt-text=\"...\" (only an icon may have none)"
    if problem is not None:
        # DocFX's parser gives up (TripleColonInlineParser returns false): ':::image' stays
        # text and what follows is read as ordinary Markdown, its line breaks included
        if silent:
            state.pos += len(":::image")
        else:
            invalid_directive(state, state.pos + len(":::image"),
                              f"':::image' not read as an image: {problem}")
        return True
    if not silent:
        offset = state.src[: state.pos].count("\n")
        alt = attributes.get("alt-text")
        # DocFX wraps the image in a link: `link` (any link) before `lightbox` (the
        # full-size picture; Learn opens it in an overlay, offline it is the file itself)
        target = attributes.get("link") or attributes.get("lightbox")
        if target:
            state.push("link_open", "a", 1).attrs = {"href": state.md.normalizeLink(target)}
        token = state.push("image", "img", 0)
        token.attrs = {"src": attributes.get("source"), "alt": ""}
        token.content = alt
        token.children = [leaf_token("text", alt)]
        token.meta = {SPANNED_LINES: state.src[state.pos : close].count("\n")}
        unknown = unknown_names(attributes, _KNOWN)
        if unknown:
            token.meta |= {"offset": offset, DIRECTIVE_REPORTS: [(
                "warning", "syntax",
                f"':::image' with attribute(s) {', '.join(unknown)} that DocFX does not "
                "accept (it keeps the directive as text); shown as an image, those ignored")]}
        if target:
            state.push("link_close", "a", -1)
    state.pos = close + 3
    return True


def invalid_directive(state: StateInline, end: int, why: str) -> None:
    """Keep ``state.src[state.pos:end]`` as text, to be reported with `why` and its line."""
    token = state.push(INVALID_DIRECTIVE, "", 0)
    token.content = state.src[state.pos : end]
    token.meta = {"offset": state.src[: state.pos].count("\n"), "why": why}
    state.pos = end
