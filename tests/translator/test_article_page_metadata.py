"""What `translate_article` hands MkDocs besides the HTML: the front matter it reads (title,
description as written, in any script and at any length, on one line each; the article's
public address after the docset root and docfx.json's content folders) and every id a
link can target on the page.
"""

from __future__ import annotations

import pytest

from translator import TranslationSettings, translate_article

BASE = "https://learn.microsoft.com/exchange/"
LONG = ("Use connectors to route mail between Microsoft 365 or Office 365 and your own email "
        "servers, a partner organization or a service provider, over TLS where both sides "
        "can do it.")


def test_the_front_matter_keeps_its_text_as_written_on_one_line() -> None:
    source = (f"---\ntitle: Connecteurs de Zürich 日本\ndescription: {LONG}\n---\n\n"
              "# Heading\n").encode()
    result = translate_article("set/area/a.md", source)
    assert result.markdown == (
        "---\ntitle: Connecteurs de Zürich 日本\n"
        f"description: {LONG}\n"
        "public_url: https://learn.microsoft.com/exchange/set/area/a\n---\n")


@pytest.mark.parametrize(("settings", "public_url"), [
    (TranslationSettings(docset_root="set"), f"{BASE}area/a"),
    (TranslationSettings(docset_root="set", content_folders={"set/area": "routing"}),
     f"{BASE}routing/a"),
])
def test_the_public_address_follows_the_docset_root_and_the_content_folders(
    settings: TranslationSettings, public_url: str,
) -> None:
    result = translate_article("set/area/a.md", b"# A\n", settings=settings)
    assert result.meta["public_url"] == public_url
    assert result.markdown == f"---\ntitle: A\npublic_url: {public_url}\n---\n"


def test_every_heading_and_legacy_anchor_is_an_id_a_link_can_target() -> None:
    result = translate_article("a.md", b'# A\n\n## First part\n\n<a name="Old"></a>\n\n## Next\n')
    assert result.anchor_ids == frozenset({"a", "first-part", "Old", "next"})


def test_a_quoted_empty_ms_date_means_no_date_silently_as_an_empty_one_does() -> None:
    result = translate_article("a.md", b'---\ntitle: A\nms.date: ""\n---\n\n# A\n')
    assert "revision_date" not in result.meta
    assert result.report.decisions == []


def test_an_ms_date_that_is_not_a_date_is_a_warning_on_its_line() -> None:
    result = translate_article("a.md", b"---\ntitle: A\nms.date: someday\n---\n\n# A\n")
    assert "revision_date" not in result.meta
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("front-matter", 3, "warning", "ms.date 'someday' is not a date like 6/23/2018 or "
         "2018-06-23; no 'last updated' date is shown")]
