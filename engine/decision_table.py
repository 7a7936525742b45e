"""The whole decision as one Markdown table: every reachable case, its verdict and connectors."""

from __future__ import annotations

from engine.decide import decide
from engine.model import Model
from engine.reachable import reachable_answer_sets
from engine.result import Result

__all__ = ["decision_table_markdown"]

_NOT_ASKED = "—"


def decision_table_markdown(model: Model) -> str:
    """Markdown: a short intro line, then one table row per reachable answer combination."""
    cases = reachable_answer_sets(model)
    questions = list(model.questions)
    header = ["#", *(f"`{question}`" for question in questions), "Verdict", "Connectors to create"]
    lines = [
        f"Every combination of answers the checker accepts ({len(cases)} cases), with its "
        f"verdict and the connectors to create (From → To, as the connector wizard names "
        f"them). {_NOT_ASKED} marks a question that is not asked in that case.",
        "",
        _row(header),
        _row(["---:", *(["---"] * (len(header) - 1))]),
    ]
    for number, answers in enumerate(cases, start=1):
        result = decide(model, answers)
        cells = [answers.get(question, _NOT_ASKED) for question in questions]
        lines.append(_row([str(number), *cells, result["verdict"], _connectors_cell(result)]))
    return "\n".join(lines) + "\n"


def _connectors_cell(result: Result) -> str:
    if not result["connectors"]:
        return "none"
    return "<br>".join(
        f"{c['settings']['from']} → {c['settings']['to']} ({c['need']})"
        for c in result["connectors"]
    )


def _row(cells: list[str]) -> str:
    # A literal "|" would end the cell early.
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
