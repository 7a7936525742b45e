"""``toc.md``: a Markdown TOC, its headings nested by level.

DocFX syntax (https://dotnet.github.io/docfx/docs/table-of-contents.html#markdown-toc)::

    # [Overview](index.md)
    # Mail flow                       <- a heading without a link: a group
    ## [Connectors](connectors.md)
    ## [Reference](reference/toc.md)  <- a nested TOC
    # [Blog](https://example.com/blog)
    # [Overview](xref:connectors-overview)   <- the page whose front matter has that uid

Lines that are not headings are ignored (DocFX ignores them too); a heading that skips a
level is nested under the last shallower one.
"""

from __future__ import annotations

import re

from .toc_entries import StructureProblem, TocEntry

__all__ = ["read_toc_markdown"]

_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
# the destination bare, or in angle brackets (then it may hold spaces: <my file.md>)
_LINK = re.compile(
    r"^\[(?P<name>[^\]]*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<href>[^)\s]*))"
    r"(?:\s+\"[^\"]*\")?\s*\)$"
)


def read_toc_markdown(path: str, text: str) -> tuple[list[TocEntry], list[StructureProblem]]:
    problems: list[StructureProblem] = []
    roots: list[TocEntry] = []
    open_entries: list[tuple[int, TocEntry]] = []  # (level, entry) of each open heading
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line)
        if heading is None:
            continue
        entry = _entry(heading.group("text"), number)
        if entry is None:
            problems.append(StructureProblem(path, number, "heading without a title; skipped"))
            continue
        level = len(heading.group("level"))
        while open_entries and open_entries[-1][0] >= level:
            open_entries.pop()
        (open_entries[-1][1].items if open_entries else roots).append(entry)
        open_entries.append((level, entry))
    return roots, problems


def _entry(text: str, line: int) -> TocEntry | None:
    link = _LINK.match(text.strip())
    if link is not None:
        href = link.group("angled") if link.group("angled") is not None else link.group("href")
        name = link.group("name").strip() or href
        if href.startswith("xref:"):  # DocFX cross reference: the page with that uid
            return TocEntry(link.group("name").strip(), None, line=line, uid=href[5:])
        return TocEntry(name, href or None, line=line) if name else None
    return TocEntry(text.strip(), line=line) if text.strip() else None
