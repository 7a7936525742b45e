"""The CLI (`connector-check`): most tests call its entry function in this process (the
`cli` fixture of conftest.py, so mutation testing sees which code they reach); a few run
the real entry points as subprocesses: `python -m engine`, the installed script, a
terminal (pty) and a package copy without its compiled model."""

from __future__ import annotations

import io
import json
import os
import pty
import re
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


# --- the text report, read back from the JSON result ------------------------------------

VERDICT_LINES = {
    "required": "required: you need to create at least one connector.",
    "optional": "optional: connectors can help, but none is required.",
    "not-needed": "not needed: there is no connector to create.",
}
CONNECTOR_WORDS = {
    "needed": "connector needed",
    "optional": "connector optional",
    "none": "no connector",
    "in-place": "connectors already in place",
}


def section(title: str, items: list[list[str]], numbered: bool = False) -> list[str]:
    """A titled list as the report shows it: bullet or number on an item's first line,
    its other lines under the text. Nothing for an empty list."""
    if not items:
        return []
    lines = [f"{title}:"]
    for number, item in enumerate(items, start=1):
        bullet = f"{number}." if numbered else "-"
        lines.append(f"  {bullet} {item[0]}")
        lines += [f"  {' ' * len(bullet)} {line}" for line in item[1:]]
    return ["\n".join(lines)]


def expected_text(result: dict[str, Any]) -> str:
    def connector(c: dict[str, Any]) -> list[str]:
        return [
            f"{c['name']} ({c['need']})", f"From: {c['settings']['from']}",
            f"To: {c['settings']['to']}", c["purpose"], *(f"Option: {o}" for o in c["options"]),
            f"How to: {c['set_up']['title']}: {c['set_up']['href']}",
            *(f"Source: {s}" for s in c["sources"]),
        ]

    def path(p: dict[str, Any]) -> str:
        via = f" via {', '.join(p['via'])}" if p["via"] else ""
        return (f"{p['from']} → {p['to']}{via}: {CONNECTOR_WORDS[p['connector']]} "
                f"(e.g. {p['example']})")

    def fired(f: dict[str, Any]) -> str:
        source, where = f["source"], []
        if source["href"]:
            where.append(f"the article, #{source['section']}: {source['href']}")
        if source["later"]:
            where.append(f"Microsoft's later guidance, {source['later']['title']}: "
                         f"{source['later']['href']}")
        return f"{f['table']} / {f['rule']}: {f['because']} ({'; '.join(where)})"

    sections = [
        f"Verdict: {VERDICT_LINES[result['verdict']]}\n{result['headline']}",
        *section("Assumed (answer the question to change it)",
                 [[f"{a['question']} {a['label']} [{a['key']}={a['value']}]"]
                  for a in result["assumed"]]),
        *section("Connectors to create", [connector(c) for c in result["connectors"]], True),
        *section("Why", [[text] for text in result["explanation"]]),
        *section("Next steps", [[text] for text in result["next_steps"]], True),
        *section("Mail paths", [[path(p)] for p in result["mail_paths"]]),
        *section("Read more", [[f"{link['title']}: {link['href']}"] for link in result["links"]]),
        *section("Decided by", [[fired(f)] for f in result["fired"]]),
        *section("Ignored answers",
                 [[f"{i['key']}={i['value']}: {i['reason']}"] for i in result["ignored"]]),
    ]
    plan = result.get("plan")
    if plan:
        steps = [[step["name"], *(f"Admin center: {line}" for line in step["admin_center"]),
                  *(f"PowerShell: {line}" for line in step["powershell"]),
                  *(f"Note: {note}" for note in step["notes"])] for step in plan["steps"]]
        sections += [
            *section("Plan: before you start", [[item] for item in plan["prerequisites"]]),
            *section("Plan: connectors", steps, True),
            *section("Plan: check", [[item] for item in plan["validation"]]),
            *section("Plan: values that would complete it",
                     [[f"{m['key']}: {m['why']}"] for m in plan["missing_values"]]),
        ]
    return "\n\n".join(sections) + "\n"


