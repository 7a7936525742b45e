"""Static checks of a model, by enumerating every reachable combination of answers.

With a handful of finite-domain questions, enumeration is exact: each finding about
table coverage comes with the concrete answers that show it (the analyses of Calvanese
et al., "Semantics, Analysis and Simplification of DMN Decision Tables", 2018, done
by brute force).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from engine.model import Condition, Model
from engine.reachable import reachable_answer_sets

__all__ = ["FINDING_KINDS", "Finding", "referenced_anchors", "verify_model"]

FINDING_KINDS = (
    "no-result",  # reachable answers for which a table that applies has no matching rule
    "overlap",  # two rules of a unique-hit table match the same answers
    "dead-rule",  # a rule no reachable answers make fire
    "unused-question",  # a question no rule or condition reads
    "unknown-reference",  # a question, option, outcome, connector, link or mail path not defined
    "unknown-anchor",  # a section anchor the article does not have
)


@dataclass(frozen=True)
class Finding:
    """A problem in the model: kind, a message naming the YAML path, answers that show it."""

    kind: str
    message: str
    counterexample: dict[str, str] | None = None

    def __str__(self) -> str:
        if self.counterexample is None:
            return f"[{self.kind}] {self.message}"
        answers = " ".join(f"{key}={value}" for key, value in self.counterexample.items())
        return f"[{self.kind}] {self.message}; answers: {answers}"


def verify_model(model: Model, known_anchors: Collection[str] | None = None) -> list[Finding]:
    """Every problem found in `model`; empty when it is sound.

    `known_anchors`: the anchors of the built article; when given, links to other
    anchors are reported.
    """
    findings = [*_unknown_references(model), *_table_findings(model), *_unused_questions(model)]
    if known_anchors is not None:
        findings.extend(_unknown_anchors(model, known_anchors))
    return findings


def referenced_anchors(model: Model) -> list[str]:
    """The article anchors the model refers to (links, rule sources, question sections), sorted."""
    return sorted({anchor for _, anchor in _anchor_references(model)})


def _table_findings(model: Model) -> Iterator[Finding]:
    fired: set[tuple[str, str]] = set()
    overlaps_seen: set[tuple[str, ...]] = set()
    for answers in reachable_answer_sets(model):
        applicable = [table for table in model.tables if table.applies_when.holds(answers)]
        if not applicable:
            yield Finding("no-result", "no decision table applies to these answers", answers)
        for table in applicable:
            matching = table.matching_rules(answers)
            fired.update((table.id, rule.id) for rule in matching)
            if not matching:
                yield Finding(
                    "no-result", f"{table.where} (table {table.id!r}): no rule matches", answers
                )
            ids = (table.id, *(rule.id for rule in matching))
            if len(matching) > 1 and table.hit_policy == "unique" and ids not in overlaps_seen:
                overlaps_seen.add(ids)
                names = " and ".join(repr(rule.id) for rule in matching)
                yield Finding(
                    "overlap",
                    f"{table.where} (unique-hit table {table.id!r}): rules {names} all match",
                    answers,
                )
    for table in model.tables:
        for rule in table.rules:
            if (table.id, rule.id) not in fired:
                yield Finding(
                    "dead-rule",
                    f"{rule.where} (rule {rule.id!r}): never fires; no reachable answers have "
                    f"{rule.when.describe()} where the table applies "
                    f"({table.applies_when.describe()})",
                )


def _conditions(model: Model) -> Iterator[tuple[str, Condition]]:
    """Every condition of the model, with its YAML path."""
    for question in model.questions.values():
        yield f"{question.where}.asked_when", question.asked_when
    for combination in model.invalid_combinations:
        yield f"{combination.where}.when", combination.when
    for table in model.tables:
        yield f"{table.where}.applies_when", table.applies_when
        for rule in table.rules:
            yield f"{rule.where}.when", rule.when


def _unused_questions(model: Model) -> Iterator[Finding]:
    used = {question for _, condition in _conditions(model) for question in condition.questions}
    for question in model.questions.values():
        if question.id not in used:
            yield Finding(
                "unused-question",
                f"{question.where} (question {question.id!r}): no rule or condition uses it, "
                "so its answer never changes a result",
            )


def _unknown_references(model: Model) -> Iterator[Finding]:
    yield from _unknown_in_conditions(model)
    yield from _unknown_question_order(model)
    for table in model.tables:
        for rule in table.rules:
            yield from _unknown_ids(f"{rule.where}.then", rule.then, model.outcomes, "outcome")
    if model.prerequisite_for_connectors is not None:
        yield from _unknown_ids(
            "tables.yaml: prerequisite_for_connectors",
            (model.prerequisite_for_connectors,),
            model.outcomes,
            "outcome",
        )
    for outcome in model.outcomes.values():
        used_connectors = tuple(use.connector for use in outcome.connectors)
        yield from _unknown_ids(
            f"{outcome.where}.connectors", used_connectors, model.connectors, "connector"
        )
        yield from _unknown_ids(f"{outcome.where}.links", outcome.links, model.links, "link")
        yield from _unknown_ids(
            f"{outcome.where}.mail_paths", outcome.mail_paths, model.mail_paths, "mail path"
        )
    for connector in model.connectors.values():
        yield from _unknown_ids(
            f"{connector.where}.set_up", (connector.set_up,), model.links, "link"
        )
        if model.nodes:
            yield from _unknown_ids(
                f"{connector.where}.nodes", connector.drawn_between, model.nodes, "diagram node"
            )
    yield from _unknown_in_diagram(model)
    for table in model.tables:
        for rule in table.rules:
            if rule.source.later is not None:
                yield from _unknown_ids(
                    f"{rule.where}.source.link", (rule.source.later.link,), model.links, "link"
                )


def _unknown_in_diagram(model: Model) -> Iterator[Finding]:
    """Mail paths name diagram nodes; a node's `sub_by` names questions and their options."""
    if not model.nodes:
        return
    for path in model.mail_paths.values():
        ends = (path.from_end, *path.via, path.to_end)
        yield from _unknown_ids(f"{path.where}", ends, model.nodes, "diagram node")
    for node in model.nodes.values():
        for question_id, by_value in node.sub_by:
            values = tuple(value for value, _ in by_value)
            yield from _unknown_answers(model, f"{node.where}.sub_by", question_id, values)


