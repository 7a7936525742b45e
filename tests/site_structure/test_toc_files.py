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


def test_invalid_toc_yml_names_the_line_and_pyyamls_reason_on_one_line() -> None:
    _, problems = read_toc("a/TOC.yml", "- name: A\n  href: a.md\n- name: [unclosed\n")
    assert problems == [StructureProblem(
        "a/TOC.yml", 4, "not valid YAML (expected ',' or ']', but got '<stream end>'); "
                        "TOC ignored")]


def test_a_toc_yml_that_is_not_a_list_is_reported_on_its_line_and_ignored() -> None:
    for text in ("# a comment\nname: A\nhref: a.md\n", "\n\njust text\n"):
        entries, problems = read_toc("a/toc.yml", text)
        assert entries == []
        assert problems == [StructureProblem("a/toc.yml", 2 if "#" in text else 3,
                                             "a TOC is a list of items; TOC ignored")]
    assert read_toc("a/toc.yml", "") == ([], [])
    assert read_toc("a/toc.yml", "# only a comment\n") == ([], [])


def test_toc_yml_entries_by_uid_topicuid_and_xref_href() -> None:
    entries, problems = read_toc("a/toc.yml", (
        "- uid: by.uid\n"
        "- topicUid: by.topic.uid\n"
        "- name: By xref\n  href: xref:by.xref\n"
        "- name: '  '\n  href: blank-name.md\n"
        "- name: Group\n  items:\n    - href: nameless.md\n    - name: Kept\n      href: k.md\n"
    ))
    assert [(e.name, e.href, e.uid, e.line) for e in entries] == [
        ("", None, "by.uid", 1), ("", None, "by.topic.uid", 2), ("By xref", None, "by.xref", 3),
        ("Group", None, None, 7),
    ]
    assert [(e.name, e.href, e.line) for e in entries[3].items] == [("Kept", "k.md", 10)]
    assert problems == [
        StructureProblem("a/toc.yml", 5, "item without a name; skipped"),
        StructureProblem("a/toc.yml", 9, "item without a name; skipped"),
    ]


def test_toc_md_headings_without_a_title_are_reported_and_the_rest_is_read() -> None:
    entries, problems = read_toc("a/toc.md", (
        "#   \n"
        "# []()\n"
        "# [](named-by-its-href.md)\n"
        "  ~~~\n"
        "# in a tilde fence\n"
        "  ~~~\n"
        "# [By uid](xref:some.uid)\n"
        "## Plain group #\n"
    ))
    assert problems == [
        StructureProblem("a/toc.md", 1, "heading without a title; skipped"),
        StructureProblem("a/toc.md", 2, "heading without a title; skipped"),
    ]
    assert [(e.name, e.href, e.uid, e.line, [(c.name, c.line) for c in e.items])
            for e in entries] == [
        ("named-by-its-href.md", "named-by-its-href.md", None, 3, []),
        ("By uid", None, "some.uid", 7, [("Plain group", 8)]),
    ]


def test_a_problem_is_located_by_file_and_line_or_by_file_alone() -> None:
    assert StructureProblem("a/toc.yml", 3, "why").located() == "a/toc.yml:3: why"
    assert StructureProblem("a/toc.yml", None, "why").located() == "a/toc.yml: why"


def test_a_control_character_in_a_toc_yml_is_invalid_yaml_without_a_line() -> None:
    assert read_toc("toc.yml", "- name: Bell\x07\n  href: a.md\n") == ([], [StructureProblem(
        "toc.yml", None, "not valid YAML (unacceptable character #x0007: special characters "
                         "are not allowed); TOC ignored")])
