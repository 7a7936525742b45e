"""The addresses the site index gives pages: where MkDocs publishes a Markdown page
(``page_url``) and where the public site shows a docs file (``upstream_url``).

MkDocs (https://www.mkdocs.org/user-guide/configuration/#use_directory_urls): ``a/b.md`` is
published at ``a/b/`` (``a/b.html`` without directory URLs); ``index.md`` and ``README.md``
are their folder's page; a page may end in any of MkDocs' Markdown extensions
(``mkdocs.utils.markdown_extensions``: ``.md``, ``.markdown``, ``.mdown``, ``.mkdn``, ``.mkd``).
Learn (DocFX) publishes an article without its ``.md`` and an
``index.md`` as its folder; docfx.json's content groups (``src`` -> ``dest``) put a folder
under their own public prefix, the deepest group holding the file winning.
"""

from __future__ import annotations

import pytest

from translator import translate_article
from translator.site_index import page_url, upstream_url


@pytest.mark.parametrize(("src_path", "directory_urls", "url"), [
    ("a/b.md", True, "a/b/"),
    ("a/b.md", False, "a/b.html"),
    ("a/index.md", True, "a/"),
    ("a/README.md", True, "a/"),
    ("a/b.markdown", True, "a/b/"),
    ("a/b.mdown", True, "a/b/"),
    ("a/b.mkdn", False, "a/b.html"),
    ("a/b.mkd", True, "a/b/"),
    ("index.md", True, ""),
    ("README.md", True, ""),
])
def test_a_markdown_page_is_published_where_mkdocs_puts_it(
    src_path: str, directory_urls: bool, url: str
) -> None:
    assert page_url(src_path, directory_urls) == url


def test_directory_urls_are_the_default() -> None:
    assert page_url("a/b.md") == "a/b/"


@pytest.mark.parametrize("base", ["https://learn.example/exchange/", "https://learn.example/exchange"])
def test_an_article_is_public_under_the_base_without_its_extension(base: str) -> None:
    assert upstream_url(base, "a/b.md") == "https://learn.example/exchange/a/b"
    assert upstream_url(base, "a/index.md") == "https://learn.example/exchange/a/"


def test_a_path_is_taken_from_the_docset_root_and_may_climb_out_of_the_base() -> None:
    base = "https://learn.example/exchange/"
    assert upstream_url(base, "set/a/b.md", "set") == "https://learn.example/exchange/a/b"
    assert upstream_url(base, "security/x.md", "set") == "https://learn.example/security/x"


FOLDERS = {"set": "docs", "set/Zulu": "online/deep", "set/Other/much-longer-name": "other"}


@pytest.mark.parametrize(("docs_path", "url"), [
    ("set/Zulu/sub/a.md", "https://learn.example/exchange/online/deep/sub/a"),
    ("set/Zulu/index.md", "https://learn.example/exchange/online/deep/"),
    ("set/top.md", "https://learn.example/exchange/docs/top"),
    ("elsewhere/a.md", "https://learn.example/exchange/elsewhere/a"),
])
def test_a_content_folder_publishes_under_its_prefix_the_deepest_holding_the_file_winning(
    docs_path: str, url: str
) -> None:
    assert upstream_url("https://learn.example/exchange/", docs_path, "", FOLDERS) == url


def test_a_content_folder_of_the_whole_docs_folder_publishes_everything_under_its_prefix() -> None:
    assert upstream_url("https://learn.example/exchange/", "a/index.md", "set", {"": "docs"}) == (
        "https://learn.example/exchange/docs/a/")


@pytest.mark.parametrize(("docs_path", "docset_root", "folders"), [
    ("index.md", "", {}),
    ("set/index.md", "set", {}),
    ("set/index.md", "", {"set": ""}),
])
def test_the_docsets_home_page_is_public_at_the_base_itself(
    docs_path: str, docset_root: str, folders: dict[str, str]
) -> None:
    """Learn shows the docset root's index.md at the docset's own address, not at the
    site's root (a bug: it was https://learn.example/)."""
    base = "https://learn.example/exchange/"
    assert upstream_url(base, docs_path, docset_root, folders) == base


def test_the_home_pages_front_matter_names_the_docsets_public_address() -> None:
    result = translate_article("index.md", b"# Home\n")
    assert result.meta["public_url"] == "https://learn.microsoft.com/exchange/"
