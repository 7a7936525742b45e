"""Fixture files: input DocFX Markdown -> expected Material Markdown, one feature per case.

An expected block that starts with ``---`` is compared with the whole output (front matter
included); otherwise with the body only. Cases named ``*-nope`` show what is left alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from .fixture_site import body_of, translate_fixture

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    pytest.param(source, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


def normalize(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_fixture(source: str, expected: str) -> None:
    output = translate_fixture(source).markdown
    actual = output if expected.startswith("---") else body_of(output)
    assert normalize(actual) == normalize(expected)
