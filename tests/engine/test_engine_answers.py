"""Answer checking: the contract's bad inputs, relevance, `next_questions`, and robustness."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import VERDICTS, AnswerError, Model, decide, next_questions, reachable_answer_sets
from tests.engine.hypothesis_budget import examples

CONTRACT_QUESTIONS = [
    "service",
    "servers",
    "hybrid",
    "hybrid_connectors",
    "devices",
    "device_method",
    "mx",
    "outbound",
    "add_on",
    "partners",
]
CLOUD_ONLY = {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "no"}


def error_for(model: Model, answers: Any) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        decide(model, answers)
    message = str(caught.value)
    assert "\n" not in message
    return caught.value


def test_unknown_key_lists_the_questions(model: Model) -> None:
    error = error_for(model, {**CLOUD_ONLY, "colour": "blue"})
    assert (error.key, error.value) == ("colour", "blue")
    assert list(error.valid) == CONTRACT_QUESTIONS
    assert str(error) == (
        f"unknown question 'colour'; valid questions: {', '.join(CONTRACT_QUESTIONS)}"
    )


def test_unknown_value_lists_the_options(model: Model) -> None:
    error = error_for(model, {**CLOUD_ONLY, "servers": "exchange-2016"})
    assert (error.key, error.value) == ("servers", "exchange-2016")
    assert error.valid == (
        "none",
        "exchange-2010-or-later",
        "exchange-2007-or-earlier",
        "other-smtp",
    )
    assert str(error).startswith(
        "'exchange-2016' is not an answer to 'servers' (\"Which mail servers do you run "
        'yourself (on-premises)?"); choose one of: None — all our mailboxes are in Exchange '
        "Online (none), Exchange Server 2010 or later"
    )


def test_a_boolean_answer_is_named_as_such(model: Model) -> None:
    # What an unquoted `yes` in a YAML or a JSON `true` would give.
    error = error_for(model, {**CLOUD_ONLY, "partners": True})
    assert error.valid == ("yes", "no")
    assert "True (bool; answers are text)" in str(error)


def test_eop_without_servers_is_refused(model: Model) -> None:
    error = error_for(model, {"service": "eop", "servers": "none", "partners": "no"})
    assert (error.key, error.value) == ("servers", "none")
    assert error.valid == ("exchange-2010-or-later", "exchange-2007-or-earlier", "other-smtp")
    # The reader sees the options' labels; the key and value follow in brackets.
    assert str(error).startswith(
        '"None — all our mailboxes are in Exchange Online" (servers=none) cannot go with '
        '"Standalone Exchange Online Protection (EOP)" (service=eop): standalone EOP always '
        "protects mail servers you run yourself; choose one of: Exchange Server 2010 or later"
    )
    assert str(error).endswith(
        "(exchange-2010-or-later), Exchange Server 2007 or earlier (exchange-2007-or-earlier), "
        "Another SMTP mail server (not Microsoft Exchange) (other-smtp)"
    )


def test_a_relevant_missing_answer_is_refused(model: Model) -> None:
    error = error_for(
        model, {"service": "exchange-online", "servers": "exchange-2010-or-later", "partners": "no"}
    )
    assert (error.key, error.value, error.valid) == ("hybrid", None, ("yes", "no"))
    assert "missing answer to 'hybrid'" in str(error)
    assert "asked because service=exchange-online and servers=exchange-2010-or-later" in str(error)
    assert str(error).endswith(
        "choose one of: Yes — the Hybrid Configuration wizard has run (yes), No (no)"
    )


def test_missing_servers_offers_only_what_fits_eop(model: Model) -> None:
    error = error_for(model, {"service": "eop", "partners": "no"})
    assert error.key == "servers"
    assert "none" not in error.valid


def test_answers_to_questions_not_asked_are_ignored_and_listed(model: Model) -> None:
    answers = {
        "service": "eop",
        "servers": "other-smtp",
        "partners": "no",
        "hybrid": "yes",
        "devices": "yes",
    }
    result = decide(model, answers)
    assert [(i["key"], i["value"]) for i in result["ignored"]] == [
        ("hybrid", "yes"),
        ("devices", "yes"),
    ]
    assert (
        "asked only when service=exchange-online and servers=exchange-2010-or-later"
        in (result["ignored"][0]["reason"])
    )
    without = decide(model, {"service": "eop", "servers": "other-smtp", "partners": "no"})
    assert {**result, "ignored": []} == without


def test_answers_must_be_a_mapping(model: Model) -> None:
    error = error_for(model, ["service=eop"])
    assert "answers must be a mapping" in str(error)


def test_next_questions_starts_with_the_questions_always_asked(model: Model) -> None:
    # partners is asked once the service is known (not with service=neither).
    assert [q["id"] for q in next_questions(model, {})] == ["service", "servers"]
    assert [q["id"] for q in next_questions(model, {"service": "eop"})] == ["servers", "partners"]


def test_next_questions_asks_hybrid_once_it_is_relevant(model: Model) -> None:
    pending = next_questions(
        model, {"service": "exchange-online", "servers": "exchange-2010-or-later"}
    )
    assert [q["id"] for q in pending] == ["hybrid", "partners"]
    assert [o["value"] for o in pending[0]["options"]] == ["yes", "no"]
    assert pending[0]["asked_when"] == {
        "service": ["exchange-online"],
        "servers": ["exchange-2010-or-later"],
    }


def test_next_questions_hides_none_for_eop(model: Model) -> None:
    pending = next_questions(model, {"service": "eop"})
    servers = next(q for q in pending if q["id"] == "servers")
    assert "none" not in [o["value"] for o in servers["options"]]


def test_next_questions_is_empty_when_complete(model: Model) -> None:
    assert next_questions(model, CLOUD_ONLY) == []


def test_next_questions_refuses_wrong_answers(model: Model) -> None:
    with pytest.raises(AnswerError):
        next_questions(model, {"service": "exchange-on-line"})


# --- robustness: whatever comes in, a result or an AnswerError -------------------------

ALL_VALUES = [
    "exchange-online",
    "eop",
    "neither",
    "none",
    "exchange-2010-or-later",
    "exchange-2007-or-earlier",
    "other-smtp",
    "yes",
    "no",
    "present",
    "missing",
    "not-sure",
    "smtp-auth",
    "direct-send",
    "smtp-relay",
    "office-365",
    "filtering-service",
    "archiving-service",
    "your-servers",
    "direct",
    "via-service",
    "via-your-servers",
]
keys = st.one_of(st.sampled_from(CONTRACT_QUESTIONS), st.text(max_size=8), st.integers(), st.none())
values = st.one_of(
    st.sampled_from(ALL_VALUES),
    st.text(max_size=8),
    st.booleans(),
    st.integers(),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
    st.floats(allow_nan=True),
)
answer_dicts = st.dictionaries(keys, values, max_size=7)


def assert_result_shape(result: dict[str, Any]) -> None:
    assert result["verdict"] in VERDICTS
    needs = {c["need"] for c in result["connectors"]}
    expected = "required" if "required" in needs else "optional" if needs else "not-needed"
    assert result["verdict"] == expected


def assert_good_error(error: AnswerError) -> None:
    message = str(error)
    assert message and "\n" not in message
    assert isinstance(error.key, str)
    for choice in error.valid:
        assert choice in message


@settings(max_examples=examples(400), deadline=None)
@given(answers=answer_dicts)
def test_decide_never_crashes(model: Model, answers: dict[Any, Any]) -> None:
    try:
        result = decide(model, answers)
    except AnswerError as error:
        assert_good_error(error)
    else:
        assert_result_shape(result)


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_valid_answers_plus_noise_answer_or_fail_cleanly(model: Model, data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(reachable_answer_sets(model)))
    dropped = data.draw(st.sets(st.sampled_from(sorted(base))))
    noise = data.draw(answer_dicts)
    answers = {**{k: v for k, v in base.items() if k not in dropped}, **noise}
    for call in (decide, next_questions):
        try:
            outcome = call(model, answers)
        except AnswerError as error:
            assert_good_error(error)
        else:
            if call is decide:
                assert_result_shape(outcome)


# --- each refusal's whole message and fields -----------------------------------------------

QUESTION_IDS = ("service", "servers", "hybrid", "hybrid_connectors", "devices", "device_method",
                "mx", "outbound", "add_on", "partners")


@pytest.mark.parametrize(
    ("given", "message", "key", "valid"),
    [
        (["service=eop"],
         "answers must be a mapping of question id to answer, found list", "", QUESTION_IDS),
        ({"service": "exchange-online", "servers": "none", "devices": True},
         "True (bool; answers are text) is not an answer to 'devices' (\"Do printers, "
         "scanners, fax machines or applications need to send mail?\"); choose one of: Yes "
         "(yes), No (no)", "devices", ("yes", "no")),
        ({5: "x"}, "unknown question 5; valid questions: " + ", ".join(QUESTION_IDS), "5",
         QUESTION_IDS),
        ({}, "missing answer to 'service' (\"Which Microsoft service handles your "
         "organization's mail?\"); choose one of: Exchange Online (mailboxes in Microsoft 365 "
         "/ Office 365) (exchange-online), Standalone Exchange Online Protection (EOP) (eop), "
         "Neither — only our own Exchange servers, no Microsoft 365 mail service (neither)",
         "service", ("exchange-online", "eop", "neither")),
    ],
    ids=["not-a-mapping", "not-text", "key-not-text", "missing-unconditional"],
)
def test_a_refusal_names_the_key_the_value_and_the_valid_answers(
    model: Model, given: Any, message: str, key: str, valid: tuple[str, ...]
) -> None:
    with pytest.raises(AnswerError) as refusal:
        decide(model, given)
    assert str(refusal.value) == message
    assert refusal.value.reader_message == message
    assert (refusal.value.key, refusal.value.valid) == (key, valid)
    # The answer at fault: the whole non-mapping, the given value, none when missing.
    assert refusal.value.value == {"": given, "devices": True, "5": "x", "service": None}[key]


def test_an_ignored_answer_says_when_its_question_is_asked(model: Model) -> None:
    result = decide(model, {"service": "exchange-online", "servers": "none", "hybrid": "yes",
                            "devices": "no", "partners": "no"})
    assert result["ignored"] == [{
        "key": "hybrid", "value": "yes",
        "reason": "'hybrid' is asked only when service=exchange-online and "
        "servers=exchange-2010-or-later",
    }]


def test_a_question_offered_next_has_its_whole_shape(model: Model) -> None:
    servers = next_questions(model, {"service": "exchange-online"})[0]
    question = model.questions["servers"]
    assert servers == {
        "id": "servers", "label": question.label, "help": question.help,
        "options": [{"value": o.value, "label": o.label, "help": o.help}
                    for o in question.options],
        "asked_when": {}, "asked_when_text": "always", "sections": ["WhatifIhave1"],
        "default": None,
    }
    assert servers["help"] and all(o["help"] for o in servers["options"])
