"""FAQ files in a build: a ``.yaml`` file is one as well as a ``.yml`` file, one saved in a
Windows code page is still read (the byte that is not UTF-8 shows as U+FFFD), and a FAQ
page is made without any warning (the warning is for the other ``YamlMime`` pages).

Each test builds a small project in the test process (see test_mkdocs_plugin.py).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from .test_mkdocs_plugin import build_project, write_project

# 0xE9 is é in Windows-1252 and no UTF-8 at all
FAQ = (b"### YamlMime:FAQ\ntitle: Questions for Zo\xe9\nsections:\n  - questions:\n"
       b"      - question: Do I need a connector?\n        answer: Usually not.\n")


def test_a_faq_yaml_file_in_a_windows_code_page_becomes_a_page_without_a_warning(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx\n",
        "docs/index.md": "# Home\n",
    })
    (root / "docs" / "questions.yaml").write_bytes(FAQ)
    result = build_project(root)
    page = result.page("questions")
    assert ('<h1 id="questions-for-zo">Questions for Zo\ufffd<a class="headerlink" '
            'href="#questions-for-zo" title="Permanent link">&para;</a></h1>\n'
            '<h2 id="do-i-need-a-connector">Do I need a connector?<a class="headerlink" '
            'href="#do-i-need-a-connector" title="Permanent link">&para;</a></h2>\n'
            "<p>Usually not.</p>") in page
    assert not (result.site / "questions.yaml").exists()
    report = json.loads((result.site / "build-report" / "questions.yaml.json")
                        .read_text(encoding="utf-8"))
    assert report == {"path": "questions.yaml", "counts": {}, "decisions": []}
    assert result.messages(logging.WARNING) == []


def test_a_faq_is_published_when_docfx_json_s_globs_name_its_yml_file(tmp_path: Path) -> None:
    """DocFX matches the content globs against the .yml file, not the page made of it."""
    root = write_project(tmp_path, {
        "mkdocs.yml": "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx\n",
        "docs/set/docfx.json": (
            '{"build": {"content": [{"files": ["articles/**/*.md", "faq/*.yml"]}]}}'),
        "docs/set/articles/a.md": "# A\n\n[The questions](../faq/questions.yml)\n",
        "docs/set/faq/questions.yml": (
            "### YamlMime:FAQ\ntitle: Questions\nsections:\n  - questions:\n"
            "      - question: Do I need a connector?\n        answer: Usually not.\n"),
    })
    result = build_project(root)
    assert ('<h1 id="questions">Questions<a class="headerlink" href="#questions" '
            'title="Permanent link">&para;</a></h1>') in result.page("set/faq/questions")
    assert ('<p><a href="../../faq/questions/">The questions</a></p>'
            in result.page("set/articles/a"))
    assert result.messages(logging.WARNING) == []
