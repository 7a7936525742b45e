"""DocFX includes: another file's Markdown, read in place.

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#includes):

    [!INCLUDE [Prerequisites](../includes/connector-prerequisites.md)]      <- a block
    Connectors need [!INCLUDE [the plan](../includes/plan-name.md)] or later.  <- inline

The path is relative to the file holding the directive. A block include is parsed like the
rest of the article (its alerts, tables, includes...) and its blocks take the directive's
place; relative links and images in it are rebased so they still point where the included
file meant. An inline include puts the included text in the sentence. What the included file
reports is reported on the directive's line, naming the included file and its own line. A
missing file, or a file that includes itself, becomes a visible note and a warning.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blockquote_markers import html_token
from .front_matter import split_front_matter
from .report import Level, TranslationReport
from .source_text import decode_source
from .table_repair import remove_table_debris

__all__ = ["MISSING_INCLUDE_CLASS", "ReadFile", "expand_includes"]

ReadFile = Callable[[str], "bytes | None"]  # docs-relative path -> content, None if absent
MISSING_INCLUDE_CLASS = "docfx-missing-include"
_INCLUDE = (
    r"\[!INCLUDE[ \t]*\[(?P<title>[^\]]*)\]"  # [!INCLUDE [title]
    r'\([ \t]*<?(?P<path>[^)\s>]+)>?(?:[ \t]+"[^"]*")?[ \t]*\)[ \t]*\]'  # (path "tip")]
)
_BLOCK_INCLUDE = re.compile(rf"^{_INCLUDE}$", re.I)
_INLINE_INCLUDE = re.compile(_INCLUDE, re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def expand_includes(state: StateCore) -> None:
    """Core rule (after ``inline``, before the anchors): splice included files in."""
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "paragraph_open" and tokens[index + 1].type == "inline":
            lines = tokens[index + 1].content.strip().split("\n")
            matches = [_BLOCK_INCLUDE.match(line.strip()) for line in lines]
            if all(matches):
                for match in matches:
                    assert match is not None
                    out.extend(_block_tokens(state, match, token))
                index += 3
                continue
        if token.type == "inline" and _has_include_text(token):
            _expand_inline(state, token)
        out.append(token)
        index += 1
    state.tokens = out


def _has_include_text(inline: Token) -> bool:
    """An include directive in the text itself (not only inside a code span)."""
    texts = (c.content for c in inline.children or [] if c.type == "text")
    return any("[!INCLUDE" in text.upper() for text in texts)


def _block_tokens(state: StateCore, match: re.Match[str], paragraph: Token) -> list[Token]:
    included = _read_included(state, match, paragraph)
    if isinstance(included, str):
        return [html_token(included, paragraph.level)]
    target, body, sub_env = included
    tokens = state.md.parse(body, sub_env)
    for token in tokens:
        token.level += paragraph.level
        token.map = paragraph.map  # reported lines: the directive's line in this file
        for child in token.children or []:
            _rebase(child, target, str(state.env["src_path"]))
    return tokens


def _expand_inline(state: StateCore, inline: Token) -> None:
    def replace(match: re.Match[str]) -> str:
        included = _read_included(state, match, inline)
        if isinstance(included, str):
            return included.strip()
        return " ".join(included[1].split())

    inline.content = _INLINE_INCLUDE.sub(replace, inline.content)
    inline.children = []
    state.md.inline.parse(inline.content, state.md, state.env, inline.children)


def _read_included(
    state: StateCore, match: re.Match[str], directive: Token
) -> tuple[str, str, dict[str, Any]] | str:
    """(included path, its Markdown body, the env to parse it in), or placeholder HTML."""
    env = state.env
    report: TranslationReport = env["report"]
    line = env["first_line"] + directive.map[0] if directive.map else None
    src_path = str(env["src_path"])
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_path), match["path"]))
    stack: tuple[str, ...] = env.get("include_stack", (src_path,))
    read_file: ReadFile | None = env.get("read_file")
    data = read_file(target) if read_file and target not in stack else None
    if data is None:
        why = "includes itself" if target in stack else "is not in docs/"
        report.warn("include", line, f"included file {target} {why}; shown as a note instead")
        title = html.escape(match["title"] or target)
        return f'<p class="{MISSING_INCLUDE_CLASS}">Included text not available: {title}</p>\n'
    sub_report = TranslationReport(target)
    front = split_front_matter(decode_source(data, sub_report), sub_report)
    body = remove_table_debris(front.body, sub_report, front.body_line)
    env.setdefault("included", set()).add(target)
    sub_env = {
        **env,
        "report": sub_report,
        "first_line": front.body_line,
        "src_path": target,
        "include_stack": (*stack, target),
        "inside_include": True,
    }
    report.add("include", line, f"included {target}")
    for decision in sub_report.decisions:
        where = f"{target}:{decision.line}" if decision.line else target
        report.add(decision.kind, line, f"in {where}: {decision.message}", decision.level)
    sub_env["report"] = _Forward(report, target, line)
    return target, body, sub_env


class _Forward(TranslationReport):
    """A report that files every decision in the including article's report."""

    def __init__(self, host: TranslationReport, target: str, line: int | None) -> None:
        super().__init__(target)
        self._host, self._line = host, line

    def add(self, kind: str, line: int | None, message: str, level: Level = "info") -> None:
        where = f"{self.path}:{line}" if line else self.path
        self._host.add(kind, self._line, f"in {where}: {message}", level)


def _rebase(token: Token, included: str, host: str) -> None:
    """A relative link or image of the included file, made relative to the host article."""
    attr = "href" if token.type == "link_open" else "src" if token.type == "image" else None
    if attr is None:
        return
    value = str(token.attrGet(attr) or "")
    if not value or value.startswith(("#", "/")) or _SCHEME.match(value):
        return
    parts = urlsplit(value)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(included), parts.path))
    rebased = posixpath.relpath(target, posixpath.dirname(host) or ".")
    token.attrSet(attr, urlunsplit(("", "", rebased, parts.query, parts.fragment)))
