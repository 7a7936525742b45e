"""What the translation of one article needs to know about the whole site.

Links between articles are resolved against this index: which files exist in ``docs/``, the
URL each page is published at, its title, its ``ms.assetid`` (the GUID old TechNet links use)
and the anchors it offers. It is plain data, built by the adapter from the parsed articles.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .retired_links import RetiredLinks

__all__ = [
    "PageInfo",
    "SiteIndex",
    "TranslationSettings",
    "docset_paths",
    "page_files",
    "page_url",
    "public_site_url",
    "relative_url",
    "title_from_path",
    "upstream_url",
]


@dataclass(frozen=True)
class PageInfo:
    src_path: str  # docs-relative, posix: "a/b/article.md"
    url: str  # site-relative: "a/b/article/" ("" for the home page)
    title: str
    assetid: str | None = None
    anchors: frozenset[str] | None = None  # None: unknown (our own pages), not checked
    uid: str | None = None  # front matter ``uid:``, the id DocFX cross references name


@dataclass(frozen=True)
class TranslationSettings:
    # Public address of the docs root; an article absent from docs/ links there.
    upstream_base_url: str = "https://learn.microsoft.com/exchange/"
    # Missing image file name -> docs-relative path of our replacement.
    image_replacements: Mapping[str, str] = field(default_factory=dict)
    # Docs-relative folder the docset's public URLs are relative to ("" for docs/ itself;
    # see docset.find_docset_root).
    docset_root: str = ""
    # docfx.json's content groups: docs-relative source folder -> public path prefix
    # (see docset.content_folders); they take precedence over `docset_root`.
    content_folders: Mapping[str, str] = field(default_factory=dict)
    # Retired addresses (TechNet, MSDN) and their current pages (see retired_links.py).
    retired_links: RetiredLinks = field(default_factory=RetiredLinks)


@dataclass(frozen=True)
class SiteIndex:
    pages: Mapping[str, PageInfo] = field(default_factory=dict)
    files: frozenset[str] = frozenset()  # every docs-relative file path, pages included
    use_directory_urls: bool = True
    # Markdown files of docs/ that are not pages (include files): read where included only
    not_pages: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls, pages: Iterable[PageInfo], files: Iterable[str], use_directory_urls: bool = True,
        not_pages: Iterable[str] = (),
    ) -> SiteIndex:
        page_map = {p.src_path: p for p in pages}
        return cls(page_map, frozenset(files) | frozenset(page_map), use_directory_urls,
                   frozenset(not_pages) - frozenset(page_map))

    def by_assetid(self, guid: str) -> PageInfo | None:
        guid = guid.lower()
        return next((p for p in self.pages.values() if (p.assetid or "").lower() == guid), None)

    def by_uid(self, uid: str) -> PageInfo | None:
        """The page whose front matter ``uid:`` is `uid` (DocFX compares them exactly)."""
        return next((p for p in self.pages.values() if p.uid == uid), None)


def title_from_path(src_path: str) -> str:
    """A page title when nothing better is known: ``set-up-things.md`` -> ``Set up things``."""
    stem = posixpath.splitext(posixpath.basename(src_path))[0]
    return stem.replace("-", " ").capitalize()


# What MkDocs reads as a Markdown page (mkdocs.utils.markdown_extensions)
_MARKDOWN_EXTENSIONS = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs publishes a Markdown page at (``a/b.md`` -> ``a/b/``; any of MkDocs'
    Markdown extensions, ``a/b.markdown`` too)."""
    stem = posixpath.splitext(src_path)[0] if src_path.endswith(_MARKDOWN_EXTENSIONS) else src_path
    if posixpath.basename(stem) in ("index", "README"):
        directory = posixpath.dirname(stem)
        return f"{directory}/" if directory else ""
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def relative_url(from_page_url: str, to_url: str) -> str:
    """A link from the page published at `from_page_url` to the site-relative `to_url`."""
    base = from_page_url if from_page_url.endswith("/") or not from_page_url else (
        posixpath.dirname(from_page_url) + "/"
    )
    target = to_url or "."
    rel = posixpath.relpath(target, base.rstrip("/") or ".")
    if (to_url == "" or to_url.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def upstream_url(
    base: str, docs_path: str, docset_root: str = "",
    content_folders: Mapping[str, str] | None = None,
) -> str:
    """Public URL of a docs-relative path: drop ``.md`` (and a trailing ``index``).

    A path inside one of docfx.json's content folders is published under that folder's
    prefix (the deepest folder wins). Otherwise it is taken relative to `docset_root`, the
    folder the docset was dropped into; a path outside it climbs out of the base
    (``../security/x`` -> ``<site>/security/x``), as the same relative link does on the
    public site.
    """
    folder = max((f for f in content_folders or {}
                  if not f or docs_path.startswith(f + "/")), key=len, default=None)
    if folder is not None and content_folders is not None:
        docs_path = posixpath.join(content_folders[folder],
                                   posixpath.relpath(docs_path, folder or "."))
    elif docset_root:
        docs_path = posixpath.relpath(docs_path, docset_root)
    stem = docs_path[: -len(".md")] if docs_path.endswith(".md") else docs_path
    if posixpath.basename(stem) == "index":
        directory = posixpath.dirname(stem)  # "": the docset's home page, the base itself
        stem = f"{directory}/" if directory else ""
    return urljoin(base if base.endswith("/") else base + "/", stem)


def docset_paths(site_path: str, settings: TranslationSettings) -> list[str] | None:
    """Where a site-absolute path (``/exchange/a/b``, any case) may be in docs/.

    Candidates in order: under each docfx.json content folder publishing that prefix
    (longest prefix first), then under the docset root. None when the path is outside this
    docset (``/microsoft-365/...``).
    """
    docset = urlsplit(settings.upstream_base_url).path  # "/exchange/"
    if not site_path.lower().startswith(docset.lower()):
        return None
    in_docset = site_path[len(docset):]
    paths = []
    folders = sorted(settings.content_folders.items(), key=lambda item: -len(item[1]))
    for folder, prefix in folders:
        if not prefix:
            paths.append(posixpath.join(folder, in_docset))
        elif in_docset.lower().startswith(prefix.lower() + "/"):
            paths.append(posixpath.join(folder, in_docset[len(prefix) + 1:]))
    return [*paths, posixpath.join(settings.docset_root, in_docset)]


def page_files(docs_path: str) -> list[str]:
    """The files a link to `docs_path` may mean: `a/b`, `a/b.md`, `a/b/index.md`; for
    `a/faq.yml`, also `a/faq.md` (a FAQ file's page, see `faq_page`)."""
    # normpath: a link to the docs root's own folder ("../" from a/b.md) is ".", whose
    # index page is "index.md", not "./index.md"
    index = posixpath.normpath(posixpath.join(docs_path, "index.md"))
    pages = [docs_path, docs_path + ".md", index]
    if docs_path.endswith((".yml", ".yaml")):
        pages.append(posixpath.splitext(docs_path)[0] + ".md")
    return pages


def public_site_url(site_href: str, settings: TranslationSettings) -> str:
    """A site-absolute href on the public site: ``/exchange/x?view=y`` -> ``https://.../exchange/x?view=y``."""
    origin = urlsplit(settings.upstream_base_url)._replace(path="", query="", fragment="")
    return origin.geturl() + site_href
