"""A redirect stub alone in folders that hold no page: its small redirect page is written
there all the same (the folders are made), in both URL styles.

Each test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from .test_mkdocs_plugin import build_project, write_project


@pytest.mark.parametrize(("directory_urls", "written", "target"), [
    (True, "old/retired/moved/index.html", "../../../a/"),
    (False, "old/retired/moved.html", "../../a.html"),
])
def test_a_redirect_stub_in_folders_of_its_own_is_written(
    tmp_path: Path, directory_urls: bool, written: str, target: str,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\n"
            f"use_directory_urls: {str(directory_urls).lower()}\nplugins:\n  - docfx\n"
        ),
        "docs/a.md": "# A\n",
        "docs/old/retired/moved.md": "---\nredirect_url: ../../a.md\n---\n",
    })
    result = build_project(root)
    html = (result.site / written).read_text(encoding="utf-8")
    assert html == (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n<title>Moved: Moved</title>\n</head>\n'
        f'<body>\n<p>This article has moved: <a href="{target}">{target}</a>.</p>\n'
        "</body>\n</html>\n")


def test_a_redirect_page_is_utf_8_on_a_system_with_another_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its title is the stub's: 日本 has no cp1252 byte, the page says charset utf-8."""
    root = write_project(tmp_path, {
        "mkdocs.yml": "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx\n",
        "docs/a.md": "# A\n",
        "docs/moved.md": "---\ntitle: Zürich 日本\nredirect_url: a.md\n---\n",
    })
    # what a file opened with no encoding is written in: the system's (cp1252 on Windows)
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "cp1252")
    result = build_project(root)
    html = (result.site / "moved" / "index.html").read_bytes().decode("utf-8")
    assert "<title>Moved: Zürich 日本</title>" in html
