"""`connector-check` / `python -m engine`: the decision engine on the command line.

Exit status: 0 with a result; 2 with one line on stderr for answers that cannot be used
(unknown key or value, an impossible combination, a missing answer when stdin is not a
terminal, a malformed ``--answer``) or a model that cannot be loaded. A question with a
default that is left unanswered takes it and is shown as assumed; on a terminal it is
asked, and Enter takes the default.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from engine.answers import AnswerError, next_questions, question_as_dict
from engine.decide import decide
from engine.decision_table import decision_table_markdown
from engine.loading import load_model
from engine.model import Model
from engine.packaged import ModelNotCompiled, load_packaged_model
from engine.plan_values import PlanValueError
from engine.raw_reading import ModelError
from engine.site_links import with_site_url
from engine.text_report import format_result
from engine.verify import verify_model

__all__ = ["main"]

PROG = "connector-check"
# The contract's plan values (data/plan.yaml checks the same list when compiled).
PLAN_KEYS = (
    "domains", "server_cert", "server_ips", "smart_hosts", "partner_domains", "partner_cert",
    "partner_ips", "device_ips", "service_ips",
)


class UsageProblem(Exception):
    """Input the CLI cannot use; the message is the one line printed on stderr."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        model = _read_model(args.model)
        output = _run(model, args)
    except (AnswerError, ModelError, ModelNotCompiled, PlanValueError, UsageProblem) as problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    sys.stdout.write(output)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Do you need Exchange Online mail-flow connectors? Answer a few questions.",
    )
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an answer, e.g. --answer service=exchange-online (repeatable)",
    )
    parser.add_argument(
        "--value",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a plan value, e.g. --value domains=contoso.com (repeatable): the plan then "
        "uses your domains, certificates and addresses",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--ps1",
        action="store_true",
        help="print only the plan's PowerShell script (Exchange Online PowerShell)",
    )
    parser.add_argument(
        "--list-questions", action="store_true", help="print the questions as JSON and exit"
    )
    parser.add_argument(
        "--decision-table",
        action="store_true",
        help="print every reachable case with its verdict as a Markdown table and exit",
    )
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="your hosted copy of the site: article links point there instead of the public "
        "article (e.g. http://intranet/docs/exchange/)",
    )
    parser.add_argument(
        "--model",
        metavar="PATH",
        help="a compiled model JSON to use instead of the packaged engine/model.json",
    )
    return parser


def _run(model: Model, args: argparse.Namespace) -> str:
    if args.list_questions:
        return _json([question_as_dict(question) for question in model.questions.values()])
    if args.decision_table:
        return decision_table_markdown(model)
    answers = _parse_answers(model, args.answer)
    if sys.stdin.isatty():
        answers = _ask_missing(model, answers, sys.stdin, sys.stderr)
    values = _parse_pairs("--value", args.value, "valid keys: " + ", ".join(PLAN_KEYS))
    result = decide(model, answers)
    if args.site_url:
        result = with_site_url(result, args.site_url)
    output: dict[str, Any] = dict(result)
    if result["connectors"] or values:
        # Imported only here: the plan is not needed to decide.
        from engine.plan import load_packaged_plan, make_plan

        output["plan"] = make_plan(load_packaged_plan(), result, values)
    if args.ps1:
        if "plan" not in output:
            raise UsageProblem("there is no connector to create, so no script to write")
        return str(output["plan"]["script"])
    return _json(output) if args.json else format_result(result, output.get("plan"))


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _read_model(path: str | None) -> Model:
    if path is None:
        return load_packaged_model()
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageProblem(f"cannot read the model {path}: {error}") from error
    model = load_model(raw)
    # The packaged model was verified when compiled; a model from elsewhere may not be.
    findings = verify_model(model)
    if findings:
        raise UsageProblem(f"the model {path} fails verification: {findings[0]}")
    return model


def _parse_answers(model: Model, pairs: list[str]) -> dict[str, str]:
    return _parse_pairs("--answer", pairs, f"valid keys: {', '.join(model.questions)}")


def _parse_pairs(option: str, pairs: list[str], valid: str) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageProblem(f"{option} {pair!r} is not KEY=VALUE; {valid}")
        if key in parsed:
            verb = "answered" if option == "--answer" else "given"
            raise UsageProblem(
                f"{key!r} is {verb} twice ({parsed[key]!r} and {value!r}); give one"
            )
        parsed[key] = value
    return parsed


def _ask_missing(
    model: Model, answers: dict[str, str], stdin: TextIO, out: TextIO
) -> dict[str, str]:
    """Prompt on `out` for each relevant unanswered question until none is left."""
    answers = dict(answers)
    while pending := next_questions(model, answers, with_defaults=True):
        question = pending[0]
        answers[question["id"]] = _prompt(question, stdin, out)
    return answers


def _prompt(question: dict[str, Any], stdin: TextIO, out: TextIO) -> str:
    values: list[str] = [option["value"] for option in question["options"]]
    default: str | None = question["default"]  # one of the values: the loader checks it
    print(f"\n{question['label']}", file=out)
    if question["help"]:
        print(f"  {question['help']}", file=out)
    for number, option in enumerate(question["options"], start=1):
        print(f"  {number}. {option['label']} [{option['value']}]", file=out)
    hint = f" (Enter: {values.index(default) + 1})" if default is not None else ""
    while True:
        print(f"Choose 1-{len(values)}{hint}: ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            raise UsageProblem(
                f"input ended without an answer to {question['id']!r}; "
                f"choose one of: {', '.join(values)}"
            )
        choice = line.strip()
        if not choice and default is not None:
            return default
        if choice.isdigit() and 1 <= int(choice) <= len(values):
            return values[int(choice) - 1]
        if choice in values:
            return choice
        print(
            f"Please type a number from 1 to {len(values)}, or one of: {', '.join(values)}",
            file=out,
        )