TEXT_CASES = [
    # connectors, options, sources, ignored devices=yes, assumed defaults, a partial plan
    ["service=exchange-online", "servers=exchange-2010-or-later", "hybrid=no", "partners=yes",
     "devices=yes"],
    ["service=exchange-online", "servers=exchange-2010-or-later", "hybrid=yes",
     "partners=no"],  # the wizard's connectors in place: nothing to create
    CLOUD_WITH_DEVICES,
    ["service=eop", "servers=other-smtp", "mx=filtering-service", "partners=no"],
    ["service=neither", "servers=other-smtp"],
]

TEXT_VALUES = ["--value", "domains=contoso.com", "--value", "server_ips=203.0.113.10",
               "--value", "smart_hosts=mail.contoso.com"]


@pytest.mark.parametrize("answers", TEXT_CASES, ids=lambda a: "&".join(a))
def test_the_text_report_shows_every_part_of_the_result(cli: CliRunner, answers: list[str]) -> None:
    result = json.loads(cli("--json", *TEXT_VALUES, answers=answers).stdout)
    run = cli(*TEXT_VALUES, answers=answers)
    assert run.returncode == 0, run.stderr
    assert run.stdout == expected_text(result)


def test_the_text_cases_cover_every_kind_of_line(cli: CliRunner) -> None:
    results = [json.loads(cli("--json", *TEXT_VALUES, answers=a).stdout) for a in TEXT_CASES]
    assert {r["verdict"] for r in results} == set(VERDICT_LINES)
    paths = [p for r in results for p in r["mail_paths"]]
    assert {p["connector"] for p in paths} == set(CONNECTOR_WORDS)
    assert any(p["via"] for p in paths) and any(not p["via"] for p in paths)
    sources = [f["source"] for r in results for f in r["fired"]]
    assert any(s["later"] for s in sources) and any(s["href"] for s in sources)
    assert all(r["assumed"] for r in results[:2]) and results[0]["ignored"]
    connectors = [c for r in results for c in r["connectors"]]
    assert any(c["options"] for c in connectors) and all(c["sources"] for c in connectors)
    steps = [s for r in results if "plan" in r for s in r["plan"]["steps"]]
    assert all(any(s[part] for s in steps) for part in ("admin_center", "powershell", "notes"))
    assert any(r["plan"]["missing_values"] for r in results if "plan" in r)


@pytest.mark.parametrize("site_url", ["http://intranet/docs/exchange/", "http://intranet/docs/exchange"])
def test_site_url_points_article_links_at_the_hosted_copy(
    cli: CliRunner, tmp_path: Path, site_url: str
) -> None:
    # The shipped connectors' "how to" links all go to other articles: one goes to a
    # section of the article here, so that it moves too.
    raw = json.loads((ROOT / "engine" / "model.json").read_text("utf-8"))
    connectors = raw["outcomes"]["connectors"]
    connectors["your-servers-to-office-365"]["set_up"] = "how-do-i-set-up-connectors"
    model = tmp_path / "model.json"
    model.write_text(json.dumps(raw), "utf-8")
    answers = ["service=exchange-online", "servers=exchange-2010-or-later", "hybrid=no",
               "partners=yes"]

    def links(result: dict[str, Any]) -> list[dict[str, Any]]:
        return [*result["links"], *(c["set_up"] for c in result["connectors"]),
                *(f["source"] for f in result["fired"])]

    public = json.loads(cli("--json", "--model", str(model), answers=answers).stdout)
    hosted = json.loads(
        cli("--json", "--model", str(model), "--site-url", site_url, answers=answers).stdout
    )
    base = "http://intranet/docs/exchange/"
    pairs = list(zip(links(public), links(hosted), strict=True))
    moved = [(p, h) for p, h in pairs if p["site_path"]]
    kept = [(p, h) for p, h in pairs if not p["site_path"]]
    assert moved and kept
    assert all(h["href"] == base + p["site_path"] for p, h in moved)
    assert all(h["href"] == p["href"] and p["href"].startswith("https://") for p, h in kept)
    assert hosted["connectors"][0]["set_up"]["href"] == base + (
        "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
        "use-connectors-to-configure-mail-flow/#HowDoI1"
    )
    assert any(f["source"]["href"].startswith(base) for f in hosted["fired"])
    text = cli("--site-url", site_url, answers=answers).stdout
    assert f"{base}mail-flow-best-practices/use-connectors-to-configure-mail-flow/" in text


