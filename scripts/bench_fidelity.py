#!/usr/bin/env python3
"""Benchmark: does the built site show each DocFX article with the structure DocFX gives it?

    .venv/bin/python scripts/bench_fidelity.py SRC_DIR [--rounds 3] [--no-timing]

SRC_DIR is a folder of upstream articles (with their media/ and includes/). It is built as
the docs of a temporary MkDocs site with this project's mkdocs.yml (the connector checker
switched off), and every article's built page is compared with a CommonMark reading of its
source (markdown-it-py, includes expanded, DocFX alerts counted as alerts): the sequence of
headings, lists, list items, tables, rows, code blocks and alerts, each with its nesting
depth. Prints the share of pages that are structurally identical (with the differences of the
others), the DocFX markers left as visible text (``[!NOTE]``, ``[!INCLUDE``, ``:::``,
``<a name=`` ...), and the build time as a ratio to a plain mkdocs-material build of the same
files (the docfx plugin disabled), both measured in this run. The plain build's own
fidelity is printed too, for comparison.

The structure comparison reads the source with markdown-it, the parser the product uses, so
it cannot see text that both lose (a cell split at a ``|`` inside a code span, extra cells
dropped). A second check shares no parser with the product: every word of each article's
visible text, read from the raw Markdown with plain text rules (markup characters, HTML tags,
link targets, image and DocFX directives stripped), must be on the built page as many times
as in the source; pages that lose words are listed with the words.
"""

from __future__ import annotations

import argparse
import difflib
import html
import logging
import os
import posixpath
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import ftfy  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.rules_core import StateCore  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from translator import page_url  # noqa: E402
from translator.docset import is_toc_file  # noqa: E402

__all__ = ["FidelityResult", "PageDiff", "build_site", "compare_site", "lost_words", "main",
           "page_words", "source_words"]

ALERT_KINDS = ("note", "tip", "important", "caution", "warning")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_REDIRECT = re.compile(r"^redirect_url\s*:", re.M)
_INCLUDE_LINE = re.compile(
    r"^(?P<indent>[ \t]*)\[!INCLUDE[ \t]*\[[^\]]*\]\([ \t]*<?(?P<path>[^)\s>]+)>?[^)]*\)\][ \t]*$",
    re.I | re.M,
)
_INCLUDE_ANY = re.compile(r"\[!INCLUDE[ \t]*\[[^\]]*\]\([ \t]*<?(?P<path>[^)\s>]+)", re.I)
_ALERT_LINE = re.compile(r"^\[!(?P<kind>[A-Za-z]+)\][ \t]*(?:\n|$)")
# an alert flattened into a cell: at its start, or after a line break ending its text
_CELL_ALERT = re.compile(r"(?:^|\n)\s*>\s*\[!(?P<kind>[A-Za-z]+)\]")
# DocFX syntax a reader must never see as text
MARKERS = re.compile(r"\[![A-Za-z]|:::|<a\s+name\s*=", re.I)


# --- structure of a page ---------------------------------------------------------------


