"""A retired-links entry that is not a mapping (a bare address) is named and skipped; the
others still apply."""

from __future__ import annotations

from translator.retired_links import load_retired_links


def test_an_entry_that_is_a_bare_address_is_skipped_and_named() -> None:
    text = (
        "retired_hosts: [msdn.microsoft.com]\n"
        "links:\n"
        "  - http://msdn.microsoft.com/library/a.aspx\n"
        "  - retired: http://msdn.microsoft.com/library/b.aspx\n"
        "    current: https://learn.microsoft.com/b\n"
    )
    retired, problems = load_retired_links(text, "retired.yaml")
    assert problems == [
        "retired.yaml: links entry 1 needs 'retired' (an address) and 'current' (an https:// "
        "URL); skipped"
    ]
    assert retired.moves == {"msdn.microsoft.com/library/b.aspx": "https://learn.microsoft.com/b"}


def test_addresses_that_differ_only_in_their_query_are_different_moves() -> None:
    text = (
        "links:\n"
        "  - retired: http://msdn.microsoft.com/library/page.aspx?id=1\n"
        "    current: https://learn.microsoft.com/one\n"
        "  - retired: http://msdn.microsoft.com/library/page.aspx?id=2\n"
        "    current: https://learn.microsoft.com/two\n"
    )
    retired, problems = load_retired_links(text, "retired.yaml")
    assert problems == []
    assert retired.current_url("https://msdn.microsoft.com/library/page.aspx?ID=1") == (
        "https://learn.microsoft.com/one")
    assert retired.current_url("http://msdn.microsoft.com/library/page.aspx?id=2") == (
        "https://learn.microsoft.com/two")
    assert retired.current_url("http://msdn.microsoft.com/library/page.aspx") is None
