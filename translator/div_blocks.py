"""DocFX class wrappers: ``> [!div class="..."]`` -> ``<div class="...">``.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#section-definition):

    > [!div class="mx-imgBorder"]
    > ![The mail flow page](media/mail-flow.png)

The blockquote is a wrapper, not a quote: it becomes a ``div`` carrying the classes (each
prefixed ``docfx-``, so they never collide with Material's own) and its content.

DocFX (``QuoteSectionNoteParser``) copies everything after ``[!div`` (optionally in
backticks) into the HTML as the section's attributes, so any attributes may be there, in
any order: they are read by `directive_attributes` (HTML accepts single quotes too). Only
``class`` is used; the others (``id``, ``data-*``...) are reported as left out. Attributes
that cannot be read (an unclosed quote) are reported; the wrapper is still a ``div``, as in
DocFX, without classes.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blockquote_markers import rewrite_marked_blockquotes
from .directive_attributes import read_attributes, unknown_names
from .report import TranslationReport, source_line

__all__ = ["DIV_CLASS", "rewrite_div_blocks"]

DIV_CLASS = "docfx-div"
_MARKER = re.compile(
    r"^\[!div(?P<attrs>(?:[ \t`](?:\\.|[^\]\\\n])*)?)\][ \t]*(?:\n|$)", re.I
)
_CLASS_NAME = re.compile(r"[^A-Za-z0-9_-]")


def rewrite_div_blocks(state: StateCore) -> None:
    """Core rule (after ``block``, before ``inline``): blockquotes opening with ``[!div]``."""
    report: TranslationReport = state.env["report"]

    def to_div(opening: Token, closing: Token, marker: re.Match[str]) -> list[Token]:
        line = source_line(state.env["first_line"], opening.map)
        written = marker.group("attrs").strip()
        if len(written) >= 2 and written[0] == written[-1] == "`":
            written = written[1:-1]
        attributes = read_attributes(written, single_quotes=True)
        classes = [_CLASS_NAME.sub("", c) for c in attributes.get("class").split()]
        opening.tag = closing.tag = "div"
        opening.attrs = {"class": " ".join([DIV_CLASS, *(f"docfx-{c}" for c in classes if c)])}
        report.add("div", line, f"[!div] wrapper -> <div class=\"{opening.attrs['class']}\">")
        if attributes.error:
            report.warn("div", line, f"[!div] attributes not readable ({attributes.error}); "
                        "the wrapper is a div without classes")
        left_out = unknown_names(attributes, ("class",))
        if left_out:
            report.add("div", line, f"[!div] attribute(s) {', '.join(left_out)} left out "
                       "(only class is used)")
        return [opening]

    rewrite_marked_blockquotes(state, _MARKER, to_div)
