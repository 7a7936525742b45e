"""The site navigation from TOC files, folder order and our own pages."""

from __future__ import annotations

from site_structure import build_navigation, to_mkdocs_nav
from translator.site_index import TranslationSettings

ARTICLES = {
    "upstream/index.md": "Docset home",
    "upstream/connectors.md": "Connectors (front matter title)",
    "upstream/reference/index.md": "Reference",
    "upstream/reference/cmdlets.md": "Cmdlets",
    "upstream/reference/unlisted.md": "Not in any TOC",
    "upstream/zeta/deep/only.md": "Alone in its folder",
}
OURS = ["index.md", "checker.md", "decision-table.md"]
ROOT_TOC = """\
- name: Overview
  href: index.md
- name: Mail flow
  items:
    - name: Connectors
      href: connectors.md
    - name: Reference
      href: reference/
      topicHref: reference/index.md
    - name: Gone
      href: gone.md
- name: Blog
  href: https://example.test/blog
"""
REFERENCE_TOC = "# [Cmdlets](cmdlets.md)\n# [Connectors again](../connectors.md)\n"


def test_toc_order_then_unlisted_articles_then_our_pages_then_the_report() -> None:
    navigation = build_navigation(
        {"upstream/TOC.yml": ROOT_TOC, "upstream/reference/toc.md": REFERENCE_TOC},
        ARTICLES, [*OURS, "build-report.md"], ["build-report.md"],
    )
    assert to_mkdocs_nav(navigation.items) == [
        "index.md",
        {"Overview": "upstream/index.md"},
        {"Mail flow": [
            {"Connectors": "upstream/connectors.md"},
            {"Reference": [
                {"Reference": "upstream/reference/index.md"},
                {"Cmdlets": "upstream/reference/cmdlets.md"},
            ]},
        ]},
        {"Blog": "https://example.test/blog"},
        # not in any TOC: folder order, titles from the articles, one-page folders collapsed
        {"Upstream": [
            {"Not in any TOC": "upstream/reference/unlisted.md"},
            {"Alone in its folder": "upstream/zeta/deep/only.md"},
        ]},
        "checker.md",
        "decision-table.md",
        "build-report.md",
    ]
    assert [p.located() for p in navigation.problems] == [  # in reading order
        "upstream/reference/toc.md:2: '../connectors.md' is already listed at "
        "upstream/TOC.yml:5; kept there only",
        "upstream/TOC.yml:10: 'gone.md' (Gone) is not a page of this site (missing, an "
        "included file or a redirect stub); left out",
    ]


def test_without_toc_files_the_navigation_is_folder_order_with_titles() -> None:
    navigation = build_navigation({}, ARTICLES, OURS)
    assert to_mkdocs_nav(navigation.items) == [
        "index.md",
        {"Upstream": [
            {"Docset home": "upstream/index.md"},
            {"Connectors (front matter title)": "upstream/connectors.md"},
            {"Reference": [
                {"Reference": "upstream/reference/index.md"},
                {"Cmdlets": "upstream/reference/cmdlets.md"},
                {"Not in any TOC": "upstream/reference/unlisted.md"},
            ]},
            {"Alone in its folder": "upstream/zeta/deep/only.md"},
        ]},
        "checker.md",
        "decision-table.md",
    ]
    assert navigation.problems == []


def test_nested_toc_by_file_name_and_a_loop_is_reported_not_followed() -> None:
    tocs = {
        "TOC.yml": "- name: Part\n  href: part/toc.yml\n",
        "part/toc.yml": "- name: A\n  href: a.md\n- name: Back\n  href: ../TOC.yml\n",
    }
    navigation = build_navigation(tocs, {"part/a.md": "A title"}, [])
    # every TOC is referenced by another: the top-most one is read as the root
    assert to_mkdocs_nav(navigation.items) == [{"Part": [{"A": "part/a.md"}]}]
    assert [p.located() for p in navigation.problems] == [
        "part/toc.yml:3: '../TOC.yml' is a TOC already being read (a loop); not followed"
    ]


def test_two_unrelated_tocs_become_sections_of_their_folders() -> None:
    tocs = {"one/toc.md": "# [A](a.md)\n", "two/TOC.yml": "- name: B\n  href: b.md\n"}
    navigation = build_navigation(tocs, {"one/a.md": "A", "two/b.md": "B"}, [])
    assert to_mkdocs_nav(navigation.items) == [{"One": [{"A": "one/a.md"}]},
                                               {"Two": [{"B": "two/b.md"}]}]


def test_a_group_without_href_or_items_is_reported() -> None:
    navigation = build_navigation({"toc.md": "# Empty group\n"}, {"a.md": "A"}, [])
    assert to_mkdocs_nav(navigation.items) == [{"A": "a.md"}]
    assert [p.located() for p in navigation.problems] == [
        "toc.md:1: 'Empty group' has no href and no items; left out"
    ]


