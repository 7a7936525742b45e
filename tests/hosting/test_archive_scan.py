"""Scan of the unpacked intranet archive: nothing loads from an outside host, nothing points
at the host the site was built for, and every internal link and asset resolves inside it.

Hyperlinks in article text may go anywhere (readers follow them when they can). Shipped
JavaScript may name outside URLs in comments and license headers; any outside URL in a
string literal or template string of vendored code must be in REVIEWED, with the reason it
is never fetched on this site. A new one (after upgrading Material or Pyodide) fails here
until someone has looked at it. Scripts are read by a JavaScript parser (acorn, through
js_strings.mjs): a pattern-based reader took `// /*` for the start of a block comment and
missed every URL in the ~127 KB after it.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

import material

from ..conftest import Archive, Build

TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"}
ABSOLUTE_URL = re.compile(r"""https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`<>)\\]*""")
JS_STRINGS = Path(__file__).with_name("js_strings.mjs")
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
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
    (r"assets/javascripts/lunr/wordcut\.js", r"https://github\.com/isaacs/node-glob/issues/"):
        "the text of an error node-glob's copy in the Thai word cutter throws when its sync API "
        "is given a callback (the pattern-based scan missed it after a `/*` in a `//` comment)",
    (r"search/search_index\.js", r"https?://"):
        "the search index as a script (for file://): the pages' own text, where the build "
        "report and the article name addresses as text; data for the search, never fetched",
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


def script_strings(scripts: list[Path]) -> dict[Path, list[str]]:
    """The string literals and template strings of each script, read by acorn."""
    run = subprocess.run(
        ["node", str(JS_STRINGS), *map(str, scripts)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    unreadable = {name: entry["error"] for name, entry in report.items() if "error" in entry}
    assert unreadable == {}, "scripts the scan cannot read"
    return {Path(name): entry["strings"] for name, entry in report.items()}


def unreviewed_script_urls(site: Path) -> tuple[list[str], set[tuple[str, str]]]:
    """Outside URLs in the scripts' strings that REVIEWED does not list, and the REVIEWED
    entries that matched something."""
    unreviewed, reviewed_seen = [], set()
    for script, strings in script_strings(_files(site, {".js", ".mjs"})).items():
        name = script.relative_to(site).as_posix()
        for url in (m.group(0) for text in strings for m in ABSOLUTE_URL.finditer(text)):
            if NAMESPACE.match(url):
                continue
            hits = [key for key in REVIEWED
                    if re.fullmatch(key[0], name) and re.match(key[1], url)]
            reviewed_seen.update(hits)
            if not hits:
                unreviewed.append(f"{name}: {url}")
    return unreviewed, reviewed_seen


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
    unreviewed, reviewed_seen = unreviewed_script_urls(dist_archive.unpacked / "site")
    assert unreviewed == []
    # the review list stays honest: every entry still matches something shipped
    assert reviewed_seen == set(REVIEWED)


def test_the_scan_sees_a_request_after_a_block_comment_opener_in_a_line_comment(
    tmp_path: Path,
) -> None:
    """Material's bundle with `// /*` and then a request planted at its top: the opener is
    part of a line comment, so the request is code and must be reported."""
    (bundle,) = MATERIAL_SCRIPTS.glob("bundle.*.min.js")
    planted = tmp_path / "assets" / "javascripts" / bundle.name
    planted.parent.mkdir(parents=True)
    planted.write_text('// /*\nfetch("https://evil.example/x");\n'
                       + bundle.read_text(encoding="utf-8"), encoding="utf-8")
    unreviewed, reviewed_seen = unreviewed_script_urls(tmp_path)
    assert unreviewed == [f"assets/javascripts/{bundle.name}: https://evil.example/x"]
    assert len(reviewed_seen) == 3  # the bundle's reviewed URLs are still read after it


def test_the_scan_reads_urls_in_template_strings_not_in_comments(tmp_path: Path) -> None:
    (tmp_path / "a.mjs").write_text(
        "/* https://comment.example/a */ // https://comment.example/b\n"
        "const re = /\\/*https:\\/\\/regex.example/;\n"
        "export const u = `https://template.example/${re}`, v = 'https://string.example/';\n"
    )
    unreviewed, _ = unreviewed_script_urls(tmp_path)
    assert unreviewed == ["a.mjs: https://template.example/", "a.mjs: https://string.example/"]


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
