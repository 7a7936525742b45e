"""Emoji shortcodes, rendered as the emoji, as Markdig's Emoji extension (on in DocFX) does.

    Done :smile: :thumbsup:

Only shortcodes with a known emoji are replaced (the `emoji` package's GitHub-style
aliases); any other ``:word:`` stays as written, so nothing is invented. Text in code is
not touched (only text tokens are read). Each replacement is reported with its line.
"""

from __future__ import annotations

import re
from functools import partial

import emoji
from markdown_it.rules_core import StateCore

from .report import TranslationReport, source_line

__all__ = ["render_emoji_shortcodes"]

_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


def render_emoji_shortcodes(state: StateCore) -> None:
    """Core rule (after "inline"): known :shortcodes: in text become their emoji."""
    report = state.env.get("report")
    first_line = state.env["first_line"]
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        found: list[str] = []
        for child in token.children:
            if child.type == "text" and ":" in child.content:
                child.content = _SHORTCODE.sub(partial(_emoji, found=found), child.content)
        if found and isinstance(report, TranslationReport):
            line = source_line(first_line, token.map)
            report.add("emoji", line, f"emoji shortcodes rendered: {' '.join(found)}")


def _emoji(match: re.Match[str], found: list[str]) -> str:
    code = match.group(0)
    rendered: str = emoji.emojize(code, language="alias")
    if rendered != code:
        found.append(code)
    return rendered
