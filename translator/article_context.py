"""The per-article context the link and image rewrites work in."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .docfx_paths import docs_path
from .report import TranslationReport, source_line
from .site_index import PageInfo, SiteIndex, TranslationSettings, relative_url

__all__ = ["ArticleContext"]


@dataclass(frozen=True)
class ArticleContext:
    page: PageInfo
    index: SiteIndex
    settings: TranslationSettings
    report: TranslationReport
    first_line: int  # 1-based source line of the body's first line

    def line_of(self, map_: list[int] | None) -> int | None:
        return source_line(self.first_line, map_)

    def resolve(self, relative_path: str) -> str:
        """A path written in the article, as a docs-relative path (may start with '..'):
        ``~/`` from the docset root, percent-encoding decoded (see `docfx_paths`)."""
        return docs_path(relative_path, self.page.src_path, self.settings.docset_root)

    def href_to(self, site_url: str) -> str:
        """A link to the site-relative `site_url`, percent-encoded (``my file`` ->
        ``my%20file``)."""
        return quote(relative_url(self.page.url, site_url))
