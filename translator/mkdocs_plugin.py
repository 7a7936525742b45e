"""MkDocs adapter: translate every upstream (DocFX) page before MkDocs reads it.

All DocFX pages are parsed first (titles, asset ids, anchors), so links between them can be
resolved; then each page is rendered to HTML by the translator. MkDocs reads only the
page's front matter (title, description, date); the translated HTML becomes the page's
content, with a table of contents built from its headings, so Material's outline, search
and permalinks work as on any page (Python-Markdown never reads the article body). Pages written
for this site (``own_pages``) are left alone, and so are DocFX TOC files (the
``site-structure`` plugin makes them the navigation). Which Markdown files are pages follows
DocFX's rule (``published_pages``: docfx.json's content globs, else every file outside an
``includes`` folder and not ``ms.topic: include``), never whether another file includes
it; redirect stubs are not pages either, but small redirect files in the built site. A
JSON report per page is written to the site. Public URLs are relative to the docset root
(the folder with ``docfx.json`` or the top-most TOC file, see ``docset.py``), so a docset
dropped into a sub-folder of docs/ keeps its upstream addresses.
"""

from __future__ import annotations

import fnmatch
import gc
import json
import logging
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .article import ParsedArticle, parse_article, render_article
from .article_store import store_article
from .docset import DOCFX_CONFIG_NAME, content_folders, find_docset_root, is_toc_file
from .docset_translation import DocsetTranslation
from .faq_page import (
    FaqMarkdown,
    faq_markdown,
    faq_page_path,
    is_faq,
    report_in_yml,
    yaml_mime,
)
from .material_html import Heading
from .published_pages import content_groups, is_published
from .redirects import RedirectPage, render_redirect
from .report import TranslationReport
from .retired_links import DEFAULT_RETIRED_LINKS_FILE, RetiredLinks, load_retired_links
from .site_index import PageInfo, SiteIndex, TranslationSettings, page_url, title_from_path

__all__ = ["DocfxPlugin", "DocfxPluginConfig", "DocsetTranslation", "docset_translation"]

log = logging.getLogger("mkdocs.plugins.docfx")


class DocfxPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    upstream_base_url = c.Type(str, default="https://learn.microsoft.com/exchange/")
    own_pages = c.ListOfItems(c.Type(str), default=[])  # globs: pages written for this site
    image_replacements = c.DictOfItems(c.Type(str), default={})
    report_dir = c.Type(str, default="build-report")
    # Retired addresses and their current pages: a YAML file next to mkdocs.yml; empty for
    # the translator's own list (translator/retired_links.yaml).
    retired_links = c.Type(str, default="")


