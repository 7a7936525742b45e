"""What the browser needs before the engine boots: the questions, and where things are.

The form is generated from this, so a reader can answer while Pyodide is still loading;
the engine (in the worker) then decides. Relevance (`asked_when`) and impossible
combinations are plain data the page evaluates with simple equality checks.
"""

from __future__ import annotations

from typing import Any

from engine import Model, question_as_dict

__all__ = ["checker_spec"]

INTRO = (
    "Answer the questions below; the answer appears as you go and stays in this page's "
    "address, so you can share it."
)


def checker_spec(
    model: Model,
    *,
    pyodide_dir: str,
    stdlib: str,
    stdlib_plan: str,
    wheel: str,
    wheel_integrity: str,
    lock_info: dict[str, Any],
    snapshot: str,
    boot_timeout_seconds: float,
    fallback_links: list[dict[str, str]],
    plan_keys: list[str],
) -> dict[str, Any]:
    """The JSON written to ``assets/checker/checker.json`` (URLs relative to that file)."""
    return {
        "intro": INTRO,
        "questions": [question_as_dict(question) for question in model.questions.values()],
        "invalid_combinations": [
            {"when": combination.when.as_dict(), "reason": combination.reason}
            for combination in model.invalid_combinations
        ],
        "pyodide": pyodide_dir,
        "stdlib": stdlib,
        "stdlib_plan": stdlib_plan,  # fetched by the worker with the first plan
        "wheel": wheel,
        "wheel_integrity": wheel_integrity,  # checked by fetch() (Subresource Integrity)
        "lock_info": lock_info,  # Pyodide's lock `info`; the engine is no Pyodide package
        "snapshot": snapshot,  # "" unless memory_snapshot is on
        "bootTimeoutSeconds": boot_timeout_seconds,
        "fallback_links": fallback_links,
        "plan_keys": plan_keys,  # the plan values a shared link's fragment may hold
    }
