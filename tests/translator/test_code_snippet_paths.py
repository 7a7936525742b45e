"""How a ``[!code-...](path...)`` snippet line is read: its path, query, bookmark and title.

DocFX (dotnet/docfx docs/docs/markdown.md, "Code Snippet"; ``CodeSnippet/CodeSnippetParser.cs``)
reads the path up to ``?``, ``#``, ``"`` or the ``)`` that closes it: a backslash escapes the
next character, brackets inside the path are balanced; an empty query (``?``), bookmark
(``#``) or title (``""``) is allowed. A line that does not close its name or its path is no
snippet: it stays text (and its marker is reported as unknown syntax).
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES = {
    "area/topic/(draft).ps1": b"Write-Output draft\n",
    "area/snippets/v2).ps1": b"Write-Output v2\n",
    "area/snippets/connect(v2)": b"Connect-ExchangeOnline\nGet-InboundConnector\n",
    "area/snippets/Export.ps1": b"#region XmlSetup\n$xml = 1\n#endregion\nExport-Clixml\n",
    "area/snippets/XmlExport.ps1": b"Export-Clixml\n",
}


def code(text: str) -> str:
    return f'<pre><code class="language-powershell">{text}\n</code></pre>\n'


def read(*names: str) -> list[str]:
    return [f"code:{2 * n + 1} info: '[!code]' -> the code of {name}"
            for n, name in enumerate(names)]


def test_escaped_and_balanced_brackets_belong_to_the_path() -> None:
    html, report = translate_with(
        "[!code-powershell[](\\(draft\\).ps1)]\n\n"
        "[!code-powershell[](../snippets/v2\\).ps1)]\n\n"
        "[!code-powershell[](../snippets/connect(v2)?range=1)]\n\n"
        "[!code-powershell[](../snippets/connect(v2)#L2)]\n", FILES)
    assert html == (code("Write-Output draft") + code("Write-Output v2")
                    + code("Connect-ExchangeOnline") + code("Get-InboundConnector"))
    assert report == read("area/topic/(draft).ps1", "area/snippets/v2).ps1",
                          "area/snippets/connect(v2)", "area/snippets/connect(v2)")


def test_paths_and_region_names_in_capitals_are_read_whole() -> None:
    html, report = translate_with(
        "[!code-powershell[](../snippets/Export.ps1?name=XmlSetup)]\n\n"
        "[!code-powershell[](../snippets/Export.ps1#XmlSetup)]\n\n"
        "[!code-powershell[](../snippets/XmlExport.ps1)]\n", FILES)
    assert html == code("$xml = 1") * 2 + code("Export-Clixml")
    assert report == read("area/snippets/Export.ps1", "area/snippets/Export.ps1",
                          "area/snippets/XmlExport.ps1")


def test_an_empty_query_bookmark_or_title_shows_the_whole_file() -> None:
    html, report = translate_with(
        "[!code-powershell[](../snippets/v2\\).ps1?)]\n\n"
        "[!code-powershell[](../snippets/v2\\).ps1#)]\n\n"
        '[!code-powershell[](../snippets/v2\\).ps1 "")]\n', FILES)
    assert html == code("Write-Output v2") * 3
    assert report == read(*["area/snippets/v2).ps1"] * 3)


def test_a_line_that_does_not_close_its_name_or_path_is_text() -> None:
    html, report = translate_with(
        "[!code-csharp[unclosed\n\n"
        "[!code-csharp[x]../snippets/Program.cs)]\n\n"
        "[!code-csharp[](../snippets/Program.cs\n", FILES)
    assert html == (
        "<p>[!code-csharp[unclosed</p>\n<p>[!code-csharp[x]../snippets/Program.cs)]</p>\n"
        "<p>[!code-csharp[](../snippets/Program.cs</p>\n"
    )
    assert report == [f"syntax:{n} warning: DocFX syntax '[!code-csharp' is not supported; "
                      "kept as text" for n in (1, 3, 5)]