class DocfxPlugin(BasePlugin[DocfxPluginConfig]):
    def __init__(self) -> None:
        self.reports: list[TranslationReport] = []
        # Every upstream article as parsed, without its tokens (released once rendered).
        # This plugin's own: other plugins read `docset_translation`.
        self.parsed: dict[str, ParsedArticle] = {}
        self.redirects: list[RedirectPage] = []
        self.translated: dict[str, _PageContent] = {}  # until MkDocs takes the page
        self.report_index: list[dict[str, object]] = []  # build-report/index.json
        # what the other plugins read (see `docset_translation`)
        self.published = DocsetTranslation()
        self.faqs: dict[str, tuple[str, FaqMarkdown]] = {}  # page -> (its .yml, the reading)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        with _cyclic_gc_paused():
            return self._translate(files, config)

    def _translate(self, files: Files, config: MkDocsConfig) -> Files:
        self.faqs = self._faq_pages(files, config)
        upstream = [
            f for f in files.documentation_pages()
            if not self._is_own_page(f) and not is_toc_file(f.src_uri)
        ]

        def read_file(src_uri: str) -> bytes | None:
            file = files.get_file_from_path(src_uri)
            return file.content_bytes if file is not None else None

        docset_root = find_docset_root(f.src_uri for f in files)
        # Pass 1: every article parsed (links need all titles, anchors and asset ids); the
        # tokens kept pickled and compressed until pass 2 (article_store: ~9 KB instead of
        # ~400 KB for a 5 KB article).
        stored = {
            f.src_uri: store_article(
                parse_article(f.src_uri, f.content_bytes, read_file, docset_root))
            for f in upstream
        }
        self.parsed = {path: article.summary for path, article in stored.items()}
        published = self._published(upstream, files)
        for file in upstream:
            if file.src_uri not in published or self.parsed[file.src_uri].redirect_url:
                files.remove(file)  # not a page of its own
        index = self._site_index(files, config, published)
        settings = TranslationSettings(
            upstream_base_url=self.config.upstream_base_url,
            image_replacements=dict(self.config.image_replacements),
            retired_links=self._retired_links(config),
            docset_root=docset_root,
            content_folders={
                folder: dest
                for f in files if f.src_uri.rsplit("/", 1)[-1] == DOCFX_CONFIG_NAME
                for folder, dest in content_folders(
                    f.src_uri, f.content_bytes.decode("utf-8", "replace")
                ).items()
            },
        )
        if settings.docset_root:
            log.info(f"docfx: docset root docs/{settings.docset_root}/: public URLs are "
                     "relative to it")
        self.reports, self.redirects, self.translated = [], [], {}
        self.report_index = []
        # Pass 2: each article rendered, then its tokens dropped (only the HTML is kept,
        # until MkDocs takes it in on_page_content), its JSON report written (the site
        # folder was cleaned before on_files) and only its problems kept for the report
        # page: ~60 decisions an article are not held until the build ends.
        for file in upstream:
            article = stored.pop(file.src_uri)
            if file.src_uri not in published:
                continue
            parsed = article.summary
            if parsed.redirect_url:
                page = index.pages[file.src_uri]
                self.redirects.append(
                    render_redirect(page, parsed.redirect_url, index, settings, parsed.report)
                )
            else:
                translated = render_article(article.load(), index, settings)
                file.content_string = translated.markdown  # front matter only
                self.translated[file.src_uri] = _PageContent(
                    translated.html, translated.headings, translated.anchor_ids)
            if file.src_uri in self.faqs:
                yml_path, faq = self.faqs[file.src_uri]
                report_in_yml(parsed.report, faq, yml_path)
            self._log(parsed.report)
            self._write_report(config, parsed.report)
            self.reports.append(_problems_only(parsed.report))
            self.parsed[file.src_uri] = _without_report(parsed)
        self.published = DocsetTranslation(
            articles={path: index.pages[path] for path in self.parsed if path in published},
            settings=settings,
            reports=tuple(self.reports),
        )
        return files

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()  # see _cyclic_gc_paused

    @event_priority(50)  # before plugins that edit the content (the connector checker)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # popped: the page holds its HTML from here on, and a 3,000-article build should
        # not keep a second copy of every page until the end
        translated = self.translated.pop(page.file.src_uri, None) if self.config.enabled else None
        if translated is None:
            return html
        page.toc = get_toc(_toc_tokens(translated.headings))
        page.present_anchor_ids = set(translated.anchor_ids)
        return translated.html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # see _cyclic_gc_paused
        if not self.config.enabled:
            return
        for redirect in self.redirects:
            target = Path(config.site_dir) / redirect.url / "index.html"
            if not redirect.url.endswith("/"):
                target = Path(config.site_dir) / redirect.url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect.html, encoding="utf-8")
        report_root = Path(config.site_dir) / self.config.report_dir
        summary = {"pages": self.report_index}
        report_root.mkdir(parents=True, exist_ok=True)
        (report_root / "index.json").write_text(json.dumps(summary, indent=2))
        log.info(f"docfx: translated {len(self.reports)} pages; reports in {report_root}")

    def _retired_links(self, config: MkDocsConfig) -> RetiredLinks:
        path = DEFAULT_RETIRED_LINKS_FILE
        if self.config.retired_links:
            path = Path(config.config_file_path).parent / self.config.retired_links
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            log.warning(f"docfx: retired_links: cannot read {path} ({error.strerror}); "
                        "no retired link replaced")
            return RetiredLinks()
        retired, problems = load_retired_links(text, str(path))
        for problem in problems:
            log.warning(f"docfx: {problem}")
        return retired

    def _faq_pages(self, files: Files, config: MkDocsConfig
                   ) -> dict[str, tuple[str, FaqMarkdown]]:
        """``### YamlMime:FAQ`` files -> generated DocFX Markdown pages in their place
        (``a/faq.yml`` -> ``a/faq.md``, published at ``a/faq/`` as DocFX does)."""
        faqs: dict[str, tuple[str, FaqMarkdown]] = {}
        for file in list(files):
            if not file.src_uri.endswith((".yml", ".yaml")) or is_toc_file(file.src_uri):
                continue
            mime = yaml_mime(file.content_bytes)
            if mime is not None and mime != "FAQ":
                log.warning(f"docfx: {file.src_uri}:1: a DocFX '### YamlMime:{mime}' page is "
                            "not translated (only FAQ is); the file is copied as it is")
            if not is_faq(file.content_bytes):
                continue
            faq = faq_markdown(file.content_bytes.decode("utf-8-sig", "replace"))
            page = faq_page_path(file.src_uri)
            if files.get_file_from_path(page) is not None:
                log.warning(f"docfx: {file.src_uri}: FAQ page not made, {page} exists")
                continue
            files.remove(file)
            files.append(File.generated(config, page, content=faq.markdown))
            faqs[page] = (file.src_uri, faq)
        return faqs

    def _write_report(self, config: MkDocsConfig, report: TranslationReport) -> None:
        """build-report/<path>.json, and the article's line in build-report/index.json."""
        target = Path(config.site_dir) / self.config.report_dir / (report.path + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(report.to_json(), indent=1, ensure_ascii=False),
                          encoding="utf-8")
        self.report_index.append(
            {"path": report.path, "counts": report.counts(), "report": report.path + ".json"})

    def _is_own_page(self, file: File) -> bool:
        return any(fnmatch.fnmatch(file.src_uri, pattern) for pattern in self.config.own_pages)

    def _published(self, upstream: list[File], files: Files) -> frozenset[str]:
        """The upstream files DocFX publishes (docfx.json's content globs, else every .md
        outside includes/ and not ``ms.topic: include``); the others are logged."""
        configs = [f for f in files if posixpath.basename(f.src_uri) == DOCFX_CONFIG_NAME]
        groups = [g for f in configs for g in content_groups(
            f.src_uri, f.content_bytes.decode("utf-8", "replace"))]
        published = frozenset(
            f.src_uri for f in upstream
            if is_published(self.faqs[f.src_uri][0] if f.src_uri in self.faqs else f.src_uri,
                            self.parsed[f.src_uri].meta, groups if groups else None)
        )
        rule = "docfx.json's content globs" if groups else "an include file"
        for file in upstream:
            if file.src_uri not in published:
                log.info(f"docfx: {file.src_uri} is not a page ({rule}); read where included")
        return published

    def _site_index(self, files: Files, config: MkDocsConfig, published: frozenset[str]
                    ) -> SiteIndex:
        directory_urls = bool(config.use_directory_urls)
        pages = [p.page_info(directory_urls) for path, p in self.parsed.items()
                 if path in published]
        pages += [
            PageInfo(f.src_uri, page_url(f.src_uri, directory_urls), title_from_path(f.src_uri))
            for f in files.documentation_pages()
            if f.src_uri not in self.parsed
        ]
        # redirect stubs were taken out of `files` but are pages of the index (they redirect)
        not_pages = (path for path in self.parsed if path not in published)
        return SiteIndex.build(pages, (f.src_uri for f in files), directory_urls, not_pages)

    @staticmethod
    def _log(report: TranslationReport) -> None:
        log.info(f"docfx: {report.summary()}")
        for decision in report.of_level("warning"):
            log.warning(f"docfx: {decision.located(report.path)}")
        for decision in report.of_level("unresolved"):
            log.info(f"docfx: unresolved: {decision.located(report.path)}")


