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
  article: ``--strict`` builds still pass) and listed on the report page.

Later, in ``on_page_content``, it adds a page's ``page_topics`` under its content, weighted
in search (``page_topics.py``).
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
from translator.mkdocs_plugin import DocfxPlugin

from .build_report_page import build_report_markdown
from .nav_items import to_mkdocs_nav
from .navigation import build_navigation
from .page_topics import TOPICS_SEARCH_BOOST, topics_paragraph

__all__ = ["SiteStructurePlugin", "SiteStructurePluginConfig"]

log = logging.getLogger("mkdocs.plugins.site_structure")


class SiteStructurePluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    report_page = c.Type(str, default="build-report.md")  # generated; "" for none
    # docs-relative page -> topics shown under its text and weighted in search
    page_topics = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})


class SiteStructurePlugin(BasePlugin[SiteStructurePluginConfig]):
    @event_priority(-100)  # after docfx and the plugins that generate pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        toc_files = {f.src_uri: _text(f) for f in files if is_toc_file(f.src_uri)}
        for file in list(files):
            if file.src_uri in toc_files or posixpath.basename(file.src_uri) == DOCFX_CONFIG_NAME:
                files.remove(file)
        docfx = _docfx_plugin(config)
        parsed = docfx.parsed if docfx is not None else {}
        pages = {f.src_uri for f in files.documentation_pages()}
        articles = {path: p.title for path, p in parsed.items() if path in pages}
        own = sorted(pages - articles.keys())
        last = []
        if self.config.report_page and docfx is not None:
            last.append(self.config.report_page)
        settings = docfx.settings if docfx is not None else None
        uids = {str(p.meta["uid"]).strip(): path for path, p in parsed.items()
                if path in pages and p.meta.get("uid")}
        navigation = build_navigation(toc_files, articles, own + last, last, settings, uids)
        for problem in navigation.problems:
            log.info(f"site structure: {problem.located()}")
        if last:
            markdown = build_report_markdown(
                self.config.report_page, docfx.reports if docfx else [], navigation.problems,
                pages, articles,
            )
            files.append(File.generated(config, self.config.report_page, content=markdown))
        config.nav = to_mkdocs_nav(navigation.items)
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


def _docfx_plugin(config: MkDocsConfig) -> DocfxPlugin | None:
    """The docfx plugin when it translated this build's pages (not when switched off)."""
    plugin = config.plugins.get("docfx")
    if isinstance(plugin, DocfxPlugin) and plugin.config.enabled:
        return plugin
    return None


def _text(file: File) -> str:
    return file.content_bytes.decode("utf-8-sig", errors="replace")
