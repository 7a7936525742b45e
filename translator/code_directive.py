"""DocFX's code directive: ``:::code source="..." ...:::`` -> a code block holding the file.

DocFX syntax (dotnet/docfx ``TripleColon/CodeExtension.cs``; learn.microsoft.com markdown
reference, "Code snippets"):

    :::code language="powershell" source="../snippets/new-connector.ps1" range="2-5,9":::

Attributes in any order (`directive_attributes`): ``source`` (required; relative to the
article, ``~/`` from the docset root), ``language`` (else guessed from the file's
extension), ``range`` (lines ``2-5,9,12-``), ``id`` (a region of the file), ``highlight`` (lines
marked) and ``interactive`` (no effect here); line selection and display are shared with
the ``[!code-...]`` form (`code_lines`). Without ``source`` or with attributes it cannot
read, DocFX keeps the line as text with an error: so do we, with a warning. A file that is
not in docs/, or a region or range it lacks, becomes a visible note and a warning.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .code_lines import code_block_tokens
from .directive_attributes import read_attributes, unknown_names
from .includes import include_target

__all__ = ["code_block"]

_LINE = re.compile(r"^:::code(?=[\s:])(?P<attrs>.*?):::[ \t]*$", re.I)
_KNOWN = ("source", "range", "id", "highlight", "language", "interactive")


def code_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line holding ``:::code ...:::``."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    match = _LINE.match(state.src[begin : state.eMarks[start_line]])
    if match is None:
        return False
    attributes = read_attributes(match["attrs"])
    problem = attributes.error or (None if attributes.get("source") else
                                   'it has no source="..."')
    line = state.env["first_line"] + start_line
    if problem is not None:
        if not silent:
            state.env.setdefault("explained_lines", set()).add(line)
            state.env["report"].warn(
                "code", line, f"':::code' not read: {problem}; DocFX keeps it as text "
                "(with an error), so it stays visible as text")
        return False
    if silent:
        return True
    _push_code(state, attributes.values, line)
    for name in unknown_names(attributes, _KNOWN):
        state.env["report"].warn("code", line, f"':::code' attribute {name} is not one DocFX "
                                 "accepts (it keeps the line as text); ignored, code shown")
    state.line = start_line + 1
    return True


def _push_code(state: StateBlock, values: dict[str, str], line: int) -> None:
    target = include_target(str(state.env["src_path"]), values["source"],
                            state.env["docset_root"])
    for token in code_block_tokens(
        state.env, target, line, "':::code'", ranges=values.get("range"),
        region=values.get("id"), highlight=values.get("highlight"),
        language=values.get("language"), dedent=None,
    ):
        token.map = [state.line, state.line + 1]
        state.tokens.append(token)
