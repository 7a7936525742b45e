"""DocFX markers nothing translates, in an included file: reported once, by the included
file's own reading, on the directive's line, naming the included file and the marker's own
line there (as every other report about an included file is; `translator.includes`).

The included files here are this test's own (the fixture site's have no such markers).
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES_HERE = {
    # the marker on the paragraph's second line: line 2 of the file
    "area/includes/two-lines.md": (
        b"Intro line.\nPress :::button text=\"Go\"::: or [!notebook-x].\n"),
    "area/includes/word.md": b"the [!notebook-x] kind\n",
    "area/includes/icon.md": (
        b"the :::image type=\"icon\" source=\"../../media/present.png\" size=\"big\"::: icon\n"),
    "area/includes/bad-zone.md": b"Zone next.\n\n:::zone pivot=\"\"\n\nText.\n",
    "area/includes/bad-image.md": b"One.\n\nTwo.\n\nThree :::image type=\"content\"::: end.\n",
    "area/includes/outer.md": b"Outer.\n\n[!INCLUDE [inner](two-lines.md)]\n",
}



def _translate(source: str) -> tuple[str, list[str]]:
    return translate_with(source, FILES_HERE)

def test_a_marker_in_an_included_paragraph_is_reported_once_naming_its_file_and_line() -> None:
    html, report = _translate("Before.\n\n[!INCLUDE [two](../includes/two-lines.md)]\n")
    assert html == (
        "<p>Before.</p>\n<p>Intro line.\n"
        "Press :::button text=&quot;Go&quot;::: or [!notebook-x].</p>\n")
    assert report == [
        "include:3 info: included area/includes/two-lines.md",
        "syntax:3 warning: in area/includes/two-lines.md:2: DocFX syntax '[!notebook-x' is not "
        "supported; kept as text",
        "syntax:3 warning: in area/includes/two-lines.md:2: DocFX syntax ':::button' is not "
        "supported; kept as text",
    ]


def test_a_marker_in_an_inline_include_is_reported_once_naming_its_file() -> None:
    html, report = _translate("Use [!INCLUDE [word](../includes/word.md)] here.\n")
    assert html == "<p>Use the [!notebook-x] kind here.</p>\n"
    assert report == [
        "include:1 info: included area/includes/word.md",
        "syntax:1 warning: in area/includes/word.md:1: DocFX syntax '[!notebook-x' is not "
        "supported; kept as text",
    ]


def test_a_marker_an_included_file_explains_is_not_reported_again_as_unknown() -> None:
    html, report = _translate("# Title\n\n[!INCLUDE [zone](../includes/bad-zone.md)]\n")
    assert html.endswith(
        "<p>Zone next.</p>\n<p>:::zone pivot=&quot;&quot;</p>\n<p>Text.</p>\n")
    assert report == [
        "include:3 info: included area/includes/bad-zone.md",
        "section:3 warning: in area/includes/bad-zone.md:3: ':::zone' line not read as a "
        "section: it has neither pivot=\"...\" nor target=\"...\"; DocFX keeps it as text (with "
        "an error), so it stays visible as text",
    ]


def test_an_invalid_directive_in_an_included_file_is_reported_on_its_own_line() -> None:
    html, report = _translate("[!INCLUDE [image](../includes/bad-image.md)]\n")
    assert html == (
        "<p>One.</p>\n<p>Two.</p>\n<p>Three :::image type=&quot;content&quot;::: end.</p>\n")
    assert report == [
        "include:1 info: included area/includes/bad-image.md",
        "syntax:1 warning: in area/includes/bad-image.md:5: ':::image' not read as an image: "
        "it has no source=\"...\"; DocFX keeps it as text (with an error), so it stays visible "
        "as text",
    ]


def test_a_marker_in_a_nested_include_is_reported_once_through_both_files() -> None:
    html, report = _translate("[!INCLUDE [outer](../includes/outer.md)]\n")
    assert html == (
        "<p>Outer.</p>\n<p>Intro line.\n"
        "Press :::button text=&quot;Go&quot;::: or [!notebook-x].</p>\n")
    assert report == [
        "include:1 info: included area/includes/outer.md",
        "include:1 info: in area/includes/outer.md:3: included area/includes/two-lines.md",
        "syntax:1 warning: in area/includes/outer.md:3: in area/includes/two-lines.md:2: DocFX "
        "syntax '[!notebook-x' is not supported; kept as text",
        "syntax:1 warning: in area/includes/outer.md:3: in area/includes/two-lines.md:2: DocFX "
        "syntax ':::button' is not supported; kept as text",
    ]


def test_what_a_directive_in_an_inline_include_reports_is_reported_once_naming_its_file() -> None:
    html, report = _translate("Use [!INCLUDE [icon](../includes/icon.md)] here.\n")
    assert html == (
        '<p>Use the <img src="../../../media/present.png" alt="" /> icon here.</p>\n')
    assert report == [
        "include:1 info: included area/includes/icon.md",
        "syntax:1 warning: in area/includes/icon.md:1: ':::image' with attribute(s) size that "
        "DocFX does not accept (it keeps the directive as text); shown as an image, those ignored",
    ]


def test_the_article_s_own_markers_beside_an_inline_include_are_still_reported() -> None:
    html, report = _translate(
        ":::form [!INCLUDE [word](../includes/word.md)]\n\n"
        "Use [!INCLUDE [word](../includes/word.md)] and :::image type=\"content\"::: here.\n")
    assert html == (
        "<p>:::form the [!notebook-x] kind</p>\n"
        "<p>Use the [!notebook-x] kind and :::image type=&quot;content&quot;::: here.</p>\n")
    assert report == [
        "include:1 info: included area/includes/word.md",
        "syntax:1 warning: in area/includes/word.md:1: DocFX syntax '[!notebook-x' is not "
        "supported; kept as text",
        "syntax:1 warning: DocFX syntax ':::form' is not supported; kept as text",
        "include:3 info: included area/includes/word.md",
        "syntax:3 warning: in area/includes/word.md:1: DocFX syntax '[!notebook-x' is not "
        "supported; kept as text",
        "syntax:3 warning: ':::image' not read as an image: it has no source=\"...\"; DocFX "
        "keeps it as text (with an error), so it stays visible as text",
    ]


def test_a_line_explained_in_the_article_hides_no_warning_on_that_line_of_an_included_file(
) -> None:
    # The article's :::zone on line 1 is warned with a reason; the included file's marker is
    # on ITS line 1: a different line of a different file, so it is warned too.
    _, report = _translate(
        ":::zone pivot=\"\"\n\nText.\n\n[!INCLUDE [word](../includes/word.md)]\n")
    assert report == [
        "section:1 warning: ':::zone' line not read as a section: it has neither pivot=\"...\" "
        "nor target=\"...\"; DocFX keeps it as text (with an error), so it stays visible as text",
        "include:5 info: included area/includes/word.md",
        "syntax:5 warning: in area/includes/word.md:1: DocFX syntax '[!notebook-x' is not "
        "supported; kept as text",
    ]
