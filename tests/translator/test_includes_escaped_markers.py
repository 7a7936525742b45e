"""Escaped DocFX markers in an included file read as they do in the article itself.

DocFX (docs/docs/markdown.md in dotnet/docfx, "Include Markdown Files") parses an included
file as Markdown of its own: a backslash before ``[`` makes ``\\[!NOTE]`` or
``\\[!INCLUDE [x](y.md)]`` literal text there as anywhere (CommonMark, "Backslash escapes").
The page shows the text without the backslash; the report says, on the including
directive's line and naming the included file and its line, that an escaped include was
kept as text, and warns of no unsupported syntax (an escaped marker is none).
"""

from __future__ import annotations

from .site_with_files import translate_with

ESCAPED = {
    "area/includes/escaped-include.md": b"Write \\[!INCLUDE [x](y.md)] to include.\n",
    "area/includes/escaped-note.md": b"Intro.\n\nWrite \\[!NOTE] for a note.\n",
}


def test_an_escaped_include_in_a_block_include_is_text_and_reported_with_its_file() -> None:
    html, report = translate_with(
        "# Escapes\n\n[!INCLUDE [e](../includes/escaped-include.md)]\n", ESCAPED)
    assert html.splitlines()[1:] == ["<p>Write [!INCLUDE [x](y.md)] to include.</p>"]
    assert report == [
        "include:3 info: included area/includes/escaped-include.md",
        "include:3 info: in area/includes/escaped-include.md:1: escaped include directive "
        "kept as text, its [title](path) not made a link",
    ]


def test_an_escaped_include_in_an_inline_include_is_text_and_reported_with_its_file() -> None:
    html, report = translate_with(
        "Text:\n[!INCLUDE [e](../includes/escaped-include.md)] here.\n", ESCAPED)
    assert html == "<p>Text:\nWrite [!INCLUDE [x](y.md)] to include. here.</p>\n"
    assert report == [
        "include:2 info: included area/includes/escaped-include.md",
        "include:2 info: in area/includes/escaped-include.md:1: escaped include directive "
        "kept as text, its [title](path) not made a link",
    ]


def test_an_escaped_alert_marker_in_an_included_file_is_text_not_unknown_syntax() -> None:
    html, report = translate_with(
        "[!INCLUDE [e](../includes/escaped-note.md)]\n\nWrite \\[!TIP] here.\n", ESCAPED)
    assert html == "<p>Intro.</p>\n<p>Write [!NOTE] for a note.</p>\n<p>Write [!TIP] here.</p>\n"
    assert report == ["include:1 info: included area/includes/escaped-note.md"]


def test_an_escaped_include_is_reported_on_its_own_line_of_a_paragraph() -> None:
    html, report = translate_with(
        "# Escapes\n\nWrite\n\\[!INCLUDE [x](y.md)] to\ninclude.\n", {})
    assert html.splitlines()[1:] == ["<p>Write", "[!INCLUDE [x](y.md)] to", "include.</p>"]
    assert report == ["include:4 info: escaped include directive kept as text, its "
                      "[title](path) not made a link"]
