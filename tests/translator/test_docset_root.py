"""The docset root: public URLs of articles we do not host are relative to it, so a docset
dropped into a sub-folder of docs/ keeps its upstream addresses."""

from __future__ import annotations

import pytest

from translator import SiteIndex, TranslationSettings, parse_article, render_article
from translator.docset import content_folders, find_docset_root, is_toc_file
from translator.site_index import upstream_url

BASE = "https://learn.microsoft.com/exchange/"


@pytest.mark.parametrize(
    ("paths", "root"),
    [
        (["index.md", "a/b.md"], ""),
        (["TOC.yml", "a/toc.yml", "a/b.md"], ""),
        (["upstream/TOC.yml", "upstream/a/toc.yml", "upstream/a/b.md", "index.md"], "upstream"),
        (["upstream/docs/docfx.json", "upstream/TOC.yml", "upstream/docs/a.md"],
         "upstream/docs"),
        (["one/toc.md", "two/TOC.yml"], ""),  # two docsets side by side: docs/
        (["x/one/toc.md", "x/two/TOC.yml"], "x"),
    ],
)
def test_docset_root_is_docfx_json_else_top_most_toc_else_docs(
    paths: list[str], root: str
) -> None:
    assert find_docset_root(paths) == root


def test_toc_files_are_recognised_in_any_case() -> None:
    assert [p for p in ("TOC.yml", "a/toc.md", "toc.yaml", "a/tocs.md", "toc.json")
            if is_toc_file(p)] == ["TOC.yml", "a/toc.md", "toc.yaml"]


def render_links(src_path: str, source: str, docset_root: str) -> str:
    parsed = parse_article(src_path, source.encode("utf-8"))
    hosted = f"{docset_root}/hosted.md".lstrip("/")
    index = SiteIndex.build(
        [parsed.page_info(), parse_article(hosted, b"# Hosted\n").page_info()], []
    )
    settings = TranslationSettings(upstream_base_url=BASE, docset_root=docset_root)
    return render_article(parsed, index, settings).html


SOURCE = (
    "[absent](../security/not-here.md#part) [sibling](missing.md) "
    "[site-absolute](/exchange/hosted) [absent absolute](/exchange/routing/gone)\n"
)


@pytest.mark.parametrize("root", ["", "upstream", "drop/here"])
def test_public_urls_do_not_carry_the_folder_the_docset_was_dropped_into(root: str) -> None:
    article = f"{root}/routing/article.md".lstrip("/")
    html = render_links(article, SOURCE, root)
    assert f'href="{BASE}security/not-here#part"' in html
    assert f'href="{BASE}routing/missing"' in html
    assert f'href="{BASE}routing/gone"' in html
    assert 'href="../../hosted/"' in html  # /exchange/hosted is our page
    if root:
        assert f"{BASE}{root}/" not in html


# Shaped like Exchange's docfx.json: several source folders published under one URL, not
# strict JSON (a trailing comma), a group whose own dest is a build folder.
DOCFX_JSON = """{"build": {"content": [
  {"files": ["**/*.md"], "src": "Online", "dest": "."},
  {"files": ["**/*.md"], "src": "Server", "group": "server"},
  {"files": ["**/*.md"], "src": "Guides", "dest": "guides",},
],
"groups": {"server": {"dest": "server-dest"}}}}"""


def test_docfx_json_content_folders_map_to_their_public_prefix() -> None:
    assert content_folders("docset/docfx.json", DOCFX_JSON) == {
        "docset/Online": "", "docset/Server": "", "docset/Guides": "guides"}


@pytest.mark.parametrize(
    ("docs_path", "url"),
    [
        ("docset/Online/area/page.md", BASE + "area/page"),
        ("docset/Server/mail/page.md", BASE + "mail/page"),
        ("docset/Guides/index.md", BASE + "guides/"),
        ("elsewhere/page.md", BASE + "elsewhere/page"),  # in no content folder: docset root
    ],
)
def test_public_url_of_an_article_in_a_content_folder(docs_path: str, url: str) -> None:
    folders = content_folders("docset/docfx.json", DOCFX_JSON)
    assert upstream_url(BASE, docs_path, "", folders) == url


def test_site_absolute_links_find_hosted_articles_in_content_folders_in_any_case() -> None:
    folders = content_folders("docset/docfx.json", DOCFX_JSON)
    article = "docset/Online/area/article.md"
    source = (
        "[same folder](/exchange/area/page) [capitalised](/Exchange/Area/Page?view=x#part) "
        "[server](/exchange/mail/relay) [guide](/exchange/guides/start) "
        "[absent](/exchange/area/gone?view=exchserver-2019)\n"
    )
    parsed = parse_article(article, source.encode("utf-8"))
    hosted = [parse_article(p, b"# Hosted\n\n## Part\n").page_info() for p in (
        "docset/Online/area/page.md", "docset/Server/mail/relay.md", "docset/Guides/start.md")]
    index = SiteIndex.build([parsed.page_info(), *hosted], [])
    settings = TranslationSettings(upstream_base_url=BASE, content_folders=folders)
    html = render_article(parsed, index, settings).html
    assert 'href="../page/">same folder' in html
    assert 'href="../page/#part">capitalised' in html
    assert 'href="../../../Server/mail/relay/">server' in html
    assert 'href="../../../Guides/start/">guide' in html
    assert f'href="{BASE}area/gone?view=exchserver-2019" class="docfx-external">absent' in html


def test_code_and_includes_written_from_the_docset_root_are_read_from_it() -> None:
    """``~/`` in :::code, [!code] and [!INCLUDE] names a file from the docset root
    (DocFX docs/docs/markdown.md, "Code snippet"; links-and-cross-references.md)."""
    files = {
        "upstream/snippets/hello.ps1": b"Write-Output 'hello'\n",
        "upstream/includes/note.md": b"Included from the docset root.\n",
    }
    source = (
        ':::code language="console" source="~/snippets/hello.ps1":::\n\n'
        "[!code-powershell[](~/snippets/hello.ps1)]\n\n"
        "[!INCLUDE [note](~/includes/note.md)]\n"
    )
    parsed = parse_article("upstream/area/article.md", source.encode(), files.get, "upstream")
    index = SiteIndex.build([parsed.page_info()], list(files))
    result = render_article(parsed, index, TranslationSettings(docset_root="upstream"))
    # :::code's language="console" wins over the one its file's extension gives
    assert result.html == (
        '<pre><code class="language-console">Write-Output \'hello\'\n</code></pre>\n'
        '<pre><code class="language-powershell">Write-Output \'hello\'\n</code></pre>\n'
        "<p>Included from the docset root.</p>\n"
    )
    assert [d.level for d in result.report.decisions] == ["info", "info", "info"]
