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


def test_a_refused_combination_reads_in_labels_for_the_page() -> None:
    reply = json.loads(answer(json.dumps({"service": "eop", "servers": "none", "partners": "no"})))
    assert reply["message"] == (
        '"None — all our mailboxes are in Exchange Online" cannot go with "Standalone Exchange '
        'Online Protection (EOP)": standalone EOP always protects mail servers you run '
        'yourself. Choose another answer to "Which mail servers do you run yourself '
        '(on-premises)?":'
    )
    assert "servers=" not in reply["message"] and "(none)" not in reply["message"]
    assert "(servers=none)" in reply["error"]  # the CLI's message keeps the keys
    assert reply["valid"] == ["exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp"]
