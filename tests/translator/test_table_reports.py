"""What the build report says about tables: every entry, with its kind, line and level.

Markdig's rules: https://github.com/xoofx/markdig/blob/master/src/Markdig.Tests/Specs/PipeTableSpecs.md
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from .fixture_site import ARTICLE, translate_fixture

FIXTURES = Path(__file__).parent / "fixtures"
INFO, WARN = "info", "warning"
# The whole report of every table fixture, case by case: (kind, line, level) of each entry.
FIXTURE_REPORTS = {
    "tables.md": [
        [("table", 1, INFO), ("table", 2, INFO), ("table", 3, INFO)],  # lone pipes, doubled bold
        [("table", 4, INFO)],  # lone pipe after the table
        [("table", 4, INFO), ("table", 5, INFO)],  # two restorations
        [("table", 3, INFO)],  # lone bold line
        [],  # complete table
        [("table", 3, INFO)],  # short first row padded
        [("table", 4, INFO)],  # a merged cell with code and emphasis, quoted short
    ],
    "tables-more.md": [
        [],  # breaks, paragraphs, lists in cells
        [("table", 3, INFO), ("table", 7, INFO)],  # lone pipes
        [("table", 4, INFO)],  # spilled line: a padded row
        [("table", 3, INFO)],  # runs of spaces in an exported cell read as line breaks
        [],  # a short run, or one in code: as written
    ],
    "tables-markdig.md": [
        [], [], [],  # pipes in code, links, HTML
        [],  # pipes elsewhere split
        [("table", 3, WARN)],  # extra cells
        [],  # empty extra cells
        [("table", 4, INFO)],  # short row padded
        [("table", 4, INFO)],  # not an export: padded
        [("table", 3, INFO)],  # export's first row: padded
        [("table", 3, INFO), ("table", 4, INFO)],  # short under padded: padded
        [],  # delimiter row like a list item
        [],  # setext heading
        [], [],  # code blocks keep debris
        [("table", 1, INFO)],  # bold in a code span kept, the other fixed
        [("table", 4, INFO)],  # lone pipe with no-break spaces
        [("table", 1, INFO), ("table", 1, INFO), ("table", 2, INFO)],  # stray bold in list items
        [("alert", 3, INFO)], [("alert", 1, INFO)],  # alerts in cells
        [],  # '>' that is not an alert
        [("table", 2, INFO)],  # table under a paragraph line
        [("table", 4, INFO), ("table", 4, INFO)],  # row without a pipe (and short)
        [],  # table after a blank line
        [("table", 3, INFO)],  # lone bold line in a list item
        [("table", 4, INFO)],  # lone pipe with plain spaces
        [("link", 4, "unresolved")],  # pipes in links with nested brackets, escapes, code
    ],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_REPORTS))
def test_every_table_fixture_reports_exactly_its_entries(name: str) -> None:
    cases = read_fixture_file(FIXTURES / name)
    assert len(cases) == len(FIXTURE_REPORTS[name])
    for (_, title, source, _), expected in zip(cases, FIXTURE_REPORTS[name], strict=True):
        decisions = translate_fixture(source).report.decisions
        assert [(d.kind, d.line, d.level) for d in decisions] == expected, title

EXPORTED = (
    "# Connectors\n"
    "\n"
    "|Server|Plan|Answer|\n"
    "|:-----|:-----|:-----|\n"
    "|Exchange 2013  <br/> |EOP  <br/> |Yes  <br/> |\n"
    "|Exchange Online  <br/> |No  <br/> |\n"
    "|No  <br/> |\n"
    "|Other  <br/> |EOP  <br/> |Yes  <br/> |\n"
)


def report(source: str) -> list[tuple[str, int | None, str, str]]:
    result = translate_fixture(source)
    return [(d.kind, d.line, d.level, d.message) for d in result.report.decisions]


def test_each_merged_cell_restoration_is_reported_with_its_line_and_what_was_repeated() -> None:
    result = translate_fixture(EXPORTED)
    assert [d.located(result.report.path).split(";")[0] for d in result.report.decisions] == [
        f"{ARTICLE}:6: row has 2 of 3 cells in an exported table that lost its merged cells",
        f"{ARTICLE}:7: row has 1 of 3 cells in an exported table that lost its merged cells",
    ]
    assert report(EXPORTED) == [
        ("table", 6, "info", "row has 2 of 3 cells in an exported table that lost its merged "
         "cells; repeated the first 1 from the row above: 'Exchange 2013'"),
        ("table", 7, "info", "row has 1 of 3 cells in an exported table that lost its merged "
         "cells; repeated the first 2 from the row above: 'Exchange 2013', 'Exchange Online'"),
    ]


def test_an_ordinary_short_row_is_reported_as_padded_at_its_end() -> None:
    source = "Intro.\n\na | b\n-- | --\n0 | 1\n5 |\n"
    assert report(source) == [
        ("table", 6, "info",
         "row has 1 of 2 cells; empty cells added at its end, as DocFX (Markdig) does"),
    ]


def test_a_short_row_of_a_table_without_the_export_marks_is_padded_not_restored() -> None:
    source = EXPORTED.replace("|Other  <br/> |", "|Other|")  # one body cell lacks <br/>
    assert [(kind, line) for kind, line, _, message in report(source)
            if "empty cells added" in message] == [("table", 6), ("table", 7)]
    assert "docfx-merged-cell" not in translate_fixture(source).html


def test_extra_cells_warn_with_the_row_line_and_keep_their_text() -> None:
    source = "a | b\n-- | --\n0 | 1\n2 | 3 | lost? | not here\n"
    result = translate_fixture(source)
    assert report(source) == [
        ("table", 4, "warning", "row has 4 cells under a 2-column header; DocFX (Markdig) "
         "drops the last 2: their text is kept at the end of the row's last cell"),
    ]
    assert "<td>3 | lost? | not here</td>" in result.html
    (warning,) = result.report.of_level("warning")
    assert warning.located(result.report.path).startswith(f"{ARTICLE}:4: row has 4 cells")


def test_extra_cells_without_text_are_not_reported() -> None:
    assert report("a | b\n-- | --\n0 | 1 | |\n") == []


def test_debris_is_reported_line_by_line_and_code_blocks_not_at_all() -> None:
    source = (
        "|\n"
        "|A|B|\n"
        "|---|---|\n"
        "|1|2|\n"
        "|\u00a0\n"
        "\n"
        "```\n"
        "|\n"
        "****\n"
        "```\n"
        "\n"
        "- Step ****one**** ****\n"
    )
    assert [(kind, line, message) for kind, line, _, message in report(source)] == [
        ("table", 1, "removed a lone '|' line left over from an export"),
        ("table", 5, "removed a lone '|' line left over from an export"),
        ("table", 12, "turned doubled bold markers '****text****' into bold"),
        ("table", 12, "removed a stray '****' (export debris) from the text"),
    ]


def test_pipes_in_code_links_and_html_are_not_reported_as_extra_cells() -> None:
    source = (
        "| Command | Note |\n"
        "|---|---|\n"
        "| `Get-Thing | Format-List Name` | Lists things. |\n"
        "| [a | b](sibling.md) | <abbr title=\"x|y\">xy</abbr> |\n"
    )
    assert [d for d in report(source) if d[0] == "table"] == []


def test_readings_that_differ_from_markdig_are_reported_with_their_lines() -> None:
    source = "Text line.\n| a | b |\n|---|---|\n| 1 | 2 |\nno pipe here\n"
    assert [(line, message.split(":")[0]) for _, line, _, message in report(source)] == [
        (2, "table right under a paragraph line"),
        (5, "row without a '|'"),
        (5, "row has 1 of 2 cells; empty cells added at its end, as DocFX (Markdig) does"),
    ]


def test_a_table_after_a_blank_line_with_a_pipe_in_every_row_is_not_reported() -> None:
    assert report("Text line.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == []
