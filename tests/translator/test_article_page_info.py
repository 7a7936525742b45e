"""What a parsed article tells the site index and the other plugins about itself
(`ParsedArticle.page_info`): its ms.assetid, its uid and the anchors links may target.

DocFX: a cross reference names a page by its front matter ``uid`` (docs/docs/links-and-cross-
references.md, "Cross reference"), a text value. A redirect stub (front matter
``redirect_url``) sends its readers elsewhere and has no sections of its own, so a link to
one of its anchors is not checked: the reader lands on the redirect's target.
"""

from __future__ import annotations

import pytest

from translator import SiteIndex, parse_article, render_article
from translator.docset_translation import DocsetTranslation

from .fixture_site import SETTINGS
from .test_fixtures import report_lines


@pytest.mark.parametrize(("front_matter", "uid"), [
    ("title: A\n", None),
    ("uid: exchange.a\n", "exchange.a"),
    ("uid: '  exchange.a '\n", "exchange.a"),
    ("uid: 12\n", "12"),
    ("uid: '   '\n", None),
    ("uid: [exchange.a, exchange.b]\n", None),
])
def test_a_uid_is_published_only_when_it_is_a_text_or_number_value(
    front_matter: str, uid: str | None
) -> None:
    info = parse_article("a.md", f"---\n{front_matter}---\n\n# A\n".encode()).page_info()
    assert info.uid == uid
    published = DocsetTranslation(articles={"a.md": info})
    assert published.uids() == ({uid: "a.md"} if uid else {})


def test_an_article_without_an_assetid_has_none() -> None:
    assert parse_article("a.md", b"# A\n").page_info().assetid is None
    with_guid = b"---\nms.assetid: 11111111-2222-3333-4444-555555555555\n---\n\n# A\n"
    assert parse_article("a.md", with_guid).page_info().assetid == (
        "11111111-2222-3333-4444-555555555555")


def test_a_link_to_an_anchor_of_a_redirect_stub_is_not_checked() -> None:
    stub = parse_article("area/old.md", b"---\nredirect_url: new.md\n---\n")
    new = parse_article("area/new.md", b"# New\n\n## Part\n")
    article = parse_article("area/a.md", b"See [the part](old.md#part) or [this](new.md#gone).\n")
    assert stub.page_info().anchors is None
    index = SiteIndex.build([p.page_info() for p in (stub, new, article)],
                            ["area/old.md", "area/new.md", "area/a.md"])
    result = render_article(article, index, SETTINGS)
    assert result.html == ('<p>See <a href="../old/#part">the part</a> or '
                           '<a href="../new/#gone">this</a>.</p>\n')
    assert report_lines(result) == [
        "link:1 unresolved: new.md#gone: area/new.md has no anchor '#gone'"]
