"""What the MkDocs adapter reads besides articles, as upstream and maintainers write it.

- A TOC file that opens with DocFX's ``### YamlMime:TableOfContent`` line is navigation
  (the ``site-structure`` plugin's), not a YAML page the translator should warn about.
- A docfx.json saved in a Windows code page (a byte that is not UTF-8) is still read:
  DocFX reads it, and its content folders still give the public addresses.
- The retired-links file named in mkdocs.yml is UTF-8 whatever the encoding of the system
  building the site (a Windows machine would read cp1252 by default).

Each test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from .test_mkdocs_plugin import build_project, write_project

MKDOCS_YML = (
    "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx:\n"
    "      upstream_base_url: https://docs.example/base/\n"
    "      retired_links: retired.yaml\n"
)
FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "retired.yaml": (
        "# Moves found by Zoë\nretired_hosts: [old.example]\n"
        "links:\n  - retired: http://old.example/page\n    current: https://new.example/Zürich\n"
    ),
    "docs/set/toc.yml": "### YamlMime:TableOfContent\n- name: A\n  href: Online/a.md\n",
    "docs/set/Online/a.md": "# A\n\n[c](c.md) [moved](http://old.example/page)\n",
}
# 0xE9 is é in Windows-1252 and no UTF-8 at all
DOCFX_JSON = (b'{"build": {"globalMetadata": {"author": "Zo\xe9"},'
              b' "content": [{"files": ["**/*.md"], "src": "Online", "dest": "."}]}}')
LINKS = ('<p><a href="https://docs.example/base/c" class="docfx-external">c</a> '
         '<a href="https://new.example/Zürich" class="docfx-external">moved</a></p>')


def build(tmp_path: Path) -> tuple[str, list[str]]:
    root = write_project(tmp_path, FILES)
    (root / "docs" / "set" / "docfx.json").write_bytes(DOCFX_JSON)
    result = build_project(root)
    page = (result.site / "set" / "Online" / "a" / "index.html").read_text(encoding="utf-8")
    return page, result.messages(logging.WARNING)


def test_a_yaml_mime_toc_and_a_docfx_json_in_a_windows_code_page_are_read(
    tmp_path: Path,
) -> None:
    page, warnings = build(tmp_path)
    assert LINKS in page
    assert warnings == []


def test_the_retired_links_file_is_read_as_utf_8_on_a_system_with_another_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # what a file opened with no encoding is read as: the system's (cp1252 on Windows)
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "cp1252")
    page, warnings = build(tmp_path)
    assert LINKS in page
    assert warnings == []
