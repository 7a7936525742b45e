"""What the two code-sample forms share: a file's lines chosen by range or region, shown.

Used by ``:::code`` (`code_directive`) and ``[!code-lang[...](...)]`` (`code_snippet`).
DocFX (docs/docs/markdown.md, "Code Snippet"; dotnet/docfx
``src/Docfx.MarkdigEngine.Extensions/CodeSnippet``) selects lines by:

- a line range: ``2-5,9,12-`` (``range=`` / ``?range=``), or ``#L12-L16`` / ``#L12``;
- a region, by name, marked in the way of the file's language:

      #region create          (C#, PowerShell, VB ``#Region``; JS/TS ``//#region``)
      ...
      #endregion

      // <create>             (tag style: ``//``, ``#``, ``'``, ``--`` comments, ``<!-- -->``)
      ...
      // </create>

  marker lines of other regions inside the chosen one are left out, as DocFX does;
- ``highlight=2,5-7,9-``: lines of the shown code to highlight (Material's ``.hll``);
- the lines shown lose their common indentation (``dedent=N``: at most N spaces), and a
  region named ``1`` is also found as ``<snippet1>`` (DocFX's ``HtmlCodeSnippetRenderer``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from .includes import MISSING_INCLUDE_CLASS, ReadFile
from .report import TranslationReport
from .source_text import decode_source
from .tokens import leaf_token

__all__ = ["CodeLines", "code_block_tokens", "code_language", "code_tokens", "dedented",
           "select_lines"]

LANGUAGES = {
    ".ps1": "powershell", ".psm1": "powershell", ".cs": "csharp", ".json": "json",
    ".xml": "xml", ".yml": "yaml", ".yaml": "yaml", ".py": "python", ".js": "javascript",
    ".ts": "typescript", ".sh": "bash", ".cmd": "batch", ".bat": "batch", ".sql": "sql",
    ".html": "html", ".css": "css", ".vb": "vb", ".txt": "text",
}
_COMMENT = r"(?://|#|'|--|<!--)"
_REGION_START = r"^\s*(?:{c}\s*)?#region\s+{name}\s*$|^\s*{c}\s*<{name}>\s*(?:-->)?\s*$"
_REGION_END = r"^\s*(?:{c}\s*)?#endregion\b.*$|^\s*{c}\s*</{name}>\s*(?:-->)?\s*$"
_ANY_MARKER = re.compile(
    rf"^\s*(?:{_COMMENT}\s*)?#(?:end)?region\b.*$|^\s*{_COMMENT}\s*</?[\w.-]+>\s*(?:-->)?\s*$",
    re.I,
)
_RANGE_PART = re.compile(r"\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?")


@dataclass(frozen=True)
class CodeLines:
    lines: list[str]
    problem: str | None = None  # why the selection failed (then `lines` is empty)


def code_language(path: str) -> str:
    """The highlighting language of a file, by its extension ("" when unknown)."""
    return LANGUAGES.get(posixpath.splitext(path)[1].lower(), "")


def select_lines(text: str, ranges: str | None, region: str | None) -> CodeLines:
    """The lines `region` or `ranges` (``2-5,9,12-``) name, else the whole file."""
    lines = text.splitlines()
    if region:
        return _region(lines, region)
    if not ranges:
        return CodeLines(lines)
    numbers = _numbers(ranges, len(lines))
    if numbers is None:
        return CodeLines([], f"range {ranges!r} is not like 2-5,9,12-")
    return CodeLines([lines[n - 1] for n in numbers if 0 < n <= len(lines)])


def _region(lines: list[str], name: str) -> CodeLines:
    start = None
    for candidate in (name, "snippet" + name):  # DocFX: `#1` also finds `// <snippet1>`
        start_re = re.compile(_REGION_START.format(c=_COMMENT, name=re.escape(candidate)), re.I)
        start = next((i for i, line in enumerate(lines) if start_re.match(line)), None)
        if start is not None:
            name = candidate
            break
    if start is None:
        return CodeLines([], f"no region '{name}' (#region {name} or <{name}>) in the file")
    end_re = re.compile(_REGION_END.format(c=_COMMENT, name=re.escape(name)), re.I)
    depth, chosen = 0, []
    for line in lines[start + 1 :]:
        opens = re.match(rf"^\s*(?:{_COMMENT}\s*)?#region\b", line, re.I)
        if end_re.match(line) and depth == 0:
            break
        if opens:
            depth += 1
        elif re.match(rf"^\s*(?:{_COMMENT}\s*)?#endregion\b", line, re.I):
            depth -= 1
        if not _ANY_MARKER.match(line):
            chosen.append(line)
    return CodeLines(chosen)


def _numbers(ranges: str, count: int) -> list[int] | None:
    """``2-5,9,12-`` -> [2, 3, 4, 5, 9, 12, ..., count]; None when it is not a range."""
    numbers: list[int] = []
    for part in ranges.split(","):
        bounds = _RANGE_PART.fullmatch(part)
        if bounds is None:
            return None
        first = int(bounds[1])
        last = (int(bounds[3]) if bounds[3] else count) if bounds[2] else first
        numbers += range(first, last + 1)
    return numbers


def dedented(lines: list[str], dedent: int | None = None) -> list[str]:
    """`lines` without their common indentation (tabs as 4 columns), as DocFX shows code;
    `dedent`: remove at most that many leading spaces instead."""
    expanded = [line.expandtabs(4) for line in lines]
    indents = [len(line) - len(line.lstrip(" ")) for line in expanded if line.strip()]
    cut = dedent if dedent is not None and dedent >= 0 else min(indents, default=0)
    return [line[min(cut, len(line) - len(line.lstrip(" "))):] for line in expanded]


def code_tokens(lines: list[str], language: str, highlight: str | None = None,
                ) -> tuple[Token, str | None]:
    """A code block of `lines`; with `highlight`, those lines marked (and why not, if the
    list cannot be read)."""
    code = "\n".join(lines).rstrip("\n") + "\n"
    marked = set(_numbers(highlight, len(lines)) or []) if highlight else set()
    problem = (f"highlight {highlight!r} is not like 2,5-7,9-; nothing highlighted"
               if highlight and _numbers(highlight, len(lines)) is None else None)
    if not marked:
        token = Token("fence", "code", 0)
        token.info = language
        token.content = code
        return token, problem
    shown = "".join(
        f'<span class="hll">{html.escape(line, quote=False)}\n</span>' if n in marked
        else f"{html.escape(line, quote=False)}\n"
        for n, line in enumerate(lines, start=1))
    css = f' class="language-{html.escape(language)}"' if language else ""
    return leaf_token("html_block",
                      f'<div class="highlight"><pre><code{css}>{shown}</code></pre></div>\n',
                      ), problem


def code_block_tokens(
    env: MutableMapping[str, Any], target: str, line: int, form: str, *, ranges: str | None,
    region: str | None, highlight: str | None, language: str | None, dedent: int | None,
) -> list[Token]:
    """The code block for the docs-relative file `target`, or a visible note (warned)
    when the file, its region or its range cannot be read. `form` names the syntax."""
    report = env["report"]
    read_file: ReadFile | None = env.get("read_file")
    data = read_file(target) if read_file else None
    if data is None:
        report.warn("code", line, f"{form}: code file {target} is not in docs/; "
                    "shown as a note instead")
        return [_note()]
    # what decoding finds is about the code file's lines: named so, at the directive's line
    decoding = TranslationReport(target)
    text = decode_source(data, decoding)
    for found in decoding.decisions:
        report.add(found.kind, line, f"in {target}:{found.line}: {found.message}", found.level)
    chosen = select_lines(text, ranges, region)
    if chosen.problem:
        report.warn("code", line, f"{form} from {target}: {chosen.problem}; shown as a note "
                    "instead")
        return [_note()]
    token, problem = code_tokens(dedented(chosen.lines, dedent),
                                 language or code_language(target), highlight)
    if problem:
        report.warn("code", line, f"{form} from {target}: {problem}")
    report.add("code", line, f"{form} -> the code of {target}")
    return [token]


def _note() -> Token:
    return leaf_token("html_block",
                      f'<p class="{MISSING_INCLUDE_CLASS}">Code sample not available</p>\n')
