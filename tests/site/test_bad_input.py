"""Bad input in an upstream article: the build warns (file, line, what was done) and goes on."""

from __future__ import annotations

from pathlib import Path

from ..conftest import copy_project, run_mkdocs_build

BROKEN = (
    b"---\n"
    b"title: \"Broken on purpose\n"  # line 2: unterminated string
    b"ms.date: 6/23/2018\n"
    b"---\n"
    b"\n"
    b"# A broken article\n"
    b"\n"
    b"> [!SOMETHING]\n"  # line 8: unknown alert type
    b"> Text inside an unknown alert.\n"
    b"\n"
    b"A \x93quoted\x94 word in Windows-1252.\n"  # line 11: not UTF-8
)


def test_broken_article_builds_with_warnings_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "broken").mkdir()
    (project / "docs" / "broken" / "broken-article.md").write_bytes(BROKEN)

    result = run_mkdocs_build(project, tmp_path / "site")

    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert any("broken/broken-article.md:2: front matter is not valid YAML" in w for w in warnings)
    assert any("broken/broken-article.md:8: unknown alert type [!SOMETHING]" in w for w in warnings)
    assert any("broken/broken-article.md:11: byte 93 is not valid UTF-8" in w for w in warnings)
    page = (tmp_path / "site" / "broken" / "broken-article" / "index.html").read_text()
    assert "<title>A broken article" in page
    assert "Text inside an unknown alert." in page
    assert "A \u201cquoted\u201d word in Windows-1252." in page
    assert "ms.date" not in page.split("<article", 1)[1]


def test_strict_build_refuses_the_broken_article(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "broken-article.md").write_bytes(BROKEN)
    result = run_mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode != 0
    assert "Aborted with" in result.stdout + result.stderr
