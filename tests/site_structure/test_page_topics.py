"""The visible "Topics" line a page listed under page_topics gets (search indexes it)."""

from __future__ import annotations

from site_structure.page_topics import topics_paragraph


def test_topics_are_listed_trimmed_escaped_and_blank_ones_left_out() -> None:
    assert topics_paragraph(["  relay <printers> ", "", "  ", "hybrid & partners"]) == (
        '<p class="page-topics"><strong>Topics:</strong> relay &lt;printers&gt;; '
        "hybrid &amp; partners.</p>")


def test_no_topics_no_line() -> None:
    assert topics_paragraph([]) == ""