def test_site_absolute_toc_hrefs_find_hosted_articles_any_case_else_link_the_public_site() -> None:
    settings = TranslationSettings(
        upstream_base_url="https://learn.microsoft.com/exchange/",
        docset_root="upstream",
        content_folders={"upstream/online": "online"},
    )
    toc = """\
- name: Connectors
  href: /Exchange/online/Mail-Flow/connectors
- name: Overview
  href: /exchange/index
- name: Not hosted
  href: /exchange/online/mail-flow/other?view=exchserver-2019
- name: Another docset
  href: /microsoft-365/admin/setup
- name: Connectors again
  href: /exchange/online/mail-flow/connectors.md
"""
    articles = {"upstream/online/mail-flow/connectors.md": "Connectors",
                "upstream/index.md": "Home"}
    navigation = build_navigation({"upstream/toc.yml": toc}, articles, [], settings=settings)
    assert to_mkdocs_nav(navigation.items) == [
        {"Connectors": "upstream/online/mail-flow/connectors.md"},
        {"Overview": "upstream/index.md"},
        {"Not hosted": "https://learn.microsoft.com/exchange/online/mail-flow/other"
                       "?view=exchserver-2019"},
        {"Another docset": "https://learn.microsoft.com/microsoft-365/admin/setup"},
    ]
    assert [p.located() for p in navigation.problems] == [
        "upstream/toc.yml:9: '/exchange/online/mail-flow/connectors.md' is already listed "
        "at upstream/toc.yml:1; kept there only",
    ]


def test_toc_paths_are_read_as_docfx_reads_them_docset_root_angle_brackets_percent() -> None:
    """DocFX docs/docs/table-of-contents.md: an href is relative to its TOC file; ``~/``
    starts at the docset root (links-and-cross-references.md, "Link to local files")."""
    settings = TranslationSettings(docset_root="upstream")
    toc = ("# [Rooted](~/reference/cmdlets.md)\n# [Angled](<my file.md>)\n"
           "# [Encoded](my%20other%20file.md)\n# [Nested](~/reference/toc.yml)\n")
    articles = {"upstream/reference/cmdlets.md": "Cmdlets",
                "upstream/sub/my file.md": "Spaced",
                "upstream/sub/my other file.md": "Spaced too",
                "upstream/reference/index.md": "Reference"}
    tocs = {"upstream/sub/toc.md": toc,
            "upstream/reference/toc.yml": "- name: Reference home\n  href: ~/reference/index.md\n"}
    navigation = build_navigation(tocs, articles, [], settings=settings)
    assert to_mkdocs_nav(navigation.items) == [
        {"Rooted": "upstream/reference/cmdlets.md"},
        {"Angled": "upstream/sub/my file.md"},
        {"Encoded": "upstream/sub/my other file.md"},
        {"Nested": [{"Reference home": "upstream/reference/index.md"}]},
    ]
    assert navigation.problems == []


def test_toc_entries_by_uid_name_the_page_with_that_front_matter_uid() -> None:
    """DocFX TOC items may name a page by ``uid`` (its title when the item has no name);
    an unknown uid is reported with the TOC line and left out."""
    toc_yml = ("- uid: connectors-overview\n"
               "- name: Named\n  uid: cmdlets\n"
               "- name: Unknown\n  uid: no-such-uid\n")
    toc_md = "# [By xref](xref:reference-home)\n"
    articles = {"connectors.md": "Connectors overview", "reference/cmdlets.md": "Cmdlets",
                "reference/index.md": "Reference"}
    uids = {"connectors-overview": "connectors.md", "cmdlets": "reference/cmdlets.md",
            "reference-home": "reference/index.md"}
    navigation = build_navigation({"toc.yml": toc_yml, "reference/toc.md": toc_md}, articles,
                                  [], uids=uids)
    assert to_mkdocs_nav(navigation.items) == [
        {"Connectors overview": "connectors.md"},
        {"Named": "reference/cmdlets.md"},
        {"Reference": [{"By xref": "reference/index.md"}]},
    ]
    assert [p.located() for p in navigation.problems] == [
        "toc.yml:4: uid 'no-such-uid' (Unknown): no page has it in its front matter; "
        "left out",
    ]


def test_problems_of_a_toc_md_name_that_file_and_line() -> None:
    navigation = build_navigation({"sub/toc.md": "# [A](a.md)\n#  \n"}, {"sub/a.md": "A"}, [])
    assert [p.located() for p in navigation.problems] == [
        "sub/toc.md:2: heading without a title; skipped"]


