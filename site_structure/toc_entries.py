"""What a DocFX TOC file says, read but not yet resolved against the site's files.

Both TOC formats (``toc.yml`` and ``toc.md``) read into the same tree of `TocEntry`; the
problems found while reading or resolving one are `StructureProblem`s naming the TOC file
and line, shown on the build report page and in the build log, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["StructureProblem", "TocEntry"]


@dataclass
class TocEntry:
    """One item of a TOC: a page, a link, a nested TOC, or a group of items."""

    name: str
    href: str | None = None  # as written: "a.md", "sub/toc.yml", "sub/", "https://..."
    topic_href: str | None = None  # the page of a group whose href is a nested TOC
    items: list[TocEntry] = field(default_factory=list)
    line: int | None = None  # 1-based line in the TOC file
    uid: str | None = None  # ``uid:`` (or ``href: xref:uid``): the page whose front matter has it


@dataclass(frozen=True)
class StructureProblem:
    """Something in a TOC the navigation could not follow; what was done instead."""

    path: str  # docs-relative TOC file
    line: int | None
    message: str

    def located(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
