"""DocFX alerts -> Material admonitions.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#alerts-note-tip-important-caution-warning):

    > [!NOTE]
    > Information the user should notice even if skimming.

Types: NOTE, TIP, IMPORTANT, CAUTION, WARNING; real articles also write them in mixed case
(``[!Note]``). The blockquote becomes ``<div class="admonition note">`` with a title, which is
the HTML Material's own admonitions use. An unknown type keeps its word as the title and is
reported, so no text is lost.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .report import TranslationReport

__all__ = ["ALERT_TYPES", "rewrite_alerts"]

ALERT_TYPES = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "caution": "Caution",
    "warning": "Warning",
}
_MARKER = re.compile(r"^\[!(?P<kind>[A-Za-z]+)\][ \t]*(?:\n|$)")


def rewrite_alerts(state: StateCore) -> None:
    """Core rule (after ``block``, before ``inline``): blockquotes opening with ``[!TYPE]``."""
    report: TranslationReport = state.env["report"]
    first_line: int = state.env["first_line"]
    tokens = state.tokens
    out: list[Token] = []
    dropped: set[int] = set()
    for index, token in enumerate(tokens):
        marker = _alert_marker(tokens, index)
        if index in dropped:
            continue
        if marker is None:
            out.append(token)
            continue
        kind, title = _alert_kind(marker.group("kind"), token, report, first_line)
        _become_admonition(tokens, index, kind)
        out.append(token)
        out.append(_title_token(title, token.level + 1))
        inline = tokens[index + 2]
        inline.content = inline.content[marker.end() :]
        if not inline.content.strip():
            # the marker stood alone in its paragraph: drop the now empty paragraph
            dropped.update((index + 1, index + 2, index + 3))
    state.tokens = out


def _alert_marker(tokens: list[Token], index: int) -> re.Match[str] | None:
    if tokens[index].type != "blockquote_open" or index + 2 >= len(tokens):
        return None
    if tokens[index + 1].type != "paragraph_open" or tokens[index + 2].type != "inline":
        return None
    return _MARKER.match(tokens[index + 2].content)


def _alert_kind(
    word: str, token: Token, report: TranslationReport, first_line: int
) -> tuple[str, str]:
    line = first_line + token.map[0] if token.map else None
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


def _become_admonition(tokens: list[Token], index: int, kind: str) -> None:
    opening = tokens[index]
    closing = next(
        t
        for t in tokens[index + 1 :]
        if t.type == "blockquote_close" and t.level == opening.level
    )
    opening.tag = closing.tag = "div"
    opening.attrs = {"class": f"admonition {kind}"}


def _title_token(title: str, level: int) -> Token:
    token = Token("html_block", "", 0)
    token.content = f'<p class="admonition-title">{title}</p>\n'
    token.block = True
    token.level = level
    return token
