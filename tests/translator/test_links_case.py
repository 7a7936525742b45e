"""Site-absolute links ignore case (public addresses do), but a page whose path matches
exactly wins over one that only matches in another case."""

from __future__ import annotations

from translator import PageInfo, SiteIndex, TranslationSettings, translate_article


def test_a_site_absolute_link_prefers_the_page_in_its_own_case() -> None:
    pages = [
        PageInfo("area/Guide.md", "area/Guide/", "Upper-case guide"),
        PageInfo("area/guide.md", "area/guide/", "Lower-case guide"),
        PageInfo("area/article.md", "area/article/", "Article"),
    ]
    source = b"[](/exchange/area/guide)\n"
    result = translate_article("area/article.md", source, SiteIndex.build(pages, []),
                               TranslationSettings())
    assert result.html == '<p><a href="../guide/">Lower-case guide</a></p>\n'
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("link", 1, "replaced",
         "empty link text replaced by its title: 'Lower-case guide' (/exchange/area/guide)"),
    ]
