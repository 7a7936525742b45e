"""DocFX alerts -> Material admonitions.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#alerts-note-tip-important-caution-warning):

    > [!NOTE]
    > Information the user should notice even if skimming.

Types: NOTE, TIP, IMPORTANT, CAUTION, WARNING; real articles also write them in mixed case
(``[!Note]``), inside list items (indented like the item's text) and with blank ``>`` lines.
The blockquote becomes ``<div class="admonition note">`` with a title, which is the HTML
Material's own admonitions use. An unknown type keeps its word as the title and is reported,
so no text is lost.

Exported tables hold alerts flattened into one cell line, the quote markers run together:

    | Setting | > [!NOTE]> Only for partners. |
    | Port | Done. <br/> > [!NOTE]> Only for partners. |

Such a cell gets the same admonition HTML around the text after the marker (after the
cell's text before the marker, if any).
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blockquote_markers import rewrite_marked_blockquotes
from .report import TranslationReport, source_line
from .tokens import html_token

__all__ = ["ALERT_TYPES", "admonition_opening", "rewrite_alerts", "rewrite_cell_alerts"]

ALERT_TYPES = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "caution": "Caution",
    "warning": "Warning",
}
_MARKER = re.compile(r"^\[!(?P<kind>[A-Za-z]+)\][ \t]*(?:\n|$)")
# at the cell's start, or after a line break that ends the cell's text before the alert
_CELL_MARKER = re.compile(
    r"^(?P<before>(?:.*?<br\s*/?>[ \t]*)?)>[ \t]*\[!(?P<kind>[A-Za-z]+)\][ \t]*(?:>[ \t]*)?", re.S
)
# Words that open other DocFX blockquote constructs, not alerts (see video.py, div_blocks.py).
_NOT_ALERTS = frozenset({"video", "div", "include"})


def admonition_opening(kind: str, title: str) -> str:
    """The HTML Material writes before an admonition's body."""
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>\n'


def rewrite_alerts(state: StateCore) -> None:
    """Core rule (after ``block``, before ``inline``): blockquotes opening with ``[!TYPE]``."""
    report: TranslationReport = state.env["report"]

    def to_admonition(opening: Token, closing: Token, marker: re.Match[str]) -> list[Token] | None:
        if marker.group("kind").lower() in _NOT_ALERTS:
            return None
        kind, title = _alert_kind(marker.group("kind"), _line(state, opening), report)
        opening.tag = closing.tag = "div"
        opening.attrs = {"class": f"admonition {kind}"}
        title_html = f'<p class="admonition-title">{title}</p>\n'
        return [opening, html_token(title_html, opening.level + 1)]

    rewrite_marked_blockquotes(state, _MARKER, to_admonition)


def rewrite_cell_alerts(state: StateCore) -> None:
    """Core rule (after ``block``, before ``inline``): alerts flattened into table cells."""
    report: TranslationReport = state.env["report"]
    tokens = state.tokens
    out: list[Token] = []
    for index, token in enumerate(tokens):
        marker = _CELL_MARKER.match(token.content) if token.type == "inline" else None
        if marker is None or tokens[index - 1].type not in ("td_open", "th_open"):
            out.append(token)
            continue
        kind, title = _alert_kind(marker.group("kind"), _line(state, token), report)
        if marker.group("before").strip():
            out.append(token.copy(content=marker.group("before").strip(), children=[]))
        token.content = token.content[marker.end() :]
        out.append(html_token(admonition_opening(kind, title) + "<p>", token.level, block=False))
        out.append(token)
        out.append(html_token("</p>\n</div>", token.level, block=False))
    state.tokens = out


def _line(state: StateCore, token: Token) -> int | None:
    first_line: int = state.env["first_line"]
    return source_line(first_line, token.map)


def _alert_kind(word: str, line: int | None, report: TranslationReport) -> tuple[str, str]:
    kind = word.lower()
    if kind in ALERT_TYPES:
        report.add("alert", line, f"[!{word}] alert -> '{kind}' admonition")
        return kind, ALERT_TYPES[kind]
    valid = ", ".join(k.upper() for k in ALERT_TYPES)
    report.warn(
        "alert",
        line,
        f"unknown alert type [!{word}] (valid: {valid}); shown as a note titled "
        f"'{word.capitalize()}'",
    )
    return "note", word.capitalize()
