"""Images: a file in docs/ is linked; a missing one is replaced or shown as a placeholder.

    ![Alt text](../../media/picture.png)

If the file is absent and ``image_replacements`` (in mkdocs.yml) names a drawing of ours for
that file name, the drawing is used. Otherwise the image becomes a visible placeholder that
carries the alt text, never a broken image; with no alt text it names nothing (a file or
folder name means nothing to a reader; the build report names the file). An image with no
source at all is a warning.

    ![A demo](https://contoso.example/demo.mp4)      ![A demo](media/demo.webm)

An image whose source is a video file (.mp4, .webm, .ogg) is a video in DocFX (Markdig's
MediaLinks extension). Offline, as `[!VIDEO]` is, it becomes a link to the video with its
alt text; a local file is linked on the site, a missing one reported.
"""

from __future__ import annotations

import html
import posixpath
from urllib.parse import urlsplit

from markdown_it.token import Token

from .article_context import ArticleContext
from .includes import WRITTEN_IN
from .tokens import leaf_token

__all__ = ["MISSING_IMAGE_CLASS", "replace_images"]

MISSING_IMAGE_CLASS = "docfx-missing-image"


def replace_images(tokens: list[Token], ctx: ArticleContext) -> None:
    for token in tokens:
        if token.type == "inline" and token.children:
            line = ctx.line_of(token.map)
            token.children = [_replace(child, ctx, line) for child in token.children]


def _replace(token: Token, ctx: ArticleContext, line: int | None) -> Token:
    if token.type != "image":
        return token
    src = str(token.attrGet("src") or "")
    if not src.strip():
        ctx.report.warn("image", line, "image with no source; shown as a placeholder")
        return _placeholder(token.content)
    if urlsplit(src).path.lower().endswith(_VIDEO_SUFFIXES):
        return _video(token, src, ctx, line)
    if urlsplit(src).scheme or src.startswith("//"):
        return token  # an absolute URL: left as written (the offline test reports it)
    docs_path = ctx.resolve(urlsplit(src).path)
    if docs_path in ctx.index.files:
        token.attrSet("src", ctx.href_to(docs_path))
        return token
    replacement = ctx.settings.image_replacements.get(posixpath.basename(docs_path))
    if replacement and replacement in ctx.index.files:
        token.attrSet("src", ctx.href_to(replacement))
        ctx.report.add("image", line, f"missing image {src} -> our drawing {replacement}")
        return token
    written = (token.meta or {}).get(WRITTEN_IN)  # in an included file: name it
    where = f" (written in {written})" if written else ""
    ctx.report.add(
        "image", line, f"missing image {src}{where}: shown as a placeholder", level="unresolved"
    )
    return _placeholder(token.content)


_VIDEO_SUFFIXES = (".mp4", ".webm", ".ogg")


def _video(token: Token, src: str, ctx: ArticleContext, line: int | None) -> Token:
    href = src
    if not (urlsplit(src).scheme or src.startswith("//")):
        docs_path = ctx.resolve(urlsplit(src).path)
        if docs_path not in ctx.index.files:
            ctx.report.add("image", line, f"missing video {src}: shown as a placeholder",
                           level="unresolved")
            return _placeholder(token.content or "Video")
        href = ctx.href_to(docs_path)
    ctx.report.add("image", line, f"video {src} -> a link to it (offline, as [!VIDEO])")
    name = html.escape(token.content.strip() or "the video")
    return leaf_token("html_inline", f'<a class="docfx-video-link" href="{html.escape(href)}">'
                      f"Watch the video: {name}</a>")


def _placeholder(alt: str) -> Token:
    name = html.escape(alt.strip() or "Image not available")
    text = f"Image not available: {html.escape(alt)}" if alt.strip() else name
    return leaf_token("html_inline", f'<span class="{MISSING_IMAGE_CLASS}" role="img" '
                      f'aria-label="{name}">{text}</span>')
