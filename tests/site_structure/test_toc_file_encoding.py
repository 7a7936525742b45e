"""TOC files are read as UTF-8 with or without a byte order mark; a byte that is not UTF-8
does not stop the navigation (it shows as U+FFFD in the entry's name)."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..conftest import ROOT


def navigation_of(toc: bytes, toc_name: str = "area/toc.yml", pages: str = "a") -> object:
    config: MkDocsConfig = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins["docfx"].config.enabled = False
    config.plugins["connector-checker"].config.enabled = False
    toc_file = File(toc_name, None, config.site_dir, config.use_directory_urls)
    toc_file.content_bytes = toc
    files = Files([toc_file])
    for name in pages:
        page = File(f"area/{name}.md", None, config.site_dir, config.use_directory_urls)
        page.content_string = f"# {name.upper()}\n"
        files.append(page)
    config.plugins.run_event("files", files, config=config)
    return config.nav


def test_a_toc_with_a_byte_order_mark_and_a_bad_byte_still_names_its_pages() -> None:
    toc = b"\xef\xbb\xbf- name: Caf\xe9 page\n  href: a.md\n"
    assert navigation_of(toc) == [{"Caf\ufffd page": "area/a.md"}]


def test_a_toc_md_with_a_byte_order_mark_keeps_its_first_heading() -> None:
    toc = "\ufeff# [First](a.md)\n# [Second](b.md)\n".encode()
    assert navigation_of(toc, "area/toc.md", "ab") == [{"First": "area/a.md"},
                                                      {"Second": "area/b.md"}]
