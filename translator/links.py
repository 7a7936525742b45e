"""Links: to our own pages when we host the target, else to its public address.

Handled forms (DocFX: https://learn.microsoft.com/contribute/content/how-to-write-links):

    [text](other-article.md#anchor)        relative file link -> our page, anchor checked;
                                           absent article -> public URL (upstream base + path)
    [text](/exchange/path/article)         site-absolute docset link, same rule
    [text](#anchor)                        in-page anchor, checked ("#X.md" read as "#X")
    [text]()                               kept: an empty href means this page
    [text](http://technet.microsoft.com/library/<GUID>.aspx)
                                           -> our page whose ms.assetid is GUID, else kept
    [t](http://technet.microsoft.com/library/http://go.microsoft.com/...aspx)
                                           a URL nested in another -> the inner URL
    [text](http://technet.microsoft.com/library/<GUID>.aspx)  (not hosted here)
                                           a retired address -> its current public page when
                                           retired_links.yaml knows it ("replaced"), else kept
                                           and reported as unresolved
    [](target)                             empty text -> the target's title, or a readable
                                           title made from its last path segment when we do
                                           not host it ("replaced")
    [t](~/a/b.md) [t](<my file.md>) [t](my%20file.md)
                                           paths read as DocFX reads them (`docfx_paths`);
                                           a link to an included file (not a page) keeps
                                           its text, unlinked, with a warning

DocFX renders an empty link text as an empty link (Markdig keeps `[](url)` as `<a>` with
no text: nothing to click or read); we supply a text and say so in the build report.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from markdown_it.token import Token

from .article_context import ArticleContext
from .includes import WRITTEN_IN
from .site_index import (
    PageInfo,
    docset_paths,
    page_files,
    public_site_url,
    title_from_path,
    upstream_url,
)
from .tokens import leaf_token

__all__ = ["EXTERNAL_LINK_CLASS", "NOT_LINKED", "resolve_href", "rewrite_links"]

EXTERNAL_LINK_CLASS = "docfx-external"
NOT_LINKED = "\0"  # the href of a link that cannot be followed: its text stays, unlinked
_TECHNET = r"https?://technet\.microsoft\.com/(?:[a-z]{2}-[a-z]{2}/)?library/"
_NESTED_URL = re.compile(_TECHNET + r"(?P<inner>https?://.+?)(?:\.aspx)?$", re.I)
_GUID_URL = re.compile(
    _TECHNET + r"(?P<guid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"(?:\([^)]*\))?\.aspx(?P<fragment>#.*)?$",
    re.I,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def rewrite_links(tokens: list[Token], ctx: ArticleContext) -> None:
    for token in tokens:
        if token.type == "inline" and token.children:
            _rewrite_children(token.children, ctx, ctx.line_of(token.map))


def resolve_href(href: str, ctx: ArticleContext, line: int | None) -> str:
    """Where a link written in the article (`ctx.page`) goes, from that page's URL."""
    return _resolve(href, ctx, line)[0]


def _rewrite_children(children: list[Token], ctx: ArticleContext, line: int | None) -> None:
    for index, child in enumerate(children):
        if child.type != "link_open":
            continue
        href = str(child.attrGet("href") or "")
        new_href, target, external = _resolve(href, ctx, line, _written_in(child))
        if new_href == NOT_LINKED:
            del child.attrs["href"]  # <a> without href: its text, no link
            continue
        child.attrSet("href", new_href)
        if external:
            child.attrJoin("class", EXTERNAL_LINK_CLASS)
        if index + 1 < len(children) and children[index + 1].type == "link_close":
            text = target.title if target else title_from_path(_last_segment(new_href))
            children.insert(index + 1, leaf_token("text", text))
            source = "its title" if target else "a title made from its address"
            ctx.report.add(
                "link", line, f"empty link text replaced by {source}: '{text}' ({href})",
                level="replaced",
            )


def _resolve(
    href: str, ctx: ArticleContext, line: int | None, written_in: str = ""
) -> tuple[str, PageInfo | None, bool]:
    """(new href, the local page it points to or None, whether it leaves the site)."""
    nested = _NESTED_URL.match(href)
    if nested:
        inner = nested.group("inner")
        ctx.report.add("link", line, f"nested URL {href} -> its inner URL {inner}")
        return inner, None, True
    guid = _GUID_URL.match(href)
    hosted = _resolve_assetid(href, guid, ctx, line) if guid else None
    if hosted is not None:
        return hosted
    if _SCHEME.match(href):
        web = href.lower().startswith(("http:", "https:", "//"))
        return (_resolve_web(href, ctx, line) if web else href), None, web
    if not href:  # [text](): this page, as Markdig's empty href means
        return "", ctx.page, False
    if href.startswith("#"):
        return "#" + _checked_anchor(ctx.page, href[1:], ctx, line, href), ctx.page, False
    if href.startswith("/"):
        return _resolve_site_absolute(href, ctx, line)
    return _resolve_relative(href, ctx, line, written_in)


def _resolve_web(href: str, ctx: ArticleContext, line: int | None) -> str:
    """A web address; a retired one goes to its current page when that is known."""
    retired = ctx.settings.retired_links
    current = retired.current_url(href)
    if current is not None:
        ctx.report.add(
            "link", line, f"retired address {href} replaced by its current page {current}",
            level="replaced",
        )
        return current
    if retired.is_retired(href):
        host = urlsplit(href).hostname
        ctx.report.add(
            "link", line,
            f"{href}: {host} is retired and no current page is known for this address "
            "(add it to retired_links.yaml); the link is kept as written",
            level="unresolved",
        )
    return href


