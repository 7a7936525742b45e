"""The JSON report of each page, as the built site serves it: UTF-8 text, its characters
as written (not escaped), one space of indent, whatever the encoding of the system
building the site (a Windows machine writes cp1252 by default, which has no 日本).

Each test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from .test_mkdocs_plugin import build_project, write_project

EXPECTED = """\
{
 "path": "a.md",
 "counts": {
  "link": 1
 },
 "decisions": [
  {
   "kind": "link",
   "line": 3,
   "message": "%E6%97%A5%E6%9C%AC.md: article not in docs/ -> public URL https://docs.example/base/日本",
   "level": "info"
  }
 ]
}"""


@pytest.mark.parametrize("system_encoding", ["utf-8", "cp1252"])
def test_a_page_s_json_report_is_utf_8_with_its_characters_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system_encoding: str,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx:\n"
            "      upstream_base_url: https://docs.example/base/\n"
        ),
        "docs/a.md": "# A\n\n[Zürich](日本.md)\n",
    })
    # what a file opened with no encoding is written in: the system's
    monkeypatch.setattr(io, "text_encoding",
                        lambda encoding, stacklevel=2: encoding or system_encoding)
    result = build_project(root)
    data = (result.site / "build-report" / "a.md.json").read_bytes()
    assert data.decode("utf-8") == EXPECTED
    assert json.loads((result.site / "build-report" / "index.json").read_bytes()) == {
        "pages": [{"path": "a.md", "counts": {"link": 1}, "report": "a.md.json"}]}
