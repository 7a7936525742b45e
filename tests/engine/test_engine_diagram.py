"""The result's diagram as the page draws it and as a screen reader reads its summary:
which boxes, which lines (solid required, dashed optional, plain with no connector,
in place), which way, and the sentence for each line. Two cases cover every kind of line."""

from __future__ import annotations

from typing import Any

from engine import Model, decide

HYBRID_WITH_PARTNERS = {"service": "exchange-online", "servers": "exchange-2010-or-later",
                        "hybrid": "yes", "partners": "yes"}
FILTERED_CLOUD_WITH_DEVICES = {"service": "exchange-online", "servers": "none", "devices": "yes",
                               "device_method": "smtp-relay", "partners": "no",
                               "mx": "filtering-service"}


def lines(diagram: dict[str, Any]) -> list[tuple[str, str, str, bool, str]]:
    return [(e["source"], e["target"], e["kind"], e["both_ways"], e["label"])
            for e in diagram["edges"]]


def test_connectors_in_place_and_mail_both_ways_with_no_connector(model: Model) -> None:
    result = decide(model, HYBRID_WITH_PARTNERS)
    diagram = result["diagram"]
    assert [(n["id"], n["label"], n["sub"], n["slot"]) for n in diagram["nodes"]] == [
        ("internet", "Internet", "", "top"),
        ("office-365", "Microsoft 365", "Exchange Online", "center"),
        ("your-servers", "Your mail servers", "Exchange 2010 or later", "left"),
        ("partner", "Partner organization", "", "right"),
    ]
    assert lines(diagram) == [
        ("partner", "office-365", "optional", False, "Connector from a partner organization"),
        ("office-365", "partner", "optional", False, "Connector to a partner organization"),
        ("your-servers", "office-365", "in-place", True, "connectors in place"),
        ("internet", "office-365", "plain", True, "no connector"),
    ]
    partner = result["connectors"][0]
    assert diagram["edges"][0]["description"] == (
        f"Connector from a partner organization (optional): {partner['purpose']}"
    )
    paths = {p["id"]: p["description"] for p in result["mail_paths"]}
    assert diagram["edges"][2]["description"] == paths["hybrid-your-servers-to-office-365"]
    assert diagram["summary"] == (
        "Connector from a partner organization, optional: from Partner organization to "
        "Microsoft 365. Connector to a partner organization, optional: from Microsoft 365 to "
        "Partner organization. Between Your mail servers and Microsoft 365: connectors "
        "already in place. Between Internet and Microsoft 365: mail flows with no connector."
    )


def test_a_required_connector_and_one_way_mail_through_a_service(model: Model) -> None:
    diagram = decide(model, FILTERED_CLOUD_WITH_DEVICES)["diagram"]
    assert [(n["id"], n["sub"]) for n in diagram["nodes"]] == [
        ("internet", ""), ("service", "filters your mail"), ("office-365", "Exchange Online"),
        ("devices", "printers, scanners, apps"),
    ]
    assert lines(diagram) == [
        ("service", "office-365", "optional", False,
         "Connector from your third-party mail service"),
        ("devices", "office-365", "required", False,
         "Connector for your devices and applications"),
        ("internet", "service", "plain", False, "no connector"),
        ("office-365", "internet", "plain", False, "no connector"),
    ]
    assert diagram["summary"] == (
        "Connector from your third-party mail service, optional: from Third-party service to "
        "Microsoft 365. Connector for your devices and applications, required: from Devices "
        "and apps to Microsoft 365. From Internet to Third-party service: mail flows with no "
        "connector. From Microsoft 365 to Internet: mail flows with no connector."
    )


def test_no_line_no_box(model: Model) -> None:
    diagram = decide(model, {"service": "neither", "servers": "other-smtp"})["diagram"]
    assert diagram == {"nodes": [], "edges": [], "summary": "No mail path to show."}


def test_a_connector_without_diagram_nodes_joins_its_own_ends(raw_model: dict[str, Any]) -> None:
    from engine import load_model

    device = raw_model["outcomes"]["connectors"]["device-to-office-365"]
    assert device["nodes"] == ["devices", "office-365"]
    del device["nodes"]
    diagram = decide(load_model(raw_model), FILTERED_CLOUD_WITH_DEVICES)["diagram"]
    assert lines(diagram)[1] == (device["from"], device["to"], "required", False,
                                 "Connector for your devices and applications")
    assert device["from"] != "devices"


def test_a_question_without_a_short_name_is_named_by_its_label(
    raw_model: dict[str, Any],
) -> None:
    from engine import load_model
    from engine.decision_page import decision_page_markdown

    servers = next(q for q in raw_model["questions"]["questions"] if q["id"] == "servers")
    del servers["short"]
    page = decision_page_markdown(load_model(raw_model), "../checker/")
    assert f"{servers['label']}: None — all our mailboxes are in Exchange Online" in page
