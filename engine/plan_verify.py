"""Checks of the plan's data (data/plan.yaml) against its own cmdlet table, at compile time.

Every parameter a recipe sets exists for its cmdlet and fits the connector type; no two
mutually exclusive parameters are set together; what a parameter requires is set; no
forbidden parameter (CloudServicesMailEnabled: the hybrid wizard's to set) is used; values
are the contract's keys; every connector of the model has a recipe.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

__all__ = ["verify_plan"]


def verify_plan(plan: Mapping[str, Any], connector_ids: Collection[str]) -> list[str]:
    """Every problem found, each naming the place in plan.yaml; empty when sound."""
    problems = list(_recipes_cover(plan, connector_ids))
    for connector_id, recipe in plan["connectors"].items():
        problems.extend(_recipe_problems(plan, f"plan.yaml: connectors.{connector_id}", recipe))
    return problems


def _recipes_cover(plan: Mapping[str, Any], connector_ids: Collection[str]) -> Iterator[str]:
    for connector_id in connector_ids:
        if connector_id not in plan["connectors"]:
            yield f"plan.yaml: connectors: no recipe for the connector {connector_id!r}"
    for connector_id in plan["connectors"]:
        if connector_id not in connector_ids:
            yield f"plan.yaml: connectors.{connector_id}: not a connector of outcomes.yaml"


def _recipe_problems(plan: Mapping[str, Any], where: str, recipe: Mapping[str, Any]) -> list[str]:
    if "no_powershell" in recipe:
        return []
    cmdlet = plan["cmdlets"].get(recipe.get("cmdlet"))
    if cmdlet is None:
        return [f"{where}.cmdlet: unknown cmdlet {recipe.get('cmdlet')!r}; "
                f"known: {', '.join(plan['cmdlets'])}"]
    problems = []
    base = dict(recipe.get("set", {}))
    alternatives = recipe.get("identify") or [{}]  # no alternatives: the base settings
    for i, alternative in enumerate(alternatives):
        settings = {"Name": "x", "ConnectorType": recipe.get("connector_type"), **base,
                    **alternative.get("set", {})}
        problems.extend(_settings_problems(plan, cmdlet, f"{where}.identify[{i}]", settings,
                                           recipe.get("connector_type")))
        when = alternative.get("when")
        if when and when not in plan["values"]:
            problems.append(f"{where}.identify[{i}].when: unknown value {when!r}")
    for need in recipe.get("needs", []):
        if need["key"] not in plan["values"]:
            problems.append(f"{where}.needs: unknown value {need['key']!r}")
    return problems


def _settings_problems(
    plan: Mapping[str, Any],
    cmdlet: Mapping[str, Any],
    where: str,
    settings: Mapping[str, Any],
    connector_type: str | None,
) -> list[str]:
    parameters = cmdlet["parameters"]
    problems = []
    for name, value in settings.items():
        if name in cmdlet.get("forbidden", []):
            problems.append(f"{where}: {name} must never be set (the hybrid wizard's to set)")
            continue
        spec = parameters.get(name)
        if spec is None:
            problems.append(f"{where}: {name} is not a parameter of this cmdlet in the table")
            continue
        if spec.get("only") and connector_type not in spec["only"]:
            problems.append(f"{where}: {name} applies to {', '.join(spec['only'])} connectors "
                            f"only, not {connector_type}")
        for other in spec.get("excludes", []):
            if other in settings:
                problems.append(f"{where}: {name} cannot go with {other}")
        for requirement in spec.get("requires", []):
            needed, _, needed_value = requirement.partition("=")
            if needed not in settings or (needed_value and settings[needed] != needed_value):
                problems.append(f"{where}: {name} needs {requirement}")
        problems.extend(_type_problems(plan, where, name, spec, value))
    return problems


def _type_problems(
    plan: Mapping[str, Any], where: str, name: str, spec: Mapping[str, Any], value: object
) -> list[str]:
    if isinstance(value, dict):
        if value.get("value") not in plan["values"]:
            return [f"{where}: {name} takes an unknown value {value.get('value')!r}"]
        return []
    kind = spec["type"]
    if kind == "bool" and value not in ("$true", "$false"):
        return [f"{where}: {name} is a boolean: write \"$true\" or \"$false\""]
    if kind == "choice" and value not in spec["choices"]:
        return [f"{where}: {name}={value!r}; choose one of: {', '.join(spec['choices'])}"]
    if kind == "list" and not isinstance(value, list):
        return [f"{where}: {name} takes a list"]
    return []
