"""The build report's folder (``report_dir``, nested here) is made even when no upstream
article was translated: its index.json then lists no page.

The test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .test_mkdocs_plugin import build_project, write_project


def test_a_nested_report_folder_is_made_for_a_site_of_our_own_pages_only(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx:\n"
            "      own_pages: ['*.md']\n      report_dir: reports/docfx\n"
        ),
        "docs/index.md": "# Home\n",
    })
    result = build_project(root)
    index = result.site / "reports" / "docfx" / "index.json"
    assert index.read_text(encoding="utf-8") == '{\n  "pages": []\n}'
    assert result.messages(logging.INFO) == [
        f"docfx: translated 0 pages; reports in {result.site / 'reports' / 'docfx'}"]