class _Structure(HTMLParser):
    """Headings, lists, items, tables, rows, code blocks and alerts, with nesting depth."""

    _TRACKED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "table", "tr",
                          "td", "th", "pre", "div", "blockquote", "article"})
    _HIDDEN = frozenset({"pre", "code", "script", "style"})

    def __init__(self, *, whole_document: bool, reference: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[str] = []
        self.visible: list[str] = []
        self._inside = not whole_document  # inside the article's content
        self._reference = reference
        self._stack: list[tuple[str, str | None]] = []  # (tag, event label or None)
        self._hidden: list[str] = []  # open tags whose text a reader does not read as prose
        self._heading: list[str] | None = None
        self._row: list[str] | None = None
        self._row_start = 0
        self._cell: list[str] | None = None

    @property
    def _depth(self) -> int:
        return sum(1 for _, label in self._stack if label in ("li", "alert", "td"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "article" and "md-content__inner" in classes:
            self._inside = True
        if not self._inside:
            return
        if tag in self._HIDDEN or "headerlink" in classes:
            self._hidden.append(tag)
        if tag == "br" and self._cell is not None:
            self._cell.append("\n")
        if tag not in self._TRACKED:
            return
        label = self._label(tag, classes)
        if label is not None and label != "td":
            self.events.append(f"{'  ' * self._depth}{label}")
        self._stack.append((tag, "alert" if label and label.startswith("alert") else label))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        elif tag == "tr":
            self._row, self._row_start = [], len(self.events) - 1
        elif label == "td":
            self._cell = []

    @staticmethod
    def _label(tag: str, classes: list[str]) -> str | None:
        if tag in ("div", "blockquote"):
            if "admonition" in classes or "docfx-reference-alert" in classes:
                return "alert:" + next((c for c in classes if c in ALERT_KINDS), "note")
            return None
        if tag == "article":
            return None
        return "td" if tag == "th" else tag

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        if tag not in self._TRACKED:
            return
        index = next((i for i in range(len(self._stack) - 1, -1, -1)
                      if self._stack[i][0] == tag), None)
        if index is None:
            return
        del self._stack[index:]
        if tag == "article" and not self._stack:
            self._inside = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            text = " ".join("".join(self._heading).split())
            self.events[-1] += f" {text}"
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            cell = " ".join("".join(self._cell).split())
            self._row.append(cell)
            if self._reference and (match := _CELL_ALERT.search("".join(self._cell))):
                self.events.append(f"{'  ' * (self._depth + 1)}alert:{match['kind'].lower()}")
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not any(self._row):  # an empty row (a lone "|" line): export debris
                del self.events[self._row_start :]
            self._row = None

    def handle_data(self, data: str) -> None:
        if not self._inside:
            return
        if self._cell is not None:
            self._cell.append(data)
        if self._hidden and self._hidden[-1] != "code":
            return
        if self._heading is not None:
            self._heading.append(data)
        if not self._hidden:
            self.visible.append(data)


def page_structure(html: str, *, whole_document: bool, reference: bool) -> _Structure:
    parser = _Structure(whole_document=whole_document, reference=reference)
    parser.feed(html)
    parser.close()
    return parser


# --- the CommonMark reading of a source ------------------------------------------------


def _mark_alerts(state: StateCore) -> None:
    tokens = state.tokens
    for index, token in enumerate(tokens[:-2]):
        if token.type == "blockquote_open" and tokens[index + 1].type == "paragraph_open":
            match = _ALERT_LINE.match(tokens[index + 2].content)
            if match and match["kind"].lower() in ALERT_KINDS:
                token.attrSet("class", f"docfx-reference-alert {match['kind'].lower()}")


def commonmark() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.core.ruler.after("block", "mark_alerts", _mark_alerts)
    return md


def source_body(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


def expand_includes(text: str, path: str, files: dict[str, str], seen: tuple[str, ...] = ()) -> str:
    """Block includes replaced by the included file's body (as DocFX does), indented alike."""

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match["path"]))
        if target not in files or target in seen:
            return match.group()
        body = expand_includes(source_body(files[target]), target, files, (*seen, target))
        return "\n".join(match["indent"] + line if line else line for line in body.split("\n"))

    return _INCLUDE_LINE.sub(replace, text)


def reference_structure(path: str, files: dict[str, str]) -> list[str]:
    body = expand_includes(source_body(files[path]), path, files, (path,))
    html = commonmark().render(body)
    return page_structure(html, whole_document=False, reference=True).events


# --- the words of a source, read with text rules (no Markdown parser) ---------------------

_WORD = re.compile(r"[^\W_]+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE_LINE = re.compile(r"^[ \t>]*(?:`{3,}|~{3,}).*$", re.M)  # its info string is a class
_DIRECTIVE_LINE = re.compile(r"^[ \t>]*:::.*$", re.M)  # :::image, ::: moniker, :::zone
_DOCFX_MARKER = re.compile(r"\[![A-Za-z]+(?:[^\[\]\n]|\[[^\]\n]*\](?:\([^)\n]*\))?)*\]")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)")
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]")
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:.*$", re.M)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LIST_MARKER = re.compile(r"^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?=[ \t])", re.M)


def source_words(text: str) -> Counter[str]:
    """Words a reader of the source sees, counted: raw Markdown, markup stripped by rules."""
    body = ftfy.fix_encoding(source_body(text))
    for pattern in (_COMMENT, _FENCE_LINE, _DIRECTIVE_LINE, _DOCFX_MARKER, _IMAGE,
                    _REFERENCE_DEFINITION, _TAG, _LIST_MARKER):
        body = pattern.sub(" ", body)
    body = _LINK_TARGET.sub("]", body)
    return Counter(w.casefold() for w in _WORD.findall(html.unescape(body)))


class _PageText(HTMLParser):
    """All text of the article's content, code included (headerlink marks excluded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._depth = 0  # inside md-content__inner
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._depth or "md-content__inner" in classes:
            self._depth += tag not in _VOID
        if self._depth and (tag in ("script", "style") or "headerlink" in classes):
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()
        if self._depth and tag not in _VOID:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self.text.append(data)


_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"})


def page_words(page_html: str) -> Counter[str]:
    parser = _PageText()
    parser.feed(page_html)
    parser.close()
    return Counter(w.casefold() for w in _WORD.findall(" ".join(parser.text)))


def lost_words(source_text: str, page_html: str) -> list[str]:
    """The source's words the page shows fewer times than the source has them (sorted)."""
    missing = source_words(source_text) - page_words(page_html)
    return sorted(missing.elements())


# --- the site ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageDiff:
    path: str
    diff: list[str]


@dataclass
class FidelityResult:
    pages: list[str] = field(default_factory=list)
    differing: list[PageDiff] = field(default_factory=list)
    markers: dict[str, list[str]] = field(default_factory=dict)  # page -> markers seen
    lost: dict[str, list[str]] = field(default_factory=dict)  # page -> source words not shown

    @property
    def identical_share(self) -> float:
        return 1 - len(self.differing) / len(self.pages) if self.pages else 1.0

    @property
    def marker_count(self) -> int:
        return sum(len(found) for found in self.markers.values())


def article_paths(docs: Path) -> tuple[list[str], dict[str, str]]:
    """(articles that become pages, every Markdown file's text by docs-relative path)."""
    files = {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(docs.rglob("*.md"))
    }
    included = {
        posixpath.normpath(posixpath.join(posixpath.dirname(path), m["path"]))
        for path, text in files.items()
        for m in _INCLUDE_ANY.finditer(text)
    }
    redirects = {p for p, t in files.items() if _REDIRECT.search(_FRONT_MATTER.match(t)[0]
                                                                 if _FRONT_MATTER.match(t) else "")}
    pages = [p for p in files if p not in included and p not in redirects and not is_toc_file(p)]
    return pages, files


def prepare_docs(src_dir: Path, docs: Path) -> None:
    """`src_dir`'s articles as a docs folder, with this site's own stylesheets and scripts
    (mkdocs.yml and the templates name them), so the pages are the ones a reader gets."""
    shutil.copytree(src_dir, docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)


def build_site(docs: Path, site: Path, *, with_translation: bool) -> float:
    """Build `docs` with this project's settings; returns the seconds it took."""
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site)
    )
    # Plugins are switched off through their `enabled` option: popping one from the
    # collection would leave its event handlers registered.
    config.plugins["connector-checker"].config.enabled = False
    config.plugins["docfx"].config.enabled = with_translation
    config.plugins["docfx"].config.own_pages = []  # every file here is an upstream article
    # The npm package is found next to docs/ by default: `docs` is elsewhere here.
    hosting = config.plugins["site-hosting"].config
    hosting.iframe_worker_package = str(ROOT / hosting.iframe_worker_package)
    start = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return time.perf_counter() - start


def compare_site(docs: Path, site: Path) -> FidelityResult:
    """Compare every article's built page in `site` with its CommonMark reading."""
    pages, files = article_paths(docs)
    result = FidelityResult(pages=pages)
    for path in pages:
        built_file = site / page_url(path) / "index.html"
        if path == "index.md":
            built_file = site / "index.html"
        built = page_structure(
            built_file.read_text(encoding="utf-8"), whole_document=True, reference=False
        )
        reference = reference_structure(path, files)
        events = built.events
        if events and events[0].startswith("h1") and not any(
            e.startswith("h1") for e in reference
        ):
            events = events[1:]  # Material adds the title as an h1 when the page has none
        if events != reference:
            diff = difflib.unified_diff(reference, events, "commonmark", "built", lineterm="", n=1)
            result.differing.append(PageDiff(path, list(diff)[2:]))
        found = MARKERS.findall("".join(built.visible))
        if found:
            result.markers[path] = found
        lost = lost_words(files[path], built_file.read_text(encoding="utf-8"))
        if lost:
            result.lost[path] = lost
    return result


def print_result(name: str, result: FidelityResult, *, details: bool) -> None:
    print(
        f"{name}: {result.identical_share:6.1%} of {len(result.pages)} pages structurally "
        f"identical; {result.marker_count} DocFX markers left as visible text; "
        f"{sum(len(w) for w in result.lost.values())} source words lost on "
        f"{len(result.lost)} pages"
    )
    if not details:
        return
    for page in result.differing:
        print(f"  {page.path}:")
        for line in page.diff[:40]:
            print(f"    {line}")
    for path, found in result.markers.items():
        print(f"  {path}: markers {sorted(set(found))}")
    for path, words in result.lost.items():
        print(f"  {path}: {len(words)} words of the source not on the page: {words[:20]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("src_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="timed builds of each kind")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        docs, ours_site, plain_site = Path(tmp) / "docs", Path(tmp) / "ours", Path(tmp) / "plain"
        prepare_docs(args.src_dir, docs)
        n = len(article_paths(docs)[0])
        # One untimed build of each first (imports, template compilation: the first build
        # of a process pays them), then the two kinds in turn, so drift hits both alike.
        build_site(docs, ours_site, with_translation=True)
        build_site(docs, plain_site, with_translation=False)
        ours, plain = [], []
        for _ in range(args.rounds):
            ours.append(build_site(docs, ours_site, with_translation=True))
            plain.append(build_site(docs, plain_site, with_translation=False))
        print_result("our build  ", compare_site(docs, ours_site), details=True)
        print_result("plain build", compare_site(docs, plain_site), details=False)
    if not args.no_timing:
        ours_s, plain_s = statistics.median(ours), statistics.median(plain)
        print(f"build with translation: {ours_s / n * 1000:8.2f} ms/article ({n} articles)")
        print(f"plain mkdocs-material:  {plain_s / n * 1000:8.2f} ms/article")
        print(f"ratio ours / plain:     {ours_s / plain_s:8.2f}")


if __name__ == "__main__":
    main()
