"""DocFX video embeds -> a link to the video (the site loads nothing from other hosts).

DocFX syntax (https://learn.microsoft.com/contribute/content/markdown-reference#videos):

    > [!VIDEO https://learn-video.azurefd.net/vod/player?id=1234]

also written without the ``>``. DocFX embeds a player in an iframe; an offline intranet copy
must not, so the marker becomes a paragraph with a link to the video's address.
"""

from __future__ import annotations

import html
import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blockquote_markers import closing_index, html_token
from .report import TranslationReport

__all__ = ["VIDEO_CLASS", "rewrite_videos"]

VIDEO_CLASS = "docfx-video"
_VIDEO = re.compile(r"^\[!VIDEO[ \t]+(?P<url>[^\s\]]+)[ \t]*\]$", re.I)


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
        line = state.env["first_line"] + token.map[0] if token.map else None
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


def _video_link(url: str) -> str:
    href = html.escape(url, quote=True)
    return (
        f'<p class="{VIDEO_CLASS}"><a class="docfx-external" href="{href}">'
        f"Watch the video</a> ({html.escape(url)})</p>\n"
    )
