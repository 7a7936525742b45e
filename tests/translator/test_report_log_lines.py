"""The build log's lines about an article: where a decision is (``path:line: message``, or
``path: message`` for a decision about the whole file, such as a redirect stub) and the
per-article summary."""

from __future__ import annotations

from translator.report import Decision, TranslationReport


def test_a_decision_with_a_line_is_located_at_it() -> None:
    assert Decision("link", 7, "why", "warning").located("a/b.md") == "a/b.md:7: why"


def test_a_decision_without_a_line_names_only_the_file() -> None:
    assert Decision("redirect", None, "why").located("a/b.md") == "a/b.md: why"


def test_the_log_summary_counts_decisions_per_kind_in_kind_order() -> None:
    report = TranslationReport("a/b.md")
    report.add("table", 3, "why")
    report.warn("link", 5, "why")
    report.add("link", 6, "why", "unresolved")
    assert report.summary() == "a/b.md: 2 link, 1 table; 1 unresolved; 1 warnings"


def test_the_log_summary_of_an_article_left_as_it_was() -> None:
    assert TranslationReport("a/b.md").summary() == (
        "a/b.md: nothing to change; 0 unresolved; 0 warnings")
