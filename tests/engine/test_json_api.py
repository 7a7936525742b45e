"""The JSON-string interface the checker's worker calls."""

from __future__ import annotations

import json

from engine import decide, load_packaged_model
from engine.json_api import answer


def test_answers_in_json_give_the_engine_result_in_json() -> None:
    answers = {"service": "exchange-online", "servers": "none", "devices": "yes", "partners": "no"}
    reply = json.loads(answer(json.dumps(answers)))
    assert reply == {"result": json.loads(json.dumps(decide(load_packaged_model(), answers)))}
    assert reply["result"]["verdict"] == "optional"


def test_refused_answers_name_the_key_and_the_valid_values() -> None:
    reply = json.loads(answer(json.dumps({"service": "cloud"})))
    assert reply["key"] == "service"
    assert reply["valid"] == ["exchange-online", "eop", "neither"]
    assert "cloud" in reply["error"]
