"""Topics a page is about, shown under its text and weighted in search.

Some pages say little in words: the connector checker is a form, so searching "printer",
"hybrid", "partner" or "relay" would not find it although it answers exactly those cases.
A page listed under ``page_topics`` (``mkdocs.yml``, ``site-structure`` plugin) gets a
visible "Topics" line at the end of its content, which search indexes like any text, and a
search boost (Material reads ``search.boost`` from the page's metadata).
"""

from __future__ import annotations

import html

__all__ = ["TOPICS_SEARCH_BOOST", "topics_paragraph"]

TOPICS_SEARCH_BOOST = 2


def topics_paragraph(topics: list[str]) -> str:
    """``<p class="page-topics">Topics: a; b.</p>``, escaped; empty for no topics."""
    if not topics:
        return ""
    listed = "; ".join(html.escape(t.strip()) for t in topics if t.strip())
    return f'<p class="page-topics"><strong>Topics:</strong> {listed}.</p>'
