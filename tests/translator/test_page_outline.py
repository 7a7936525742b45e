"""The page's outline (MkDocs' table of contents) and its headings' HTML.

Each heading's outline entry carries its level, its id and its plain title (text, code and
marker text such as a no-loc's, HTML-escaped without quotes, as MkDocs' toc tokens carry it);
legacy anchors sit inside their heading, also when the article is rendered twice.
"""

from __future__ import annotations

from translator import SiteIndex, parse_article, render_article
from translator.material_html import Heading

from .fixture_site import ARTICLE, FILES, OTHER_PAGES, SETTINGS, translate_fixture

SOURCE = (
    '# Connectors & "rules"\n\n'
    '## Run `Get-InboundConnector` in :::no-loc text="Exchange Online":::\n'
    '<a name="old-name"></a>\n\n'
    "Text.\n\n"
    "### A \\* star\n"
)
HTML = (
    '<h1 id="connectors--rules">Connectors &amp; &quot;rules&quot;<a class="headerlink" '
    'href="#connectors--rules" title="Permanent link">&para;</a></h1>\n'
    '<h2 id="run-get-inboundconnector-in"><a id="old-name" class="docfx-anchor"></a>Run '
    "<code>Get-InboundConnector</code> in Exchange Online<a class=\"headerlink\" "
    'href="#run-get-inboundconnector-in" title="Permanent link">&para;</a></h2>\n'
    "<p>Text.</p>\n"
    '<h3 id="a--star">A * star<a class="headerlink" href="#a--star" '
    'title="Permanent link">&para;</a></h3>\n'
)


def test_the_outline_has_each_headings_level_id_and_plain_title() -> None:
    result = translate_fixture(SOURCE)
    assert result.html == HTML
    assert result.headings == [
        Heading(1, "connectors--rules", 'Connectors &amp; "rules"'),
        Heading(2, "run-get-inboundconnector-in", "Run Get-InboundConnector in Exchange Online"),
        Heading(3, "a--star", "A * star"),
    ]


def test_rendering_an_article_twice_writes_its_legacy_anchors_once() -> None:
    parsed = parse_article(ARTICLE, SOURCE.encode("utf-8"))
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], FILES)
    first = render_article(parsed, index, SETTINGS)
    second = render_article(parsed, index, SETTINGS)
    assert first.html == second.html == HTML
