"""The verifier (one broken model per finding kind), the loader's errors, and the compiler."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from engine import Finding, Model, ModelError, load_model, referenced_anchors, verify_model

ROOT = Path(__file__).resolve().parents[2]
COMPILER = ROOT / "scripts" / "compile_model.py"

USED_ANCHORS = [
    "ConnMailFlow1",
    "ConnectorsForMailNot1",
    "HowDoConnectors1",
    "HowDoConnectors1-2",
    "HowDoI1",
    "NeedConnector1",
    "WhatifIhave1",
]


def rules_of(raw: dict[str, Any], table_id: str) -> list[dict[str, Any]]:
    table = next(t for t in raw["tables"]["tables"] if t["id"] == table_id)
    rules: list[dict[str, Any]] = table["rules"]
    return rules


def findings_of(raw: dict[str, Any], **kwargs: Any) -> list[Finding]:
    return verify_model(load_model(raw), **kwargs)


def test_the_real_model_is_sound(model: Model, article_anchors: set[str]) -> None:
    assert verify_model(model) == []
    assert verify_model(model, known_anchors=article_anchors) == []


def test_referenced_anchors_are_the_articles_sections(model: Model) -> None:
    assert referenced_anchors(model) == USED_ANCHORS


def test_a_gap_is_reported_with_the_answers_that_fall_through(raw_model: dict[str, Any]) -> None:
    rules = rules_of(raw_model, "your-servers")
    rules[:] = [rule for rule in rules if rule["id"] != "exchange-online-exchange-2007-or-earlier"]
    findings = findings_of(raw_model)
    assert {f.kind for f in findings} == {"no-result"}
    assert len(findings) == 48  # mx 4 x outbound 3 x add_on 2 x partners 2
    assert findings[0].message == "tables.yaml: tables[1] (table 'your-servers'): no rule matches"
    assert findings[0].counterexample == {
        "service": "exchange-online",
        "servers": "exchange-2007-or-earlier",
        "mx": "office-365",
        "outbound": "direct",
        "add_on": "no",
        "partners": "yes",
    }
    assert str(findings[0]).endswith(
        "answers: service=exchange-online servers=exchange-2007-or-earlier mx=office-365 "
        "outbound=direct add_on=no partners=yes"
    )


def test_an_overlap_in_a_unique_table_is_reported_once(raw_model: dict[str, Any]) -> None:
    smtp = next(
        r
        for r in rules_of(raw_model, "your-servers")
        if r["id"] == "exchange-online-non-microsoft-smtp-server"
    )
    smtp["when"] = {
        "service": "exchange-online",
        "servers": ["exchange-2007-or-earlier", "other-smtp"],
    }
    findings = findings_of(raw_model)
    assert [f.kind for f in findings] == ["overlap"]
    assert findings[0].message == (
        "tables.yaml: tables[1] (unique-hit table 'your-servers'): rules "
        "'exchange-online-exchange-2007-or-earlier' and "
        "'exchange-online-non-microsoft-smtp-server' all match"
    )
    assert findings[0].counterexample == {
        "service": "exchange-online",
        "servers": "exchange-2007-or-earlier",
        "mx": "office-365",
        "outbound": "direct",
        "add_on": "no",
        "partners": "yes",
    }


def test_a_rule_that_never_fires_is_reported(raw_model: dict[str, Any]) -> None:
    # Devices are asked about only with Exchange Online, never with EOP.
    rules_of(raw_model, "devices").append(
        {
            "id": "eop-devices",
            "when": {"service": "eop", "devices": "yes"},
            "then": ["device-connector"],
            "because": "x",
            "source": {"section": "HowDoI1", "detail": "x"},
        }
    )
    findings = findings_of(raw_model)
    assert [f.kind for f in findings] == ["dead-rule"]
    assert findings[0].message.startswith(
        "tables.yaml: tables[5].rules[5] (rule 'eop-devices'): never fires; "
        "no reachable answers have service=eop and devices=yes where the table applies "
        "(service=exchange-online and servers=none)"
    )
    assert findings[0].counterexample is None


def test_a_question_nothing_uses_is_reported(raw_model: dict[str, Any]) -> None:
    raw_model["questions"]["questions"].append(
        {
            "id": "archive",
            "label": "Archive?",
            "asked_when": "always",
            "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}],
        }
    )
    findings = findings_of(raw_model)
    assert [(f.kind, f.message) for f in findings] == [
        (
            "unused-question",
            "questions.yaml: questions[10] (question 'archive'): no rule or condition uses it, "
            "so its answer never changes a result",
        )
    ]


@pytest.mark.parametrize(
    ("break_model", "message"),
    [
        (
            lambda raw: rules_of(raw, "your-servers")[1]["when"].update(hybird="no"),
            "tables.yaml: tables[1].rules[1].when: unknown question 'hybird'; "
            "known questions: service, servers, hybrid, hybrid_connectors, devices, "
            "device_method, mx, outbound, add_on, partners",
        ),
        (
            lambda raw: rules_of(raw, "your-servers")[0]["when"].update(servers="exchange-2010"),
            "tables.yaml: tables[1].rules[0].when.servers: 'exchange-2010' is not an option of "
            "'servers'; options: none, exchange-2010-or-later, exchange-2007-or-earlier, "
            "other-smtp",
        ),
        (
            lambda raw: rules_of(raw, "partners")[0].update(then=["partner-connector"]),
            "tables.yaml: tables[6].rules[0].then: unknown outcome 'partner-connector'; known: ",
        ),
        (
            lambda raw: raw["outcomes"]["outcomes"]["routing-connectors"]["connectors"][0].update(
                connector="servers-to-office-365"
            ),
            "outcomes.yaml: outcomes.routing-connectors.connectors: unknown connector "
            "'servers-to-office-365'; known: your-servers-to-office-365,",
        ),
        (
            lambda raw: raw["outcomes"]["connectors"]["office-365-to-partner"].update(
                set_up="nope"
            ),
            "outcomes.yaml: connectors.office-365-to-partner.set_up: unknown link 'nope'; known: ",
        ),
        (
            lambda raw: raw["questions"]["questions"][2]["asked_when"].update(partners="yes"),
            "questions.yaml: questions[2].asked_when: uses 'partners', which is not asked before "
            "'hybrid'; move 'partners' up or drop it from the condition",
        ),
    ],
    ids=["question", "option", "outcome", "connector", "link", "question-order"],
)
def test_unknown_references_are_reported(
    raw_model: dict[str, Any], break_model: Any, message: str
) -> None:
    break_model(raw_model)
    references = [f for f in findings_of(raw_model) if f.kind == "unknown-reference"]
    assert len(references) == 1
    assert references[0].message.startswith(message)
    assert references[0].counterexample is None


def test_links_to_anchors_missing_from_the_article_are_reported(
    raw_model: dict[str, Any], article_anchors: set[str]
) -> None:
    findings = findings_of(raw_model, known_anchors=article_anchors - {"ConnMailFlow1"})
    assert {f.kind for f in findings} == {"unknown-anchor"}
    places = [f.message.split(": the article", 1)[0] for f in findings]
    assert places == [
        "questions.yaml: questions[8].sections",
        "questions.yaml: questions[9].sections",
        "tables.yaml: tables[6].rules[0].source.section",
        "tables.yaml: tables[6].rules[1].source.section",
        "outcomes.yaml: links.partner-connectors.section",
    ]
    assert (
        "has no anchor 'ConnMailFlow1'; its anchors: ConnectorsForMailNot1," in findings[0].message
    )


# --- loader errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("break_model", "message"),
    [
        (
            lambda raw: rules_of(raw, "your-servers")[1]["when"].update(hybrid=False),
            "tables.yaml: tables[1].rules[1].when.hybrid: expected non-empty text, found the "
            "boolean False (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans; "
            'quote it, e.g. "yes")',
        ),
        (
            lambda raw: raw["questions"]["questions"][3]["options"][0].update(value=True),
            "questions.yaml: questions[3].options[0].value: expected non-empty text, found the "
            "boolean True",
        ),
        (
            lambda raw: raw["questions"]["questions"][0].update(lable="x"),
            "questions.yaml: questions[0].lable: unknown field; valid fields: id, label, options, "
            "asked_when, help, sections, default",
        ),
        (
            lambda raw: raw["tables"]["tables"][0].update(hit_policy="first"),
            "tables.yaml: tables[0].hit_policy: 'first' is not valid here; valid: unique",
        ),
        (
            lambda raw: raw["outcomes"]["outcomes"]["routing-connectors"]["connectors"][1].update(
                need="mandatory"
            ),
            "outcomes.yaml: outcomes.routing-connectors.connectors[1].need: 'mandatory' is not "
            "valid here; valid: required, optional",
        ),
        (
            lambda raw: rules_of(raw, "partners")[0].pop("because"),
            "tables.yaml: tables[6].rules[0].because: missing",
        ),
        (
            lambda raw: raw["outcomes"]["links"]["how-do-i-set-up-connectors"].update(upstream="x"),
            "outcomes.yaml: links.how-do-i-set-up-connectors: give exactly one of `section`",
        ),
        (
            lambda raw: raw["questions"]["questions"][4].update(id="service"),
            "questions.yaml: questions[4].id: duplicate question id 'service'",
        ),
        (
            lambda raw: raw["tables"]["tables"][2].update(applies_when={}),
            "tables.yaml: tables[2].applies_when: empty condition; write `always`",
        ),
    ],
    ids=[
        "boolean-in-condition",
        "boolean-option",
        "unknown-field",
        "hit-policy",
        "need",
        "missing-field",
        "link-kind",
        "duplicate-id",
        "empty-condition",
    ],
)
def test_load_errors_name_the_yaml_path(
    raw_model: dict[str, Any], break_model: Any, message: str
) -> None:
    break_model(raw_model)
    with pytest.raises(ModelError) as caught:
        load_model(raw_model)
    assert str(caught.value).startswith(message)


# --- the compiler -----------------------------------------------------------------------


def compile_into(
    tmp_path: Path, raw: dict[str, Any], *extra: str
) -> subprocess.CompletedProcess[str]:
    """Write `raw` as data/*.yaml under tmp_path and run the compiler on it."""
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for stem, content in raw.items():
        (data / f"{stem}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True), "utf-8")
    command = [
        sys.executable,
        str(COMPILER),
        "--data-dir",
        str(data),
        "--output",
        str(tmp_path / "model.json"),
        *extra,
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_compiler_writes_a_model_the_engine_loads(
    tmp_path: Path, raw_model: dict[str, Any]
) -> None:
    run = compile_into(tmp_path, raw_model)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    written = json.loads((tmp_path / "model.json").read_text("utf-8"))
    assert written == {stem: raw_model[stem] for stem in raw_model if stem != "plan"}
    assert json.loads((tmp_path / "plan.json").read_text("utf-8")) == raw_model["plan"]
    assert verify_model(load_model(written)) == []


def test_the_compiler_refuses_an_unquoted_yes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("questions.yaml", "tables.yaml", "outcomes.yaml"):
        (data / name).write_text((ROOT / "data" / name).read_text("utf-8"), "utf-8")
    tables = data / "tables.yaml"
    quoted = 'hybrid: "no"'
    assert quoted in tables.read_text("utf-8")
    tables.write_text(tables.read_text("utf-8").replace(quoted, "hybrid: no", 1), "utf-8")
    line = next(
        i
        for i, text in enumerate(tables.read_text("utf-8").splitlines(), 1)
        if text.strip() == "hybrid: no"
    )
    run = subprocess.run(
        [
            sys.executable,
            str(COMPILER),
            "--data-dir",
            str(data),
            "--output",
            str(tmp_path / "m.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr == (
        f"compile_model: tables.yaml: tables[1].rules[2].when.hybrid (line {line}): unquoted 'no' "
        'is a boolean in YAML 1.1; quote it: "no"\n'
    )
    assert not (tmp_path / "m.json").exists()


def test_yaml11_booleans_are_found_in_keys_too(compiler: ModuleType) -> None:
    node = yaml.compose("a:\n  - on: 1\n  - b: true\n", Loader=yaml.SafeLoader)
    assert list(compiler.yaml11_booleans(node, "x.yaml: ")) == [
        "x.yaml: a[0].on (the key) (line 2): unquoted 'on' is a boolean in YAML 1.1; "
        'quote it: "on"'
    ]


def test_the_compiler_prints_findings_with_their_answers(
    tmp_path: Path, raw_model: dict[str, Any]
) -> None:
    rules = rules_of(raw_model, "your-servers")
    rules[:] = [rule for rule in rules if rule["id"] != "exchange-online-non-microsoft-smtp-server"]
    run = compile_into(tmp_path, raw_model)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 48
    assert lines[0] == (
        "compile_model: [no-result] tables.yaml: tables[1] (table 'your-servers'): no rule "
        "matches; answers: service=exchange-online servers=other-smtp mx=office-365 "
        "outbound=direct add_on=no partners=yes"
    )
    assert not (tmp_path / "model.json").exists()


def test_the_compiler_checks_anchors_against_the_article(
    tmp_path: Path, raw_model: dict[str, Any]
) -> None:
    article = tmp_path / "article.md"
    article.write_text("".join(f'<a name="{a}"> </a>\n' for a in USED_ANCHORS if a != "HowDoI1"))
    run = compile_into(tmp_path, raw_model, "--article", str(article))
    assert run.returncode == 1
    assert (
        "[unknown-anchor] outcomes.yaml: links.how-do-i-set-up-connectors.section: the "
        "article has no anchor 'HowDoI1'" in run.stderr
    )
