"""Findings and merges the shipped model never produces, each shown on a broken model.

The real model is sound, so these paths of the verifier and of `decide` would go untested
(and a mutant of them unnoticed) without models broken on purpose.
"""

from __future__ import annotations

from typing import Any

from engine import decide, load_model, verify_model

CLOUD = {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "yes"}


def kinds_and_messages(raw: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.kind, f.message) for f in verify_model(load_model(raw))]


def test_required_wins_over_optional_when_two_outcomes_name_one_connector(
    raw_model: dict[str, Any],
) -> None:
    outcomes = raw_model["outcomes"]["outcomes"]
    # all-mailboxes-in-exchange-online fires first and asks for the partner connector as
    # required; partner-connectors (later) has it optional: required must stay.
    outcomes["all-mailboxes-in-exchange-online"]["connectors"] = [
        {"connector": "partner-to-office-365", "need": "required"}
    ]
    result = decide(load_model(raw_model), CLOUD)
    needs = {c["id"]: c["need"] for c in result["connectors"]}
    assert needs == {"partner-to-office-365": "required", "office-365-to-partner": "optional"}
    assert [c["id"] for c in result["connectors"]] == [
        "partner-to-office-365",
        "office-365-to-partner",
    ]
    # ...and the other way round: optional first, required later.
    outcomes["all-mailboxes-in-exchange-online"]["connectors"] = [
        {"connector": "office-365-to-partner", "need": "optional"}
    ]
    outcomes["partner-connectors"]["connectors"][1]["need"] = "required"
    result = decide(load_model(raw_model), CLOUD)
    assert {c["id"]: c["need"] for c in result["connectors"]}["office-365-to-partner"] == (
        "required"
    )


def test_a_table_that_applies_to_no_answer_set_has_only_dead_rules(
    raw_model: dict[str, Any],
) -> None:
    devices = next(t for t in raw_model["tables"]["tables"] if t["id"] == "devices")
    devices["applies_when"] = {"service": "eop", "devices": "yes"}  # devices: never with EOP
    found = kinds_and_messages(raw_model)
    assert {kind for kind, _ in found} == {"dead-rule"}
    assert len(found) == len(devices["rules"])
    assert all("where the table applies (service=eop and devices=yes)" in m for _, m in found)


def test_an_unknown_mail_path_is_reported(raw_model: dict[str, Any]) -> None:
    raw_model["outcomes"]["outcomes"]["partner-connectors"]["mail_paths"].append("partner-loop")
    assert kinds_and_messages(raw_model) == [
        (
            "unknown-reference",
            "outcomes.yaml: outcomes.partner-connectors.mail_paths: unknown mail path "
            "'partner-loop'; known: " + ", ".join(raw_model["outcomes"]["mail_paths"]),
        )
    ]


def test_an_unknown_prerequisite_is_reported(raw_model: dict[str, Any]) -> None:
    raw_model["tables"]["prerequisite_for_connectors"] = "domains-first"
    found = kinds_and_messages(raw_model)
    assert len(found) == 1
    assert found[0][1].startswith(
        "tables.yaml: prerequisite_for_connectors: unknown outcome 'domains-first'; known: "
    )


def test_unknown_names_in_asked_when_are_reported(raw_model: dict[str, Any]) -> None:
    devices = next(q for q in raw_model["questions"]["questions"] if q["id"] == "devices")
    devices["asked_when"] = {"service": "exchange-online", "servers": "nothing"}
    found = kinds_and_messages(raw_model)
    assert (
        "unknown-reference",
        "questions.yaml: questions[4].asked_when.servers: 'nothing' is not an option of "
        "'servers'; options: none, exchange-2010-or-later, exchange-2007-or-earlier, other-smtp",
    ) in found


def test_unknown_names_in_refused_combinations_are_reported(raw_model: dict[str, Any]) -> None:
    raw_model["questions"]["invalid_combinations"].append(
        {"when": {"service": "eop", "printers": "yes"}, "reason": "x"}
    )
    found = kinds_and_messages(raw_model)
    assert found[0][0] == "unknown-reference"
    assert found[0][1].startswith(
        "questions.yaml: invalid_combinations[4].when: unknown question 'printers'"
    )


def test_an_unknown_diagram_node_or_source_link_is_reported(raw_model: dict[str, Any]) -> None:
    raw_model["outcomes"]["connectors"]["device-to-office-365"]["nodes"] = ["printer", "office-365"]
    rules = next(t for t in raw_model["tables"]["tables"] if t["id"] == "devices")["rules"]
    relay = next(rule for rule in rules if rule["id"] == "devices-smtp-relay")
    relay["source"]["link"] = "device-article"
    messages = [m for _, m in kinds_and_messages(raw_model)]
    assert any(
        m.startswith("outcomes.yaml: connectors.device-to-office-365.nodes: unknown diagram node "
                     "'printer'")
        for m in messages
    )
    assert any(".source.link: unknown link 'device-article'" in m for m in messages)


def test_help_texts_reach_the_questions_json(raw_model: dict[str, Any]) -> None:
    # An emptied help or purpose would leave the reader without the text the YAML has.
    from engine import question_as_dict

    model = load_model(raw_model)
    for raw_question in raw_model["questions"]["questions"]:
        shown = question_as_dict(model.questions[raw_question["id"]])
        assert shown["help"] == raw_question.get("help", "")
        for raw_option, option in zip(raw_question["options"], shown["options"], strict=True):
            assert option["help"] == raw_option.get("help", "")
            assert option["label"] == raw_option["label"]
    result = decide(model, {**CLOUD, "devices": "yes", "device_method": "smtp-relay"})
    for connector in result["connectors"]:
        raw = raw_model["outcomes"]["connectors"][connector["id"]]
        assert connector["purpose"] == raw["purpose"].strip() and connector["purpose"]
        assert connector["options"] == raw["options"]