def test_a_terminal_prompt_shows_the_question_its_options_and_takes_numbers_or_values(
    cli: CliRunner,
) -> None:
    given = ["service=exchange-online", "servers=exchange-2010-or-later", "hybrid=yes",
             "partners=no", "mx=office-365", "outbound=direct", "add_on=no"]
    # hybrid_connectors: a word, a number out of range, then Enter (its default, 1).
    run = cli("--json", typed="x\n3\n\n", answers=given)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["answers"]["hybrid_connectors"] == "present"
    choose = "Choose 1-2 (Enter: 1): "
    retry = "Please type a number from 1 to 2, or one of: present, missing\n"
    assert run.stderr == (
        "\nAre the Hybrid Configuration wizard's connectors on the Connectors page?\n"
        "  Open Mail flow > Connectors in the Exchange admin center. The wizard's two "
        "connectors (one to your servers, one from them) are usually named after it.\n"
        "  1. Yes, both are there [present]\n"
        "  2. No — one or both are missing or were deleted [missing]\n"
        + choose + retry + choose + retry + choose
    )
    # The second option by number, then by its value.
    run = cli("--json", typed="1\n", answers=given)
    assert json.loads(run.stdout)["answers"]["hybrid_connectors"] == "present"
    assert run.stderr.count(choose) == 1
    for typed in ("2\n", " missing \n"):
        run = cli("--json", typed=typed, answers=given)
        assert json.loads(run.stdout)["answers"]["hybrid_connectors"] == "missing"
        assert run.stderr.count(choose) == 1


def test_a_question_with_no_default_is_asked_again_on_enter(cli: CliRunner) -> None:
    run = cli("--json", typed="\n0\nno\n", answers=["service=exchange-online",
                                                    "servers=exchange-2010-or-later"])
    assert run.returncode == 2
    assert run.stderr.count("Choose 1-2: ") == 3  # hybrid: no default, no "(Enter: ...)"
    assert run.stderr.count("Please type a number from 1 to 2, or one of: yes, no\n") == 2
    # hybrid=no; then mx is asked and the input ends: refused, nothing on stdout.
    assert run.stdout == ""
    assert run.stderr.endswith(
        "Choose 1-4 (Enter: 1): connector-check: input ended without an answer to 'mx'; "
        "choose one of: office-365, filtering-service, archiving-service, your-servers\n"
    )


def split_row(line: str) -> list[str]:
    """A Markdown table row's cells, with `\\|` kept inside its cell."""
    assert line.startswith("| ") and line.endswith(" |")
    return [cell.replace("\\|", "|") for cell in re.split(r" (?<!\\)\| ", line[2:-2])]


