"""The CommonMark + GFM-tables reader DocFX's Markdig corresponds to, with our rules added.

Python-Markdown (what MkDocs uses) reads DocFX sources differently (lone ``|`` lines swallow
tables, list content needs 4-space indents), so the source is read with markdown-it-py and
the DocFX constructs are rewritten on its token stream, one module per construct.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt

from .alerts import rewrite_alerts, rewrite_cell_alerts
from .anchors import assign_anchors, render_heading_close
from .autolinks import enable_autolinks
from .blockquote_markers import report_text_after_marker, split_marked_blockquote
from .cell_spacing import break_spaced_cells
from .code_directive import code_block
from .code_snippet import code_snippet_block
from .div_blocks import rewrite_div_blocks
from .emoji_shortcodes import render_emoji_shortcodes
from .image_directive import image_directive
from .include_directive import escaped_include, include_block, include_inline
from .includes import expand_includes
from .no_loc import no_loc_directive
from .pipe_table import pipe_table
from .sections import render_section_close, render_section_open, section_block
from .table_repair import restore_merged_cells
from .tabs import rewrite_tabs
from .unknown_syntax import report_unknown_syntax
from .video import rewrite_videos, video_directive
from .xrefs import xref_shorthand

__all__ = ["docfx_markdown"]


@cache
def docfx_markdown() -> MarkdownIt:
    """A shared parser (markdown-it instances are reusable; state lives in `env`)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    enable_autolinks(md)
    # DocFX's Markdig reads pipe tables differently from GFM (see pipe_table)
    md.block.ruler.at("table", pipe_table, {"alt": ["paragraph", "reference"]})
    md.block.ruler.before(
        "fence", "docfx_section", section_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.at(
        "blockquote", split_marked_blockquote,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.before(
        "fence", "docfx_code", code_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.before(
        "table", "docfx_include", include_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.before(
        "table", "docfx_code_snippet", code_snippet_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before("link", "docfx_include", include_inline)
    md.inline.ruler.before("escape", "docfx_escaped_include", escaped_include)
    md.inline.ruler.before("text", "docfx_image", image_directive)
    md.inline.ruler.before("text", "docfx_video", video_directive)
    md.inline.ruler.before("text", "docfx_no_loc", no_loc_directive)
    md.inline.ruler.before("text", "docfx_xref", xref_shorthand)
    md.add_render_rule("heading_close", render_heading_close)
    md.add_render_rule("docfx_section_open", render_section_open)
    md.add_render_rule("docfx_section_close", render_section_close)
    core = md.core.ruler
    core.after("block", "docfx_merged_cells", restore_merged_cells)
    core.after("docfx_merged_cells", "docfx_videos", rewrite_videos)
    core.after("docfx_videos", "docfx_div_blocks", rewrite_div_blocks)
    core.after("docfx_div_blocks", "docfx_alerts", rewrite_alerts)
    core.after("docfx_alerts", "docfx_cell_alerts", rewrite_cell_alerts)
    core.after("docfx_cell_alerts", "docfx_text_after_marker", report_text_after_marker)
    core.after("inline", "docfx_includes", expand_includes)
    core.after("docfx_includes", "docfx_cell_spacing", break_spaced_cells)
    core.after("docfx_cell_spacing", "docfx_emoji", render_emoji_shortcodes)
    core.after("docfx_emoji", "docfx_tabs", rewrite_tabs)
    core.after("docfx_tabs", "docfx_anchors", assign_anchors)
    core.after("docfx_anchors", "docfx_unknown_syntax", report_unknown_syntax)
    return md
