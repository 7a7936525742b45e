"""The JSON-string interface the checker's worker calls."""

from __future__ import annotations

import json

import pytest

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


def test_a_refusal_reply_has_the_cli_line_the_page_line_the_key_and_the_choices() -> None:
    from engine import AnswerError

    answers = {"service": "eop", "servers": "none", "partners": "no"}
    try:
        decide(load_packaged_model(), answers)
    except AnswerError as error:
        expected = {"error": str(error), "message": error.reader_message, "key": "servers",
                    "valid": ["exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp"]}
    assert json.loads(answer(json.dumps(answers))) == expected
    assert expected["error"] != expected["message"]


SERVERS = {"service": "exchange-online", "servers": "other-smtp", "partners": "no"}


def test_values_give_the_plan_beside_the_result() -> None:
    from engine.plan import load_packaged_plan, make_plan

    values = {"domains": "contoso.com", "smart_hosts": "mail.contoso.com"}
    reply = json.loads(answer(json.dumps(SERVERS), json.dumps(values)))
    result = decide(load_packaged_model(), SERVERS)
    assert reply == json.loads(json.dumps(
        {"result": result, "plan": make_plan(load_packaged_plan(), result, values)}
    ))


def test_a_refused_value_names_itself_and_brings_the_fields_back() -> None:
    from engine.plan import PlanValueError, load_packaged_plan, make_plan

    values = {"domains": "contoso.com", "server_ips": "10.0.0.1"}
    reply = json.loads(answer(json.dumps(SERVERS), json.dumps(values)))
    result = decide(load_packaged_model(), SERVERS)
    try:
        make_plan(load_packaged_plan(), result, values)
    except PlanValueError as error:
        refused = error
    fields = make_plan(load_packaged_plan(), result, {})["fields"]
    assert "plan" not in reply
    assert reply["plan_error"] == json.loads(json.dumps(
        {"key": "server_ips", "message": str(refused), "valid": refused.valid, "fields": fields}
    ))
    assert reply["plan_error"]["fields"] and reply["plan_error"]["message"]


def test_an_unknown_name_of_the_package_says_so() -> None:
    import engine

    with pytest.raises(AttributeError) as caught:
        engine.colour  # noqa: B018
    assert str(caught.value) == "module 'engine' has no attribute 'colour'"
