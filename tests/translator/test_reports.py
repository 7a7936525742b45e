"""What the translation reports: each decision names its line; bad input never stops it."""

from __future__ import annotations

from translator import Decision, SiteIndex, parse_article, translate_article
from translator.redirects import render_redirect

from .fixture_site import ARTICLE, INCLUDED, OTHER_PAGES, SETTINGS, translate_fixture


def decisions(source: str, kind: str) -> list[Decision]:
    return [d for d in translate_fixture(source).report.decisions if d.kind == kind]


def test_double_encoded_text_is_repaired_and_reported_with_its_line() -> None:
    source = "# T\n\nA line.\nNarrow\u00e2\u20ac\u00afspace here.\n"
    result = translate_fixture(source)
    assert "Narrow\u202fspace here." in result.html
    (decision,) = [d for d in result.report.decisions if d.kind == "encoding"]
    assert decision.line == 4
    assert decision.level == "info"


def test_undecodable_byte_is_read_as_windows_1252_with_a_warning() -> None:
    data = b"---\ntitle: Quotes\n---\n\n# Quotes\n\nHe said \x93hello\x94.\n"
    result = translate_article("area/topic/article.md", data)
    assert "He said \u201chello\u201d." in result.html
    warnings = result.report.of_level("warning")
    assert [w.line for w in warnings] == [7, 7]
    assert "byte 93 is not valid UTF-8" in warnings[0].message
    assert "Windows-1252" in warnings[0].message


def test_a_line_breaking_the_front_matter_warns_with_its_line_and_the_rest_is_read() -> None:
    source = "---\ntitle: ok\ndescription: [unclosed\nms.date: 6/23/2018\n---\n\n# Kept\n\nBody.\n"
    result = translate_fixture(source)
    (warning,) = result.report.of_level("warning")
    assert warning.kind == "front-matter"
    assert warning.line is not None and 3 <= warning.line <= 5
    assert "not valid YAML" in warning.message and "skipped line 3" in warning.message
    assert result.meta["title"] == "ok"
    assert result.meta["ms.date"] == "6/23/2018"  # the keys after the bad line are still read
    assert "<p>Body.</p>" in result.html


def test_an_ms_date_that_is_not_a_date_warns_with_its_line() -> None:
    source = "---\ntitle: Dated\nms.author: someone\nms.date:  next week\n---\n\n# Dated\n"
    result = translate_fixture(source)
    (warning,) = result.report.of_level("warning")
    assert warning.kind == "front-matter"
    assert warning.line == 4
    assert "'next week' is not a date like 6/23/2018" in warning.message
    assert "revision_date" not in result.meta
    assert result.meta["title"] == "Dated"


def test_unknown_alert_type_warns_with_its_line_and_lists_valid_types() -> None:
    (warning,) = decisions("Intro.\n\n> [!SOMETHING]\n> Body.\n", "alert")
    assert warning.level == "warning"
    assert warning.line == 3
    assert "[!SOMETHING]" in warning.message
    assert "NOTE, TIP, IMPORTANT, CAUTION, WARNING" in warning.message


def test_duplicate_anchor_names_are_reported_with_the_first_line() -> None:
    source = "## A\n<a name=\"X1\"> </a>\n\n## B\n<a name=\"X1\"> </a>\n"
    renamed = [d for d in decisions(source, "anchor") if "already used" in d.message]
    assert len(renamed) == 1
    assert renamed[0].line == 5
    assert "line 2" in renamed[0].message and "'X1-2'" in renamed[0].message


def test_a_missing_anchor_on_a_hosted_page_is_reported_as_unresolved() -> None:
    (link,) = decisions("[x](sibling.md#nowhere)\n", "link")
    assert link.level == "unresolved"
    assert "has no anchor '#nowhere'" in link.message


def test_an_absent_article_is_reported_with_its_public_url() -> None:
    (link,) = decisions("Text\n\n[x](gone.md)\n", "link")
    assert link.line == 3
    assert "https://learn.microsoft.com/exchange/area/topic/gone" in link.message


def test_a_file_without_front_matter_gets_a_title_from_its_file_name() -> None:
    result = translate_article("area/set-up-things.md", b"Just text.\n")
    assert result.meta["title"] == "Set up things"


def test_a_missing_include_warns_with_the_directive_line_and_the_path() -> None:
    (warning,) = decisions("Intro.\n\n[!INCLUDE [Lost](../includes/absent.md)]\n", "include")
    assert warning.level == "warning"
    assert warning.line == 3
    assert "area/includes/absent.md is not in docs/" in warning.message


def test_decisions_inside_an_include_name_the_included_file_and_its_line() -> None:
    source = "# T\n\n[!INCLUDE [P](../includes/prerequisites.md)]\n"
    (alert,) = decisions(source, "alert")
    assert alert.line == 3
    assert "in area/includes/prerequisites.md:7:" in alert.message


