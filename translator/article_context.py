"""The per-article context the link and image rewrites work in."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .report import TranslationReport
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
        return self.first_line + map_[0] if map_ else None

    def resolve(self, relative_path: str) -> str:
        """A path written in the article, as a docs-relative path (may start with '..')."""
        joined = posixpath.join(posixpath.dirname(self.page.src_path), relative_path)
        return posixpath.normpath(joined)

    def href_to(self, site_url: str) -> str:
        return relative_url(self.page.url, site_url)
