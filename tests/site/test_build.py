"""A real build of the site, and what a reader of the built article sees."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import ftfy
from markdown_it import MarkdownIt

from ..conftest import ROOT, SEED_ARTICLE, Build

SEED = ROOT / "docs" / SEED_ARTICLE  # byte-identical to the seed (tests/test_seed_verbatim.py)


class _Article(HTMLParser):
    """Visible text, tables, admonitions, ids, hrefs and image sources of an article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.link_texts: list[tuple[str, str]] = []  # (href, visible text) of each link
        self._link: tuple[str, list[str]] | None = None
        self.images: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.admonitions: list[str] = []
        self._in_article = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            self._link = (a["href"], [])
        if tag == "img":
            self.images.append(a.get("src", ""))
        classes = a.get("class", "").split()
        if tag == "div" and "admonition" in classes:
            self.admonitions.append(classes[1] if len(classes) > 1 else "")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        if tag in ("p", "li", "td", "th", "br", "h1", "h2", "h3", "div", "tr"):
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        if tag == "a" and self._link is not None:
            self.link_texts.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        if tag in ("td", "th") and self._cell is not None and self.tables:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_article:
            self.text.append(data)
            if self._link is not None:
                self._link[1].append(data)
            if self._cell is not None:
                self._cell.append(data)

    @property
    def visible_text(self) -> str:
        return " ".join("".join(self.text).split())


def parse_article(html: str) -> _Article:
    parser = _Article()
    parser.feed(html)
    return parser


def seed_sentences() -> list[str]:
    """Every sentence of the seed's body, read as CommonMark, mojibake repaired."""
    source = SEED.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(source)
    text = _Article()
    text.feed(f"<article>{html}</article>")
    blocks = ftfy.fix_encoding("".join(text.text)).split("\n")
    sentences = [s for block in blocks for s in re.split(r"(?<=[.?!:])\s+", block.strip())]
    # lone "|" lines and alert markers are export debris and DocFX syntax, not text
    return [
        " ".join(s.split())
        for s in sentences
        if s.strip(" |") and not re.fullmatch(r"\[![A-Z]+\]", s.strip())
    ]


def test_build_is_strict_clean(built_site: Build) -> None:
    assert "WARNING" not in built_site.log
    assert "docfx: translated" in built_site.log


def test_every_sentence_of_the_seed_is_on_the_page(built_site: Build) -> None:
    visible = parse_article(built_site.page(SEED_ARTICLE)).visible_text
    missing = [s for s in seed_sentences() if s not in visible]
    assert len(seed_sentences()) > 80
    assert missing == []


def test_tables_are_repaired(built_site: Build) -> None:
    tables = parse_article(built_site.page(SEED_ARTICLE)).tables
    assert len(tables) == 2
    first, second = tables
    assert {len(row) for row in first} == {4} and len(first) == 1 + 4
    assert first[0][0] == "Scenario"
    # 5 body rows under the header (6 rows in all), as in later revisions of the article
    assert {len(row) for row in second} == {4} and len(second) == 1 + 5
    server = "Microsoft Exchange Server 2013 or Exchange Server 2010"
    assert [row[0] for row in second[1:4]] == [server] * 3
    assert second[2][1:3] == ["Office 365 with Exchange Online", "No"]
    assert second[3][1:3] == ["Office 365 with Exchange Online", "Yes"]
    assert second[4][0] == "Exchange Server 2007 or earlier"


def test_merged_cells_are_marked_as_continuations(built_site: Build) -> None:
    html = built_site.page(SEED_ARTICLE)
    assert len(re.findall(r'<td class="[^"]*docfx-merged-cell', html)) == 3


def test_alerts_are_admonitions(built_site: Build) -> None:
    assert parse_article(built_site.page(SEED_ARTICLE)).admonitions == ["note", "tip"]


def test_every_legacy_anchor_is_a_target(built_site: Build) -> None:
    ids = parse_article(built_site.page(SEED_ARTICLE)).ids
    names = re.findall(r'<a name="([^"]+)">', SEED.read_text(encoding="utf-8"))
    assert len(names) == 11
    for name in set(names):
        copies = names.count(name)
        expected = [name] + [f"{name}-{n}" for n in range(2, copies + 1)]
        assert set(expected) <= ids, name
    headings = {
        "when-do-i-need-a-connector",
        "connectors-for-mail-flow-with-a-partner-organization",
    }
    assert headings <= ids


