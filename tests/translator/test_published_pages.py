"""Which Markdown files DocFX publishes: docfx.json content globs, else all but includes."""

from __future__ import annotations

import pytest

from translator.published_pages import ContentGroup, content_groups, glob_regex, is_published

# Not strict JSON (trailing commas), a string "files", a resource group, brackets in strings.
DOCFX_JSON = """{"build": {
  "content": [
    {"files": ["**/*.md", "toc.yml"], "src": "Online", "exclude": ["**/includes/**", "old/*.md",],},
    {"files": "**/*.md", "src": "Server", "dest": "."},
    {"src": "Guides", "files": ["{start,setup}.md", "a?.md"], "exclude": "x[1].md"},
  ],
  "resource": [{"files": ["**/*.png", "**/*.md"], "src": "Online/media"}],
}}"""


def test_content_groups_are_read_from_the_content_array_only() -> None:
    assert content_groups("docset/docfx.json", DOCFX_JSON) == [
        ContentGroup("docset/Online", ("**/*.md", "toc.yml"), ("**/includes/**", "old/*.md")),
        ContentGroup("docset/Server", ("**/*.md",)),
        ContentGroup("docset/Guides", ("{start,setup}.md", "a?.md"), ("x[1].md",)),
    ]


@pytest.mark.parametrize(
    ("path", "published"),
    [
        ("docset/Online/a.md", True),
        ("docset/Online/area/deep/b.md", True),
        ("docset/Online/area/includes/c.md", False),  # exclude **/includes/**
        ("docset/Online/old/d.md", False),  # exclude old/*.md
        ("docset/Online/old/keep/e.md", True),  # * stays within one folder
        ("docset/Server/F.MD", True),  # any case
        ("docset/Guides/setup.md", True),
        ("docset/Guides/ab.md", True),
        ("docset/Guides/abc.md", False),
        ("docset/Other/g.md", False),  # in no content group
        ("docset/online-extra/h.md", False),
    ],
)
def test_docfx_json_globs_decide_which_files_are_pages(path: str, published: bool) -> None:
    groups = content_groups("docset/docfx.json", DOCFX_JSON)
    assert is_published(path, {}, groups) is published


@pytest.mark.parametrize(
    ("path", "meta", "published"),
    [
        ("area/article.md", {}, True),
        ("area/includes/shared.md", {}, False),
        ("Includes/shared.md", {}, False),
        ("area/includes-old/shared.md", {}, True),
        ("area/snippet.md", {"ms.topic": "include"}, False),
        ("area/snippet.md", {"ms.topic": " Include "}, False),
        ("area/article.md", {"ms.topic": "article"}, True),
    ],
)
def test_without_docfx_json_every_md_but_include_files_is_a_page(
    path: str, meta: dict[str, object], published: bool
) -> None:
    assert is_published(path, meta, None) is published


def test_globs_match_whole_paths() -> None:
    assert glob_regex("**/*.md").fullmatch("a.md")
    assert glob_regex("**/*.md").fullmatch("a/b/c.md")
    assert not glob_regex("*.md").fullmatch("a/b.md")
    assert not glob_regex("*.md").fullmatch("a.mdx")


def test_content_groups_skip_groups_without_files_and_read_escapes_and_nested_objects() -> None:
    text = (
        '{"build": {"content": ['
        '{"src": "drafts"},'
        '{"files": ["a\\/*.md", "b\\\\c.md"], "exclude": "x.md", "opts": {"k": "}"}},'
        '{"files": "**.md", "src": "Online", "dest": "."}'
        ']}}'
    )
    assert content_groups("docfx.json", text) == [
        ContentGroup("", ("a/*.md", "b\\c.md"), ("x.md",)),
        ContentGroup("Online", ("**.md",), ()),
    ]
    assert content_groups("sub/docfx.json", '{"build": {"content": [{"files": ["*.md"]}]}}') \
        == [ContentGroup("sub", ("*.md",), ())]
    assert content_groups("docfx.json", '{"build": {"resource": []}}') == []


def test_a_group_at_the_docs_root_publishes_paths_as_they_are() -> None:
    assert ContentGroup("", ("area/*.md",)).publishes("area/a.md")
    assert not ContentGroup("", ("area/*.md",)).publishes("other/area/a.md")