@dataclass(frozen=True)
class _PageContent:
    """What on_page_content hands MkDocs for one translated page."""

    html: str
    headings: list[Heading]
    anchor_ids: frozenset[str]


def _problems_only(report: TranslationReport) -> TranslationReport:
    """The report as the build report page needs it: what is unresolved or a warning
    (the whole report is in its JSON file)."""
    return TranslationReport(report.path, [d for d in report.decisions if d.level != "info"])


def _without_report(parsed: ParsedArticle) -> ParsedArticle:
    """A rendered article as the connector checker reads it (`page_info`), holding none of
    its decisions."""
    env: dict[str, Any] = {key: parsed.env[key] for key in ("anchors", "included", "first_line")
                           if key in parsed.env}
    return replace(parsed, env=env, report=_problems_only(parsed.report))


def docset_translation(config: MkDocsConfig) -> DocsetTranslation | None:
    """What the ``docfx`` plugin translated in this build (after its ``on_files``): the
    articles that are pages, the settings, the reports. None when the plugin is not in
    the configuration or is switched off. Other plugins read this, not the plugin."""
    plugin = config.plugins.get("docfx")
    if isinstance(plugin, DocfxPlugin) and plugin.config.enabled:
        return plugin.published
    return None


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off while the articles are translated, and what they
    leave (kept until the build ends) frozen out of its later passes.

    Each article makes ~15,000 markdown-it tokens; every few hundred allocations the
    collector runs, and its older generations scan everything MkDocs holds too. Tokens
    are freed by reference counting, so pausing it loses nothing; freezing the survivors
    keeps the collector from scanning them again while the pages are built (on_post_build
    unfreezes them). Measured in a 40-article build: the translation from ~13 to ~10 ms
    per article.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _toc_tokens(headings: list[Heading]) -> list[Any]:
    """Headings in document order -> the nested tokens MkDocs' ``get_toc`` reads."""
    root: list[dict[str, Any]] = []
    open_items: list[dict[str, Any]] = []  # the last item of each open level
    for heading in headings:
        item = {"level": heading.level, "id": heading.id, "name": heading.title,
                "children": []}
        while open_items and open_items[-1]["level"] >= heading.level:
            open_items.pop()
        (open_items[-1]["children"] if open_items else root).append(item)
        open_items.append(item)
    return root