def test_the_parsed_article_lists_the_files_it_includes() -> None:
    parsed = parse_article(
        ARTICLE, b"[!INCLUDE [P](../includes/product-name.md)]\n", INCLUDED.get
    )
    assert parsed.included == frozenset({"area/includes/product-name.md"})


def test_unknown_docfx_syntax_warns_with_its_line_and_marker() -> None:
    warnings = decisions(
        "Text.\n\n[!notebook-python[Main](x.ipynb)]\n\n:::form server=\"x\":::\n:::row-end:::\n",
        "syntax")
    assert [(w.line, w.level) for w in warnings] == [
        (3, "warning"), (5, "warning"), (6, "warning")]
    assert "'[!notebook-python' is not supported; kept as text" in warnings[0].message
    assert "':::form' is not supported" in warnings[1].message
    assert "':::row-end' closes no open section; kept as text" in warnings[2].message


def test_an_unclosed_section_warns_with_its_line() -> None:
    (warning,) = decisions("Text.\n\n::: moniker range=\"x\"\nInside.\n", "section")
    assert warning.line == 3
    assert "has no ':::moniker-end' line" in warning.message


def test_a_redirect_stub_exposes_its_target_and_goes_to_a_redirect_page() -> None:
    stub = parse_article("area/old.md", b"---\nredirect_url: /exchange/area/topic/sibling\n---\n")
    assert stub.redirect_url == "/exchange/area/topic/sibling"
    index = SiteIndex.build([stub.page_info(), *OTHER_PAGES], [])
    page = render_redirect(index.pages["area/old.md"], "/exchange/area/topic/sibling", index,
                           SETTINGS, stub.report)
    assert page.url == "area/old/"
    assert page.target == "../topic/sibling/"
    assert '<meta http-equiv="refresh" content="0; url=../topic/sibling/">' in page.html
    assert "<script" not in page.html
    elsewhere = render_redirect(index.pages["area/old.md"], "/office365/moved", index,
                                SETTINGS, stub.report)
    assert elsewhere.target == "https://learn.microsoft.com/office365/moved"


def test_an_include_cycle_names_each_file_and_line_of_its_chain() -> None:
    (warning,) = translate_fixture(
        "# Cycle\n\n[!INCLUDE [A](../includes/cycle-a.md)]\n").report.of_level("warning")
    assert warning.line == 3
    assert warning.message.endswith(
        "include cycle area/topic/article.md:3 -> area/includes/cycle-a.md:3 -> "
        "area/includes/cycle-b.md:6 -> area/includes/cycle-a.md; not read again, "
        "a note is shown instead")


def test_retired_links_are_replaced_or_reported_each_with_its_line() -> None:
    source = (
        "[Moved](http://technet.microsoft.com/library/"
        "77777777-2222-3333-4444-555555555555.aspx)\n\n"
        "[Lost](http://technet.microsoft.com/library/99999999-2222-3333-4444-555555555555.aspx)\n"
        "\n[](../../elsewhere/some-article.md)\n"
    )
    links = [(d.line, d.level, d.message) for d in decisions(source, "link")]
    assert links == [
        (1, "replaced",
         "retired address http://technet.microsoft.com/library/77777777-2222-3333-4444-"
         "555555555555.aspx replaced by its current page "
         "https://learn.microsoft.com/exchange/current/device-page"),
        (3, "unresolved",
         "http://technet.microsoft.com/library/99999999-2222-3333-4444-555555555555.aspx: "
         "technet.microsoft.com is retired and no current page is known for this address "
         "(add it to retired_links.yaml); the link is kept as written"),
        (5, "info",
         "../../elsewhere/some-article.md: article not in docs/ -> public URL "
         "https://learn.microsoft.com/exchange/elsewhere/some-article"),
        (5, "replaced",
         "empty link text replaced by a title made from its address: 'Some article' "
         "(../../elsewhere/some-article.md)"),
    ]


def test_a_hosted_article_wins_over_a_retired_links_entry() -> None:
    (link,) = decisions(
        "[Old](http://technet.microsoft.com/library/11111111-2222-3333-4444-555555555555.aspx)\n",
        "link",
    )
    assert link.level == "info"
    assert "-> local article area/topic/sibling.md" in link.message

def test_a_missing_image_in_an_included_file_names_that_file_and_its_line() -> None:
    """Paths in included text are relative to the included file (translator/docfx_paths.py);
    what cannot be resolved there is reported on the directive's line, naming the file."""
    from .fixture_site import translate_fixture

    result = translate_fixture("Intro.\n\n[!INCLUDE [images](../includes/lost-image.md)]\n")
    (missing,) = [d for d in result.report.decisions if d.kind == "image"]
    assert (missing.line, missing.level) == (3, "unresolved")
    assert "(written in area/includes/lost-image.md:3)" in missing.message
    assert "../media/absent.png" in missing.message


