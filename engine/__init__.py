"""Connector decision engine: which Exchange Online mail-flow connectors does an organization need?

Standard library only, no I/O in the core (dict in, dict out), Python 3.11 syntax, so the
same code runs in CPython and in Pyodide. Typical use::

    model = load_model(raw)          # raw: the parsed data/*.yaml, keyed by file stem
    result = decide(model, {"service": "exchange-online", "servers": "none",
                            "devices": "yes", "partners": "no"})
    result["verdict"]                # "optional"

The verifier, the decision tables and the text report are imported when first used (PEP
562), so that the checker's worker, which imports only `engine.json_api`, does not load
them (nor the standard library they need) while Python starts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# What deciding needs is imported at once (the worker needs it anyway); `decide` must be,
# because the submodule engine.decide would otherwise shadow the function.
from engine.answers import AnswerError, next_questions, question_as_dict
from engine.decide import VERDICTS, decide
from engine.loading import load_model
from engine.model import Model
from engine.packaged import ModelNotCompiled, load_packaged_model
from engine.raw_reading import ModelError

# Imported when first used.
_EXPORTS = {
    "decision_page_markdown": "engine.decision_page",
    "decision_table_markdown": "engine.decision_table",
    "reachable_answer_sets": "engine.reachable",
    "format_result": "engine.text_report",
    "FINDING_KINDS": "engine.verify",
    "Finding": "engine.verify",
    "referenced_anchors": "engine.verify",
    "verify_model": "engine.verify",
}

__all__ = [
    "FINDING_KINDS",
    "VERDICTS",
    "AnswerError",
    "Finding",
    "Model",
    "ModelError",
    "ModelNotCompiled",
    "decide",
    "decision_page_markdown",
    "decision_table_markdown",
    "format_result",
    "load_model",
    "load_packaged_model",
    "next_questions",
    "question_as_dict",
    "reachable_answer_sets",
    "referenced_anchors",
    "verify_model",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'engine' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:
    from engine.decision_page import decision_page_markdown
    from engine.decision_table import decision_table_markdown
    from engine.reachable import reachable_answer_sets
    from engine.text_report import format_result
    from engine.verify import FINDING_KINDS, Finding, referenced_anchors, verify_model
