"""Translate one DocFX article: parse (needs only the file), then render (needs the site).

Two steps because links between articles need every article's title, asset id and anchors:
the adapter parses all articles first, builds a `SiteIndex`, then renders each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it.token import Token

from .article_context import ArticleContext
from .front_matter import format_ms_date, split_front_matter
from .images import replace_images
from .includes import ReadFile
from .links import rewrite_links
from .markdown_parser import docfx_markdown
from .material_html import Heading, render_material_html
from .report import TranslationReport
from .site_index import (
    PageInfo,
    SiteIndex,
    TranslationSettings,
    page_url,
    title_from_path,
    upstream_url,
)
from .source_text import decode_source
from .table_repair import remove_table_debris
from .xrefs import rewrite_xrefs

# libyaml's safe dumper when PyYAML was built with it (faster), else Python's
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

__all__ = ["ParsedArticle", "TranslatedArticle", "parse_article", "render_article",
           "translate_article"]


@dataclass
class ParsedArticle:
    src_path: str
    meta: dict[str, object]
    title: str
    tokens: list[Token]
    env: dict[str, Any]
    report: TranslationReport
    meta_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> source line

    @property
    def redirect_url(self) -> str | None:
        """Where a redirect stub (front matter ``redirect_url``) sends its readers."""
        target = self.meta.get("redirect_url")
        return target.strip() if isinstance(target, str) and target.strip() else None

    @property
    def included(self) -> frozenset[str]:
        """Docs-relative paths of the files this article includes (not pages themselves)."""
        return frozenset(self.env["included"])

    def page_info(self, use_directory_urls: bool = True) -> PageInfo:
        assetid = self.meta.get("ms.assetid")
        uid = self.meta.get("uid")
        return PageInfo(
            src_path=self.src_path,
            url=page_url(self.src_path, use_directory_urls),
            title=self.title,
            assetid=str(assetid) if assetid else None,
            # a redirect stub has no sections of its own: anchors on it are not checked
            anchors=None if self.redirect_url else frozenset(self.env["anchors"]),
            uid=str(uid).strip() if isinstance(uid, (str, int, float)) and str(uid).strip()
            else None,
        )


@dataclass(frozen=True)
class TranslatedArticle:
    markdown: str  # what MkDocs reads: the clean front matter only (the body is `html`)
    html: str  # the page's content, as Material shows it
    headings: list[Heading]  # for the table of contents
    meta: dict[str, object]
    report: TranslationReport
    anchor_ids: frozenset[str] = frozenset()  # every id a link can target on the page


def parse_article(
    src_path: str, data: bytes, read_file: ReadFile | None = None, docset_root: str = ""
) -> ParsedArticle:
    """Read one article; `read_file` gives the files it includes (docs-relative paths);
    include paths starting ``~/`` start at `docset_root`."""
    report = TranslationReport(src_path)
    text = decode_source(data, report)
    front = split_front_matter(text, report)
    body = remove_table_debris(front.body, report, front.body_line)
    env: dict[str, Any] = {
        "report": report,
        "first_line": front.body_line,
        "src_path": src_path,
        "read_file": read_file,
        "docset_root": docset_root,
        "included": set(),
    }
    tokens = docfx_markdown().parse(body, env)
    title = _title(front.meta, tokens, src_path)
    return ParsedArticle(src_path, front.meta, title, tokens, env, report, front.key_lines)


def render_article(
    parsed: ParsedArticle, index: SiteIndex, settings: TranslationSettings
) -> TranslatedArticle:
    page = index.pages.get(parsed.src_path) or parsed.page_info(index.use_directory_urls)
    ctx = ArticleContext(page, index, settings, parsed.report, parsed.env["first_line"])
    rewrite_xrefs(parsed.tokens, ctx)  # before the links: it leaves no xref: href to them
    rewrite_links(parsed.tokens, ctx)
    replace_images(parsed.tokens, ctx)
    html, headings = render_material_html(parsed.tokens, parsed.env)
    public = upstream_url(settings.upstream_base_url, parsed.src_path, settings.docset_root,
                          settings.content_folders)
    meta = _material_meta(parsed, public)
    front = yaml.dump(
        meta, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=1000
    )
    anchor_ids = frozenset(parsed.env["anchors"])
    return TranslatedArticle(
        f"---\n{front}---\n", html, headings, meta, parsed.report, anchor_ids
    )


def translate_article(
    src_path: str,
    data: bytes,
    index: SiteIndex | None = None,
    settings: TranslationSettings | None = None,
) -> TranslatedArticle:
    """Parse and render one article; with no index it is the only page of the site."""
    parsed = parse_article(src_path, data)
    if index is None:
        index = SiteIndex.build([parsed.page_info()], [src_path])
    return render_article(parsed, index, settings or TranslationSettings())


def _title(meta: dict[str, object], tokens: list[Token], src_path: str) -> str:
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return tokens[index + 1].content.strip()
    return title_from_path(src_path)


def _material_meta(parsed: ParsedArticle, public_url: str) -> dict[str, object]:
    """Keys Material understands first, then the article's public address (the template
    shows it beside the date: the current version may differ from this copy); every other
    source key kept as page metadata."""
    meta: dict[str, object] = {"title": parsed.title}
    description = parsed.meta.get("description")
    if isinstance(description, str) and description.strip():
        meta["description"] = description.strip()
    # An empty ``ms.date:`` is how many upstream articles say "no date": nothing to show,
    # nothing to warn about. Only a value that is not a date is bad input.
    if parsed.meta.get("ms.date") not in (None, ""):
        updated = format_ms_date(parsed.meta["ms.date"])
        if updated:
            meta["revision_date"] = updated
        else:
            parsed.report.warn(
                "front-matter",
                parsed.meta_lines.get("ms.date"),
                f"ms.date {parsed.meta['ms.date']!r} is not a date like 6/23/2018 or "
                "2018-06-23; no 'last updated' date is shown",
            )
    meta["public_url"] = public_url
    for key, value in parsed.meta.items():
        meta.setdefault(key, value)
    return meta