def test_a_repaired_line_reports_only_the_part_that_changed() -> None:
    """Double-encoded text at the start, in the middle, at the end of a line, or the whole
    line: the report quotes just the broken characters and what they became."""
    mojibake = "\u00e2\u20ac\u00af"  # U+202F encoded twice
    source = (f"{mojibake}start\n\nmid{mojibake}dle\n\nend{mojibake}\n\n{mojibake}\n\n"
              f"a\u00c3\u00a9b\u00c3\u00a9c\n")
    result = translate_article("area/topic/article.md", source.encode())
    assert [(d.line, d.message) for d in result.report.decisions if d.kind == "encoding"] == [
        (1, f"repaired double-encoded text {mojibake!r} -> '\\u202f'"),
        (3, f"repaired double-encoded text {mojibake!r} -> '\\u202f'"),
        (5, f"repaired double-encoded text {mojibake!r} -> '\\u202f'"),
        (7, f"repaired double-encoded text {mojibake!r} -> '\\u202f'"),
        (9, "repaired double-encoded text '\u00c3\u00a9b\u00c3\u00a9' -> '\u00e9b\u00e9'"),
    ]


def test_code_in_an_article_read_without_its_files_is_a_warning_and_a_note() -> None:
    result = translate_article("area/topic/article.md",
                               b'# T\n\n:::code source="../snippets/a.ps1":::\n')
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("code", 3, "warning", "':::code': code file area/snippets/a.ps1 is not in docs/; "
                               "shown as a note instead")]
    assert "Code sample not available" in result.html


def test_a_control_character_in_the_front_matter_is_a_warning_on_its_line() -> None:
    result = translate_fixture("---\ntitle: Bell\x07 here\nms.date: 6/23/2018\n---\n# T\n")
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("front-matter", 2, "warning", "front matter is not valid YAML (unacceptable character "
         "#x0007: control characters are not allowed); skipped line 2, read the other keys")]


def test_a_redirect_page_whole_and_its_report() -> None:
    stub = parse_article(
        "area/old.md", b"---\ntitle: Old <page>\nredirect_url: ../gone.md?a=1&b='2'\n---\n")
    index = SiteIndex.build([stub.page_info(), *OTHER_PAGES], [])
    page = render_redirect(index.pages["area/old.md"], str(stub.redirect_url), index, SETTINGS,
                           stub.report)
    href = "https://learn.microsoft.com/exchange/gone?a=1&amp;b=&#x27;2&#x27;"
    assert page.html == (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        "<title>Moved: Old &lt;page&gt;</title>\n</head>\n<body>\n"
        f'<p>This article has moved: <a href="{href}">{href}</a>.</p>\n</body>\n</html>\n'
    )
    public = "https://learn.microsoft.com/exchange/gone?a=1&b='2'"
    assert [(d.kind, d.line, d.message) for d in stub.report.decisions] == [
        ("link", None, f"../gone.md?a=1&b='2': article not in docs/ -> public URL {public}"),
        ("redirect", None, f"redirect stub -> {public}"),
    ]


BAD_LINES = "a: [1\nb: [2\nc: [3\n"


def test_three_bad_front_matter_lines_are_skipped_and_the_other_keys_read() -> None:
    result = translate_fixture(f"---\ntitle: T\n{BAD_LINES}ms.date: 2018-06-23\n"
                               "keywords: [x, 2018-06-24]\n---\n# T\n")
    assert [(d.line, d.message.rsplit("; ", 1)[1]) for d in result.report.decisions] == [
        (3, "skipped line 3, read the other keys"), (4, "skipped line 4, read the other keys"),
        (5, "skipped line 5, read the other keys")]
    assert result.meta["revision_date"] == "June 23, 2018"  # an ISO date is read too
    assert result.meta["keywords"] == ["x", "2018-06-24"]  # dates in lists become text


def test_four_bad_front_matter_lines_make_it_not_yaml_at_all() -> None:
    result = translate_fixture(f"---\ntitle: T\n{BAD_LINES}d: [4\nms.date: 06/23/2018\n---\n# H\n")
    assert [(d.line, d.level, d.message) for d in result.report.decisions] == [
        (3, "warning", "front matter is not valid YAML (while parsing a flow sequence: did not "
                       "find expected ',' or ']' on line 4); ignored it, the title is taken from "
                       "the first heading")]
    assert "revision_date" not in result.meta and result.meta["title"] == "H"


def test_a_key_given_twice_in_a_list_item_is_reported() -> None:
    result = translate_fixture("---\ntitle: T\nlist:\n  - k: 1\n    k: 2\n---\n# T\n")
    assert [(d.line, d.message) for d in result.report.decisions] == [
        (5, "front matter key 'k' is given twice (lines 4 and 5); the value on line 5 is used, "
            "the other is ignored")]
