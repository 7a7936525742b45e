"""From a result to the admin's plan: prerequisites, wizard steps and PowerShell per connector,
validation, and which values are missing (contract: "The connector plan").

The recipes are data (`data/plan.yaml`, compiled into `engine/plan.json`, checked by
`engine.plan_verify`). Values are parsed by `engine.plan_values` before anything is
written; commands are rendered by `engine.powershell` (single-quoted literals only). A
command that needs a value not given is not written; `missing_values` says which and why.
Imported only when a plan is asked for, so the checker's start-up does not pay for it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from engine.packaged import read_beside
from engine.plan_values import PlanValueError, parse_values
from engine.powershell import Argument, command
from engine.result import Result

__all__ = ["Plan", "PlanModel", "PlanValueError", "load_packaged_plan", "load_plan", "make_plan"]

CONNECT = "Connect-ExchangeOnline"
PLAN_RESOURCE = "plan.json"


class PlanStep(TypedDict):
    connector: int | None
    name: str
    admin_center: list[str]
    powershell: list[str]
    notes: list[str]


class MissingValue(TypedDict):
    key: str
    why: str


class PlanField(TypedDict):
    key: str
    label: str
    help: str


class Plan(TypedDict):
    fields: list[PlanField]
    values: dict[str, list[str]]
    prerequisites: list[str]
    steps: list[PlanStep]
    validation: list[str]
    missing_values: list[MissingValue]
    script: str


@dataclass(frozen=True)
class PlanModel:
    """The raw "plan" section: value kinds, the cmdlet table and one recipe per connector."""

    values: Mapping[str, Mapping[str, str]]
    cmdlets: Mapping[str, Mapping[str, Any]]
    connectors: Mapping[str, Mapping[str, Any]]

    @property
    def kinds(self) -> dict[str, str]:
        return {key: spec["kind"] for key, spec in self.values.items()}


def load_plan(raw: Mapping[str, Any]) -> PlanModel:
    return PlanModel(raw["values"], raw["cmdlets"], raw["connectors"])


def load_packaged_plan() -> PlanModel:
    """The recipes compiled into `plan.json`, beside this module (in the browser: in the
    archive fetched with the first plan)."""
    return load_plan(json.loads(read_beside(__name__, PLAN_RESOURCE)))


def make_plan(plan_model: PlanModel, result: Result, given: Mapping[str, object]) -> Plan:
    """The plan for `result` with the admin's `given` values; raises `PlanValueError`."""
    values = parse_values(plan_model.kinds, given)
    missing: dict[str, str] = {}
    steps: list[PlanStep] = []
    validation: list[str] = []
    for index, connector in enumerate(result["connectors"]):
        recipe = plan_model.connectors[connector["id"]]
        types = _parameter_types(plan_model, recipe)
        step, checks = _step(index, connector["name"], recipe, values, missing, types)
        steps.append(step)
        validation.extend(checks)
    plan: Plan = {
        "fields": _fields(plan_model, result),
        "values": values,
        "prerequisites": _prerequisites(result, values),
        "steps": steps,
        "validation": [*validation, *_test_mail(result)],
        "missing_values": [{"key": key, "why": why} for key, why in missing.items()],
        "script": "",
    }
    plan["script"] = script_of(plan, result)
    return plan


def _fields(plan_model: PlanModel, result: Result) -> list[PlanField]:
    """The values this result's connectors use, in the order they first need them."""
    keys: list[str] = []
    for connector in result["connectors"]:
        recipe = plan_model.connectors[connector["id"]]
        keys += [need["key"] for need in recipe.get("needs", [])]
        keys += recipe.get("needs_one_of", {}).get("keys", [])
        keys += [alt["when"] for alt in recipe.get("identify", []) if alt["when"]]
        keys += [recipe["enhanced_filtering"]] if "enhanced_filtering" in recipe else []
        for spec in recipe.get("set", {}).values():
            if isinstance(spec, dict):
                keys.append(spec["value"])
    specs = plan_model.values
    return [
        {"key": key, "label": specs[key]["label"], "help": specs[key]["help"]}
        for key in dict.fromkeys(keys)
    ]