def _resolve_assetid(
    href: str, match: re.Match[str], ctx: ArticleContext, line: int | None
) -> tuple[str, PageInfo | None, bool] | None:
    """The hosted article with that ms.assetid, or None when we do not host it."""
    page = ctx.index.by_assetid(match.group("guid"))
    if page is None:
        return None
    fragment = (match.group("fragment") or "#")[1:]
    new = ctx.href_to(page.url) + _fragment(_checked_anchor(page, fragment, ctx, line, href))
    ctx.report.add("link", line, f"TechNet link {href} -> local article {page.src_path}")
    return new, page, False


def _resolve_site_absolute(
    href: str, ctx: ArticleContext, line: int | None
) -> tuple[str, PageInfo | None, bool]:
    # Public paths are case-insensitive: upstream writes /exchange/... and /Exchange/...
    candidates = docset_paths(urlsplit(href).path, ctx.settings)
    if candidates is not None:
        found = ((c, _page_at(c, ctx, any_case=True)) for c in candidates)
        docs_path, page = next((f for f in found if f[1] is not None), (candidates[-1], None))
        if page is None:
            page = _page_in_subfolder(page_files(docs_path), ctx)
        return _resolve_to(docs_path, page, href, ctx, line)
    new = public_site_url(href, ctx.settings)
    ctx.report.add("link", line, f"{href} is in another docset -> {new}")
    return new, None, True


def _page_at(docs_path: str, ctx: ArticleContext, *, any_case: bool) -> PageInfo | None:
    """The hosted page a link to `docs_path` means; with `any_case`, ignoring case."""
    candidates = page_files(docs_path)
    page = next((ctx.index.pages[c] for c in candidates if c in ctx.index.pages), None)
    if page is None and any_case:
        lowered = {c.lower() for c in candidates}
        page = next((p for path, p in ctx.index.pages.items() if path.lower() in lowered), None)
    return page


def _resolve_relative(
    href: str, ctx: ArticleContext, line: int | None, written_in: str
) -> tuple[str, PageInfo | None, bool]:
    docs_path = ctx.resolve(urlsplit(href).path)  # ~/ and %20 read as DocFX reads them
    if docs_path in ctx.index.not_pages:
        where = f" (written in {written_in})" if written_in else ""
        ctx.report.warn("link", line, f"{href}{where}: {docs_path} is an included file, "
                        "which DocFX publishes no page for; its text kept, not linked")
        return NOT_LINKED, None, False
    return _resolve_to(docs_path, _page_at(docs_path, ctx, any_case=False), href, ctx, line)


def _written_in(token: Token) -> str:
    return str((token.meta or {}).get(WRITTEN_IN, ""))


def _resolve_to(
    docs_path: str, page: PageInfo | None, href: str, ctx: ArticleContext, line: int | None
) -> tuple[str, PageInfo | None, bool]:
    """The href for a link to `docs_path`: the hosted `page`, a file, or the public URL."""
    parts = urlsplit(href)
    fragment = parts.fragment
    if page is not None:
        anchor = _checked_anchor(page, fragment, ctx, line, href) if fragment else ""
        if page.src_path == ctx.page.src_path and anchor:
            return f"#{anchor}", page, False  # a link to a section of this same article
        return ctx.href_to(page.url) + _fragment(anchor), page, False
    if docs_path in ctx.index.files:
        return ctx.href_to(docs_path) + _fragment(fragment), None, False
    query = f"?{parts.query}" if parts.query else ""  # e.g. ?view=...: learn's version switch
    public = upstream_url(
        ctx.settings.upstream_base_url, docs_path, ctx.settings.docset_root,
        ctx.settings.content_folders,
    ) + query + _fragment(fragment)
    ctx.report.add("link", line, f"{href}: article not in docs/ -> public URL {public}")
    return public, None, True


def _page_in_subfolder(candidates: list[str], ctx: ArticleContext) -> PageInfo | None:
    """The one page at that docset path when the articles were dropped in a folder of docs/.

    ``/exchange/a/b`` means ``a/b.md`` of the docset; copied into ``docs/upstream/``, that is
    ``upstream/a/b.md``. Used only when exactly one hosted page ends with that path.
    """
    for candidate in candidates:
        matches = [p for path, p in ctx.index.pages.items() if path.endswith("/" + candidate)]
        if len(matches) == 1:
            return matches[0]
    return None


def _checked_anchor(
    page: PageInfo, anchor: str, ctx: ArticleContext, line: int | None, href: str
) -> str:
    """The anchor to use on `page`; reported when the page has no such target."""
    if not anchor or page.anchors is None or anchor in page.anchors:
        return anchor
    fixes = [anchor.removesuffix(".md")] + [a for a in page.anchors if a.lower() == anchor.lower()]
    for fixed in fixes:
        if fixed in page.anchors:
            ctx.report.add("link", line, f"{href}: anchor '#{anchor}' read as '#{fixed}'")
            return fixed
    ctx.report.add(
        "link", line, f"{href}: {page.src_path} has no anchor '#{anchor}'", level="unresolved"
    )
    return anchor


def _fragment(anchor: str) -> str:
    return f"#{anchor}" if anchor else ""


def _last_segment(href: str) -> str:
    """The address's last path segment, its extension kept: `title_from_path` drops it
    (``release-notes-2.1.aspx`` -> ``Release notes 2.1``, not ``Release notes 2``)."""
    path = urlsplit(href).path.rstrip("/")
    return posixpath.basename(path) or href
