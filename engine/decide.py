"""The decision: answers in, the contract's result (`engine.result.Result`) out. No I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from engine.answers import AnswerError, check_answers, missing_answer_error
from engine.diagram import build_diagram
from engine.model import ConnectorSpec, Link, MailPath, Model, Outcome, Rule, Table
from engine.raw_reading import ModelError
from engine.result import (
    Assumed,
    ConnectorResult,
    FiredRule,
    LinkResult,
    MailPathResult,
    Result,
    RuleSource,
)

__all__ = ["VERDICTS", "AnswerError", "decide", "fire_rules", "verdict_of"]

VERDICTS = ("required", "optional", "not-needed")
_VERDICT_WORD = {"required": "Yes", "optional": "Optional", "not-needed": "No"}


def decide(model: Model, answers: Mapping[str, object]) -> Result:
    """Decide which connectors the answers call for.

    Returns the result of the public contract (see `engine.result.Result`). A relevant
    question left unanswered takes its default and is listed under ``assumed``; one
    without a default raises `AnswerError`, as do answers the model cannot accept.
    """
    checked = check_answers(model, answers)
    if checked.missing:
        raise missing_answer_error(model, checked)
    fired = fire_rules(model, checked.answers)
    outcomes = [model.outcomes[outcome_id] for _, rule in fired for outcome_id in rule.then]
    connectors = _merge_connectors(model, outcomes)
    if connectors and model.prerequisite_for_connectors is not None:
        # A prerequisite goes first: its next steps must be done before the others.
        outcomes.insert(0, model.outcomes[model.prerequisite_for_connectors])
    paths = [
        model.mail_paths[path_id]
        for path_id in _unique(path_id for outcome in outcomes for path_id in outcome.mail_paths)
    ]
    verdict = verdict_of(need for _, need in connectors)
    return {
        "verdict": verdict,
        "headline": _headline(verdict, connectors, outcomes),
        "answers": checked.answers,
        "assumed": [
            _assumed(question.id, checked.answers[question.id], model)
            for question in checked.assumed
        ],
        "connectors": [_connector_dict(model, spec, need) for spec, need in connectors],
        "explanation": _unique(text for outcome in outcomes for text in outcome.explanation),
        "next_steps": _unique(text for outcome in outcomes for text in outcome.next_steps),
        "links": [
            _link_dict(model.links[link_id])
            for link_id in _unique(link_id for outcome in outcomes for link_id in outcome.links)
        ],
        "mail_paths": [_mail_path_dict(path) for path in paths],
        "diagram": build_diagram(model, checked.answers, connectors, paths),
        "fired": [_fired_dict(model, table, rule) for table, rule in fired],
        "ignored": [
            {"key": entry["key"], "value": entry["value"], "reason": entry["reason"]}
            for entry in checked.ignored
        ],
    }


def fire_rules(model: Model, answers: Mapping[str, str]) -> list[tuple[Table, Rule]]:
    """The rule that fires in each table that applies to the (complete) `answers`."""
    fired: list[tuple[Table, Rule]] = []
    for table in model.tables:
        if not table.applies_when.holds(answers):
            continue
        matching = table.matching_rules(answers)
        if len(matching) != 1:
            # The verifier rules this out for compiled models; a hand-made one may get here.
            raise ModelError(
                f"{table.where}: {len(matching)} rules match {dict(answers)} in a unique-hit "
                "table; run engine.verify_model on this model"
            )
        fired.append((table, matching[0]))
    return fired


def verdict_of(needs: Iterable[str]) -> str:
    """``required`` if any need is required, else ``optional`` if any, else ``not-needed``."""
    found = set(needs)
    return next((need for need in ("required", "optional") if need in found), "not-needed")


def _headline(
    verdict: str, connectors: list[tuple[ConnectorSpec, str]], outcomes: list[Outcome]
) -> str:
    """What to do in one line: ``Yes — 2 connectors to create; <the first outcome's note>``."""
    note = next((outcome.headline for outcome in outcomes if outcome.headline), None)
    count = len(connectors)
    if verdict == "not-needed":
        what = "no connector to create"
    else:
        required = sum(need == "required" for _, need in connectors)
        kind = "" if required in (0, count) else f" ({required} required)"
        what = f"{count} connector{'s' if count != 1 else ''} to create{kind}"
        if verdict == "optional":
            what = f"{what}, if you want {'them' if count != 1 else 'it'}"
    return f"{_VERDICT_WORD[verdict]} — {what}" + (f"; {note}" if note else "")


def _merge_connectors(model: Model, outcomes: list[Outcome]) -> list[tuple[ConnectorSpec, str]]:
    """Each connector once, in order of first mention; required wins over optional."""
    needs: dict[str, str] = {}
    for outcome in outcomes:
        for use in outcome.connectors:
            if needs.get(use.connector) != "required":
                needs[use.connector] = use.need
    return [(model.connectors[connector_id], need) for connector_id, need in needs.items()]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _assumed(key: str, value: str, model: Model) -> Assumed:
    question = model.questions[key]
    return {
        "key": key,
        "value": value,
        "label": question.label_of(value),
        "question": question.label,
    }


def _connector_dict(model: Model, spec: ConnectorSpec, need: str) -> ConnectorResult:
    return {
        "id": spec.id,
        "from": spec.from_end,
        "to": spec.to_end,
        "need": need,
        "name": spec.name,
        "settings": {"from": spec.setting_from, "to": spec.setting_to},
        "purpose": spec.purpose,
        "options": list(spec.options),
        "set_up": _link_dict(model.links[spec.set_up]),
        "sources": list(spec.sources),
    }


def _link_dict(link: Link) -> LinkResult:
    return {
        "title": link.title,
        "href": link.href,
        "site_path": link.site_path,
        "section": link.section,
    }


def _mail_path_dict(path: MailPath) -> MailPathResult:
    return {
        "id": path.id,
        "from": path.from_end,
        "to": path.to_end,
        "via": list(path.via),
        "connector": path.connector,
        "example": path.example,
        "description": path.description,
    }


def _fired_dict(model: Model, table: Table, rule: Rule) -> FiredRule:
    source = rule.source
    section = source.section
    rule_source: RuleSource = {
        "section": section,
        "seed_lines": source.seed_lines,
        "detail": source.detail,
        "href": f"{model.article_public_url}#{section}" if section else None,
        "site_path": f"{model.article_path}#{section}" if section else None,
        "later": None,
    }
    if source.later is not None:
        link = model.links[source.later.link]
        rule_source["later"] = {
            "repository": source.later.repository,
            "document": source.later.document,
            "commit": source.later.commit,
            "lines": source.later.lines,
            "title": link.title,
            "href": link.href,
        }
    return {"table": table.id, "rule": rule.id, "because": rule.because, "source": rule_source}
