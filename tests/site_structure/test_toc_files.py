"""Reading DocFX TOC files: both formats give the same tree, with the line of each entry."""

from __future__ import annotations

from site_structure import StructureProblem, TocEntry, read_toc

TOC_YAML = """\
- name: Overview
  href: index.md
- name: Mail flow
  items:
    - name: Connectors
      href: connectors.md
    - name: Reference
      href: reference/toc.yml
      topicHref: reference/index.md
- name: Blog
  href: https://example.test/blog
"""

TOC_MARKDOWN = """\
# [Overview](index.md)
# Mail flow
Text between headings is ignored.
## [Connectors](connectors.md)
## [Reference](reference/toc.md)
```
# not a heading
```
# [Blog](https://example.test/blog)
"""


def shape(entries: list[TocEntry]) -> list[object]:
    return [(e.name, e.href, e.line, shape(e.items)) for e in entries]


def test_toc_yml_reads_names_hrefs_items_and_lines() -> None:
    entries, problems = read_toc("TOC.yml", TOC_YAML)
    assert problems == []
    assert shape(entries) == [
        ("Overview", "index.md", 1, []),
        ("Mail flow", None, 3, [("Connectors", "connectors.md", 5, []),
                                ("Reference", "reference/toc.yml", 7, [])]),
        ("Blog", "https://example.test/blog", 10, []),
    ]
    assert entries[1].items[1].topic_href == "reference/index.md"


def test_toc_yml_as_a_mapping_with_items_is_read_too() -> None:
    entries, _ = read_toc("toc.yml", "items:\n- name: A\n  href: a.md\n")
    assert shape(entries) == [("A", "a.md", 2, [])]


def test_toc_md_nests_headings_by_level_and_ignores_code() -> None:
    entries, problems = read_toc("toc.md", TOC_MARKDOWN)
    assert problems == []
    assert shape(entries) == [
        ("Overview", "index.md", 1, []),
        ("Mail flow", None, 2, [("Connectors", "connectors.md", 4, []),
                                ("Reference", "reference/toc.md", 5, [])]),
        ("Blog", "https://example.test/blog", 9, []),
    ]


def test_invalid_toc_yml_is_reported_with_its_line_and_ignored() -> None:
    entries, problems = read_toc("a/TOC.yml", "- name: A\n  href: a.md\n- name: [unclosed\n")
    assert entries == []
    (problem,) = problems
    assert problem.path == "a/TOC.yml" and problem.line is not None and problem.line >= 3
    assert "not valid YAML" in problem.message


def test_an_item_without_a_name_is_reported_and_skipped() -> None:
    entries, problems = read_toc("TOC.yml", "- href: a.md\n- name: B\n  href: b.md\n")
    assert shape(entries) == [("B", "b.md", 2, [])]
    assert problems == [StructureProblem("TOC.yml", 1, "item without a name; skipped")]
