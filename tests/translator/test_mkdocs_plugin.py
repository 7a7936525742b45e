"""The MkDocs adapter (`translator.mkdocs_plugin`) in a real build, run in the test process.

A small project (the `docfx` plugin, MkDocs' own theme) is built with MkDocs' Python API in a
temporary folder; the tests read what a reader and a maintainer get: the built pages, the
redirect files, the JSON reports and the build log. (tests/site/ builds the project's own
site in a subprocess; these builds are small enough to run in the test process, where a
coverage or mutation tool sees the adapter run.)
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from translator.material_html import Heading
from translator.mkdocs_plugin import DocfxPlugin, _toc_tokens, docset_translation

LOGGER = "mkdocs.plugins.docfx"
# A move listed in the translator's own translator/retired_links.yaml
DEVICE_ARTICLE_RETIRED = (
    "http://technet.microsoft.com/library/2c0012a9-7e71-40cd-a516-1b26117bf491.aspx")
DEVICE_ARTICLE_CURRENT = (
    "https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-"
    "multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365")

# The project of the main build: an own page, a docset in docs/docset/ (its TOC file makes
# it the docset root), articles, a redirect stub, an include file, FAQ .yml files.
ARTICLE = (
    "---\ntitle: The article\ndescription: What it says.\n---\n"
    "# The article\n"  # line 5
    "\n"
    "## First part\n"  # 7
    "\n"
    "### Detail\n"  # 9
    "\n"
    "## Second part\n"  # 11
    "\n"
    "> [!SOMETHING]\n"  # 13: an unknown alert type (a warning)
    "> Kept as a quote.\n"
    "\n"
    "See [the other](other.md#nowhere), [home](../../index.md) and [moved](moved.md).\n"  # 16
    "\n"
    "[!INCLUDE [shared](../includes/shared.md)]\n"  # 18
)
PROJECT_FILES = {
    "mkdocs.yml": (
        "site_name: Plugin test\n"
        "theme:\n  name: mkdocs\n"
        "plugins:\n"
        "  - docfx:\n"
        "      upstream_base_url: https://docs.example/base/\n"
        "      own_pages: ['index.md', 'own/*.md']\n"
    ),
    "docs/index.md": "# Home\n\n> [!NOTE]\n> Our own page: Python-Markdown reads it.\n",
    "docs/own/about.md": "# About\n\n> [!TIP]\n> Also ours.\n",
    "docs/docset/toc.yml": "- name: The article\n  href: area/article.md\n",
    "docs/docset/area/article.md": ARTICLE,
    "docs/docset/area/other.md": "---\ntitle: Other\n---\n# Other article\n\nPlain.\n",
    "docs/docset/area/moved.md": "---\nredirect_url: article.md\n---\n",
    "docs/docset/area/gone.md": "---\nredirect_url: /base/elsewhere/page\n---\n",
    "docs/docset/includes/shared.md": "Shared text from an include.\n",
    "docs/docset/area/questions.yml": (
        "### YamlMime:FAQ\nmetadata:\n  title: Questions\ntitle: Questions asked\n"
        "sections:\n  - name: Routing\n    questions:\n"
        "      - question: Do I need a connector?\n        answer: |\n          Usually not.\n"
    ),
    "docs/docset/area/dup.md": "---\ntitle: Dup\n---\n# Dup page\n",
    "docs/docset/area/dup.yml": (
        "### YamlMime:FAQ\ntitle: Shadowed\nsections:\n  - questions:\n"
        "      - question: Q?\n        answer: A.\n"
    ),
    "docs/docset/area/api.yml": "### YamlMime:ManagedReference\nitems: []\n",
    "docs/docset/area/data.yml": "key: value\n",
}


@dataclass(frozen=True)
class Built:
    site: Path
    config: MkDocsConfig
    log: list[logging.LogRecord]

    def page(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")

    def messages(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.log if r.levelno == level and r.name == LOGGER]


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_project(root: Path) -> Built:
    """Build the project in `root` with MkDocs' API (in this process) into root/site."""
    handler = _Records()
    logger = logging.getLogger(LOGGER)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return Built(root / "site", config, handler.records)


