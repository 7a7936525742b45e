"""Every reachable case, with the verdict and connectors the article prescribes.

Written by hand from the seed article ("Configure mail flow using connectors in Office
365"), not from the engine's output. Each row cites where it comes from:
  T1 = the table under "When do I need a connector?" (#NeedConnector1), rows 1-4
       (standalone EOP; Exchange Online + own servers; printers/apps; partners);
  T2 = the table under "What if I have EOP or Exchange Online and my own email servers?"
       (#WhatifIhave1), rows 1-5 after restoring the merged cells: 1 Exchange 2013/2010 +
       EOP; 2 Exchange 2013/2010 + Exchange Online + hybrid No; 3 same + hybrid Yes;
       4 Exchange 2007 or earlier; 5 non-Microsoft SMTP server.
Connector ends: SRV = your-servers, O365 = office-365, PTN = partner.

These are the seed's 18 cases: the second contract's questions (mx, outbound, add_on,
device_method, hybrid_connectors) take their defaults. What those questions change is in
test_engine_situations.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from engine import Model, decide, decision_table_markdown, reachable_answer_sets

SRV, O365, PTN = "your-servers", "office-365", "partner"
REQ, OPT = "required", "optional"

ROUTING = {(SRV, O365, REQ), (O365, SRV, REQ)}  # T1 rows 1-2 "Yes": incoming + outgoing connector
DEVICE = {(SRV, O365, OPT)}  # T1 row 3 "Optional": "Only one connector needed"
PARTNER = {(PTN, O365, OPT), (O365, PTN, OPT)}  # T1 row 4 "Optional": incoming + outgoing

EXO, EOP = "exchange-online", "eop"
NEW, OLD, OTHER = "exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp"


def case(service: str, servers: str, **more: str) -> dict[str, str]:
    return {"service": service, "servers": servers, **more}


# (answers, verdict, connectors as (from, to, need), where in the article)
EXPECTED: list[tuple[dict[str, str], str, set[tuple[str, str, str]], str]] = [
    # All mailboxes in Exchange Online.
    (
        case(EXO, "none", devices="no", partners="no"),
        "not-needed",
        set(),
        "#NeedConnector1 intro: Exchange Online sends/receives Internet mail right away",
    ),
    (
        case(EXO, "none", devices="yes", partners="no"),
        OPT,
        DEVICE,
        "T1 row 3 (non-mailboxes such as printers): Optional; #ConnectorsForMailNot1",
    ),
    (
        case(EXO, "none", devices="no", partners="yes"),
        OPT,
        PARTNER,
        "T1 row 4 (partners, security restrictions): Optional; #ConnMailFlow1",
    ),
    (
        case(EXO, "none", devices="yes", partners="yes"),
        OPT,
        DEVICE | PARTNER,
        "T1 rows 3 and 4, both Optional",
    ),
    # Exchange Online + Exchange 2010 or later on your servers.
    (
        case(EXO, NEW, hybrid="yes", partners="no"),
        "not-needed",
        set(),
        "T2 row 3: hybrid Yes -> 'No.' the Hybrid Configuration wizard creates them",
    ),
    (
        case(EXO, NEW, hybrid="yes", partners="yes"),
        OPT,
        PARTNER,
        "T2 row 3 (nothing to create) + T1 row 4 (partners Optional)",
    ),
    (
        case(EXO, NEW, hybrid="no", partners="no"),
        REQ,
        ROUTING,
        "T2 row 2 (consider hybrid, else set up connectors) + T1 row 2: Yes",
    ),
    (
        case(EXO, NEW, hybrid="no", partners="yes"),
        REQ,
        ROUTING | PARTNER,
        "T2 row 2 + T1 row 2 (Yes) + T1 row 4 (Optional)",
    ),
    # Exchange Online + Exchange 2007 or earlier / another SMTP server.
    (case(EXO, OLD, partners="no"), REQ, ROUTING, "T2 row 4 (Exchange Online listed): Yes"),
    (case(EXO, OLD, partners="yes"), REQ, ROUTING | PARTNER, "T2 row 4 + T1 row 4"),
    (case(EXO, OTHER, partners="no"), REQ, ROUTING, "T2 row 5 (Exchange Online listed): Yes"),
    (case(EXO, OTHER, partners="yes"), REQ, ROUTING | PARTNER, "T2 row 5 + T1 row 4"),
    # Standalone EOP in front of your own servers (T1 row 1: always Yes).
    (case(EOP, NEW, partners="no"), REQ, ROUTING, "T2 row 1 (hybrid Not available): Yes; T1 row 1"),
    (case(EOP, NEW, partners="yes"), REQ, ROUTING | PARTNER, "T2 row 1 + T1 rows 1 and 4"),
    (case(EOP, OLD, partners="no"), REQ, ROUTING, "T2 row 4 (EOP listed): Yes; T1 row 1"),
    (case(EOP, OLD, partners="yes"), REQ, ROUTING | PARTNER, "T2 row 4 + T1 rows 1 and 4"),
    (case(EOP, OTHER, partners="no"), REQ, ROUTING, "T2 row 5 (EOP listed): Yes; T1 row 1"),
    (case(EOP, OTHER, partners="yes"), REQ, ROUTING | PARTNER, "T2 row 5 + T1 rows 1 and 4"),
]

# The From/To options the article says to pick, per connector direction.
ARTICLE_SETTINGS = {
    (SRV, O365): ("Your organization's email server", "Office 365"),
    (O365, SRV): ("Office 365", "Your organization's email server"),
    (PTN, O365): ("Partner organization", "Office 365"),
    (O365, PTN): ("Office 365", "Partner organization"),
}


def connector_set(result: Any) -> set[tuple[str, str, str]]:
    return {(c["from"], c["to"], c["need"]) for c in result["connectors"]}


def seed_reading(model: Model, answers: dict[str, str]) -> dict[str, str] | None:
    """`answers` without the later questions' defaults; None if one differs from its default."""
    if answers["service"] == "neither":
        return None
    kept = {}
    for key, value in answers.items():
        default = model.questions[key].default
        if default is None:
            kept[key] = value
        elif value != default:
            return None
    return kept


