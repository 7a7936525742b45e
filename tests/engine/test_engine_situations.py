"""The situations admins are really in (contract v2), written by hand from the sources.

Each row: the answers beyond the seed's, the verdict, the connectors (from, to, need) and
the names that tell them apart, and where Microsoft says so. Short names as in
data/tables.yaml: MFBP = Exchange/ExchangeOnline/mail-flow-best-practices/ and UC = its
use-connectors-to-configure-mail-flow/ folder, both in MicrosoftDocs/OfficeDocs-Exchange
at commit 52e8b70f9b; DEVICE = the multifunction-device article in MFBP; HYB =
Exchange/ExchangeHybrid/; SEED = the 2018 article (docs/.../use-connectors-to-configure-
mail-flow.md, verbatim).
"""

from __future__ import annotations

from typing import Any

import pytest

from engine import Model, decide

SRV, O365, PTN = "your-servers", "office-365", "partner"
REQ, OPT = "required", "optional"
CLOUD = {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "no"}
HYBRID = {
    "service": "exchange-online",
    "servers": "exchange-2010-or-later",
    "hybrid": "yes",
    "partners": "no",
}
ROUTING = {(SRV, O365, REQ), (O365, SRV, REQ)}

# (answers, verdict, connectors (from, to, need), source)
SITUATIONS: list[tuple[dict[str, str], str, set[tuple[str, str, str]], str]] = [
    (
        {**CLOUD, "mx": "filtering-service"},
        OPT,
        {(PTN, O365, OPT)},
        "MFBP manage-mail-flow-using-third-party-cloud.md 34-97: mail flows without a "
        "connector; an inbound Partner connector from the service is recommended",
    ),
    (
        {**CLOUD, "mx": "archiving-service"},
        REQ,
        {(PTN, O365, REQ)},
        "MFBP manage-mail-flow-using-third-party-cloud.md 99-109: Enhanced Filtering required",
    ),
    (
        {**CLOUD, "add_on": "yes"},
        REQ,
        {(O365, SRV, REQ), (SRV, O365, REQ)},
        "UC integrate-office-365-with-an-email-add-on-service.md 27-303: two connectors with "
        "'Your organization's email server', a mail flow rule, the certificate's domain",
    ),
    (
        {**CLOUD, "devices": "yes", "device_method": "smtp-auth"},
        "not-needed",
        set(),
        "DEVICE 38-113: SMTP AUTH client submission needs no connector",
    ),
    (
        {**CLOUD, "devices": "yes", "device_method": "direct-send"},
        "not-needed",
        set(),
        "DEVICE 115-225 (192, 203): direct send needs none, and must not get one",
    ),
    (
        {**CLOUD, "devices": "yes", "device_method": "smtp-relay"},
        REQ,
        {(SRV, O365, REQ)},
        "DEVICE 227-348: SMTP relay needs a connector (static public IP or certificate)",
    ),
    (
        {**CLOUD, "devices": "yes", "device_method": "not-sure"},
        OPT,
        {(SRV, O365, OPT)},
        "SEED 56 (table row 3, Optional) — the seed's answer, the three methods explained",
    ),
    (
        {**HYBRID, "hybrid_connectors": "missing"},
        REQ,
        ROUTING,
        "UC set-up-connectors-to-route-mail.md 121-125; SEED 71, 95: rerun the wizard",
    ),
    (
        {**HYBRID, "hybrid_connectors": "present"},
        "not-needed",
        set(),
        "SEED 71, 92-95: the wizard created them",
    ),
    (
        {**CLOUD, "outbound": "via-service"},
        REQ,
        {(O365, PTN, REQ)},
        "MFBP manage-mail-flow-using-third-party-cloud.md: an outbound connector to the "
        "service when outbound mail goes through it",
    ),
    (
        {**HYBRID, "mx": "your-servers"},
        "not-needed",
        set(),
        "MFBP manage-mail-flow-for-multiple-locations.md 138-220: the wizard's connector from "
        "your servers relays; it exists",
    ),
    (
        {**HYBRID, "hybrid": "no", "mx": "your-servers"},
        REQ,
        ROUTING,
        "MFBP manage-mail-flow-for-multiple-locations.md 138-220; SEED 70",
    ),
    (
        {**HYBRID, "outbound": "via-your-servers"},
        "not-needed",
        set(),
        "HYB transport-options.md 38-44: centralized mail transport is a wizard option",
    ),
    (
        {"service": "eop", "servers": "other-smtp", "mx": "your-servers", "partners": "no"},
        REQ,
        {(SRV, O365, REQ)},
        "UC set-up-connectors-to-route-mail.md 133-135: mail comes through Microsoft 365 only "
        "when MX points to it; SEED 54 for the connector from your servers",
    ),
    (
        {"service": "neither", "servers": "exchange-2010-or-later"},
        "not-needed",
        set(),
        "SEED 59-60: the tip points to Exchange Server's own connectors",
    ),
]


def connector_set(result: Any) -> set[tuple[str, str, str]]:
    return {(c["from"], c["to"], c["need"]) for c in result["connectors"]}


