"""Redirect stubs: an article whose front matter only says where it moved.

DocFX syntax (https://learn.microsoft.com/contribute/content/how-to-write-links#redirects,
and ``redirect_url`` in article metadata):

    ---
    redirect_url: /exchange/mail-flow/connectors/set-up-connectors
    ---

Such a file is not a page: the site gets a small HTML page at its address that sends the
reader on (``<meta http-equiv="refresh">`` and a plain link, no script: a strict CSP allows
it). The target is resolved like a link in the article: a page we host, else its public URL;
an included file (no page) is reported, and the stub sends readers to the article's own
public address instead.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .article_context import ArticleContext
from .links import NOT_LINKED, resolve_href
from .report import TranslationReport
from .site_index import PageInfo, SiteIndex, TranslationSettings, upstream_url

__all__ = ["RedirectPage", "render_redirect"]


@dataclass(frozen=True)
class RedirectPage:
    url: str  # site-relative URL of the stub ("a/old-article/")
    target: str  # href from that URL (relative for our pages, absolute for public ones)
    html: str


def render_redirect(
    page: PageInfo,
    redirect_url: str,
    index: SiteIndex,
    settings: TranslationSettings,
    report: TranslationReport,
) -> RedirectPage:
    ctx = ArticleContext(page, index, settings, report, 1)
    target = resolve_href(redirect_url, ctx, None)
    if target == NOT_LINKED:  # an included file: no page to send readers to
        target = upstream_url(settings.upstream_base_url, page.src_path, settings.docset_root,
                              settings.content_folders)
        report.warn("redirect", None, f"redirect_url {redirect_url} names an included file, "
                    f"which has no page; the stub sends readers to this article's public "
                    f"address {target} instead")
    report.add("redirect", None, f"redirect stub -> {target}")
    return RedirectPage(page.url, target, _redirect_html(target, page.title))


def _redirect_html(target: str, title: str) -> str:
    href = html.escape(target)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        f"<title>Moved: {html.escape(title)}</title>\n</head>\n<body>\n"
        f'<p>This article has moved: <a href="{href}">{href}</a>.</p>\n</body>\n</html>\n'
    )