def test_expected_table_covers_exactly_the_seed_cases(model: Model) -> None:
    reachable = [seed_reading(model, answers) for answers in reachable_answer_sets(model)]
    seed_cases = [answers for answers in reachable if answers is not None]
    assert len(seed_cases) == 18
    expected = [answers for answers, *_ in EXPECTED]
    assert sorted(map(sorted, map(dict.items, seed_cases))) == sorted(
        map(sorted, map(dict.items, expected))
    )


@pytest.mark.parametrize(
    ("answers", "verdict", "connectors", "source"), EXPECTED, ids=[row[3] for row in EXPECTED]
)
def test_case(
    model: Model, answers: dict[str, str], verdict: str, connectors: set[Any], source: str
) -> None:
    result = decide(model, answers)
    assert result["verdict"] == verdict, source
    assert connector_set(result) == connectors, source
    assert len(result["connectors"]) == len(connectors), "each connector once"
    assert result["ignored"] == []


@pytest.mark.parametrize("answers", [row[0] for row in EXPECTED])
def test_settings_are_the_articles_from_to_options(model: Model, answers: dict[str, str]) -> None:
    for connector in decide(model, answers)["connectors"]:
        expected_from, expected_to = ARTICLE_SETTINGS[(connector["from"], connector["to"])]
        assert connector["settings"] == {"from": expected_from, "to": expected_to}


@pytest.mark.parametrize("answers", [row[0] for row in EXPECTED])
def test_accepted_domains_come_first_whenever_a_connector_is_suggested(
    model: Model, answers: dict[str, str]
) -> None:
    # #HowDoI1: accepted domains must be set up before any connector.
    result = decide(model, answers)
    mentions = [step for step in result["next_steps"] if "accepted domains" in step]
    hrefs = [link["href"] for link in result["links"]]
    accepted_domains = (
        "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
        "manage-accepted-domains/manage-accepted-domains"
    )
    if result["connectors"]:
        assert mentions and result["next_steps"][0] == mentions[0]
        assert accepted_domains in hrefs
    else:
        assert not mentions
        assert accepted_domains not in hrefs


