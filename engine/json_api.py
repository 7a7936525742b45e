"""The engine behind a JSON-string interface, for the checker's Web Worker (Pyodide).

One call per answer change: JSON answers in, JSON reply out, so nothing but strings cross
between JavaScript and Python. The model is loaded once, when this module is imported
(in the browser: at boot, or already in Pyodide's memory snapshot).
"""

from __future__ import annotations

import json

from engine.answers import AnswerError
from engine.decide import decide
from engine.packaged import load_packaged_model

__all__ = ["answer"]

_MODEL = load_packaged_model()


def answer(answers_json: str, values_json: str = "") -> str:
    """`{"result": ...}` with the engine's result, or `{"error", "message", "key", "valid"}`.

    `error` is the CLI's one-line message (labels and keys); `message` the page's (labels).
    With `values_json` (the reader's plan values) also `plan`, or `plan_error` naming the
    value to fix.
    """
    try:
        result = decide(_MODEL, json.loads(answers_json))
    except AnswerError as error:
        return json.dumps(
            {
                "error": str(error),
                "message": error.reader_message,
                "key": error.key,
                "valid": list(error.valid),
            }
        )
    reply: dict[str, object] = {"result": result}
    if values_json:
        # The plan is imported only when the reader gives values (not at start-up).
        from engine.plan import PlanValueError, load_packaged_plan, make_plan

        try:
            reply["plan"] = make_plan(load_packaged_plan(), result, json.loads(values_json))
        except PlanValueError as error:
            # Nothing is made from a refused value; the fields come back so the page can
            # show the message at the one to fix.
            fields = make_plan(load_packaged_plan(), result, {})["fields"]
            reply["plan_error"] = {
                "key": error.key,
                "message": str(error),
                "valid": error.valid,
                "fields": fields,
            }
    return json.dumps(reply)
