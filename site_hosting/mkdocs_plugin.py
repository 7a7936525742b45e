"""MkDocs adapter: every page's inline scripts (404.html's too) become files under
assets/inline-scripts/, and no page or sitemap keeps an absolute URL to the site itself."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from translator import page_url
from translator.site_index import relative_url

from .inline_scripts import externalize_inline_scripts
from .relative_urls import relative_canonical_link, relative_sitemap

__all__ = ["CspSafeScriptsPlugin"]

SCRIPTS_DIR = "assets/inline-scripts/"


class CspSafeScriptsConfig(base.Config):
    enabled = c.Type(bool, default=True)


class CspSafeScriptsPlugin(BasePlugin[CspSafeScriptsConfig]):
    @event_priority(-100)  # after every other plugin has written into the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        prefix = relative_url(page_url(page.file.src_uri), SCRIPTS_DIR)
        output = relative_canonical_link(output, page.url)
        return self._externalize(output, prefix, config)

    @event_priority(-100)  # after MkDocs wrote sitemap.xml
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if not self.config.enabled or not config.site_url or not sitemap.is_file():
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

    @staticmethod
    def _externalize(output: str, prefix: str, config: MkDocsConfig) -> str:
        html, files = externalize_inline_scripts(output, prefix)
        target = Path(config.site_dir) / SCRIPTS_DIR
        for name, code in files.items():
            target.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(code, encoding="utf-8")
        return html