def test_no_hybrid_yet_suggests_considering_a_hybrid_deployment(model: Model) -> None:
    # T2 row 2: consider whether a hybrid deployment fits before connectors by hand.
    result = decide(model, case(EXO, NEW, hybrid="no", partners="no"))
    assert any("hybrid deployment" in step for step in result["next_steps"])
    titles = {link["title"] for link in result["links"]}
    assert {"Exchange Server Hybrid Deployments", "Hybrid Configuration wizard"} <= titles
    hrefs = {link["href"] for link in result["links"]}
    assert "https://learn.microsoft.com/exchange/hybrid-configuration-wizard" in hrefs


def test_hybrid_done_points_to_the_eac_connectors_page_or_rerunning_the_wizard(
    model: Model,
) -> None:
    # T2 row 3 and "What if I have already run the Exchange Hybrid Configuration Wizard?"
    result = decide(model, case(EXO, NEW, hybrid="yes", partners="no"))
    steps = " ".join(result["next_steps"])
    assert "Connectors page" in steps and "Exchange admin center" in steps
    assert "Hybrid Configuration wizard again" in steps
    assert any("already created" in text for text in result["explanation"])


def test_exchange_2007_says_to_check_the_connectors_page_first(model: Model) -> None:
    # T2 row 4: "in limited circumstances" a hybrid with Exchange 2007 may already have
    # connectors; it is built by the wizard on an added Exchange 2013 server.
    result = decide(model, case(EXO, OLD, partners="no"))
    assert any("Connectors page" in step for step in result["next_steps"])
    assert any(
        "limited" in text and "Exchange 2013 server" in text for text in result["explanation"]
    )


def test_exchange_2007_with_standalone_eop_has_no_hybrid_note(model: Model) -> None:
    # Seed line 69: hybrid is "Not available" with standalone EOP.
    result = decide(model, case(EOP, OLD, partners="no"))
    text = " ".join([*result["explanation"], *result["next_steps"]])
    assert "2007" not in text and "limited" not in text
    assert "A hybrid deployment does not apply to standalone EOP." in text


def test_partner_connectors_offer_tls_domain_and_ip_restrictions(model: Model) -> None:
    # #ConnMailFlow1 and "Additional partner organization connector options".
    result = decide(model, case(EXO, "none", devices="no", partners="yes"))
    incoming = next(c for c in result["connectors"] if c["from"] == PTN)
    outgoing = next(c for c in result["connectors"] if c["to"] == PTN)
    options = " ".join(incoming["options"])
    assert "TLS" in options and "domain" in options and "IP address ranges" in options
    assert any("TLS" in option for option in outgoing["options"])
    set_up = (
        "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
        "use-connectors-to-configure-mail-flow/set-up-connectors-for-secure-mail-flow-with-a-partner"
    )
    assert incoming["set_up"]["href"] == outgoing["set_up"]["href"] == set_up


def paths(result: Any) -> dict[tuple[str, str, tuple[str, ...]], str]:
    return {(p["from"], p["to"], tuple(p["via"])): p["connector"] for p in result["mail_paths"]}


def test_mail_paths_follow_john_bob_and_sun(model: Model) -> None:
    # #HowDoConnectors1 example: John on your server, Bob in Office 365, Sun on the Internet.
    result = decide(model, case(EXO, OTHER, partners="no"))
    assert paths(result) == {
        (SRV, O365, ()): "needed",  # John -> Bob: connectors needed
        (O365, SRV, ()): "needed",  # Bob -> John
        (SRV, "internet", (O365,)): "needed",  # John -> Sun: connectors, via Office 365
        ("internet", SRV, (O365,)): "needed",  # Sun -> John
        (O365, "internet", ()): "none",  # Bob -> Sun: no connector
        ("internet", O365, ()): "none",  # Sun -> Bob
    }


