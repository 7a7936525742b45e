"""The site navigation as plain data, and its form in MkDocs' ``nav`` setting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

__all__ = ["MkDocsNav", "NavItem", "NavLink", "NavPage", "NavSection", "to_mkdocs_nav"]


@dataclass(frozen=True)
class NavPage:
    title: str | None  # None: the page's own title (MkDocs reads it from the page)
    src_path: str  # docs-relative


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str  # a URL outside the site


@dataclass
class NavSection:
    title: str
    children: list[NavItem] = field(default_factory=list)


NavItem: TypeAlias = NavPage | NavLink | NavSection
MkDocsNav: TypeAlias = list[str | dict[str, "str | MkDocsNav"]]


def to_mkdocs_nav(items: list[NavItem]) -> MkDocsNav:
    """``[{"Title": "a.md"}, {"Section": [...]}, "index.md", {"Blog": "https://..."}]``."""
    nav: MkDocsNav = []
    for item in items:
        if isinstance(item, NavSection):
            nav.append({item.title: to_mkdocs_nav(item.children)})
        elif isinstance(item, NavLink):
            nav.append({item.title: item.url})
        elif item.title is None:
            nav.append(item.src_path)
        else:
            nav.append({item.title: item.src_path})
    return nav
