"""DocFX includes: another file's Markdown, read in place.

DocFX syntax (docs/docs/markdown.md in dotnet/docfx, "Include Markdown Files";
https://learn.microsoft.com/contribute/content/markdown-reference#includes; the directive's
reading is in `include_directive`):

    [!INCLUDE [Prerequisites](../includes/connector-prerequisites.md)]      <- a block
    Connectors need [!INCLUDE [the plan](../includes/plan-name.md)] or later.  <- inline

The path is relative to the file holding the directive; ``~/`` starts at the docset root
(the folder of docfx.json). A block include is parsed like the rest of the article (its
alerts, tables, includes...) and its blocks take the directive's place; relative links and
images in it are rebased so they still point where the included file meant. An inline
include puts the included text in the sentence. What the included file reports is reported
on the directive's line, naming the included file and its own line. A missing file, or an
include cycle (reported with its chain of files and lines), becomes a visible note (a
``<span>`` inside a sentence, so the paragraph stays valid HTML) and a warning.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from markdown_it.rules_core import StateCore, text_join
from markdown_it.token import Token

from .docfx_paths import docs_path, rebase_written
from .front_matter import split_front_matter
from .report import Level, TranslationReport, source_line
from .source_text import decode_source
from .table_repair import remove_table_debris
from .tokens import html_token, leaf_token

__all__ = ["MISSING_INCLUDE_CLASS", "WRITTEN_IN", "ReadFile", "expand_includes",
           "include_target"]

ReadFile = Callable[[str], "bytes | None"]  # docs-relative path -> content, None if absent
MISSING_INCLUDE_CLASS = "docfx-missing-include"
WRITTEN_IN = "written_in"  # token meta: "file:line" of a link or image an include brought in
_INLINE_TYPES = ("docfx_include", "docfx_escaped_include")


def expand_includes(state: StateCore) -> None:
    """Core rule (after ``inline``, before the anchors): splice included files in."""
    out: list[Token] = []
    for token in state.tokens:
        if token.type == "docfx_include":
            out.extend(_block_tokens(state, token))
            continue
        if token.type == "inline" and any(c.type in _INLINE_TYPES for c in token.children or []):
            token.children = _inline_children(state, token)
        out.append(token)
    state.tokens = out


def include_target(src_path: str, path: str, docset_root: str = "") -> str:
    """The docs-relative file a directive in `src_path` names (``~/``: the docset root;
    percent-encoding decoded, see `docfx_paths`)."""
    return docs_path(path, src_path, docset_root)


def _block_tokens(state: StateCore, directive: Token) -> list[Token]:
    included = _read_included(state, directive, directive.map)
    if isinstance(included, str):
        return [html_token(f'<p class="{MISSING_INCLUDE_CLASS}">{included}</p>\n',
                           directive.level)]
    target, body, sub_env = included
    tokens = _parsed(state, body, sub_env, inline=False)
    for token in tokens:
        token.level += directive.level
        written = _written_in(target, sub_env, token.map)
        token.map = directive.map  # reported lines: the directive's line in this file
        for child in token.children or []:
            _rebase(child, target, str(state.env["src_path"]), written)
    return tokens


def _parsed(state: StateCore, body: str, sub_env: dict[str, Any], *, inline: bool) -> list[Token]:
    """The included Markdown's tokens (`inline`: one inline token, as ``parseInline``), their
    text not yet joined: markdown-it's last core rule, ``text_join``, runs once over the
    article, so its other rules see an escaped ``\\[!NOTE]`` or ``\\[!INCLUDE ...]`` of an
    included file as they see the article's own (text apart, not a marker to report)."""
    sub = StateCore(body, state.md, sub_env)
    sub.inlineMode = inline
    for rule in state.md.core.ruler.getRules(""):
        if rule is not text_join:
            rule(sub)
    return sub.tokens


def _written_in(target: str, sub_env: dict[str, Any], map_: list[int] | None) -> str:
    """``file:line`` of text in an included file (for reports about its links)."""
    return f"{target}:{sub_env['first_line'] + map_[0]}" if map_ else target


