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
