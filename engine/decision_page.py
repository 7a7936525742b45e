"""The full decision table as a page people can read (the checker's no-JavaScript fallback).

First the 2018 article's cases (every later question at its default), then, for each
later question, what each of its other answers changes in those cases, then every
combination in a folded section. Answers and results are shown by their labels, never
their keys; each row links to the checker with its answers. Markdown for Material (tables,
`md_in_html`); `engine.decision_table` keeps the plain one-row-per-case table for scripts.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

from engine.decide import decide
from engine.model import Model, Option
from engine.reachable import reachable_answer_sets
from engine.result import Result

__all__ = ["decision_page_markdown", "seed_cases"]


def seed_cases(model: Model) -> list[dict[str, str]]:
    """The article's cases: reachable answer sets of the first contract's answers only, in
    which every later question takes its default (left out of the returned sets)."""
    cases = []
    for answers in reachable_answer_sets(model):
        first_contract = all(
            model.questions[key].default in (None, value)
            and _option(model, key, value).since_contract == 1
            for key, value in answers.items()
        )
        if first_contract:
            cases.append({k: v for k, v in answers.items() if model.questions[k].default is None})
    return cases


def _option(model: Model, key: str, value: str) -> Option:
    return next(option for option in model.questions[key].options if option.value == value)


def decision_page_markdown(model: Model, checker_href: str) -> str:
    """The page's Markdown; `checker_href` is the checker page relative to this page."""
    seeds = seed_cases(model)
    parts = [
        "## The article's cases",
        "",
        "The cases of the article's two tables. The questions added since (MX records, "
        "outbound mail, add-on services, how devices send, missing hybrid connectors) take "
        "their usual answer here. Each number opens the case in the checker.",
        "",
        "| # | Your situation | The answer | Connectors to create |",
        "| --- | --- | --- | --- |",
    ]
    for number, answers in enumerate(seeds, start=1):
        result = decide(model, answers)
        parts.append(_row([
            _open_link(str(number), answers, checker_href),
            _situation(model, answers),
            result["headline"],
            _connectors(result),
        ]))
    parts += [
        "",
        "## What each later answer changes",
        "",
        "Each later answer changes the case above as its section says; several later "
        "answers together add up (the checker gives the exact answer for any mix). The "
        "case numbers open the checker with that answer.",
        "",
    ]
    for question in model.questions.values():
        if question.default is None:
            continue
        for value in question.values:
            if value != question.default:
                parts.extend(_refinement(model, seeds, question.id, value, checker_href))
    parts.extend(_new_answers(model, checker_href))
    return "\n".join(parts)


def _new_answers(model: Model, checker_href: str) -> list[str]:
    """Answers added to the article's own questions (e.g. neither Exchange Online nor EOP)."""
    lines: list[str] = []
    for question in model.questions.values():
        for option in question.options:
            if option.since_contract == 1:
                continue
            cases = [a for a in reachable_answer_sets(model) if a.get(question.id) == option.value]
            lines += [f"### {question.name}: {option.label}", ""]
            lines += ["| Case | Your situation | The answer |", "| --- | --- | --- |"]
            for answers in cases:
                lines.append(_row([
                    _open_link("Open", answers, checker_href),
                    _situation(model, answers),
                    decide(model, answers)["headline"],
                ]))
            lines.append("")
    return lines


def _refinement(
    model: Model, seeds: list[dict[str, str]], key: str, value: str, checker_href: str
) -> list[str]:
    """A section: which cases the answer applies to, grouped by what it changes."""
    question = model.questions[key]
    groups: dict[str, list[str]] = {}
    for number, seed in enumerate(seeds, start=1):
        before = decide(model, seed)
        if not question.asked_when.holds(before["answers"]):
            continue
        changed = {**seed, key: value}
        try:
            after = decide(model, changed)
        except ValueError:
            continue  # an impossible combination (e.g. MX on servers you do not have)
        change = _changes(before, after)
        if before["verdict"] != after["verdict"]:
            change += f"; the answer becomes {after['headline'].split(' — ')[0]}"
        groups.setdefault(change, []).append(_open_link(str(number), changed, checker_href))
    if not groups:
        return []
    lines = [f"### {question.name}: {question.label_of(value)}", ""]
    lines += ["| Cases | What changes |", "| --- | --- |"]
    for change, cases in groups.items():
        lines.append(_row([", ".join(cases), change]))
    return [*lines, ""]


def _changes(before: Result, after: Result) -> str:
    needs_before = {c["name"]: c["need"] for c in before["connectors"]}
    needs_after = {c["name"]: c["need"] for c in after["connectors"]}
    changes = [
        f"adds {name} ({need})"
        for name, need in needs_after.items()
        if needs_before.get(name) != need
    ]
    changes += [f"drops {name}" for name in needs_before if name not in needs_after]
    return "; ".join(changes) if changes else "no connector changes; the advice does"


def _situation(model: Model, answers: Mapping[str, str]) -> str:
    return "<br>".join(
        f"{model.questions[key].name}: {model.questions[key].label_of(value)}"
        for key, value in answers.items()
    )


def _connectors(result: Result) -> str:
    if not result["connectors"]:
        return "no connector to create"
    return "<br>".join(
        f"{c['name']} ({c['need']}): {c['settings']['from']} → {c['settings']['to']}"
        for c in result["connectors"]
    )


def _open_link(text: str, answers: Mapping[str, str], checker_href: str) -> str:
    # Raw HTML: a query on a page link is not a Markdown file link to check.
    href = html.escape(f"{checker_href}?{urlencode(dict(answers))}", quote=True)
    return f'<a href="{href}" title="Open in the checker">{text}</a>'


def _row(cells: list[str]) -> str:
    # A literal "|" would end the cell early.
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
