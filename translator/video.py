"""DocFX video embeds -> a link to the video (the site loads nothing from other hosts).

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#videos):

    > [!VIDEO https://learn-video.azurefd.net/vod/player?id=1234]

also written without the ``>``, and DocFX's directive form, in a sentence or on its own line
(dotnet/docfx ``TripleColon/VideoExtension.cs``; attributes in any order, read by
`directive_attributes`; ``source`` required, else DocFX keeps it as text with an error):

    :::video source="https://learn-video.azurefd.net/vod/player?id=1234" title="Connectors":::

DocFX embeds a player in an iframe; an offline intranet copy must not, so the marker
becomes a link to the video's address (named by its ``title`` when it has one).
"""

from __future__ import annotations

import html
import re

from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .blockquote_markers import closing_index
from .directive_attributes import read_attributes, unknown_names
from .image_directive import DIRECTIVE_REPORTS, invalid_directive
from .report import TranslationReport, source_line
from .tokens import SPANNED_LINES, html_token

__all__ = ["VIDEO_CLASS", "rewrite_videos", "video_directive"]

VIDEO_CLASS = "docfx-video"
_VIDEO = re.compile(r"^\[!VIDEO[ \t]+(?P<url>[^\s\]]+)[ \t]*\]$", re.I)
_DIRECTIVE = re.compile(r":::video(?=[\s:])", re.I)
_KNOWN = ("title", "max-width", "source", "thumbnail", "upload-date", "duration", "type")


def rewrite_videos(state: StateCore) -> None:
    """Core rule (after ``block``): a paragraph holding only ``[!VIDEO url]``."""
    report: TranslationReport = state.env["report"]
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        span = _video_span(tokens, index)
        if span is None:
            out.append(token)
            index += 1
            continue
        end, match = span
        url = match.group("url")
        line = source_line(state.env["first_line"], token.map)
        report.add("video", line, f"video {url} -> a link (no embedded player offline)")
        out.append(html_token(_video_link(url), token.level))
        index = end + 1
    state.tokens = out


def _video_span(tokens: list[Token], index: int) -> tuple[int, re.Match[str]] | None:
    """(index of the last token to replace, the marker) for a video paragraph or quote."""
    token = tokens[index]
    if token.type == "paragraph_open" and tokens[index + 1].type == "inline":
        match = _VIDEO.match(tokens[index + 1].content.strip())
        return (index + 2, match) if match else None
    if token.type == "blockquote_open":
        end = closing_index(tokens, index)
        inner = tokens[index + 1 : end]
        if len(inner) == 3 and inner[0].type == "paragraph_open":
            match = _VIDEO.match(inner[1].content.strip())
            return (end, match) if match else None
    return None


def video_directive(state: StateInline, silent: bool) -> bool:
    """Inline rule at ``:``: ``:::video source="..." ...:::``."""
    opening = _DIRECTIVE.match(state.src, state.pos)
    if opening is None:
        return False
    close = state.src.find(":::", opening.end())
    if close == -1:
        return False
    attributes = read_attributes(state.src[opening.end() : close])
    problem = attributes.error or (None if attributes.get("source") else
                                   "it has no source=\"...\"")
    if silent:
        state.pos = close + 3
        return True
    if problem is not None:
        invalid_directive(state, close + 3, f"':::video' not read as a video: {problem}")
        return True
    url = attributes.get("source")
    token = state.push("html_inline", "", 0)
    token.content = _link(url, attributes.get("title"))
    reports = [("info", "video", f"video {url} -> a link (no embedded player offline)")]
    unknown = unknown_names(attributes, _KNOWN)
    if unknown:
        reports.append(("warning", "video", f"':::video' with attribute(s) {', '.join(unknown)}"
                        " that DocFX does not accept (it keeps the directive as text); "
                        "shown as a link"))
    token.meta = {"offset": state.src[: state.pos].count("\n"), DIRECTIVE_REPORTS: reports,
                  SPANNED_LINES: state.src[state.pos : close].count("\n")}
    state.pos = close + 3
    return True


def _link(url: str, title: str = "") -> str:
    href = html.escape(url)
    name = f"Watch the video: {html.escape(title)}" if title else "Watch the video"
    return (f'<a class="docfx-external {VIDEO_CLASS}" href="{href}">{name}</a> '
            f"({html.escape(url)})")


def _video_link(url: str) -> str:
    href = html.escape(url)
    return (
        f'<p class="{VIDEO_CLASS}"><a class="docfx-external" href="{href}">'
        f"Watch the video</a> ({html.escape(url)})</p>\n"
    )
