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
from markdown_it.token import Token

from .report import TranslationReport

__all__ = ["BRACKET_MARKER", "COLON_MARKER", "report_unknown_syntax"]

# `[!WORD` (alerts, includes, videos, code snippets...), in text (not in code spans)
BRACKET_MARKER = re.compile(r"\[![A-Za-z][\w-]*")
# a `:::` directive opening a line
COLON_MARKER = re.compile(r"^[ \t]*:::[ \t]*[A-Za-z-]*")


def report_unknown_syntax(state: StateCore) -> None:
    """Core rule (last): warn about DocFX markers left in the text, each on its own line."""
    if state.env.get("inside_include"):
        return  # the including article's pass sees the spliced tokens
    report: TranslationReport = state.env["report"]
    first_line: int = state.env["first_line"]
    for token in state.tokens:
        if token.type != "inline" or not token.map:
            continue
        for offset, marker in _markers(token.children or []):
            report.warn(
                "syntax",
                first_line + token.map[0] + offset,
                f"DocFX syntax '{marker}' is not supported; kept as text",
            )


def _markers(children: list[Token]) -> list[tuple[int, str]]:
    """(line offset in the paragraph, marker) of each marker in the text children.

    Escaped brackets (``\\[!NOTE]``) are separate tokens here, so they never match."""
    found: list[tuple[int, str]] = []
    offset = 0
    line_text = ""
    lines: list[tuple[int, str]] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append((offset, line_text))
            offset, line_text = offset + 1, ""
        elif child.type == "text":
            found += [(offset, m.group()) for m in BRACKET_MARKER.finditer(child.content)]
            line_text += child.content
        else:
            line_text += "\0"  # code, links...: not plain text at the line start
    lines.append((offset, line_text))
    found += [(n, m.group().strip()) for n, text in lines if (m := COLON_MARKER.match(text))]
    return sorted(found, key=lambda item: item[0])
