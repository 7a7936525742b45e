"""MkDocs adapter for hosting: every page's inline scripts (404.html's too) become files
under assets/inline-scripts/; no page or sitemap keeps an absolute URL to the site itself;
and an unpacked copy opened from file:// keeps its search (what Material's offline plugin
does, without its switch to non-directory URLs: the checker's page is /checker/)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from translator import page_url
from translator.site_index import relative_url

from .inline_scripts import externalize_inline_scripts
from .relative_urls import relative_canonical_link, relative_sitemap

__all__ = ["SiteHostingPlugin"]

SCRIPTS_DIR = "assets/inline-scripts/"


class SiteHostingConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # npm package whose shim runs Material's search worker in an iframe on file://
    iframe_worker_package = c.Type(str, default="node_modules/iframe-worker")


class SiteHostingPlugin(BasePlugin[SiteHostingConfig]):
    def __init__(self) -> None:
        # Script files written in this build: Material's inline scripts are the same on
        # every page at the same depth, so a 3,000-page site writes a handful, once each.
        self.written: set[str] = set()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.written = set()  # `mkdocs serve` may have cleaned the site since

    @event_priority(-100)  # after every other plugin has written into the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        prefix = relative_url(page_url(page.file.src_uri), SCRIPTS_DIR)
        output = relative_canonical_link(output, page.url)
        return self._externalize(output, prefix, config)

    @event_priority(-100)  # after MkDocs wrote sitemap.xml
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._support_file_protocol(config)
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if not config.site_url or not sitemap.is_file():
            return
        xml = relative_sitemap(sitemap.read_text(encoding="utf-8"), config.site_url)
        sitemap.write_text(xml, encoding="utf-8")
        packed = gzip.compress(xml.encode("utf-8"), mtime=0)
        sitemap.with_name("sitemap.xml.gz").write_bytes(packed)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is served at any depth, so MkDocs links it from the site_url path.
        if not self.config.enabled or template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "").path or "/"
        return self._externalize(output_content, root.rstrip("/") + "/" + SCRIPTS_DIR, config)

    def _support_file_protocol(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        # relative to the project (the folder holding docs/), as the checker's paths are
        package = Path(config.docs_dir).parent / self.config.iframe_worker_package
        shim = package / "shim" / "index.js"
        if not shim.is_file():
            raise PluginError(
                f"site-hosting: {shim} is missing (option iframe_worker_package): run "
                "`make build`, which installs the npm packages"
            )
        vendor = site / "assets" / "vendor" / "iframe-worker"
        vendor.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, vendor / "shim.js")
        shutil.copyfile(package / "LICENSE", vendor / "LICENSE")
        # Material reads the search index from this script when the page is a file://
        # URL (a worker cannot fetch files there).
        index = site / "search" / "search_index.json"
        if index.is_file():
            text = index.read_text(encoding="utf-8")
            (site / "search" / "search_index.js").write_text(f"var __index = {text}")

    def _externalize(self, output: str, prefix: str, config: MkDocsConfig) -> str:
        html, files = externalize_inline_scripts(output, prefix)
        target = Path(config.site_dir) / SCRIPTS_DIR
        for name, code in files.items():
            if name in self.written:  # named by the hash of its code: the same file
                continue
            target.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(code, encoding="utf-8")
            self.written.add(name)
        return html
