"""DocFX TOC files -> navigation items, nested TOCs followed, each page listed once.

An entry's ``href`` is relative to its TOC file. It is one of:

- a URL (``https://...``, ``mailto:``): an external link;
- a nested TOC (``sub/toc.yml``, ``sub/toc.md``, or a folder ``sub/`` holding one): its
  items become the entry's items (``topicHref`` then names the entry's own page);
- a page of the site (``a.md``, ``a``, ``sub/`` with an ``index.md``; ``~/a.md`` from the
  docset root, ``my%20file.md`` percent-encoded, as DocFX reads paths: `docfx_paths`);
- ``uid: x`` (or ``topicUid``, ``href: xref:x``): the page whose front matter says
  ``uid: x``, titled with its own title when the entry has no ``name``;
- a site-absolute path (``/exchange/a/b``, any case): the hosted article it names, found
  as the article links are (docfx.json content folders, the docset root), else a link to
  it on the public site.

Anything else (a missing file, an included file, a redirect stub, a TOC that includes
itself) is reported with the TOC file and line and left out. TOC files no other TOC points
to are the roots, read in folder order (top-most first).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from translator.docfx_paths import docs_path
from translator.docset import is_toc_file
from translator.site_index import (
    TranslationSettings,
    docset_paths,
    page_files,
    public_site_url,
)

from .folder_order import folder_title
from .nav_items import NavItem, NavLink, NavPage, NavSection
from .toc_entries import StructureProblem, TocEntry
from .toc_markdown import read_toc_markdown
from .toc_yaml import read_toc_yaml

__all__ = ["TocNavigation", "read_toc"]

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)
_TOC_NAMES = ("toc.yml", "TOC.yml", "toc.yaml", "toc.md", "TOC.md")


def read_toc(path: str, text: str) -> tuple[list[TocEntry], list[StructureProblem]]:
    """Either TOC format, by the file's extension."""
    if path.lower().endswith(".md"):
        return read_toc_markdown(path, text)
    return read_toc_yaml(path, text)


