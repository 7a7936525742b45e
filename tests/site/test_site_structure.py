"""Real builds of the fidelity corpus, at the docs root and dropped into docs/upstream/:
the navigation follows its TOC.yml, the build report page lists its deliberate problems,
public URLs do not carry the folder it was dropped into."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

from .test_fidelity import CORPUS, load_bench

PUBLIC = "https://learn.microsoft.com/exchange/"
_NAV_LINK = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*class="md-nav__link[^"]*"[^>]*>\s*'
                       r'<span class="md-ellipsis">\s*(?P<title>[^<]*?)\s*</span>', re.S)
_NAV_SECTION = re.compile(r'<label class="md-nav__link"[^>]*>\s*'
                          r'<span class="md-ellipsis">\s*(?P<title>[^<]*?)\s*</span>', re.S)


@pytest.fixture(scope="module", params=["", "upstream"])
def corpus_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[str, Path]:
    folder: str = request.param
    tmp = tmp_path_factory.mktemp("structure")
    docs = tmp / "docs"
    shutil.copytree(CORPUS, docs / folder if folder else docs)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    load_bench().build_site(docs, tmp / "site", with_translation=True)
    return folder, tmp / "site"


def page(site: Path, folder: str, path: str) -> str:
    return (site / folder / path / "index.html").read_text(encoding="utf-8")


def primary_nav(html: str) -> list[str]:
    nav = html[html.index("md-nav--primary"):html.index('<div class="md-content"')]
    found = [(m.start(), m.group("title")) for m in _NAV_LINK.finditer(nav)]
    found += [(m.start(), "[" + m.group("title") + "]") for m in _NAV_SECTION.finditer(nav)]
    return [title for _, title in sorted(found)]


def test_navigation_follows_the_toc_and_leaves_out_includes_and_stubs(
    corpus_build: tuple[str, Path],
) -> None:
    folder, site = corpus_build
    nav = primary_nav(page(site, folder, "pictures-and-videos"))  # no outline in the nav
    assert nav[:9] == [
        "Mail routing basics", "[Routing]", "Steps with alerts", "Routing tables",
        "Relay from devices", "Links and anchors", "Pictures and videos", "Versions",
        "Exchange Online on Microsoft Learn",
    ]
    assert nav[-1] == "Build report"
    assert not any("include" in t.lower() or "old article" in t.lower() for t in nav)
    assert "Retired article" not in nav
    html = page(site, folder, "versions")
    assert 'href="https://learn.microsoft.com/exchange/exchange-online"' in html
    assert not (site / folder / "TOC.yml").exists()


def test_the_build_report_page_lists_the_deliberate_problems(
    corpus_build: tuple[str, Path],
) -> None:
    _, site = corpus_build
    html = (site / "build-report" / "index.html").read_text(encoding="utf-8")
    assert "missing image media/missing.png: shown as a placeholder" in html
    assert "front matter is not valid YAML" in html
    assert "routing/retired-article.md" in html and "TOC.yml" in html
    assert "Nothing unresolved" not in html
    assert re.search(r"<td>warnings</td>\s*<td[^>]*>1</td>", html)
    assert (site / "build-report" / "index.json").exists()  # the JSON reports stay


def test_public_urls_are_relative_to_the_docset_root(corpus_build: tuple[str, Path]) -> None:
    folder, site = corpus_build
    html = page(site, folder, "routing/links-and-anchors")
    assert f'href="{PUBLIC}security/not-here#part"' in html
    assert f"{PUBLIC}upstream" not in html
