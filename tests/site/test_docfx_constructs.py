"""A real build of a small docset using the DocFX constructs read since the FAQ pages came:
a FAQ file listed in the TOC, a TOC entry by uid, cross references, tabs, a code snippet
and an included file's own relative link. What a reader gets: the pages, their navigation
and the build report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..conftest import copy_project, run_mkdocs_build

FILES = {
    "faqdocs/toc.yml": ("- name: Questions\n  href: faq.yml\n"
                        "- uid: faqdocs.guide\n"),
    "faqdocs/faq.yml": ("### YamlMime:FAQ\nmetadata:\n  title: Questions\ntitle: Common questions\n"
                        "sections:\n  - name: Routing\n    questions:\n"
                        "      - question: Do I need a connector?\n"
                        "        answer: |\n          See @faqdocs.guide.\n"),
    "faqdocs/guide.md": ("---\nuid: faqdocs.guide\ntitle: The guide\n---\n# The guide\n\n"
                         "Back to [the questions](faq.yml) or <xref:faqdocs.nothing>.\n\n"
                         "# [Linux](#tab/linux)\n\nOn Linux.\n\n# [Windows](#tab/windows)\n\n"
                         "On Windows.\n\n---\n\n"
                         "[!code-powershell[](snippets/run.ps1?highlight=2)]\n\n"
                         "[!INCLUDE [more](includes/more.md)]\n"),
    "faqdocs/snippets/run.ps1": "Get-Date\nGet-InboundConnector\n",
    "faqdocs/includes/more.md": "More in [the questions](../faq.yml).\n",
}


def test_faq_tabs_xrefs_and_snippets_in_a_real_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for path, text in FILES.items():
        target = project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    faq = (site / "faqdocs" / "faq" / "index.html").read_text(encoding="utf-8")
    guide = (site / "faqdocs" / "guide" / "index.html").read_text(encoding="utf-8")

    assert re.search(r'<h3 id="do-i-need-a-connector">Do I need a connector\?', faq)
    assert '<a href="../guide/">The guide</a>' in faq  # @uid, titled
    assert not (site / "faqdocs" / "faq.yml").exists()  # a page, not a copied file
    # the navigation lists the FAQ (by its .yml) and the guide (by uid, its own title)
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*'
                     r'<span class="md-ellipsis">\s*([^<]*?)\s*<', guide)
    assert ("../faq/", "Questions") in nav and ("./", "The guide") in nav
    assert '<a href="../faq/">the questions</a>' in guide  # link to faq.yml
    assert 'More in <a href="../faq/">the questions</a>' in guide  # relative to the include
    assert '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">' in guide
    assert '<span class="hll">Get-InboundConnector' in guide
    assert "faqdocs.nothing" in guide and 'href="xref:' not in guide

    report = json.loads((site / "build-report" / "faqdocs" / "guide.md.json").read_text())
    warnings = [(d["kind"], d["line"]) for d in report["decisions"] if d["level"] == "warning"]
    assert warnings == [("xref", 7)]
    faq_report = (site / "build-report" / "faqdocs" / "faq.yml.json")
    assert json.loads(faq_report.read_text())["path"] == "faqdocs/faq.yml"
