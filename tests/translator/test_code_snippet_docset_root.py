"""A code snippet path starting ``~/`` starts at the docset root, not at docs/ (DocFX
docs/docs/markdown.md, "Code Snippet": the path is read like an include's), so a docset
dropped into a sub-folder of docs/ finds its own files."""

from __future__ import annotations

from translator import SiteIndex, TranslationSettings, parse_article, render_article

FILES = {
    "upstream/snippets/run.ps1": b"Write-Output docset\n",
    "snippets/run.ps1": b"Write-Output docs-root\n",
}
SOURCE = b"[!code-powershell[](~/snippets/run.ps1)]\n"


def test_a_docset_root_path_reads_the_file_under_the_docset_root() -> None:
    parsed = parse_article("upstream/area/article.md", SOURCE, FILES.get, docset_root="upstream")
    index = SiteIndex.build([parsed.page_info()], list(FILES))
    result = render_article(parsed, index, TranslationSettings(docset_root="upstream"))
    assert result.html == (
        '<pre><code class="language-powershell">Write-Output docset\n</code></pre>\n'
    )
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("code", 1, "info", "'[!code]' -> the code of upstream/snippets/run.ps1"),
    ]