def test_decision_table_rows_are_every_case_numbered_with_its_result(
    cli: CliRunner, tmp_path: Path
) -> None:
    from engine import decide, load_model, reachable_answer_sets

    raw = json.loads((ROOT / "engine" / "model.json").read_text("utf-8"))
    # A "|" in a cell must not end it.
    raw["outcomes"]["connectors"]["device-to-office-365"]["settings"]["from"] = "Printer | app"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(raw), "utf-8")
    model = load_model(raw)
    lines = cli("--model", str(path), "--decision-table").stdout.splitlines()
    cases = reachable_answer_sets(model)
    assert lines[0] == (
        f"Every combination of answers the checker accepts ({len(cases)} cases), with its "
        "verdict and the connectors to create (From → To, as the connector wizard names "
        "them). — marks a question that is not asked in that case."
    )
    assert lines[1] == ""
    header, delimiter, *rows = (split_row(line) for line in lines[2:])
    assert header == ["#", *(f"`{q}`" for q in model.questions), "Verdict",
                      "Connectors to create"]
    assert delimiter == ["---:", *["---"] * (len(header) - 1)]
    assert len(rows) == len(cases)
    for number, (row, answers) in enumerate(zip(rows, cases, strict=True), start=1):
        result = decide(model, answers)
        connectors = "<br>".join(
            f"{c['settings']['from']} → {c['settings']['to']} ({c['need']})"
            for c in result["connectors"]
        ) or "none"
        assert row == [str(number), *(answers.get(q, "—") for q in model.questions),
                       result["verdict"], connectors]
    assert any("Printer | app → " in row[-1] for row in rows)
    assert "Printer \\| app → " in "\n".join(lines)


class ScreenLog(io.StringIO):
    """A terminal's screen: what was flushed to it, as the user sees it."""

    shown = ""

    def flush(self) -> None:
        self.shown = self.getvalue()


def test_the_prompt_is_on_screen_before_the_cli_waits_for_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from engine.cli import main

    screen = ScreenLog()
    seen_when_asked = []

    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

        def readline(self, size: int | None = -1) -> str:
            seen_when_asked.append(screen.shown)
            return super().readline()

    monkeypatch.setattr(sys, "stdin", Keyboard("2\n\n\n\n"))
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    main(["--answer", "service=exchange-online", "--answer", "servers=exchange-2010-or-later",
          "--answer", "partners=no"])
    assert len(seen_when_asked) == 4
    assert all(shown.endswith(": ") for shown in seen_when_asked)
    assert seen_when_asked[0].endswith("Choose 1-2: ")


def test_the_text_report_of_two_sources_and_two_hops(cli: CliRunner, tmp_path: Path) -> None:
    # The shipped model has no rule citing both the article and later guidance, and no
    # mail path with two hops between its ends: a model that has both.
    raw = json.loads((ROOT / "engine" / "model.json").read_text("utf-8"))
    relay = raw["tables"]["tables"][5]["rules"][3]
    assert relay["id"] == "devices-smtp-relay"
    relay["source"]["section"] = "NeedConnector1"
    raw["outcomes"]["mail_paths"]["internet-to-your-servers"]["via"] = ["service", "office-365"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(raw), "utf-8")
    answers = [*CLOUD_WITH_DEVICES, "device_method=smtp-relay"]
    result = json.loads(cli("--model", str(path), "--json", answers=answers).stdout)
    assert cli("--model", str(path), answers=answers).stdout == expected_text(result)
    text = cli("--model", str(path), answers=["service=exchange-online",
                                              "servers=other-smtp", "partners=no"]).stdout
    assert "  - internet → your-servers via service, office-365: connector needed" in text
    fired = next(f for f in result["fired"] if f["rule"] == "devices-smtp-relay")
    assert fired["source"]["href"] and fired["source"]["later"]


def test_without_its_compiled_model_the_cli_says_how_to_build_it(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process twin of the subprocess test above: the model's file is not beside the
    # package's modules (read through their loader, as in every installation).
    import engine.packaged

    monkeypatch.setattr(engine.packaged, "MODEL_RESOURCE", "not-compiled-model.json")
    assert one_line_error(cli(answers=CLOUD_WITH_DEVICES)) == (
        "connector-check: model not compiled: run `make build` (or python scripts/compile_model.py)"
    )


def test_json_is_indented_by_two_and_keeps_its_characters(cli: CliRunner) -> None:
    out = cli("--json", answers=CLOUD_WITH_DEVICES).stdout
    assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False) + "\n"
    assert "→" in out and "\\u" not in out
    assert out.startswith('{\n  "verdict": "optional",\n')


