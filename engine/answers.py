"""Checking answers against the questions: known keys and values, relevance, combinations.

A question is relevant when its `asked_when` holds for the relevant answers to the
questions before it. Answers to questions that are not relevant are set aside as
ignored, never used. A relevant question without an answer takes its default, if it has
one (it is then *assumed*), and is missing otherwise.

Messages name options by their labels, with the value in brackets: a reader of the page
recognises the label, a script writer the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine.model import Model, Question

__all__ = [
    "AnswerError",
    "CheckedAnswers",
    "allowed_values",
    "check_answers",
    "choices_text",
    "missing_answer_error",
    "next_questions",
    "question_as_dict",
]


class AnswerError(ValueError):
    """Answers the model cannot accept.

    `key` is the question at fault, `value` the answer given (None when missing), `valid`
    the answers (or, for an unknown key, the question ids) that would be accepted. The
    message is one line naming the problem and listing the valid choices;
    `reader_message` says the same in the words of the page (labels only, no keys).
    """

    def __init__(
        self,
        message: str,
        *,
        key: str,
        value: object,
        valid: tuple[str, ...],
        reader_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.key = key
        self.value = value
        self.valid = valid
        self.reader_message = reader_message if reader_message is not None else message


@dataclass(frozen=True)
class CheckedAnswers:
    """Answers split by relevance; see `check_answers`."""

    answers: dict[str, str]
    ignored: tuple[dict[str, str], ...]
    missing: tuple[Question, ...]
    assumed: tuple[Question, ...] = ()


def check_answers(model: Model, given: object) -> CheckedAnswers:
    """Validate `given` (question id -> answer) and split it by relevance.

    Raises `AnswerError` for an unknown key, an unknown or non-text value, or an invalid
    combination. Missing answers are returned, not raised: a UI asks for them next.
    """
    if not isinstance(given, Mapping):
        raise AnswerError(
            f"answers must be a mapping of question id to answer, found {type(given).__name__}",
            key="",
            value=given,
            valid=tuple(model.questions),
        )
    for key, value in given.items():
        _check_one(model, key, value)
    relevant: dict[str, str] = {}
    ignored: list[dict[str, str]] = []
    missing: list[Question] = []
    assumed: list[Question] = []
    for question in model.questions.values():
        if not question.asked_when.holds(relevant):
            if question.id in given:
                ignored.append(_ignored_entry(question, given[question.id]))
        elif question.id in given:
            relevant[question.id] = given[question.id]
        elif question.default is not None:
            relevant[question.id] = question.default
            assumed.append(question)
        else:
            missing.append(question)
    _check_combinations(model, relevant)
    return CheckedAnswers(relevant, tuple(ignored), tuple(missing), tuple(assumed))


def choices_text(question: Question, values: tuple[str, ...]) -> str:
    """``label (value), label (value)`` for the options `values` of `question`."""
    return ", ".join(f"{question.label_of(value)} ({value})" for value in values)


def _check_one(model: Model, key: object, value: object) -> None:
    question = model.questions.get(key) if isinstance(key, str) else None
    if question is None:
        raise AnswerError(
            f"unknown question {key!r}; valid questions: {', '.join(model.questions)}",
            key=str(key),
            value=value,
            valid=tuple(model.questions),
        )
    if not isinstance(value, str) or value not in question.values:
        # A JSON/YAML boolean is the usual non-text answer; say so rather than just "True".
        kind = "" if isinstance(value, str) else f" ({type(value).__name__}; answers are text)"
        raise AnswerError(
            f'{value!r}{kind} is not an answer to {key!r} ("{question.label}"); '
            f"choose one of: {choices_text(question, question.values)}",
            key=str(key),
            value=value,
            valid=question.values,
        )


def _ignored_entry(question: Question, value: str) -> dict[str, str]:
    return {
        "key": question.id,
        "value": value,
        "reason": f"{question.id!r} is asked only when {question.asked_when.describe()}",
    }


def _check_combinations(model: Model, relevant: dict[str, str]) -> None:
    for combination in model.invalid_combinations:
        if not combination.when.holds(relevant):
            continue
        # Blame the question answered last: the earlier answers are what rule it out.
        order = list(model.questions)
        key = max(combination.when.questions, key=order.index)
        question = model.questions[key]
        others = " and ".join(
            f"{_named(model.questions[q], relevant[q])}"
            for q in combination.when.questions
            if q != key
        )
        valid = allowed_values(model, relevant, question)
        readers_others = " and ".join(
            f'"{model.questions[q].label_of(relevant[q])}"'
            for q in combination.when.questions
            if q != key
        )
        raise AnswerError(
            f"{_named(question, relevant[key])} cannot go with {others}: {combination.reason}; "
            f"choose one of: {choices_text(question, valid)}",
            key=key,
            value=relevant[key],
            valid=valid,
            reader_message=(
                f'"{question.label_of(relevant[key])}" cannot go with {readers_others}: '
                f'{combination.reason}. Choose another answer to "{question.label}":'
            ),
        )


def _named(question: Question, value: str) -> str:
    """An answer as the reader saw it: ``"label" (key=value)``."""
    return f'"{question.label_of(value)}" ({question.id}={value})'


def allowed_values(model: Model, answers: Mapping[str, str], question: Question) -> tuple[str, ...]:
    """The answers to `question` that form no invalid combination with the other `answers`."""
    return tuple(
        value
        for value in question.values
        if not any(
            c.when.holds({**answers, question.id: value}) for c in model.invalid_combinations
        )
    )


def missing_answer_error(model: Model, checked: CheckedAnswers) -> AnswerError:
    """The error for the first missing answer of `checked` (which must have one)."""
    question = checked.missing[0]
    asked = question.asked_when
    reason = f", asked because {asked.describe()}" if asked.clauses else ""
    valid = allowed_values(model, checked.answers, question)
    return AnswerError(
        f'missing answer to {question.id!r} ("{question.label}"{reason}); '
        f"choose one of: {choices_text(question, valid)}",
        key=question.id,
        value=None,
        valid=valid,
    )


def next_questions(
    model: Model, answers: Mapping[str, object], *, with_defaults: bool = False
) -> list[dict[str, Any]]:
    """What a UI should ask next: the relevant unanswered questions, in order.

    Each is `question_as_dict`, offering only the answers that fit the ones already
    given. Questions whose relevance depends on an unanswered question come later,
    once it is answered. `with_defaults`: also the questions that would take their
    default. Raises `AnswerError` for answers that are already wrong.
    """
    checked = check_answers(model, answers)
    pending = set(checked.missing) | (set(checked.assumed) if with_defaults else set())
    return [
        question_as_dict(question, allowed_values(model, checked.answers, question))
        for question in model.questions.values()
        if question in pending
    ]


def question_as_dict(question: Question, values: tuple[str, ...] | None = None) -> dict[str, Any]:
    """JSON shape of a question; `values` limits the options offered (default: all)."""
    offered = question.values if values is None else values
    return {
        "id": question.id,
        "label": question.label,
        "help": question.help,
        "options": [
            {"value": option.value, "label": option.label, "help": option.help}
            for option in question.options
            if option.value in offered
        ],
        "asked_when": question.asked_when.as_dict(),
        "asked_when_text": question.asked_when.describe(),
        "sections": list(question.sections),
        "default": question.default,
    }
