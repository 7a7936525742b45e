"""Connector decision engine: which Exchange Online mail-flow connectors does an organization need?

Standard library only, no I/O in the core (dict in, dict out), Python 3.11 syntax, so the
same code runs in CPython and in Pyodide. Typical use::

    model = load_model(raw)          # raw: the parsed data/*.yaml, keyed by file stem
    result = decide(model, {"service": "exchange-online", "servers": "none",
                            "devices": "yes", "partners": "no"})
    result["verdict"]                # "optional"
"""

from __future__ import annotations

from engine.answers import AnswerError, next_questions, question_as_dict
from engine.decide import VERDICTS, decide
from engine.decision_page import decision_page_markdown
from engine.decision_table import decision_table_markdown
from engine.loading import load_model
from engine.model import Model
from engine.packaged import ModelNotCompiled, load_packaged_model
from engine.raw_reading import ModelError
from engine.reachable import reachable_answer_sets
from engine.text_report import format_result
from engine.verify import FINDING_KINDS, Finding, referenced_anchors, verify_model

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
