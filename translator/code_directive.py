"""DocFX's code directive: ``:::code source="..." ...:::`` -> a code block holding the file.

DocFX syntax (dotnet/docfx ``TripleColon/CodeExtension.cs``; learn.microsoft.com markdown
reference, "Code snippets"):

    :::code language="powershell" source="../snippets/new-connector.ps1" range="2-5,9":::

Attributes in any order (`directive_attributes`): ``source`` (required; relative to the
article, ``~/`` from the docset root), ``language`` (else guessed from the file's
extension), ``range`` (lines ``2-5,9,12-``), ``id`` (a ``#region id`` ... ``#endregion``
part of the file), ``highlight`` and ``interactive`` (no effect here). Without ``source`` or
with attributes it cannot read, DocFX keeps the line as text with an error: so do we, with
a warning. A file that is not in docs/ becomes a visible note and a warning.
"""

from __future__ import annotations

import posixpath
import re

from markdown_it.rules_block import StateBlock

from .directive_attributes import read_attributes, unknown_names
from .includes import MISSING_INCLUDE_CLASS, ReadFile, include_target
from .source_text import decode_source

__all__ = ["code_block"]

_LINE = re.compile(r"^:::code(?=[\s:])(?P<attrs>.*?):::[ \t]*$", re.I)
_KNOWN = ("source", "range", "id", "highlight", "language", "interactive")
_LANGUAGES = {
    ".ps1": "powershell", ".psm1": "powershell", ".cs": "csharp", ".json": "json",
    ".xml": "xml", ".yml": "yaml", ".yaml": "yaml", ".py": "python", ".js": "javascript",
    ".ts": "typescript", ".sh": "bash", ".cmd": "batch", ".bat": "batch", ".sql": "sql",
    ".html": "html", ".css": "css", ".vb": "vb", ".txt": "text",
}


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
    source = values["source"]
    target = include_target(str(state.env["src_path"]), source, state.env.get("docset_root", ""))
    read_file: ReadFile | None = state.env.get("read_file")
    data = read_file(target) if read_file else None
    report = state.env["report"]
    if data is None:
        report.warn("code", line, f"code file {target} is not in docs/; shown as a note instead")
        token = state.push("html_block", "", 0)
        token.content = f'<p class="{MISSING_INCLUDE_CLASS}">Code sample not available</p>\n'
        return
    text = decode_source(data, report)
    code, why = _select(text, values.get("range", ""), values.get("id", ""))
    if why:
        report.warn("code", line, f"':::code' from {target}: {why}; the whole file is shown")
    language = values.get("language") or _LANGUAGES.get(posixpath.splitext(target)[1].lower(), "")
    token = state.push("fence", "code", 0)
    token.info = language
    token.content = code.rstrip("\n") + "\n"
    token.map = [state.line, state.line + 1]
    report.add("code", line, f"':::code' -> the code of {target}")


def _select(text: str, ranges: str, region: str) -> tuple[str, str | None]:
    """The lines `ranges` (``2-5,9,12-``) or `region` name, else all and why."""
    lines = text.splitlines()
    if region:
        opening = re.compile(rf"\s*#region\s+{re.escape(region)}\s*$")
        start = next((i for i, text_line in enumerate(lines) if opening.match(text_line)), None)
        if start is None:
            return text, f"no '#region {region}' in the file"
        end = next((i for i in range(start + 1, len(lines))
                    if re.match(r"\s*#endregion", lines[i])), len(lines))
        return "\n".join(lines[start + 1 : end]), None
    if not ranges:
        return text, None
    chosen: list[str] = []
    for part in ranges.split(","):
        bounds = re.fullmatch(r"\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?", part)
        if bounds is None:
            return text, f"range {ranges!r} is not like 2-5,9,12-"
        first = int(bounds[1])
        last = (int(bounds[3]) if bounds[3] else len(lines)) if bounds[2] else first
        chosen += lines[first - 1 : last]
    return "\n".join(chosen), None
