"""Where the checker widget goes in a page's HTML.

The article stays verbatim: the widget is inserted into the built page, after the first
paragraph of the section whose heading carries a configured anchor (``NeedConnector1``:
"When do I need a connector?"), so it sits right above the article's own table.
"""

from __future__ import annotations

import html
import re

__all__ = ["WIDGET_ATTRIBUTE", "insert_widget", "widget_html"]

WIDGET_ATTRIBUTE = "data-connector-checker"
_HEADING_END = re.compile(r"</h[1-6]>")
_PARAGRAPH_AFTER = re.compile(r"\s*<p>.*?</p>", re.S)


def widget_html(decision_table_href: str, *, folded: bool = False) -> str:
    """The placeholder the browser code fills (with a message for readers without JS).

    `folded`: inside a closed ``<details>``, so that the article around it reads as
    written ("the table below" is right below); a shared link with answers opens it.
    """
    href = html.escape(decision_table_href, quote=True)
    widget = (
        f'<div class="connector-checker" {WIDGET_ATTRIBUTE}>'
        '<noscript><p>The connector checker needs JavaScript. The '
        f'<a href="{href}">full decision table</a> lists every case.</p></noscript>'
        "</div>"
    )
    if not folded:
        return widget
    return (
        '<details class="cc-fold"><summary>Check your own case: the connector checker '
        "answers for your organization</summary>"
        f"{widget}</details>"
    )


def insert_widget(page_html: str, anchor: str, widget: str) -> str | None:
    """`page_html` with `widget` placed in the section of `anchor`; None if not found."""
    marker = page_html.find(f'id="{anchor}"')
    if marker < 0:
        return None
    heading_end = _HEADING_END.search(page_html, marker)
    if heading_end is None:
        return None
    position = heading_end.end()
    paragraph = _PARAGRAPH_AFTER.match(page_html, position)
    if paragraph:
        position = paragraph.end()
    return page_html[:position] + "\n" + widget + page_html[position:]
