"""DocFX code snippets, ``[!code-<lang>[name](path...)]`` -> a code block holding the file.

DocFX syntax (dotnet/docfx docs/docs/markdown.md, "Code Snippet"; the reader is
``src/Docfx.MarkdigEngine.Extensions/CodeSnippet/CodeSnippetParser.cs``):

    [!code-csharp[](Program.cs)]                          the whole file
    [!code-csharp[Main](Program.cs#region "A title")]     a region (see `code_lines`)
    [!code-csharp[](Program.cs#L12-L16)]                  lines 12 to 16
    [!code-powershell[](new.ps1?range=2-5,9&highlight=1)] a range, a line highlighted
    [!code-javascript[](app.js?name=snippet)]             a region, by query

- a block: alone on its line (spaces after it allowed), not indented as code;
  ``[!code`` in any case; the language (``-csharp``) may be left out (then it is the
  file's, by extension); the name in ``[...]`` is not shown;
- the path is relative to the file holding the line (``~/``: the docset root), read up
  to ``#``, ``?``, ``"`` or the ``)`` that closes it (backslash escapes, balanced
  brackets); query keys ``name``, ``range``, ``highlight``, ``start``/``end``, ``dedent``;
- a missing file, region or range: a visible note and a warning (DocFX: an error).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from markdown_it.rules_block import StateBlock

from .code_lines import code_block_tokens
from .includes import include_target

__all__ = ["code_snippet_block"]

_START = re.compile(r"\[!code(?:-(?P<lang>[^\[]*))?\[", re.I)
_LINES = re.compile(r"^L(\d+)(?:-L(\d+))?$", re.I)


def code_snippet_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line holding only ``[!code...[...](...)]``."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    text = state.src[begin : state.eMarks[start_line]].rstrip()
    start = _START.match(text)
    if start is None:
        return False
    parsed = _parse_rest(text, start.end())
    if parsed is None:
        return False
    if silent:
        return True
    path, query, bookmark = parsed
    line = state.env["first_line"] + start_line
    options = {key.lower(): values[0] for key, values in parse_qs(query).items()}
    ranges = options.get("range")
    if "start" in options:
        ranges = f"{options['start']}-{options.get('end', options['start'])}"
    region = options.get("name")
    lines = _LINES.match(bookmark)
    if lines:
        ranges = f"{lines[1]}-{lines[2] or lines[1]}"
    elif bookmark:
        region = bookmark
    target = include_target(str(state.env["src_path"]), path, state.env["docset_root"])
    for token in code_block_tokens(
        state.env, target, line, "'[!code]'", ranges=ranges, region=region,
        highlight=options.get("highlight"), language=(start["lang"] or "").strip(),
        dedent=int(options["dedent"]) if options.get("dedent", "").isdigit() else None,
    ):
        token.map = [start_line, start_line + 1]
        state.tokens.append(token)
    state.line = start_line + 1
    return True


def _parse_rest(text: str, index: int) -> tuple[str, str, str] | None:
    """(path, query, bookmark) after ``[!code-lang[``; None unless the line ends ``)]``."""
    name_end = _scan(text, index, "]")
    if name_end is None or not text.startswith("(", name_end + 1):
        return None
    index = name_end + 2
    depth, escaped, path = 0, False, []
    while index < len(text):
        char = text[index]
        if not escaped and (char in '#?"' or (char == ")" and depth == 0)):
            break
        if char == "\\" and not escaped:
            escaped = True
        else:
            depth += (char == "(") - (char == ")") if not escaped else 0
            path.append(char)
            escaped = False
        index += 1
    query = bookmark = ""
    if text.startswith("?", index):
        end = _first(text, index + 1, '")#')
        query, index = text[index + 1 : end].strip(), end
    if text.startswith("#", index):
        end = _first(text, index + 1, '")')
        bookmark, index = text[index + 1 : end].strip(), end
    if text.startswith('"', index):
        close = _scan(text, index + 1, '"')
        if close is None:
            return None
        index = close + 1
    if not re.fullmatch(r"\s*\)\s*\]", text[index:]):
        return None
    return "".join(path).strip(), query, bookmark


def _scan(text: str, index: int, stop: str) -> int | None:
    """Index of the first unescaped `stop` from `index`, None if there is none."""
    escaped = False
    while index < len(text):
        if text[index] == stop and not escaped:
            return index
        escaped = text[index] == "\\" and not escaped
        index += 1
    return None


def _first(text: str, index: int, stops: str) -> int:
    return next((i for i in range(index, len(text)) if text[i] in stops), len(text))
