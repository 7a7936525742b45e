"""Every article section the checker links lands, in the built article, on the section
whose title the link shows — including the second section that reuses HowDoConnectors1.
"""

from __future__ import annotations

import html
import re

from engine import load_packaged_model

from ..conftest import Build

_TAG = re.compile(r"<[^>]+>")


def heading_for_anchor(page: str, anchor: str) -> str:
    """The text of the heading an anchor belongs to: the heading carrying the id, or the
    last heading before the legacy `<a name>`/`id` that follows it."""
    position = page.find(f'id="{anchor}"')
    assert position >= 0, f"no element with id {anchor!r} in the built article"
    start = page.rfind("<h", 0, position + 1)
    while page[start + 2] not in "123456":
        start = page.rfind("<h", 0, start)
    end = page.find("</h", start)
    text = _TAG.sub("", page[page.find(">", start) + 1 : end])
    return html.unescape(text).replace("¶", "").strip()


def test_section_links_land_on_the_sections_they_name(built_site: Build) -> None:
    model = load_packaged_model()
    article = (built_site.site / model.article_path / "index.html").read_text("utf-8")
    checked = []
    for link in model.links.values():
        if link.section is None:
            continue
        assert heading_for_anchor(article, link.section) == link.title, link.where
        checked.append(link.section)
    assert "HowDoConnectors1-2" in checked and "HowDoConnectors1" in checked
    assert heading_for_anchor(article, "HowDoConnectors1-2") != heading_for_anchor(
        article, "HowDoConnectors1"
    )