@pytest.fixture
def built(tmp_path: Path) -> Built:
    """Built for each test (a fraction of a second): a mutation run credits code only to the
    tests during which it ran, and runs only those."""
    return build_project(write_project(tmp_path, PROJECT_FILES))


def plugin_of(config: MkDocsConfig) -> DocfxPlugin:
    plugin = config.plugins["docfx"]
    assert isinstance(plugin, DocfxPlugin)
    return plugin


def test_an_upstream_article_is_translated_with_its_headings_as_the_outline(built: Built) -> None:
    page = built.page("docset/area/article")
    assert '<p class="admonition-title">Something</p>' in page  # the unknown alert type
    assert "Shared text from an include." in page
    assert 'id="first-part"' in page and 'id="detail"' in page
    # MkDocs' theme shows two levels of page.toc: the title and its sections under it
    assert '<li class="nav-item" data-bs-level="1"><a href="#the-article"' in page
    assert '<li class="nav-item" data-bs-level="2"><a href="#first-part"' in page
    assert '<li class="nav-item" data-bs-level="2"><a href="#second-part"' in page


def test_our_own_pages_and_toc_files_are_left_to_mkdocs(built: Built) -> None:
    home = (built.site / "index.html").read_text(encoding="utf-8")
    assert "[!NOTE]" in home and "admonition" not in home
    assert "[!TIP]" in built.page("own/about")
    assert not (built.site / "build-report" / "index.md.json").exists()
    assert not (built.site / "build-report" / "own" / "about.md.json").exists()
    assert not (built.site / "build-report" / "docset" / "toc.yml.json").exists()


def test_each_translated_page_has_its_json_report_and_a_line_in_the_index(built: Built) -> None:
    report = json.loads((built.site / "build-report" / "docset/area/article.md.json").read_text())
    assert report["path"] == "docset/area/article.md"
    assert report["counts"]["alert"] == 1
    (warning,) = [d for d in report["decisions"] if d["level"] == "warning"]
    assert warning["message"].startswith("unknown alert type [!SOMETHING]")
    assert warning["kind"] == "alert" and warning["line"] == 13
    index = json.loads((built.site / "build-report" / "index.json").read_text())
    entries = {entry["path"]: entry for entry in index["pages"]}
    assert entries["docset/area/article.md"] == {
        "path": "docset/area/article.md",
        "counts": report["counts"],
        "report": "docset/area/article.md.json",
    }
    assert set(entries) == {
        "docset/area/article.md", "docset/area/other.md", "docset/area/moved.md",
        "docset/area/gone.md", "docset/area/questions.yml", "docset/area/dup.md",
    }


def test_the_log_names_each_page_its_warnings_and_what_is_unresolved(built: Built) -> None:
    warnings = built.messages(logging.WARNING)
    assert any(m.startswith("docfx: docset/area/article.md:13: unknown alert type [!SOMETHING]")
               for m in warnings)
    infos = built.messages(logging.INFO)
    assert any(m.startswith("docfx: unresolved: docset/area/article.md:16: other.md#nowhere")
               for m in infos)
    assert any(m.startswith("docfx: docset/area/article.md: ") and "1 alert" in m
               and "; 1 unresolved; 1 warnings" in m for m in infos)
    assert "docfx: docset root docs/docset/: public URLs are relative to it" in infos
    assert any(m == "docfx: translated 6 pages; reports in "
               f"{built.site / 'build-report'}" for m in infos)


def test_links_reach_hosted_pages_own_pages_and_redirect_stubs(built: Built) -> None:
    page = built.page("docset/area/article")
    assert 'href="../other/#nowhere"' in page
    assert 'href="../../.."' in page or 'href="../../../"' in page  # our home page
    assert 'href="../moved/"' in page


