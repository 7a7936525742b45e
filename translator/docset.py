"""The docset's layout: which files are DocFX tables of contents, and where its root is.

A DocFX docset is a folder with a ``docfx.json`` (the build configuration) and TOC files
(``toc.yml``, ``TOC.yml`` or ``toc.md``) describing its navigation
(https://learn.microsoft.com/contribute/content/navigation-table-of-contents ...,
https://dotnet.github.io/docfx/docs/table-of-contents.html). Its articles' public URLs are
relative to that folder: dropped into ``docs/upstream/``, ``docs/upstream/a/b.md`` is still
``<upstream base>/a/b``. TOC files are not articles: they become the site navigation.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

__all__ = ["DOCFX_CONFIG_NAME", "TOC_FILE_NAMES", "content_folders", "find_docset_root",
           "is_toc_file"]

# One entry of docfx.json's build.content: an object without nested objects, with "src".
_CONTENT_ENTRY = re.compile(r'\{[^{}]*"src"\s*:\s*"(?P<src>[^"]*)"[^{}]*\}')
_DEST = re.compile(r'"dest"\s*:\s*"(?P<dest>[^"]*)"')

DOCFX_CONFIG_NAME = "docfx.json"
TOC_FILE_NAMES = frozenset({"toc.md", "toc.yml", "toc.yaml"})  # compared in lower case


def is_toc_file(src_path: str) -> bool:
    """Whether a docs-relative path is a DocFX table of contents (any case: ``TOC.yml``)."""
    return posixpath.basename(src_path).lower() in TOC_FILE_NAMES


def find_docset_root(src_paths: Iterable[str]) -> str:
    """The docs-relative folder of the docset ("" for docs/ itself).

    The folder holding ``docfx.json``, else the top-most folder holding a TOC file, else
    docs/. When several folders are equally top-most, their common parent: the public
    URLs of two docsets side by side cannot both be right, and docs/-relative is the
    reading that keeps each article's own folder in its URL.
    """
    paths = list(src_paths)
    configs = [posixpath.dirname(p) for p in paths if posixpath.basename(p) == DOCFX_CONFIG_NAME]
    return _top_most(configs) if configs else _top_most(
        [posixpath.dirname(p) for p in paths if is_toc_file(p)]
    )


def _top_most(folders: list[str]) -> str:
    if not folders:
        return ""
    depth = min(_depth(f) for f in folders)
    shallowest = sorted({f for f in folders if _depth(f) == depth})
    if len(shallowest) == 1:
        return shallowest[0]
    return posixpath.commonpath(shallowest)


def _depth(folder: str) -> int:
    return len(folder.split("/")) if folder else 0


def content_folders(config_path: str, text: str) -> dict[str, str]:
    """docfx.json's content groups: docs-relative ``src`` folder -> public path prefix.

    A docset can publish several source folders under one URL: Exchange's ``docfx.json``
    maps ``ExchangeOnline``, ``ExchangeHybrid`` ... each with ``"dest": "."``, so
    ``ExchangeOnline/a/b.md`` is ``<base>/a/b`` (https://dotnet.github.io/docfx/reference/
    docfx-json-reference.html, "content"). Read with a pattern, not ``json.loads``: real
    docfx.json files are not always strict JSON (trailing and missing commas; Exchange's
    has both) and DocFX still builds them. A group's own ``dest`` (``groups``) is left out:
    it names a build output folder, not a public path.
    """
    config_dir = posixpath.dirname(config_path)
    folders: dict[str, str] = {}
    for entry in _CONTENT_ENTRY.finditer(text):
        src = posixpath.normpath(posixpath.join(config_dir, entry["src"]))
        dest = _DEST.search(entry.group())
        prefix = posixpath.normpath(dest["dest"]) if dest else "."
        folders["" if src == "." else src] = "" if prefix == "." else prefix
    return folders
