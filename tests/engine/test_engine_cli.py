"""The CLI (`connector-check`): most tests call its entry function in this process (the
`cli` fixture of conftest.py, so mutation testing sees which code they reach); a few run
the real entry points as subprocesses: `python -m engine`, the installed script, a
terminal (pty) and a package copy without its compiled model."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.engine.conftest import CliRun, CliRunner

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "connector-check"
CLOUD_WITH_DEVICES = ["service=exchange-online", "servers=none", "devices=yes", "partners=no"]
QUESTIONS = (
    "service, servers, hybrid, hybrid_connectors, devices, device_method, mx, outbound, add_on, "
    "partners"
)


def run_cli(
    *args: str, answers: list[str] = (), script: bool = False, **popen: Any
) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "engine"]
    for answer in answers:
        command += ["--answer", answer]
    popen.setdefault("stdin", subprocess.DEVNULL)  # not a terminal: never prompts
    popen.setdefault("cwd", ROOT)
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, check=False, timeout=60, **popen
    )


def one_line_error(run: subprocess.CompletedProcess[str] | CliRun) -> str:
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    return run.stderr.rstrip("\n")


def test_text_output_shows_verdict_and_settings(cli: CliRunner) -> None:
    run = cli(answers=CLOUD_WITH_DEVICES)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Verdict: optional")
    assert "From: Your organization's email server\n" in run.stdout
    assert "To: Office 365\n" in run.stdout
    assert "#ConnectorsForMailNot1" in run.stdout


@pytest.mark.parametrize("script", [False, True], ids=["python-m-engine", "connector-check"])
def test_json_output_is_the_result(script: bool) -> None:
    assert SCRIPT.exists(), f"{SCRIPT} missing: run pip install -e . (make setup)"
    run = run_cli("--json", answers=CLOUD_WITH_DEVICES, script=script)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["verdict"] == "optional"
    assert [(c["from"], c["to"], c["need"]) for c in result["connectors"]] == [
        ("your-servers", "office-365", "optional")
    ]


def test_irrelevant_answers_are_listed_as_ignored(cli: CliRunner) -> None:
    run = cli("--json", answers=[*CLOUD_WITH_DEVICES, "hybrid=yes"])
    assert run.returncode == 0, run.stderr
    assert [(i["key"], i["value"]) for i in json.loads(run.stdout)["ignored"]] == [
        ("hybrid", "yes")
    ]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            [*CLOUD_WITH_DEVICES, "colour=blue"],
            f"connector-check: unknown question 'colour'; valid questions: {QUESTIONS}",
        ),
        (
            ["service=exchange-online", "servers=none", "devices=maybe", "partners=no"],
            "connector-check: 'maybe' is not an answer to 'devices' (\"Do printers, scanners, fax "
            'machines or applications need to send mail?"); choose one of: Yes (yes), No (no)',
        ),
        (
            ["service=eop", "servers=none", "partners=no"],
            'connector-check: "None — all our mailboxes are in Exchange Online" (servers=none) '
            'cannot go with "Standalone Exchange Online Protection (EOP)" (service=eop): '
            "standalone EOP always protects mail servers you run yourself; choose one of: "
            "Exchange Server 2010 or later (2010, 2013, 2016, 2019, Subscription Edition) "
            "(exchange-2010-or-later), Exchange Server 2007 or earlier (exchange-2007-or-earlier), "
            "Another SMTP mail server (not Microsoft Exchange) (other-smtp)",
        ),
        (
            ["service=exchange-online", "servers=exchange-2010-or-later", "partners=no"],
            "connector-check: missing answer to 'hybrid' (\"Have you completed an Exchange hybrid "
            'deployment (run the Hybrid Configuration wizard)?", asked because '
            "service=exchange-online and servers=exchange-2010-or-later); choose one of: "
            "Yes — the Hybrid Configuration wizard has run (yes), No (no)",
        ),
        (
            [*CLOUD_WITH_DEVICES, "partners"],
            f"connector-check: --answer 'partners' is not KEY=VALUE; valid keys: {QUESTIONS}",
        ),
        (
            [*CLOUD_WITH_DEVICES, "partners=yes"],
            "connector-check: 'partners' is answered twice ('no' and 'yes'); give one",
        ),
    ],
    ids=["unknown-key", "unknown-value", "eop-without-servers", "missing", "malformed", "twice"],
)
def test_bad_input_exits_2_with_one_line(
    cli: CliRunner, answers: list[str], expected: str
) -> None:
    assert one_line_error(cli(answers=answers)) == expected


def test_list_questions_prints_the_contract_questions(cli: CliRunner) -> None:
    run = cli("--list-questions")
    assert run.returncode == 0, run.stderr
    questions = {q["id"]: q for q in json.loads(run.stdout)}
    assert list(questions) == QUESTIONS.split(", ")
    # The contract's values (defaults first), "asked when" column and defaults.
    assert {k: [o["value"] for o in q["options"]] for k, q in questions.items()} == {
        "service": ["exchange-online", "eop", "neither"],
        "servers": ["none", "exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp"],
        "hybrid": ["yes", "no"],
        "hybrid_connectors": ["present", "missing"],
        "devices": ["yes", "no"],
        "device_method": ["not-sure", "smtp-auth", "direct-send", "smtp-relay"],
        "mx": ["office-365", "filtering-service", "archiving-service", "your-servers"],
        "outbound": ["direct", "via-service", "via-your-servers"],
        "add_on": ["no", "yes"],
        "partners": ["yes", "no"],
    }
    assert {k: q["asked_when"] for k, q in questions.items()} == {
        "service": {},
        "servers": {},
        "hybrid": {"service": ["exchange-online"], "servers": ["exchange-2010-or-later"]},
        "hybrid_connectors": {"hybrid": ["yes"]},
        "devices": {"service": ["exchange-online"], "servers": ["none"]},
        "device_method": {"devices": ["yes"]},
        "mx": {"service": ["exchange-online", "eop"]},
        "outbound": {"service": ["exchange-online"]},
        "add_on": {"service": ["exchange-online"]},
        "partners": {"service": ["exchange-online", "eop"]},
    }
    defaults = {k: q["default"] for k, q in questions.items() if q["default"] is not None}
    assert defaults == {
        "hybrid_connectors": "present",
        "device_method": "not-sure",
        "mx": "office-365",
        "outbound": "direct",
        "add_on": "no",
    }
    assert all(q["label"] and q["help"] for q in questions.values())


def test_decision_table_is_markdown_with_every_case(cli: CliRunner) -> None:
    run = cli("--decision-table")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Every combination of answers the checker accepts (387 cases)")
    rows = [line for line in lines if line.startswith("| ")]
    assert rows[0].startswith("| # | `service` | `servers` |")
    assert rows[1].startswith("| ---: | --- |")
    assert len(rows) == 2 + 387


def test_a_model_path_can_be_given(cli: CliRunner, tmp_path: Path) -> None:
    model = tmp_path / "model.json"
    shutil.copy(ROOT / "engine" / "model.json", model)
    run = cli("--model", str(model), "--json", answers=CLOUD_WITH_DEVICES)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["verdict"] == "optional"


def test_an_unreadable_or_unsound_model_path_exits_2(cli: CliRunner, tmp_path: Path) -> None:
    missing = one_line_error(cli("--model", str(tmp_path / "nope.json")))
    assert missing.startswith(f"connector-check: cannot read the model {tmp_path / 'nope.json'}:")
    raw = json.loads((ROOT / "engine" / "model.json").read_text("utf-8"))
    raw["tables"]["tables"][3]["rules"].pop()  # partners=no now falls through
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(raw), "utf-8")
    message = one_line_error(cli("--model", str(broken), answers=CLOUD_WITH_DEVICES))
    assert message.startswith(
        f"connector-check: the model {broken} fails verification: [no-result]"
    )


def test_a_missing_compiled_model_says_how_to_build_it(tmp_path: Path) -> None:
    # A copy of the package without model.json, found first on sys.path (cwd, for -m).
    shutil.copytree(
        ROOT / "engine",
        tmp_path / "engine",
        ignore=shutil.ignore_patterns("model.json", "__pycache__"),
    )
    run = run_cli(answers=CLOUD_WITH_DEVICES, cwd=tmp_path)
    assert one_line_error(run) == (
        "connector-check: model not compiled: run `make build` (or python scripts/compile_model.py)"
    )


def test_on_a_terminal_it_asks_for_missing_answers() -> None:
    controller, terminal = pty.openpty()
    try:
        # service 1 = exchange-online, servers 1 = none, devices: first a wrong entry,
        # then 1 = yes; device_method, mx, outbound, add_on: Enter takes the default;
        # partners 2 = no.
        os.write(controller, b"1\n1\nmaybe\n1\n\n\n\n\n2\n")
        run = run_cli("--json", stdin=terminal)
    finally:
        os.close(terminal)
        os.close(controller)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["answers"] == {
        "service": "exchange-online",
        "servers": "none",
        "devices": "yes",
        "device_method": "not-sure",
        "mx": "office-365",
        "outbound": "direct",
        "add_on": "no",
        "partners": "no",
    }
    assert "Choose 1-4 (Enter: 1): " in run.stderr
    assert "  1. Exchange Online (mailboxes in Microsoft 365 / Office 365) [exchange-online]" in (
        run.stderr
    )
    assert "Please type a number from 1 to 2, or one of: yes, no" in run.stderr


def test_on_a_terminal_answers_given_are_not_asked_again(cli: CliRunner) -> None:
    # hybrid is missing (2 = no); mx, outbound, add_on: Enter takes the default.
    run = cli(
        "--json",
        typed="2\n\n\n\n",
        answers=["service=exchange-online", "servers=exchange-2010-or-later", "partners=no"],
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["verdict"] == "required"
    assert run.stderr.count("Choose 1-") == 4


SERVERS_ANSWERS = ["service=exchange-online", "servers=other-smtp", "partners=no"]


def test_values_make_the_plan_in_json_and_text(cli: CliRunner) -> None:
    values = ["--value", "domains=contoso.com", "--value", "server_cert=mail.contoso.com",
              "--value", "smart_hosts=mail.contoso.com"]
    run = cli("--json", *values, answers=SERVERS_ANSWERS)
    assert run.returncode == 0, run.stderr
    plan = json.loads(run.stdout)["plan"]
    assert plan["missing_values"] == []
    assert plan["steps"][0]["powershell"][0].startswith("New-InboundConnector -Name ")
    text = cli(*values, answers=SERVERS_ANSWERS)
    assert "Plan: connectors:" in text.stdout
    assert "PowerShell: New-OutboundConnector -Name 'Connector to your email servers'" in (
        text.stdout
    )


def test_ps1_prints_only_the_script(cli: CliRunner) -> None:
    run = cli("--ps1", "--value", "domains=contoso.com", "--value",
                  "server_ips=203.0.113.10", answers=SERVERS_ANSWERS)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("# Connector plan made by the connector checker")
    assert "Connect-ExchangeOnline" in lines
    assert "# No command is written until you give: smart_hosts." in lines
    assert run.stdout.count("New-InboundConnector") == 1


def test_a_bad_value_exits_2_with_one_line_and_writes_nothing(cli: CliRunner) -> None:
    message = one_line_error(cli("--ps1", "--value", "server_ips=10.0.0.0/8",
                                     answers=SERVERS_ANSWERS))
    assert message == (
        "connector-check: server_ips='10.0.0.0/8': '10.0.0.0/8' is wider than /24; valid: "
        "comma-separated public IPv4 addresses or CIDR ranges from /24 to /32, such as "
        "203.0.113.10 or 198.51.100.0/28"
    )
    assert one_line_error(cli("--value", "domains", answers=SERVERS_ANSWERS)).startswith(
        "connector-check: --value 'domains' is not KEY=VALUE; valid keys: domains, server_cert"
    )
    no_connector = ["service=exchange-online", "servers=none", "devices=no", "partners=no"]
    assert one_line_error(cli("--ps1", answers=no_connector)) == (
        "connector-check: there is no connector to create, so no script to write"
    )
