"""The retired-links file: what it maps, and what a bad entry does."""

from __future__ import annotations

from translator.retired_links import DEFAULT_RETIRED_LINKS_FILE, load_retired_links

SEED_TECHNET_IDS = {
    "2c0012a9-7e71-40cd-a516-1b26117bf491": "https://learn.microsoft.com/exchange/"
    "mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-"
    "email-using-microsoft-365-or-office-365",
    "59e32000-4fcf-417f-a491-f1d8f9aeef9b": "https://learn.microsoft.com/exchange/exchange-hybrid",
    "2e6ed294-ee74-4038-8b71-b61786372ba4":
        "https://learn.microsoft.com/exchange/hybrid-configuration-wizard",
    "73559b0c-fc0e-41fd-84df-d07442137a0c":
        "https://learn.microsoft.com/exchange/mail-flow/connectors/connectors?view=exchserver-2019",
}


def test_the_packaged_file_knows_the_seed_articles_moves_and_not_the_2010_one() -> None:
    path = str(DEFAULT_RETIRED_LINKS_FILE)
    retired, problems = load_retired_links(DEFAULT_RETIRED_LINKS_FILE.read_text(), path)
    assert problems == []
    for guid, current in SEED_TECHNET_IDS.items():
        assert retired.current_url(f"http://technet.microsoft.com/library/{guid}.aspx") == current
    lost = "http://technet.microsoft.com/library/a23b2c29-e334-4159-b802-bc54f5ae2633.aspx"
    assert retired.current_url(lost) is None
    assert retired.is_retired(lost)
    assert not retired.is_retired("https://learn.microsoft.com/exchange/exchange-hybrid")


def test_a_bad_entry_is_named_and_skipped_the_others_still_apply() -> None:
    text = (
        "retired_hosts: [msdn.microsoft.com]\n"
        "links:\n"
        "  - retired: http://msdn.microsoft.com/library/a.aspx\n"
        "    current: http://insecure.example/a\n"
        "  - retired: http://msdn.microsoft.com/library/b.aspx\n"
        "    current: https://learn.microsoft.com/b\n"
    )
    retired, problems = load_retired_links(text, "retired.yaml")
    assert problems == [
        "retired.yaml: links entry 1 needs 'retired' (an address) and 'current' (an https:// "
        "URL); skipped"
    ]
    assert retired.current_url("HTTPS://MSDN.microsoft.com/en-us/library/b.aspx") == (
        "https://learn.microsoft.com/b"
    )
    assert retired.current_url("http://msdn.microsoft.com/library/a.aspx") is None


def test_a_file_that_is_not_yaml_replaces_nothing_and_says_so() -> None:
    retired, problems = load_retired_links("links: [unclosed\n", "retired.yaml")
    assert retired.moves == {}
    assert len(problems) == 1
    assert problems[0].startswith("retired.yaml: not valid YAML")
