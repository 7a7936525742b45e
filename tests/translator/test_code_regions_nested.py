"""Regions inside regions, and open line ranges, in code samples (``:::code`` and
``[!code-...]``).

DocFX (dotnet/docfx docs/docs/markdown.md, "Code Snippet"; ``CodeSnippet`` extractors) reads
a region to its own end marker: regions opened inside it (``#region`` in any case, as C#,
PowerShell and VB write it) are counted, their markers left out, their lines kept. A range
``N-`` runs to the last line.
"""

from __future__ import annotations

from .site_with_files import translate_with

CODE = {
    "area/snippets/nested.cs": (
        b"#region outer\nvar a = 1;\n#Region Inner\nvar b = 2;\n  #region deepest\n"
        b"var c = 3;\n  #endregion\nvar d = 4;\n#EndRegion\nvar e = 5;\n#endregion\n"
        b"var f = 6;\n"
    ),
}


def test_a_region_holding_regions_two_deep_in_any_case_is_read_to_its_own_end() -> None:
    html, report = translate_with(':::code source="../snippets/nested.cs" id="outer":::\n', CODE)
    assert html == (
        '<pre><code class="language-csharp">var a = 1;\nvar b = 2;\nvar c = 3;\nvar d = 4;\n'
        "var e = 5;\n</code></pre>\n"
    )
    assert report == ["code:1 info: ':::code' -> the code of area/snippets/nested.cs"]


def test_an_inner_region_in_capitals_is_read_to_its_own_end() -> None:
    html, report = translate_with("[!code-csharp[](../snippets/nested.cs#Inner)]\n", CODE)
    assert html == (
        '<pre><code class="language-csharp">var b = 2;\nvar c = 3;\nvar d = 4;\n</code></pre>\n'
    )
    assert report == ["code:1 info: '[!code]' -> the code of area/snippets/nested.cs"]


def test_an_open_range_runs_from_its_line_to_the_last() -> None:
    html, report = translate_with(
        ':::code source="../snippets/nested.cs" range="10-" highlight="2-":::\n', CODE)
    assert html == (
        '<div class="highlight"><pre><code class="language-csharp">var e = 5;\n'
        '<span class="hll">#endregion\n</span><span class="hll">var f = 6;\n</span>'
        "</code></pre></div>\n"
    )
    assert report == ["code:1 info: ':::code' -> the code of area/snippets/nested.cs"]