def test_a_redirect_stub_is_a_small_page_sending_the_reader_on(built: Built) -> None:
    moved = built.page("docset/area/moved")
    assert '<meta http-equiv="refresh" content="0; url=../article/">' in moved
    gone = built.page("docset/area/gone")
    assert 'url=https://docs.example/base/elsewhere/page"' in gone
    report = json.loads((built.site / "build-report" / "docset/area/moved.md.json").read_text())
    assert [d["kind"] for d in report["decisions"]] == ["redirect"]


def test_an_include_file_is_not_a_page_and_the_log_says_why(built: Built) -> None:
    assert not (built.site / "docset" / "includes" / "shared").exists()
    assert ("docfx: docset/includes/shared.md is not a page (an include file); read where "
            "included") in built.messages(logging.INFO)


def test_a_faq_yml_becomes_a_page_and_other_yaml_pages_are_copied_with_a_warning(
    built: Built,
) -> None:
    faq = built.page("docset/area/questions")
    assert "Do I need a connector?" in faq and "Usually not." in faq
    assert not (built.site / "docset" / "area" / "questions.yml").exists()
    warnings = built.messages(logging.WARNING)
    assert ("docfx: docset/area/api.yml:1: a DocFX '### YamlMime:ManagedReference' page is "
            "not translated (only FAQ is); the file is copied as it is") in warnings
    assert (built.site / "docset" / "area" / "api.yml").is_file()
    assert (built.site / "docset" / "area" / "data.yml").is_file()
    assert not any("data.yml" in m for m in warnings)
    assert ("docfx: docset/area/dup.yml: FAQ page not made, docset/area/dup.md exists"
            in warnings)
    assert "Dup page" in built.page("docset/area/dup")
    assert (built.site / "docset" / "area" / "dup.yml").is_file()


def test_the_published_interface_lists_the_pages_with_their_problems_only(built: Built) -> None:
    published = docset_translation(built.config)
    assert published is not None
    assert set(published.articles) == {
        "docset/area/article.md", "docset/area/other.md", "docset/area/moved.md",
        "docset/area/gone.md", "docset/area/questions.md", "docset/area/dup.md",
    }
    assert published.settings.upstream_base_url == "https://docs.example/base/"
    assert published.settings.docset_root == "docset"
    reports = {r.path: r for r in published.reports}
    assert [(d.kind, d.line, d.level) for d in reports["docset/area/article.md"].decisions] == [
        ("alert", 13, "warning"), ("link", 16, "unresolved"),
    ]
    assert reports["docset/area/other.md"].decisions == []
    # the checker reads an article's anchors through it, after its tokens were dropped
    article = plugin_of(built.config).parsed["docset/area/article.md"]
    assert article.report.of_level("info") == []
    anchors = article.page_info().anchors
    assert anchors is not None and "first-part" in anchors


def test_a_docfx_json_decides_the_pages_and_the_public_urls(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\nuse_directory_urls: false\n"
            "plugins:\n  - docfx:\n      report_dir: reports\n"
            "      upstream_base_url: https://docs.example/base/\n"
        ),
        "docs/set/docfx.json": (
            '{"build": {"content": [{"files": ["**/*.md"], "exclude": ["drafts/**"],'
            ' "src": "Online", "dest": "."}]}}'
        ),
        "docs/set/Online/a.md": "# A\n\n[b](b.md) [draft](drafts/d.md) [c](c.md)\n",
        "docs/set/Online/moved.md": "---\nredirect_url: a.md\n---\n",
        "docs/set/Online/drafts/d.md": "# Draft\n",
    })
    result = build_project(root)
    page = (result.site / "set" / "Online" / "a.html").read_text(encoding="utf-8")
    # b.md and c.md are not in docs/: their public URLs drop the content folder "Online"
    assert 'href="https://docs.example/base/b"' in page
    assert 'href="https://docs.example/base/c"' in page
    assert not (result.site / "set" / "Online" / "drafts" / "d.html").exists()
    assert ("docfx: set/Online/drafts/d.md is not a page (docfx.json's content globs); "
            "read where included") in result.messages(logging.INFO)
    moved = (result.site / "set" / "Online" / "moved.html").read_text(encoding="utf-8")
    assert 'url=a.html"' in moved
    assert (result.site / "reports" / "set" / "Online" / "a.md.json").is_file()
    assert (result.site / "reports" / "index.json").is_file()
    assert not (result.site / "build-report").exists()


