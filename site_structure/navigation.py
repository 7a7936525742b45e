"""The whole site navigation: home, the docset's TOC, pages no TOC lists, our own pages.

Order: our home page first; then what the TOC files describe (or, with no TOC, every
article in folder order, titled from its front matter, H1 or file name); then articles no
TOC lists, in folder order, so nothing is lost; then our other pages (the checker, the
decision table); last the pages the caller puts at the end (the build report).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from translator.site_index import TranslationSettings

from .folder_order import folder_order_nav
from .nav_items import NavItem, NavPage
from .toc_entries import StructureProblem
from .toc_navigation import TocNavigation

__all__ = ["SiteNavigation", "build_navigation"]

HOME_PAGE = "index.md"


@dataclass(frozen=True)
class SiteNavigation:
    items: list[NavItem]
    problems: list[StructureProblem]


def build_navigation(
    toc_files: Mapping[str, str],
    articles: Mapping[str, str],
    own_pages: Sequence[str],
    last_pages: Sequence[str] = (),
    settings: TranslationSettings | None = None,
    uids: Mapping[str, str] | None = None,
) -> SiteNavigation:
    """`toc_files`: TOC path -> text; `articles`: upstream page -> title; `own_pages`:
    our pages (their titles are their own); `last_pages`: ours too, put at the very end;
    `settings`: the translator's, for TOC hrefs like ``/exchange/a/b``; `uids`: front
    matter uid -> page, for TOC entries by ``uid:``."""
    ours = [p for p in own_pages if p not in last_pages]
    titles: dict[str, str | None] = {**dict.fromkeys(ours), **articles}
    toc = TocNavigation(toc_files, titles, settings, uids)
    items: list[NavItem] = []
    if HOME_PAGE in ours:
        items.append(NavPage(None, HOME_PAGE))
        toc.listed.setdefault(HOME_PAGE, "home")
    items += toc.items()
    unlisted = {p: t for p, t in articles.items() if p not in toc.listed}
    items += folder_order_nav(unlisted)
    items += folder_order_nav({p: None for p in ours if p not in toc.listed})
    items += [NavPage(None, p) for p in last_pages]
    return SiteNavigation(items, toc.problems)
