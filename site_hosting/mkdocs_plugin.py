"""MkDocs adapter: every page's inline scripts become files under assets/inline-scripts/."""

from __future__ import annotations

from pathlib import Path

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
        html, files = externalize_inline_scripts(output, prefix)
        target = Path(config.site_dir) / SCRIPTS_DIR
        for name, code in files.items():
            target.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(code, encoding="utf-8")
        return html
