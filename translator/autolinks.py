"""Bare URLs in text become links, as Markdig's AutoLinks extension (on in DocFX) makes them.

    See https://learn.microsoft.com/exchange and www.contoso.com.

Markdig links text that starts with ``http://``, ``https://``, ``ftp://``, ``mailto:`` or
``www.`` (Markdig's AutoLinkOptions; ``www.`` gets ``http://``). A bare domain such as
``contoso.com`` or an e-mail address without ``mailto:`` stays text there, so it stays text
here: markdown-it's linkify (linkify-it-py) runs without its "fuzzy" guesses, plus a
``www.`` rule. Markdig links a URL only at the start of text or after whitespace or one of
``*_~(`` (AutoLinkParser's previous-character check); linkify-it is more lenient, so a
link made after any other character (``hover="https://…"``) is turned back into text.
Code spans and existing links are not touched (markdown-it's linkify rule). The links
then go through the link rewriting like any other (marked external).
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["enable_autolinks"]

# After "www.": more labels, a top-level domain, and an optional path without spaces that
# does not end in punctuation (GFM's and Markdig's trailing ?!.,:*_~ stay outside the link).
_WWW_REST = re.compile(
    r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/(?:[^\s<>()]*[^\s<>()?!.,:*_~])?)?", re.IGNORECASE)
_MAY_PRECEDE = " \t\n*_~("


def _with_scheme(self: Any, match: Any) -> None:
    match.url = "http://" + match.url


def enable_autolinks(md: MarkdownIt) -> None:
    """Turn on markdown-it's linkify with Markdig's AutoLinks rules."""
    md.options["linkify"] = True
    md.enable("linkify")
    linkify = md.linkify
    assert linkify is not None  # linkify-it-py is installed (requirements.txt)
    linkify.set({"fuzzy_link": False, "fuzzy_email": False})  # fuzzy_ip is off by default
    linkify.add("www.", {"validate": _WWW_REST, "normalize": _with_scheme})
    md.core.ruler.after("linkify", "docfx_autolink_context", _unlink_where_markdig_would_not)


def _unlink_where_markdig_would_not(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = _checked(token.children)


def _checked(children: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(children):
        child = children[i]
        is_auto = child.type == "link_open" and child.markup == "linkify"
        before = out[-1].content[-1:] if out and out[-1].type == "text" else ""
        if is_auto and out and out[-1].type == "text" and before not in _MAY_PRECEDE:
            # link_open, text, link_close -> the text alone
            out.append(children[i + 1])
            i += 3
            continue
        out.append(child)
        i += 1
    return out