def _unknown_in_conditions(model: Model) -> Iterator[Finding]:
    for where, condition in _conditions(model):
        for question_id, values in condition.clauses:
            yield from _unknown_answers(model, where, question_id, values)


def _unknown_answers(
    model: Model, where: str, question_id: str, values: Collection[str]
) -> Iterator[Finding]:
    """A question id and answers named at `where` (a condition, a node's sub_by)."""
    question = model.questions.get(question_id)
    if question is None:
        yield Finding(
            "unknown-reference",
            f"{where}: unknown question {question_id!r}; "
            f"known questions: {', '.join(model.questions)}",
        )
        return
    for value in values:
        if value not in question.values:
            yield Finding(
                "unknown-reference",
                f"{where}.{question_id}: {value!r} is not an option of {question_id!r}; "
                f"options: {', '.join(question.values)}",
            )


def _unknown_question_order(model: Model) -> Iterator[Finding]:
    """A question's asked_when may only read questions asked before it."""
    earlier: list[str] = []
    for question in model.questions.values():
        for used in question.asked_when.questions:
            if used in model.questions and used not in earlier:
                yield Finding(
                    "unknown-reference",
                    f"{question.where}.asked_when: uses {used!r}, which is not asked before "
                    f"{question.id!r}; move {used!r} up or drop it from the condition",
                )
        earlier.append(question.id)


def _unknown_ids(
    where: str, ids: Collection[str], known: Collection[str], what: str
) -> Iterator[Finding]:
    for id_ in ids:
        if id_ not in known:
            yield Finding(
                "unknown-reference",
                f"{where}: unknown {what} {id_!r}; known: {', '.join(known)}",
            )


def _anchor_references(model: Model) -> Iterator[tuple[str, str]]:
    for question in model.questions.values():
        for anchor in question.sections:
            yield f"{question.where}.sections", anchor
    for table in model.tables:
        for rule in table.rules:
            if rule.source.section is not None:
                yield f"{rule.where}.source.section", rule.source.section
    for link in model.links.values():
        if link.section is not None:
            yield f"{link.where}.section", link.section


def _unknown_anchors(model: Model, known_anchors: Collection[str]) -> Iterator[Finding]:
    for where, anchor in _anchor_references(model):
        if anchor not in known_anchors:
            yield Finding(
                "unknown-anchor",
                f"{where}: the article has no anchor {anchor!r}; "
                f"its anchors: {', '.join(sorted(known_anchors))}",
            )
