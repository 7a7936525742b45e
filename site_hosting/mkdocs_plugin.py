"""MkDocs adapter: every page's inline scripts (404.html's too) become files under
assets/inline-scripts/."""

from __future__ import annotations

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
        return self._externalize(output, prefix, config)

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
