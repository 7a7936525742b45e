"""DocFX's do-not-translate marker: ``:::no-loc text="Exchange Online":::`` -> its text.

DocFX syntax (dotnet/docfx ``Noloc/NolocParser.cs``; learn.microsoft.com markdown
reference, "Non-localized strings"): a sentence keeps ``text`` as written in every
language. There is one language here, so only the text is shown. DocFX reads exactly
``:::no-loc text="...":::``; we also read it with extra spaces or other attributes
(`directive_attributes`), reporting attributes DocFX would not accept. Without ``text`` (or
with an unclosed quote) it stays visible as text, with a warning.
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from .directive_attributes import read_attributes, unknown_names
from .image_directive import DIRECTIVE_REPORTS, invalid_directive
from .tokens import SPANNED_LINES

__all__ = ["no_loc_directive"]

_OPEN = re.compile(r":::no-loc(?=[\s:])", re.I)


def no_loc_directive(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``:``: ``:::no-loc text="...":::``."""
    opening = _OPEN.match(state.src, state.pos)
    if opening is None:
        return False
    close = state.src.find(":::", opening.end())
    if close == -1:
        return False
    attributes = read_attributes(state.src[opening.end() : close])
    problem = attributes.error or (None if "text" in attributes.values else
                                   'it has no text="..."')
    if silent:
        state.pos = close + 3
        return True
    if problem is not None:
        invalid_directive(state, close + 3, f"':::no-loc' not read: {problem}")
        return True
    # text_special: joined into the text after the DocFX rules, never read as a marker
    token = state.push("text_special", "", 0)
    token.content = attributes.get("text")
    token.meta = {SPANNED_LINES: state.src[state.pos : close].count("\n")}
    unknown = unknown_names(attributes, ("text",))
    if unknown:
        token.meta |= {"offset": state.src[: state.pos].count("\n"), DIRECTIVE_REPORTS: [(
            "warning", "syntax",
            f"':::no-loc' with attribute(s) {', '.join(unknown)} that DocFX does not accept "
            "(it keeps the directive as text); its text is shown")]}
    state.pos = close + 3
    return True