def test_retired_links_come_from_the_file_the_configuration_names(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\n"
            "plugins:\n  - docfx:\n      retired_links: retired.yaml\n"
        ),
        "retired.yaml": (
            "retired_hosts: [old.example]\n"
            "links:\n  - retired: http://old.example/page\n    current: https://new.example/page\n"
            "  - retired: http://old.example/broken\n"
        ),
        "docs/a.md": "# A\n\n[x](http://old.example/page) [y](http://old.example/other)\n",
    })
    result = build_project(root)
    page = result.page("a")
    assert 'href="https://new.example/page"' in page
    assert f"docfx: {root / 'retired.yaml'}: links entry 2 needs 'retired' (an address) and " \
        "'current' (an https:// URL); skipped" in result.messages(logging.WARNING)
    assert any(m.startswith("docfx: unresolved: a.md:3: http://old.example/other")
               for m in result.messages(logging.INFO))


def test_a_missing_retired_links_file_is_a_warning_and_nothing_is_replaced(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\n"
            "plugins:\n  - docfx:\n      retired_links: missing.yaml\n"
        ),
        "docs/a.md": f"# A\n\n[x]({DEVICE_ARTICLE_RETIRED})\n",
    })
    result = build_project(root)
    assert (f"docfx: retired_links: cannot read {root / 'missing.yaml'} (No such file or "
            "directory); no retired link replaced") in result.messages(logging.WARNING)
    assert f'href="{DEVICE_ARTICLE_RETIRED}"' in result.page("a")


def test_the_translators_own_retired_links_are_used_by_default(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins:\n  - docfx\n",
        "docs/a.md": f"# A\n\n[x]({DEVICE_ARTICLE_RETIRED})\n",
    })
    result = build_project(root)
    assert f'href="{DEVICE_ARTICLE_CURRENT}"' in result.page("a")
    assert result.messages(logging.WARNING) == []


def test_switched_off_the_plugin_leaves_every_page_to_mkdocs(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": (
            "site_name: Plugin test\ntheme:\n  name: mkdocs\n"
            "plugins:\n  - docfx:\n      enabled: false\n"
        ),
        "docs/a.md": "# A\n\n> [!NOTE]\n> Not translated.\n",
        "docs/moved.md": "---\nredirect_url: a.md\n---\n",
        "docs/faq.yml": "### YamlMime:FAQ\ntitle: Q\n",
    })
    result = build_project(root)
    assert "[!NOTE]" in result.page("a")
    assert 'http-equiv="refresh"' not in result.page("moved")
    assert not (result.site / "build-report").exists()
    assert (result.site / "faq.yml").is_file()
    assert docset_translation(result.config) is None
    assert result.messages(logging.INFO) == []


def test_without_the_plugin_there_is_no_translation_to_read(tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "mkdocs.yml": "site_name: Plugin test\ntheme:\n  name: mkdocs\nplugins: []\n",
        "docs/index.md": "# Home\n",
    })
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    assert docset_translation(config) is None


def test_headings_nest_by_level_in_the_outline() -> None:
    headings = [Heading(2, "a", "A"), Heading(3, "b", "B"), Heading(4, "c", "C"),
                Heading(2, "d", "D"), Heading(4, "e", "E"), Heading(3, "f", "F")]

    def shape(items: list[dict[str, object]]) -> list[object]:
        return [(i["id"], i["level"], i["name"], shape(i["children"]))  # type: ignore[arg-type]
                for i in items]

    assert shape(_toc_tokens(headings)) == [
        ("a", 2, "A", [("b", 3, "B", [("c", 4, "C", [])])]),
        ("d", 2, "D", [("e", 4, "E", []), ("f", 3, "F", [])]),
    ]