@pytest.mark.parametrize(
    ("answers", "verdict", "connectors", "source"), SITUATIONS, ids=[s[3] for s in SITUATIONS]
)
def test_situation(
    model: Model, answers: dict[str, str], verdict: str, connectors: set[Any], source: str
) -> None:
    result = decide(model, answers)
    assert result["verdict"] == verdict, source
    assert connector_set(result) == connectors, source
    assert len(result["connectors"]) == len(connectors), source


def text_of(result: Any) -> str:
    parts = [result["headline"], *result["explanation"], *result["next_steps"]]
    for connector in result["connectors"]:
        parts += [connector["name"], connector["purpose"], *connector["options"]]
    return " ".join(parts)


def test_filtering_service_is_a_partner_for_all_domains_with_enhanced_filtering(
    model: Model,
) -> None:
    result = decide(model, {**CLOUD, "mx": "filtering-service"})
    (connector,) = result["connectors"]
    assert connector["settings"] == {"from": "Partner organization", "to": "Office 365"}
    assert "all sender domains (*)" in connector["purpose"]
    assert "strongly recommended" in text_of(result)
    assert "Enhanced Filtering" in " ".join(connector["options"])
    # The reader sees this answer comes from later guidance, with its public page.
    later = [f["source"]["later"] for f in result["fired"] if f["source"]["later"]]
    assert later[0]["href"] == (
        "https://learn.microsoft.com/exchange/mail-flow-best-practices/"
        "manage-mail-flow-using-third-party-cloud"
    )
    assert (later[0]["commit"], later[0]["lines"]) == ("52e8b70f9b", "34-97")


def test_archiving_service_requires_enhanced_filtering(model: Model) -> None:
    result = decide(model, {**CLOUD, "mx": "archiving-service"})
    assert "Enhanced Filtering on it is required" in text_of(result)


def test_add_on_connectors_use_a_rule_and_the_certificate_domain(model: Model) -> None:
    result = decide(model, {**CLOUD, "add_on": "yes"})
    settings = {(c["settings"]["from"], c["settings"]["to"]) for c in result["connectors"]}
    assert settings == {
        ("Office 365", "Your organization's email server"),
        ("Your organization's email server", "Office 365"),
    }
    text = text_of(result)
    assert "mail flow rule" in text and "accepted domain" in text and "certificate" in text


def test_direct_send_says_never_to_add_a_connector(model: Model) -> None:
    result = decide(model, {**CLOUD, "devices": "yes", "device_method": "direct-send"})
    assert "do not add one" in result["headline"]


def test_not_sure_explains_the_three_device_methods(model: Model) -> None:
    result = decide(model, {**CLOUD, "devices": "yes"})
    assert [a["key"] for a in result["assumed"]] == ["device_method", "mx", "outbound", "add_on"]
    text = text_of(result)
    assert "SMTP AUTH" in text and "Direct send" in text and "SMTP relay" in text


def test_missing_hybrid_connectors_say_rerun_the_wizard(model: Model) -> None:
    result = decide(model, {**HYBRID, "hybrid_connectors": "missing"})
    assert "run the Hybrid Configuration wizard again" in result["headline"]
    assert all(c["set_up"]["title"] == "Hybrid Configuration wizard" for c in result["connectors"])


def test_mx_on_your_servers_shows_the_true_mail_paths(model: Model) -> None:
    result = decide(model, {**HYBRID, "hybrid": "no", "mx": "your-servers"})
    paths = {(p["from"], p["to"], tuple(p["via"])) for p in result["mail_paths"]}
    assert ("internet", SRV, ()) in paths  # Internet mail reaches your servers first
    assert ("internet", SRV, (O365,)) not in paths  # not through Microsoft 365
    assert ("internet", O365, (SRV,)) in paths  # relayed to Exchange Online by your servers
    assert "certificate" in text_of(result)


def test_outbound_through_your_servers_shows_that_path(model: Model) -> None:
    result = decide(model, {**HYBRID, "outbound": "via-your-servers"})
    paths = {(p["from"], p["to"], tuple(p["via"])) for p in result["mail_paths"]}
    assert (O365, "internet", (SRV,)) in paths
    assert (O365, "internet", ()) not in paths
    assert "RouteAllMessagesViaOnPremises" in text_of(result)


def test_neither_points_to_exchange_server_connectors(model: Model) -> None:
    result = decide(model, {"service": "neither", "servers": "other-smtp"})
    assert result["headline"] == (
        "No — no connector to create; Microsoft 365 connectors do not apply to you"
    )
    hrefs = [link["href"] for link in result["links"]]
    assert "https://learn.microsoft.com/exchange/mail-flow/connectors/connectors" in hrefs
    assert result["mail_paths"] == [] and result["diagram"]["edges"] == []


def test_neither_asks_nothing_more(model: Model) -> None:
    from engine import next_questions

    assert next_questions(model, {"service": "neither"}, with_defaults=True) == [
        q for q in next_questions(model, {"service": "neither"}) if q["id"] == "servers"
    ]
    result = decide(model, {"service": "neither", "servers": "other-smtp", "partners": "yes"})
    assert [i["key"] for i in result["ignored"]] == ["partners"]
