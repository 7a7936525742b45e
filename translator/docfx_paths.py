"""Paths as DocFX resolves them, wherever one is written (links, images, includes, code, TOCs).

DocFX (dotnet/docfx docs/docs/links-and-cross-references.md, "Link to local files";
docs/docs/markdown.md, "Include Markdown Files"; docs/docs/table-of-contents.md):

    [file2](subfolder/file2.md)        relative to the file that holds the text
    [file2](~/subfolder/file2.md)      ``~/``: from the docset root (the folder of docfx.json)
    [a](<my file.md>)  [a](my%20file.md)
                                       a destination in angle brackets, or percent-encoded:
                                       the same file, ``my file.md``

"The file that holds the text" is the included file for text an include brings in (block or
inline): the include rebases such paths (`rebase_written`) so they read from the article.
CommonMark percent-encodes link destinations (``<my file.md>`` becomes ``my%20file.md`` in
the parsed link), so a path is decoded before it names a file.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit, urlunsplit

__all__ = ["DOCSET_ROOT_PREFIX", "docs_path", "is_local_path", "rebase_written"]

DOCSET_ROOT_PREFIX = "~/"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def is_local_path(written: str) -> bool:
    """A path naming a file of the docset: not a URL, not site-absolute, not only ``#x``."""
    return bool(written) and not written.startswith(("#", "/")) and not _SCHEME.match(written)


def docs_path(written: str, holder: str, docset_root: str = "") -> str:
    """The docs-relative file `written` (its path part) names, read in the file `holder`.

    May start with ``..`` when the path climbs out of docs/.
    """
    path = unquote(re.split(r"[?#]", written, maxsplit=1)[0])
    if path.startswith(DOCSET_ROOT_PREFIX):
        return posixpath.normpath(posixpath.join(docset_root, path[2:].lstrip("/")) or ".")
    return posixpath.normpath(posixpath.join(posixpath.dirname(holder), path))


def rebase_written(written: str, included: str, host: str) -> str:
    """A relative path written in the `included` file, as the `host` file would write it.

    ``~/`` paths, URLs, site-absolute paths and in-page anchors read the same anywhere.
    """
    if not is_local_path(written) or written.startswith(DOCSET_ROOT_PREFIX):
        return written
    parts = urlsplit(written)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(included), parts.path))
    rebased = posixpath.relpath(target, posixpath.dirname(host) or ".")
    return urlunsplit(("", "", rebased, parts.query, parts.fragment))
