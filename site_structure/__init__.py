"""The site's structure: navigation from DocFX TOC files, and the build report page.

The core is pure: TOC texts, article titles and our own pages in, navigation items and the
problems found (TOC file and line) out (`build_navigation`); translation reports in,
the report page's Markdown out (`build_report_markdown`). `site_structure.mkdocs_plugin`
is the thin MkDocs adapter.
"""

from __future__ import annotations

from .build_report_page import build_report_markdown
from .nav_items import NavItem, NavLink, NavPage, NavSection, to_mkdocs_nav
from .navigation import SiteNavigation, build_navigation
from .toc_entries import StructureProblem, TocEntry
from .toc_navigation import read_toc

__all__ = [
    "NavItem",
    "NavLink",
    "NavPage",
    "NavSection",
    "SiteNavigation",
    "StructureProblem",
    "TocEntry",
    "build_navigation",
    "build_report_markdown",
    "read_toc",
    "to_mkdocs_nav",
]
