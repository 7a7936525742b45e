"""Which hosted page a link means, and the relative href written to it, in small sites of
their own: the home page and folder index pages, a FAQ's .yml name, pages linking from the
home page or from a top-level page published without directory URLs, a page linking to
itself. The whole HTML and report are compared."""

from __future__ import annotations

from translator import PageInfo, SiteIndex, TranslationSettings, translate_article
from translator.site_index import page_url


def _translate(
    src_path: str, source: str, pages: list[str], directory_urls: bool = True
) -> tuple[str, list[tuple[str, int | None, str, str]]]:
    infos = [PageInfo(p, page_url(p, directory_urls), f"Title of {p}") for p in pages]
    result = translate_article(src_path, source.encode(), SiteIndex.build(infos, [],
                               directory_urls), TranslationSettings())
    return result.html, [(d.kind, d.line, d.level, d.message) for d in result.report.decisions]


def _titled(href: str, target: str) -> tuple[str, int, str, str]:
    return ("link", 1, "replaced", f"empty link text replaced by its title: 'Title of {target}' "
            f"({href})")


def test_links_to_the_home_page_and_to_folder_index_pages() -> None:
    html, report = _translate(
        "area/article.md", "[](/exchange/) [](../) [](/exchange/area/sub/) [](sub/)\n",
        ["index.md", "area/article.md", "area/sub/index.md"],
    )
    assert html == (
        '<p><a href="../../">Title of index.md</a> <a href="../../">Title of index.md</a> '
        '<a href="../sub/">Title of area/sub/index.md</a> '
        '<a href="../sub/">Title of area/sub/index.md</a></p>\n'
    )
    assert report == [
        _titled("/exchange/", "index.md"), _titled("../", "index.md"),
        _titled("/exchange/area/sub/", "area/sub/index.md"), _titled("sub/", "area/sub/index.md"),
    ]


def test_a_link_to_a_faq_yml_or_yaml_file_goes_to_its_page() -> None:
    html, report = _translate(
        "area/article.md", "[](faq.yml) [](faq.yaml) [](/exchange/area/faq.yml)\n",
        ["area/article.md", "area/faq.md"],
    )
    assert html == '<p>' + " ".join(['<a href="../faq/">Title of area/faq.md</a>'] * 3) + '</p>\n'
    assert report == [_titled(href, "area/faq.md")
                      for href in ("faq.yml", "faq.yaml", "/exchange/area/faq.yml")]


def test_links_from_the_home_page_and_from_a_top_level_html_page() -> None:
    assert _translate("index.md", "[](area/article.md)\n", ["index.md", "area/article.md"]) == (
        '<p><a href="area/article/">Title of area/article.md</a></p>\n',
        [_titled("area/article.md", "area/article.md")],
    )
    assert _translate("top.md", "[](area/article.md)\n", ["top.md", "area/article.md"],
                      directory_urls=False) == (
        '<p><a href="area/article.html">Title of area/article.md</a></p>\n',
        [_titled("area/article.md", "area/article.md")],
    )


def test_a_page_whose_name_ends_in_x_links_to_itself() -> None:
    assert _translate("area/INBOX.md", "[](INBOX.md)\n", ["area/INBOX.md"]) == (
        '<p><a href="./">Title of area/INBOX.md</a></p>\n',
        [_titled("INBOX.md", "area/INBOX.md")],
    )


def test_a_link_from_the_docset_root_in_a_docset_dropped_into_a_folder() -> None:
    pages = [PageInfo(p, page_url(p), f"Title of {p}")
             for p in ("upstream/area/article.md", "upstream/other/page.md")]
    result = translate_article("upstream/area/article.md", b"[](~/other/page.md)\n",
                               SiteIndex.build(pages, []),
                               TranslationSettings(docset_root="upstream"))
    assert result.html == '<p><a href="../../other/page/">Title of upstream/other/page.md</a></p>\n'
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        _titled("~/other/page.md", "upstream/other/page.md")]
