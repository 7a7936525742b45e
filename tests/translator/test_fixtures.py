"""Fixture files: input DocFX Markdown -> expected page HTML, one feature per case.

An expected block that starts with ``---`` is compared with the front matter MkDocs reads
followed by the page's HTML; otherwise with the HTML only. Cases named ``*-nope`` show what
is left alone.
A case may warn only if its title says so ("warning", "reported"): unexpected warnings fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from .fixture_site import translate_fixture

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    pytest.param(source, expected, title, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


def normalize(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize(("source", "expected", "title"), CASES)
def test_fixture(source: str, expected: str, title: str) -> None:
    result = translate_fixture(source)
    actual = result.markdown + result.html if expected.startswith("---") else result.html
    assert normalize(actual) == normalize(expected)
    if not any(word in title for word in ("warning", "reported")):
        assert result.report.of_level("warning") == []
