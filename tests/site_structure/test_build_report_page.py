"""The build report page's Markdown: counts, per-article problems, escaping, the clean state."""

from __future__ import annotations

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
