"""A drawing named in ``image_replacements`` replaces a missing image only when the drawing
is itself in docs/: otherwise the reader gets the placeholder (never a broken image) and the
report says the image is missing, not that a drawing stands in for it."""

from __future__ import annotations

from translator import PageInfo, SiteIndex, TranslationSettings, translate_article
from translator.article import TranslatedArticle

PAGES = [PageInfo("area/article.md", "area/article/", "Article")]
SOURCE = b"![The flow](../media/lost.png)\n"


def _translate(files: list[str]) -> TranslatedArticle:
    settings = TranslationSettings(image_replacements={"lost.png": "media/our-drawing.svg"})
    return translate_article("area/article.md", SOURCE, SiteIndex.build(PAGES, files), settings)


def test_a_replacement_that_is_not_in_docs_leaves_the_placeholder() -> None:
    result = _translate([])
    assert result.html == (
        '<p><span class="docfx-missing-image" role="img" aria-label="The flow">'
        "Image not available: The flow</span></p>\n"
    )
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("image", 1, "unresolved", "missing image ../media/lost.png: shown as a placeholder"),
    ]


def test_a_replacement_in_docs_stands_in_for_the_missing_image() -> None:
    result = _translate(["media/our-drawing.svg"])
    assert result.html == '<p><img src="../../media/our-drawing.svg" alt="The flow" /></p>\n'
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("image", 1, "info",
         "missing image ../media/lost.png -> our drawing media/our-drawing.svg"),
    ]