def test_hybrid_connectors_are_needed_but_in_place(model: Model) -> None:
    # Facts section 1, item 9: "not needed" is about creating them; the paths still use
    # connectors, which the wizard made.
    result = decide(model, case(EXO, NEW, hybrid="yes", partners="no"))
    assert result["verdict"] == "not-needed"
    assert paths(result)[(SRV, O365, ())] == paths(result)[(O365, SRV, ())] == "in-place"
    assert "already created" in result["headline"]
    assert any(edge["kind"] == "in-place" for edge in result["diagram"]["edges"])


def test_standalone_eop_has_no_mailboxes_in_office_365(model: Model) -> None:
    result = decide(model, case(EOP, NEW, partners="no"))
    assert paths(result) == {
        (SRV, "internet", (O365,)): "needed",
        ("internet", SRV, (O365,)): "needed",
    }


def test_cloud_only_mail_needs_no_connector(model: Model) -> None:
    result = decide(model, case(EXO, "none", devices="no", partners="no"))
    assert set(paths(result).values()) == {"none"}


def test_links_are_absolute_and_section_links_also_name_their_page_on_the_site(
    model: Model,
) -> None:
    # Links work outside the site (CLI, JSON): the public article with its anchor; the
    # page uses site_path, the article's path on this site.
    article = (
        "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
        "use-connectors-to-configure-mail-flow"
    )
    sections_seen = set()
    for answers, *_ in EXPECTED:
        for link in decide(model, answers)["links"]:
            assert link["href"].startswith("https://learn.microsoft.com/")
            assert not link["href"].endswith(".md")
            if link["section"] is None:
                assert link["site_path"] is None
            else:
                assert link["href"] == (
                    f"https://learn.microsoft.com/exchange/{article}#{link['section']}"
                )
                assert link["site_path"] == f"{article}/#{link['section']}"
                sections_seen.add(link["section"])
    assert sections_seen == {
        "NeedConnector1",
        "WhatifIhave1",
        "HowDoConnectors1",
        "HowDoConnectors1-2",
        "ConnMailFlow1",
        "ConnectorsForMailNot1",
        "HowDoI1",
    }


def test_fired_rules_cite_the_article(model: Model) -> None:
    result = decide(model, case(EXO, NEW, hybrid="no", partners="yes"))
    fired = {(f["table"], f["rule"]) for f in result["fired"]}
    assert ("your-servers", "exchange-2010-or-later-without-hybrid") in fired
    article = (
        "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
        "use-connectors-to-configure-mail-flow/use-connectors-to-configure-mail-flow"
    )
    for entry in result["fired"]:
        assert entry["because"]
        # The whole link: the article's address, then the section (not just "#section").
        assert entry["source"]["href"] == f"{article}#{entry['source']['section']}"
        assert entry["source"]["seed_lines"]


def test_result_has_every_contract_field(model: Model) -> None:
    result = decide(model, case(EXO, "none", devices="yes", partners="yes"))
    for field in ("verdict", "connectors", "explanation", "links", "next_steps", "ignored"):
        assert field in result
    for connector in result["connectors"]:
        assert {"from", "to", "need", "settings"} <= connector.keys()
    for link in result["links"]:
        assert {"title", "href"} <= link.keys()


