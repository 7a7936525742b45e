"""DocFX cross references: links to a page by its front matter ``uid:``, not by its path.

DocFX syntax (dotnet/docfx docs/docs/links-and-cross-references.md, "Cross references"; the
shorthand reader is ``src/Docfx.MarkdigEngine.Extensions/Xref/XrefInlineShortParser.cs``):

    ---
    uid: connectors-overview         <- the target page names itself
    ---

    <xref:connectors-overview>        autolink: the link text is the target's title
    [the overview](xref:connectors-overview#anchor)
                                      a link: its own text (empty: the target's title)
    See @connectors-overview.         shorthand: the target's title
    See @"an id with spaces".         shorthand, quoted
    <xref href="connectors-overview"/>  the HTML tag form: the target's title

- ``?text=...`` after the uid gives the link text, ``?title=...`` its tooltip;
- the shorthand starts with a letter and runs to a space or one of ``"'<>[]|``;
  ``.,;:!?~`` end it when followed by a space, the end or another of them (``@a.b.`` is
  ``a.b``); ``\\@`` is plain text;
- an unknown uid is a warning (file and line); its text stays, unlinked (the shorthand as
  written), as DocFX renders an unresolved cross reference.

Where we differ: DocFX tries ``@`` in the middle of a word too (``john@contoso.com``) and,
finding no such uid, leaves the text as it was. We never read an ``@`` after a letter,
digit or ``.-_+`` as a cross reference, so mail addresses are neither tried nor warned about.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .article_context import ArticleContext
from .directive_attributes import read_attributes
from .site_index import PageInfo
from .tokens import leaf_token, line_offsets

__all__ = ["XREF_TOKEN", "rewrite_xrefs", "xref_shorthand"]

XREF_TOKEN = "docfx_xref"
_CONTINUABLE = ".,;:!?~"
_STOP = "\"'<>[]|"
_WORD_BEFORE = ".-_+"  # with letters and digits: an address, not a cross reference
_XREF_TAG = re.compile(r"^<xref(?P<attrs>\s[^>]*?)?(?P<closed>/)?>$", re.I)
_XREF_END = re.compile(r"^</xref\s*>$", re.I)


def xref_shorthand(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``@``: ``@uid`` and ``@"uid"``."""
    src, pos = state.src, state.pos
    if not src.startswith("@", pos) or pos + 1 >= len(src):
        return False
    before = src[pos - 1] if pos else " "
    if before.isalnum() or before in _WORD_BEFORE:
        return False
    uid, end = _read_shorthand(src, pos + 1)
    if not uid:
        return False
    if not silent:
        token = state.push(XREF_TOKEN, "", 0)
        token.content = src[pos:end]
        token.meta = {"uid": uid}
    state.pos = end
    return True


def _read_shorthand(src: str, pos: int) -> tuple[str, int]:
    """(the uid, the index past it); an empty uid when there is none."""
    quote = src[pos]
    if quote in "'\"":
        close = src.find(quote, pos + 1)
        if close < 0 or "\n" in src[pos:close]:
            return "", pos
        return src[pos + 1 : close], close + 1
    if not src[pos].isalpha():
        return "", pos
    end = pos
    while end < len(src) and not src[end].isspace() and src[end] not in _STOP:
        following = src[end + 1] if end + 1 < len(src) else " "
        if src[end] in _CONTINUABLE and (following.isspace() or following in _STOP
                                         or following in _CONTINUABLE):
            break
        end += 1
    return src[pos:end], end


def rewrite_xrefs(tokens: list[Token], ctx: ArticleContext) -> None:
    """Cross references -> links to the pages named (raw ``<a>`` HTML, which the link
    rewrite leaves alone); unknown uids -> their text, with a warning."""
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _rewrite(token.children, ctx, ctx.line_of(token.map))


def _rewrite(children: list[Token], ctx: ArticleContext, line: int | None) -> list[Token]:
    out: list[Token] = []
    index = 0
    offsets = line_offsets(children)
    while index < len(children):
        child = children[index]
        where = line + offsets[index] if line else None  # the line the cross reference is on
        if child.type == XREF_TOKEN:
            out += _resolved(str(child.meta["uid"]), [], ctx, where, child.content)
        elif child.type == "html_inline" and (tag := _XREF_TAG.match(child.content)):
            attributes = read_attributes(tag["attrs"] or "", single_quotes=True)
            uid = attributes.get("href") or attributes.get("uid")
            if uid:
                out += _resolved(uid, [], ctx, where, uid)
            else:
                ctx.report.warn("xref", where, f"{child.content} names no uid (href=\"...\"); "
                                "it shows nothing")
            following = children[index + 1] if index + 1 < len(children) else None
            if not tag["closed"] and following is not None and _XREF_END.match(
                    following.content if following.type == "html_inline" else ""):
                index += 1
        elif child.type == "link_open" and str(child.attrGet("href") or "").startswith("xref:"):
            close = next(i for i in range(index, len(children))
                         if children[i].type == "link_close")
            inner = [] if child.markup == "autolink" else children[index + 1 : close]
            uid = unquote(str(child.attrGet("href"))[len("xref:"):])
            out += _resolved(uid, inner, ctx, where, uid)
            index = close
        else:
            out.append(child)
        index += 1
    return out


def _resolved(
    written: str, inner: list[Token], ctx: ArticleContext, line: int | None, fallback: str
) -> list[Token]:
    """The tokens of one cross reference: a link to the page, else its text unlinked."""
    uid, _, fragment = written.partition("#")
    uid, _, query = uid.partition("?")
    options = {k: v[0] for k, v in parse_qs(query).items()}
    page = ctx.index.by_uid(uid.strip())
    if page is None:
        ctx.report.warn("xref", line, f"cross reference to uid '{uid}': no page has that "
                        "uid in its front matter; its text kept, not linked")
        return inner or [leaf_token("text", fallback)]
    text = inner or [leaf_token("text", options.get("text") or page.title)]
    title = f' title="{html.escape(options["title"])}"' if "title" in options else ""
    anchor = _anchor(page, fragment, ctx, line)  # checked (and reported) once
    on_this_page = page.src_path == ctx.page.src_path and fragment
    href = anchor if on_this_page else ctx.href_to(page.url) + anchor
    ctx.report.add("xref", line, f"cross reference to uid '{uid}' -> {page.src_path}")
    return [leaf_token("html_inline", f'<a href="{html.escape(href)}"{title}>'), *text,
            leaf_token("html_inline", "</a>")]


def _anchor(page: PageInfo, fragment: str, ctx: ArticleContext, line: int | None) -> str:
    if not fragment:
        return ""
    if page.anchors is not None and fragment not in page.anchors:
        ctx.report.add("xref", line, f"{page.src_path} has no anchor '#{fragment}'",
                       level="unresolved")
    return f"#{fragment}"
