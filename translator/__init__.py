"""DocFX-flavoured Markdown (Microsoft Docs) -> the HTML a MkDocs + Material page shows.

The core is pure: bytes of an article plus a `SiteIndex` in, the page HTML, its headings and a
`TranslationReport` out. `translator.mkdocs_plugin` is the thin MkDocs adapter.
"""

from __future__ import annotations

from .article import (
    ParsedArticle,
    TranslatedArticle,
    parse_article,
    render_article,
    translate_article,
)
from .report import Decision, TranslationReport
from .site_index import PageInfo, SiteIndex, TranslationSettings, page_url

__all__ = [
    "Decision",
    "PageInfo",
    "ParsedArticle",
    "SiteIndex",
    "TranslatedArticle",
    "TranslationReport",
    "TranslationSettings",
    "page_url",
    "parse_article",
    "render_article",
    "translate_article",
]
