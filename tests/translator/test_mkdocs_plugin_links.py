"""Links in a build to what is not an upstream article: our own pages (their URL follows
``use_directory_urls``, their title is made from their file name) and include files
(DocFX publishes no page for them: the text is kept, not linked, with a warning).

Each test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from .test_mkdocs_plugin import build_project, write_project

ARTICLE = ("# A\n\nSee [](../own/set-up-things.md) and [the shared text](../includes/shared.md)."
           "\n\n[!INCLUDE [shared](../includes/shared.md)]\n")
INCLUDED_FILE_WARNING = ("../includes/shared.md: includes/shared.md is an included file, which "
                         "DocFX publishes no page for; its text kept, not linked")


@pytest.mark.parametrize(("directory_urls", "page", "own_page"), [
    (True, "area/a/index.html", "../../own/set-up-things/"),
    (False, "area/a.html", "../own/set-up-things.html"),
])
def test_links_to_our_own_page_and_to_an_include_file(
    tmp_path: Path, directory_urls: bool, page: str, own_page: str,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\n"
            f"use_directory_urls: {str(directory_urls).lower()}\n"
            "plugins:\n  - docfx:\n      own_pages: ['own/*.md']\n"
        ),
        "docs/own/set-up-things.md": "# Setting things up\n",
        "docs/area/a.md": ARTICLE,
        "docs/includes/shared.md": "Shared text.\n",
    })
    result = build_project(root)
    html = (result.site / page).read_text(encoding="utf-8")
    assert (f'<p>See <a href="{own_page}">Set up things</a> and <a>the shared text</a>.</p>\n'
            "<p>Shared text.</p>") in html
    report = json.loads((result.site / "build-report" / "area" / "a.md.json")
                        .read_text(encoding="utf-8"))
    assert report["decisions"] == [
        {"kind": "include", "line": 5, "message": "included includes/shared.md",
         "level": "info"},
        {"kind": "link", "line": 3, "message": "empty link text replaced by its title: "
         "'Set up things' (../own/set-up-things.md)", "level": "replaced"},
        {"kind": "link", "line": 3, "message": INCLUDED_FILE_WARNING, "level": "warning"},
    ]
    assert result.messages(logging.WARNING) == [f"docfx: area/a.md:3: {INCLUDED_FILE_WARNING}"]
