"""Tab groups in included files end where DocFX ends them, wherever the include stands.

DocFX (dotnet/docfx docs/docs/markdown.md, "Tabs" and "Include Markdown Files"): a block
include's blocks take the directive's place, inside the quote or list holding it; a tab's
content runs to the next tab heading, a ``---`` line of the group's own container, or the
end of that container. A ``---`` inside a quote in a tab does not close the group, and a
group in a quoted include ends with the quote.
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES = {
    "area/includes/os-tabs.md": (
        b"# [Linux](#tab/linux)\n\n> Quoted.\n>\n> ---\n\nMore Linux.\n\n"
        b"# [Windows](#tab/windows)\n\nWindows.\n\n---\n\nAfter the tabs.\n"
    ),
    "area/includes/open-tabs.md": (
        b"# [Linux](#tab/linux)\n\nLinux.\n\n# [Windows](#tab/windows)\n\nWindows.\n"
    ),
}


def tab_set(number: int, linux: str, windows: str) -> str:
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{number}:2"><input '
        f'checked="checked" id="__tabbed_{number}_1" name="__tabbed_{number}" type="radio" />'
        f'<input id="__tabbed_{number}_2" name="__tabbed_{number}" type="radio" />'
        f'<div class="tabbed-labels"><label for="__tabbed_{number}_1">Linux</label>'
        f'<label for="__tabbed_{number}_2">Windows</label></div>\n'
        f'<div class="tabbed-content">\n<div class="tabbed-block">\n{linux}</div>\n'
        f'<div class="tabbed-block">\n{windows}</div>\n</div>\n</div>\n'
    )


def test_a_rule_inside_a_quote_of_an_included_tab_does_not_close_the_group() -> None:
    html, report = translate_with("[!INCLUDE [t](../includes/os-tabs.md)]\n", FILES)
    assert html == tab_set(
        1, "<blockquote>\n<p>Quoted.</p>\n<hr />\n</blockquote>\n<p>More Linux.</p>\n",
        "<p>Windows.</p>\n") + "<p>After the tabs.</p>\n"
    assert report == ["include:1 info: included area/includes/os-tabs.md",
                      "tabs:1 info: tab group (linux, windows) -> content tabs"]


def test_a_group_included_in_a_quote_ends_with_the_quote() -> None:
    html, report = translate_with("> [!INCLUDE [t](../includes/open-tabs.md)]\n\nEnd.\n", FILES)
    assert html == ("<blockquote>\n" + tab_set(1, "<p>Linux.</p>\n", "<p>Windows.</p>\n")
                    + "</blockquote>\n<p>End.</p>\n")
    assert report == ["include:1 info: included area/includes/open-tabs.md",
                      "tabs:1 info: tab group (linux, windows) -> content tabs"]


def test_a_missing_include_in_a_tab_is_a_note_inside_that_tab() -> None:
    html, report = translate_with(
        "# [Linux](#tab/linux)\n\n[!INCLUDE [gone](../includes/absent.md)]\n\n"
        "# [Windows](#tab/windows)\n\nWindows.\n\n---\n\nAfter.\n", FILES)
    assert html == tab_set(
        1, '<p class="docfx-missing-include">Included text not available: gone</p>\n',
        "<p>Windows.</p>\n") + "<p>After.</p>\n"
    assert report == [
        "tabs:1 info: tab group (linux, windows) -> content tabs",
        "include:3 warning: included file area/includes/absent.md is not in docs/; shown as a "
        "note instead",
    ]
