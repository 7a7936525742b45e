"""The fidelity benchmark's comparison on our own DocFX-style corpus: every page as DocFX.

`tests/fidelity_corpus/` is a small docset of our own articles using the constructs real
upstream articles use (alerts in lists and table cells, includes, monikers, videos, lost
merged cells, a redirect stub, a TOC.yml). Built with the project's settings, every page must
have the structure of its CommonMark reading, show no DocFX marker as text and lose no word
of its source (read from the raw Markdown with text rules, not with the product's parser).
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from markdown_it import MarkdownIt

from ..conftest import ROOT, SEED_ARTICLE, Build

CORPUS = ROOT / "tests" / "fidelity_corpus"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fidelity", ROOT / "scripts" /
                                                  "bench_fidelity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, ModuleType]:
    bench = load_bench()
    tmp = tmp_path_factory.mktemp("fidelity")
    docs, site = tmp / "docs", tmp / "site"
    bench.prepare_docs(CORPUS, docs)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    bench.build_site(docs, site, with_translation=True)
    return docs, site, bench


def test_every_corpus_page_has_the_structure_docfx_gives_it(
    corpus_site: tuple[Path, Path, ModuleType],
) -> None:
    docs, site, bench = corpus_site
    result = bench.compare_site(docs, site)
    assert len(result.pages) == 7
    assert [(d.path, d.diff) for d in result.differing] == []
    assert result.identical_share == 1.0
    assert result.markers == {}
    assert result.lost == {}


def test_includes_are_not_pages_and_redirect_stubs_redirect(
    corpus_site: tuple[Path, Path, ModuleType],
) -> None:
    _, site, _ = corpus_site
    assert not (site / "includes").exists()
    redirect = (site / "routing" / "old-article" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../relay-from-devices/">' in redirect
    relay = (site / "routing" / "relay-from-devices" / "index.html").read_text(encoding="utf-8")
    assert "Test with a spare mailbox." in relay  # from the included file
    assert "Printers can send through Contoso Mail Gateway when relay is on." in relay


def test_the_comparison_sees_a_broken_page(corpus_site: tuple[Path, Path, ModuleType]) -> None:
    """A plain Material build of the same files differs: the benchmark can tell."""
    docs, _, bench = corpus_site
    plain = docs.parent / "plain"
    bench.build_site(docs, plain, with_translation=False)
    result = bench.compare_site(docs, plain)
    assert result.identical_share < 0.5
    assert result.marker_count > 10


def test_corpus_pages_get_every_stylesheet_and_script_they_name(
    corpus_site: tuple[Path, Path, ModuleType],
) -> None:
    _, site, _ = corpus_site
    missing = []
    for page in site.rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"#?:]+\.(?:css|js))"', page.read_text()):
            # 404.html links from the site root (it is served at any depth)
            target = site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
            if not target.resolve().is_file():
                missing.append(f"{page.relative_to(site)}: {ref}")
    assert missing == []


def test_no_word_of_the_seed_is_lost_on_its_page(built_site: Build) -> None:
    bench = load_bench()
    source = (ROOT / "docs" / SEED_ARTICLE).read_text(encoding="utf-8")
    assert sum(bench.source_words(source).values()) > 1000
    assert bench.lost_words(source, built_site.page(SEED_ARTICLE)) == []


@pytest.mark.parametrize(
    ("row", "lost"),
    [
        # GFM splits at a pipe in a code span: the row's second cell falls off the table
        ("| `Get-Thing | Format-List Name` | Lists things. |", ["lists", "things"]),
        # a cell beyond the header's: dropped by GFM and by Markdig alike
        ("| Port | 25 | and 587 |", ["587", "and"]),
    ],
)
def test_the_word_check_sees_what_a_markdown_it_reading_loses(row: str, lost: list[str]) -> None:
    """The check does not share the product's parser: it sees what markdown-it drops."""
    bench = load_bench()
    source = f"| Command | Meaning |\n|---|---|\n{row}\n"
    gfm = MarkdownIt("commonmark").enable("table").render(source)
    page = f'<article class="md-content__inner">{gfm}</article>'
    assert bench.lost_words(source, page) == lost


def test_markup_link_targets_and_directives_are_not_words_of_the_source() -> None:
    bench = load_bench()
    source = (
        "---\ntitle: Hidden\n---\n"
        "1. See [the page](other.md#part \"Tip\") and ![a picture](media/x.png).\n"
        "> [!NOTE]\n> **Bold** `code`.\n"
        '<a name="Anchor1"> </a>\n'
        ":::image type=\"content\" source=\"y.png\" alt-text=\"Alt words\":::\n"
        "```powershell\nGet-Thing\n```\n"
    )
    assert sorted(bench.source_words(source).elements()) == sorted(
        ["see", "the", "page", "and", "bold", "code", "get", "thing"]
    )


def test_toc_md_is_navigation_not_a_page(tmp_path: Path) -> None:
    bench = load_bench()
    (tmp_path / "area").mkdir()
    (tmp_path / "toc.md").write_text("# [Area](area/article.md)\n", encoding="utf-8")
    (tmp_path / "area" / "TOC.md").write_text("# [A](article.md)\n", encoding="utf-8")
    (tmp_path / "area" / "article.md").write_text("# Article\n", encoding="utf-8")
    pages, files = bench.article_paths(tmp_path)
    assert pages == ["area/article.md"]
    assert "toc.md" in files
