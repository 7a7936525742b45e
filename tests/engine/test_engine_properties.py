"""Properties over random answer sets with every key of the contract (hypothesis).

Each drawn set is classified by a small oracle written here from the contract — unknown
key, unknown value, impossible combination, missing answer, or a result — and the engine
must agree on *which* refusal (the key it names), not merely refuse. Results and
`next_questions` must agree with each other.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import AnswerError, Model, decide, load_packaged_model, next_questions
from tests.engine.hypothesis_budget import examples

MODEL = load_packaged_model()
KEYS = list(MODEL.questions)
ALL_VALUES = sorted({v for q in MODEL.questions.values() for v in q.values})

# A value for a key: mostly one of its own options, sometimes another key's option.
def value_for(key: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(MODEL.questions[key].values),
        st.sampled_from(MODEL.questions[key].values),
        st.sampled_from(ALL_VALUES),
    )


answer_sets = st.lists(st.sampled_from([*KEYS, "colour"]), unique=True, max_size=10).flatmap(
    lambda keys: st.fixed_dictionaries(
        {key: value_for(key) if key != "colour" else st.just("blue") for key in keys}
    )
)

IMPOSSIBLE = [  # the contract's refusals: (earlier, later) answers that cannot go together
    (("service", "eop"), ("servers", "none")),
    (("service", "neither"), ("servers", "none")),
    (("servers", "none"), ("mx", "your-servers")),
    (("servers", "none"), ("outbound", "via-your-servers")),
]


def oracle(model: Model, given: dict[str, str]) -> tuple[str, Any]:
    """("refused", key) or ("result", (assumed keys, ignored keys))."""
    for key, value in given.items():
        if key not in model.questions or value not in model.questions[key].values:
            return "refused", key
    effective: dict[str, str] = {}
    assumed, ignored, missing = [], [], []
    for question in model.questions.values():
        if not question.asked_when.holds(effective):
            if question.id in given:
                ignored.append(question.id)
        elif question.id in given:
            effective[question.id] = given[question.id]
        elif question.default is not None:
            effective[question.id] = question.default
            assumed.append(question.id)
        else:
            missing.append(question.id)
    for (first, first_value), (later, later_value) in IMPOSSIBLE:
        if effective.get(first) == first_value and effective.get(later) == later_value:
            return "refused", later
    if missing:
        return "refused", missing[0]
    return "result", (assumed, ignored)


@settings(max_examples=examples(600), deadline=None)
@given(answers=answer_sets)
def test_engine_agrees_with_the_contract_oracle(answers: dict[str, str]) -> None:
    kind, expected = oracle(MODEL, answers)
    if kind == "refused":
        try:
            decide(MODEL, answers)
        except AnswerError as error:
            assert error.key == expected, (answers, str(error))
            assert "\n" not in str(error)
            for value in error.valid:
                assert f"({value})" in str(error) or value in str(error)
        else:
            raise AssertionError(f"{answers} should be refused for {expected!r}")
        return
    result = decide(MODEL, answers)
    assumed, ignored = expected
    assert [a["key"] for a in result["assumed"]] == assumed
    assert [i["key"] for i in result["ignored"]] == ignored
    needs = {c["need"] for c in result["connectors"]}
    expected_verdict = "required" if "required" in needs else "optional" if needs else "not-needed"
    assert result["verdict"] == expected_verdict
    assert result["headline"].startswith({"required": "Yes", "optional": "Optional",
                                          "not-needed": "No"}[result["verdict"]])


@settings(max_examples=examples(400), deadline=None)
@given(answers=answer_sets)
def test_next_questions_agrees_with_decide(answers: dict[str, str]) -> None:
    kind, expected = oracle(MODEL, answers)
    if kind == "refused" and (
        expected not in MODEL.questions or answers.get(expected) is not None
    ):
        return  # a wrong answer: both refuse (checked above)
    try:
        pending = [q["id"] for q in next_questions(MODEL, answers)]
        with_defaults = [q["id"] for q in next_questions(MODEL, answers, with_defaults=True)]
    except AnswerError as error:
        assert kind == "refused" and error.key == expected
        return
    if kind == "refused":
        # A missing answer: next_questions asks for it first.
        assert pending[0] == expected
    else:
        assert pending == []
        assert with_defaults == expected[0]  # exactly the questions that were assumed
        # Answering them with their defaults changes nothing but the assumed list.
        filled = {**answers, **{key: MODEL.questions[key].default or "" for key in expected[0]}}
        again = decide(MODEL, filled)
        first = decide(MODEL, answers)
        assert again["assumed"] == []
        assert {**again, "assumed": first["assumed"]} == first
