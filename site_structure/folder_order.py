"""Navigation in folder order, for pages no TOC lists (or every page, when there is none).

Within a folder: its ``index.md`` first, then its pages by file name, then its sub-folders
by name, each a section titled from the folder name (``mail-flow`` -> "Mail flow"). A
folder with a single entry is not a section of its own: the entry takes its place, so a
lone article deep in an upstream layout is not buried under one-item sections.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from .nav_items import NavItem, NavPage, NavSection

__all__ = ["folder_order_nav", "folder_title"]


def folder_order_nav(pages: Mapping[str, str | None]) -> list[NavItem]:
    """`pages`: docs-relative path -> navigation title (None: the page's own)."""
    return _folder_items("", sorted(pages), pages)


def _folder_items(folder: str, paths: list[str], titles: Mapping[str, str | None]) -> list[NavItem]:
    prefix = f"{folder}/" if folder else ""
    here = [p for p in paths if "/" not in p[len(prefix):]]
    here.sort(key=lambda p: (posixpath.basename(p) not in ("index.md", "README.md"), p))
    items: list[NavItem] = [NavPage(titles[p], p) for p in here]
    subfolders = sorted({p[len(prefix):].split("/", 1)[0] for p in paths if p not in here})
    for name in subfolders:
        sub = prefix + name
        children = _folder_items(sub, [p for p in paths if p.startswith(sub + "/")], titles)
        items.append(children[0] if len(children) == 1 else
                     NavSection(folder_title(name), children))
    return items


def folder_title(name: str) -> str:
    """``mail-flow_rules`` -> "Mail flow rules"."""
    return name.replace("-", " ").replace("_", " ").capitalize()
