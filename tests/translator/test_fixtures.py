"""Fixture files: input DocFX Markdown -> expected page HTML, one feature per case.

An expected block that starts with ``---`` is compared with the front matter MkDocs reads
followed by the page's HTML; otherwise with the HTML only. Cases named ``*-nope`` show what
is left alone.
A case may warn only if its title says so ("warning", "reported"): unexpected warnings fail.
Every expected block ends with a ``== report ==`` line followed by the whole report, one
``kind:line level: message`` per decision in line order (none: nothing was decided): what
the build report and the build log say about the case, compared with the HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from translator.article import TranslatedArticle

from .fixture_site import translate_fixture

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    pytest.param(source, expected, title, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


REPORT_MARK = "\n== report ==\n"


def report_lines(result: TranslatedArticle) -> list[str]:
    decisions = sorted(result.report.decisions, key=lambda d: d.line or 0)
    return [f"{d.kind}:{d.line} {d.level}: {d.message}".strip() for d in decisions]


def normalize(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize(("source", "expected", "title"), CASES)
def test_fixture(source: str, expected: str, title: str) -> None:
    result = translate_fixture(source)
    expected, has_report, report = f"{expected}\n".partition(REPORT_MARK)
    assert has_report, "the expected block ends with == report == and the whole report"
    assert report_lines(result) == [line.strip() for line in report.strip().splitlines()]
    actual = result.markdown + result.html if expected.startswith("---") else result.html
    assert normalize(actual) == normalize(expected)
    if not any(word in title for word in ("warning", "reported")):
        assert result.report.of_level("warning") == []
