"""What the translation of a docset tells the rest of the build: the interface between plugins.

The ``docfx`` MkDocs plugin publishes one `DocsetTranslation` per build (see
``translator.mkdocs_plugin.docset_translation``); the site structure plugin (navigation,
build report page) and the connector checker (anchors of its article) read it, never the
translator plugin's own attributes. It is plain, immutable data: per upstream article that
is a page, its `PageInfo` (URL, title, ``ms.assetid``, anchors); the settings links were
resolved with; and every translated file's `TranslationReport`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .report import TranslationReport
from .site_index import PageInfo, TranslationSettings

__all__ = ["DocsetTranslation"]


@dataclass(frozen=True)
class DocsetTranslation:
    # docs-relative path -> the page made from that upstream article (redirect stubs
    # included: they are pages of the index, published as redirect files)
    articles: Mapping[str, PageInfo] = field(default_factory=dict)
    settings: TranslationSettings = field(default_factory=TranslationSettings)
    # one per upstream file that is a page or a redirect, in the order they were translated
    reports: Sequence[TranslationReport] = ()

    def titles(self, pages: frozenset[str] | set[str] | None = None) -> dict[str, str]:
        """Article path -> title, only of the `pages` given (all articles when None)."""
        return {path: info.title for path, info in self.articles.items()
                if pages is None or path in pages}

    def uids(self, pages: frozenset[str] | set[str] | None = None) -> dict[str, str]:
        """Front matter ``uid:`` -> article path (TOC entries by uid), of the `pages` given."""
        return {info.uid: path for path, info in self.articles.items()
                if info.uid and (pages is None or path in pages)}
