"""The small site every fixture article is translated in."""

from __future__ import annotations

from translator import PageInfo, SiteIndex, TranslationSettings, translate_article
from translator.article import TranslatedArticle
from translator.retired_links import RetiredLinks

ARTICLE = "area/topic/article.md"
SETTINGS = TranslationSettings(
    upstream_base_url="https://learn.microsoft.com/exchange/",
    image_replacements={"lost.png": "media/our-drawing.svg"},
    retired_links=RetiredLinks(
        {"technet.microsoft.com/library/77777777-2222-3333-4444-555555555555.aspx":
         "https://learn.microsoft.com/exchange/current/device-page"},
        frozenset({"technet.microsoft.com"}),
    ),
)
OTHER_PAGES = [
    PageInfo("index.md", "", "Home"),
    PageInfo(
        "area/topic/sibling.md",
        "area/topic/sibling/",
        "Sibling article",
        assetid="11111111-2222-3333-4444-555555555555",
        anchors=frozenset({"sibling-heading", "LegacyTarget"}),
        uid="exchange.sibling",
    ),
    PageInfo("area/other/my article.md", "area/other/my article/", "An article with a space"),
]
FILES = [
    "media/present.png", "media/our-drawing.svg", "area/media/flow diagram.png", "media/guide.pdf",
    "media/demo.webm",
]
# Files the fixture articles include (paths relative to docs/).
INCLUDED = {
    "area/includes/prerequisites.md": (
        b"---\nms.topic: include\n---\n\n"
        b"You need an admin account. See [the sibling](../topic/sibling.md).\n\n"
        b"> [!NOTE]\n> Included notes become admonitions too.\n"
    ),
    "area/includes/product-name.md": b"Exchange Online Protection\n",
    "area/includes/loops.md": b"[!INCLUDE [again](loops.md)]\n",
    "area/includes/steps.md": b"1. Sign in.\n2. Open **Mail flow**.\n",
    "area/includes/heading.md": b"## Included heading\n\nSteps follow.\n",
    "area/includes/a(b).md": b"Text from a file with brackets in its name.\n",
    "area/snippets/new-connector.ps1": (
        b"# Creates a connector\n#region create\nNew-InboundConnector -Name 'From partner'\n"
        b"#endregion\nGet-InboundConnector | Format-List\n"
    ),
    # paths in an included file are relative to it (the article is in area/topic/)
    "area/includes/see-also.md": (
        b"See [the sibling](../topic/sibling.md#sibling-heading) and\n"
        b"![the flow](<../media/flow diagram.png>).\n"
    ),
    "area/includes/wrapper.md": b"[!INCLUDE [nested](deeper/nested.md)]\n",
    "area/includes/deeper/nested.md": b"Back [up](../../other/my%20article.md).\n",
    "area/includes/lost-image.md": b"A picture:\n\n![gone](../../media/absent.png)\n",
    "area/includes/links-an-include.md": b"\nDetails: [prerequisites](prerequisites.md).\n",
    "area/snippets/Program.cs": (
        b"using System;\n\nclass Program\n{\n    #region Main\n    static void Main()\n"
        b"    {\n        // <greeting>\n        Console.WriteLine(\"Hello\");\n"
        b"        // </greeting>\n    }\n    #endregion\n    // <snippet1>\n"
        b"    int One() => 1;\n    // </snippet1>\n}\n"
    ),
    "area/snippets/app.js": (
        b"// <setup>\nconst a = 1;\n//#region inner\nconst b = 2;\n//#endregion\n"
        b"// </setup>\nconsole.log(a + b);\n"
    ),
    # regions nested in a region, tabs, quotes, a blank first line, trailing spaces
    "area/snippets/shapes.cs": (
        b"\n\tvar a = \"one\";\n#Region Outer\n\tvar b = 2;\n  #region inner\n\tvar c = 3;\n"
        b"  #endregion\n\tvar d = 4;  \n#EndRegion\nvar e = 5;\n"
    ),
    # an included file with its own problems: front matter, a byte, export debris
    "area/includes/messy.md": (
        b"---\ntitle: [bad\n---\nCaf\xe9 text.\n\n|A|B|\n|---|---|\n|1|2|\n|\n"
    ),
    "area/snippets/notes.xyz": b"plain <text>\n",
    "area/snippets/v(2).ps1": b"Write-Output 2\n",
    "area/snippets/latin1.ps1": b"# Windows-1252\nWrite-Output \"caf\xe9\"\n",
    "area/includes/cycle-a.md": b"Start of A.\n\n[!INCLUDE [B](cycle-b.md)]\n",
    "area/includes/cycle-b.md": (
        b"---\nms.topic: include\n---\nB says hello.\n\n[!INCLUDE [A](cycle-a.md)]\n"
    ),
}


def translate_fixture(source: str) -> TranslatedArticle:
    """Translate `source` as `area/topic/article.md` of the fixture site."""
    from translator import parse_article, render_article

    parsed = parse_article(ARTICLE, source.encode("utf-8"), INCLUDED.get)
    not_pages = [path for path in INCLUDED if path.endswith(".md")]
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES, not_pages=not_pages)
    return render_article(parsed, index, SETTINGS)


__all__ = [
    "ARTICLE",
    "INCLUDED",
    "OTHER_PAGES",
    "SETTINGS",
    "translate_article",
    "translate_fixture",
]
