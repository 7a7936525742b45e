"""A decision result (the dict from `decide`) as plain text for a terminal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.result import ConnectorResult, FiredRule, MailPathResult, Result

__all__ = ["format_result"]

_VERDICT_TEXT = {
    "required": "required: you need to create at least one connector.",
    "optional": "optional: connectors can help, but none is required.",
    "not-needed": "not needed: there is no connector to create.",
}


def format_result(result: Result, plan: Mapping[str, Any] | None = None) -> str:
    """The result as readable sections (and the plan, when given); empty ones are left out."""
    sections = [
        f"Verdict: {_VERDICT_TEXT[result['verdict']]}\n{result['headline']}",
        _section(
            "Assumed (answer the question to change it)",
            [
                [f"{a['question']} {a['label']} [{a['key']}={a['value']}]"]
                for a in result["assumed"]
            ],
        ),
        _section(
            "Connectors to create",
            [_connector_lines(c) for c in result["connectors"]],
            numbered=True,
        ),
        _section("Why", [[text] for text in result["explanation"]]),
        _section("Next steps", [[text] for text in result["next_steps"]], numbered=True),
        _section("Mail paths", [[_mail_path_text(path)] for path in result["mail_paths"]]),
        _section("Read more", [[f"{link['title']}: {link['href']}"] for link in result["links"]]),
        _section("Decided by", [[_fired_text(fired)] for fired in result["fired"]]),
        _section(
            "Ignored answers",
            [[f"{i['key']}={i['value']}: {i['reason']}"] for i in result["ignored"]],
        ),
    ]
    if plan is not None:
        sections += _plan_sections(plan)
    return "\n\n".join(section for section in sections if section) + "\n"


def _plan_sections(plan: Mapping[str, Any]) -> list[str]:
    steps = []
    for step in plan["steps"]:
        lines = [step["name"], *(f"Admin center: {line}" for line in step["admin_center"])]
        lines += [f"PowerShell: {line}" for line in step["powershell"]]
        lines += [f"Note: {note}" for note in step["notes"]]
        steps.append(lines)
    return [
        _section("Plan: before you start", [[item] for item in plan["prerequisites"]]),
        _section("Plan: connectors", steps, numbered=True),
        _section("Plan: check", [[item] for item in plan["validation"]]),
        _section(
            "Plan: values that would complete it",
            [[f"{m['key']}: {m['why']}"] for m in plan["missing_values"]],
        ),
    ]


def _section(title: str, items: list[list[str]], numbered: bool = False) -> str:
    """A titled list; each item's first line gets the bullet, the others are indented."""
    if not items:
        return ""
    lines = [f"{title}:"]
    for number, item in enumerate(items, start=1):
        bullet = f"{number}." if numbered else "-"
        lines.append(f"  {bullet} {item[0]}")
        lines.extend(f"  {' ' * len(bullet)} {line}" for line in item[1:])
    return "\n".join(lines)


def _connector_lines(connector: ConnectorResult) -> list[str]:
    lines = [
        f"{connector['name']} ({connector['need']})",
        f"From: {connector['settings']['from']}",
        f"To: {connector['settings']['to']}",
        connector["purpose"],
    ]
    lines.extend(f"Option: {option}" for option in connector["options"])
    lines.append(f"How to: {connector['set_up']['title']}: {connector['set_up']['href']}")
    lines.extend(f"Source: {source}" for source in connector["sources"])
    return lines


def _mail_path_text(path: MailPathResult) -> str:
    via = f" via {', '.join(path['via'])}" if path["via"] else ""
    connector = {
        "needed": "connector needed",
        "optional": "connector optional",
        "none": "no connector",
        "in-place": "connectors already in place",
    }
    route = f"{path['from']} → {path['to']}{via}"
    return f"{route}: {connector[path['connector']]} (e.g. {path['example']})"


def _fired_text(fired: FiredRule) -> str:
    source = fired["source"]
    where = []
    if source["href"]:
        where.append(f"the article, #{source['section']}: {source['href']}")
    if source["later"]:
        later = source["later"]
        where.append(f"Microsoft's later guidance, {later['title']}: {later['href']}")
    return f"{fired['table']} / {fired['rule']}: {fired['because']} ({'; '.join(where)})"