def _inline_children(state: StateCore, inline: Token) -> list[Token]:
    children: list[Token] = []
    grown = 0  # how much longer the paragraph's text is for the includes spliced in so far
    for child in inline.children or []:
        if child.type not in _INLINE_TYPES:
            children.append(child)
            continue
        where = [inline.map[0] + int(child.meta["offset"]), 0] if inline.map else None
        if child.type == "docfx_escaped_include":
            children.append(_escaped_text(state, child, where))
            continue
        included = _read_included(state, child, where)
        if isinstance(included, str):
            children.append(html_token(
                f'<span class="{MISSING_INCLUDE_CLASS}">{included}</span>', child.level,
                block=False))
            continue
        target, body, sub_env = included
        text = " ".join(body.split())
        # the paragraph's source text reads as the page does (a heading's title, say): this
        # directive, not the same text earlier in a code span, is replaced
        start = int(child.meta["start"]) + grown
        inline.content = (inline.content[:start] + text
                          + inline.content[start + len(child.content) :])
        grown += len(text) - len(child.content)
        (parsed,) = _parsed(state, text, sub_env, inline=True)
        for grandchild in parsed.children or []:
            _rebase(grandchild, target, str(state.env["src_path"]),
                    _written_in(target, sub_env, [0, 1]))
            children.append(grandchild)
    return children


def _escaped_text(state: StateCore, escaped: Token, where: list[int] | None) -> Token:
    """An escaped directive: its text as written (without the backslash), reported (in an
    included file: on the including directive's line, naming the file and its line)."""
    state.env["report"].add(
        "include", source_line(state.env["first_line"], where),
        "escaped include directive kept as text, its [title](path) not made a link",
    )
    # joined into the text later; not a marker to report
    return leaf_token("text_special", escaped.content)


def _read_included(
    state: StateCore, directive: Token, where: list[int] | None
) -> tuple[str, str, dict[str, Any]] | str:
    """(included path, its Markdown body, the env to parse it in), or the placeholder text."""
    env = state.env
    report: TranslationReport = env["report"]
    line = source_line(env["first_line"], where)
    src_path = str(env["src_path"])
    target = include_target(src_path, str(directive.meta["path"]), env["docset_root"])
    # the files including this one, each with the line of its directive
    stack: tuple[tuple[str, int | None], ...] = env.get("include_stack", ())
    read_file: ReadFile | None = env.get("read_file")
    in_cycle = target == src_path or any(path == target for path, _ in stack)
    data = read_file(target) if read_file and not in_cycle else None
    title = str(directive.meta["title"])
    if data is None:
        if in_cycle:
            chain = " -> ".join(
                [*(f"{p}:{n}" for p, n in stack), f"{src_path}:{line}", target])
            why = f"include cycle {chain}; not read again, a note is shown instead"
        else:
            why = f"included file {target} is not in docs/; shown as a note instead"
        report.warn("include", line, why)
        named = f": {html.escape(title)}" if title else ""
        return f"Included text not available{named}"
    sub_report = TranslationReport(target)
    front = split_front_matter(decode_source(data, sub_report), sub_report)
    body = remove_table_debris(front.body, sub_report, front.body_line)
    env["included"].add(target)
    sub_env = {
        **env,
        "report": sub_report,
        "first_line": front.body_line,
        "src_path": target,
        "include_stack": (*stack, (src_path, line)),
        "inside_include": True,
        # lines already warned with a reason: numbers of the included file, not the article's
        "explained_lines": set(),
    }
    report.add("include", line, f"included {target}")
    for decision in sub_report.decisions:
        where_in = f"{target}:{decision.line}" if decision.line else target
        report.add(decision.kind, line, f"in {where_in}: {decision.message}", decision.level)
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


def _rebase(token: Token, included: str, host: str, written_in: str) -> None:
    """A relative link or image of the included file, made relative to the host article
    (DocFX reads it relative to the file that holds it); where it was written is kept in
    ``meta["written_in"]`` (the innermost file, for nested includes) for the reports."""
    attr = "href" if token.type == "link_open" else "src" if token.type == "image" else None
    if attr is None:
        return
    token.meta = {**(token.meta or {})}
    token.meta.setdefault(WRITTEN_IN, written_in)
    token.attrSet(attr, rebase_written(str(token.attrGet(attr) or ""), included, host))
