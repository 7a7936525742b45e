"""The build report page's Markdown: counts, per-article problems, escaping, the clean state."""

from __future__ import annotations

from pathlib import Path

from site_structure import StructureProblem, build_report_markdown
from translator import TranslationReport


def test_problems_are_listed_per_article_with_lines_and_escaped() -> None:
    report = TranslationReport("a/article.md")
    report.add("link", 3, "fine", "info")
    report.add("link", 7, "x.md#*bad*: a/x.md has no anchor '#*bad*'", "unresolved")
    report.warn("alert", 9, "unknown alert [!SOMETHING] <b>")
    markdown = build_report_markdown(
        "build-report.md", [report, TranslationReport("b.md")],
        [StructureProblem("TOC.yml", 4, "'gone.md' (Gone) is missing")],
        {"a/article.md", "b.md"}, {"a/article.md": "An article"},
    )
    assert "### [An article](a/article.md)" in markdown
    assert "| 7 | link | unresolved | x.md#&#42;bad&#42;: a/x.md has no anchor '#&#42;bad&#42;' |" \
        in markdown
    assert "unknown alert &#91;!SOMETHING&#93; &lt;b&gt;" in markdown
    assert "| `TOC.yml` | 4 | 'gone.md' (Gone) is missing |" in markdown
    assert "| unresolved links and anchors | 1 |" in markdown
    assert "| warnings | 1 |" in markdown
    assert "fine" not in markdown and "b.md" not in markdown
    assert "Nothing unresolved" not in markdown


def test_nothing_unresolved_is_said_plainly() -> None:
    markdown = build_report_markdown("build-report.md", [TranslationReport("a.md")], [], {"a.md"})
    assert '!!! success "Nothing unresolved"' in markdown
    assert "## Articles" not in markdown


def test_an_article_that_is_not_a_page_is_named_not_linked() -> None:
    stub = TranslationReport("old.md")
    stub.warn("front-matter", 1, "bad")
    markdown = build_report_markdown("build-report.md", [stub], [], set())
    assert "### old.md" in markdown and "](old.md)" not in markdown


def test_replaced_links_are_listed_and_counted_without_hiding_the_clean_state() -> None:
    report = TranslationReport("a/article.md")
    report.add("link", 25, "retired address http://x replaced by its current page https://y",
               "replaced")
    markdown = build_report_markdown("build-report.md", [report], [], {"a/article.md"})
    assert "## Replaced" in markdown
    assert ("| `a/article.md` | 25 | retired address http://x replaced by its current page "
            "https://y |") in markdown
    assert "| links replaced (retired addresses, empty link texts) | 1 |" in markdown
    assert '!!! success "Nothing unresolved"' in markdown


EXPECTED = Path(__file__).parent / "expected"


def test_the_whole_page_with_problems_of_every_kind() -> None:
    """Counts, articles sorted by path (one not a page: named, not linked; links relative
    to the report page's folder), every unresolved decision and warning with its line (or
    none), the TOC problems, the replaced links: the page as a reader gets it."""
    article = TranslationReport("area/topic/article.md")
    article.add("link", 3, "fine", "info")
    article.add("link", 7, "x.md#gone: area/topic/x.md has no anchor '#gone'", "unresolved")
    article.add("image", None, "lost.png: not found; a placeholder is shown", "unresolved")
    article.add("video", 12, "no player offline", "unresolved")
    article.warn("alert", 9, "unknown alert type [!SOMETHING]")
    article.add("link", 25, "retired address replaced", "replaced")
    stub = TranslationReport("area/old.md")
    stub.warn("front-matter", 2, "bad YAML")
    markdown = build_report_markdown(
        "about/build-report.md",
        [stub, article, TranslationReport("area/clean.md")],
        [StructureProblem("TOC.yml", 4, "gone.md is missing"),
         StructureProblem("area/toc.yml", None, "no items")],
        {"area/topic/article.md", "area/clean.md"},
        {"area/topic/article.md": "The article"},
    )
    assert markdown == (EXPECTED / "build-report-with-problems.md").read_text(encoding="utf-8")


def test_the_whole_page_when_nothing_is_unresolved() -> None:
    markdown = build_report_markdown(
        "build-report.md", [TranslationReport("area/clean.md"), TranslationReport("b.md")], [],
        {"area/clean.md"},
    )
    assert markdown == (EXPECTED / "build-report-clean.md").read_text(encoding="utf-8")


def test_navigation_problems_alone_are_not_called_clean() -> None:
    markdown = build_report_markdown(
        "build-report.md", [TranslationReport("a.md")],
        [StructureProblem("TOC.yml", 2, "gone.md is missing")], {"a.md"},
    )
    assert "Nothing unresolved" not in markdown and "## Articles" not in markdown
    assert "| TOC entries left out of the navigation | 1 |" in markdown
    assert "| `TOC.yml` | 2 | gone.md is missing |" in markdown


def test_a_message_of_several_lines_stays_in_its_table_row() -> None:
    report = TranslationReport("a.md")
    report.warn("faq", 3, "not valid YAML (expected ','\n  in line 2)")
    markdown = build_report_markdown("build-report.md", [report], [], {"a.md"})
    assert "| 3 | faq | warning | not valid YAML (expected ','   in line 2) |" in markdown


def test_a_replaced_link_without_a_line_leaves_the_line_cell_empty() -> None:
    report = TranslationReport("a/article.md")
    report.add("link", None, "empty link text replaced by the page title", "replaced")
    markdown = build_report_markdown("build-report.md", [report], [], {"a/article.md"})
    assert "| `a/article.md` |  | empty link text replaced by the page title |" in markdown