def test_no_markdown_links_and_in_page_links_resolve(built_site: Build) -> None:
    article = parse_article(built_site.page(SEED_ARTICLE))
    assert not [h for h in article.hrefs if urlsplit(h).path.endswith(".md")]
    local = [h[1:] for h in article.hrefs if h.startswith("#")]
    assert "WhatifIhave1" in local
    assert set(local) <= article.ids


def test_no_docfx_markers_or_front_matter_in_visible_text(built_site: Build) -> None:
    visible = parse_article(built_site.page(SEED_ARTICLE)).visible_text
    for marker in ("[!NOTE]", "[!TIP]", "****", "\u00e2\u20ac", "<br/>", "ms.author", "ms.assetid",
                   "supotter", "f1_keywords", "localization_priority"):
        assert marker not in visible, marker


def test_front_matter_gives_title_description_and_update_date(built_site: Build) -> None:
    html = built_site.page(SEED_ARTICLE)
    assert "<title>Configure mail flow using connectors in Office 365" in html
    assert '<meta name="description" content="Control the flow of email to and from your' in html
    assert "June 23, 2018" in html


def test_external_and_rewritten_links(built_site: Build) -> None:
    hrefs = parse_article(built_site.page(SEED_ARTICLE)).hrefs
    base = "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
    assert base + "use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail" in hrefs
    assert base + "manage-accepted-domains/manage-accepted-domains" in hrefs
    assert "http://go.microsoft.com/fwlink/?LinkId=525915" in hrefs
    # the empty link shows a readable title, not its address's slug
    empty = re.search(r'<a href="[^"]*#BKMK_HostedMailFlowWithThirdPartyCloud"[^>]*>([^<]*)</a>',
                      built_site.page(SEED_ARTICLE))
    assert empty is not None and empty.group(1) == "Mail flow best practices"


def test_retired_technet_links_go_to_current_pages_or_are_reported(built_site: Build) -> None:
    hrefs = parse_article(built_site.page(SEED_ARTICLE)).hrefs
    learn = "https://learn.microsoft.com/exchange/"
    device = (learn + "mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-"
              "application-to-send-email-using-microsoft-365-or-office-365")
    assert hrefs.count(device) == 2  # lines 25 and 115
    for current in ("exchange-hybrid", "hybrid-configuration-wizard",
                    "mail-flow/connectors/connectors?view=exchserver-2019"):
        assert learn + current in hrefs
    technet = [h for h in hrefs if "technet.microsoft.com" in h]
    assert technet == [
        "http://technet.microsoft.com/library/a23b2c29-e334-4159-b802-bc54f5ae2633.aspx"
    ]
    report = (built_site.site / "build-report" / "index.html").read_text(encoding="utf-8")
    replaced = re.findall(r"<td>retired address http://technet[^<]*replaced by", report)
    assert len(replaced) == 5
    assert "empty link text replaced by a title made from its address" in report
    assert "a23b2c29-e334-4159-b802-bc54f5ae2633.aspx: technet.microsoft.com is retired" in report
    assert "Nothing unresolved" not in report


def test_every_image_resolves(built_site: Build) -> None:
    for page in built_site.site.rglob("*.html"):
        base = page.parent
        for src in parse_article(page.read_text(encoding="utf-8")).images:
            if src.startswith("data:"):
                continue
            assert not urlsplit(src).scheme, f"{page}: {src}"
            assert (base / urlsplit(src).path).resolve().is_file(), f"{page}: {src}"
    images = parse_article(built_site.page(SEED_ARTICLE)).images
    assert [Path(i).name for i in images] == [
        "connectors-with-your-own-servers.svg",
        "connectors-with-a-partner.svg",
    ]


def test_build_report_lists_the_decisions(built_site: Build) -> None:
    report_file = built_site.site / "build-report" / (SEED_ARTICLE + ".json")
    report = json.loads(report_file.read_text())
    assert report["counts"]["alert"] == 2
    assert report["counts"]["encoding"] == 1
    kinds = {d["kind"] for d in report["decisions"]}
    assert {"alert", "anchor", "encoding", "image", "link", "table"} <= kinds
    summary = json.loads((built_site.site / "build-report" / "index.json").read_text())
    assert [p["path"] for p in summary["pages"]] == [SEED_ARTICLE]
    assert f"docfx: {SEED_ARTICLE}:" in built_site.log


def test_no_page_has_inline_script_code(built_site: Build) -> None:
    """A strict CSP (script-src 'self') would block it; data blocks are not code."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>\s*\S", re.I)
    for page in built_site.site.rglob("*.html"):
        assert not inline.search(page.read_text(encoding="utf-8")), page
    scripts = list((built_site.site / "assets" / "inline-scripts").glob("*.js"))
    assert scripts
