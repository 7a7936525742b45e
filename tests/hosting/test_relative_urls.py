"""No absolute URL to ourselves: canonical links and the sitemap are relative."""

from __future__ import annotations

from site_hosting.relative_urls import relative_canonical_link, relative_sitemap

SITEMAP = """<urlset>
    <url>
         <loc>http://127.0.0.1:8000/docs/</loc>
    </url>
    <url>
         <loc>http://127.0.0.1:8000/docs/checker/</loc>
    </url>
    <url>
         <loc>https://elsewhere.example/page/</loc>
    </url>
</urlset>"""


def test_sitemap_locs_become_relative_to_the_site_root() -> None:
    xml = relative_sitemap(SITEMAP, "http://127.0.0.1:8000/docs/")
    assert "<loc>./</loc>" in xml
    assert "<loc>checker/</loc>" in xml
    assert "127.0.0.1" not in xml
    assert "<loc>https://elsewhere.example/page/</loc>" in xml  # not ours: left alone


def test_canonical_link_points_at_the_page_itself() -> None:
    html = '<head><link rel="canonical" href="http://127.0.0.1:8000/checker/"></head>'
    assert relative_canonical_link(html, "checker/") == (
        '<head><link rel="canonical" href="./"></head>'
    )
    assert 'href="page.html"' in relative_canonical_link(html, "folder/page.html")
    assert 'href="./"' in relative_canonical_link(html, "")
