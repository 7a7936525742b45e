"""Where the site index finds articles by site-absolute path, and what the translation
publishes to the other plugins (titles and uids of the pages)."""

from __future__ import annotations

from translator import PageInfo, TranslationSettings
from translator.docset_translation import DocsetTranslation
from translator.site_index import docset_paths, public_site_url


def test_site_absolute_paths_are_looked_up_under_the_longest_content_prefix_first() -> None:
    settings = TranslationSettings(
        upstream_base_url="https://learn.example/exchange/",
        docset_root="set",
        content_folders={"set/Alpha": "online", "set/Zulu": "online/deep"},
    )
    assert docset_paths("/Exchange/online/deep/a", settings) == [
        "set/Zulu/a", "set/Alpha/deep/a", "set/online/deep/a"]
    assert docset_paths("/other/a", settings) is None


def test_a_public_url_keeps_the_site_hrefs_own_query_not_the_base_urls() -> None:
    settings = TranslationSettings(upstream_base_url="https://learn.example/exchange/?x=1#top")
    assert public_site_url("/exchange/a?view=b", settings) == (
        "https://learn.example/exchange/a?view=b")


def test_the_published_titles_and_uids_are_those_of_the_pages_asked_for() -> None:
    published = DocsetTranslation(articles={
        "a.md": PageInfo("a.md", "a/", "A", uid="uid.a"),
        "b.md": PageInfo("b.md", "b/", "B"),
        "c.md": PageInfo("c.md", "c/", "C", uid="uid.c"),
    })
    assert published.titles() == {"a.md": "A", "b.md": "B", "c.md": "C"}
    assert published.titles({"b.md", "c.md"}) == {"b.md": "B", "c.md": "C"}
    assert published.uids() == {"uid.a": "a.md", "uid.c": "c.md"}
    assert published.uids(frozenset({"a.md", "b.md"})) == {"uid.a": "a.md"}