def _step(
    index: int,
    name: str,
    recipe: Mapping[str, Any],
    values: Mapping[str, list[str]],
    missing: dict[str, str],
    types: Mapping[str, str],
) -> tuple[PlanStep, list[str]]:
    step: PlanStep = {
        "connector": index,
        "name": name,
        "admin_center": [_fill(line, values) for line in recipe.get("admin_center", [])],
        "powershell": [],
        "notes": list(recipe.get("notes", [])),
    }
    if "no_powershell" in recipe:
        step["notes"].append(recipe["no_powershell"])
        return step, []
    lacking = [need for need in recipe.get("needs", []) if need["key"] not in values]
    one_of = recipe.get("needs_one_of")
    if one_of and not any(key in values for key in one_of["keys"]):
        lacking.append({"key": " or ".join(one_of["keys"]), "why": one_of["why"]})
    alternative = _alternative(recipe, values)
    if alternative is not None and alternative.get("admin_center"):
        step["admin_center"].append(_fill(alternative["admin_center"], values))
    if lacking:
        for need in lacking:
            missing.setdefault(need["key"], need["why"])
        step["notes"].append(
            "No command is written until you give: "
            + ", ".join(need["key"] for need in lacking)
            + "."
        )
        return step, []
    settings = {**recipe.get("set", {}), **(alternative or {}).get("set", {})}
    arguments: list[tuple[str, Argument]] = [
        ("Name", name),
        ("ConnectorType", recipe["connector_type"]),
    ]
    arguments += [
        (param, _argument(spec, values, types.get(param, "text")))
        for param, spec in settings.items()
    ]
    step["powershell"].append(command(recipe["cmdlet"], arguments))
    if "enhanced_filtering" in recipe:
        skip = values[recipe["enhanced_filtering"]]
        step["powershell"].append(
            command("Set-InboundConnector", [("Identity", name), ("EFSkipIPs", skip)])
        )
    checks = []
    if recipe.get("validate"):
        recipient = _test_recipient(recipe, values)
        checks.append(
            command("Validate-OutboundConnector", [("Identity", name), ("Recipients", [recipient])])
        )
        # Validation alone does not mark the connector validated (Set-OutboundConnector.md).
        checks.append(command("Set-OutboundConnector", [("Identity", name), ("IsValidated", True)]))
    return step, checks


def _alternative(
    recipe: Mapping[str, Any], values: Mapping[str, list[str]]
) -> Mapping[str, Any] | None:
    """The first `identify` alternative whose value is given ("" matches always)."""
    for alternative in recipe.get("identify", []):
        if not alternative["when"] or alternative["when"] in values:
            return alternative  # type: ignore[no-any-return]
    return None


def _parameter_types(plan_model: PlanModel, recipe: Mapping[str, Any]) -> dict[str, str]:
    if "cmdlet" not in recipe:
        return {}
    parameters = plan_model.cmdlets[recipe["cmdlet"]]["parameters"]
    return {name: spec["type"] for name, spec in parameters.items()}


def _argument(spec: object, values: Mapping[str, list[str]], kind: str) -> Argument:
    if isinstance(spec, dict):
        items = values[spec["value"]]
        return items if kind == "list" else items[0]
    if spec in ("$true", "$false"):
        return spec == "$true"
    if isinstance(spec, list):
        return [str(item) for item in spec]
    return str(spec)


def _fill(line: str, values: Mapping[str, list[str]]) -> str:
    for key, items in values.items():
        line = line.replace("{" + key + "}", ", ".join(items))
    # Values not given stay named, so the step still reads as an instruction.
    return line.replace("{", "<").replace("}", ">")


def _test_recipient(recipe: Mapping[str, Any], values: Mapping[str, list[str]]) -> str:
    domains = values[recipe["set"]["RecipientDomains"]["value"]]
    # Every mail domain must accept mail for postmaster (RFC 5321, 4.5.1).
    return f"postmaster@{domains[0]}"


def _prerequisites(result: Result, values: Mapping[str, list[str]]) -> list[str]:
    domains = ", ".join(values.get("domains", [])) or "<domains>"
    touches_servers = any("your-servers" in (c["from"], c["to"]) for c in result["connectors"])
    items = [f"Add your domains as accepted domains in Microsoft 365: {domains}."]
    if touches_servers:
        items.append(
            "Your servers send and receive Internet mail, with TLS and a certificate from a "
            "certification authority (CA), and port 25 is open between them and Microsoft "
            "365's IP address ranges."
        )
    if any("partner" in (c["from"], c["to"]) for c in result["connectors"]):
        items.append("The partner's servers present a valid certificate, ideally CA-signed.")
    answers = result["answers"]
    if answers.get("mx") == "office-365" and answers.get("servers") not in (None, "none"):
        items.append(
            "Your domains' MX records point to Microsoft 365 (the host name ending in "
            "mail.protection.outlook.com that the admin center shows for each domain)."
        )
    return items


def _test_mail(result: Result) -> list[str]:
    if not result["connectors"]:
        return []
    return [
        "Send a test message each way the connectors carry mail (for example from a "
        "mailbox on your servers to one in Exchange Online, and back), then look it up in "
        "the message trace of the Exchange admin center."
    ]


def script_of(plan: Plan, result: Result) -> str:
    """The whole plan as a .ps1 file, each command preceded by a comment saying what it does."""
    lines = [
        "# Connector plan made by the connector checker; review every line before running it.",
        f"# Answer: {result['headline']}",
        "# Sign in to Exchange Online PowerShell (module ExchangeOnlineManagement).",
        CONNECT,
    ]
    for step in plan["steps"]:
        lines.append("")
        lines.append(f"# {step['name']}")
        if not step["powershell"]:
            lines.extend(f"# {note}" for note in step["notes"])
        lines.extend(step["powershell"])
    checks = [line for line in plan["validation"] if line.startswith(("Validate-", "Set-"))]
    if checks:
        lines += ["", "# Validate the connectors from Microsoft 365, then mark them validated."]
        lines.extend(checks)
    return "\n".join(lines) + "\n"


def commands_of(plan: Plan) -> Sequence[str]:
    """Every command line of the plan's script, in order (for tests and the CLI)."""
    return [line for line in plan["script"].splitlines() if line and not line.startswith("#")]