def test_decision_table_markdown_agrees_with_the_article(model: Model) -> None:
    lines = decision_table_markdown(model).splitlines()
    header, _, *rows = [line for line in lines if line.startswith("| ")]
    columns = [cell.strip().strip("`") for cell in header.strip("|").split("|")]
    seen = []
    for row in rows:
        cells = dict(
            zip(columns, (cell.strip() for cell in row.strip("|").split("|")), strict=True)
        )
        answers = seed_reading(
            model,
            {key: value for key, value in cells.items() if key in model.questions and value != "—"},
        )
        if answers is None:
            continue  # a later question answered otherwise: see test_engine_situations.py
        verdict, connectors = next((v, c) for a, v, c, _ in EXPECTED if a == answers)
        assert cells["Verdict"] == verdict
        expected_cell = sorted(
            f"{ARTICLE_SETTINGS[(f, t)][0]} → {ARTICLE_SETTINGS[(f, t)][1]} ({need})"
            for f, t, need in connectors
        )
        listed = (
            []
            if cells["Connectors to create"] == "none"
            else cells["Connectors to create"].split("<br>")
        )
        assert sorted(listed) == expected_cell
        seen.append(answers)
    assert len(seen) == len(EXPECTED)


def test_every_headline_counts_the_connectors_it_announces(model: Model) -> None:
    """`Yes — 3 connectors to create (2 required)`, `Optional — 1 connector to create, if
    you want it`, `No — no connector to create`, then the outcome's note if any."""
    seen = set()
    for answers in reachable_answer_sets(model):
        result = decide(model, answers)
        needs = [c["need"] for c in result["connectors"]]
        count, required = len(needs), needs.count("required")
        if not needs:
            start = "No — no connector to create"
        else:
            plural = "s" if count != 1 else ""
            start = (f"{'Yes' if required else 'Optional'} — {count} connector{plural} to create"
                     + (f" ({required} required)" if 0 < required < count else ""))
            if not required:
                start += f", if you want {'them' if count != 1 else 'it'}"
        headline = result["headline"]
        assert headline == start or headline.startswith(start + "; "), (answers, headline)
        seen.add((result["verdict"], min(count, 2), 0 < required < count, headline == start))
    # Every shape of headline: one and several connectors, mixed needs, with and without a note.
    assert {("required", 2, True), ("optional", 1, False), ("optional", 2, False),
            ("not-needed", 0, False)} <= {s[:3] for s in seen}
    assert {True, False} == {s[3] for s in seen}


def test_a_hand_made_model_with_two_matching_rules_is_refused_when_deciding(
    raw_model: dict[str, Any],
) -> None:
    from engine import ModelError, load_model

    rules = next(t for t in raw_model["tables"]["tables"] if t["id"] == "partners")["rules"]
    rules.append({**rules[0], "id": "copy"})
    answers = {"service": "exchange-online", "servers": "none", "devices": "no",
               "partners": "yes"}
    with pytest.raises(ModelError) as caught:
        decide(load_model(raw_model), answers)
    complete = decide(load_model({**raw_model, "tables": {
        **raw_model["tables"], "tables": [
            t if t["id"] != "partners" else {**t, "rules": rules[:-1]}
            for t in raw_model["tables"]["tables"]]}}), answers)["answers"]
    assert str(caught.value) == (
        f"tables.yaml: tables[6]: 2 rules match {complete} in a unique-hit table; run "
        "engine.verify_model on this model"
    )


def test_each_kind_of_link_reaches_the_result_whole(
    model: Model, raw_model: dict[str, Any]
) -> None:
    """A section of the article, another Exchange article (upstream) and an outside
    address (url): title, address, the site's path and the section, as the page shows them."""
    links = raw_model["outcomes"]["links"]
    article = raw_model["outcomes"]["article"]
    result = decide(model, {"service": "eop", "servers": "other-smtp", "partners": "no"})
    shown = {link["title"]: link for link in result["links"]}
    by_kind = {}
    for id_, link in links.items():
        if link["title"] not in shown:
            continue
        kind = next(k for k in ("section", "upstream", "url") if k in link)
        expected = {"title": link["title"], "site_path": None, "section": None,
                    "href": link.get("url", article["upstream_base"] + link.get("upstream", ""))}
        if kind == "section":
            expected = {**expected, "section": link["section"],
                        "href": f"{article['public_url']}#{link['section']}",
                        "site_path": f"{article['path']}#{link['section']}"}
        assert shown[link["title"]] == expected, id_
        by_kind[kind] = id_
    assert set(by_kind) == {"section", "upstream", "url"}
