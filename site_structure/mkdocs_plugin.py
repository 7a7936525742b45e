"""MkDocs adapter: the navigation from the docset's TOC files, and the build report page.

Runs in ``on_files`` after the ``docfx`` plugin (which parses every upstream article and
drops included files and redirect stubs from the site) and after the plugins that add
generated pages (the connector checker's decision table), just before MkDocs builds the
navigation from ``config.nav``:

- reads the TOC files (``toc.yml``, ``TOC.yml``, ``toc.md``) and removes them and
  ``docfx.json`` from the site: they describe the site, they are not pages or assets;
- adds the generated build report page (``report_page``);
- sets ``config.nav`` (see ``navigation.py`` for the order). A TOC entry it cannot follow
  is logged at INFO with the file and line (an upstream defect, like a broken link in an
  article: ``--strict`` builds still pass) and listed on the report page;
- from ``prune_navigation_from`` pages (100), turns on Material's ``navigation.prune``.

Later, in ``on_page_content``, it adds a page's ``page_topics`` under its content, weighted
in search (``page_topics.py``).

What the translation produced (titles, settings, reports, uids) comes from
``translator.mkdocs_plugin.docset_translation``, the translator's published interface.
"""

from __future__ import annotations

import logging
import posixpath

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from translator.docset import DOCFX_CONFIG_NAME, is_toc_file
from translator.mkdocs_plugin import docset_translation

from .build_report_page import build_report_markdown
from .nav_items import to_mkdocs_nav
from .navigation import build_navigation
from .page_topics import TOPICS_SEARCH_BOOST, topics_paragraph

__all__ = ["SiteStructurePlugin", "SiteStructurePluginConfig"]

log = logging.getLogger("mkdocs.plugins.site_structure")

# Material's documentation advises pruning "for documentation sites with 100+ or even
# 1,000+ of pages" (setup/setting-up-navigation, "Navigation pruning").
PRUNE_FROM_PAGES = 100


class SiteStructurePluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    report_page = c.Type(str, default="build-report.md")  # generated; "" for none
    # docs-relative page -> topics shown under its text and weighted in search
    page_topics = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    # Material's navigation.prune from this many pages in the navigation (0: never)
    prune_navigation_from = c.Type(int, default=PRUNE_FROM_PAGES)


class SiteStructurePlugin(BasePlugin[SiteStructurePluginConfig]):
    @event_priority(-100)  # after docfx and the plugins that generate pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        toc_files = {f.src_uri: _text(f) for f in files if is_toc_file(f.src_uri)}
        for file in list(files):
            if file.src_uri in toc_files or posixpath.basename(file.src_uri) == DOCFX_CONFIG_NAME:
                files.remove(file)
        translation = docset_translation(config)
        pages = {f.src_uri for f in files.documentation_pages()}
        articles = translation.titles(pages) if translation is not None else {}
        own = sorted(pages - articles.keys())
        last = []
        if self.config.report_page and translation is not None:
            last.append(self.config.report_page)
        settings = translation.settings if translation is not None else None
        uids = translation.uids(pages) if translation is not None else {}
        navigation = build_navigation(toc_files, articles, own + last, last, settings, uids)
        for problem in navigation.problems:
            log.info(f"site structure: {problem.located()}")
        if last and translation is not None:
            markdown = build_report_markdown(
                self.config.report_page, translation.reports, navigation.problems,
                pages, articles,
            )
            files.append(File.generated(config, self.config.report_page, content=markdown))
        config.nav = to_mkdocs_nav(navigation.items)
        self._prune_large_navigation(config, len(pages) + len(last))
        return files

    @event_priority(-100)  # after the plugins that write the page's content
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        topics = self.config.page_topics.get(page.file.src_uri) if self.config.enabled else None
        if not topics:
            return html
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("boost", TOPICS_SEARCH_BOOST)
        return html + topics_paragraph(topics)

    def _prune_large_navigation(self, config: MkDocsConfig, page_count: int) -> None:
        """Material's ``navigation.prune`` on a docset-sized site.

        Without it every page carries the whole navigation tree: on a 3,000-article
        docset that is most of each page's HTML (which every instant-navigation click
        downloads) and most of the build (Material renders the tree once per page).
        Pruned, a page keeps the sections on its own path expanded, and every other
        section is one link to its first page (Material's documentation recommends it
        from 100 pages). A small site keeps the whole tree, every section expandable in
        place. ``navigation.expand`` needs the whole tree: with it, nothing is pruned.
        """
        features: list[str] = config.theme.get("features") or []
        threshold = self.config.prune_navigation_from
        if not threshold or page_count < threshold or "navigation.prune" in features:
            return
        if "navigation.expand" in features:
            log.info(f"site structure: {page_count} pages, but navigation.expand is on: the "
                     "navigation is not pruned (every page carries the whole tree)")
            return
        config.theme["features"] = [*features, "navigation.prune"]
        log.info(f"site structure: {page_count} pages (from {threshold}, option "
                 "prune_navigation_from): Material's navigation.prune is on, each page "
                 "expands only its own sections")


def _text(file: File) -> str:
    return file.content_bytes.decode("utf-8-sig", errors="replace")
