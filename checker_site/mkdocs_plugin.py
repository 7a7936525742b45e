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

import hashlib
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

from engine import (
    Model,
    ModelNotCompiled,
    decision_page_markdown,
    load_packaged_model,
    verify_model,
)
from engine.plan import load_packaged_plan
from translator import page_url
from translator.mkdocs_plugin import docset_translation
from translator.site_index import relative_url

from .boot_settings import lock_info, subresource_integrity
from .form_spec import checker_spec
from .widget import insert_widget, widget_html

__all__ = ["CheckerPlugin", "CheckerPluginConfig"]

log = logging.getLogger("mkdocs.plugins.connector_checker")

# The files of the npm package `pyodide` needed at run time. The stdlib zip is ours; the
# lock file is replaced by its `info`, handed to the worker (boot_settings.py).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB_NAME = "python_stdlib.pyc.zip"
# What only the plan imports: stdlib modules, the engine's plan modules, its recipes.
STDLIB_PLAN_NAME = "python_stdlib_plan.pyc.zip"
SNAPSHOT_NAME = "engine.snapshot"


class CheckerPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    article = c.Type(str)  # docs-relative source of the article that hosts the checker
    inline_after_anchor = c.Type(str, default="NeedConnector1")
    decision_table_page = c.Type(str, default="decision-table.md")
    checker_page = c.Type(str, default="checker.md")
    assets_dir = c.Type(str, default="build/checker")  # made by `make build`
    pyodide_package = c.Type(str, default="node_modules/pyodide")
    boot_timeout_seconds = c.Type((int, float), default=30)
    # Opt-in: boot from a memory snapshot of Python with the engine imported (skips
    # Python's start-up: first verdict ~0.47x a stock boot instead of ~0.6x, but +3.2 MB
    # brotli on a first visit). See README, "The connector checker".
    memory_snapshot = c.Type(bool, default=False)


class CheckerPlugin(BasePlugin[CheckerPluginConfig]):
    model: Model

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            self.model = load_packaged_model()
        except ModelNotCompiled as error:
            raise PluginError(f"connector checker: {error}") from error
        root = Path(config.docs_dir).parent  # option paths are relative to the project
        self.pyodide_version = self._pyodide_version(root)
        pyodide_lock = root / self.config.pyodide_package / "pyodide-lock.json"
        self.lock_info = lock_info(json.loads(pyodide_lock.read_text(encoding="utf-8")))
        self.wheel = self._built_file(root, "*.whl")
        self.stdlib = self._built_file(root, STDLIB_NAME)
        # Named by its content: the stdlib is trimmed to what the engine imports, so it
        # changes with the engine, and files under assets/pyodide/ are cached as immutable.
        stdlib_name = _content_named(self.stdlib)
        self.stdlib_plan = self._built_file(root, STDLIB_PLAN_NAME)
        pyodide_dir = f"assets/pyodide/{self.pyodide_version}/"
        # Site-root-relative URLs of the runtime, for pages that start it from <head>.
        self.runtime_urls = {
            "pyodide": pyodide_dir,
            "stdlib": pyodide_dir + stdlib_name,
            "stdlib_plan": pyodide_dir + _content_named(self.stdlib_plan),
            "wheel": f"assets/checker/{self.wheel.name}",
            "wheel_integrity": subresource_integrity(self.wheel),
            "lock_info": json.dumps(self.lock_info, separators=(",", ":")),
            "snapshot": "",
            "decision_table": page_url(self.config.decision_table_page),
        }
        if self.config.memory_snapshot:
            self.snapshot = self._built_file(root, SNAPSHOT_NAME)
            self.runtime_urls["snapshot"] = pyodide_dir + _content_named(self.snapshot)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self._verify_anchors(config)
        files.append(File.generated(config, self.config.decision_table_page,
                                    content=self._decision_table_page()))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Pages with a checker start its engine from <head> (overrides/main.html).
        if self.config.enabled and page.file.src_uri in (
            self.config.article, self.config.checker_page
        ):
            page.meta["connector_checker"] = self.runtime_urls
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or page.file.src_uri != self.config.article:
            return html
        table_href = relative_url(
            page_url(page.file.src_uri), page_url(self.config.decision_table_page)
        )
        placed = insert_widget(
            html, self.config.inline_after_anchor, widget_html(table_href, folded=True)
        )
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
        package = Path(config.docs_dir).parent / self.config.pyodide_package
        for name in PYODIDE_FILES:
            _copy(package / name, site / self.runtime_urls["pyodide"] / name)
        _copy(self.stdlib, site / self.runtime_urls["stdlib"])
        _copy(self.stdlib_plan, site / self.runtime_urls["stdlib_plan"])
        _copy(self.wheel, site / self.runtime_urls["wheel"])
        if self.runtime_urls["snapshot"]:
            _copy(self.snapshot, site / self.runtime_urls["snapshot"])
        article_url = page_url(self.config.article)
        spec = checker_spec(
            self.model,
            # relative to assets/checker/checker.json
            pyodide_dir=f"../pyodide/{self.pyodide_version}/",
            stdlib="../" + self.runtime_urls["stdlib"].removeprefix("assets/"),
            stdlib_plan="../" + self.runtime_urls["stdlib_plan"].removeprefix("assets/"),
            wheel=self.wheel.name,
            wheel_integrity=self.runtime_urls["wheel_integrity"],
            lock_info=self.lock_info,
            snapshot=("../" + self.runtime_urls["snapshot"].removeprefix("assets/")
                      if self.runtime_urls["snapshot"] else ""),
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
            plan_keys=list(load_packaged_plan().values),
        )
        target = site / "assets" / "checker" / "checker.json"
        target.write_text(json.dumps(spec, indent=1, ensure_ascii=False))
        log.info(f"connector checker: Pyodide {self.pyodide_version}, {self.wheel.name}, "
                 f"{target.relative_to(site)}")

    def _verify_anchors(self, config: MkDocsConfig) -> None:
        # What the translation published (translator.docset_translation), not its plugin's
        # attributes: the anchors of the article as built.
        translation = docset_translation(config)
        page = translation.articles.get(self.config.article) if translation else None
        if page is None:
            raise PluginError(
                f"connector checker: article '{self.config.article}' (option 'article') is "
                "not among the translated DocFX pages"
            )
        findings = verify_model(self.model, known_anchors=page.anchors)
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
            '<div class="cc-decision-table" markdown>\n\n'
            + decision_page_markdown(
                self.model,
                relative_url(
                    page_url(self.config.decision_table_page), page_url(self.config.checker_page)
                ),
            )
            + "\n</div>\n"
        )

    def _pyodide_version(self, root: Path) -> str:
        manifest = root / self.config.pyodide_package / "package.json"
        if not manifest.is_file():
            raise PluginError(f"connector checker: {manifest.parent} is missing: run "
                              "`make build` (it runs `npm ci`)")
        return str(json.loads(manifest.read_text())["version"])

    def _built_file(self, root: Path, pattern: str) -> Path:
        found = sorted((root / self.config.assets_dir).glob(pattern))
        if not found:
            raise PluginError(f"connector checker: no {pattern} in {self.config.assets_dir}: "
                              "run `make build` first")
        return found[-1]


def _content_named(path: Path) -> str:
    """`name.ext` -> `name-<first 10 hex digits of its SHA-256>.ext` (first dot)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    stem, dot, suffix = path.name.partition(".")
    return f"{stem}-{digest}{dot}{suffix}"


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
