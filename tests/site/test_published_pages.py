"""Which files are pages follows DocFX's rule (docfx.json content/exclude globs), never
"another file includes it"; an include cycle is in the build report with its chain.

A small docset in a temporary copy of the project: three articles that include each other
in a circle (each is published by DocFX, so each has a page), an include file and a draft
that docfx.json's ``exclude`` keeps out.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import copy_project, run_mkdocs_build

DOCFX_JSON = """{
  "build": {
    "content": [
      {"files": ["**/*.md", "**/*.yml"], "exclude": ["**/includes/**", "drafts/**",],},
    ],
  }
}
"""
ARTICLES = {
    "circle/first.md": "# First article\n\nFirst says hello.\n\n[!INCLUDE [second](second.md)]\n",
    "circle/second.md": "# Second article\n\nSecond says hello.\n\n[!INCLUDE [third](third.md)]\n",
    "circle/third.md": "# Third article\n\nThird says hello.\n\n[!INCLUDE [first](first.md)]\n"
                       "\n[!INCLUDE [shared](../includes/shared.md)]\n",
    "includes/shared.md": "Shared words from an include file.\n",
    "drafts/wip.md": "# Work in progress\n\nNot published.\n",
}


def test_every_article_docfx_publishes_has_a_page_and_the_cycle_is_reported(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "docfx.json").write_text(DOCFX_JSON)
    for path, text in ARTICLES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text)

    result = run_mkdocs_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    site = tmp_path / "site"

    pages = {name: (site / "circle" / name / "index.html").read_text(encoding="utf-8")
             for name in ("first", "second", "third")}
    # each article of the circle is a page, and reads the others in place
    for text in pages.values():
        for words in ("First says hello.", "Second says hello.", "Third says hello."):
            assert words in text
    assert "Shared words from an include file." in pages["third"]
    assert not (site / "includes").exists()  # excluded by docfx.json: read where included
    assert not (site / "drafts").exists()  # excluded by docfx.json: no page at all
    assert (site / "mail-flow-best-practices").is_dir()  # matched by **/*.md

    report = json.loads((site / "build-report" / "circle" / "first.md.json").read_text())
    cycle = [d for d in report["decisions"] if "include cycle" in d["message"]]
    assert [(d["level"], d["line"]) for d in cycle] == [("warning", 5)]
    assert cycle[0]["message"].endswith(
        "include cycle circle/first.md:5 -> circle/second.md:5 -> circle/third.md:5 -> "
        "circle/first.md; not read again, a note is shown instead")
    assert "Included text not available: first" in pages["first"]
    report_page = (site / "build-report" / "index.html").read_text(encoding="utf-8")
    assert "include cycle circle/first.md:5" in report_page
    assert any(line.startswith("WARNING") and "circle/first.md:5" in line and "include cycle"
               in line for line in log.splitlines())
