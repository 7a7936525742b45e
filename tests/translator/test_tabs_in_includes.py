"""A tab group in an included file is rewritten once, in the including article's pass.

DocFX reads an included file's blocks as if they were written where the include is
(dotnet/docfx docs/docs/markdown.md, "Include Markdown files"), so its tab groups are
numbered with the article's groups (each group's radio inputs need their own name) and
reported at the include's line.
"""

from __future__ import annotations

from translator import SiteIndex, parse_article, render_article

from .fixture_site import ARTICLE, FILES, OTHER_PAGES, SETTINGS
from .test_fixtures import normalize, report_lines

INCLUDED = {
    "area/includes/tabs.md": (
        b"# [Linux](#tab/linux)\n\nIncluded Linux.\n\n"
        b"# [Windows](#tab/windows)\n\nIncluded Windows.\n\n---\n"
    ),
}
SOURCE = (
    "# [Linux](#tab/linux)\n\nArticle Linux.\n\n---\n\n"
    "[!INCLUDE [tabs](../includes/tabs.md)]\n"
)
EXPECTED_HTML = """\
<div class="tabbed-set tabbed-alternate" data-tabs="1:1"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" /><div class="tabbed-labels"><label for="__tabbed_1_1">Linux</label></div>
<div class="tabbed-content">
<div class="tabbed-block">
<p>Article Linux.</p>
</div>
</div>
</div>
<div class="tabbed-set tabbed-alternate" data-tabs="2:2"><input checked="checked" id="__tabbed_2_1" name="__tabbed_2" type="radio" /><input id="__tabbed_2_2" name="__tabbed_2" type="radio" /><div class="tabbed-labels"><label for="__tabbed_2_1">Linux</label><label for="__tabbed_2_2">Windows</label></div>
<div class="tabbed-content">
<div class="tabbed-block">
<p>Included Linux.</p>
</div>
<div class="tabbed-block">
<p>Included Windows.</p>
</div>
</div>
</div>
"""  # noqa: E501 (one line of HTML per block, as the page has it)


def test_an_included_tab_group_is_numbered_after_the_articles_and_reported_at_the_include() -> None:
    parsed = parse_article(ARTICLE, SOURCE.encode("utf-8"), INCLUDED.get)
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES, not_pages=list(INCLUDED))
    result = render_article(parsed, index, SETTINGS)
    assert normalize(result.html) == normalize(EXPECTED_HTML)
    assert report_lines(result) == [
        "tabs:1 info: tab group (linux) -> content tabs",
        "include:7 info: included area/includes/tabs.md",
        "tabs:7 info: tab group (linux, windows) -> content tabs",
    ]
