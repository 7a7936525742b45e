"""The docset's layout from its files: the top-most TOC folder wins over deeper ones even
when they do not share it as a parent; a docfx.json content group of the config's own folder
("src": ".") maps the docs root itself."""

from __future__ import annotations

from translator.docset import content_folders, find_docset_root


def test_the_single_top_most_toc_folder_is_the_root_whatever_lies_deeper() -> None:
    assert find_docset_root(["a/toc.yml", "a/b/toc.yml", "c/d/toc.yml", "c/d/x.md"]) == "a"


def test_a_content_group_of_the_configs_own_folder_maps_the_docs_root() -> None:
    text = '{"build": {"content": [{"files": ["**/*.md"], "src": ".", "dest": "docs"}]}}'
    assert content_folders("docfx.json", text) == {"": "docs"}
