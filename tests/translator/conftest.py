"""The translator's cached builders start afresh in each test session.

The markdown-it parser (`docfx_markdown`), the block reader of the table repair and the
compiled globs are built once per process and cached. A mutation run (`make mutation`)
runs each session in a process forked from one where they were already built, and runs
only the tests that called the code it changed: built afresh for every test, a change to
how they are built reaches every test that reads a page (about 2 ms a test).
"""

from __future__ import annotations

import pytest

from translator.markdown_parser import docfx_markdown
from translator.published_pages import glob_regex
from translator.table_repair import _block_reader


@pytest.fixture(autouse=True)
def _cached_builders_built_for_each_test() -> None:
    for cached in (docfx_markdown, glob_regex, _block_reader):
        cached.cache_clear()
