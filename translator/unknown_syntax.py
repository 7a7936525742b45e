"""DocFX syntax the translation does not know: kept as visible text, and reported.

After every construct module has run, text still holding a DocFX marker means the article
uses something we do not translate, for example:

    [!code-powershell[Main](../snippets/connectors.ps1)]
    :::row:::

The text stays on the page as written (nothing is lost) and a warning names the line and
the marker, so someone can add the construct.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

from .report import TranslationReport

__all__ = ["BRACKET_MARKER", "COLON_MARKER", "report_unknown_syntax"]

# `[!WORD` (alerts, includes, videos, code snippets...), in text (not in code spans)
BRACKET_MARKER = re.compile(r"\[![A-Za-z][\w-]*")
# a `:::` directive opening a line
COLON_MARKER = re.compile(r"^[ \t]*:::[ \t]*[A-Za-z-]*", re.M)


def report_unknown_syntax(state: StateCore) -> None:
    """Core rule (last): warn about DocFX markers left in the text."""
    if state.env.get("inside_include"):
        return  # the including article's pass sees the spliced tokens
    report: TranslationReport = state.env["report"]
    first_line: int = state.env["first_line"]
    for token in state.tokens:
        if token.type != "inline":
            continue
        texts = [c.content for c in token.children or [] if c.type == "text"]
        lines = "".join("\n" if c.type == "softbreak" else c.content
                        for c in token.children or [] if c.type in ("text", "softbreak"))
        markers = [m for text in texts for m in BRACKET_MARKER.finditer(text)]
        for match in [*markers, *COLON_MARKER.finditer(lines)]:
            line = first_line + token.map[0] if token.map else None
            report.warn(
                "syntax",
                line,
                f"DocFX syntax '{match.group().strip()}' is not supported; kept as text",
            )
