"""DocFX syntax the translation does not know: kept as visible text, and reported.

After every construct module has run, text still holding a DocFX marker means the article
uses something we do not translate, for example:

    [!notebook-python[Main](../snippets/connectors.ipynb)]
    :::form action="...":::
    Open the :::button text="Save"::: page.     <- inline, anywhere in a line

The text stays on the page as written (nothing is lost) and a warning names the line and
the marker, so someone can add the construct.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .image_directive import DIRECTIVE_REPORTS, INVALID_DIRECTIVE
from .report import TranslationReport
from .tokens import SPANNED_LINES, leaf_token, lines_inside

__all__ = ["BRACKET_MARKER", "COLON_MARKER", "INLINE_COLON_MARKER", "report_unknown_syntax"]

# `[!WORD` (alerts, includes, videos, code snippets...), in text (not in code spans)
BRACKET_MARKER = re.compile(r"\[![A-Za-z][\w-]*")
# a `:::` directive opening a line
COLON_MARKER = re.compile(r"^[ \t]*:::[ \t]*[A-Za-z-]*")
# an inline `:::name ...:::` directive later in a line (DocFX reads `:::image`, `:::no-loc`,
# `:::video` inline; any other name there is not rendered)
INLINE_COLON_MARKER = re.compile(r":::[ \t]*(?P<name>[A-Za-z][\w-]*)[^\n]*?:::")
# token meta: read by an included file's own pass (not read again in the including article)
_READ = "unknown_syntax_read"


def report_unknown_syntax(state: StateCore) -> None:
    """Core rule (last): warn about DocFX markers left in the text, each on its own line.

    An included file's pass reports its own markers, on its own lines (the report names the
    file and files the entry on the directive's line), and marks the tokens it read: spliced
    into the including article (its blocks; an inline include's text, into a sentence of the
    article), they are not read again there."""
    inside_include = bool(state.env.get("inside_include"))
    report: TranslationReport = state.env["report"]
    first_line: int = state.env["first_line"]
    explained: set[int] = state.env.get("explained_lines", set())  # warned with a reason
    for token in state.tokens:
        if token.type != "inline" or not token.map or token.meta.get(_READ):
            continue
        if inside_include:
            token.meta[_READ] = True
        _report_directives(token, report, first_line + token.map[0])
        for offset, marker in _markers(token.children or []):
            line = first_line + token.map[0] + offset
            if line in explained:
                continue
            what = ("closes no open section" if marker.endswith("-end")
                    else "is not supported")
            report.warn("syntax", line, f"DocFX syntax '{marker}' {what}; kept as text")
        if inside_include and state.inlineMode:  # an inline include: its text joins a sentence
            for child in token.children or []:
                child.meta[_READ] = True


def _report_directives(inline: Token, report: TranslationReport, first: int) -> None:
    """What the inline directive rules left on their tokens to report; invalid directives
    become text."""
    for index, child in enumerate(inline.children or []):
        meta = child.meta or {}
        if meta.get(_READ):
            continue  # an included file's, reported in its own pass
        if child.type == INVALID_DIRECTIVE:
            report.warn("syntax", first + meta["offset"],
                        f"{meta['why']}; DocFX keeps it as text (with an error), so it stays "
                        "visible as text")
            # joined into the text later
            text = leaf_token("text_special", child.content)
            text.meta[SPANNED_LINES] = child.content.count("\n")
            (inline.children or [])[index] = text
        for level, kind, message in meta.get(DIRECTIVE_REPORTS, ()):
            report.add(kind, first + meta["offset"], message, level)


def _markers(children: list[Token]) -> list[tuple[int, str]]:
    """(line offset in the paragraph, marker) of each marker in the text children.

    Escaped brackets (``\\[!NOTE]``) are separate tokens here, so they never match."""
    found: list[tuple[int, str]] = []
    offset = 0
    line_text = ""
    lines: list[tuple[int, str]] = []
    for child in children:
        if (child.meta or {}).get(_READ):
            line_text += "\0"  # an included file's text, read in its own pass
        elif child.type in ("softbreak", "hardbreak"):
            lines.append((offset, line_text))
            offset, line_text = offset + 1, ""
        elif child.type == "text":
            found += [(offset, m.group()) for m in BRACKET_MARKER.finditer(child.content)]
            line_text += child.content
        else:
            if child.type == "image":  # its alt text is text too
                alt = "".join(c.content for c in child.children or [] if c.type == "text")
                found += [(offset, m.group()) for m in BRACKET_MARKER.finditer(alt)]
            line_text += "\0"  # code, links, images...: not plain text at the line start
            spanned = lines_inside(child)
            if spanned:  # a directive spread over lines: what follows it starts no line
                lines.append((offset, line_text))
                offset, line_text = offset + spanned, "\0"
    lines.append((offset, line_text))
    for number, text in lines:
        start = COLON_MARKER.match(text)
        after = 0  # past the line-start directive's own closing `:::`, if it has one on the line
        if start is not None:
            found.append((number, start.group().strip()))
            close = text.find(":::", start.end())
            after = len(text) if close == -1 else close + 3
        found += [(number, f":::{m['name']}") for m in INLINE_COLON_MARKER.finditer(text, after)]
    return sorted(found, key=lambda item: item[0])