class TocNavigation:
    """The navigation the TOC files of a site describe, over the site's pages."""

    def __init__(
        self,
        toc_files: Mapping[str, str],
        pages: Mapping[str, str | None],
        settings: TranslationSettings | None = None,
        uids: Mapping[str, str] | None = None,
    ) -> None:
        self.pages = pages  # docs-relative path -> title (None: its own)
        self.settings = settings or TranslationSettings()
        self.uids = uids or {}  # front matter uid -> the page that has it
        self._any_case = {path.lower(): path for path in pages}
        self.problems: list[StructureProblem] = []
        self.listed: dict[str, str] = {}  # page -> where it is listed ("toc.yml:3")
        self._tocs: dict[str, list[TocEntry]] = {}
        for path in sorted(toc_files):
            entries, problems = read_toc(path, toc_files[path])
            self._tocs[path] = entries
            self.problems += problems

    def items(self) -> list[NavItem]:
        """The root TOCs' items: spliced when there is one root, else one section each."""
        roots = self._roots()
        if len(roots) == 1:
            return self._toc_items(roots[0], ())
        items: list[NavItem] = []
        for root in roots:
            folder = posixpath.dirname(root)
            children = self._toc_items(root, ())
            if folder:
                items.append(NavSection(folder_title(posixpath.basename(folder)), children))
            else:
                items += children
        return items

    def _roots(self) -> list[str]:
        referenced = {
            nested
            for path, entries in self._tocs.items()
            for entry in _walk(entries)
            if entry.href and (nested := self._nested_toc(path, entry.href)) is not None
        }
        by_depth = sorted(self._tocs, key=lambda p: (p.count("/"), p))
        roots = [p for p in by_depth if p not in referenced]
        return roots or by_depth[:1]  # TOCs that only point at each other: the top-most

    def _toc_items(self, toc: str, reading: tuple[str, ...]) -> list[NavItem]:
        items = (self._item(entry, toc, (*reading, toc)) for entry in self._tocs[toc])
        return [item for item in items if item is not None]

    def _item(self, entry: TocEntry, toc: str, reading: tuple[str, ...]) -> NavItem | None:
        page: str | None = None
        children: list[NavItem] = []
        nested = self._nested_toc(toc, entry.href) if entry.href else None
        if entry.href and _SCHEME.match(entry.href):
            children.append(NavLink(entry.name, entry.href))
        elif entry.href and entry.href.startswith("/"):  # /exchange/a/b
            hosted = self._lookup(toc, entry.href)
            if hosted is None:  # an article of the public site we do not host
                children.append(NavLink(entry.name, public_site_url(entry.href, self.settings)))
            else:
                page = self._listed(toc, entry, entry.href, hosted)
        elif nested is not None and nested in reading:
            self._problem(toc, entry, f"'{entry.href}' is a TOC already being read (a loop); "
                                      "not followed")
        elif nested is not None:
            children += self._toc_items(nested, reading)
        elif entry.href:
            page = self._page(toc, entry, entry.href)
        if entry.topic_href:
            page = self._page(toc, entry, entry.topic_href)
        if entry.uid and page is None and entry.uid not in self.uids:
            self._problem(toc, entry, f"uid '{entry.uid}' ({entry.name or 'no name'}): no page "
                                      "has it in its front matter; left out")
        elif entry.uid and page is None:
            page = self._listed(toc, entry, f"uid {entry.uid}", self.uids[entry.uid])
        if page is not None:
            children.insert(0, NavPage(entry.name or self.pages.get(page), page))
        name = entry.name or (self.pages.get(page) if page else None) or entry.uid or ""
        children += (item for e in entry.items if (item := self._item(e, toc, reading)))
        if not entry.href and not entry.topic_href and not entry.items and not entry.uid:
            self._problem(toc, entry, f"'{entry.name}' has no href and no items; left out")
        if len(children) == 1 and not entry.items and nested is None:
            return children[0]  # a plain page or link, not a group
        return NavSection(name, children) if children else None

    def _lookup(self, toc: str, href: str) -> str | None:
        """The page of the site `href` (relative to `toc`, or site-absolute) names."""
        path = unquote(urlsplit(href).path)
        if href.startswith("/"):  # /exchange/a/b: where the article links find it, any case
            candidates = [posixpath.normpath(c).lower()
                          for docs_path in docset_paths(path, self.settings) or []
                          for c in page_files(docs_path)]
            return next((self._any_case[c] for c in candidates if c in self._any_case), None)
        path = docs_path(href, toc, self.settings.docset_root)  # ~/, %20: as DocFX reads them
        return next((c for c in page_files(path) if c in self.pages), None)

    def _page(self, toc: str, entry: TocEntry, href: str) -> str | None:
        """The page `href` names (listed once: later mentions are reported)."""
        return self._listed(toc, entry, href, self._lookup(toc, href))

    def _listed(self, toc: str, entry: TocEntry, href: str, page: str | None) -> str | None:
        """`page` for this entry, or None (reported) when missing or listed already."""
        where = f"{toc}:{entry.line}" if entry.line else toc
        if page is None:
            self._problem(toc, entry, f"'{href}' ({entry.name}) is not a page of this site "
                                      "(missing, an included file or a redirect stub); left out")
        elif page in self.listed:
            self._problem(toc, entry, f"'{href}' is already listed at {self.listed[page]}; "
                                      "kept there only")
            return None
        else:
            self.listed[page] = where
        return page

    def _nested_toc(self, toc: str, href: str) -> str | None:
        if _SCHEME.match(href) or href.startswith("/"):
            return None
        path = docs_path(href, toc, self.settings.docset_root)
        if is_toc_file(path):
            return path if path in self._tocs else None
        if href.endswith("/") or path not in self.pages:
            folder_tocs = (posixpath.join(path, name) for name in _TOC_NAMES)
            return next((t for t in folder_tocs if t in self._tocs), None)
        return None

    def _problem(self, toc: str, entry: TocEntry, message: str) -> None:
        self.problems.append(StructureProblem(toc, entry.line, message))


def _walk(entries: list[TocEntry]) -> list[TocEntry]:
    return [e for entry in entries for e in (entry, *_walk(entry.items))]