def test_a_missing_nested_toc_is_reported_not_read() -> None:
    navigation = build_navigation(
        {"toc.yml": "- name: A\n  href: a.md\n- name: Gone\n  href: gone/toc.yml\n"},
        {"a.md": "A"}, [])
    assert to_mkdocs_nav(navigation.items) == [{"A": "a.md"}]
    assert [p.located() for p in navigation.problems] == [
        "toc.yml:3: 'gone/toc.yml' (Gone) is not a page of this site (missing, an included "
        "file or a redirect stub); left out"]


def test_a_folder_named_without_a_slash_is_its_toc() -> None:
    tocs = {"toc.yml": "- name: Reference\n  href: reference\n",
            "reference/toc.yml": "- name: Cmdlets\n  href: cmdlets.md\n"}
    navigation = build_navigation(tocs, {"reference/cmdlets.md": "Cmdlets"}, [])
    assert to_mkdocs_nav(navigation.items) == [{"Reference": [{"Cmdlets":
                                                               "reference/cmdlets.md"}]}]
    assert navigation.problems == []


def test_uid_entries_listed_twice_and_nameless_groups_and_unknown_uids() -> None:
    """A page named by uid is listed once (the second mention is reported with where the
    first is); a nameless group by uid is titled by its page, else by its uid."""
    toc = ("- uid: home\n  items:\n    - name: B\n      href: b.md\n"
           "- uid: home\n"
           "- uid: nowhere\n  items:\n    - name: C\n      href: c.md\n"
           "- uid: missing\n")
    navigation = build_navigation({"toc.yml": toc}, {"a.md": "Home page", "b.md": "B",
                                                     "c.md": "C"}, [], uids={"home": "a.md"})
    assert to_mkdocs_nav(navigation.items) == [
        {"Home page": [{"Home page": "a.md"}, {"B": "b.md"}]},
        {"nowhere": [{"C": "c.md"}]},
    ]
    assert [p.located() for p in navigation.problems] == [
        "toc.yml:5: 'uid home' is already listed at toc.yml:1; kept there only",
        "toc.yml:6: uid 'nowhere' (no name): no page has it in its front matter; left out",
        "toc.yml:10: uid 'missing' (no name): no page has it in its front matter; left out",
    ]


def test_unlisted_folders_put_index_or_readme_first_and_title_the_folder_from_its_name() -> None:
    # "Appendix.md" sorts before "README.md": only the rule puts the README first
    articles = {"mail-flow_rules/zeta.md": "Zeta", "mail-flow_rules/README.md": "Read me",
                "mail-flow_rules/Appendix.md": "Appendix", "x/index.md": "X home",
                "x/b.md": "B"}
    navigation = build_navigation({}, articles, [])
    assert to_mkdocs_nav(navigation.items) == [
        {"Mail flow rules": [{"Read me": "mail-flow_rules/README.md"},
                             {"Appendix": "mail-flow_rules/Appendix.md"},
                             {"Zeta": "mail-flow_rules/zeta.md"}]},
        {"X": [{"X home": "x/index.md"}, {"B": "x/b.md"}]},
    ]


def test_a_toc_listing_the_home_page_is_told_it_is_listed_already() -> None:
    navigation = build_navigation({"toc.yml": "- name: Start\n  href: index.md\n"}, {},
                                  ["index.md"])
    assert to_mkdocs_nav(navigation.items) == ["index.md"]
    assert [p.located() for p in navigation.problems] == [
        "toc.yml:1: 'index.md' is already listed at home; kept there only"
    ]


def test_problems_of_every_toc_file_are_kept() -> None:
    tocs = {"a/toc.yml": "- href: x.md\n", "b/toc.yml": "- href: y.md\n"}
    navigation = build_navigation(tocs, {"a/x.md": "X", "b/y.md": "Y"}, [])
    assert [p.located() for p in navigation.problems] == [
        "a/toc.yml:1: item without a name; skipped",
        "b/toc.yml:1: item without a name; skipped",
    ]


def test_two_tocs_at_the_docs_root_are_both_spliced_in() -> None:
    tocs = {"TOC.yml": "- name: B\n  href: b.md\n", "toc.md": "# [A](a.md)\n"}
    navigation = build_navigation(tocs, {"a.md": "A", "b.md": "B"}, [])
    assert to_mkdocs_nav(navigation.items) == [{"B": "b.md"}, {"A": "a.md"}]


def test_a_site_absolute_folder_href_is_a_public_link_not_a_nested_toc() -> None:
    settings = TranslationSettings(upstream_base_url="https://learn.microsoft.com/exchange/")
    tocs = {"toc.yml": "- name: Elsewhere\n  href: /sub/\n",
            "sub/toc.yml": "- name: A\n  href: a.md\n"}
    navigation = build_navigation(tocs, {"sub/a.md": "A"}, [], settings=settings)
    assert to_mkdocs_nav(navigation.items) == [
        {"Elsewhere": "https://learn.microsoft.com/sub/"},
        {"Sub": [{"A": "sub/a.md"}]},
    ]
