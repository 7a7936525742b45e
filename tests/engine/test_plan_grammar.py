"""Every generated script read with a real PowerShell grammar (tree-sitter-powershell).

Each statement must be one allowed cmdlet whose arguments are parameters, single-quoted
literals (or lists of them) and $true/$false — no subexpression, pipeline, variable,
double-quoted string or script block. The grammar ends a string only at ASCII quotes,
while PowerShell also ends one at U+2018-U+201B (about_Quoting_Rules): so no literal may
hold U+2018-U+201E either. Hostile values (hypothesis) are refused or stay inside one
literal.
"""

from __future__ import annotations

from typing import Any

import tree_sitter_powershell
from hypothesis import given, settings
from hypothesis import strategies as st
from tree_sitter import Language, Node, Parser

from engine import Model, decide, load_packaged_model, reachable_answer_sets
from engine.plan import load_packaged_plan, make_plan
from engine.plan_values import PlanValueError
from tests.engine.hypothesis_budget import examples

from .test_plan import EXAMPLE, SERVERS

PARSER = Parser(Language(tree_sitter_powershell.language()))
PLAN = load_packaged_plan()
MODEL = load_packaged_model()
ALLOWED = {
    "Connect-ExchangeOnline",
    "New-InboundConnector",
    "Set-InboundConnector",
    "New-OutboundConnector",
    "Set-OutboundConnector",
    "Validate-OutboundConnector",
}
TYPOGRAPHIC_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e"
ARGUMENT_NODES = {"command_argument_sep", "command_parameter", "array_literal_expression"}


def text(node: Node) -> str:
    return node.text.decode("utf-8") if node.text is not None else ""


def commands(script: str) -> list[tuple[str, list[str]]]:
    """(cmdlet, literal strings) per statement; fails on anything but plain commands."""
    tree = PARSER.parse(script.encode("utf-8"))
    assert not tree.root_node.has_error, script
    (statements,) = [n for n in tree.root_node.children if n.type == "statement_list"]
    found = []
    for statement in statements.named_children:
        if statement.type == "comment":
            continue  # the script's explanations: one line each, nothing runs
        assert statement.type == "pipeline", text(statement)
        (chain,) = statement.named_children
        assert chain.type == "pipeline_chain" and len(chain.named_children) == 1, text(statement)
        (cmd,) = chain.named_children  # one command: no pipeline "|"
        name = cmd.child_by_field_name("command_name")
        assert name is not None and text(name) in ALLOWED, text(statement)
        literals: list[str] = []
        elements = cmd.child_by_field_name("command_elements")
        for element in elements.named_children if elements else []:
            assert element.type in ARGUMENT_NODES, (element.type, text(element))
            if element.type == "array_literal_expression":
                literals.extend(argument_literals(element))
        found.append((text(name), literals))
    return found


def argument_literals(array: Node) -> list[str]:
    """The literals of one argument: single-quoted strings, or $true / $false."""
    values = []
    for unary in array.named_children:
        assert unary.type == "unary_expression", text(unary)
        (inner,) = unary.named_children
        if inner.type == "variable":
            assert text(inner) in ("$true", "$false"), text(inner)
            continue
        assert inner.type == "string_literal", text(inner)
        literal = text(inner)
        assert literal.startswith("'") and literal.endswith("'"), literal  # verbatim only
        values.append(literal[1:-1].replace("''", "'"))
    return values


def script_for(answers: dict[str, str], values: dict[str, str]) -> str:
    return str(make_plan(PLAN, decide(MODEL, answers), values)["script"])


def test_the_grammar_sees_what_powershell_would_run() -> None:
    # The checks can fail: an injected pipeline, subexpression or variable is caught.
    for bad in (
        "New-InboundConnector -Name 'a' | Remove-Item x\n",
        "New-InboundConnector -Name \"$(Stop-Computer)\"\n",
        "New-InboundConnector -Name $env:USERNAME\n",
        "Stop-Computer\n",
    ):
        try:
            commands(bad)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {bad!r}")


def test_every_generated_script_is_plain_commands(model: Model) -> None:
    without_certs = {k: v for k, v in EXAMPLE.items() if not k.endswith("_cert")}
    for values in (EXAMPLE, without_certs, {}):
        for answers in reachable_answer_sets(model):
            script = script_for(answers, values)
            found = commands(script)
            assert found[0] == ("Connect-ExchangeOnline", [])
            for _, literals in found:
                for literal in literals:
                    assert not any(q in literal for q in TYPOGRAPHIC_QUOTES), literal


HOSTILE = st.one_of(
    st.sampled_from([
        "'", "''", "\u2019", "\u2018", "\u201c", "\u201d", "\u201e", "\"", "`", "$(Stop-Computer)",
        "${env:X}", "; Stop-Computer", "\n", "\r\n", "\x00", "\u202e", "\u2066", "|", "&",
        "\u3002", "\uff0e", "\u2013", "\u2014", "-Force", "#", "<#", "@(", "$true",
    ]),
    st.text(max_size=12),
)


@settings(max_examples=examples(300), deadline=None)
@given(key=st.sampled_from(sorted(EXAMPLE)), prefix=HOSTILE, suffix=HOSTILE)
def test_hostile_values_are_refused_or_stay_inside_one_literal(
    key: str, prefix: str, suffix: str
) -> None:
    hostile = f"{prefix}{EXAMPLE[key]}{suffix}"
    answers: dict[str, Any] = {
        **SERVERS, "partners": "yes", "mx": "filtering-service",
    }
    try:
        script = script_for(answers, {**EXAMPLE, key: hostile})
    except PlanValueError as refusal:
        assert refusal.key == key
        return
    found = commands(script)
    benign = commands(script_for(answers, EXAMPLE))
    # Same commands, same number of literals: the value did not break out of its quotes.
    assert [c for c, _ in found] == [c for c, _ in benign]
    assert [len(lits) for _, lits in found] == [len(lits) for _, lits in benign]
    for _, literals in found:
        for literal in literals:
            assert not any(q in literal for q in TYPOGRAPHIC_QUOTES)
