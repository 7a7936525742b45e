"""Findings and merges the shipped model never produces, each shown on a broken model.

The real model is sound, so these paths of the verifier and of `decide` would go untested
(and a mutant of them unnoticed) without models broken on purpose.
"""

from __future__ import annotations

from typing import Any

import pytest

from engine import Model, decide, load_model, verify_model

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


# --- every reference the verifier follows, broken one at a time -------------------------

def table(raw: dict[str, Any], id_: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in raw["tables"]["tables"] if t["id"] == id_)
    return found


def question(raw: dict[str, Any], id_: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in raw["questions"]["questions"] if q["id"] == id_)
    return found


def known(raw: dict[str, Any], file: str, key: str) -> str:
    return ", ".join(raw[file][key])


OUT = "outcomes.yaml: "
BREAKS: dict[str, tuple[Any, Any]] = {
    "rule-then": (
        lambda raw: table(raw, "partners")["rules"][0]["then"].append("partner-bridge"),
        lambda raw: "tables.yaml: tables[6].rules[0].then: unknown outcome 'partner-bridge'; "
        "known: " + known(raw, "outcomes", "outcomes"),
    ),
    "prerequisite": (
        lambda raw: raw["tables"].update(prerequisite_for_connectors="domains-first"),
        lambda raw: "tables.yaml: prerequisite_for_connectors: unknown outcome "
        "'domains-first'; known: " + known(raw, "outcomes", "outcomes"),
    ),
    "outcome-connector": (
        lambda raw: raw["outcomes"]["outcomes"]["partner-connectors"]["connectors"].append(
            {"connector": "bridge", "need": "optional"}),
        lambda raw: OUT + "outcomes.partner-connectors.connectors: unknown connector 'bridge'; "
        "known: " + known(raw, "outcomes", "connectors"),
    ),
    "outcome-link": (
        lambda raw: raw["outcomes"]["outcomes"]["partner-connectors"]["links"].append("bridge"),
        lambda raw: OUT + "outcomes.partner-connectors.links: unknown link 'bridge'; known: "
        + known(raw, "outcomes", "links"),
    ),
    "set-up": (
        lambda raw: raw["outcomes"]["connectors"]["office-365-to-partner"].update(
            set_up="bridge"),
        lambda raw: OUT + "connectors.office-365-to-partner.set_up: unknown link 'bridge'; "
        "known: " + known(raw, "outcomes", "links"),
    ),
    "connector-node": (
        lambda raw: raw["outcomes"]["connectors"]["office-365-to-partner"].update(
            nodes=["office-365", "bank"]),
        lambda raw: OUT + "connectors.office-365-to-partner.nodes: unknown diagram node "
        "'bank'; known: " + known(raw, "outcomes", "nodes"),
    ),
    "mail-path-node": (
        lambda raw: raw["outcomes"]["mail_paths"]["your-servers-to-office-365"].update(
            via=["gateway"]),
        lambda raw: OUT + "mail_paths.your-servers-to-office-365: unknown diagram node "
        "'gateway'; known: " + known(raw, "outcomes", "nodes"),
    ),
    "sub-by-question": (
        lambda raw: raw["outcomes"]["nodes"]["office-365"]["sub_by"].update(plan={"e3": "E3"}),
        lambda raw: OUT + "nodes.office-365.sub_by: unknown question 'plan'; known questions: "
        + ", ".join(q["id"] for q in raw["questions"]["questions"]),
    ),
    "sub-by-value": (
        lambda raw: raw["outcomes"]["nodes"]["office-365"]["sub_by"]["service"].update(
            gmail="Gmail"),
        lambda raw: OUT + "nodes.office-365.sub_by.service: 'gmail' is not an option of "
        "'service'; options: exchange-online, eop, neither",
    ),
}


@pytest.mark.parametrize("name", BREAKS)
def test_each_unknown_reference_is_the_one_finding(raw_model: dict[str, Any], name: str) -> None:
    breaks, message = BREAKS[name]
    breaks(raw_model)
    assert kinds_and_messages(raw_model) == [("unknown-reference", message(raw_model))]


def test_without_a_diagram_its_nodes_are_not_checked(raw_model: dict[str, Any]) -> None:
    outcomes = raw_model["outcomes"]
    del outcomes["nodes"]
    outcomes["connectors"]["office-365-to-partner"]["nodes"] = ["office-365", "bank"]
    outcomes["mail_paths"]["your-servers-to-office-365"]["via"] = ["gateway"]
    assert kinds_and_messages(raw_model) == []


