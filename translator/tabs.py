"""DocFX tab groups -> Material's content tabs (the markup of ``pymdownx.tabbed``).

DocFX syntax (dotnet/docfx docs/docs/markdown.md, "Tabs"; its reader is
``src/Docfx.MarkdigEngine.Extensions/TabGroup/TabGroupAggregator.cs``):

    # [Linux](#tab/linux)

    Content for Linux...

    # [Windows](#tab/windows)

    Content for Windows...

    ---

- a tab starts at a heading (any level) whose only content is a link to ``#tab/<id>``
  (``id``: letters, digits, ``-``, several joined by ``+``), optionally ``#tab/<id>/<cond>``
  (a dependent tab, shown when the tab ``<cond>`` is chosen elsewhere);
- its content is every block after it in the same container (other headings too) up to the
  next tab heading, a ``---`` line (which closes the group and is dropped) or the end of the
  container (quote, list item, document);
- a group inside a quote or list item in a tab's content is a group too (DocFX's
  ``MarkdownDocumentAggregatorVisitor`` hands every container's blocks to the aggregator);
- "the ID is used to sync all same-ID tabs across the page".

Rendered as ``pymdownx.tabbed`` with ``alternate_style: true`` renders ``=== "Title"``
blocks (a ``div.tabbed-set`` with radio inputs, labels and ``div.tabbed-block``s), which
Material styles and scripts. Material links tabs (feature ``content.tabs.link`` in
mkdocs.yml) by their *title*, not by id, and across the site, not only the page: tabs
sharing an id but titled differently do not switch together, which is reported. Dependent
tabs have no equivalent: each variant is shown inside its tab under the title of the tab
it depends on, and reported. A heading linking ``#tab/...`` that DocFX does not read as a
tab (an id with other characters) stays a heading and is warned about.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .report import TranslationReport, source_line
from .tokens import html_token

__all__ = ["CONDITION_CLASS", "rewrite_tabs"]

CONDITION_CLASS = "docfx-tab-condition"
_TAB_HREF = re.compile(
    r"^#tab/(?P<id>[a-zA-Z0-9-]+(?:\+[a-zA-Z0-9-]+)*)(?:/(?P<condition>[a-zA-Z0-9-]+)?)?$"
)


@dataclass
class _Tab:
    id: str
    title: str  # label HTML
    variants: list[tuple[str, list[Token]]] = field(default_factory=list)  # (condition, blocks)


def rewrite_tabs(state: StateCore) -> None:
    """Core rule (after the includes, before the anchors): tab groups -> content tabs."""
    if state.env.get("inside_include"):
        return  # done once the included blocks sit in the article
    report: TranslationReport = state.env["report"]
    titles: dict[str, dict[str, int]] = {}  # tab id -> label text -> line
    state.env["tab_titles"] = _page_tab_titles(state, state.tokens)
    state.tokens = _rewrite_groups(state, state.tokens, titles)
    _report_unlinked(titles, report)


def _rewrite_groups(
    state: StateCore, tokens: list[Token], titles: dict[str, dict[str, int]]
) -> list[Token]:
    """`tokens` with each tab group made content tabs, the groups inside a tab's content too
    (DocFX's aggregator visits every container: a group in a quote or list in a tab is one)."""
    report: TranslationReport = state.env["report"]
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        if _tab_href(state, tokens, index) is None:
            out.append(tokens[index])
            index += 1
            continue
        map_, level = tokens[index].map, tokens[index].level
        line = source_line(state.env["first_line"], map_)
        tabs, index = _read_group(state, tokens, index)
        number = state.env["tab_sets"] = state.env.get("tab_sets", 0) + 1
        for tab in tabs:
            titles.setdefault(tab.id, {}).setdefault(_plain(tab.title), line or 0)
        report.add("tabs", line, f"tab group ({', '.join(t.id for t in tabs)}) -> content tabs")
        _report_conditions(tabs, report, line)
        for tab in tabs:
            tab.variants = [(condition, _rewrite_groups(state, blocks, titles))
                            for condition, blocks in tab.variants]
        out += _group_tokens(state, tabs, number, level)
    return out


def _tab_href(state: StateCore, tokens: list[Token], index: int) -> re.Match[str] | None:
    """The ``#tab/...`` match when tokens[index] opens a tab heading."""
    if tokens[index].type != "heading_open" or index + 1 >= len(tokens):
        return None
    children = tokens[index + 1].children or []
    if len(children) < 2 or children[0].type != "link_open" or children[-1].type != "link_close":
        return None
    if any(c.type == "link_open" for c in children[1:]):
        return None
    href = str(children[0].attrGet("href") or "")
    match = _TAB_HREF.match(href)
    map_ = tokens[index].map
    if match is None and href.startswith("#tab/") and map_:
        line = state.env["first_line"] + map_[0]
        explained: set[int] = state.env.setdefault("explained_lines", set())
        if line not in explained:
            explained.add(line)
            state.env["report"].warn(
                "tabs", line, f"'{href}' is not a tab id DocFX reads (letters, digits, '-', "
                "joined by '+'); kept as a heading")
    return match


def _read_group(state: StateCore, tokens: list[Token], index: int) -> tuple[list[_Tab], int]:
    """The tabs from the heading at `index`; and the index after the group."""
    level = tokens[index].level
    tabs: list[_Tab] = []
    while index < len(tokens):
        match = _tab_href(state, tokens, index)
        if match is None:
            break
        children = tokens[index + 1].children or []
        title = _render_inline(state, children[1:-1])
        index += 3  # heading_open, inline, heading_close
        start = index
        while index < len(tokens) and tokens[index].level >= level:
            token = tokens[index]
            if token.level == level and (token.type == "hr" or (
                    token.type == "heading_open" and _TAB_HREF.match(_link_of(tokens, index)))):
                break
            index += 1
        tab = next((t for t in tabs if t.id == match["id"]), None)
        if tab is None:
            tab = _Tab(match["id"], title)
            tabs.append(tab)
        tab.variants.append((match["condition"] or "", tokens[start:index]))
        if index < len(tokens) and tokens[index].type == "hr" and tokens[index].level == level:
            return tabs, index + 1
        if index >= len(tokens) or tokens[index].level < level:
            break
    return tabs, index


def _page_tab_titles(state: StateCore, tokens: list[Token]) -> dict[str, str]:
    """Tab id -> the title of its first tab on the page (dependent tabs name them)."""
    titles: dict[str, str] = {}
    for index, token in enumerate(tokens):
        match = _TAB_HREF.match(_link_of(tokens, index)) if token.type == "heading_open" else None
        if match is not None:
            children = (tokens[index + 1].children or [])[1:-1]
            titles.setdefault(match["id"], _render_inline(state, children))
    return titles


def _render_inline(state: StateCore, children: list[Token]) -> str:
    renderer = state.md.renderer
    assert isinstance(renderer, RendererHTML)  # docfx_markdown's renderer
    return renderer.renderInline(children, state.md.options, state.env)


def _link_of(tokens: list[Token], index: int) -> str:
    """The href of the heading at `index` when one link is all it holds (DocFX's
    ``ParseHeading``: the heading's first inline is a link with nothing after it), else ""."""
    children = tokens[index + 1].children or [] if index + 1 < len(tokens) else []
    if len(children) >= 2 and children[0].type == "link_open" and (
            children[-1].type == "link_close") and not any(
            c.type == "link_open" for c in children[1:]):
        return str(children[0].attrGet("href") or "")
    return ""


def _group_tokens(state: StateCore, tabs: list[_Tab], number: int, level: int) -> list[Token]:
    checked = 'checked="checked" '
    inputs = "".join(
        f'<input {checked if n == 1 else ""}id="__tabbed_{number}_{n}" '
        f'name="__tabbed_{number}" type="radio" />'
        for n in range(1, len(tabs) + 1))
    labels = "".join(f'<label for="__tabbed_{number}_{n}">{tab.title}</label>'
                     for n, tab in enumerate(tabs, start=1))
    out = [html_token(
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{number}:{len(tabs)}">{inputs}'
        f'<div class="tabbed-labels">{labels}</div>\n<div class="tabbed-content">\n', level)]
    titles = {**state.env["tab_titles"], **{tab.id: tab.title for tab in tabs}}
    for tab in tabs:
        out.append(html_token('<div class="tabbed-block">\n', level))
        for condition, blocks in tab.variants:
            if condition:
                shown = titles.get(condition, html.escape(condition))
                out.append(html_token(f'<p class="{CONDITION_CLASS}">{shown}</p>\n', level))
            out += blocks
        out.append(html_token("</div>\n", level))
    out.append(html_token("</div>\n</div>\n", level))
    return out


def _report_conditions(tabs: list[_Tab], report: TranslationReport, line: int | None) -> None:
    for tab in tabs:
        conditions = [c for c, _ in tab.variants if c]
        if conditions:
            report.add("tabs", line, f"dependent tab '{tab.id}' ({', '.join(conditions)}): "
                       "Material has no dependent tabs; each variant is shown in the tab, "
                       "headed by the tab it depends on")


def _report_unlinked(titles: dict[str, dict[str, int]], report: TranslationReport) -> None:
    for tab_id, by_title in titles.items():
        if len(by_title) > 1:
            names = ", ".join(f"'{t}'" for t in by_title)
            report.add("tabs", min(by_title.values()) or None,
                       f"tabs with id '{tab_id}' are titled {names}: Material links tabs by "
                       "title, so they do not switch together as DocFX's do")


def _plain(label_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", label_html)).strip()
