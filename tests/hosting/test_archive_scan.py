"""Scan of the unpacked intranet archive: nothing loads from an outside host, nothing points
at the host the site was built for, and every internal link and asset resolves inside it.

Hyperlinks in article text may go anywhere (readers follow them when they can). Shipped
JavaScript may name outside URLs in comments and license headers; any other outside URL in
vendored code must be in REVIEWED, with the reason it is never fetched on this site. A new
one (after upgrading Material or Pyodide) fails here until someone has looked at it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from ..conftest import Archive, Build

TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"}
ABSOLUTE_URL = re.compile(r"""https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`<>)\\]*""")
NAMESPACE = re.compile(r"^https?://www\.w3\.org/")  # XML namespace names: never fetched
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"');\s]+)""")
# (file name pattern, URL pattern): why it is never fetched here.
REVIEWED = {
    (r"assets/javascripts/bundle\.\w+\.min\.js", r"https://unpkg\.com/mermaid@"):
        "Material loads Mermaid only for `mermaid` diagrams; no page of this site has one",
    (r"assets/javascripts/bundle\.\w+\.min\.js", r"https://unpkg\.com/resize-observer-polyfill"):
        "a polyfill loaded only by browsers without ResizeObserver (every supported one has it)",
    (r"assets/javascripts/bundle\.\w+\.min\.js", r"https://api\.github\.com/"):
        "repository facts, fetched only when repo_url names GitHub (it is not set)",
    (r"assets/javascripts/workers/search\.\w+\.min\.js", r"https://bit\.ly/"):
        "a link printed in a console warning about an invalid search query",
    (r"assets/pyodide/[\d.]+/pyodide\.mjs", r"https://cdn\.jsdelivr\.net/pyodide/"):
        "Pyodide's default indexURL and package CDN: the worker passes indexURL and a lock "
        "file listing only the engine's wheel, served here",
}


class _Refs(HTMLParser):
    """Resource URLs (loaded by the page) and hyperlinks (followed by the reader)."""

    RESOURCE_ATTRS: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"),
        ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
        ("object", "data"), ("video", "poster"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in self.RESOURCE_ATTRS:
                self.resources.append(value)
            elif name == "srcset":
                self.resources += [part.split()[0] for part in value.split(",") if part.strip()]
            elif tag == "a" and name == "href":
                self.links.append(value)


def _files(site: Path, suffixes: set[str]) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


def _is_outside(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", url, re.I)) and not url.startswith(
        ("data:", "blob:", "mailto:", "#")
    )


def _resolves(site: Path, page: Path, url: str) -> bool:
    path = unquote(urlsplit(url).path)
    if not path:
        return True  # "#anchor" or "?query": this page
    if path.startswith("/"):
        # Only the not-found page may link from the root: it is served at any depth, so
        # MkDocs links it from site_url's path (HOSTING.md says how to host it elsewhere).
        if page != site / "404.html":
            return False
        path = path.lstrip("/") or "."
        page = site / "index.html"
    target = (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.is_file() and site.resolve() in target.parents


def _in_comment(text: str, index: int) -> bool:
    opened = text.rfind("/*", 0, index)
    if opened != -1 and text.find("*/", opened, index) == -1:
        return True
    line = text[text.rfind("\n", 0, index) + 1:index]
    return re.search(r"(?<![:\\])//", line) is not None


def test_pages_load_nothing_from_outside_and_their_links_resolve(dist_archive: Archive) -> None:
    site = dist_archive.unpacked / "site"
    outside, broken = [], []
    pages = _files(site, {".html"})
    for page in pages:
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        name = page.relative_to(site).as_posix()
        outside += [f"{name}: {url}" for url in refs.resources if _is_outside(url)]
        broken += [f"{name}: {url}" for url in refs.resources + refs.links
                   if not _is_outside(url) and not url.startswith(("data:", "mailto:"))
                   and not _resolves(site, page, url)]
    assert len(pages) >= 5
    assert outside == []
    assert broken == []


def test_stylesheets_load_nothing_from_outside(dist_archive: Archive) -> None:
    site = dist_archive.unpacked / "site"
    found = []
    for sheet in _files(site, {".css"}):
        css = sheet.read_text(encoding="utf-8")
        for url in CSS_URL.findall(css) + CSS_IMPORT.findall(css):
            if _is_outside(url):
                found.append(f"{sheet.relative_to(site)}: {url}")
            elif not url.startswith("data:") and not _resolves(site, sheet, url):
                found.append(f"{sheet.relative_to(site)}: {url} (missing)")
    assert found == []


def test_scripts_name_no_outside_url_but_reviewed_ones(dist_archive: Archive) -> None:
    site = dist_archive.unpacked / "site"
    unreviewed, reviewed_seen = [], set()
    for script in _files(site, {".js", ".mjs"}):
        name = script.relative_to(site).as_posix()
        code = script.read_text(encoding="utf-8")
        for match in ABSOLUTE_URL.finditer(code):
            url = match.group(0)
            if NAMESPACE.match(url) or _in_comment(code, match.start()):
                continue
            hits = [key for key in REVIEWED
                    if re.fullmatch(key[0], name) and re.match(key[1], url)]
            if hits:
                reviewed_seen.update(hits)
                continue
            unreviewed.append(f"{name}: {url}")
    assert unreviewed == []
    # the review list stays honest: every entry still matches something shipped
    assert reviewed_seen == set(REVIEWED)


def test_nothing_names_the_host_the_site_was_built_for(
    built_site: Build, dist_archive: Archive
) -> None:
    site = dist_archive.unpacked / "site"
    own_host = f"127.0.0.1:{built_site.port}"
    named = [p.relative_to(site).as_posix() for p in _files(site, TEXT_SUFFIXES)
             if own_host in p.read_text(encoding="utf-8", errors="replace")]
    assert named == []
    sitemap = (site / "sitemap.xml").read_text()
    assert "<loc>./</loc>" in sitemap and "<loc>checker/</loc>" in sitemap