def test_an_unknown_question_in_a_condition_is_named(raw_model: dict[str, Any]) -> None:
    question(raw_model, "devices")["asked_when"]["printers"] = "yes"
    found = kinds_and_messages(raw_model)
    assert found[0] == (
        "unknown-reference",
        "questions.yaml: questions[4].asked_when: unknown question 'printers'; known "
        "questions: " + ", ".join(q["id"] for q in raw_model["questions"]["questions"]),
    )
    # devices is never asked now: its table finds no rule, its rules never fire.
    assert {kind for kind, _ in found[1:]} == {"no-result", "dead-rule"}


def test_a_condition_on_a_later_question_is_reported(raw_model: dict[str, Any]) -> None:
    question(raw_model, "hybrid")["asked_when"]["partners"] = "yes"
    found = kinds_and_messages(raw_model)
    assert found[0] == (
        "unknown-reference",
        "questions.yaml: questions[2].asked_when: uses 'partners', which is not asked before "
        "'hybrid'; move 'partners' up or drop it from the condition",
    )


def test_answers_no_table_applies_to_are_shown(raw_model: dict[str, Any]) -> None:
    table(raw_model, "where-mailboxes-live")["applies_when"] = {"service": "eop"}
    findings = verify_model(load_model(raw_model))
    no_table = [f for f in findings if f.message == "no decision table applies to these answers"]
    assert [f.counterexample for f in no_table] == [
        {"service": "neither", "servers": server}
        for server in ("exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp")
    ]
    assert str(no_table[0]) == (
        "[no-result] no decision table applies to these answers; answers: service=neither "
        "servers=exchange-2010-or-later"
    )


def test_an_overlap_is_reported_once_with_its_answers(raw_model: dict[str, Any]) -> None:
    rules = table(raw_model, "partners")["rules"]
    rules.append({**rules[0], "id": "copy"})
    findings = verify_model(load_model(raw_model))
    assert [(f.kind, f.message) for f in findings] == [(
        "overlap",
        "tables.yaml: tables[6] (unique-hit table 'partners'): rules "
        "'partner-restrictions-wanted' and 'copy' all match",
    )]
    assert findings[0].counterexample is not None
    assert findings[0].counterexample["partners"] == "yes"


def test_a_question_nothing_reads_is_unused(raw_model: dict[str, Any]) -> None:
    raw_model["questions"]["questions"].append({
        "id": "colour", "label": "Colour?", "options": [{"value": "blue", "label": "Blue"}],
        "asked_when": "always",
    })
    assert kinds_and_messages(raw_model) == [(
        "unused-question",
        "questions.yaml: questions[10] (question 'colour'): no rule or condition uses it, so "
        "its answer never changes a result",
    )]


def test_anchors_the_article_lacks_are_named_with_the_ones_it_has(
    raw_model: dict[str, Any],
) -> None:
    findings = verify_model(load_model(raw_model), known_anchors={"NeedConnector1", "HowDoI1"})
    missing = [str(f) for f in findings]
    assert missing[0] == (
        "[unknown-anchor] questions.yaml: questions[1].sections: the article has no anchor "
        "'WhatifIhave1'; its anchors: HowDoI1, NeedConnector1"
    )
    assert all(f.kind == "unknown-anchor" for f in findings)
    assert not any("'HowDoI1'" in m or "'NeedConnector1';" in m for m in missing)
    wheres = {m.split(": ")[1] for m in missing}
    assert any(w.endswith(".source.section") for w in wheres)
    assert any(w.startswith("links.") and w.endswith(".section") for w in wheres)


def test_overlaps_in_two_tables_are_each_reported(raw_model: dict[str, Any]) -> None:
    for id_ in ("partners", "add-on-service"):
        rules = table(raw_model, id_)["rules"]
        rules.append({**rules[0], "id": "copy"})
    found = kinds_and_messages(raw_model)
    assert [kind for kind, _ in found] == ["overlap", "overlap"]
    assert {message.split(" (unique-hit table ")[1].split(")")[0] for _, message in found} == {
        "'partners'", "'add-on-service'"}


def test_a_condition_with_several_answers_reads_with_or(model: Model) -> None:
    result = decide(model, {"service": "neither", "servers": "other-smtp", "mx": "office-365"})
    assert result["ignored"] == [{
        "key": "mx", "value": "office-365",
        "reason": "'mx' is asked only when service=exchange-online or eop",
    }]


def test_a_link_to_another_site_keeps_its_title_and_address(raw_model: dict[str, Any]) -> None:
    # Links given as `url:` (an address outside the Exchange docs) reach the result whole.
    raw = raw_model["outcomes"]["links"]["eop-overview"]
    model = load_model(raw_model)
    result = decide(model, {"service": "eop", "servers": "other-smtp", "partners": "no"})
    assert {"title": raw["title"], "href": raw["url"], "site_path": None,
            "section": None} in result["links"]
