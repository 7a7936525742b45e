"""Statements that once misread the 2018 article, each with its corrected meaning.

One test per item of section 1 of the connector facts (what the article says, read as an
Exchange admin reads it). Items checked over every reachable answer set are checked over
all of them, not an example.
"""

from __future__ import annotations

import re

import pytest

from engine import Model, decide, reachable_answer_sets


def every_result(model: Model, **where: str) -> list[dict]:  # type: ignore[type-arg]
    return [
        dict(decide(model, answers))
        for answers in reachable_answer_sets(model)
        if all(answers.get(key) == value for key, value in where.items())
    ]


def all_text(result: dict) -> str:  # type: ignore[type-arg]
    parts = [result["headline"], *result["explanation"], *result["next_steps"]]
    for connector in result["connectors"]:
        parts += [connector["name"], connector["purpose"], *connector["options"]]
    parts += [path["description"] for path in result["mail_paths"]]
    parts += [edge["description"] for edge in result["diagram"]["edges"]]
    return " ".join(parts)


def test_partner_domain_identifies_the_mail_it_does_not_restrict_it(model: Model) -> None:
    # Item 1 (SEED 108-110; New-InboundConnector SenderDomains): the domain says which mail
    # the connector applies to; TLS, certificate name and IP ranges are what is enforced.
    result = decide(model, {"service": "eop", "servers": "other-smtp", "partners": "yes"})
    incoming = next(c for c in result["connectors"] if c["from"] == "partner")
    identify, require_tls, restrict = incoming["options"]
    assert "identifies" in identify and "does not block mail from other domains" in identify
    assert "TLS" in require_tls
    assert restrict.startswith("Then restrict it") and "certificate" in restrict
    assert "IP address ranges" in restrict
    assert not re.search(r"only from the partner's domain", " ".join(incoming["options"]))


def test_no_standalone_eop_result_speaks_of_cloud_mailboxes(model: Model) -> None:
    # Item 2 (SEED 54): standalone EOP has no mailboxes in the cloud.
    results = every_result(model, service="eop")
    assert len(results) == 24
    for result in results:
        text = all_text(result)
        assert not re.search(r"mailbox(es)? in Exchange Online|Exchange Online mailbox", text), text
        assert "Bob" not in " ".join(p["example"] for p in result["mail_paths"])


def test_no_two_connectors_in_one_result_share_a_name(model: Model) -> None:
    # Item 4: "Only one connector needed" is the seed's cell heading, not a name.
    for answers in reachable_answer_sets(model):
        names = [c["name"] for c in decide(model, answers)["connectors"]]
        assert len(names) == len(set(names)), answers
        assert "Only one connector needed" not in names


def test_routing_and_partner_connectors_are_told_apart_by_name(model: Model) -> None:
    result = decide(
        model,
        {"service": "exchange-online", "servers": "other-smtp", "partners": "yes"},
    )
    names = {(c["from"], c["to"]): c["name"] for c in result["connectors"]}
    assert "email servers" in names[("your-servers", "office-365")]
    assert "partner" in names[("partner", "office-365")]


def test_the_second_hybrid_section_is_linked_by_its_own_anchor(model: Model) -> None:
    # Item 5 (SEED 76, 93): HowDoConnectors1 names two sections; the second one is
    # HowDoConnectors1-2 in the built article.
    result = decide(
        model,
        {"service": "exchange-online", "servers": "exchange-2010-or-later", "hybrid": "yes",
         "partners": "no"},
    )
    link = next(link for link in result["links"] if link["section"] == "HowDoConnectors1-2")
    assert link["title"] == "What if I have already run the Exchange Hybrid Configuration Wizard?"


def test_tls_both_ways_needs_the_partners_certificate(model: Model) -> None:
    # Item 6 (SEED 104): the partner needs a valid certificate; the inbound side can also
    # require its subject name.
    result = decide(model, {"service": "eop", "servers": "other-smtp", "partners": "yes"})
    outgoing = next(c for c in result["connectors"] if c["to"] == "partner")
    assert "partner then needs a valid certificate" in outgoing["options"][0]
    assert "subject name" in outgoing["options"][0]


@pytest.mark.parametrize("servers", ["exchange-2010-or-later", "exchange-2007-or-earlier"])
def test_standalone_eop_links_the_eop_overview(model: Model, servers: str) -> None:
    # Item 7 (SEED 54 names "Exchange Online Protection overview").
    result = decide(model, {"service": "eop", "servers": servers, "partners": "no"})
    hrefs = [link["href"] for link in result["links"]]
    assert "https://learn.microsoft.com/defender-office-365/eop-about" in hrefs


def test_without_hybrid_the_headline_says_consider_hybrid_first(model: Model) -> None:
    # Item 8 (SEED 70): "consider a hybrid deployment first", not "you must create".
    result = decide(
        model,
        {"service": "exchange-online", "servers": "exchange-2010-or-later", "hybrid": "no",
         "partners": "no"},
    )
    assert result["headline"] == (
        "Yes — 2 connectors to create; the Hybrid Configuration wizard can create them for you"
    )
    assert any(
        "consider an Exchange hybrid deployment first" in text for text in result["explanation"]
    )


def test_every_rule_cites_the_seeds_lines_or_a_later_document(model: Model) -> None:
    for table in model.tables:
        for rule in table.rules:
            source = rule.source
            if source.section is not None:
                assert source.seed_lines and re.fullmatch(r"[\d, -]+", source.seed_lines)
            else:
                assert source.later is not None
            if source.later is not None:
                assert source.later.commit == "52e8b70f9b"
                assert source.later.document.startswith("Exchange/")
                assert re.fullmatch(r"\d+-\d+", source.later.lines)
