"""Every combination of answers a user can give to the model's questions."""

from __future__ import annotations

from engine.model import Model

__all__ = ["reachable_answer_sets"]


def reachable_answer_sets(model: Model) -> list[dict[str, str]]:
    """All complete, valid answer sets: each answers exactly the questions it makes relevant.

    Invalid combinations are left out. Order: the questions' order, then their options'
    order, so the list reads like a decision tree.
    """
    partial: list[dict[str, str]] = [{}]
    for question in model.questions.values():
        grown: list[dict[str, str]] = []
        for answers in partial:
            if question.asked_when.holds(answers):
                grown.extend({**answers, question.id: value} for value in question.values)
            else:
                grown.append(answers)
        partial = grown
    return [
        answers
        for answers in partial
        if not any(combination.when.holds(answers) for combination in model.invalid_combinations)
    ]