def test_a_value_given_twice_or_holding_an_equals_sign(cli: CliRunner) -> None:
    twice = cli("--value", "domains=a.com", "--value", "domains=b.com", answers=SERVERS_ANSWERS)
    assert one_line_error(twice) == (
        "connector-check: 'domains' is given twice ('a.com' and 'b.com'); give one"
    )
    # Only the first "=" separates the key from the value.
    equals = cli(answers=["service=exchange-online", "servers=none", "devices=yes=no"])
    assert one_line_error(equals).startswith(
        "connector-check: 'yes=no' is not an answer to 'devices'"
    )


def test_a_plan_comes_with_connectors_even_without_values_and_with_values_alone(
    cli: CliRunner,
) -> None:
    with_connectors = json.loads(cli("--json", answers=SERVERS_ANSWERS).stdout)
    assert with_connectors["plan"]["missing_values"]
    assert "Plan: connectors:" in cli(answers=SERVERS_ANSWERS).stdout
    no_connector = ["service=exchange-online", "servers=none", "devices=no", "partners=no"]
    assert "plan" not in json.loads(cli("--json", answers=no_connector).stdout)
    with_values = json.loads(
        cli("--json", "--value", "domains=contoso.com", answers=no_connector).stdout
    )
    assert with_values["plan"]["steps"] == []
    assert with_values["plan"]["values"] == {"domains": ["contoso.com"]}


def test_help_names_the_command_its_purpose_and_each_option(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    run = cli("--help")
    assert run.returncode == 0
    text = " ".join(run.stdout.split())
    assert text.startswith(
        "usage: connector-check [-h] [--answer KEY=VALUE] [--value KEY=VALUE] [--json] [--ps1] "
        "[--list-questions] [--decision-table] [--site-url URL] [--model PATH] "
        "Do you need Exchange Online mail-flow connectors? Answer a few questions. "
    )
    for option, help_text in [
        ("--answer KEY=VALUE", "an answer, e.g. --answer service=exchange-online (repeatable)"),
        ("--value KEY=VALUE", "a plan value, e.g. --value domains=contoso.com (repeatable): "
         "the plan then uses your domains, certificates and addresses"),
        ("--json", "print the result as JSON"),
        ("--ps1", "print only the plan's PowerShell script (Exchange Online PowerShell)"),
        ("--list-questions", "print the questions as JSON and exit"),
        ("--decision-table", "print every reachable case with its verdict as a Markdown table "
         "and exit"),
        ("--site-url URL", "your hosted copy of the site: article links point there instead "
         "of the public article (e.g. http://intranet/docs/exchange/)"),
        ("--model PATH", "a compiled model JSON to use instead of the packaged "
         "engine/model.json"),
    ]:
        assert f" {option} {help_text}" in text, option


def test_no_answers_at_all_asks_for_the_first_question(cli: CliRunner) -> None:
    assert one_line_error(cli()).startswith("connector-check: missing answer to 'service' (")


def test_an_interrupted_run_exits_130(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import engine.cli

    def interrupted(*_: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.cli, "_run", interrupted)
    run = cli(answers=CLOUD_WITH_DEVICES)
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "")


def test_a_model_with_one_finding_names_it(cli: CliRunner, tmp_path: Path) -> None:
    raw = json.loads((ROOT / "engine" / "model.json").read_text("utf-8"))
    raw["outcomes"]["connectors"]["office-365-to-partner"]["set_up"] = "bridge"
    broken = tmp_path / "one.json"
    broken.write_text(json.dumps(raw), "utf-8")
    assert one_line_error(cli("--model", str(broken), answers=CLOUD_WITH_DEVICES)) == (
        f"connector-check: the model {broken} fails verification: [unknown-reference] "
        "outcomes.yaml: connectors.office-365-to-partner.set_up: unknown link 'bridge'; "
        "known: " + ", ".join(raw["outcomes"]["links"])
    )
