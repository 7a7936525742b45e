"""DocFX tab groups in a real browser: Material's content tabs switch, and same-titled tabs
of another group follow (``content.tabs.link``, DocFX's "sync all same-ID tabs")."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from ..conftest import copy_project, run_mkdocs_build
from .conftest import serve_directory

ARTICLE = """\
# Tabs

# [Linux](#tab/linux)

On Linux, first group.

# [Windows](#tab/windows)

On Windows, first group.

---

Between the groups.

# [Linux](#tab/linux)

On Linux, second group.

# [Windows](#tab/windows)

On Windows, second group.

---
"""


def test_tabs_switch_and_same_titled_tabs_follow(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "tabs.md").write_text(ARTICLE)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(tmp_path / "site", 0) as url:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "tabs/", wait_until="networkidle")
        assert page.get_by_text("On Linux, first group.").is_visible()
        assert not page.get_by_text("On Windows, first group.").is_visible()
        page.locator(".tabbed-labels label", has_text="Windows").first.click()
        page.wait_for_timeout(300)
        assert page.get_by_text("On Windows, first group.").is_visible()
        assert not page.get_by_text("On Linux, first group.").is_visible()
        assert page.get_by_text("On Windows, second group.").is_visible()  # linked
        assert errors == []
        page.close()
