"""MkDocs adapter for the connector checker.

- adds the generated page with the full decision table (every reachable case);
- places the checker widget inline in the article's configured section;
- checks that every article anchor the decision model links to exists in the built
  article (the translation's anchors), failing the build otherwise;
- copies the checker's runtime into the site: Pyodide's core files (from the npm package)
  under a versioned path, the byte-compiled stdlib and the engine wheel (from `make build`),
  and writes `assets/checker/checker.json` for the browser code.
"""

from __future__ import annotations

import json
import logging
import posixpath
import shutil
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from engine import Model, ModelNotCompiled, decision_table_markdown, load_packaged_model, verify_model
from translator import page_url
from translator.site_index import relative_url

from .form_spec import checker_spec
from .widget import insert_widget, widget_html

__all__ = ["CheckerPlugin", "CheckerPluginConfig"]

log = logging.getLogger("mkdocs.plugins.connector_checker")

# The files of the npm package `pyodide` needed at run time (the stdlib zip is ours).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
STDLIB_NAME = "python_stdlib.pyc.zip"


class CheckerPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    article = c.Type(str)  # docs-relative source of the article that hosts the checker
    inline_after_anchor = c.Type(str, default="NeedConnector1")
    decision_table_page = c.Type(str, default="decision-table.md")
    checker_page = c.Type(str, default="checker.md")
    assets_dir = c.Type(str, default="build/checker")  # made by `make build`
    pyodide_package = c.Type(str, default="node_modules/pyodide")
    boot_timeout_seconds = c.Type((int, float), default=30)


class CheckerPlugin(BasePlugin[CheckerPluginConfig]):
    model: Model

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            self.model = load_packaged_model()
        except ModelNotCompiled as error:
            raise PluginError(f"connector checker: {error}") from error
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self._verify_anchors(config)
        files.append(File.generated(config, self.config.decision_table_page,
                                    content=self._decision_table_page()))
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or page.file.src_uri != self.config.article:
            return html
        table_href = relative_url(page_url(page.file.src_uri), page_url(self.config.decision_table_page))
        placed = insert_widget(html, self.config.inline_after_anchor, widget_html(table_href))
        if placed is None:
            log.warning(
                f"connector checker: {page.file.src_uri} has no anchor "
                f"'{self.config.inline_after_anchor}' (inline_after_anchor); the checker is "
                "only on its own page"
            )
            return html
        return placed

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        # Paths in this plugin's options are relative to the project: the folder of docs_dir.
        root = Path(config.docs_dir).parent
        version, pyodide_dir = self._copy_pyodide(root, site)
        wheel = self._copy_built(root, site, "*.whl", site / "assets" / "checker")
        self._copy_built(root, site, STDLIB_NAME, pyodide_dir)
        article_url = page_url(self.config.article)
        spec = checker_spec(
            self.model,
            pyodide_dir=f"../pyodide/{version}/",
            stdlib=f"../pyodide/{version}/{STDLIB_NAME}",
            wheel=wheel.name,
            boot_timeout_seconds=float(self.config.boot_timeout_seconds),
            fallback_links=[
                {"title": "When do I need a connector? (the article's first table)",
                 "href": f"{article_url}#NeedConnector1"},
                {"title": "What if I have EOP or Exchange Online and my own email servers? "
                          "(the article's second table)",
                 "href": f"{article_url}#WhatifIhave1"},
                {"title": "The full decision table: every case and its answer",
                 "href": page_url(self.config.decision_table_page)},
            ],
        )
        target = site / "assets" / "checker" / "checker.json"
        target.write_text(json.dumps(spec, indent=1, ensure_ascii=False))
        log.info(f"connector checker: Pyodide {version}, {wheel.name}, {target.relative_to(site)}")

    def _verify_anchors(self, config: MkDocsConfig) -> None:
        docfx = config.plugins.get("docfx")
        parsed = getattr(docfx, "parsed", {}).get(self.config.article)
        if parsed is None:
            raise PluginError(
                f"connector checker: article '{self.config.article}' (option 'article') is "
                "not among the translated DocFX pages"
            )
        findings = verify_model(self.model, known_anchors=parsed.page_info().anchors)
        if findings:
            problems = "; ".join(f.message for f in findings)
            raise PluginError(f"connector checker: the decision model does not fit the "
                              f"built article {self.config.article}: {problems}")

    def _decision_table_page(self) -> str:
        article = posixpath.relpath(self.config.article,
                                    posixpath.dirname(self.config.decision_table_page) or ".")
        checker = posixpath.relpath(self.config.checker_page,
                                    posixpath.dirname(self.config.decision_table_page) or ".")
        return (
            "---\ntitle: Full decision table\n"
            "description: Every case the connector checker knows, with its answer.\n---\n\n"
            "# Full decision table\n\n"
            f"This is what the [connector checker]({checker}) answers in every case, "
            "worked out by the same engine when the site was built. It needs no "
            f"JavaScript. The reasons are in the article [Configure mail flow using connectors "
            f"in Office 365]({article}).\n\n"
            + decision_table_markdown(self.model)
        )

    def _copy_pyodide(self, root: Path, site: Path) -> tuple[str, Path]:
        package = root / self.config.pyodide_package
        manifest = package / "package.json"
        if not manifest.is_file():
            raise PluginError(f"connector checker: {package} is missing: run `make build` "
                              "(it runs `npm ci`)")
        version = json.loads(manifest.read_text())["version"]
        target = site / "assets" / "pyodide" / version
        target.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:
            shutil.copy2(package / name, target / name)
        return version, target

    def _copy_built(self, root: Path, site: Path, pattern: str, target: Path) -> Path:
        found = sorted((root / self.config.assets_dir).glob(pattern))
        if not found:
            raise PluginError(f"connector checker: no {pattern} in {self.config.assets_dir}: "
                              "run `make build` first")
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(found[-1], target / found[-1].name)
        return target / found[-1].name
