"""The MkDocs adapter hands the translator what the build knows: the other files (for
includes), the docset root (for ``~/`` includes), mkdocs.yml's ``image_replacements`` and
docfx.json's content folders (for public addresses), wherever docfx.json lies in docs/.

Each test builds a small project in the test process (see test_mkdocs_plugin.py) and reads
the built page and its JSON report.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from .test_mkdocs_plugin import build_project, write_project


def article_html(page: str, first: str, last: str) -> str:
    """The translated article inside the built page: from its `first` line to its `last`."""
    start = page.index(first)
    return page[start : page.index(last, start) + len(last)]


def test_includes_from_the_docset_root_and_missing_ones_and_replaced_images(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx:\n"
            "      image_replacements:\n        lost.png: media/our-drawing.svg\n"
        ),
        # its TOC file makes docs/set/ the docset root: ~/ starts there
        "docs/set/toc.yml": "- name: A\n  href: area/a.md\n",
        "docs/set/area/a.md": (
            "# A\n\n[!INCLUDE [shared](~/includes/shared.md)]\n\n"
            "[!INCLUDE [gone](../includes/gone.md)]\n\n![A lost picture](media/lost.png)\n"
        ),
        "docs/set/includes/shared.md": "Shared from the docset root.\n",
        "docs/media/our-drawing.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
    })
    result = build_project(root)
    assert article_html(result.page("set/area/a"), '<h1 id="a">', " />") == (
        '<h1 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h1>\n'
        "<p>Shared from the docset root.</p>\n"
        '<p class="docfx-missing-include">Included text not available: gone</p>\n'
        '<p><img src="../../../media/our-drawing.svg" alt="A lost picture" />'
    )
    report = json.loads((result.site / "build-report" / "set" / "area" / "a.md.json")
                        .read_text(encoding="utf-8"))
    assert report == {
        "path": "set/area/a.md",
        "counts": {"include": 2, "image": 1},
        "decisions": [
            {"kind": "include", "line": 3, "message": "included set/includes/shared.md",
             "level": "info"},
            {"kind": "include", "line": 5, "message": "included file set/includes/gone.md is "
             "not in docs/; shown as a note instead", "level": "warning"},
            {"kind": "image", "line": 7, "message": "missing image media/lost.png -> our "
             "drawing media/our-drawing.svg", "level": "info"},
        ],
    }
    assert result.messages(logging.WARNING) == [
        "docfx: set/area/a.md:5: included file set/includes/gone.md is not in docs/; shown "
        "as a note instead"]


def test_a_docfx_json_two_folders_deep_still_gives_its_content_folders(tmp_path: Path) -> None:
    """docs/products/exchange/docfx.json publishes Online/ at the base: a link to a page
    not in docs/ goes to its public address without the content folder."""
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx:\n"
            "      upstream_base_url: https://docs.example/base/\n"
        ),
        "docs/products/exchange/docfx.json": (
            '{"build": {"content": [{"files": ["**/*.md"], "src": "Online", "dest": "."}]}}'),
        "docs/products/exchange/Online/a.md": "# A\n\n[c](c.md)\n",
    })
    result = build_project(root)
    assert ('<p><a href="https://docs.example/base/c" class="docfx-external">c</a></p>'
            in result.page("products/exchange/Online/a"))
    report = json.loads((result.site / "build-report" / "products" / "exchange" / "Online"
                         / "a.md.json").read_text(encoding="utf-8"))
    assert report["decisions"] == [
        {"kind": "link", "line": 3, "message": "c.md: article not in docs/ -> public URL "
         "https://docs.example/base/c", "level": "info"}]
