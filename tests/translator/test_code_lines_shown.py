"""The lines of a code sample as shown: exactly the file's text, dedented as DocFX does.

DocFX (dotnet/docfx docs/docs/markdown.md, "Code Snippet"; ``HtmlCodeSnippetRenderer``)
removes the lines' common indentation, or with ``dedent=N`` at most N spaces of each line
(a line with fewer loses only what it has); lines holding only spaces keep them, and the
text's last characters are kept as written (only trailing newlines go).
"""

from __future__ import annotations

from .site_with_files import translate_with

FILES = {
    "area/snippets/limits.ps1": b"$limit = $MAX\n",
    "area/snippets/blank.ps1": b"Write-Output 1\n   \n\n",
}


def test_the_last_characters_of_the_code_are_kept() -> None:
    html, report = translate_with(':::code source="../snippets/limits.ps1":::\n', FILES)
    assert html == '<pre><code class="language-powershell">$limit = $MAX\n</code></pre>\n'
    assert report == ["code:1 info: ':::code' -> the code of area/snippets/limits.ps1"]


def test_lines_of_spaces_only_are_shown_with_their_spaces() -> None:
    html, report = translate_with(
        ':::code source="../snippets/blank.ps1" range="2-3":::\n', FILES)
    assert html == '<pre><code class="language-powershell">   \n</code></pre>\n'
    assert report == ["code:1 info: ':::code' -> the code of area/snippets/blank.ps1"]


def test_dedent_removes_at_most_the_spaces_a_line_has() -> None:
    html, report = translate_with(
        "[!code-csharp[](../snippets/Program.cs?name=Main&dedent=8)]\n", FILES)
    assert html == (
        '<pre><code class="language-csharp">static void Main()\n{\n'
        "Console.WriteLine(&quot;Hello&quot;);\n}\n</code></pre>\n"
    )
    assert report == ["code:1 info: '[!code]' -> the code of area/snippets/Program.cs"]
