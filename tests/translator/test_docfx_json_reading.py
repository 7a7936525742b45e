"""docfx.json's content groups read as DocFX builds them, from files that are not strict
JSON: a missing comma between groups, a file cut short, a bracket inside a string, an
object nested in a group (which is part of that group, not a group of its own)."""

from __future__ import annotations

from translator.published_pages import ContentGroup, content_groups


def test_groups_without_a_comma_between_them_are_both_read() -> None:
    text = ('{"build": {"content": [{"files": ["*.md"], "src": "a"}'
            '{"files": ["*.md"], "src": "b"}]}}')
    assert content_groups("docfx.json", text) == [
        ContentGroup("a", ("*.md",)), ContentGroup("b", ("*.md",))]


def test_a_file_cut_short_keeps_the_groups_it_has() -> None:
    text = '{"build": {"content": [{"files": ["*.md"], "src": "a"}'
    assert content_groups("docfx.json", text) == [ContentGroup("a", ("*.md",))]


def test_a_closing_bracket_inside_a_string_does_not_end_the_content_array() -> None:
    text = ('{"build": {"content": [{"files": ["*.md"], "src": "a", "dest": "x]"},'
            ' {"files": ["*.md"], "src": "b"}]}}')
    assert content_groups("docfx.json", text) == [
        ContentGroup("a", ("*.md",)), ContentGroup("b", ("*.md",))]


def test_an_object_nested_in_a_group_is_not_a_group() -> None:
    text = ('{"build": {"content": [{"files": ["*.md"], "src": "a", '
            '"options": {"files": ["x.md"]}}, {"files": ["*.md"], "src": "b"}]}}')
    assert content_groups("docfx.json", text) == [
        ContentGroup("a", ("*.md",)), ContentGroup("b", ("*.md",))]
