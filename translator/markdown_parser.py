"""The CommonMark + GFM-tables reader DocFX's Markdig corresponds to, with our rules added.

Python-Markdown (what MkDocs uses) reads DocFX sources differently (lone ``|`` lines swallow
tables, list content needs 4-space indents), so the source is read with markdown-it-py and
the DocFX constructs are rewritten on its token stream.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt

from .alerts import rewrite_alerts
from .anchors import assign_anchors
from .table_repair import restore_merged_cells

__all__ = ["docfx_markdown"]


@cache
def docfx_markdown() -> MarkdownIt:
    """A shared parser (markdown-it instances are reusable; state lives in `env`)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.core.ruler.after("block", "docfx_merged_cells", restore_merged_cells)
    md.core.ruler.after("docfx_merged_cells", "docfx_alerts", rewrite_alerts)
    md.core.ruler.after("inline", "docfx_anchors", assign_anchors)
    return md
