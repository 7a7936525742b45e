"""The decision: answers in, the contract's result dict out. No I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from engine.answers import check_answers, missing_answer_error
from engine.model import ConnectorSpec, Link, MailPath, Model, Outcome, Rule, Table
from engine.raw_reading import ModelError

__all__ = ["VERDICTS", "decide", "fire_rules", "verdict_of"]

VERDICTS = ("required", "optional", "not-needed")


def decide(model: Model, answers: Mapping[str, object]) -> dict[str, Any]:
    """Decide which connectors the answers call for.

    Returns the result JSON of the public contract: ``verdict``, ``connectors`` (from, to,
    need, the From/To settings ...), ``explanation``, ``links``, ``next_steps``,
    ``ignored``; plus ``answers`` (the ones used), ``mail_paths`` and ``fired`` (the rules
    that decided, in plain words). Raises `AnswerError` for answers it cannot accept,
    including a relevant question left unanswered.
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
    return {
        "verdict": verdict_of(need for _, need in connectors),
        "answers": checked.answers,
        "connectors": [_connector_dict(model, spec, need) for spec, need in connectors],
        "explanation": _unique(text for outcome in outcomes for text in outcome.explanation),
        "next_steps": _unique(text for outcome in outcomes for text in outcome.next_steps),
        "links": [
            _link_dict(model.links[link_id])
            for link_id in _unique(link_id for outcome in outcomes for link_id in outcome.links)
        ],
        "mail_paths": [
            _mail_path_dict(model.mail_paths[path_id])
            for path_id in _unique(
                path_id for outcome in outcomes for path_id in outcome.mail_paths
            )
        ],
        "fired": [_fired_dict(model, table, rule) for table, rule in fired],
        "ignored": list(checked.ignored),
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


def _connector_dict(model: Model, spec: ConnectorSpec, need: str) -> dict[str, Any]:
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
    }


def _link_dict(link: Link) -> dict[str, Any]:
    return {"title": link.title, "href": link.href, "section": link.section}


def _mail_path_dict(path: MailPath) -> dict[str, Any]:
    return {
        "id": path.id,
        "from": path.from_end,
        "to": path.to_end,
        "via": path.via,
        "connector": path.connector,
        "example": path.example,
        "description": path.description,
    }


def _fired_dict(model: Model, table: Table, rule: Rule) -> dict[str, Any]:
    return {
        "table": table.id,
        "rule": rule.id,
        "because": rule.because,
        "source": {
            "section": rule.source.section,
            "detail": rule.source.detail,
            "href": f"{model.article_path}#{rule.source.section}",
        },
    }
